/**
 * Hedges and ranges around a quantity: "at least 33", "up to 50", "around 13,000", "30 or more",
 * "between 20 and 30", "20 to 30", "20-30", "20 or 30".
 */
import { PREFIX_HEDGES, SUFFIX_HEDGES, type HedgeEffect } from './lexicon.js';
import { groupByFirstWord, matchWords, readQuantity, scaleNumber, type Quantity } from './quantity.js';
import type { NumberToken } from './tokens.js';

export interface Hedge {
  effect: HedgeEffect;
  next: number;
}

const PREFIX_BY_FIRST_WORD = groupByFirstWord(PREFIX_HEDGES);
const SUFFIX_BY_FIRST_WORD = groupByFirstWord(SUFFIX_HEDGES);

export function isHedgeStart(lower: string): boolean {
  return PREFIX_BY_FIRST_WORD.has(lower) || lower === 'between';
}

function matchHedge(
  table: Map<string, Array<{ words: string[]; data: HedgeEffect }>>,
  tokens: readonly NumberToken[],
  i: number,
): Hedge | null {
  for (const { words, data } of table.get(tokens[i]?.lower ?? '') ?? []) {
    const next = matchWords(tokens, i, words);
    if (next >= 0) return { effect: data, next };
  }
  return null;
}

export function readPrefixHedge(tokens: readonly NumberToken[], i: number): Hedge | null {
  return matchHedge(PREFIX_BY_FIRST_WORD, tokens, i);
}

/** "30 or more", "40 or so", and a glued "30+". */
export function readSuffixHedge(tokens: readonly NumberToken[], i: number): Hedge | null {
  const token = tokens[i];
  if (token?.text === '+' && !token.spaced) return { effect: 'min', next: i + 1 };
  return matchHedge(SUFFIX_BY_FIRST_WORD, tokens, i);
}

/** Bounds a hedge puts on a quantity; a point value is kept ("at least 33" → value 33, min 33). */
export function applyHedge(quantity: Quantity, effect: HedgeEffect): Quantity {
  const bound = quantity.value;
  const approx = quantity.approx || effect === 'approx' || effect.endsWith('-approx');
  if (effect === 'min' || effect === 'min-approx') return { ...quantity, approx, min: bound ?? quantity.min };
  if (effect === 'max' || effect === 'max-approx') {
    if (bound !== null) return { ...quantity, approx, max: bound };
    // "up to several hundred": a vague lower bound becomes the upper one.
    return quantity.vague ? { ...quantity, approx, min: null, max: quantity.max ?? quantity.min } : { ...quantity, approx };
  }
  return { ...quantity, approx };
}

const RANGE_CONNECTORS = new Set(['to', '-', '–', 'or']);

/** `low` takes the scale of `high` when it has none and is smaller ("2 to 3 million" → 2e6). */
function shareScale(low: Quantity, high: Quantity): Quantity {
  const lowValue = low.value;
  if (lowValue === null || low.scale !== 1 || high.scale === 1 || high.value === null) return low;
  const highBase = high.value / high.scale;
  return lowValue < highBase ? { ...low, value: scaleNumber(lowValue, high.scale), scale: high.scale } : low;
}

function joinRange(low: Quantity, high: Quantity, approx: boolean): Quantity | null {
  const first = shareScale(low, high);
  if (first.value === null || high.value === null || first.value >= high.value) return null;
  if (first.glued || high.glued) return null;
  const kind = high.kind !== 'count' ? high.kind : first.kind;
  return {
    ...first,
    next: high.next,
    coreNext: high.coreNext,
    value: null,
    min: first.value,
    max: high.value,
    approx,
    kind,
    unit: high.unit ?? first.unit,
  };
}

export interface Amount {
  first: Quantity;
  last: Quantity;
  joined: Quantity;
  range: boolean;
}

/** "between 20 and 30". */
export function readBetween(tokens: readonly NumberToken[], i: number): Amount | null {
  if (tokens[i]?.lower !== 'between') return null;
  const low = readQuantity(tokens, i + 1);
  if (!low || tokens[low.next]?.lower !== 'and') return null;
  const high = readQuantity(tokens, low.next + 1);
  const joined = low && high ? joinRange(low, high, false) : null;
  return joined && high ? { first: low, last: high, joined: { ...joined, first: i }, range: true } : null;
}

/** A quantity, or two joined by "to", "-", "or" when the first is smaller ("from 10 to 20" stays two). */
export function readRangeOrSingle(tokens: readonly NumberToken[], i: number): Amount | null {
  const low = readQuantity(tokens, i);
  if (!low) return null;
  const single = { first: low, last: low, joined: low, range: low.min !== null && low.max !== null };
  const connector = tokens[low.next];
  if (!connector || !RANGE_CONNECTORS.has(connector.lower) || tokens[i - 1]?.lower === 'from') return single;
  if (low.value === null || low.score) return single;
  const high = readQuantity(tokens, low.next + 1);
  const joined = high ? joinRange(low, high, connector.lower === 'or') : null;
  return joined && high ? { first: low, last: high, joined, range: true } : single;
}
