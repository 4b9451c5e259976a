/**
 * Where an event happened: the finest geocoded place named in its sentence (first named on ties), else in its paragraph, else the document's main place. A place inherited
 * from beyond the sentence is never reported finer than precision 2. A county or state alone in the
 * sentence gives way to the story's town in the same country; a street's name is no place. A place named only to locate
 * the one before it ("Horlivka, Donetsk", "Tell Abiad in Raqqa", "Ikobi (Apa LGA, Benue)") is that
 * place's container and wins only when nothing else is named.
 *
 * Besides the LOC entities the places layer placed, a capitalised name the tagger left out is a
 * place mention when the words around it say so ("in Xville", "near Xville", "Xville village",
 * "Xville (District, Province)") and the gazetteer knows it as a town in the document's countries;
 * the district and province in such brackets are containers at precision 2 (`adminBracketMentions`).
 * The ends of a route ("the Xton-Yville highway") and where people came from ("workers from Xton")
 * are named aside and, like containers, win only when nothing else is named.
 * The main place falls back to the headline's town when the body names none (`headlinePlace`); a
 * neighbourhood or a side of town is reported by its city's name (`reportedName`).
 */
import type { Document, DocumentPlace, Entity, EventLocation, Span } from '../../document.js';
import { cityOfSection, currencyMention, documentCountries, geocode, isKnownRegion, type Place } from '../geo/index.js';
import { gazetteer, placeKey, rowsNamed } from '../geo/gazetteer.js';

export interface PlaceMention extends Span {
  place: DocumentPlace;
  /** A town outside the country the rest of the story's places are in ("Zaragoza" in a story of Puebla's towns): likely a namesake. */
  stray?: boolean;
  /** The story's dateline ("DAYTON, Ohio (AP) —"): where it was reported from, usually where it happened. */
  dateline?: boolean;
  /**
   * A place named only to locate the one before it ("Ariha, Idlib", "Kosti (White Nile state)",
   * "a village west of Hama"): the earlier place is where it happened.
   */
  container?: boolean;
  /**
   * A place named for another reason than being where it happened: an end of a route ("the
   * Xton-Yville highway") or where people came from ("workers from Xton"). Like a container, it
   * counts only when nothing else is named.
   */
  aside?: boolean;
}

/** A capitalised name of up to four words; lower-case particles may join them ("Recanto das Emas", "Bin Jawad"). */
const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|do|das|dos|del|la|el|al|as|ad|ar|an|bin|ibn)\s+)?\p{Lu}[\p{L}'’-]*){0,3}`;
/** A part of town named by its side ("South Philadelphia", "Southwest Atlanta"), which the gazetteer places at the town's point. */
const PART_OF_TOWN = /^(?:(?:north|south)-?(?:east|west)?|east|west|central|downtown|inner|greater)(?:ern)?\s+(?=\p{Lu})/iu;
/**
 * Where a following name is a place: a locative preposition, or a settlement noun with "of"; a
 * lower-case part of town may stand between ("in southwest Houston", "near downtown Tulsa").
 */
const LOCATIVE_BEFORE = String.raw`\b(?:in|near|outside|around|at|between|and|(?:town|village|city|suburb|township|locality|neighbou?rhood)\s+of)\s+(?:the\s+)?(?:(?:far\s+)?(?:(?:north|south)-?(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central|downtown|suburban|greater|metro)\s+)?`;
/** Where a preceding name is a place: a settlement noun, or ACLED-style "(District, Province)" right after it. */
const LOCATIVE_AFTER = String.raw`(?=\s+(?:village|town|city|township|locality|area|district|municipality|subdivision|sub-?county|upazila|commune|LGA)\b|\s+\(\p{Lu}[^()]{1,60}\))`;
const UNTAGGED_PLACE = new RegExp(String.raw`(?:${LOCATIVE_BEFORE})(${NAME})|\b(${NAME})${LOCATIVE_AFTER}`, 'gu');
/**
 * A town name the tagger read as an organisation or a nationality ("Memphis police", "the Tulsa
 * Police Department", "Denver Mayor …", "on Dayton's north side"): the words after it make it the place.
 */
const INSTITUTION_AFTER_TOWN = /\s+(?:metro(?:politan)?\s+)?(?:police|sheriff|officers|detectives|firefighters|fire\s+(?:department|rescue)|city\s+council|mayor)\b|['’]s\s+(?:(?:north|south)?(?:east|west)?(?:ern)?\s*)?(?:side|suburbs?|outskirts|downtown)\b/giu;
/**
 * Names before "Police" that are not towns: the force's kind ("State Police", "Capitol Police",
 * "Transit Police"), or a county, whose sheriff says where the county is but not which town.
 */
const NOT_A_TOWN_FORCE = /^(?:state|capitol|transit|university|college|campus|park|tribal|military|airport|housing|school|border|federal|national|city|town|township|village|metro|district|port|railroad|railway)$|\s(?:county|parish|state|university|college)$/iu;
/** The name that ends right before such words (looked for in a short window, not over the whole text). */
const NAME_AT_END = new RegExp(String.raw`\b(${NAME})$`, 'u');
const NAME_WINDOW_CHARS = 60;
/** A dateline: a capitalised town at the start of a line, perhaps its state or country, perhaps the agency, then a dash. */
const DATELINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}\p{Lt} .'’-]{2,30}?)(?:,[ \t]*(\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*)?))?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[–—-])[ \t]/u;
/**
 * A dateline in ordinary case ("Portsmouth, Va. - Five people were…"): a town, a comma, a region the
 * tables know, then a dash. Without the known region, "Smith, Jones - …" would pass too.
 */
const MIXED_CASE_DATELINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{L}'’]*(?:[ \t]\p{Lu}[\p{L}'’]*){0,2}),[ \t]*(\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*)?)[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[–—-])[ \t]/u;
/** How far into the body a dateline may stand (after a headline and a byline). */
const DATELINE_WITHIN_CHARS = 400;
/** Capitalised words that are never a place on their own after "in" / "at" (months, weekdays, institutions' heads). */
const NOT_A_PLACE = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'police', 'court', 'parliament', 'congress']);

const townMemo = new Map<string, Place | null>();
const TOWN_MEMO_LIMIT = 20_000;

/** The town the gazetteer knows by this name in these countries; remembered, as the same names recur across stories. */
function townNamed(name: string, countries: readonly string[]): Place | null {
  if (SIDE_OF_TOWN.test(name)) return null;
  const id = `${name}\u0000${countries.join()}`;
  let place = townMemo.get(id);
  if (place === undefined) {
    if (townMemo.size >= TOWN_MEMO_LIMIT) townMemo.clear();
    const found = geocode(name, { countries: [...countries], hint: 'city' });
    place = found && found.lat !== null && found.precision === 1 ? found : null;
    townMemo.set(id, place);
  }
  return place;
}

function townMention(name: string, start: number, place: Place): PlaceMention {
  const key = `loc:${name.toLowerCase().replace(/\s+/g, '-')}`;
  return { start, end: start + name.length, place: { key, name: place.name, country: place.country, country_code: place.countryCode, lat: place.lat, lon: place.lon, precision: 1, geonameid: place.geonameId } };
}

/**
 * Cues that make a name a place even when the tagger typed it a person, organisation or other
 * ("in Juiz de Fora", "near Svitlodarsk", "Yaounde city", "Ikobi (Apa, Benue)"); "and", "at" and
 * "between" also join people's names, so they do not count here.
 */
const STRONG_LOCATIVE_BEFORE = /\b(?:in|near|outside|(?:town|village|city|suburb|township|locality|neighbou?rhood)\s+of)\s+(?:the\s+)?$/u;

/** A settlement noun after a town's name ("Xton City", "Xton town"). */
const SETTLEMENT_SUFFIX = /\s(?:[Cc]ity|town|village)$/u;

/**
 * The name, else its longest leading words the gazetteer knows ("in Hope Mills Sunday": the name ran
 * on into the weekday); a side of town before a town's name is left out ("West Dayton" → Dayton, not
 * a town called West). `offset` is where the found name starts in `name`.
 */
function townOrPrefix(name: string, countries: readonly string[]): { name: string; place: Place; offset: number } | null {
  const side = PART_OF_TOWN.exec(name)?.[0];
  if (side && !townNamed(name, countries)) {
    const rest = townOrPrefix(name.slice(side.length), countries);
    return rest && { ...rest, offset: rest.offset + side.length };
  }
  let words = name.split(/\s+/u);
  for (; words.length > 0; words = words.slice(0, -1)) {
    const candidate = words.join(' ');
    if (NOT_A_PLACE.has(candidate.toLowerCase())) continue;
    const place = townNamed(candidate, countries);
    if (!place) continue;
    // "Xton City police": the town is "Xton", named as its other mentions name it (but "Plant City" is itself).
    const shorter = words.length > 1 && SETTLEMENT_SUFFIX.test(candidate) ? candidate.replace(SETTLEMENT_SUFFIX, '') : null;
    if (shorter && townNamed(shorter, countries)?.geonameId === place.geonameId) return { name: shorter, place, offset: 0 };
    return { name: candidate, place, offset: 0 };
  }
  return null;
}

/** Lower-case words that may stand inside a name ("Recanto das Emas", "Bank of the West"). */
const NAME_PARTICLE = /^(?:de|da|do|das|dos|del|della|di|du|la|le|el|al|as|ad|ar|an|ash|bin|ibn|wa|y|of|the|and)$/u;

/**
 * A tagged span that runs on from the name into ordinary words ("Xton of the Y region out of
 * solidarity", "Ali village of Xdis district") and that the places layer could not place: the
 * tagger's boundary is wrong, so the name inside is looked at on its own.
 */
function runsOnUnplaced(doc: Document, entity: Entity, start: number, end: number): boolean {
  if (entity.type === 'LOC' && doc.places.some((p) => p.key === entity.key && p.lat !== null)) return false;
  const outside = `${doc.body.slice(entity.start, Math.max(entity.start, start))} ${doc.body.slice(Math.min(entity.end, end), entity.end)}`;
  return outside.split(/[\s,]+/u).some((word) => /^\p{Ll}/u.test(word) && !NAME_PARTICLE.test(word));
}

/** Names the tagger did not mark as places that the text puts somewhere, placed at town precision when the gazetteer knows them. */
function untaggedPlaceMentions(doc: Document, countries: readonly string[]): PlaceMention[] {
  const overlapping = (start: number, end: number) => doc.entities.find((e) => e.start < end && e.end > start);
  const found: PlaceMention[] = [];
  for (const m of doc.body.matchAll(UNTAGGED_PLACE)) {
    const name = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(name, m[1] === undefined ? 0 : m[0].length - name.length);
    if (NOT_A_PLACE.has(name.toLowerCase())) continue;
    const tagged = overlapping(start, start + name.length);
    const entity = tagged && !runsOnUnplaced(doc, tagged, start, start + name.length) ? tagged : undefined;
    if (entity) {
      // Tagged as something else over exactly these words, with a cue only places take: the cue wins.
      const strongCue = m[1] === undefined || STRONG_LOCATIVE_BEFORE.test(doc.body.slice(Math.max(0, start - 30), start));
      if (entity.type === 'LOC' || entity.start !== start || entity.end !== start + name.length || !strongCue) continue;
      const place = townNamed(name, countries);
      if (place) found.push(townMention(name, start, place));
      continue;
    }
    const town = townOrPrefix(name, countries);
    if (town) found.push(townMention(town.name, start + town.offset, town.place));
  }
  for (const after of doc.body.matchAll(INSTITUTION_AFTER_TOWN)) {
    const windowStart = Math.max(0, after.index - NAME_WINDOW_CHARS);
    const m = NAME_AT_END.exec(doc.body.slice(windowStart, after.index));
    if (!m) continue;
    // "The Tulsa Police Department": the article opens the sentence, it is no part of the name.
    const article = /^(?:The|A)\s+/u.exec(m[1]!)?.[0] ?? '';
    const name = m[1]!.slice(article.length);
    const start = windowStart + m.index + article.length;
    const entity = overlapping(start, start + name.length);
    // Untagged, tagged as something else over exactly these words, or the institution's own name
    // ("Tulsa Police Department"): the tagger's LOC mentions are placed already.
    const institutionName = entity !== undefined && entity.start <= start && entity.end > after.index;
    if (entity && (entity.type === 'LOC' || ((entity.start !== start || entity.end !== start + name.length) && !institutionName))) continue;
    if (name === '' || NOT_A_PLACE.has(name.toLowerCase()) || NOT_A_TOWN_FORCE.test(name)) continue;
    // "Baltimore City police": the town is the leading words the gazetteer knows.
    const town = townOrPrefix(name, countries);
    if (town) found.push(townMention(town.name, start + town.offset, town.place));
  }
  return found;
}

/** Nouns after an administrative unit's name: "Apa LGA", "Mubende district", "Kolofata subdivision". */
const ADMIN_NOUN = String.raw`(?:LGA|district|sub-?district|province|state|region|governorate|county|municipality|department|subdivision|sub-?county|upazila|commune|division|oblast|raion|rayon|prefecture|regency|tehsil|taluka|block)`;
/** One administrative name in such a bracket: a name, perhaps its unit noun, up to the next comma or the bracket's end. */
const ADMIN_NAME = new RegExp(String.raw`(${NAME})(?:\s+${ADMIN_NOUN})?\s*(?=,|\)|$)`, 'gu');
/**
 * Conflict reports place a village by its district and province in brackets right after it
 * ("Xville (Yton, Zland)", "Xville village (Yton district)"): the bracket follows a capitalised
 * word or a settlement noun and holds only names, each perhaps with its unit noun.
 */
const ADMIN_BRACKET = new RegExp(
  String.raw`(?:\p{Lu}[\p{L}'’-]*|village|villages|town|area|front|camp|locality|community|sector)\s*\((\s*${NAME}(?:\s+${ADMIN_NOUN})?(?:\s*,\s*${NAME}(?:\s+${ADMIN_NOUN})?){0,2}\s*)\)`,
  'gu',
);
const HAS_LOWER_CASE = /\p{Ll}/u;

/**
 * The administrative units of such brackets, as containers at precision 2: the district's town
 * (or the province's capital) is where a report places a village the gazetteer lacks. With no
 * country to search, only a name found in a single country counts (a bare district name is a
 * namesake somewhere else as often as not).
 */
function adminBracketMentions(body: string, countries: readonly string[]): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const bracket of body.matchAll(ADMIN_BRACKET)) {
    const inner = bracket[1]!;
    const innerStart = bracket.index + bracket[0].length - 1 - inner.length;
    for (const m of inner.matchAll(ADMIN_NAME)) {
      const name = m[1]!;
      // "(PMF)", "(IS)": acronyms of forces and groups, not districts.
      if (!HAS_LOWER_CASE.test(name) || NOT_A_PLACE.has(name.toLowerCase())) continue;
      if (countries.length === 0 && countriesNamed(name) > 1) continue;
      const place = geocode(name, { countries: [...countries], hint: 'region' });
      if (!place || place.lat === null || place.precision === 3) continue;
      if (countries.length > 0 && place.countryCode && !countries.includes(place.countryCode)) continue;
      const start = innerStart + m.index;
      const mention = townMention(name, start, place);
      found.push({ ...mention, place: { ...mention.place, precision: 2 }, container: true });
    }
  }
  return found;
}

/** "DAYTON, Ohio (AP) —", "MORRISON –": the dateline town, placed in the state or country it names. */
function datelineMention(body: string, countries: readonly string[]): PlaceMention | null {
  const head = body.slice(0, DATELINE_WITHIN_CHARS);
  const mixed = MIXED_CASE_DATELINE.exec(head);
  const m = DATELINE.exec(head) ?? (mixed && isKnownRegion(mixed[2]!) ? mixed : null);
  if (!m) return null;
  const town = m[1]!.trim();
  const start = m.index + m[0].indexOf(town);
  const container = m[2] ? geocode(m[2], { countries: [...countries], hint: 'region' }) : null;
  const inContainer = container?.countryCode ? [container.countryCode, ...countries.filter((c) => c !== container.countryCode)] : countries;
  const place = townNamed(town, inContainer);
  return place ? { ...townMention(town, start, place), dateline: true } : null;
}

/**
 * The words a tagged place name runs on into, when the tagger stopped short: the rest of a
 * hyphenated word ("Bir Al" + "-Abd"), a particle and a name ("Lauro" + " de Freitas", "San Jose" +
 * " del Monte"), or a second name before a settlement noun ("Mirpur" + " Khas" city).
 */
const RUN_ON = /^(?:-\p{L}[\p{L}'’]*|\s+(?:de|da|do|das|dos|del|della|di|du|la|le|el|al|as|ad|ar|an|ash|bin|ibn|wa|y)\s+\p{Lu}[\p{L}'’-]*|\s+\p{Lu}[\p{L}'’-]*(?=\s+(?:city|town|village|district|municipality|township)\b))/u;

/** "Pinsk of the Brest" tagged as one place before "region": the town is the head, the rest is its region. */
const TOWN_OF_REGION = /^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s+of\s+(?:the\s+)?\p{Lu}/u;
const REGION_NOUN_AFTER = /^\s+(?:region|province|governorate|oblast|district|state|department|county)\b/u;

/** A tagged place whose fuller name the gazetteer knows as a town: the fuller name, its span and its place. */
function runOnMention(body: string, start: number, end: number, countries: readonly string[]): PlaceMention | null {
  const townOfRegion = REGION_NOUN_AFTER.test(body.slice(end, end + 20)) ? TOWN_OF_REGION.exec(body.slice(start, end)) : null;
  if (townOfRegion) {
    const place = townNamed(townOfRegion[1]!, countries);
    return place ? townMention(townOfRegion[1]!, start, place) : null;
  }
  const runOn = RUN_ON.exec(body.slice(end, end + 40));
  if (!runOn) return null;
  const name = body.slice(start, end + runOn[0].length);
  const place = townNamed(name, countries);
  return place ? townMention(name, start, place) : null;
}

/** Between a place and the next one, words that make the next one its container or landmark ("X, Y", "X (District, Y", "X district of Y", "X west of Y"). */
const CONTAINER_GAP = new RegExp(
  // "Xville (Old Xville) district, Y": the place's other name in brackets may stand before its noun.
  String.raw`^(?:\s*\([^()]{1,40}\))?(?:\s+(?:city|town|village|villages|district|sub-?district|area|municipality|subdivision|community|neighbou?rhood|township|county|LGA|upazila|front|camp|junction|checkpoint|check\s+post|fort)(?:\s+cent(?:er|re))?)?` +
    String.raw`(?:\s*,\s*|\s*\(\s*(?:[^()]{0,40},\s*)?|\s+(?:(?:in|of)\s+(?:the\s+)?(?:(?:\p{Ll}+\s+){0,2}of\s+(?:the\s+)?)?|(?:near|outside)\s+(?:the\s+)?|(?:(?:north|south)-?(?:east|west)?|east|west)(?:ern)?\s+of\s+(?:the\s+)?))` +
    // "Tell Xabiad in Ar-Yqqa": an Arabic article the tagger left outside the name.
    String.raw`(?:(?:[Aa](?:l|r|s|d|n|sh|t|z)|[Ee](?:l|r|s|d))[-\s])?$`,
  'u',
);
/** After a "X, Y" pair, words that make it a list of places rather than a place and its region. */
const LIST_AFTER = /^\s*(?:and|or|&)\s/u;

/** "the Xton-Yville highway", "Xton - al Yville road", "the Xland-Yland border": a route between two places, named by its ends. */
const ROUTE = new RegExp(
  String.raw`\p{Lu}[\p{L}'’]*(?:\s+\p{L}[\p{L}'’]*){0,3}\s*[-–]\s*(?:(?:al|el|ad|ar|as|an)[-\s])?\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*){0,3}` +
    String.raw`\s+(?:(?:national|international|federal|main|old)\s+)?(?:highway|road|motorway|expressway|route|stretch|border|axis|corridor)\b`,
  'gu',
);
/** "workers from Xton", "displaced from Xton and Yville": where people came from, not where it happened. */
const ORIGIN_BEFORE = /\bfrom\s+(?:the\s+)?(?:(?:city|town|village|district|province|state)\s+of\s+)?$/u;
const LIST_JOIN = /^\s*(?:,|,?\s+and|,?\s+or)\s+$/u;

/** Marks route ends and places of origin (see `PlaceMention.aside`). */
function markAsides(mentions: readonly PlaceMention[], body: string): void {
  const routes = [...body.matchAll(ROUTE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (routes.some((r) => m.start < r.end && m.end > r.start)) m.aside = true;
    const before = body.slice(Math.max(0, m.start - 40), m.start);
    const previous = mentions[i - 1];
    const listedAfterOrigin = previous?.aside === true && previous.end <= m.start && LIST_JOIN.test(body.slice(previous.end, m.start));
    if (ORIGIN_BEFORE.test(before) || listedAfterOrigin) m.aside = true;
  }
}

/** Marks the places named only to locate the one before them (see `PlaceMention.container`). */
function markContainers(mentions: readonly PlaceMention[], body: string): void {
  for (let i = 1; i < mentions.length; i++) {
    const before = mentions[i - 1]!;
    const after = mentions[i]!;
    const gap = body.slice(before.end, after.start);
    if (gap.length > 60 || !CONTAINER_GAP.test(gap)) continue;
    if (/^\s*,\s*$/u.test(gap) && LIST_AFTER.test(body.slice(after.end, after.end + 6))) continue;
    after.container = true;
  }
}

function countriesOf(doc: Document): string[] {
  const countries = documentCountries(doc.entities, doc.body);
  for (const p of doc.places) if (p.country_code && !countries.includes(p.country_code)) countries.push(p.country_code);
  return countries;
}

/** Headline words written in title case that put the name after them somewhere ("Man Shot In Dayton"). */
const TITLE_CASE_LOCATIVE = /\b(?:In|Near|Outside)\b(?=\s+\p{Lu})/gu;

/**
 * The town a headline puts its story in ("Teen wounded in Dayton shooting", "Two Hurt In Dayton
 * Bar Fight"), by the same cues as in the body, when the gazetteer knows it in the document's
 * countries. The body of a web page does not always repeat it.
 */
export function headlinePlace(doc: Document): DocumentPlace | null {
  if (!doc.title) return null;
  const title = doc.title.replace(TITLE_CASE_LOCATIVE, (word) => word.toLowerCase());
  const countries = countriesOf(doc);
  for (const m of title.matchAll(UNTAGGED_PLACE)) {
    const name = m[1];
    if (name === undefined || NOT_A_PLACE.has(name.toLowerCase())) continue;
    const town = townOrPrefix(name, countries);
    if (town) return townMention(town.name, 0, town.place).place;
  }
  return null;
}

/**
 * A street's name ("Sunset Road", "Main St.", "on Elm Avenue") is no town, though the gazetteer may
 * know a town of its first word: the street lies in the story's town, which is named elsewhere.
 */
const STREET_WORD = /^(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Boulevard|Blvd|Lane|Ln|Court|Ct|Highway|Hwy|Parkway|Pkwy|Pike|Circle|Cir|Terrace|Trail|Expressway|Freeway)\b/u;
/** After a name, only the full words: "St." or "Dr." may begin the next name ("Lake St. Louis", "Dr. Ruiz"). */
const STREET_AFTER = /^\s+(?:Road|Street|Avenue|Drive|Boulevard|Lane|Court|Highway|Parkway|Pike|Circle|Terrace|Trail|Expressway|Freeway)\b/u;

function namesAStreet(body: string, mention: PlaceMention): boolean {
  const lastWord = /\S+$/u.exec(body.slice(mention.start, mention.end))?.[0].replace(/\.$/u, '') ?? '';
  return (mention.end - mention.start > lastWord.length && STREET_WORD.test(lastWord)) || STREET_AFTER.test(body.slice(mention.end, mention.end + 16));
}

/**
 * "the West Side", "Southside", "the city's East Side": a side of the story's town, not a town,
 * though the gazetteer knows namesakes (a Southside in Alabama) or gives the name to a city.
 */
const SIDE_OF_TOWN = /^(?:the\s+)?(?:far\s+)?(?:north|south|east|west)(?:[\s-]?(?:east|west))?[\s-]?side$/iu;

/** Place mentions of the document in text order: LOC mentions the places layer could place, then names the tagger missed. */
export function placeMentions(doc: Document): PlaceMention[] {
  const byKey = new Map(doc.places.map((p) => [p.key, p]));
  const countries = countriesOf(doc);
  const mentions: PlaceMention[] = [];
  for (const e of doc.entities) {
    if (e.type !== 'LOC' || currencyMention(doc.body, e)) continue;
    const fuller = runOnMention(doc.body, e.start, e.end, countries);
    const place = byKey.get(e.key);
    if (fuller) mentions.push(fuller);
    else if (place && place.lat !== null) mentions.push({ start: e.start, end: e.end, place });
  }
  const extra: PlaceMention[] = [];
  for (const x of [...untaggedPlaceMentions(doc, countries), ...adminBracketMentions(doc.body, countries)]) {
    if (!mentions.some((m) => m.start < x.end && m.end > x.start) && !extra.some((m) => m.start < x.end && m.end > x.start)) extra.push(x);
  }
  const dateline = datelineMention(doc.body, countries);
  if (dateline) {
    const tagged = mentions.find((m) => m.start === dateline.start);
    if (tagged) tagged.dateline = true;
    else extra.push(dateline);
  }
  const all = (extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start)).filter(
    (m) => !namesAStreet(doc.body, m) && (m.dateline || !SIDE_OF_TOWN.test(doc.body.slice(m.start, m.end))),
  );
  markStrays(all, doc.body);
  markContainers(all, doc.body);
  markAsides(all, doc.body);
  return all;
}

/** How many countries have a populated place of this name: a name found in many ("San Francisco") tells little of where a story is. */
function countriesNamed(name: string): number {
  const key = placeKey(name);
  let count = namesakeCountries.get(key);
  if (count === undefined) {
    const g = gazetteer();
    const rows = rowsNamed(g.byName, key);
    const codes = new Set<number>();
    for (let i = 0; i < rows.length; i++) codes.add(g.country[rows[i]!]!);
    count = Math.max(1, codes.size);
    if (namesakeCountries.size >= TOWN_MEMO_LIMIT) namesakeCountries.clear();
    namesakeCountries.set(key, count);
  }
  return count;
}
const namesakeCountries = new Map<string, number>();

/**
 * The story's country is the one its places point to most, each mention weighing less the more
 * countries share its name; a town elsewhere is marked a stray when another country clearly leads.
 */
function markStrays(mentions: PlaceMention[], body: string): void {
  const tally = new Map<string, number>();
  for (const m of mentions) {
    // Countries are named as actors too ("Turkey said"): only towns and regions say where the story is.
    const code = m.place.precision < 3 ? m.place.country_code : null;
    if (code) tally.set(code, (tally.get(code) ?? 0) + 1 / countriesNamed(body.slice(m.start, m.end)));
  }
  if (tally.size < 2) return;
  const [[leader, lead], [, second]] = [...tally].sort((a, b) => b[1] - a[1]) as [[string, number], [string, number]];
  if (lead <= second) return;
  for (const m of mentions) if (m.place.precision === 1 && m.place.country_code && m.place.country_code !== leader) m.stray = true;
}

/**
 * The finest place; the first named on ties ("in Campinas, São Paulo": the town comes first). A
 * container or a place named aside counts only when nothing but a country-wide place is left.
 */
function finest(mentions: readonly PlaceMention[]): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  for (const m of mentions) {
    if (m.stray || m.container || m.aside) continue;
    if (!best || m.place.precision < best.place.precision) best = m;
  }
  // "western Yemen (Xdistrict, Yprovince)": a region or town placing a country-wide phrase says more than it.
  if (best && best.place.precision < 3) return best;
  for (const m of mentions) {
    if (m.stray) continue;
    if (!best || m.place.precision < best.place.precision) best = m;
  }
  return best;
}

/** The dateline's town, else the most mentioned place among the finest-precision ones; first mentioned on ties. */
export function mainPlace(mentions: readonly PlaceMention[]): DocumentPlace | null {
  if (mentions.length === 0) return null;
  const dateline = mentions.find((m) => m.dateline && m.place.precision < 3);
  if (dateline) return dateline.place;
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.place.key, (counts.get(m.place.key) ?? 0) + 1);
  const bestPrecision = Math.min(...mentions.map((m) => (m.place.precision === 3 ? 3 : 2)));
  let best: DocumentPlace | null = null;
  for (const m of mentions) {
    if ((m.place.precision === 3 ? 3 : 2) !== bestPrecision) continue;
    if (!best || counts.get(m.place.key)! > counts.get(best.key)!) best = m.place;
  }
  return best;
}


/**
 * The name an event's place is reported by: the city for a neighbourhood ("Englewood" → Chicago;
 * "South Philadelphia", placed at Philadelphia's point, → Philadelphia), as a record of where things
 * happened is read and compared by town. Regions and towns named with a side ("West Virginia",
 * "North Las Vegas") keep their own name. The point stays the one the text named.
 */
function reportedName(place: DocumentPlace): string {
  if (place.precision === 1 && place.geonameid !== null) return cityOfSection(place.geonameid)?.name ?? place.name;
  if (place.precision !== 2 || !place.country_code || !PART_OF_TOWN.test(place.name) || isKnownRegion(place.name)) return place.name;
  if (townNamed(place.name, [place.country_code])) return place.name;
  // "Southeast D.C." → the town the rest names, by its own name.
  const rest = place.name.replace(PART_OF_TOWN, '');
  return townNamed(rest, [place.country_code])?.name ?? rest;
}

function toLocation(place: DocumentPlace, inherited: boolean): EventLocation {
  const precision = inherited && place.precision === 1 ? 2 : place.precision;
  return { name: reportedName(place), country: place.country, lat: place.lat, lon: place.lon, precision };
}

const within = (m: Span, span: Span): boolean => m.start >= span.start && m.end <= span.end;

export function eventLocation(mentions: readonly PlaceMention[], sentence: Span, paragraph: Span, trigger: number, main: DocumentPlace | null): EventLocation | null {
  const inSentence = finest(mentions.filter((m) => within(m, sentence)));
  if (inSentence) {
    // A country alone in the sentence: a finer place of the same country nearby is the better evidence.
    const finer = inSentence.place.precision === 3 ? finest(mentions.filter((m) => within(m, paragraph) && m.place.country === inSentence.place.country)) : undefined;
    if (finer && finer.place.precision < 3) return toLocation(finer.place, true);
    if (inSentence.place.precision === 3 && main && main.precision < 3 && main.country === inSentence.place.country) return toLocation(main, true);
    // A county or state alone in the sentence: the story's town of that country is the better guess ("… in
    // Marion County" in a story of a Belleview shooting). Not a distance test: counties share their names
    // across states, and the gazetteer's point for one may be its namesake's. Not when the sentence
    // names a town, even one set aside ("on the Lagos - Ibadan road near Sagamu"): the region is then
    // where the text puts the event.
    const namesTown = mentions.some((m) => within(m, sentence) && m.place.precision === 1);
    if (inSentence.place.precision === 2 && !namesTown && main && main.precision === 1 && main.country_code === inSentence.place.country_code) return toLocation(main, true);
    return toLocation(inSentence.place, false);
  }
  const inParagraph = finest(mentions.filter((m) => within(m, paragraph)));
  // Only a region or country nearby: the story's own town in it is the better guess ("…, Ohio police said" in a Dayton story).
  if (inParagraph && inParagraph.place.precision > 1 && main && main.precision === 1 && main.country_code === inParagraph.place.country_code) return toLocation(main, true);
  if (inParagraph) return toLocation(inParagraph.place, true);
  return main ? toLocation(main, true) : null;
}
