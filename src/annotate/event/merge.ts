/**
 * One event per happening: a later mention joins an earlier event of the same type when nothing
 * tells them apart — same sub-type (or within two sentences, as "the blast" after "a car bomb"),
 * compatible dates (equal, one within the other, one vague, or a borrowed day and a told day on or
 * before it), compatible places (same country and within 50 km unless one is vague), no two
 * different agents, no two different exact death tolls. The first mention keeps the trigger (the contract has one); the others fill in what it
 * lacks: a finer date or place, casualty figures, actors, attribution. Injured counted from those
 * shot leave out the dead another mention tells of.
 */
import type { EventActor, NewsEvent, Range } from '../../document.js';
import { survivors } from './casualties.js';

const MAX_KM = 50;
/** A district or region stands for a wider area. */
const MAX_KM_VAGUE = 100;
const NEAR_SENTENCES = 2;

export interface EventDraft {
  event: NewsEvent;
  sentenceIndex: number;
  /** "the clash", "the blast": a definite mention that points back to an event just told. */
  definite: boolean;
  /** How many were shot, when the event's injured count was derived from it (see `tally`). */
  shot?: Range | null;
}

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

function km(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return 0;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/**
 * A day at precision 2 was not told of the mention itself but taken from around it: the telling
 * ("police said Monday"), an earlier sentence, the story's lead or its publication. Such a day
 * bounds the happening from above — news tells what has happened — so a mention dated in its own
 * words on or before it may be the same happening and correct it ("Police said Monday … The
 * shooting happened on May 3."); one dated after it is something that followed. Two such guesses
 * say nothing against each other.
 */
const inferredDay = (d: NonNullable<NewsEvent['date']>): boolean => d.precision === 2 && /^\d{4}-\d{2}-\d{2}$/.test(d.value);

function datesFit(a: NewsEvent['date'], b: NewsEvent['date']): boolean {
  if (!a || !b || a.precision === 3 || b.precision === 3) return true;
  if (inferredDay(a) && inferredDay(b)) return true;
  if (inferredDay(a) && b.precision === 1) return b.value.slice(0, 10) <= a.value;
  if (inferredDay(b) && a.precision === 1) return a.value.slice(0, 10) <= b.value;
  return a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

function placesFit(a: NewsEvent['location'], b: NewsEvent['location']): boolean {
  if (!a || !b) return true;
  if (a.country && b.country && a.country !== b.country) return false;
  if (a.precision === 3 || b.precision === 3) return true;
  return km(a, b) <= (a.precision === 2 || b.precision === 2 ? MAX_KM_VAGUE : MAX_KM);
}

const hasKeyedAgent = (e: NewsEvent): boolean => e.actors.some((a) => a.role === 'agent' && a.key);

/** No two different agents: either side has no keyed agent, or they share one. */
function agentsFit(a: NewsEvent, b: NewsEvent): boolean {
  if (!hasKeyedAgent(a) || !hasKeyedAgent(b)) return true;
  for (const x of a.actors) {
    if (x.role !== 'agent' || !x.key) continue;
    for (const y of b.actors) if (y.role === 'agent' && y.key === x.key) return true;
  }
  return false;
}

const exact = (r: Range): number | null => (r.min !== null && r.min === r.max ? r.min : null);

function tollsFit(a: NewsEvent, b: NewsEvent): boolean {
  const x = exact(a.killed);
  const y = exact(b.killed);
  return x === null || y === null || x === y;
}

const IRREALIS = new Set(['threatened', 'planned', 'denied']);

/** Far-apart mentions need a shared fact, not just the absence of a conflict. */
function sharedFact(a: NewsEvent, b: NewsEvent): boolean {
  const sameDay = a.date !== null && b.date !== null && a.date.precision <= 2 && b.date.precision <= 2 && a.date.value === b.date.value;
  const samePlace = a.location !== null && b.location !== null && a.location.precision <= 2 && a.location.name === b.location?.name;
  return sameDay || samePlace;
}

function fits(earlier: EventDraft, later: EventDraft): boolean {
  const a = earlier.event;
  const b = later.event;
  const near = later.sentenceIndex - earlier.sentenceIndex <= NEAR_SENTENCES;
  const anaphora = later.definite && near && later.sentenceIndex > earlier.sentenceIndex && VIOLENT.has(a.type) && VIOLENT.has(b.type);
  if ((a.type !== b.type && !anaphora) || IRREALIS.has(a.modality) !== IRREALIS.has(b.modality)) return false;
  if (!near && (a.subtype !== b.subtype || !sharedFact(a, b))) return false;
  return datesFit(a.date, b.date) && placesFit(a.location, b.location) && agentsFit(a, b) && tollsFit(a, b);
}

const emptyRange = (r: Range): boolean => r.min === null && r.max === null;

/**
 * Fills what the kept event lacks from a later mention. Injured counted from those shot ("a boy
 * shot himself") leave out the dead the other mention tells of ("… the boy has died"): the
 * victims shot include those who died of it.
 */
function absorb(kept: EventDraft, other: EventDraft): void {
  const into = kept.event;
  const told = other.event;
  if (told.date && (!into.date || told.date.precision < into.date.precision)) into.date = told.date;
  if (told.location && (!into.location || told.location.precision < into.location.precision)) into.location = told.location;
  if (emptyRange(into.killed) && !emptyRange(told.killed)) {
    into.killed = told.killed;
    if (kept.shot) into.injured = survivors(kept.shot, into.killed);
  }
  if (emptyRange(into.injured)) {
    into.injured = other.shot && !emptyRange(into.killed) ? survivors(other.shot, into.killed) : told.injured;
    kept.shot = other.shot ?? null;
  }
  into.attribution ??= told.attribution;
  const known = new Set(into.actors.map((a) => a.key ?? a.text.toLowerCase()));
  const added: EventActor[] = told.actors.filter((a) => !known.has(a.key ?? a.text.toLowerCase()));
  into.actors = [...into.actors, ...added];
}

/** Merges drafts in text order; returns one event per happening, first mention first. */
export function mergeMentions(drafts: readonly EventDraft[]): NewsEvent[] {
  const kept: EventDraft[] = [];
  for (const draft of drafts) {
    const target = kept.findLast((k) => fits(k, draft));
    if (target) absorb(target, draft);
    else kept.push({ ...draft, event: { ...draft.event } });
  }
  return kept.map((k) => k.event);
}
