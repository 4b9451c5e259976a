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

interface Word {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;

/** Words with a possessive or a sentence's final dot left off (the dot of "U.S." stays). */
function words(body: string): Word[] {
  const found: Word[] = [];
  for (const match of body.matchAll(WORD)) {
    let text = match[0].replace(/['’]s$/u, '');
    if (!/^(?:\p{L}\.)+$/u.test(text)) text = text.replace(/[.'’-]+$/u, '');
    if (text !== '') found.push({ start: match.index, end: match.index + text.length });
  }
  return found;
}

const isCapitalised = (body: string, w: Word | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(body[w.start]!);
const joined = (body: string, a: Word, b: Word): boolean => /^[^\S\r\n]$/.test(body.slice(a.end, b.start));

function contiguous(body: string, list: readonly Word[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (!joined(body, list[k]!, list[k + 1]!)) return false;
  return true;
}

function standsAlone(body: string, list: readonly Word[], first: number, last: number): boolean {
  const before = list[first - 1];
  const after = list[last + 1];
  if (before && joined(body, before, list[first]!) && isCapitalised(body, before)) {
    if (!FUNCTION_WORDS.has(body.slice(before.start, before.end))) return false;
  }
  return !(after && joined(body, list[last]!, after) && isCapitalised(body, after));
}

/** Mentions of known names that `existing` does not cover. */
export function safetyNet(body: string, existing: readonly Mention[]): Mention[] {
  entries ??= gazetteerEntries();
  const covered = new Uint8Array(body.length + 1);
  for (const m of existing) covered.fill(1, m.start, m.end);
  const list = words(body);
  const added: Mention[] = [];
  for (let i = 0; i < list.length; i++) {
    if (!isCapitalised(body, list[i])) continue;
    for (let n = Math.min(MAX_WORDS, list.length - i); n >= 1; n--) {
      const last = i + n - 1;
      if (!contiguous(body, list, i, last)) continue;
      const start = list[i]!.start;
      const end = list[last]!.end;
      const type = entries.get(body.slice(start, end));
      if (!type) continue;
      if (covered.subarray(start, end).some((c) => c === 1) || !standsAlone(body, list, i, last)) break;
      added.push(mentionAt(body, start, end, type));
      i = last;
      break;
    }
  }
  return added;
}
