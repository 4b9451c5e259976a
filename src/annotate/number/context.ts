/**
 * Numbers that are not quantities: years, dates, clock times, street addresses, ages, identifiers,
 * scores and the pronoun "one". Each rule looks only at the few tokens around the number.
 */
import {
  AGE_CUES,
  CLOCK_WORDS,
  COUNTED_NOUNS,
  EMERGENCY_NUMBERS,
  IDENTIFIER_NOUNS,
  MONTHS,
  ONE_PRONOUN_AFTER,
  ONE_PRONOUN_BEFORE,
  SCORE_CUES,
  STREET_WORDS,
  YEAR_CUES,
} from './lexicon.js';
import type { Quantity } from './quantity.js';
import type { NumberToken } from './tokens.js';

export interface NumberContext {
  tokens: readonly NumberToken[];
  /** The first quantity (the only one unless this is a range). */
  first: Quantity;
  /** The last quantity (same as `first` unless this is a range). */
  last: Quantity;
  hedged: boolean;
  range: boolean;
}

type Rule = (context: NumberContext) => boolean;

const CAPITALISED = /^\p{Lu}/u;

function before(context: NumberContext, offset = 1): NumberToken | undefined {
  return context.tokens[context.first.coreFirst - offset];
}

function after(context: NumberContext, offset = 0): NumberToken | undefined {
  return context.tokens[context.last.coreNext + offset];
}

function isCapitalisedWord(token: NumberToken | undefined): boolean {
  return token?.type === 'word' && CAPITALISED.test(token.text);
}

function smallInteger(quantity: Quantity, limit: number): boolean {
  const value = quantity.value ?? quantity.min;
  return value !== null && Number.isInteger(value) && value >= 0 && value <= limit;
}

function isMonth(token: NumberToken | undefined): boolean {
  return token !== undefined && MONTHS.has(token.text);
}

function isYearDigits(quantity: Quantity): boolean {
  return quantity.digits !== null && /^(1[0-9]|20)[0-9]{2}$/.test(quantity.digits);
}

/** A plural noun after the number ("1500 boats"), leaving out "was", "this", "does". */
const PLURAL = /^[a-z]{2,}[^aeiousy'’]s$/;

/** A four-digit year stays a count only before a counted noun ("1500 migrants", "some 2000 people"). */
const isYear: Rule = (context) => {
  const { first } = context;
  if (!isYearDigits(first) || first.kind !== 'count' || first.scale !== 1) return false;
  const next = after(context);
  const previous = before(context);
  const countedNext = next?.type === 'word' && (COUNTED_NOUNS.has(next.lower) || PLURAL.test(next.text));
  const yearCue = previous !== undefined && (YEAR_CUES.has(previous.lower) || isMonth(previous) || previous.text === ',');
  return !(countedNext && !yearCue);
};

const isLeadingZero: Rule = ({ first }) => first.digits !== null && /^0[0-9]/.test(first.digits);

/** Six or more digits without separators are codes and dates ("891102", "19980108"), not counts. */
const isLongCode: Rule = ({ first }) => first.kind === 'count' && first.digits !== null && /^[0-9]{6,}$/.test(first.digits);

const isDate: Rule = (context) => {
  const previous = before(context);
  const next = after(context);
  const dayLike = !context.first.vague && smallInteger(context.first, 31) && smallInteger(context.last, 31);
  const monthBefore = isMonth(previous) || (previous?.text === '.' && isMonth(before(context, 2)));
  const monthAfter = isMonth(next) || (next?.lower === 'of' && isMonth(after(context, 1)));
  return dayLike && (monthBefore || monthAfter);
};

const isClockTime: Rule = (context) => {
  const next = after(context);
  if (!next) return false;
  if (CLOCK_WORDS.has(next.lower)) return true;
  const dotted = (next.lower === 'a' || next.lower === 'p') && after(context, 1)?.text === '.' && after(context, 2)?.lower === 'm';
  return dotted || (next.lower === 'local' && after(context, 1)?.lower === 'time');
};

const isAddress: Rule = (context) => {
  if (context.first.digits === null || context.hedged) return false;
  const next = after(context);
  if (next?.lower === 'block') return true;
  for (let k = 0; k < 3 && isCapitalisedWord(after(context, k)); k++) {
    const street = after(context, k + 1);
    if (street && isCapitalisedWord(street) && STREET_WORDS.has(street.lower)) return true;
  }
  return false;
};

const isAge: Rule = (context) => {
  const cue = before(context)?.lower === 'between' ? before(context, 2) : before(context);
  if (context.range && AGE_CUES.has(cue?.lower ?? '')) return true;
  if (context.hedged || !smallInteger(context.first, 120)) return false;
  const previous = before(context);
  const next = after(context);
  if (AGE_CUES.has(previous?.lower ?? '')) return true;
  const yearWord = /^years?$/.test(next?.lower ?? '');
  if (yearWord && (after(context, 1)?.lower === 'old' || (after(context, 1)?.lower === 'of' && after(context, 2)?.lower === 'age'))) {
    return true;
  }
  if (next?.lower.startsWith('year-old') || next?.lower.startsWith('years-old')) return true;
  if (next?.text === ',' && after(context, 1)?.lower === 'of' && isCapitalisedWord(after(context, 2))) return true;
  const afterName = isCapitalisedWord(before(context, 2));
  const commaAge = previous?.text === ',' && afterName && (next?.text === ',' || next === undefined || next.text === '.');
  const bracketAge = previous?.text === '(' && afterName && next?.text === ')';
  return context.first.digits !== null && (commaAge || bracketAge);
};

const isIdentifier: Rule = (context) => {
  if (context.hedged) return false;
  if (context.first.digits !== null && EMERGENCY_NUMBERS.has(context.first.digits)) return true;
  const previous = before(context);
  if (!previous) return false;
  // ".40 caliber", ".5": a leading point is a calibre or a decimal written without its zero.
  if (previous.text === '.' && !context.tokens[context.first.coreFirst]!.spaced) return true;
  if (previous.text === '#' && !context.tokens[context.first.coreFirst]!.spaced) return true;
  if (previous.text === '.' && before(context, 2)?.lower === 'no') return true;
  if (previous.text === '[' && after(context)?.text === ']') return true;
  return previous.type === 'word' && IDENTIFIER_NOUNS.has(previous.lower) && context.first.kind === 'count';
};

const isScore: Rule = (context) => {
  if (context.first.score) return true;
  if (!context.range) return false;
  for (let k = 1; k <= 3; k++) if (SCORE_CUES.has(before(context, k)?.lower ?? '')) return true;
  return context.first.digits !== null && SCORE_CUES.has(after(context)?.lower ?? '');
};

const isPronounOne: Rule = (context) => {
  if (context.range || context.hedged || context.first.word !== 'one') return false;
  const previous = before(context)?.lower ?? '';
  const next = after(context)?.lower ?? '';
  return ONE_PRONOUN_BEFORE.has(previous) || ONE_PRONOUN_AFTER.has(next);
};

/** Ordered cheapest-first; any rule that fires drops the mention. */
const RULES: readonly Rule[] = [isScore, isLeadingZero, isLongCode, isYear, isDate, isClockTime, isAge, isAddress, isIdentifier, isPronounOne];

export function isNotAQuantity(context: NumberContext): boolean {
  return RULES.some((rule) => rule(context));
}
