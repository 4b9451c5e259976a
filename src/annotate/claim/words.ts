/**
 * Words of the claims ledger, read in place from the body. A word is what the regex
 * `[\p{L}\p{N}][\p{L}\p{N}'’-]*` (unicode mode) finds in `body.slice(from, to)`: a letter or digit,
 * then letters, digits, apostrophes and hyphens, by code point. Reading characters directly instead
 * of slicing and matching keeps the ledger from tokenizing the rest of every sentence that holds a
 * figure, and from allocating a match per word.
 */

/** How a code point stands to a word: outside it as white space (`\s`) or as a mark, or inside it. */
const SPACE = 0;
const MARK = 1;
/** A letter or digit: a word starts with one. */
const LETTER = 2;
/** An apostrophe or hyphen: inside a word only. */
const JOINER = 3;
type CharClass = typeof SPACE | typeof MARK | typeof LETTER | typeof JOINER;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const letterCache = new Map<number, boolean>();

function isLetterOrDigit(codePoint: number): boolean {
  if (codePoint < 128) return (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
  let letter = letterCache.get(codePoint);
  if (letter === undefined) {
    letter = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
    letterCache.set(codePoint, letter);
  }
  return letter;
}

/** What `\s` matches: white space and line terminators (all in the BMP). */
function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** UTF-16 units of the code point at `i`: 2 for a surrogate pair that ends before `to`, else 1 (as in a slice). */
function widthAt(body: string, i: number, to: number): 1 | 2 {
  const code = body.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= to) return 1;
  const next = body.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function classAt(body: string, i: number, to: number): CharClass {
  const code = body.charCodeAt(i);
  if (code === 39 || code === 45 || code === 0x2019) return JOINER;
  const codePoint = widthAt(body, i, to) === 2 ? body.codePointAt(i)! : code;
  if (isLetterOrDigit(codePoint)) return LETTER;
  return isRegexSpace(code) ? SPACE : MARK;
}

/** End of the word that starts at `start` (a letter or digit), within `to`. */
export function wordEnd(body: string, start: number, to: number): number {
  let end = start + widthAt(body, start, to);
  while (end < to) {
    const cls = classAt(body, end, to);
    if (cls !== LETTER && cls !== JOINER) break;
    end += widthAt(body, end, to);
  }
  return end;
}

/** The first `count` words of `body.slice(from, to)`, lower-cased. */
export function firstWords(body: string, from: number, to: number, count: number): string[] {
  const found: string[] = [];
  let i = from;
  while (i < to && found.length < count) {
    if (classAt(body, i, to) !== LETTER) {
      i += widthAt(body, i, to);
      continue;
    }
    const end = wordEnd(body, i, to);
    found.push(body.slice(i, end).toLowerCase());
    i = end;
  }
  return found;
}

/**
 * The last `count` words of `body.slice(from, to)`, lower-cased. Words read from a point no word
 * runs across (the slice start, or just after a space or mark) are the slice's own words from
 * there on, so only that far back is read. Surrogates count as inside a word here: a run taken too
 * long only moves that point further back.
 */
export function lastWords(body: string, from: number, to: number, count: number): string[] {
  const insideWord = (i: number): boolean => {
    const code = body.charCodeAt(i);
    return (code >= 0xd800 && code <= 0xdfff) || classAt(body, i, i + 1) >= LETTER;
  };
  let start = to;
  let words = 0;
  while (start > from && words < count) {
    while (start > from && !insideWord(start - 1)) start--;
    let hasLetter = false;
    while (start > from && insideWord(start - 1)) {
      if (classAt(body, start - 1, start) === LETTER) hasLetter = true;
      start--;
    }
    if (hasLetter) words++;
  }
  const found = firstWords(body, start, to, Number.MAX_SAFE_INTEGER);
  return found.length > count ? found.slice(found.length - count) : found;
}

/**
 * Where the next word of `body.slice(from, to)` starts when only white space comes before it, else
 * -1 (a mark comes first, or nothing): the next match of `[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]`
 * there is a word. Its end is `wordEnd(body, start, to)`.
 */
export function nextWordAfterSpaces(body: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const cls = classAt(body, i, to);
    if (cls === LETTER) return i;
    if (cls !== SPACE) return -1;
    i++;
  }
  return -1;
}
