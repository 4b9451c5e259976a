/** Words for the numbers and codes of the records: precisions, hedges, dates. */
import type { FigureReport } from '../../src/link/events.js';

/** ACLED's time precision: 1 the day is known, 2 within about a week, 3 a month or vaguer. */
export const TIME_PRECISION: Record<number, string> = { 1: 'exact day', 2: 'approximate', 3: 'vague' };
/** ACLED's geo precision: 1 town or village, 2 district or near a place, 3 region, country or vaguer. */
export const PLACE_PRECISION: Record<number, string> = { 1: 'exact place', 2: 'near / district', 3: 'region or country' };

export const timePrecision = (p: number | undefined | null): string => (p ? TIME_PRECISION[p] ?? `precision ${p}` : 'unknown');
export const placePrecision = (p: number | undefined | null): string => (p ? PLACE_PRECISION[p] ?? `precision ${p}` : 'unknown');

const number = (n: number | null): string => (n === null ? '?' : n.toLocaleString('en'));

/** "at least 33", "up to 50", "30–40", "33". */
export function hedged(report: Pick<FigureReport, 'hedge' | 'min' | 'max'>): string {
  const { hedge, min, max } = report;
  if (hedge === 'at least') return `at least ${number(min)}`;
  if (hedge === 'up to') return `up to ${number(max)}`;
  if (hedge === 'between' || (min !== null && max !== null && min !== max)) return `${number(min)}–${number(max)}`;
  return number(min ?? max);
}

export function range(min: number | null, max: number | null): string {
  if (min === null && max === null) return '–';
  if (min === max || max === null) return number(min);
  if (min === null) return `up to ${number(max)}`;
  return `${number(min)}–${number(max)}`;
}

/** A TIMEX3 value shown as written ("2025-03-08T15:10" → "2025-03-08 15:10"). */
export const when = (value: string | null | undefined): string => (value ? value.replace('T', ' ') : 'undated');

/** "1 article", "3 articles", "1 independent source". */
export const count = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

/** "Battles · Armed clash", or the type alone when there is no subtype. */
export const eventTitle = (event: { type: string; subtype: string }): string => `${event.type}${event.subtype ? ` · ${event.subtype}` : ''}`;
