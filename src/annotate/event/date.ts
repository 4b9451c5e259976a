/**
 * When an event happened: the sentence's resolved time expression nearest to the trigger, else
 * the date of the previous sentences of its paragraph (one step coarser), else the document's
 * first day-precise date not after publication (one step coarser: a story's lead names the
 * incident's day and a headline or follow-up sentence without a date is about it), else the
 * publication date at precision 3. Durations, vague references and bare years are not event dates,
 * nor are the times of reporting ("police said Sunday", "was arrested Friday", "appeared in court
 * Monday") or a page's own stamps ("Posted: Monday, March 3, 2014"). A day only borrowed — from the
 * telling or another sentence — gives way to the story's lead day on or before it ("… police said
 * Sunday. The gunfire began Saturday …").
 */
import type { Span, TimeExpression } from '../../document.js';

export interface EventDate {
  value: string;
  precision: 1 | 2 | 3;
}

const DATE_PRECISION: ReadonlyArray<[RegExp, 1 | 2 | 3]> = [
  [/^\d{4}-\d{2}-\d{2}/, 1],
  [/^\d{4}-W\d{2}$/, 2],
  [/^\d{4}-\d{2}$/, 3],
];

export function dateOf(value: string): EventDate | null {
  for (const [pattern, precision] of DATE_PRECISION) {
    if (pattern.test(value)) return { value: precision === 1 ? value.slice(0, 10) : value, precision };
  }
  return null;
}

/** What a time dates: the happening told, the telling of it ("police said Sunday"), or the page ("Updated: …"). */
export type TimeRole = 'event' | 'reporting' | 'stamp';

export interface DatedTime {
  start: number;
  date: EventDate;
  role: TimeRole;
}

/**
 * A time right after a verb of saying or of the legal process dates that verb, not the happening
 * before it; "as reported on 2 May, …" is a sentence adverbial and still dates what follows.
 */
const REPORTING_BEFORE =
  /(?<!\bas\s+)\b(?:said|says|say|told|reported|announced|confirmed|added|stated|explained|arrested|charged|booked|arraigned|sentenced|indicted|identified|released|appeared|testified|pleaded|remained|remains)\s+(?:on\s+)?$/iu;
/**
 * A time right after an occasion of the aftermath dates that occasion: "appeared in court Monday",
 * "said at a news conference Friday", "made his first court appearance Thursday", "held a vigil
 * Sunday night", "remained in critical condition Friday"; so does one right before it ("in a
 * Saturday night press conference").
 */
const AFTERMATH_BEFORE =
  /\b(?:in\s+court|(?:news|press)\s+conference|court\s+appearance|arraignment|hearing|vigil|funeral|in\s+custody|in\s+(?:critical|serious|stable|fair|good|grave|guarded)\s+condition|hospitali[sz]ed|recovering)\s+(?:on\s+)?$/iu;
const AFTERMATH_AFTER = /^(?:['’]s)?\s+(?:news|press)\s+conference\b/iu;
/** The page's own dates: "Posted: Monday, …", "Last updated on 3 May 2020". */
const STAMP_BEFORE = /\b(?:posted|updated|published|modified)(?:\s+(?:on|at))?\s*:?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$/iu;
/** How far before a time its verb or stamp label is looked for ("Posted: Wednesday, " before the date). */
const ROLE_WINDOW_CHARS = 36;

function roleOf(body: string, start: number, end: number): TimeRole {
  const before = body.slice(Math.max(0, start - ROLE_WINDOW_CHARS), start);
  if (STAMP_BEFORE.test(before)) return 'stamp';
  return REPORTING_BEFORE.test(before) || AFTERMATH_BEFORE.test(before) || AFTERMATH_AFTER.test(body.slice(end, end + ROLE_WINDOW_CHARS)) ? 'reporting' : 'event';
}

/** A bare "overnight" (the night before its anchor day, "…TNI"): no evening or weekday named with it. */
const BARE_OVERNIGHT = /^overnight$/i;
const NIGHT_VALUE = /^(\d{4}-\d{2}-\d{2})TNI$/;

/** The calendar day after `day` ("2024-02-29" → "2024-03-01"). */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The day a time dates. "Two men were shot overnight" in a morning story happened in the small
 * hours of the day it is told on: a bare "overnight" is the night before its anchor day, but the
 * shooting's calendar day is the one after midnight.
 */
function dayOfTime(t: TimeExpression): EventDate | null {
  const night = BARE_OVERNIGHT.test(t.text.trim()) ? NIGHT_VALUE.exec(t.value) : null;
  return night ? { value: dayAfter(night[1]!), precision: 1 } : dateOf(t.value);
}

/** The document's dated times with their role; without `body` every time counts as an event's. */
export function datedTimes(times: readonly TimeExpression[], body?: string): DatedTime[] {
  const dated: DatedTime[] = [];
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const date = dayOfTime(t);
    if (date) dated.push({ start: t.start, date, role: body === undefined ? 'event' : roleOf(body, t.start, t.end) });
  }
  return dated;
}

/** A time this close to a trigger is its own even when another trigger is closer ("clashes this week that saw shelling"). */
const SHARED_TIME_CHARS = 60;
/** "On 3 May 2020, …": a time opening the sentence dates all its events. */
const SENTENCE_OPENING_CHARS = 12;

const coarser = (p: 1 | 2 | 3): 2 | 3 => (p === 3 ? 3 : 2);

/** The trigger of `triggers` nearest to `offset`. */
function nearest(triggers: readonly number[], offset: number): number {
  return triggers.reduce((best, t) => (Math.abs(t - offset) < Math.abs(best - offset) ? t : best), triggers[0] ?? offset);
}

/**
 * The story's lead day when it falls on or before a day that only bounds the happening (the day
 * it was told of): "… police said Sunday." after "… shot Saturday night." happened on Saturday.
 */
function boundedLead(lead: DatedTime | undefined, bound: DatedTime): string | null {
  if (!lead || bound.date.precision !== 1 || lead.start === bound.start) return null;
  return lead.date.value <= bound.date.value ? lead.date.value : null;
}

export interface DateContext {
  sentence: Span;
  paragraph: Span;
  next: Span | null;
  trigger: number;
  /** Triggers of the sentence's events: a time belongs to the one nearest to it. */
  siblings: readonly number[];
  published: string | null;
}

/**
 * A time of the sentence nearest to this trigger (and not nearer another event's trigger); else
 * the date of the sentence's own telling ("…, police said Sunday"), one step coarser; else the
 * last date earlier in the paragraph or a dated next sentence ("…, the ministry said. On
 * Thursday …"), one step coarser; else the document's lead date (the first day-precise event
 * date not after publication) at precision 2; else the publication date at precision 3. A telling
 * or a borrowed day only bounds the happening from above: the lead day, when it falls on or
 * before it (and lies outside the sentence), is taken instead.
 */
export function eventDate(allTimes: readonly DatedTime[], ctx: DateContext): EventDate | null {
  const { sentence, paragraph, trigger } = ctx;
  const times = allTimes.filter((t) => t.role === 'event');
  // "On 3 May 2020, forces fired at the 7 July district": the opening time dates the main clause.
  // "As reported on 2 May 2020, …" opens the sentence too: the report's date then stands for the event's.
  const opening = trigger === Math.min(...ctx.siblings) ? allTimes.find((t) => t.role !== 'stamp' && t.start >= sentence.start && t.start - sentence.start <= SENTENCE_OPENING_CHARS) : undefined;
  if (opening) return opening.date;
  let best: DatedTime | undefined;
  for (const t of times) {
    if (t.start < sentence.start || t.start >= sentence.end) continue;
    const sentenceAdverbial = t.start - sentence.start <= SENTENCE_OPENING_CHARS;
    if (nearest(ctx.siblings, t.start) !== trigger && Math.abs(t.start - trigger) > SHARED_TIME_CHARS && !sentenceAdverbial) continue;
    if (!best || Math.abs(t.start - trigger) < Math.abs(best.start - trigger)) best = t;
  }
  if (best) return best.date;
  const publishedDate = ctx.published ? dateOf(ctx.published) : null;
  const lead = times.find((t) => t.date.precision === 1 && (!publishedDate || t.date.value <= publishedDate.value));
  // A lead time in the sentence itself was passed over above as another trigger's ("… killed 26, after 33 died on Thursday").
  const boundingLead = lead && (lead.start < sentence.start || lead.start >= sentence.end) ? lead : undefined;
  // The telling in its own sentence bounds it ("…, police said Sunday") better than another sentence's time.
  const telling = allTimes.find((t) => t.role === 'reporting' && t.start >= sentence.start && t.start < sentence.end);
  if (telling) return { value: boundedLead(boundingLead, telling) ?? telling.date.value, precision: coarser(telling.date.precision) };
  // Beyond the sentence, the date of a telling ("…, SOHR said on Saturday") still bounds the happening.
  const unstamped = allTimes.filter((t) => t.role !== 'stamp');
  const earlier = unstamped.filter((t) => t.start >= paragraph.start && t.start < sentence.start).at(-1);
  const following = ctx.next ? unstamped.find((t) => t.start >= ctx.next!.start && t.start < ctx.next!.end && t.date.precision === 1) : undefined;
  const inherited = earlier ?? following;
  if (inherited) return { value: boundedLead(boundingLead, inherited) ?? inherited.date.value, precision: coarser(inherited.date.precision) };
  if (lead) return { value: lead.date.value, precision: 2 };
  return publishedDate ? { value: publishedDate.value, precision: 3 } : null;
}
