/**
 * A gazetteer safety net behind the statistical tagger: a known country, city, organisation or
 * nationality written exactly as listed, standing alone (no capitalised word glued on either side,
 * which would make it part of a longer name such as "Jordan Henderson") and not inside a mention
 * the tagger found, is added. Words that are also common names or words stay out.
 */
import type { EntityType } from '../../document.js';
import { ORGANISATIONS } from '../ner/gazetteer/organisations.js';
import { CITIES, COUNTRIES } from '../ner/gazetteer/places.js';
import { DEMONYM_WORDS, demonymOf } from './demonyms.js';
import { mentionAt, type Mention } from './mention.js';

/** Gazetteer entries that are just as often a person, a common word or part of another name. */
const AMBIGUOUS = new Set(
  ('Nice Georgia Jordan Chad Guinea Niger Victoria Florence Sofia Santiago Alexandria Lima Kent Paris Washington ' +
    'Petra Fars Sabah Times Independent Sun Total Shell Apple Amazon Fed Congress Parliament Labour Labor Liberation ' +
    'Bild Spiegel Greens Democrats Republicans Conservatives Wagner Ford Intel Honda Nasdaq Economist Guardian ' +
    'Politico Axios Bloomberg Senate Masters Sputnik Tories Independent Mecca Aden Nablus Hebron Sirte Perth ' +
    'English Pole Dane Finn Scot Soviet Western Gulf Baltic Republican Democrat Democratic Conservative Socialist')
    .split(' '),
);
/** Two-letter acronyms are ordinary words too often ("IS", "AP", "US" in a capitalised headline); these are not. */
const SHORT_ACRONYMS_KEPT = new Set(['EU', 'UN', 'UK']);
/** Capitalised words that may precede a name without being part of it. */
const FUNCTION_WORDS = new Set(
  ('The A An In At On From To And But For With By Of As After Before Near Across Inside Outside Like Since Until ' +
    'When While If Meanwhile Both Between Against Into Over Under Via Says Said').split(' '),
);
const MAX_WORDS = 6;

let entries: Map<string, EntityType> | null = null;
/** First words of the entries of two or more words: longer spans are looked up only after one of these. */
let firstWords: Set<string> | null = null;

function gazetteerEntries(): Map<string, EntityType> {
  const map = new Map<string, EntityType>();
  const add = (names: readonly string[], type: EntityType): void => {
    for (const name of names) {
      if (AMBIGUOUS.has(name) || (/^\p{Lu}{1,2}$/u.test(name) && !SHORT_ACRONYMS_KEPT.has(name))) continue;
      if (!map.has(name)) map.set(name, type);
    }
  };
  add(COUNTRIES, 'LOC');
  add(CITIES, 'LOC');
  add(ORGANISATIONS, 'ORG');
  add(DEMONYM_WORDS.filter((w) => demonymOf(w)?.place), 'MISC');
  return map;
}

function entryFirstWords(names: Iterable<string>): Set<string> {
  const first = new Set<string>();
  for (const name of names) {
    const space = name.search(/\s/);
    if (space > 0) first.add(name.slice(0, space));
  }
  return first;
}

const INITIALS = /^(?:\p{L}\.)+$/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const isTrailingPunctuation = (c: number): boolean => c === 0x2e || c === APOSTROPHE || c === RIGHT_QUOTE || c === 0x2d;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Letter-or-digit answers for the BMP, filled in as characters are met (0 unknown, 1 yes, 2 no). */
const letterOrDigitBmp = new Uint8Array(0x10000);

/** True when the code point at `k` (`c` its first code unit, `width` its length) is a letter or digit. */
function isLetterOrDigitAt(body: string, k: number, c: number, width: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (width === 2) return LETTER_OR_DIGIT.test(body.slice(k, k + 2));
  let known = letterOrDigitBmp[c]!;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    letterOrDigitBmp[c] = known;
  }
  return known === 1;
}

/** Length in code units of the code point at `k`: 2 for a surrogate pair, else 1. */
function widthAt(body: string, k: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff && k + 1 < body.length) {
    const low = body.charCodeAt(k + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/** Characters that may continue a word besides letters and digits: . ' ’ & - */
const isInnerMark = (c: number): boolean => c === 0x2e || c === APOSTROPHE || c === RIGHT_QUOTE || c === 0x26 || c === 0x2d;

/** The body's words as parallel start and end offsets (reused between calls: valid until the next). */
let wordStarts = new Int32Array(1024);
let wordEnds = new Int32Array(1024);

/**
 * Words with a possessive or a sentence's final dot left off (the dot of "U.S." stays): what
 * `/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*\/gu` finds, scanned by hand (this runs over every body).
 * Returns how many; they are in `wordStarts` / `wordEnds`.
 */
function words(body: string): number {
  let count = 0;
  const length = body.length;
  let k = 0;
  while (k < length) {
    const c = body.charCodeAt(k);
    const width = c < 0xd800 ? 1 : widthAt(body, k, c);
    if (!isLetterOrDigitAt(body, k, c, width)) {
      k += width;
      continue;
    }
    const start = k;
    k += width;
    while (k < length) {
      const next = body.charCodeAt(k);
      if (isInnerMark(next)) {
        k++;
        continue;
      }
      const nextWidth = next < 0xd800 ? 1 : widthAt(body, k, next);
      if (!isLetterOrDigitAt(body, k, next, nextWidth)) break;
      k += nextWidth;
    }
    let end = k;
    const last = body.charCodeAt(end - 1);
    const beforeLast = body.charCodeAt(end - 2);
    if (last === 0x73 && end - start >= 2 && (beforeLast === APOSTROPHE || beforeLast === RIGHT_QUOTE)) end -= 2;
    if (body.charCodeAt(end - 1) !== 0x2e || !INITIALS.test(body.slice(start, end))) {
      while (end > start && isTrailingPunctuation(body.charCodeAt(end - 1))) end--;
    }
    if (end > start) {
      if (count === wordStarts.length) {
        const starts = new Int32Array(count * 2);
        const ends = new Int32Array(count * 2);
        starts.set(wordStarts);
        ends.set(wordEnds);
        wordStarts = starts;
        wordEnds = ends;
      }
      wordStarts[count] = start;
      wordEnds[count] = end;
      count++;
    }
  }
  return count;
}

const UPPER_FIRST = /^\p{Lu}/u;
const SPACE_NOT_NEWLINE = /^[^\S\r\n]$/;

function isCapitalised(body: string, start: number): boolean {
  const c = body.charCodeAt(start);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(body[start]!);
}

/** Word `a` and the next word `a + 1` are separated by one space (not a line break). */
function joined(body: string, a: number): boolean {
  const gapAt = wordEnds[a]!;
  if (wordStarts[a + 1]! - gapAt !== 1) return false;
  const c = body.charCodeAt(gapAt);
  return c === 0x20 || (c !== 0x0a && c !== 0x0d && SPACE_NOT_NEWLINE.test(body[gapAt]!));
}

function standsAlone(body: string, count: number, first: number, last: number): boolean {
  if (first > 0 && joined(body, first - 1) && isCapitalised(body, wordStarts[first - 1]!)) {
    if (!FUNCTION_WORDS.has(body.slice(wordStarts[first - 1]!, wordEnds[first - 1]!))) return false;
  }
  return !(last + 1 < count && joined(body, last) && isCapitalised(body, wordStarts[last + 1]!));
}

function isCovered(covered: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (covered[k] === 1) return true;
  return false;
}

/** Mentions of known names that `existing` does not cover. */
export function safetyNet(body: string, existing: readonly Mention[]): Mention[] {
  entries ??= gazetteerEntries();
  firstWords ??= entryFirstWords(entries.keys());
  const covered = new Uint8Array(body.length + 1);
  for (const m of existing) covered.fill(1, m.start, m.end);
  const count = words(body);
  // joinedRun[k]: how many words after word k follow it each across one space (a run of one line).
  const joinedRun = new Int32Array(count);
  for (let k = count - 2; k >= 0; k--) joinedRun[k] = joined(body, k) ? joinedRun[k + 1]! + 1 : 0;
  const added: Mention[] = [];
  for (let i = 0; i < count; i++) {
    const start = wordStarts[i]!;
    if (!isCapitalised(body, start)) continue;
    const longest = firstWords.has(body.slice(start, wordEnds[i]!)) ? Math.min(MAX_WORDS, joinedRun[i]! + 1) : 1;
    for (let n = longest; n >= 1; n--) {
      const last = i + n - 1;
      const end = wordEnds[last]!;
      const type = entries.get(body.slice(start, end));
      if (!type) continue;
      if (isCovered(covered, start, end) || !standsAlone(body, count, i, last)) break;
      added.push(mentionAt(body, start, end, type));
      i = last;
      break;
    }
  }
  return added;
}
