/**
 * When an event happened: the sentence's resolved time expression nearest to the trigger, else
 * the date of the previous sentences of its paragraph (one step coarser), else the publication
 * date at precision 3. Durations, vague references and bare years are not event dates.
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

export interface DatedTime {
  start: number;
  date: EventDate;
}

export function datedTimes(times: readonly TimeExpression[]): DatedTime[] {
  const dated: DatedTime[] = [];
  for (const t of times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const date = dateOf(t.value);
    if (date) dated.push({ start: t.start, date });
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
 * the last date earlier in the paragraph or a dated next sentence ("…, the ministry said. On
 * Thursday …"), one step coarser; else the publication date at precision 3.
 */
export function eventDate(times: readonly DatedTime[], ctx: DateContext): EventDate | null {
  const { sentence, paragraph, trigger } = ctx;
  // "On 3 May 2020, forces fired at the 7 July district": the opening time dates the main clause.
  const opening = trigger === Math.min(...ctx.siblings) ? times.find((t) => t.start >= sentence.start && t.start - sentence.start <= SENTENCE_OPENING_CHARS) : undefined;
  if (opening) return opening.date;
  let best: DatedTime | undefined;
  for (const t of times) {
    if (t.start < sentence.start || t.start >= sentence.end) continue;
    const sentenceAdverbial = t.start - sentence.start <= SENTENCE_OPENING_CHARS;
    if (nearest(ctx.siblings, t.start) !== trigger && Math.abs(t.start - trigger) > SHARED_TIME_CHARS && !sentenceAdverbial) continue;
    if (!best || Math.abs(t.start - trigger) < Math.abs(best.start - trigger)) best = t;
  }
  if (best) return best.date;
  const earlier = times.filter((t) => t.start >= paragraph.start && t.start < sentence.start).at(-1);
  const following = ctx.next ? times.find((t) => t.start >= ctx.next!.start && t.start < ctx.next!.end && t.date.precision === 1) : undefined;
  const inherited = earlier ?? following;
  if (inherited) return { value: inherited.date.value, precision: coarser(inherited.date.precision) };
  const publishedDate = ctx.published ? dateOf(ctx.published) : null;
  return publishedDate ? { value: publishedDate.value, precision: 3 } : null;
}
