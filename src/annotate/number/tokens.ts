/**
 * One regex pass that cuts the body into the tokens the number scanner works on. Digits that are
 * glued to letters or to date/time punctuation ("F-16", "34th", "8:18", "17/02/2020") stay one
 * opaque token, so they can never be read as counts; URLs, e-mail addresses and phone numbers
 * are opaque as a whole.
 */

export type TokenType = 'word' | 'number' | 'punct' | 'opaque';

export interface NumberToken {
  start: number;
  end: number;
  text: string;
  lower: string;
  type: TokenType;
  /** Whitespace (or nothing) separates this token from the previous one. */
  spaced: boolean;
}

const URL = String.raw`https?:\/\/[^\s<>"”]+|www\.[^\s<>"”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const PHONE = String.raw`(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![0-9])|\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\d`;
const ALNUM = String.raw`[\p{L}\p{M}0-9]`;
/** Joiners inside a cluster: hyphens, apostrophes, colons, slashes; "." and "," only between digits. */
const CLUSTER = String.raw`${ALNUM}+(?:(?:[-–'’:\/]|(?<=[0-9])[.,](?=[0-9]))${ALNUM}+)*`;
const TOKEN = new RegExp(`(${URL})|(${PHONE})|(${CLUSTER})|(\\S)`, 'gu');

const PLAIN_NUMBER = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/;
const HAS_DIGIT = /[0-9]/;

/** Plain digits, digits with a glued suffix ("3.6m", "10km", "20-30", "300-strong") or opaque. */
function classifyCluster(text: string): TokenType {
  if (!HAS_DIGIT.test(text)) return 'word';
  if (PLAIN_NUMBER.test(text)) return 'number';
  return 'opaque';
}

/** Tokens of `body` from `from` up to the first token that starts at or after `to`. */
export function tokenize(body: string, from = 0, to = body.length): NumberToken[] {
  const tokens: NumberToken[] = [];
  // Stretches start right after whitespace, so their first token counts as spaced.
  let previousEnd = from > 0 ? from - 1 : 0;
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(body); match && match.index < to; match = TOKEN.exec(body)) {
    const text = match[0];
    const start = match.index;
    const type: TokenType = match[1] || match[2] ? 'opaque' : match[3] ? classifyCluster(text) : 'punct';
    tokens.push({ start, end: start + text.length, text, lower: text.toLowerCase(), type, spaced: start > previousEnd });
    previousEnd = start + text.length;
  }
  return tokens;
}

/**
 * Most of a text holds no number, so only the stretches around a possible number are tokenized:
 * a digit, a currency sign or a number word ("trigger"), with enough words either side for the
 * hedges before it and the units and context after it. Stretches end at whitespace, so URLs and
 * words are never cut.
 */
export function tokenizeNearNumbers(body: string, trigger: RegExp, before = 40, after = 60): NumberToken[][] {
  const windows: NumberToken[][] = [];
  let windowStart = -1;
  let windowEnd = -1;
  const flush = (): void => {
    if (windowStart >= 0) windows.push(tokenize(body, windowStart, windowEnd));
  };
  trigger.lastIndex = 0;
  for (let match = trigger.exec(body); match; match = trigger.exec(body)) {
    const start = whitespaceBefore(body, match.index - before);
    const end = whitespaceAfter(body, match.index + after);
    if (start <= windowEnd) {
      windowEnd = Math.max(windowEnd, end);
    } else {
      flush();
      windowStart = start;
      windowEnd = end;
    }
    trigger.lastIndex = Math.max(trigger.lastIndex, Math.min(windowEnd, body.length) - after);
  }
  flush();
  return windows;
}

const SPACE = /\s/;

function whitespaceBefore(body: string, index: number): number {
  let i = Math.max(0, index);
  while (i > 0 && !SPACE.test(body[i - 1]!)) i--;
  return i;
}

function whitespaceAfter(body: string, index: number): number {
  let i = Math.min(body.length, index);
  while (i < body.length && !SPACE.test(body[i]!)) i++;
  return i;
}

/** Value of a plain digit token ("13,000" → 13000). */
export function digitValue(text: string): number {
  return Number(text.includes(',') ? text.replace(/,/g, '') : text);
}

export const NUMBER_PATTERN_SOURCE = String.raw`(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?`;
