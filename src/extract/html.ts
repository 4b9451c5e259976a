import type { HtmlDom } from './dom.js';
import { documentTitle, textCandidates } from './main-candidates.js';
import { countWords as wordCount } from './words.js';
import { repairMojibake } from './mojibake.js';

/**
 * Readability's text is kept when its length is within these shares of the cleaned page container's. Below, it
 * kept only a fragment (one card of a listing, the first part of a split article); above, it pulled in furniture
 * that the container's clean-up removed (the container holds all of the content by construction).
 */
const READABILITY_MIN_SHARE = 0.6;
const READABILITY_MAX_SHARE = 1.1;

/**
 * Main text of a page: Readability (on linkedom) first, with a fallback to the page's marked main container (or
 * its body) stripped of furniture when Readability returns nothing, only a fragment, or more than the page's
 * content. Paragraphs are separated by a blank line; headings, list items and table rows each stand alone.
 * Mutates `dom` (furniture is removed from it).
 */
export function extractMainText(dom: HtmlDom, url: string | null): { text: string; title: string | null } {
  void url; // part of the contract for site-specific rules; Readability needs no base URL as we return text only
  const { text, title } = chooseMainText(dom);
  return { text: repairMojibake(text), title: title === null ? null : repairMojibake(title) };
}

function chooseMainText(dom: HtmlDom): { text: string; title: string | null } {
  const { readability, container } = textCandidates(dom);
  const title = readability?.title ?? documentTitle(dom);
  if (readability) {
    const readabilityWords = wordCount(readability.text);
    const containerWords = wordCount(container);
    const share = containerWords === 0 ? Infinity : readabilityWords / containerWords;
    if (containerWords === 0 || (share >= READABILITY_MIN_SHARE && share <= READABILITY_MAX_SHARE)) {
      return { text: readability.text, title };
    }
  }
  return { text: container, title };
}
