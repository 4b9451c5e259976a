/**
 * Events across articles (issue 5, parts 3–5): within one story, the event mentions of every
 * article that describe the same real event become one canonical event. Each slot keeps every
 * source's value; casualty figures are reconciled but never hidden: the range over sources,
 * ACLED's conservative value, the latest value, and every report with its outlet, attribution,
 * hedge and time; a later, higher figure from the same origin is a revision ("a 34th soldier later
 * died"), different figures from different origins are a disagreement, and both are listed.
 *
 * Same event: same event type, compatible dates (equal at day precision, overlapping when coarser)
 * and places (same country; within `sameEventKm` when both are precise), and no contradiction in
 * the actors (when both name an agent, the agents share a key or a name). Distinct events stay
 * distinct: an airstrike and the retaliatory drone strikes two days later differ in date and agent.
 *
 * Independent sources: copies of one article count once; outlets relaying the same attributed
 * origin (two outlets both citing the same monitor) count as one origin.
 */
import type { AnalysisRecord, Attribution, Claim, EventActor, EventLocation, NewsEvent, Range } from '../document.js';
import { kmBetween } from '../annotate/geo/index.js';

export interface LinkedArticle extends Pick<AnalysisRecord, 'id' | 'source' | 'published' | 'body' | 'events' | 'claims'> {
  duplicate_of: string | null;
}

export interface FigureReport {
  article: string;
  source: string | null;
  min: number | null;
  max: number | null;
  /** "at least", "up to", "between", "exactly" or "unknown", from the shape of the range. */
  hedge: string;
  /** The words of the figure in the article, when the claims ledger links it to this event. */
  text: string | null;
  start: number | null;
  end: number | null;
  attribution: Attribution | null;
  /** The publication date of the report (TIMEX3 value) or null. */
  asserted: string | null;
  /** The article is a copy: its figure repeats its original's and is not counted as a source. */
  copy: boolean;
  /** The report's sentence says the figure was revised ("a 34th soldier later died", "the toll rose to"). */
  revised: boolean;
}

export interface ReconciledFigure {
  /** Range over all reports: the lowest lower bound, the highest upper (or point) value. */
  min: number | null;
  max: number | null;
  /** ACLED's rule: the most conservative credible figure, here the lowest point or lower bound reported. */
  conservative: number | null;
  /** The figure of the most recent report (after revisions). */
  latest: number | null;
  reports: FigureReport[];
}

export interface Conflict {
  slot: 'killed' | 'injured' | 'date' | 'location';
  kind: 'disagreement' | 'revision';
  values: Array<{ value: string | number; article: string; source: string | null; origin: string; asserted: string | null }>;
}

export interface CanonicalEvent {
  id: string;
  story: string;
  type: string;
  subtype: string;
  date: { value: string; precision: 1 | 2 | 3 } | null;
  location: EventLocation | null;
  actors: Array<{ role: EventActor['role']; key: string | null; text: string }>;
  killed: ReconciledFigure;
  injured: ReconciledFigure;
  articles: string[];
  sources: string[];
  independent_sources: number;
  mentions: Array<{ article: string; start: number; end: number; text: string }>;
  conflicts: Conflict[];
  modality: NewsEvent['modality'];
}

export interface EventLinkOptions {
  /** Two precise places further apart than this are different events. */
  sameEventKm: number;
}

const DEFAULT_OPTIONS: EventLinkOptions = { sameEventKm: 50 };

interface Mention {
  article: LinkedArticle;
  index: number;
  event: NewsEvent;
  /** What comparing it needs, worked out once per mention rather than once per comparison. */
  days: [number, number] | null;
  otherSubtype: boolean;
  agents: string[];
  /** `originOf` and `revisedIn`, once asked. */
  origin?: string;
  revised?: boolean;
}

/** Links the event mentions of one story's articles into canonical events, oldest report first. */
export function linkEvents(story: string, articles: readonly LinkedArticle[], options: Partial<EventLinkOptions> = {}): CanonicalEvent[] {
  const settings = { ...DEFAULT_OPTIONS, ...options };
  const mentions: Mention[] = [];
  const ordered = [...articles].sort((a, b) => (a.published?.value ?? '').localeCompare(b.published?.value ?? '') || (a.id < b.id ? -1 : 1));
  const daysOf = new Map<string, [number, number] | null>();
  for (const article of ordered) {
    article.events.forEach((event, index) => {
      let days: [number, number] | null = null;
      if (event.date) {
        days = daysOf.get(event.date.value) ?? null;
        if (!daysOf.has(event.date.value)) daysOf.set(event.date.value, (days = dayRange(event.date.value)));
      }
      mentions.push({ article, index, event, days, otherSubtype: OTHER_SUBTYPE.test(event.subtype), agents: agentsOf(event.actors).map(actorId) });
    });
  }
  // Candidates share the event type; a mention is compared with at most the first few and the last
  // few reports of a group (every report of an event agrees with those), so a story of thousands of
  // articles costs linear time, not quadratic.
  const groups: Mention[][] = [];
  const byType = new Map<string, Mention[][]>();
  for (const mention of mentions) {
    const candidates = byType.get(mention.event.type) ?? [];
    const group = candidates.find((g) => agreesWithRepresentatives(mention, g, settings));
    if (group) {
      group.push(mention);
    } else {
      const created = [mention];
      groups.push(created);
      candidates.push(created);
      byType.set(mention.event.type, candidates);
    }
  }
  return groups.map((group, i) => canonicalEvent(`${story}#e${i + 1}`, story, group));
}

const REPRESENTATIVES = 4;

/** The mention is the same event as every representative of the group: its first and last few reports, or all of a small group. */
function agreesWithRepresentatives(mention: Mention, group: readonly Mention[], options: EventLinkOptions): boolean {
  if (group.length <= 2 * REPRESENTATIVES) return group.every((other) => sameEvent(mention, other, options));
  for (let i = 0; i < REPRESENTATIVES; i++) if (!sameEvent(mention, group[i]!, options)) return false;
  for (let i = group.length - REPRESENTATIVES; i < group.length; i++) if (!sameEvent(mention, group[i]!, options)) return false;
  return true;
}

function sameEvent(a: Mention, b: Mention, options: EventLinkOptions): boolean {
  return a.event.type === b.event.type && compatibleSubtypes(a, b) && compatibleDates(a, b) && compatiblePlaces(a.event.location, b.event.location, options) && compatibleAgents(a.agents, b.agents);
}

const OTHER_SUBTYPE = /^other\b/i;

function compatibleSubtypes(a: Mention, b: Mention): boolean {
  return a.event.subtype === b.event.subtype || a.event.subtype === '' || b.event.subtype === '' || a.otherSubtype || b.otherSubtype;
}

const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** A TIMEX3 date value as the days it covers: "2020-02-27" one day, "2020-02" a month, "2020-W09" a week. */
function dayRange(value: string): [number, number] | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) {
    const d = day(Number(match[1]), Number(match[2]), Number(match[3]));
    return [d, d];
  }
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) {
    const jan4 = day(Number(match[1]), 1, 4);
    const monday = jan4 - ((new Date(jan4 * 86_400_000).getUTCDay() + 6) % 7) + (Number(match[2]) - 1) * 7;
    return [monday, monday + 6];
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return [day(Number(match[1]), Number(match[2]), 1), day(Number(match[1]), Number(match[2]) + 1, 1) - 1];
  match = /^(\d{4})$/.exec(value);
  if (match) return [day(Number(match[1]), 1, 1), day(Number(match[1]), 12, 31)];
  return null;
}

function compatibleDates(a: Mention, b: Mention): boolean {
  const ra = a.days;
  const rb = b.days;
  if (!ra || !rb) return true;
  // Day-precise reports of one event may straddle midnight across time zones: one day of slack.
  const slack = a.event.date!.precision === 1 && b.event.date!.precision === 1 ? 1 : 0;
  return ra[0] <= rb[1] + slack && rb[0] <= ra[1] + slack;
}

function compatiblePlaces(a: EventLocation | null, b: EventLocation | null, options: EventLinkOptions): boolean {
  if (!a || !b) return true;
  if (a.country && b.country && a.country !== b.country) return false;
  const precise = a.precision <= 2 && b.precision <= 2 && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null;
  return !precise || a.name === b.name || kmBetween(a.lat!, a.lon!, b.lat!, b.lon!) <= options.sameEventKm;
}

const agentsOf = (actors: readonly EventActor[]): EventActor[] => actors.filter((a) => a.role === 'agent');
const actorId = (a: Pick<EventActor, 'key' | 'text'>): string => a.key ?? a.text.toLowerCase();

/** `left`, `right`: the ids of each mention's agents. */
function compatibleAgents(left: readonly string[], right: readonly string[]): boolean {
  if (left.length === 0 || right.length === 0) return true;
  return right.some((id) => left.includes(id));
}

function canonicalEvent(id: string, story: string, group: Mention[]): CanonicalEvent {
  const events = group.map((m) => m.event);
  const originals = group.filter((m) => m.article.duplicate_of === null);
  const articles = unique(group.map((m) => m.article.id));
  const killed = reports(group, 'killed');
  const injured = reports(group, 'injured');
  return {
    id,
    story,
    type: events[0]!.type,
    subtype: mostCommon(events.map((e) => e.subtype)),
    date: finest(events.map((e) => e.date)),
    location: finest(events.map((e) => e.location)),
    actors: uniqueActors(events.flatMap((e) => e.actors)),
    killed: reconcile(killed),
    injured: reconcile(injured),
    articles,
    sources: unique(group.map((m) => m.article.source.name ?? m.article.source.domain ?? m.article.id)),
    independent_sources: new Set((originals.length > 0 ? originals : group).map(originOf)).size,
    mentions: group.map((m) => ({ article: m.article.id, start: m.event.trigger.start, end: m.event.trigger.end, text: m.event.trigger.text })),
    conflicts: [...figureConflicts(group, killed, 'killed'), ...figureConflicts(group, injured, 'injured'), ...dateConflicts(group)],
    modality: strongestModality(events),
  };
}

/** Where a report comes from: the origin it attributes the event to, else its outlet. */
function originOf(mention: Mention): string {
  if (mention.origin === undefined) {
    const attribution = mention.event.attribution;
    if (attribution) mention.origin = attribution.key ?? attribution.text.toLowerCase().replace(/^the\s+/, '');
    else mention.origin = (mention.article.source.name ?? mention.article.source.domain ?? mention.article.id).toLowerCase();
  }
  return mention.origin;
}

/** The mention's sentence presents its figures as an update (`REVISION_CUE`). */
function revisedIn(mention: Mention): boolean {
  mention.revised ??= REVISION_CUE.test(mention.article.body.slice(mention.event.sentence.start, mention.event.sentence.end));
  return mention.revised;
}

function hedgeOf(range: Range): string {
  if (range.min !== null && range.max !== null) return range.min === range.max ? 'exactly' : 'between';
  if (range.min !== null) return 'at least';
  if (range.max !== null) return 'up to';
  return 'unknown';
}

/** The claim of the article that states this event's figure (the claims ledger links them). */
function claimOf(mention: Mention, slot: 'killed' | 'injured'): Claim | undefined {
  return mention.article.claims.find((c) => c.event === mention.index && c.subject.endsWith(slot));
}

function reports(group: readonly Mention[], slot: 'killed' | 'injured'): FigureReport[] {
  return group
    .filter((m) => m.event[slot].min !== null || m.event[slot].max !== null)
    .map((m) => {
      const claim = claimOf(m, slot);
      return {
        article: m.article.id,
        source: m.article.source.name ?? m.article.source.domain,
        min: m.event[slot].min,
        max: m.event[slot].max,
        hedge: hedgeOf(m.event[slot]),
        text: claim?.text ?? null,
        start: claim?.start ?? null,
        end: claim?.end ?? null,
        attribution: m.event.attribution,
        asserted: m.article.published?.value ?? null,
        copy: m.article.duplicate_of !== null,
        revised: revisedIn(m),
      };
    });
}

/** Words that present a figure as an update of an earlier one. */
const REVISION_CUE = /\b(?:later died|died later|\w+(?:st|nd|rd|th) (?:\w+ )?(?:later )?died|(?:rose|risen|climbed|increased|jumped|grew) to|revised|new (?:death )?toll|updated (?:death )?toll|toll (?:rose|climbed|reached|now stands))\b/i;

/** The point value a report stands for: its exact or lower bound, else its upper bound. */
const pointOf = (r: Pick<FigureReport, 'min' | 'max'>): number => (r.min ?? r.max)!;

/** `all`: the group's reports of one figure (`reports`). */
function reconcile(all: FigureReport[]): ReconciledFigure {
  const counted = all.filter((r) => !r.copy);
  const basis = counted.length > 0 ? counted : all;
  if (basis.length === 0) return { min: null, max: null, conservative: null, latest: null, reports: all };
  const lows = basis.map(pointOf);
  const highs = basis.map((r) => r.max ?? r.min!);
  const latest = [...basis].sort((a, b) => (a.asserted ?? '').localeCompare(b.asserted ?? '')).pop()!;
  return { min: Math.min(...lows), max: Math.max(...highs), conservative: Math.min(...lows), latest: pointOf(latest), reports: all };
}

/** `all`: the group's reports of the slot's figure (`reports`). */
function figureConflicts(group: readonly Mention[], all: readonly FigureReport[], slot: 'killed' | 'injured'): Conflict[] {
  const counted = all.filter((r) => !r.copy);
  if (new Set(counted.map(pointOf)).size < 2) return [];
  const origin = new Map(group.map((m) => [m.article.id, originOf(m)]));
  const entries = counted.map((r) => ({ value: pointOf(r), article: r.article, source: r.source, origin: origin.get(r.article)!, asserted: r.asserted, revised: r.revised }));
  // A revision: every change of figure is an increase, reported later by the same origin or outlet,
  // or presented by its own words as an update ("a 34th soldier later died").
  const sorted = [...entries].sort((a, b) => (a.asserted ?? '').localeCompare(b.asserted ?? '') || a.value - b.value);
  const revision = sorted.every((entry, i) => {
    const before = sorted[i - 1];
    if (!before || before.value === entry.value) return true;
    const later = (entry.asserted ?? '') > (before.asserted ?? '') || entry.revised;
    const sameTeller = entry.origin === before.origin || entry.source === before.source;
    return later && (sameTeller || entry.revised) && entry.value > before.value;
  });
  const values = entries.map(({ revised: _revised, ...entry }) => entry);
  return [{ slot, kind: revision ? 'revision' : 'disagreement', values }];
}

function dateConflicts(group: readonly Mention[]): Conflict[] {
  const precise = group.filter((m) => m.event.date?.precision === 1 && m.article.duplicate_of === null);
  const values = new Set(precise.map((m) => m.event.date!.value.slice(0, 10)));
  if (values.size < 2) return [];
  return [{
    slot: 'date',
    kind: 'disagreement',
    values: precise.map((m) => ({
      value: m.event.date!.value, article: m.article.id, source: m.article.source.name, origin: originOf(m), asserted: m.article.published?.value ?? null,
    })),
  }];
}

const MODALITY_STRENGTH: Record<NewsEvent['modality'], number> = { asserted: 5, reported: 4, alleged: 3, denied: 2, planned: 1, threatened: 0 };

/** The event is as certain as its most certain report. */
function strongestModality(events: readonly NewsEvent[]): NewsEvent['modality'] {
  return events.map((e) => e.modality).sort((a, b) => MODALITY_STRENGTH[b] - MODALITY_STRENGTH[a])[0]!;
}

function finest<T extends { precision: 1 | 2 | 3 }>(values: ReadonlyArray<T | null>): T | null {
  const present = values.filter((v): v is T => v !== null);
  if (present.length === 0) return null;
  const best = Math.min(...present.map((v) => v.precision));
  return present.find((v) => v.precision === best)!;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueActors(actors: readonly EventActor[]): CanonicalEvent['actors'] {
  const seen = new Map<string, CanonicalEvent['actors'][number]>();
  for (const actor of actors) {
    const id = `${actor.role}|${actorId(actor)}`;
    if (!seen.has(id)) seen.set(id, { role: actor.role, key: actor.key, text: actor.text });
  }
  return [...seen.values()];
}
