/**
 * Calendar arithmetic on the anchor (the publication date), producing TIMEX3 values.
 *
 * Every function accepts a missing anchor and then answers with a TimeML placeholder of the
 * same granularity (`XXXX-XX-XX`, `XXXX-WXX`, `XXXX`), so relative expressions are still found.
 */

export interface Anchor {
  year: number;
  /** 1–12, or null when the anchor is only a year. */
  month: number | null;
  /** Day of month, or null when the anchor is coarser than a day. */
  day: number | null;
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

const SEASON_START_MONTH: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export function parseAnchor(value: string | null): Anchor | null {
  if (!value) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : null;
  const day = match[3] ? Number(match[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return { year, month: null, day: null };
  if (day !== null && (day < 1 || day > 31)) return { year, month, day: null };
  return { year, month, day };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function anchorDay(anchor: Anchor | null): Day | null {
  if (!anchor || anchor.month === null || anchor.day === null) return null;
  return { year: anchor.year, month: anchor.month, day: anchor.day };
}

const toEpochDay = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

function fromEpochDay(epochDay: number): Day {
  const date = new Date(epochDay * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export const addDays = (d: Day, days: number): Day => fromEpochDay(toEpochDay(d) + days);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Day): number {
  const weekday = new Date(toEpochDay(d) * 86_400_000).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const dayValue = (d: Day | null): string =>
  d ? `${pad4(d.year)}-${pad2(d.month)}-${pad2(d.day)}` : 'XXXX-XX-XX';

function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const firstDay = toEpochDay({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((toEpochDay(thursday) - firstDay) / 7) + 1 };
}

/** The ISO week `offset` weeks from the anchor's (`2020-W09`). */
export function weekValue(anchor: Anchor | null, offset: number): string {
  const day = anchorDay(anchor);
  if (!day) return 'XXXX-WXX';
  const { year, week } = isoWeek(addDays(day, offset * 7));
  return `${pad4(year)}-W${pad2(week)}`;
}

/** The day `offset` days from the anchor. */
export function relativeDay(anchor: Anchor | null, offset: number): string {
  const day = anchorDay(anchor);
  return dayValue(day ? addDays(day, offset) : null);
}

/** The month `offset` months from the anchor's (`2020-02`). */
export function monthValue(anchor: Anchor | null, offset: number): string {
  if (!anchor || anchor.month === null) return 'XXXX-XX';
  const index = anchor.year * 12 + anchor.month - 1 + offset;
  return `${pad4(Math.floor(index / 12))}-${pad2((index % 12) + 1)}`;
}

export const yearValue = (anchor: Anchor | null, offset: number): string =>
  anchor ? pad4(anchor.year + offset) : 'XXXX';

export const quarterOf = (month: number): number => Math.floor((month - 1) / 3) + 1;

/** The quarter `offset` quarters from the anchor's (`2020-Q1`). */
export function quarterValue(anchor: Anchor | null, offset: number): string {
  if (!anchor || anchor.month === null) return 'XXXX-QX';
  const index = anchor.year * 4 + quarterOf(anchor.month) - 1 + offset;
  return `${pad4(Math.floor(index / 4))}-Q${(index % 4) + 1}`;
}

/**
 * A weekday named without a date: the most recent such day on or before the anchor, or with
 * future tense the next one after it.
 */
export function weekdayValue(anchor: Anchor | null, weekday: number, future: boolean): string {
  const day = anchorDay(anchor);
  if (!day) return 'XXXX-XX-XX';
  const current = isoWeekday(day);
  const offset = future ? ((weekday - current + 7) % 7 || 7) : -((current - weekday + 7) % 7);
  return dayValue(addDays(day, offset));
}

/** A season without a year: the most recent one that has begun by the anchor, or the next one. */
export function seasonValue(anchor: Anchor | null, season: Season, yearOffset: number | null, future: boolean): string {
  if (!anchor) return `XXXX-${season}`;
  if (yearOffset !== null) return `${pad4(anchor.year + yearOffset)}-${season}`;
  const month = anchor.month ?? 12;
  const start = SEASON_START_MONTH[season];
  let year = anchor.year;
  if (future) year += start <= month && !(season === 'WI' && month <= 2) ? 1 : 0;
  else if (start > month) year -= 1;
  return `${pad4(year)}-${season}`;
}
