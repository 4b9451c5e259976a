/**
 * Places and nationalities. LOC mentions get a canonical name (aliases: "U.S." → United States) and
 * a subtype: the text's own words first ("Idlib province", "the city of Saraqeb"), then the
 * gazetteer lists. A compass word before a country makes a region ("northwestern Syria"). MISC
 * demonyms keep their type but take the key of their country ("Turkish" → loc:turkey).
 */
import { CITIES, COUNTRIES, REGIONS } from '../ner/gazetteer/places.js';
import { placeAlias } from './aliases.js';
import { demonymOf } from './demonyms.js';
import { fold, keyOf, type Mention } from './mention.js';

const COUNTRY_NAMES = new Set(COUNTRIES.map(fold));
const CITY_NAMES = new Set(CITIES.map(fold));
const REGION_NAMES = new Set(REGIONS.map(fold));

const REGION_NOUN = 'province|region|governorate|district|state|county|prefecture|oblast';
const REGION_BEFORE = new RegExp(`\\b(?:${REGION_NOUN}|provinces|regions)\\s+of\\s+(?:the\\s+)?$`, 'iu');
const REGION_AFTER = new RegExp(`^\\s+(?:${REGION_NOUN})\\b`, 'iu');
const CITY_BEFORE = /\b(?:city|town|village|capital|port|suburb)\s+of\s+$/iu;
/** Lower case only: a capitalised compass word is part of the name ("South Sudan", "North Korea"). */
const COMPASS_BEFORE =
  /(?<![\p{L}-])((?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)\s+$/u;

/** "north-west", "northwest", "north-western" → "northwestern"; "north" → "northern". */
function compassAdjective(word: string): string {
  const bare = word.toLowerCase().replace('-', '').replace(/ern$/, '');
  return bare === 'central' ? 'central' : `${bare}ern`;
}

export function placeSubtype(name: string): string | null {
  const folded = fold(name);
  if (COUNTRY_NAMES.has(folded)) return 'country';
  if (CITY_NAMES.has(folded)) return 'city';
  if (REGION_NAMES.has(folded)) return 'region';
  return null;
}

const REGION_IN_NAME = new RegExp(`\\s(?:${REGION_NOUN})$`, 'iu');

/** What the words around the mention (or its own last word: "Idlib Province") say it is, if anything. */
function subtypeByContext(body: string, m: Mention): string | null {
  if (REGION_IN_NAME.test(body.slice(m.start, m.end))) return 'region';
  const before = body.slice(Math.max(0, m.start - 30), m.start);
  if (REGION_BEFORE.test(before) || REGION_AFTER.test(body.slice(m.end, m.end + 16))) return 'region';
  if (CITY_BEFORE.test(before)) return 'city';
  return null;
}

function canonicalPlace(text: string): { name: string; subtype: string | null } {
  const alias = placeAlias(text);
  const name = alias?.name ?? text;
  return { name, subtype: alias?.subtype ?? placeSubtype(name) };
}

/** Writes keys, names and subtypes of LOC mentions; a region stated anywhere in the text holds for every mention. */
export function canonicalizePlaces(body: string, mentions: readonly Mention[]): void {
  const contextSubtype = new Map<string, string>();
  for (const m of mentions) {
    const { name, subtype } = canonicalPlace(body.slice(m.start, m.end));
    const compass = subtype === 'country' ? COMPASS_BEFORE.exec(body.slice(Math.max(0, m.start - 20), m.start)) : null;
    if (compass) {
      m.start -= compass[0].length;
      const region = `${compassAdjective(compass[1]!)} ${name}`;
      Object.assign(m, { key: keyOf('LOC', region), name: region, subtype: 'region' });
      continue;
    }
    Object.assign(m, { key: keyOf('LOC', name), name, subtype });
    const stated = subtype === 'country' ? null : subtypeByContext(body, m);
    if (stated && contextSubtype.get(m.key) !== 'region') contextSubtype.set(m.key, stated);
  }
  for (const m of mentions) m.subtype = contextSubtype.get(m.key) ?? m.subtype;
}

/**
 * MISC mentions: demonyms take their country's key and the subtype 'nationality' (or 'religion');
 * the rest keep their own text as name.
 */
export function canonicalizeMisc(body: string, mentions: readonly Mention[]): void {
  for (const m of mentions) {
    const text = body.slice(m.start, m.end);
    const demonym = demonymOf(text);
    if (!demonym) {
      Object.assign(m, { key: keyOf('MISC', text), name: text, subtype: null });
      continue;
    }
    const key = demonym.place ? keyOf('LOC', demonym.name) : keyOf('MISC', demonym.name);
    Object.assign(m, { key, name: demonym.name, subtype: demonym.subtype });
  }
}
