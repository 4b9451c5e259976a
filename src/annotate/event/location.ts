/**
 * Where an event happened: the finest geocoded place named in its sentence (first named on ties), else in its paragraph, else the document's main place. A place inherited
 * from beyond the sentence is never reported finer than precision 2.
 */
import type { Document, DocumentPlace, EventLocation, Span } from '../../document.js';

export interface PlaceMention extends Span {
  place: DocumentPlace;
}

/** LOC mentions of the document that the places layer could place, in text order. */
export function placeMentions(doc: Document): PlaceMention[] {
  const byKey = new Map(doc.places.map((p) => [p.key, p]));
  const mentions: PlaceMention[] = [];
  for (const e of doc.entities) {
    const place = e.type === 'LOC' ? byKey.get(e.key) : undefined;
    if (place && place.lat !== null) mentions.push({ start: e.start, end: e.end, place });
  }
  return mentions;
}

/** The finest place; the first named on ties ("in Campinas, São Paulo": the town comes first). */
function finest(mentions: readonly PlaceMention[]): PlaceMention | undefined {
  let best: PlaceMention | undefined;
  for (const m of mentions) {
    if (!best || m.place.precision < best.place.precision) best = m;
    
  }
  return best;
}

/** The most mentioned place among the finest-precision ones; first mentioned on ties. */
export function mainPlace(mentions: readonly PlaceMention[]): DocumentPlace | null {
  if (mentions.length === 0) return null;
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

function toLocation(place: DocumentPlace, inherited: boolean): EventLocation {
  const precision = inherited && place.precision === 1 ? 2 : place.precision;
  return { name: place.name, country: place.country, lat: place.lat, lon: place.lon, precision };
}

const within = (m: Span, span: Span): boolean => m.start >= span.start && m.end <= span.end;

export function eventLocation(mentions: readonly PlaceMention[], sentence: Span, paragraph: Span, trigger: number, main: DocumentPlace | null): EventLocation | null {
  const inSentence = finest(mentions.filter((m) => within(m, sentence)));
  if (inSentence) {
    // A country alone in the sentence: a finer place of the same country nearby is the better evidence.
    const finer = inSentence.place.precision === 3 ? finest(mentions.filter((m) => within(m, paragraph) && m.place.country === inSentence.place.country)) : undefined;
    if (finer && finer.place.precision < 3) return toLocation(finer.place, true);
    if (inSentence.place.precision === 3 && main && main.precision < 3 && main.country === inSentence.place.country) return toLocation(main, true);
    return toLocation(inSentence.place, false);
  }
  const inParagraph = finest(mentions.filter((m) => within(m, paragraph)));
  if (inParagraph) return toLocation(inParagraph.place, true);
  return main ? toLocation(main, true) : null;
}
