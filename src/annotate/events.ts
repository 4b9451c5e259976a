/**
 * Events stage: who did what to whom, where, when, how many, and who says so (`doc.events`).
 * Needs sentences, canonical entities, places, times and numbers.
 *
 * Per sentence: triggers from the lexicon (data/event-taxonomy.json) give event mentions; the
 * sentence's casualty figures go to its nearest violent event; a sentence whose only triggers are
 * weak ("Five were killed.", "A 34th soldier later died.") adds its figures to the violent event
 * of the two sentences before it instead of making a new one. Protest sub-types are refined by
 * cues in the sentence and the next one. Within a sentence, an attack told with its weapon takes
 * the weapon's type, and an arrest or looting coordinated with violence ("detained and tortured")
 * is folded into the violence. Mentions of one happening are then merged (./event/merge): the
 * event keeps its first mention as `trigger`. Last, the headline's toll ("3 dead, 2 wounded in
 * …") fills the figures the story's lead violent event lacks (./event/headline).
 */
import type { Document, NewsEvent, Range, Span } from '../document.js';
import { eventActors, sentenceActors } from './event/actors.js';
import { findAttribution } from './event/attribution.js';
import { sentenceCasualties, sumRanges, survivors, tally, tallyNote, type Casualty, type TallyNote } from './event/casualties.js';
import { datedTimes, eventDate } from './event/date.js';
import { eventLocation, headlinePlace, mainPlace, placeMentions } from './event/location.js';
import { mergeMentions, type EventDraft } from './event/merge.js';
import { eventModality, sentenceModality } from './event/modality.js';
import { taxonomy } from './event/taxonomy.js';
import { findTriggers, participantSides, type TriggerMention } from './event/triggers.js';
import { fillFromHeadline, headlineCasualties } from './event/headline.js';

/** Types whose events carry casualty figures. */
const VIOLENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots', 'Protests']);
const STATEMENT_TYPES = new Set(['Statement']);
const FOLLOW_UP_SENTENCES = 2;
const DEFINITE_BEFORE = /\b(?:the|this|that)\s+$/i;

function paragraphOf(body: string, sentence: Span): Span {
  const before = body.lastIndexOf('\n', sentence.start - 1);
  const after = body.indexOf('\n', sentence.end);
  return { start: before + 1, end: after < 0 ? body.length : after };
}

const VICTIM_WINDOW = 80;

function refine(event: NewsEvent, context: string, victim: string): void {
  for (const r of taxonomy().refinements) {
    if (event.type !== r.fromType || event.subtype !== r.fromSubtype) continue;
    const scope = r.scope === 'victim' ? victim : context;
    if (r.cue.test(scope) && !r.unless?.test(scope)) {
      event.type = r.toType;
      event.subtype = r.toSubtype;
      return;
    }
  }
}

function nearestViolent(drafts: readonly EventDraft[], at: number): EventDraft | undefined {
  let best: EventDraft | undefined;
  for (const d of drafts) {
    if (!VIOLENT_TYPES.has(d.event.type)) continue;
    if (!best || Math.abs(d.event.trigger.start - at) < Math.abs(best.event.trigger.start - at)) best = d;
  }
  return best;
}

/** Bare casualty words of one sentence ("shooting … left four dead") tell one violent event, not several. */
function collapseWeakViolence(mentions: readonly TriggerMention[]): TriggerMention[] {
  const firstViolent = mentions.find((m) => m.weak && VIOLENT_TYPES.has(m.type));
  return mentions.filter((m) => !m.weak || !VIOLENT_TYPES.has(m.type) || m === firstViolent);
}

/** The first violent event of the latest sentence, among the few before, that has one. */
function mainViolentBefore(drafts: readonly EventDraft[], sentenceIndex: number): EventDraft | undefined {
  const last = drafts.findLast((d) => VIOLENT_TYPES.has(d.event.type) && sentenceIndex - d.sentenceIndex <= FOLLOW_UP_SENTENCES);
  return last && drafts.find((d) => d.sentenceIndex === last.sentenceIndex && VIOLENT_TYPES.has(d.event.type));
}

/** "A boy was killed … He had been shot in the head": a lone victim shot is the one who died. */
const loneHitOfTheDead = (event: NewsEvent, c: Casualty): boolean => c.kind === 'hit' && c.range.max === 1 && (event.killed.min ?? 0) >= 1;

const emptyRange = (r: Range): boolean => r.min === null && r.max === null;

function applyCasualties(draft: EventDraft, all: readonly Casualty[]): void {
  const casualties = all.filter((c) => !loneHitOfTheDead(draft.event, c));
  if (casualties.length === 0) return;
  const { killed, injured, shot } = tally(casualties);
  const event = draft.event;
  const revised = casualties.some((c) => c.revision);
  const hadDeaths = !emptyRange(event.killed);
  const addsTo = (kind: Casualty['kind']): boolean => casualties.some((c) => c.kind === kind && c.additional) && casualties.every((c) => c.kind !== kind || c.additional);
  if (revised || !hadDeaths) event.killed = emptyRange(killed) ? event.killed : killed;
  else if (addsTo('killed')) event.killed = sumRanges([event.killed, killed]);
  if (emptyRange(event.injured)) {
    event.injured = injured;
    draft.shot = shot;
  } else if (!hadDeaths && draft.shot && !emptyRange(event.killed)) {
    // "Four people were shot … One of them has died": the dead were among those shot.
    event.injured = survivors(draft.shot, event.killed);
  }
}

/**
 * The spans of a layer that lie within a span (`start >= span.start && end <= span.end`), in layer
 * order. Layers come sorted by start, so a binary search finds the first candidate; an unsorted
 * layer is filtered whole, with the same result.
 */
function spansWithin<T extends Span>(spans: readonly T[]): (span: Span) => T[] {
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1]!.start <= spans[i]!.start;
  return (span) => {
    if (!sorted) return spans.filter((s) => s.start >= span.start && s.end <= span.end);
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]!.start < span.start) low = mid + 1;
      else high = mid;
    }
    const inside: T[] = [];
    for (let i = low; i < spans.length && spans[i]!.start <= span.end; i++) if (spans[i]!.end <= span.end) inside.push(spans[i]!);
    return inside;
  };
}

/** "…, killing 10 soldiers and wounding 3": a participle clause tells the toll of its main clause's event. */
const PARTICIPLE_BEFORE = /,\s*(?:and\s+)?(?:killing|leaving|wounding|injuring)\b[^,;]*$/i;
/** "targeted a vehicle with an IED", "attacked the base using drones": the weapon names the attack. */
const INSTRUMENT_BEFORE = /\b(?:with|using|by means of)\s+(?:[\w-]+\s+){0,3}$/i;
const GENERIC_ATTACK = /^(?:attack|target|raid|assault|ambush|struck|hit|storm|opened fire|fired|destroy)/i;

/** Acts a weapon may be told as the means of: violence, or destruction ("destroyed a depot with airstrikes"). */
const attackLike = (e: NewsEvent): boolean => VIOLENT_TYPES.has(e.type) || e.subtype === 'Looting/property destruction';

/** An attack told with its weapon ("attacked … with a car bomb") is one event, of the weapon's type. */
function mergeInstruments(body: string, sentenceDrafts: EventDraft[]): void {
  for (let i = sentenceDrafts.length - 1; i > 0; i--) {
    const weapon = sentenceDrafts[i]!.event;
    if (weapon.type !== 'Explosions/Remote violence') continue;
    if (!INSTRUMENT_BEFORE.test(body.slice(Math.max(weapon.sentence.start, weapon.trigger.start - 50), weapon.trigger.start))) continue;
    const attack = sentenceDrafts.slice(0, i).findLast((d) => attackLike(d.event) && GENERIC_ATTACK.test(d.event.trigger.text));
    if (!attack) continue;
    attack.event.type = weapon.type;
    attack.event.subtype = weapon.subtype;
    sentenceDrafts.splice(i, 1);
  }
}

/** Non-violent acts that, done together with violence, are part of it ("looted a village and abducted 7 people"). */
const CONCOMITANT_SUBTYPES = new Set(['Arrests', 'Looting/property destruction']);
/** Text between two coordinated verbs of one subject: "and", a comma, an adverb; no new clause. */
const COORDINATED = /^[^.;:]{0,80}?(?:\band|,)\s+(?:(?:then|also|later|briefly|subsequently|reportedly|allegedly)\s+)?$/i;
const NEW_CLAUSE = /\b(?:who|whom|whose|which|that|after|before|when|while|because|for|following|since|if|as)\b/i;

/**
 * "Troops detained and tortured a villager", "militants looted a house and kidnapped a man": an
 * arrest or looting coordinated with violence against people in one clause is that violence's
 * happening, so the violent event stands for both.
 */
function foldConcomitants(body: string, sentenceDrafts: EventDraft[]): void {
  for (let i = sentenceDrafts.length - 2; i >= 0; i--) {
    const act = sentenceDrafts[i]!.event;
    const violence = sentenceDrafts[i + 1]!.event;
    if (act.type !== 'Strategic developments' || !CONCOMITANT_SUBTYPES.has(act.subtype) || !VIOLENT_TYPES.has(violence.type) || violence.type === 'Protests') continue;
    const between = body.slice(act.trigger.end, violence.trigger.start);
    if (COORDINATED.test(between) && !NEW_CLAUSE.test(between)) sentenceDrafts.splice(i, 1);
  }
}

/** A tally note sets (or shares out) the toll of the text's first violent event. */
function applyNote(drafts: readonly EventDraft[], note: TallyNote): void {
  const main = drafts.find((d) => VIOLENT_TYPES.has(d.event.type))?.event;
  if (!main) return;
  let toll = note.total ?? main.killed.min;
  if (note.share !== null) toll = note.share;
  else if (toll !== null && note.splitInto !== null) toll = Math.round(toll / note.splitInto);
  if (toll !== null) main.killed = { min: toll, max: toll };
}

/** A casualty word that a sentence without any trigger may hold ("Two others were wounded."). */
const CASUALTY_HINT = /\b(?:wound|injur|hurt|hospitali[sz]ed|condition|recovering|fighting for|succumb|fatalit|died|dead|kill|shot)/i;

/**
 * The sentences to read, in order, with their trigger mentions: those with triggers, and those
 * without any that hold a casualty word, whose figures go to the event before them.
 */
function sentencesToRead(body: string, sentences: readonly Span[], bySentence: ReadonlyMap<number, TriggerMention[]>): Array<[number, TriggerMention[]]> {
  const read: Array<[number, TriggerMention[]]> = [];
  sentences.forEach((sentence, index) => {
    const mentions = bySentence.get(index);
    if (mentions) read.push([index, mentions]);
    else if (CASUALTY_HINT.test(body.slice(sentence.start, sentence.end))) read.push([index, []]);
  });
  return read;
}

/** "died Friday after being shot Thursday": the death followed the wounding, which dates the violence. */
const DEATH_TRIGGER = /^(?:died|dies|succumbed|dead)$/i;
const WOUNDED_AFTER = /^[^.;]{0,40}?\bafter\s+(?:being|(?:he|she|they)\s+(?:was|were|had\s+been))\s+(?:\w+ly\s+)?(shot|wounded|injured|stabbed)\b/i;

/** Where a mention's date is read from: its trigger, or for a death, the wounding it followed. */
function woundingOf(body: string, sentence: Span, mention: TriggerMention): number {
  if (!DEATH_TRIGGER.test(mention.text)) return mention.start;
  const after = WOUNDED_AFTER.exec(body.slice(mention.end, sentence.end));
  return after ? mention.end + after.index + after[0].length - after[1]!.length : mention.start;
}

export function annotateEvents(doc: Document): Document {
  const { body } = doc;
  const triggers = findTriggers(body, doc.sentences);
  const bySentence = new Map<number, TriggerMention[]>();
  for (const t of triggers) {
    const list = bySentence.get(t.sentenceIndex);
    if (list) list.push(t);
    else bySentence.set(t.sentenceIndex, [t]);
  }
  const entitiesWithin = spansWithin(doc.entities);
  const numbersWithin = spansWithin(doc.numbers);
  const places = placeMentions(doc);
  // Without a town in the body, the headline's town is where the story is ("Man shot in Dayton").
  const bodyMain = mainPlace(places);
  const main = bodyMain && bodyMain.precision === 1 ? bodyMain : (headlinePlace(doc) ?? bodyMain);
  const times = datedTimes(doc.times, body);
  const published = doc.published?.value ?? null;
  const drafts: EventDraft[] = [];

  for (const [sentenceIndex, allMentions] of sentencesToRead(body, doc.sentences, bySentence)) {
    const sentence = doc.sentences[sentenceIndex]!;
    let mentions = collapseWeakViolence(allMentions);
    const note = tallyNote(body.slice(sentence.start, sentence.end), sentence);
    // Without a trigger ("Two others were wounded.") or with weak violent ones only, a sentence tells
    // more of the violent event before it; its other triggers ("4 were arrested") still make events.
    const weakViolenceOnly = mentions.every((m) => m.weak || !VIOLENT_TYPES.has(m.type));
    const previous = weakViolenceOnly ? mainViolentBefore(drafts, sentenceIndex) : undefined;
    if (mentions.length === 0 && !previous) {
      if (note) applyNote(drafts, note);
      continue;
    }
    const casualties = sentenceCasualties(body, sentence, numbersWithin(sentence)).filter((c) => !note || c.at < note.at);
    if (previous) {
      applyCasualties(previous, casualties);
      mentions = mentions.filter((m) => !VIOLENT_TYPES.has(m.type));
    }
    if (mentions.length === 0) {
      if (note) applyNote(drafts, note);
      continue;
    }
    const paragraph = paragraphOf(body, sentence);
    // The sentence lies within its paragraph, so the places of either are among the paragraph's.
    const paragraphPlaces = places.filter((p) => p.start >= paragraph.start && p.end <= paragraph.end);
    // Everything below reads only the sentence's own entities: restricting them once saves a scan of all per reader.
    const sentenceEntities = entitiesWithin(sentence);
    const attribution = findAttribution(body, sentence, sentenceEntities);
    const nextSentence = doc.sentences[sentenceIndex + 1];
    const refinementContext = body.slice(sentence.start, nextSentence?.end ?? sentence.end);
    const victims = casualties.map((c) => c.at);
    // Where each mention's date is read from; a time belongs to the nearest of them.
    const siblings = mentions.map((m) => woundingOf(body, sentence, m));
    const sentenceWide = sentenceModality(body, sentence);
    const candidates = sentenceActors(body, sentence, sentenceEntities, attribution ? [attribution] : []);
    const sentenceDrafts: EventDraft[] = mentions.map((m, mentionIndex) => {
      const trigger = { start: m.start, end: m.end, text: m.text };
      const event: NewsEvent = {
        type: m.type,
        subtype: m.subtype,
        trigger,
        sentence: { start: sentence.start, end: sentence.end },
        actors: eventActors({ body, candidates, trigger, subtype: m.subtype, victims }),
        location: eventLocation(paragraphPlaces, sentence, paragraph, m.start, main),
        date: eventDate(times, { sentence, paragraph, next: nextSentence ?? null, trigger: siblings[mentionIndex]!, siblings, published }),
        killed: { min: null, max: null },
        injured: { min: null, max: null },
        attribution: attribution ? { text: attribution.text, key: attribution.key, cue: attribution.cue } : null,
        modality: eventModality(body, sentence, trigger, attribution !== null, STATEMENT_TYPES.has(m.type), sentenceWide),
      };
      refine(event, refinementContext, participantSides(body, sentence, trigger, VICTIM_WINDOW).victim);
      return { event, sentenceIndex, definite: DEFINITE_BEFORE.test(body.slice(Math.max(0, m.start - 6), m.start)) };
    });
    mergeInstruments(body, sentenceDrafts);
    foldConcomitants(body, sentenceDrafts);
    const grouped = new Map<EventDraft, Casualty[]>();
    for (const c of previous ? [] : casualties) {
      const target = PARTICIPLE_BEFORE.test(body.slice(Math.max(sentence.start, c.at - 80), c.at))
        ? sentenceDrafts.find((d) => VIOLENT_TYPES.has(d.event.type))
        : nearestViolent(sentenceDrafts, c.at);
      if (!target) continue;
      const list = grouped.get(target);
      if (list) list.push(c);
      else grouped.set(target, [c]);
    }
    for (const [draft, list] of grouped) applyCasualties(draft, list);
    drafts.push(...sentenceDrafts);
    if (note) applyNote(drafts, note);
  }
  drafts.sort((a, b) => a.event.trigger.start - b.event.trigger.start);
  const events = mergeMentions(drafts);
  const lead = leadIncident(events);
  if (lead && doc.title) fillFromHeadline(lead, headlineCasualties(doc.title));
  return { ...doc, events };
}

/** Types of an incident with casualties (protests carry figures only when they turn violent). */
const INCIDENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);
const hasFigure = (e: NewsEvent): boolean => !emptyRange(e.killed) || !emptyRange(e.injured);

/** The story's lead incident: its first violent event that carries a toll, else its first violent event. */
function leadIncident(events: readonly NewsEvent[]): NewsEvent | undefined {
  const violent = events.filter((e) => INCIDENT_TYPES.has(e.type));
  return violent.find(hasFigure) ?? violent[0];
}
