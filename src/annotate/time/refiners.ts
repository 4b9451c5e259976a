/**
 * The ordered refiner list, applied after all parsers: choose among overlapping candidates,
 * then fill values that depend on neighbouring expressions.
 */
import type { TimexType } from '../../document.js';
import type { RuleContext } from './rules.js';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  /** Index of the parser in the configuration: lower wins between equally long candidates. */
  priority: number;
  rule: string;
  yearsFromReference?: number | undefined;
  sameAsReference?: number | undefined;
  referenceShift?: number | undefined;
  quarterInYear?: number | undefined;
  dateFromContext?: boolean | undefined;
}

export type Refiner = (candidates: Candidate[], context: RuleContext) => Candidate[];

/** A unit noun in title case after the first word belongs to a name ("60 Minutes", ABC's "This Week"). */
const TITLE_CASE_UNIT = /\s(?:Seconds?|Minutes?|Hours?|Days?|Nights?|Weeks?|Weekends?|Months?|Years?|Decades?|Centuries|Century)\b/;

/** Names that look like times are not times; holidays ("Thanksgiving Day") are the exception. */
export const dropTitles: Refiner = (candidates) =>
  candidates.filter((candidate) => candidate.rule === 'holiday' || !TITLE_CASE_UNIT.test(candidate.text));

/** Longest candidate first, then the earlier parser; the rest of an overlap is dropped. */
export const removeOverlaps: Refiner = (candidates) => {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
};

const QUARTER_OR_HALF = /^(\d{4})-([QH]\d)$/;
const DATED = /^\d{4}/;
const QUARTER_REACH = 1500;

/**
 * Expressions whose value hangs on an earlier one: "a year earlier" after "the third quarter" is
 * the same quarter a year before; "the 1988 period" is that quarter of 1988; "that year" is the
 * year last mentioned.
 */
/** `2019` + 1 → `2020`; `2019-12` + 1 → `2020-01`; days are not shifted. */
function shiftValue(value: string, shift: number): string {
  if (!shift) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const index = Number(month[1]) * 12 + Number(month[2]) - 1 + shift;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  return /^\d{4}$/.test(value) ? String(Number(value) + shift) : value;
}

export const resolveAgainstReference: Refiner = (candidates) => {
  let quarter: Candidate | null = null;
  let dated: Candidate | null = null;
  return candidates.flatMap((candidate) => {
    let resolved = candidate;
    const quarterMatch = quarter && candidate.start - quarter.end < QUARTER_REACH ? QUARTER_OR_HALF.exec(quarter.value) : null;
    if (candidate.yearsFromReference !== undefined && quarterMatch) {
      resolved = { ...candidate, value: `${Number(quarterMatch[1]) + candidate.yearsFromReference}-${quarterMatch[2]}` };
    } else if (candidate.quarterInYear !== undefined && quarterMatch) {
      resolved = { ...candidate, value: `${candidate.quarterInYear}-${quarterMatch[2]}` };
    } else if (candidate.sameAsReference !== undefined && dated && dated.value.length >= candidate.sameAsReference) {
      resolved = { ...candidate, value: shiftValue(dated.value.slice(0, candidate.sameAsReference), candidate.referenceShift ?? 0) };
    } else if (candidate.sameAsReference !== undefined) {
      // "that day" with nothing before it to point to: leave it out rather than guess.
      return [];
    }
    const explicit = candidate.yearsFromReference === undefined && candidate.quarterInYear === undefined && candidate.sameAsReference === undefined;
    if (explicit && QUARTER_OR_HALF.test(candidate.value)) quarter = candidate;
    if (DATED.test(resolved.value)) dated = resolved;
    return [resolved];
  });
};

const SENTENCE_END = /[.!?\n]/;
const FULL_DAY = /^\d{4}-\d{2}-\d{2}/;

function sameSentence(body: string, a: Candidate, b: Candidate): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return !SENTENCE_END.test(body.slice(first.end, second.start));
}

/** A clock time without its own date takes the day of the nearest expression in its sentence that names one
 *  (another undated clock time only carries the anchor's day). */
export const dateClockTimes: Refiner = (candidates, context) =>
  candidates.map((candidate) => {
    if (!candidate.dateFromContext) return candidate;
    const dated = candidates
      .filter((other) => !other.dateFromContext && FULL_DAY.test(other.value) && sameSentence(context.body, candidate, other))
      .sort((a, b) => Math.abs(a.start - candidate.start) - Math.abs(b.start - candidate.start))[0];
    if (!dated) return candidate;
    return { ...candidate, value: `${dated.value.slice(0, 10)}${candidate.value.slice(10)}` };
  });

export const REFINERS: readonly Refiner[] = [dropTitles, removeOverlaps, resolveAgainstReference, dateClockTimes];
