import { CAPTION_OPENER, CRUFT_LINE_RULES, LINK_BLOCK_HEADING, TRAILING_CREDIT, TRAILING_SECTION_HEADING } from './cruft-rules.js';
import { countWords } from './words.js';

/** One line of text, whether it opens a paragraph (follows a blank line), and its word count (asked for often). */
interface Line {
  text: string;
  opensParagraph: boolean;
  words: number;
}

/** Whitespace that normaliseLine collapses, and a quick test for whether a line has any to collapse: a run of two,
 *  or one character other than a plain space. */
const LINE_SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;
const NEEDS_SPACE_NORMALISING = /[\s\u200b\ufeff]{2}|[^\S ]|\u200b/;

/** Collapses whitespace inside a line (tabs, nbsp, zero-width spaces) without touching the words. */
const normaliseLine = (line: string): string =>
  (NEEDS_SPACE_NORMALISING.test(line) ? line.replace(LINE_SPACE_RUN, ' ') : line).trim();

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  for (const raw of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const line = normaliseLine(raw);
    if (line === '') {
      afterBlank = true;
      continue;
    }
    lines.push({ text: line, opensParagraph: afterBlank, words: countWords(line) });
    afterBlank = false;
  }
  return lines;
}

function joinLines(lines: Line[]): string {
  let out = '';
  for (const line of lines) {
    if (out !== '') out += line.opensParagraph ? '\n\n' : '\n';
    out += line.text;
  }
  return out;
}

/** The line rules, longest allowance first: a line too long for one rule is too long for all after it. */
const RULES_BY_MAX_WORDS = [...CRUFT_LINE_RULES].sort((a, b) => b.maxWords - a.maxWords);

/**
 * Cruft lines are short: no rule looks at a line longer than this, whatever its word count. A line
 * of a few huge "words" (a run of 30,000 digits) would otherwise reach patterns built for a dozen
 * short words, and some of them backtrack badly on it (measured: 108 s on 200,000 digits).
 */
const MAX_CRUFT_LINE_CHARS = 1000;

function isCruftLine(line: Line): boolean {
  if (line.text.length > MAX_CRUFT_LINE_CHARS) return false;
  for (const rule of RULES_BY_MAX_WORDS) {
    if (line.words > rule.maxWords) return false;
    if (rule.pattern.test(line.text)) return true;
  }
  return false;
}

/** Sentence-final punctuation, optionally followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?…]["”’')\]]*$/;

/** A real paragraph: ends like a sentence and is long enough to be one, or is simply long. */
const isRealParagraph = (line: Line): boolean => line.words > 20 || (line.words >= 6 && SENTENCE_END.test(line.text));

/** A line of a related-links run: a short headline-like line. */
const isLinkTitle = (line: Line): boolean => !isRealParagraph(line) && line.words <= 20;

/**
 * Rewrites each line (null drops it). A dropped paragraph opener hands the paragraph start on to the next kept
 * line, so the lines after it do not merge into the previous paragraph.
 */
function rewriteLines(lines: Line[], rewrite: (line: Line) => string | null): Line[] {
  const kept: Line[] = [];
  let pendingOpen = false;
  for (const line of lines) {
    const text = rewrite(line);
    if (text === null || text === '') {
      pendingOpen ||= line.opensParagraph;
      continue;
    }
    const opensParagraph = line.opensParagraph || pendingOpen;
    kept.push(text === line.text && opensParagraph === line.opensParagraph ? line : { text, opensParagraph, words: text === line.text ? line.words : countWords(text) });
    pendingOpen = false;
  }
  return kept;
}

/** A bare "Read more" is also a listing card's link, followed by the next card's title, which is content: after it
 *  a run is dropped only when it has several titles or reaches the end of the text. */
const WEAK_HEADING = /^read more$/i;
const MIN_RUN_AFTER_WEAK_HEADING = 2;

/** Drops related-link headings together with the run of link titles after them. */
function dropLinkBlocks(lines: Line[]): Line[] {
  const dropped = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!LINK_BLOCK_HEADING.test(lines[i]?.text ?? '')) continue;
    dropped.add(i);
    let end = i + 1;
    while (end < lines.length && isLinkTitle(lines[end]!) && !LINK_BLOCK_HEADING.test(lines[end]?.text ?? '')) end++;
    const weak = WEAK_HEADING.test(lines[i]?.text ?? '');
    if (!weak || end - i - 1 >= MIN_RUN_AFTER_WEAK_HEADING || end === lines.length) for (let j = i + 1; j < end; j++) dropped.add(j);
    i = end - 1;
  }
  if (dropped.size === 0) return lines;
  let index = -1;
  return rewriteLines(lines, (line) => (dropped.has(++index) ? null : line.text));
}

/** Largest share of the text's words that a trailing section (bio, disclaimer, references) may hold. */
const MAX_TRAILING_SECTION_SHARE = 0.5;

/** Drops a closing bio/disclaimer/references section: its heading (a line of its own) and everything after it. */
function dropTrailingSection(lines: Line[]): Line[] {
  let total = 0;
  for (const line of lines) total += line.words;
  let after = total;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    after -= line.words;
    const standalone = line.opensParagraph && (lines[i + 1]?.opensParagraph ?? true);
    if (standalone && TRAILING_SECTION_HEADING.test(line.text) && after <= MAX_TRAILING_SECTION_SHARE * total) {
      return lines.slice(0, i);
    }
  }
  return lines;
}

/** Longest caption dropped without a credit to confirm it, and with one. */
const MAX_UNCREDITED_CAPTION_WORDS = 40;
const MAX_CREDITED_CAPTION_WORDS = 80;

/** Captions are not article text: a paragraph opened like a caption is dropped; elsewhere only the credit is. */
function dropCaption(line: Line): string | null {
  const { text, words } = line;
  if (CAPTION_OPENER.test(text)) {
    if (words <= MAX_UNCREDITED_CAPTION_WORDS || (words <= MAX_CREDITED_CAPTION_WORDS && hasTrailingCredit(text))) return null;
  }
  return hasTrailingCredit(text) ? text.replace(TRAILING_CREDIT, '') : text;
}

/** TRAILING_CREDIT ends with ")" at the end of the text; the check spares the regex's scan of every other line. */
const hasTrailingCredit = (text: string): boolean => text.endsWith(')') && TRAILING_CREDIT.test(text);

/**
 * Run-together related-link titles glued to a paragraph's end: "…right now.Russia cites X but Y sounds
 * belligerentRussia says…". Only cut when the tail starts right after a sentence end with no space, has no sentence
 * end of its own, and itself shows a glue point (a lower-case letter directly followed by a capitalised word), which
 * real sentences do not have.
 */
const GLUED_TAIL = /(\p{Ll}{2}[.!?]["”’]?)(\p{Lu}\p{Ll}+(?: [^\s.!?;{}=<>]+){3,})$/u;
const GLUE_POINT = /\p{Ll}\p{Lu}\p{Ll}/u;

/**
 * A cheap necessary condition for GLUED_TAIL, which is slow to fail on long lines: the tail holds no [.!?], so the
 * glue point's [.!?] is the last one of the text, and it follows a lower-case letter and precedes (after an optional
 * quote) an upper-case one. Only ASCII characters are ruled out here; anything else is left to the regex.
 */
function mayHaveGluedTail(text: string): boolean {
  let end = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 33 || code === 63) {
      end = i;
      break;
    }
  }
  if (end < 2) return false;
  const before = text.charCodeAt(end - 1);
  if (before < 128 && !(before >= 97 && before <= 122)) return false;
  let next = end + 1;
  if (next < text.length && '"”’'.includes(text[next]!)) next++;
  if (next >= text.length) return false;
  const after = text.charCodeAt(next);
  return after >= 128 || (after >= 65 && after <= 90);
}

function dropGluedTitles(text: string): string {
  if (!mayHaveGluedTail(text)) return text;
  const match = GLUED_TAIL.exec(text);
  if (!match || match[2] === undefined || match[1] === undefined) return text;
  const tail = match[2];
  if (!GLUE_POINT.test(tail) || SENTENCE_END.test(tail)) return text;
  return text.slice(0, match.index + match[1].length);
}

/** Compares headlines ignoring case, quotes and trailing punctuation. */
const headlineKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‘’“”"'`]/g, '')
    .replace(/[\s.:;,!?|–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Characters headlineKey drops wherever they are, and those it drops from the end. */
const KEY_DROPPED = /[‘’“”"'`]/;
const KEY_TRAILING = /[\s.:;,!?|–—-]/;

/**
 * A cheap necessary condition for `headlineKey(text) === key`: the key starts with the text's first character that
 * is neither whitespace nor a dropped quote, lower-cased. Only decided for ASCII characters that the trailing
 * clean-up could not remove; anything else is left to the full comparison.
 */
function mayHaveHeadlineKey(text: string, key: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char) || KEY_DROPPED.test(char)) continue;
    if (char.charCodeAt(0) >= 128 || KEY_TRAILING.test(char)) return true;
    return key.startsWith(char.toLowerCase());
  }
  return true;
}

/**
 * A first line that reads like a headline: short, no final period, capitalised, and alone in its
 * paragraph — or followed only by a short byline or credit line ("By Ana Reyes, Valley Press").
 */
function looksLikeHeadline(lines: Line[]): boolean {
  const [first, second, third] = lines;
  if (!first || !second) return false;
  const creditBelow =
    !second.opensParagraph && third?.opensParagraph === true && second.words <= 15 && !/[.!?]$/.test(second.text);
  if (!second.opensParagraph && !creditBelow) return false;
  const words = first.words;
  return (
    words >= 2 &&
    words <= 25 &&
    first.text.length <= 200 &&
    !/[.,;:]$/.test(first.text) &&
    /^["“‘']?[\p{Lu}\p{N}]/u.test(first.text)
  );
}

/**
 * Removes web cruft from plain text without losing a real paragraph: related-link blocks, blog "Posted on … by …"
 * lines, share/print/e-mail boxes, captchas, photo credits and captions, cookie banners, copyright lines, newsletter
 * and comment prompts, tag lists, repeated headlines and glued related-link titles. When `title` is unknown and the
 * first line reads like a headline, it becomes the title. Lines keep their words; whitespace inside them is
 * normalised, and paragraphs are joined with a blank line.
 */
export function cleanText(text: string, hints: { title: string | null }): { body: string; title: string | null } {
  let lines = rewriteLines(splitLines(text), (line) => (isCruftLine(line) ? null : line.text));
  lines = dropLinkBlocks(lines);
  lines = dropTrailingSection(lines);
  lines = rewriteLines(lines, (line) => {
    const withoutCaption = dropCaption(line);
    return withoutCaption === null ? null : dropGluedTitles(withoutCaption).trim();
  });
  let title = hints.title?.trim() || null;
  if (title === null && looksLikeHeadline(lines)) {
    title = lines[0]?.text ?? null;
  }
  const key = title === null ? '' : headlineKey(title);
  if (key !== '') {
    lines = rewriteLines(lines, (line) => (mayHaveHeadlineKey(line.text, key) && headlineKey(line.text) === key ? null : line.text));
  }
  if (lines[0]) lines[0] = { ...lines[0], opensParagraph: true };
  return { body: joinLines(lines), title };
}
