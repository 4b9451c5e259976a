/**
 * Titles and roles around person names. "Turkish President Recep Tayyip Erdogan" gives the person
 * a nationality (Turkey) and a role (president); that evidence later resolves role references
 * such as "Turkey's president" or "his French counterpart" to the one matching person.
 */
import { TITLES } from '../ner/gazetteer/people.js';
import { COUNTRIES } from '../ner/gazetteer/places.js';
import { placeAlias } from './aliases.js';
import { demonymOf } from './demonyms.js';

/** Role phrases (lower case, longest first) → the role they name; '*' roles match any role. */
const ROLES: ReadonlyArray<readonly [phrase: string, role: string]> = [
  ['vice president', 'vice president'], ['prime minister', 'prime minister'], ['foreign minister', 'foreign minister'],
  ['defence minister', 'defence minister'], ['defense minister', 'defence minister'],
  ['interior minister', 'interior minister'], ['finance minister', 'finance minister'],
  ['head of state', '*'], ['president', 'president'], ['premier', 'prime minister'], ['chancellor', 'chancellor'],
  ['king', 'king'], ['queen', 'queen'], ['emir', 'emir'], ['leader', '*'], ['counterpart', '*'],
];

export const WILDCARD_ROLE = '*';

/** Words that may stand in a title before a name; the multi-word gazetteer titles contribute each word. */
const TITLE_WORDS = new Set<string>(
  [
    ...TITLES,
    ...('deputy acting former foreign defence defense interior finance officer detective det. trooper patrolman agent ' +
      'constable inspector superintendent pastor attorney councilman councilwoman sheriff').split(' '),
  ]
    .flatMap((t) => t.toLowerCase().split(/\s+/)),
);

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase());
}

export interface TitleEvidence {
  /** Canonical name of the country the title names ("Turkish President" → "Turkey"), else null. */
  nationality: string | null;
  role: string | null;
}

const COUNTRY_SET = new Set(COUNTRIES);

/** The country a word names: a country ("Turkey", "U.S.") or its demonym ("Turkish"); else null. */
export function countryOfWord(word: string): string | null {
  const alias = placeAlias(word);
  if (alias?.subtype === 'country') return alias.name;
  if (COUNTRY_SET.has(word)) return word;
  const demonym = demonymOf(word);
  return demonym?.place && COUNTRY_SET.has(demonym.name) ? demonym.name : null;
}


/** The role named in a lower-cased title phrase ("foreign minister", "president"), else null. */
const ROLE_PATTERNS = ROLES.map(([words, role]) => [new RegExp(`\\b${words.replace(/ /g, '\\s+')}\\b`), role] as const);

export function roleOf(phrase: string): string | null {
  const lower = phrase.toLowerCase();
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(lower)) return role;
  return null;
}

/** How far back `wordBefore` looks for the word. */
const WORD_BEFORE_WINDOW = 60;
const LETTER = /^\p{L}$/u;
const SPACE_NOT_NEWLINE = /^[^\S\r\n]$/;

function isSpaceNotNewline(c: number): boolean {
  if (c < 128) return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
  return SPACE_NOT_NEWLINE.test(String.fromCharCode(c));
}

/** The width (1 or 2 code units) of the letter ending at `end` (not before `floor`), or 0 when that is no letter. */
function letterWidthBefore(body: string, end: number, floor: number): number {
  const c = body.charCodeAt(end - 1);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xdc00 && c <= 0xdfff && end - 2 >= floor) {
    const high = body.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER.test(body.slice(end - 2, end)) ? 2 : 0;
  }
  return LETTER.test(body[end - 1]!) ? 1 : 0;
}

const isWordMark = (c: number): boolean => c === 0x2e || c === 0x2019 || c === 0x27 || c === 0x2d;

/**
 * The word right before `cursor`, after at most one comma and spaces on the same line, within
 * `WORD_BEFORE_WINDOW` characters: a letter, then letters, dots, apostrophes and hyphens. What
 * `/([\p{L}][\p{L}.’'-]*)[^\S\r\n]*,?[^\S\r\n]*$/u` finds in that window, scanned backwards.
 */
function wordBefore(body: string, cursor: number): { word: string; start: number } | null {
  const floor = Math.max(0, cursor - WORD_BEFORE_WINDOW);
  let end = cursor;
  while (end > floor && isSpaceNotNewline(body.charCodeAt(end - 1))) end--;
  if (end > floor && body.charCodeAt(end - 1) === 0x2c) {
    end--;
    while (end > floor && isSpaceNotNewline(body.charCodeAt(end - 1))) end--;
  }
  // The run of word characters before `end`; the word starts at its first letter.
  let runStart = end;
  let start = -1;
  while (runStart > floor) {
    if (isWordMark(body.charCodeAt(runStart - 1))) {
      runStart--;
      continue;
    }
    const width = letterWidthBefore(body, runStart, floor);
    if (width === 0) break;
    runStart -= width;
    start = runStart;
  }
  return start < 0 ? null : { word: body.slice(start, end), start };
}

/**
 * Evidence from the words right before a name: "Turkish President ", "Turkey’s President ",
 * "French President  ", "Gen. ". Reads back over title words, then one nationality word.
 */
export function titleBefore(body: string, start: number): { evidence: TitleEvidence; start: number } | null {
  let cursor = start;
  const titleWords: string[] = [];
  let nationality: string | null = null;
  let titleStart = start;
  for (let step = 0; step < 6; step++) {
    const found = wordBefore(body, cursor);
    if (!found) break;
    const { word, start: wordStart } = found;
    // A final dot counts only in listed abbreviations ("Gen.", "Dr."): "the minister. Erdogan" is two sentences.
    if (isTitleWord(word)) {
      titleWords.unshift(word);
      titleStart = wordStart;
      cursor = wordStart;
      continue;
    }
    if (titleWords.length > 0) {
      const possessive = /^(.+?)['’]s$/u.exec(word);
      nationality = countryOfWord(possessive ? possessive[1]! : word);
      if (nationality) titleStart = wordStart;
    }
    break;
  }
  if (titleWords.length === 0) return null;
  // A former holder's title says nothing about who holds the office in this story.
  const formerBefore = /\b(?:former|ex|late)[\s-]+(?:\p{L}+['’]s\s+)?$/iu.test(body.slice(Math.max(0, titleStart - 20), titleStart));
  if (formerBefore || titleWords.some((w) => /^(?:former|ex-.*)$/i.test(w))) return null;
  return { evidence: { nationality, role: roleOf(titleWords.join(' ')) }, start: titleStart };
}

const eitherCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Singular role references: "Turkey’s president", "Turkish President", "French counterpart". */
export function roleReferencePattern(countryWords: readonly string[], demonymWords: readonly string[]): RegExp {
  const countries = [...countryWords].sort((a, b) => b.length - a.length).map(escape).join('|');
  const demonyms = [...demonymWords].sort((a, b) => b.length - a.length).map(escape).join('|');
  // Countries and demonyms are capitalised in English; the role may be either ("President", "president").
  const roles = ROLES.map(([phrase]) => phrase.split(' ').map(eitherCase).join('\\s+')).join('|');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(${countries})['’]s|(${demonyms}))\\s+(${roles})(?![\\p{L}\\p{N}])`,
    'gu',
  );
}
