/**
 * Time expressions (TIMEX3), resolved against the publication date and leaning to the past.
 *
 * Built like a chrono configuration: an ordered list of parsers (our rule table, then chrono's
 * strict English parsers for the absolute formats it handles well) and an ordered list of refiners
 * that choose between overlapping candidates and fill values from the surrounding expressions.
 */
import type { Document, Stage, TimeExpression } from '../document.js';
import { parseAnchor } from './time/calendar.js';
import { chronoCandidates } from './time/chrono.js';
import { REFINERS, type Candidate } from './time/refiners.js';
import { RULES, type Rule, type RuleContext } from './time/rules.js';

const YEAR_DIGITS = /^(?:1[5-9]|20)\d\d$/;
const CLOCK_FOLLOWS = /^(?::\d|\s?[ap]\.?\s?m\b|\s*(?:gmt|utc)\b)/;

/** Every trigger some rule asks for: the index keeps only these (most words of a body trigger nothing). */
const TRIGGER_KEYS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => rule.triggers));

const isLowerAscii = (code: number): boolean => code >= 97 && code <= 122;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** The joiners of a compound word: apostrophes (straight and curly) and the hyphen. */
const isJoiner = (code: number): boolean => code === 39 || code === 0x2019 || code === 45;

/** Whether the character at `index` is whitespace (`/\s/`). */
function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Could CLOCK_FOLLOWS match at `end`? It needs ':', 'a', 'p', 'g', 'u' or whitespace there. */
function mayFollowClock(text: string, end: number): boolean {
  const code = text.charCodeAt(end);
  return code === 58 || code === 97 || code === 112 || code === 103 || code === 117 || code >= 128 || isSpaceAt(text, end);
}

/**
 * Where each trigger occurs: lowercase words (and their hyphen/apostrophe parts) plus digit
 * classes ('#' any number, '#year', '#clock', '#decade'). Built in one pass over the body, reading
 * the tokens `[a-z]+(?:['’-][a-z]+)*|\d+` of the lower-cased text by hand.
 */
function indexTriggers(body: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  const add = (key: string, at: number): void => {
    if (!TRIGGER_KEYS.has(key)) return;
    const list = positions.get(key);
    if (list) list.push(at);
    else positions.set(key, [at]);
  };
  const text = body.toLowerCase();
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const at = i;
    if (isDigit(code)) {
      do i++;
      while (i < length && isDigit(text.charCodeAt(i)));
      const end = i;
      add('#', at);
      if (end - at === 4 && YEAR_DIGITS.test(text.slice(at, end))) add('#year', at);
      if (end < length && mayFollowClock(text, end) && CLOCK_FOLLOWS.test(text.slice(end, end + 6))) add('#clock', at);
      if (text[end] === 's' || (end - at === 2 && (text[at - 1] === "'" || text[at - 1] === '’'))) add('#decade', at);
      continue;
    }
    if (!isLowerAscii(code)) {
      i++;
      continue;
    }
    do i++;
    while (i < length && isLowerAscii(text.charCodeAt(i)));
    let compound = false;
    while (i + 1 < length && isJoiner(text.charCodeAt(i)) && isLowerAscii(text.charCodeAt(i + 1))) {
      compound = true;
      i += 2;
      while (i < length && isLowerAscii(text.charCodeAt(i))) i++;
    }
    const token = text.slice(at, i);
    add(token, at);
    if (compound) for (const part of token.split(/['’-]/)) add(part, at);
  }
  return positions;
}

/** Rules only look at text around their triggers: an expression never reaches further than this. */
const REACH = 90;

function windowsAround(points: number[], body: string): [number, number][] {
  points.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const point of points) {
    const last = windows[windows.length - 1];
    const start = Math.max(0, point - REACH);
    const end = Math.min(body.length, point + REACH);
    if (last && start <= last[1]) last[1] = end;
    else windows.push([start, end]);
  }
  for (const window of windows) {
    while (window[0] > 0 && !isSpaceAt(body, window[0] - 1)) window[0] -= 1;
    while (window[1] < body.length && !isSpaceAt(body, window[1])) window[1] += 1;
  }
  return windows;
}

/** Where any of the rule's triggers occurs (unsorted, possibly with repeats). */
function triggerPoints(rule: Rule, triggers: Map<string, number[]>): number[] {
  const points: number[] = [];
  for (const trigger of rule.triggers) {
    const at = triggers.get(trigger);
    if (at) for (const point of at) points.push(point);
  }
  return points;
}

/** Rules with the same triggers (the month rules, the '#year' rules) share their windows. */
const TRIGGER_SET_KEYS = RULES.map((rule) => rule.triggers.join('\u0000'));

function ruleCandidates(context: RuleContext, triggers: Map<string, number[]>): Candidate[] {
  const candidates: Candidate[] = [];
  const { body } = context;
  const windowsByTriggerSet = new Map<string, [number, number][]>();
  for (let priority = 0; priority < RULES.length; priority++) {
    const rule = RULES[priority]!;
    const key = TRIGGER_SET_KEYS[priority]!;
    let windows = windowsByTriggerSet.get(key);
    if (!windows) {
      const points = triggerPoints(rule, triggers);
      windows = points.length === 0 ? [] : windowsAround(points, body);
      windowsByTriggerSet.set(key, windows);
    }
    if (windows.length === 0) continue;
    // The rule's own global pattern, run with exec (matchAll would copy the regex for every window).
    const { pattern } = rule;
    let covered = 0;
    for (const [from, to] of windows) {
      const start = Math.max(from, covered);
      const text = body.slice(start, to);
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (match[0].length === 0) {
          pattern.lastIndex += 1; // as matchAll steps past an empty match
          continue;
        }
        match.index += start;
        const candidate = toCandidate(rule, priority, match, context);
        if (candidate) candidates.push(candidate);
      }
      covered = to;
    }
  }
  return candidates;
}

function toCandidate(rule: Rule, priority: number, match: RegExpExecArray, context: RuleContext): Candidate | null {
  const resolution = rule.resolve(match, context);
  if (!resolution) return null;
  const start = match.index + (resolution.trimLeft ?? 0);
  const end = match.index + match[0].length;
  return {
    start,
    end,
    text: context.body.slice(start, end),
    type: resolution.type,
    value: resolution.value,
    priority,
    rule: rule.name,
    yearsFromReference: resolution.yearsFromReference,
    sameAsReference: resolution.sameAsReference,
    referenceShift: resolution.referenceShift,
    quarterInYear: resolution.quarterInYear,
    dateFromContext: resolution.dateFromContext,
  };
}

/** chrono only reads around the formats it is better at than our rules. */
const CHRONO_WORTHY = /\d\/\d|\d:\d\d|\d(?:st|nd|rd|th)\s+of\s/;
const CHRONO_WORTHY_ALL = new RegExp(CHRONO_WORTHY.source, 'g');

/**
 * What chrono reads: lines, cut again at long runs of spaces. Some of chrono's patterns (the month
 * names', the time zone's `^\s*,?\s*`) cost the square of a run of spaces they stand before, and
 * no date is written across 64 of them (measured: 2 s on a 39,000-character line of them).
 */
const CHRONO_PIECE = /(?:[^\s]|[^\S\n]{1,63}(?=[^\s]))+/g;

/**
 * How far chrono reads on either side of such a format, in characters, before going on to the next
 * space: well beyond the longest expression it builds around one ("8:18 PM EST on Sunday, March 1,
 * 2020"). chrono costs some 25 µs per date it finds: reading the whole line for one clock time in
 * it cost 0.5 s on a line of 20,000 ISO dates after one "8:18 PM", which our rules read alone.
 */
const CHRONO_REACH = 90;
/** How far a window goes on to the next space; a longer run without one is not prose and is cut. */
const CHRONO_WORD_REACH = 256;

/**
 * The stretches of `body` chrono reads, in order and disjoint: around each chrono-worthy format,
 * within its piece (line), widened to whole words, merged where they meet. Exported for the tests,
 * which check that what chrono reads grows with those formats and not with the text around them.
 */
export function chronoWindows(body: string): [start: number, end: number][] {
  const windows: [number, number][] = [];
  if (!CHRONO_WORTHY.test(body)) return windows;
  for (const piece of body.matchAll(CHRONO_PIECE)) {
    const from = piece.index;
    const to = from + piece[0].length;
    if (!CHRONO_WORTHY.test(piece[0])) continue;
    const pieceStart = windows.length;
    for (const worthy of piece[0].matchAll(CHRONO_WORTHY_ALL)) {
      let start = Math.max(from, from + worthy.index - CHRONO_REACH);
      let end = Math.min(to, from + worthy.index + worthy[0].length + CHRONO_REACH);
      const last = windows.length > pieceStart ? windows[windows.length - 1] : undefined;
      if (last && start <= last[1]) {
        if (end > last[1]) last[1] = wordEndAt(body, end, to);
        continue;
      }
      start = wordStartAt(body, start, last ? Math.max(from, last[1]) : from);
      end = wordEndAt(body, end, to);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else windows.push([start, end]);
    }
  }
  return windows;
}

/** `at`, moved back to the start of its word (no further than `floor`, nor CHRONO_WORD_REACH). */
function wordStartAt(body: string, at: number, floor: number): number {
  const limit = Math.max(floor, at - CHRONO_WORD_REACH);
  while (at > limit && !isSpaceAt(body, at - 1)) at -= 1;
  return at;
}

/** `at`, moved on to the end of its word (no further than `ceiling`, nor CHRONO_WORD_REACH). */
function wordEndAt(body: string, at: number, ceiling: number): number {
  const limit = Math.min(ceiling, at + CHRONO_WORD_REACH);
  while (at < limit && !isSpaceAt(body, at)) at += 1;
  return at;
}

function chronoWindowCandidates(body: string, anchor: RuleContext['anchor']): Candidate[] {
  const candidates: Candidate[] = [];
  // Repeated stretches (a line copied down a page) are read once.
  const read = new Map<string, Candidate[]>();
  for (const [start, end] of chronoWindows(body)) {
    const text = body.slice(start, end);
    let found = read.get(text);
    if (!found) read.set(text, (found = chronoCandidates(text, anchor, RULES.length)));
    for (const candidate of found) candidates.push({ ...candidate, start: candidate.start + start, end: candidate.end + start });
  }
  return candidates;
}

/** Finds time expressions in `body` and resolves them against `anchor` (the publication date as a TIMEX3 value,
 *  e.g. "2020-03-01" or "2020-03-01T08:00"; null = unknown: then only absolute expressions get full values). */
export function findTimes(body: string, anchor: string | null): TimeExpression[] {
  if (!body) return [];
  const context: RuleContext = { body, anchor: parseAnchor(anchor) };
  let candidates = ruleCandidates(context, indexTriggers(body)).concat(chronoWindowCandidates(body, context.anchor));
  for (const refine of REFINERS) candidates = refine(candidates, context);
  return candidates.map(({ start, end, type, value }) => ({ start, end, text: body.slice(start, end), type, value }));
}

/** The pipeline stage: sets doc.times from doc.body and doc.published?.value. */
export const annotateTimes: Stage = (doc: Document): Document => ({
  ...doc,
  times: findTimes(doc.body, doc.published?.value ?? null),
});
