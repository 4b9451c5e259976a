import { CAPTION_OPENER, CRUFT_LINE_RULES, LINK_BLOCK_HEADING, TRAILING_CREDIT, TRAILING_SECTION_HEADING } from './cruft-rules.js';

/** One line of text and whether it opens a paragraph (follows a blank line). */
interface Line {
  text: string;
  opensParagraph: boolean;
}

const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Collapses whitespace inside a line (tabs, nbsp, zero-width spaces) without touching the words. */
const normaliseLine = (line: string): string => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  for (const raw of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const line = normaliseLine(raw);
    if (line === '') {
      afterBlank = true;
      continue;
    }
    lines.push({ text: line, opensParagraph: afterBlank });
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

function isCruftLine(text: string): boolean {
  const words = countWords(text);
  return CRUFT_LINE_RULES.some((rule) => words <= rule.maxWords && rule.pattern.test(text));
}

/** Sentence-final punctuation, optionally followed by a closing quote or bracket. */
const SENTENCE_END = /[.!?…]["”’')\]]*$/;

/** A real paragraph: ends like a sentence and is long enough to be one, or is simply long. */
const isRealParagraph = (text: string): boolean => {
  const words = countWords(text);
  return words > 20 || (words >= 6 && SENTENCE_END.test(text));
};

/** A line of a related-links run: a short headline-like line. */
const isLinkTitle = (text: string): boolean => !isRealParagraph(text) && countWords(text) <= 20;

/**
 * Rewrites each line (null drops it). A dropped paragraph opener hands the paragraph start on to the next kept
 * line, so the lines after it do not merge into the previous paragraph.
 */
function rewriteLines(lines: Line[], rewrite: (text: string) => string | null): Line[] {
  const kept: Line[] = [];
  let pendingOpen = false;
  for (const line of lines) {
    const text = rewrite(line.text);
    if (text === null || text === '') {
      pendingOpen ||= line.opensParagraph;
      continue;
    }
    kept.push({ text, opensParagraph: line.opensParagraph || pendingOpen });
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
    while (end < lines.length && isLinkTitle(lines[end]?.text ?? '') && !LINK_BLOCK_HEADING.test(lines[end]?.text ?? '')) end++;
    const weak = WEAK_HEADING.test(lines[i]?.text ?? '');
    if (!weak || end - i - 1 >= MIN_RUN_AFTER_WEAK_HEADING || end === lines.length) for (let j = i + 1; j < end; j++) dropped.add(j);
    i = end - 1;
  }
  let index = -1;
  return rewriteLines(lines, (text) => (dropped.has(++index) ? null : text));
}

/** Largest share of the text's words that a trailing section (bio, disclaimer, references) may hold. */
const MAX_TRAILING_SECTION_SHARE = 0.5;

/** Drops a closing bio/disclaimer/references section: its heading (a line of its own) and everything after it. */
function dropTrailingSection(lines: Line[]): Line[] {
  const total = lines.reduce((sum, line) => sum + countWords(line.text), 0);
  let after = total;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    after -= countWords(line.text);
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
function dropCaption(text: string): string | null {
  if (CAPTION_OPENER.test(text)) {
    const words = countWords(text);
    if (words <= MAX_UNCREDITED_CAPTION_WORDS || (words <= MAX_CREDITED_CAPTION_WORDS && TRAILING_CREDIT.test(text))) return null;
  }
  return text.replace(TRAILING_CREDIT, '');
}

/**
 * Run-together related-link titles glued to a paragraph's end: "…right now.Russia cites X but Y sounds
 * belligerentRussia says…". Only cut when the tail starts right after a sentence end with no space, has no sentence
 * end of its own, and itself shows a glue point (a lower-case letter directly followed by a capitalised word), which
 * real sentences do not have.
 */
const GLUED_TAIL = /(\p{Ll}{2}[.!?]["”’]?)(\p{Lu}\p{Ll}+(?: [^\s.!?;{}=<>]+){3,})$/u;
const GLUE_POINT = /\p{Ll}\p{Lu}\p{Ll}/u;

function dropGluedTitles(text: string): string {
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

/**
 * A first line that reads like a headline: short, no final period, capitalised, and alone in its
 * paragraph — or followed only by a short byline or credit line ("By Ana Reyes, Valley Press").
 */
function looksLikeHeadline(lines: Line[]): boolean {
  const [first, second, third] = lines;
  if (!first || !second) return false;
  const creditBelow =
    !second.opensParagraph && third?.opensParagraph === true && countWords(second.text) <= 15 && !/[.!?]$/.test(second.text);
  if (!second.opensParagraph && !creditBelow) return false;
  const words = countWords(first.text);
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
  let lines = rewriteLines(splitLines(text), (line) => (isCruftLine(line) ? null : line));
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
    lines = rewriteLines(lines, (line) => (headlineKey(line) === key ? null : line));
  }
  if (lines[0]) lines[0] = { ...lines[0], opensParagraph: true };
  return { body: joinLines(lines), title };
}
