/**
 * Spelled-out numbers: "Twenty-six", "twenty six", "one hundred and five", "a dozen", "a hundred",
 * "half a million", "two million". A small state machine over word tokens; it only ever accepts
 * whole tokens, so "four-way" or "five-year-old" are not numbers at all.
 */
import { SCALE_WORDS, SMALL_NUMBERS, TENS } from './lexicon.js';
import type { NumberToken } from './tokens.js';

type State = 'start' | 'a' | 'unit' | 'teen' | 'tens' | 'tens-unit' | 'hundred' | 'big' | 'and' | 'done';

interface Reading {
  state: State;
  total: number;
  group: number;
  lastBig: number;
}

export interface WordNumber {
  value: number;
  /** Token index after the last word. */
  next: number;
  /** The single lower-case word when the number is one word ("one"), for pronoun checks. */
  singleWord: string | null;
  /** Factor of a closing scale word ("three million" → 1e6), else 1; shared across ranges. */
  trailingScale: number;
}

const BIG_SCALES = new Set(['thousand', 'million', 'billion', 'trillion']);
const OPEN_STATES: ReadonlySet<State> = new Set(['start', 'hundred', 'big', 'and']);
const HUNDRED_AFTER: ReadonlySet<State> = new Set(['a', 'unit', 'teen', 'tens', 'tens-unit']);
const DOZEN_AFTER: ReadonlySet<State> = new Set(['a', 'unit', 'teen']);
const CLOSED_STATES: ReadonlySet<State> = new Set(['start', 'and', 'big', 'done']);
const HALF_AFTER: ReadonlySet<State> = new Set(['unit', 'teen', 'tens', 'tens-unit']);
const FULL_SCALES = new Set(['dozen', 'hundred', ...BIG_SCALES]);

export function isNumberWord(lower: string): boolean {
  return SMALL_NUMBERS.has(lower) || TENS.has(lower);
}

/** Index of the first hyphen or en dash in `text`, or -1. */
function firstDash(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 45 || code === 0x2013) return i;
  }
  return -1;
}

/** Cheap test for a word that can open a spelled-out number ("twenty-six", "a", "half"). */
export function startsNumberWords(lower: string): boolean {
  if (lower === 'a' || lower === 'half' || isNumberWord(lower)) return true;
  const dash = firstDash(lower);
  return dash > 0 && isNumberWord(lower.slice(0, dash));
}

/** Hyphen parts of a word token, or null when some part is not a number word ("four-way"). */
function numberParts(token: NumberToken): string[] | null {
  if (token.type !== 'word') return null;
  if (!token.lower.includes('-') && !token.lower.includes('–')) return isNumberWord(token.lower) || FULL_SCALES.has(token.lower) ? [token.lower] : null;
  const parts = token.lower.split(/[-–]/);
  for (const part of parts) if (!isNumberWord(part) && !FULL_SCALES.has(part)) return null;
  return parts;
}

function below100(token: NumberToken | undefined): boolean {
  const parts = token ? numberParts(token) : null;
  return parts !== null && parts.every((part) => isNumberWord(part));
}

/** One word into the reading; null when the word cannot continue this number. */
function step(reading: Reading, word: string): Reading | null {
  const { state, total, group, lastBig } = reading;
  const small = SMALL_NUMBERS.get(word);
  if (small !== undefined) {
    if (small === 0) return state === 'start' ? { ...reading, state: 'done', group: 0 } : null;
    if (small < 10) {
      if (state === 'tens') return { ...reading, state: 'tens-unit', group: group + small };
      return OPEN_STATES.has(state) ? { ...reading, state: 'unit', group: group + small } : null;
    }
    return OPEN_STATES.has(state) ? { ...reading, state: 'teen', group: group + small } : null;
  }
  const tens = TENS.get(word);
  if (tens !== undefined) {
    return OPEN_STATES.has(state) ? { ...reading, state: 'tens', group: group + tens } : null;
  }
  if (word === 'hundred') {
    const ok = HUNDRED_AFTER.has(state) && group > 0 && group < 100;
    return ok ? { ...reading, state: 'hundred', group: group * 100 } : null;
  }
  if (word === 'dozen') {
    return DOZEN_AFTER.has(state) && lastBig === Infinity ? { ...reading, state: 'done', group: group * 12 } : null;
  }
  const scale = BIG_SCALES.has(word) ? SCALE_WORDS.get(word) : undefined;
  if (scale !== undefined) {
    const ok = !CLOSED_STATES.has(state) && group > 0 && scale < lastBig;
    return ok ? { state: 'big', total: total + group * scale, group: 0, lastBig: scale } : null;
  }
  return null;
}

/** "half a million", "half a dozen". */
function readHalf(tokens: readonly NumberToken[], i: number): WordNumber | null {
  if (tokens[i]?.lower !== 'half' || tokens[i + 1]?.lower !== 'a') return null;
  const scaleWord = tokens[i + 2]?.lower ?? '';
  const scale = FULL_SCALES.has(scaleWord) ? SCALE_WORDS.get(scaleWord) : undefined;
  return scale === undefined ? null : { value: scale / 2, next: i + 3, singleWord: null, trailingScale: scale };
}

/** "two and a half", "one and a half million". */
function readAndAHalf(tokens: readonly NumberToken[], i: number, reading: Reading): WordNumber | null {
  const small = HALF_AFTER.has(reading.state) && reading.total === 0;
  if (!small || tokens[i]?.lower !== 'and' || tokens[i + 1]?.lower !== 'a' || tokens[i + 2]?.lower !== 'half') return null;
  const scaleWord = tokens[i + 3]?.lower ?? '';
  const scale = FULL_SCALES.has(scaleWord) ? (SCALE_WORDS.get(scaleWord) ?? 1) : 1;
  const value = (reading.group + 0.5) * scale;
  return { value, next: scale === 1 ? i + 3 : i + 4, singleWord: null, trailingScale: scale };
}

export function readNumberWords(tokens: readonly NumberToken[], i: number): WordNumber | null {
  const firstToken = tokens[i];
  if (firstToken?.type !== 'word' || !startsNumberWords(firstToken.lower)) return null;
  const half = readHalf(tokens, i);
  if (half) return half;
  let reading: Reading = { state: 'start', total: 0, group: 0, lastBig: Infinity };
  let j = i;
  if (tokens[i]?.lower === 'a' && FULL_SCALES.has(tokens[i + 1]?.lower ?? '')) {
    reading = { ...reading, state: 'a', group: 1 };
    j = i + 1;
  }
  let accepted: { reading: Reading; next: number } | null = null;
  for (; j < tokens.length; j++) {
    const token = tokens[j]!;
    if (token.lower === 'and' && (reading.state === 'hundred' || reading.state === 'big') && below100(tokens[j + 1])) {
      reading = { ...reading, state: 'and' };
      continue;
    }
    const parts = numberParts(token);
    if (!parts) break;
    let next: Reading | null = reading;
    for (const part of parts) next = next && step(next, part);
    if (!next) break;
    reading = next;
    if (reading.state !== 'a' && reading.state !== 'and') accepted = { reading, next: j + 1 };
    if (reading.state === 'done') break;
  }
  if (!accepted) return null;
  const withHalf = readAndAHalf(tokens, accepted.next, accepted.reading);
  if (withHalf) return withHalf;
  const value = accepted.reading.total + accepted.reading.group;
  const single = accepted.next === i + 1 ? tokens[i]!.lower : null;
  const lastWord = tokens[accepted.next - 1]!.lower.split(/[-–]/).pop() ?? '';
  const trailingScale = FULL_SCALES.has(lastWord) ? (SCALE_WORDS.get(lastWord) ?? 1) : 1;
  return { value, next: accepted.next, singleWord: single, trailingScale };
}
