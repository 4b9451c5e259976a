/**
 * One quantity at a token position: an optional currency prefix, the number itself (digits,
 * digits with a glued scale or unit, or words), scale words, and a unit suffix. Also the vague
 * amounts ("dozens", "several thousand", "billions of euros").
 */
import type { NumberKind } from '../../document.js';
import {
  ATTACHED_SCALES,
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_COUNTRIES,
  DOLLAR_PREFIXES,
  MEASURE_UNITS,
  PERCENT_WORDS,
  POUNDS,
  SCALE_WORDS,
  TWO_WORD_UNITS,
  VAGUE_AMOUNTS,
  type HedgeEffect,
  type VagueAmount,
} from './lexicon.js';
import { NUMBER_PATTERN_SOURCE, digitValue, type NumberToken } from './tokens.js';
import { readNumberWords } from './words.js';

export interface Quantity {
  /** Token range of the whole quantity (currency, number, scale, unit). */
  first: number;
  next: number;
  /** Token range of the number itself, for the context rules (dates, years, ages…). */
  coreFirst: number;
  coreNext: number;
  value: number | null;
  min: number | null;
  max: number | null;
  approx: boolean;
  kind: NumberKind;
  unit: string | null;
  /** Scale applied to the written number (1 when none), shared across ranges ("2 to 3 million"). */
  scale: number;
  /** The digit text when the number is one unscaled plain digit token ("2016", "0800"). */
  digits: string | null;
  /** The word when the number is the single word ("one"). */
  word: string | null;
  /** Hedge carried by the token itself ("30-plus", "40-odd"). */
  glued: HedgeEffect | null;
  /** Hyphenated pair that is not a range ("3-1"): never a count. */
  score: boolean;
  vague: boolean;
}

const NUM = NUMBER_PATTERN_SOURCE;
const SCALED_DIGITS = new RegExp(`^(${NUM})(k|m|mn|mln|b|bn|bln|tn|trn)$`, 'i');
const UNIT_DIGITS = new RegExp(`^(${NUM})(km|kg|cm|mm|mi|ft|lbs?|mph|kph|mw|gw|kw|ha)$`, 'i');
const HYPHEN_PAIR = new RegExp(`^(${NUM})[-–](${NUM})$`);
const HYPHEN_MODIFIER = new RegExp(`^(${NUM})[-–](plus|odd|strong)$`, 'i');
const GLUED_HEDGES: Readonly<Record<string, HedgeEffect | null>> = { plus: 'min', odd: 'approx', strong: null };

interface Prefix {
  unit: string;
  next: number;
}

/** Multiplies exactly for powers of ten ("3.6" × 1e6 = 3600000, not 3599999.9999999995). */
export function scaleNumber(value: number, scale: number): number {
  if (scale === 1) return value;
  const exponent = Math.log10(scale);
  const written = String(value);
  return Number.isInteger(exponent) && !written.includes('e') ? Number(`${written}e${exponent}`) : value * scale;
}

function readCurrencyPrefix(tokens: readonly NumberToken[], i: number): Prefix | null {
  const token = tokens[i];
  if (!token) return null;
  const symbol = token.type === 'punct' ? CURRENCY_SYMBOLS.get(token.text) : undefined;
  if (symbol) return { unit: symbol, next: i + 1 };
  const dollar = tokens[i + 1];
  const prefixed = DOLLAR_PREFIXES.get(token.lower);
  if (prefixed && dollar?.text === '$' && !dollar.spaced && token.text === token.text.toUpperCase()) {
    return { unit: prefixed, next: i + 2 };
  }
  if (token.type === 'word' && CURRENCY_CODES.has(token.text)) return { unit: token.text, next: i + 1 };
  return null;
}

/** Scale words after the number: "3.6 million", "13 thousand", "two hundred thousand". */
function readScaleWords(tokens: readonly NumberToken[], i: number): { scale: number; next: number } {
  let scale = 1;
  let j = i;
  for (let last = 0; ; j++) {
    const word = tokens[j];
    const factor = word?.type === 'word' ? SCALE_WORDS.get(word.lower) : undefined;
    if (factor === undefined || factor <= last) break;
    scale *= factor;
    last = factor;
  }
  return { scale, next: j };
}

const isDollars = (token: NumberToken | undefined): boolean => token?.lower === 'dollar' || token?.lower === 'dollars';

export interface Unit {
  kind: NumberKind;
  unit: string | null;
  next: number;
}

const UNIT_READERS: ReadonlyArray<(tokens: readonly NumberToken[], i: number, scaled: boolean) => Unit | null> = [
  (tokens, i) => (tokens[i]?.text === '%' ? { kind: 'percent', unit: null, next: i + 1 } : null),
  (tokens, i) => {
    const word = tokens[i]?.lower ?? '';
    if (word === 'per' && tokens[i + 1]?.lower === 'cent') return { kind: 'percent', unit: null, next: i + 2 };
    if (!PERCENT_WORDS.has(word)) return null;
    const points = word === 'percentage' && /^points?$/.test(tokens[i + 1]?.lower ?? '');
    if (word === 'percentage' && !points) return null;
    return { kind: 'percent', unit: null, next: points ? i + 2 : i + 1 };
  },
  (tokens, i) => {
    const word = tokens[i]?.lower ?? '';
    // "Hong Kong dollars", "Canadian dollars": a one- or two-word country before "dollar(s)".
    const second = tokens[i + 1];
    const oneWord = DOLLAR_COUNTRIES.get(word);
    if (oneWord && isDollars(second)) return { kind: 'money', unit: oneWord, next: i + 2 };
    const twoWords = second ? DOLLAR_COUNTRIES.get(`${word} ${second.lower}`) : undefined;
    if (twoWords && isDollars(tokens[i + 2])) return { kind: 'money', unit: twoWords, next: i + 3 };
    const code = CURRENCY_WORDS.get(word);
    return code ? { kind: 'money', unit: code, next: i + 1 } : null;
  },
  (tokens, i, scaled) => {
    if (!POUNDS.has(tokens[i]?.lower ?? '')) return null;
    if (tokens[i + 1]?.lower === 'sterling') return { kind: 'money', unit: 'GBP', next: i + 2 };
    return scaled ? { kind: 'money', unit: 'GBP', next: i + 1 } : { kind: 'measure', unit: 'lb', next: i + 1 };
  },
  (tokens, i) => {
    const token = tokens[i];
    return token?.type === 'word' && CURRENCY_CODES.has(token.text) ? { kind: 'money', unit: token.text, next: i + 1 } : null;
  },
  (tokens, i) => {
    const pair = `${tokens[i]?.lower ?? ''} ${tokens[i + 1]?.lower ?? ''}`;
    const unit = TWO_WORD_UNITS.get(pair);
    return unit ? { kind: 'measure', unit, next: i + 2 } : null;
  },
  (tokens, i) => {
    const token = tokens[i];
    const unit = token?.type === 'word' ? MEASURE_UNITS.get(token.lower) : undefined;
    return unit ? { kind: 'measure', unit, next: i + 1 } : null;
  },
  (tokens, i) => {
    if (tokens[i]?.text !== '°') return null;
    const scale = tokens[i + 1];
    const glued = scale && !scale.spaced && (scale.text === 'C' || scale.text === 'F');
    return { kind: 'measure', unit: glued ? `°${scale.text}` : 'deg', next: glued ? i + 2 : i + 1 };
  },
];

export function readUnit(tokens: readonly NumberToken[], i: number, scaled: boolean): Unit | null {
  for (const read of UNIT_READERS) {
    const unit = read(tokens, i, scaled);
    if (unit) return unit;
  }
  return null;
}

interface Core {
  value: number | null;
  min: number | null;
  max: number | null;
  next: number;
  scale: number;
  digits: string | null;
  word: string | null;
  glued: HedgeEffect | null;
  score: boolean;
  unit: { kind: NumberKind; unit: string } | null;
}

function core(value: number | null, next: number, scale: number, extra: Partial<Core> = {}): Core {
  return { value, min: null, max: null, next, scale, digits: null, word: null, glued: null, score: false, unit: null, ...extra };
}

/** Digits, possibly with a glued scale, unit, range or modifier ("3.6m", "10km", "20-30", "300-strong"). */
function readDigitCore(token: NumberToken, i: number): Core | null {
  if (token.type === 'number') return core(digitValue(token.text), i + 1, 1, { digits: token.text });
  if (token.type !== 'opaque') return null;
  const text = token.text;
  const scaled = SCALED_DIGITS.exec(text);
  if (scaled) {
    const scale = ATTACHED_SCALES.get(scaled[2]!.toLowerCase()) ?? 1;
    return core(scaleNumber(digitValue(scaled[1]!), scale), i + 1, scale);
  }
  const withUnit = UNIT_DIGITS.exec(text);
  if (withUnit) {
    const unit = MEASURE_UNITS.get(withUnit[2]!.toLowerCase()) ?? withUnit[2]!.toLowerCase();
    return core(digitValue(withUnit[1]!), i + 1, 1, { unit: { kind: 'measure', unit } });
  }
  const pair = HYPHEN_PAIR.exec(text);
  if (pair) {
    const low = digitValue(pair[1]!);
    const high = digitValue(pair[2]!);
    if (low >= high) return core(null, i + 1, 1, { score: true });
    return core(null, i + 1, 1, { min: low, max: high, digits: pair[1]! });
  }
  const modified = HYPHEN_MODIFIER.exec(text);
  if (modified) return core(digitValue(modified[1]!), i + 1, 1, { glued: GLUED_HEDGES[modified[2]!.toLowerCase()] ?? null });
  return null;
}

function readCore(tokens: readonly NumberToken[], i: number): Core | null {
  const token = tokens[i];
  if (!token) return null;
  const digitCore = readDigitCore(token, i);
  if (digitCore) {
    if (digitCore.unit || digitCore.score || (token.type === 'opaque' && digitCore.scale !== 1)) return digitCore;
    const { scale, next } = readScaleWords(tokens, digitCore.next);
    if (scale === 1) return digitCore;
    const times = (n: number | null): number | null => (n === null ? null : scaleNumber(n, scale));
    return { ...digitCore, value: times(digitCore.value), min: times(digitCore.min), max: times(digitCore.max), next, scale, digits: null };
  }
  const words = readNumberWords(tokens, i);
  if (!words) return null;
  return core(words.value, words.next, words.trailingScale, { word: words.singleWord });
}

/** A number with its currency and unit: "$2bn", "€5 million", "2 billion euros", "10%", "five". */
export function readQuantity(tokens: readonly NumberToken[], i: number): Quantity | null {
  const prefix = readCurrencyPrefix(tokens, i);
  const coreFirst = prefix ? prefix.next : i;
  if (prefix && tokens[coreFirst]?.type !== 'number' && tokens[coreFirst]?.type !== 'opaque') return null;
  const core = readCore(tokens, coreFirst);
  if (!core) return null;
  const suffix = prefix || core.unit || core.score ? null : readUnit(tokens, core.next, core.scale > 1);
  const kind: NumberKind = prefix ? 'money' : core.unit?.kind ?? suffix?.kind ?? 'count';
  return {
    first: i,
    next: suffix?.next ?? core.next,
    coreFirst,
    coreNext: core.next,
    value: core.value,
    min: core.min,
    max: core.max,
    approx: false,
    kind,
    unit: prefix?.unit ?? core.unit?.unit ?? suffix?.unit ?? null,
    scale: core.scale,
    digits: core.digits,
    word: core.word,
    glued: core.glued,
    score: core.score,
    vague: false,
  };
}

const VAGUE_BY_FIRST_WORD = groupByFirstWord(VAGUE_AMOUNTS);

export function groupByFirstWord<T>(entries: ReadonlyArray<readonly [string, T]>): Map<string, Array<{ words: string[]; data: T }>> {
  const map = new Map<string, Array<{ words: string[]; data: T }>>();
  for (const [phrase, data] of entries) {
    const words = phrase.split(' ');
    const list = map.get(words[0]!) ?? [];
    list.push({ words, data });
    list.sort((a, b) => b.words.length - a.words.length);
    map.set(words[0]!, list);
  }
  return map;
}

/** Index after `words` when they follow at `i` (case-insensitive), else -1. */
export function matchWords(tokens: readonly NumberToken[], i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return -1;
  return i + words.length;
}

function matchVague(tokens: readonly NumberToken[], i: number): { amount: VagueAmount; next: number } | null {
  const candidates = VAGUE_BY_FIRST_WORD.get(tokens[i]?.lower ?? '') ?? [];
  for (const { words, data } of candidates) {
    const next = matchWords(tokens, i, words);
    if (next < 0 || (data.needsOf && tokens[next]?.lower !== 'of')) continue;
    return { amount: data, next };
  }
  return null;
}

/** "billions of euros": a currency after "of" belongs to the vague amount. */
function readOfCurrency(tokens: readonly NumberToken[], i: number): Unit | null {
  if (tokens[i]?.lower !== 'of') return null;
  const word = tokens[i + 1]?.lower ?? '';
  const code = CURRENCY_WORDS.get(word) ?? (POUNDS.has(word) ? 'GBP' : undefined);
  return code ? { kind: 'money', unit: code, next: i + 2 } : null;
}

/** "dozens", "scores of", "several thousand", "a few hundred", "tens of thousands". */
export function readVague(tokens: readonly NumberToken[], i: number): Quantity | null {
  const match = matchVague(tokens, i);
  if (!match) return null;
  const { amount } = match;
  let { next } = match;
  let scale = 1;
  if (amount.scalable) {
    const scaled = readScaleWords(tokens, next);
    scale = scaled.scale;
    next = scaled.next;
  }
  const coreNext = next;
  const unit = readOfCurrency(tokens, next) ?? readUnit(tokens, next, true);
  return {
    first: i,
    next: unit?.next ?? next,
    coreFirst: i,
    coreNext,
    value: null,
    min: scaleNumber(amount.min, scale),
    max: amount.max === null ? null : scaleNumber(amount.max, scale),
    approx: true,
    kind: unit?.kind ?? 'count',
    unit: unit?.unit ?? null,
    scale,
    digits: null,
    word: null,
    glued: null,
    score: false,
    vague: true,
  };
}

