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

interface Word {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;
const INITIALS = /^(?:\p{L}\.)+$/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const isTrailingPunctuation = (c: number): boolean => c === 0x2e || c === APOSTROPHE || c === RIGHT_QUOTE || c === 0x2d;

/** Words with a possessive or a sentence's final dot left off (the dot of "U.S." stays). */
function words(body: string): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(body); match !== null; match = WORD.exec(body)) {
    const start = match.index;
    let end = start + match[0].length;
    const last = body.charCodeAt(end - 1);
    const beforeLast = body.charCodeAt(end - 2);
    if (last === 0x73 && end - start >= 2 && (beforeLast === APOSTROPHE || beforeLast === RIGHT_QUOTE)) end -= 2;
    if (body.charCodeAt(end - 1) !== 0x2e || !INITIALS.test(body.slice(start, end))) {
      while (end > start && isTrailingPunctuation(body.charCodeAt(end - 1))) end--;
    }
    if (end > start) found.push({ start, end });
  }
  return found;
}

const UPPER_FIRST = /^\p{Lu}/u;
const SPACE_NOT_NEWLINE = /^[^\S\r\n]$/;

function isCapitalised(body: string, w: Word | undefined): boolean {
  if (w === undefined) return false;
  const c = body.charCodeAt(w.start);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(body[w.start]!);
}

function joined(body: string, a: Word, b: Word): boolean {
  if (b.start - a.end !== 1) return false;
  const c = body.charCodeAt(a.end);
  return c === 0x20 || (c !== 0x0a && c !== 0x0d && SPACE_NOT_NEWLINE.test(body[a.end]!));
}

function standsAlone(body: string, list: readonly Word[], first: number, last: number): boolean {
  const before = list[first - 1];
  const after = list[last + 1];
  if (before && joined(body, before, list[first]!) && isCapitalised(body, before)) {
    if (!FUNCTION_WORDS.has(body.slice(before.start, before.end))) return false;
  }
  return !(after && joined(body, list[last]!, after) && isCapitalised(body, after));
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
  const list = words(body);
  // joinedRun[k]: how many words after word k follow it each across one space (a run of one line).
  const joinedRun = new Int32Array(list.length);
  for (let k = list.length - 2; k >= 0; k--) joinedRun[k] = joined(body, list[k]!, list[k + 1]!) ? joinedRun[k + 1]! + 1 : 0;
  const added: Mention[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isCapitalised(body, list[i])) continue;
    const start = list[i]!.start;
    const longest = firstWords.has(body.slice(start, list[i]!.end)) ? Math.min(MAX_WORDS, joinedRun[i]! + 1) : 1;
    for (let n = longest; n >= 1; n--) {
      const last = i + n - 1;
      const end = list[last]!.end;
      const type = entries.get(body.slice(start, end));
      if (!type) continue;
      if (isCovered(covered, start, end) || !standsAlone(body, list, i, last)) break;
      added.push(mentionAt(body, start, end, type));
      i = last;
      break;
    }
  }
  return added;
}
