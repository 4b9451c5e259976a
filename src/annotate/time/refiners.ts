/**
 * The ordered refiner list, applied after all parsers: choose among overlapping candidates,
 * then fill values that depend on neighbouring expressions.
 */
import type { TimexType } from '../../document.js';
import { partitionPoint } from '../partition.js';
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

/**
 * Longest candidate first, then the earlier parser; the rest of an overlap is dropped. The kept
 * candidates never overlap, so, in start order, they are in end order too: only the last one that
 * starts before a candidate ends can overlap it (found by binary search; testing every kept one
 * cost the square of their number on texts of thousands of times).
 */
export const removeOverlaps: Refiner = (candidates) => {
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = []; // by start
  for (const candidate of ordered) {
    const lo = partitionPoint(kept.length, (i) => kept[i]!.start < candidate.end);
    const before = kept[lo - 1];
    if (before && before.end > candidate.start) continue;
    kept.splice(lo, 0, candidate);
  }
  return kept;
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

const FULL_DAY = /^\d{4}-\d{2}-\d{2}/;

/** Positions of the characters that end a sentence for this refiner (. ! ? and line breaks), in order. */
function sentenceEnds(body: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a) ends.push(i);
  }
  return ends;
}

/** How many of `ends` lie before `position`: two offsets with the same count are in one sentence. */
function sentenceIndex(ends: readonly number[], position: number): number {
  return partitionPoint(ends.length, (i) => ends[i]! < position);
}

/** The entry of `sorted` (by start) with the largest start ≤ `at` (`before`), or the smallest start > `at`. */
function nearestBy(sorted: readonly Candidate[], at: number, before: boolean): Candidate | undefined {
  const lo = partitionPoint(sorted.length, (i) => sorted[i]!.start <= at);
  return before ? sorted[lo - 1] : sorted[lo];
}

function groupSorted(entries: ReadonlyArray<[number, Candidate]>): Map<number, Candidate[]> {
  const groups = new Map<number, Candidate[]>();
  for (const [key, candidate] of entries) {
    const list = groups.get(key);
    if (list) list.push(candidate);
    else groups.set(key, [candidate]);
  }
  for (const list of groups.values()) list.sort((a, b) => a.start - b.start);
  return groups;
}

/**
 * A clock time without its own date takes the day of the nearest expression in its sentence that names one
 * (another undated clock time only carries the anchor's day). Two expressions share a sentence when no
 * sentence end lies between the first's end and the second's start. Ends are counted once and each lookup is
 * a binary search, so that thousands of clock times cost no more than their number (comparing each with each,
 * slicing the text between them, took seconds).
 */
export const dateClockTimes: Refiner = (candidates, context) => {
  if (!candidates.some((candidate) => candidate.dateFromContext)) return candidates;
  const ends = sentenceEnds(context.body);
  const dated = candidates.filter((other) => !other.dateFromContext && FULL_DAY.test(other.value));
  // An earlier expression qualifies when no end lies from its end to the clock time's start; a later one,
  // when none lies from the clock time's end to its start.
  const byEnd = groupSorted(dated.map((other) => [sentenceIndex(ends, other.end), other]));
  const byStart = groupSorted(dated.map((other) => [sentenceIndex(ends, other.start), other]));
  return candidates.map((candidate) => {
    if (!candidate.dateFromContext) return candidate;
    const earlier = nearestBy(byEnd.get(sentenceIndex(ends, candidate.start)) ?? [], candidate.start, true);
    const later = nearestBy(byStart.get(sentenceIndex(ends, candidate.end)) ?? [], candidate.start, false);
    const nearest = (!later || (earlier && candidate.start - earlier.start <= later.start - candidate.start) ? earlier : later) ?? toldJustBefore(dated, candidate, context.body);
    if (!nearest) return candidate;
    return { ...candidate, value: `${nearest.value.slice(0, 10)}${candidate.value.slice(10)}` };
  });
};

/** How many sentences back a day still dates a clock time ("… Monday night. Around 9:40 p.m., …"). */
const CLOCK_DAY_SENTENCES = 2;
const CLOCK_DAY_REACH_CHARS = 600;
/** A sentence boundary: an end mark and the space after it, or a run of line breaks (paragraphs). */
const SENTENCE_BOUNDARY = /[.!?]["'”’)]*\s+|\n\s*/g;

/**
 * A clock time whose sentence names no day continues the story's day told just before: "Five were
 * hurt in a shooting Monday night. Around 9:40 p.m., they were standing …" is Monday's 9:40 p.m.,
 * not the publication day's. The day must be named within the previous two sentences.
 */
function toldJustBefore(dated: readonly Candidate[], clock: Candidate, body: string): Candidate | undefined {
  const earlier = nearestBy(dated, clock.start, true);
  if (!earlier || earlier.end > clock.start || clock.start - earlier.end > CLOCK_DAY_REACH_CHARS) return undefined;
  const boundaries = body.slice(earlier.end, clock.start).match(SENTENCE_BOUNDARY)?.length ?? 0;
  return boundaries <= CLOCK_DAY_SENTENCES ? earlier : undefined;
}

export const REFINERS: readonly Refiner[] = [dropTitles, removeOverlaps, resolveAgainstReference, dateClockTimes];
