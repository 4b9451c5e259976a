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

const TOKEN = /[a-z]+(?:['’-][a-z]+)*|\d+/g;
const YEAR_DIGITS = /^(?:1[5-9]|20)\d\d$/;
const CLOCK_FOLLOWS = /^(?::\d|\s?[ap]\.?\s?m\b|\s*(?:gmt|utc)\b)/;

/**
 * Where each trigger occurs: lowercase words (and their hyphen/apostrophe parts) plus digit
 * classes ('#' any number, '#year', '#clock', '#decade'). Built in one pass over the body.
 */
function indexTriggers(body: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  const add = (key: string, at: number): void => {
    const list = positions.get(key);
    if (list) list.push(at);
    else positions.set(key, [at]);
  };
  const text = body.toLowerCase();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const at = match.index;
    if (token.charCodeAt(0) <= 57) {
      add('#', at);
      const end = at + token.length;
      if (YEAR_DIGITS.test(token)) add('#year', at);
      if (CLOCK_FOLLOWS.test(text.slice(end, end + 6))) add('#clock', at);
      if (text[end] === 's' || (token.length === 2 && (text[at - 1] === "'" || text[at - 1] === '’'))) add('#decade', at);
      continue;
    }
    add(token, at);
    if (/['’-]/.test(token)) for (const part of token.split(/['’-]/)) add(part, at);
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
    while (window[0] > 0 && !/\s/.test(body[window[0] - 1] ?? '')) window[0] -= 1;
    while (window[1] < body.length && !/\s/.test(body[window[1]] ?? '')) window[1] += 1;
  }
  return windows;
}

function ruleCandidates(context: RuleContext, triggers: Map<string, number[]>): Candidate[] {
  const candidates: Candidate[] = [];
  const { body } = context;
  RULES.forEach((rule, priority) => {
    const points = rule.triggers.flatMap((trigger) => triggers.get(trigger) ?? []);
    if (points.length === 0) return;
    let covered = 0;
    for (const [from, to] of windowsAround(points, body)) {
      const start = Math.max(from, covered);
      for (const match of body.slice(start, to).matchAll(rule.pattern)) {
        if (match[0].length === 0) continue;
        match.index += start;
        const candidate = toCandidate(rule, priority, match, context);
        if (candidate) candidates.push(candidate);
      }
      covered = to;
    }
  });
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

/** chrono only sees the sentences with a format it is better at than our rules. */
const CHRONO_WORTHY = /\d\/\d|\d:\d\d|\d(?:st|nd|rd|th)\s+of\s/;

function chronoSentences(body: string, anchor: RuleContext['anchor']): Candidate[] {
  if (!CHRONO_WORTHY.test(body)) return [];
  const candidates: Candidate[] = [];
  for (const sentence of body.matchAll(/[^\n]+/g)) {
    if (!CHRONO_WORTHY.test(sentence[0])) continue;
    for (const candidate of chronoCandidates(sentence[0], anchor, RULES.length)) {
      candidates.push({ ...candidate, start: candidate.start + sentence.index, end: candidate.end + sentence.index });
    }
  }
  return candidates;
}

/** Finds time expressions in `body` and resolves them against `anchor` (the publication date as a TIMEX3 value,
 *  e.g. "2020-03-01" or "2020-03-01T08:00"; null = unknown: then only absolute expressions get full values). */
export function findTimes(body: string, anchor: string | null): TimeExpression[] {
  if (!body) return [];
  const context: RuleContext = { body, anchor: parseAnchor(anchor) };
  let candidates = ruleCandidates(context, indexTriggers(body)).concat(chronoSentences(body, context.anchor));
  for (const refine of REFINERS) candidates = refine(candidates, context);
  return candidates.map(({ start, end, type, value }) => ({ start, end, text: body.slice(start, end), type, value }));
}

/** The pipeline stage: sets doc.times from doc.body and doc.published?.value. */
export const annotateTimes: Stage = (doc: Document): Document => ({
  ...doc,
  times: findTimes(doc.body, doc.published?.value ?? null),
});
