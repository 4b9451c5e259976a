/**
 * Number mentions with their value and hedge: "At least 33" → min 33; "up to 50" → max 50;
 * "Around 13,000" → 13000, approximate; "dozens" → min 24; "$2bn" → money, USD, 2e9.
 *
 * One trigger regex finds the stretches that may hold a number (digits, currency signs, number
 * words); only those are tokenized, once. A left-to-right scan then tries, at each token, a
 * prefix hedge, then a vague amount, a "between" range, or a quantity (possibly a range), then a
 * suffix hedge. Context rules then drop years, dates, clock times, ages,
 * addresses, identifiers, scores and the pronoun "one".
 *
 * Conventions: exclusive bounds are inclusive ("more than 10" → min 10, "fewer than 10" → max 10);
 * "nearly"/"almost" give max = value and approx; "several" is at least 3 ("several thousand" →
 * min 3000); "a few" is 2 to 4; "a handful" 2 to 5; plural scales mean at least two of them
 * ("dozens" → 24, "scores of" → 40, "thousands" → 2000, "tens of thousands" → 20000).
 */
import type { Document, NumberMention, Stage } from '../document.js';
import { isNotAQuantity } from './number/context.js';
import { applyHedge, isHedgeStart, readBetween, readPrefixHedge, readRangeOrSingle, readSuffixHedge, type Amount } from './number/hedges.js';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  DOLLAR_PREFIXES,
  SCALE_WORDS,
  SMALL_NUMBERS,
  TENS,
  VAGUE_AMOUNTS,
} from './number/lexicon.js';
import { readUnit, readVague, type Quantity } from './number/quantity.js';
import { tokenizeNearNumbers, type NumberToken } from './number/tokens.js';
import { startsNumberWords } from './number/words.js';

const VAGUE_STARTS = new Set(VAGUE_AMOUNTS.map(([phrase]) => phrase.split(' ')[0]!));
const VAGUE_LAST_WORDS = VAGUE_AMOUNTS.map(([phrase]) => phrase.split(' ').pop()!);

/** Where a number may be: digits, currency signs, number words and the words of vague amounts. */
const TRIGGER_WORDS = [...SMALL_NUMBERS.keys(), ...TENS.keys(), ...SCALE_WORDS.keys(), ...VAGUE_LAST_WORDS];
const TRIGGER = new RegExp(
  `[0-9${[...CURRENCY_SYMBOLS.keys()].map((s) => `\\${s}`).join('')}]|\\b(?:${[...new Set(TRIGGER_WORDS)].join('|')})\\b`,
  'gi',
);
/** Words after "a" that make it a number: "a dozen", "a few", "a handful". */
const A_OPENS = new Set(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'few', 'handful']);

/** A token that can open an amount by itself (a hedge is tried separately). */
function opensAmount(tokens: readonly NumberToken[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  switch (token.type) {
    case 'number':
    case 'opaque':
      return true;
    case 'punct':
      return CURRENCY_SYMBOLS.has(token.text);
    case 'word': {
      const lower = token.lower;
      if (lower === 'a') return A_OPENS.has(tokens[i + 1]?.lower ?? '');
      if (VAGUE_STARTS.has(lower) || lower === 'between' || startsNumberWords(lower)) return true;
      if (CURRENCY_CODES.has(token.text)) return true;
      return DOLLAR_PREFIXES.has(lower) && tokens[i + 1]?.text === '$';
    }
  }
}

function readAmount(tokens: readonly NumberToken[], i: number): Amount | null {
  const between = readBetween(tokens, i);
  if (between) return between;
  const vague = readVague(tokens, i);
  if (vague) return { first: vague, last: vague, joined: vague, range: false };
  return readRangeOrSingle(tokens, i);
}

interface Scanned {
  mention: NumberMention | null;
  next: number;
}

/** Digit strings too long for a double ("9999…") are not figures anyone reports. */
function hasFiniteNumbers(quantity: Quantity): boolean {
  return [quantity.value, quantity.min, quantity.max].every((n) => n === null || Number.isFinite(n));
}

function finish(quantity: Quantity, body: string, tokens: readonly NumberToken[], start: number): NumberMention {
  const from = tokens[start]!.start;
  const to = tokens[quantity.next - 1]!.end;
  let { min, max } = quantity;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return {
    start: from,
    end: to,
    text: body.slice(from, to),
    value: quantity.value,
    min,
    max,
    approx: quantity.approx,
    kind: quantity.kind,
    unit: quantity.unit,
  };
}

function scanAt(body: string, tokens: readonly NumberToken[], i: number): Scanned | null {
  const hedge = isHedgeStart(tokens[i]!.lower) ? readPrefixHedge(tokens, i) : null;
  const hedgedAmount = hedge && opensAmount(tokens, hedge.next) ? readAmount(tokens, hedge.next) : null;
  const amount = hedgedAmount ?? (opensAmount(tokens, i) ? readAmount(tokens, i) : null);
  if (!amount) return null;
  const hedged = hedge !== null && amount.joined.first === hedge.next;
  let quantity = amount.joined;
  if (hedged) quantity = applyHedge(quantity, hedge.effect);
  if (quantity.glued) quantity = applyHedge(quantity, quantity.glued);
  const suffix = amount.range ? null : readSuffixHedge(tokens, quantity.next);
  if (suffix) quantity = { ...applyHedge(quantity, suffix.effect), next: suffix.next };
  // "40 or so days": the unit may follow the suffix hedge.
  const lateUnit = suffix && quantity.kind === 'count' ? readUnit(tokens, quantity.next, quantity.scale > 1) : null;
  if (lateUnit) quantity = { ...quantity, kind: lateUnit.kind, unit: lateUnit.unit, next: lateUnit.next };
  const excluded = !hasFiniteNumbers(quantity) || isNotAQuantity({ tokens, first: amount.first, last: amount.last, hedged, range: amount.range });
  const start = hedged ? i : amount.joined.first;
  return { mention: excluded ? null : finish(quantity, body, tokens, start), next: quantity.next };
}

export function findNumbers(body: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const tokens of tokenizeNearNumbers(body, TRIGGER)) {
    for (let i = 0; i < tokens.length; ) {
      const scanned = scanAt(body, tokens, i);
      if (!scanned) {
        i++;
        continue;
      }
      if (scanned.mention) mentions.push(scanned.mention);
      i = Math.max(scanned.next, i + 1);
    }
  }
  return mentions;
}

/** The pipeline stage: sets doc.numbers from doc.body. */
export const annotateNumbers: Stage = (doc: Document): Document => ({ ...doc, numbers: findNumbers(doc.body) });
