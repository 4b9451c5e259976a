/**
 * One pass that cuts the body into the tokens the number scanner works on. The grammar is the
 * TOKEN regex below; words and numbers are read by hand, and the regex itself only runs where a
 * URL or a phone number may start. Digits that are glued to letters or to date/time punctuation
 * ("F-16", "34th", "8:18", "17/02/2020") stay one opaque token, so they can never be read as
 * counts; URLs, e-mail addresses and phone numbers are opaque as a whole.
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

/** The same token grammar, anchored at one position: used where URL or PHONE could match there. */
const TOKEN_AT = new RegExp(TOKEN.source, 'yu');

const PLAIN_NUMBER = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/;
const HAS_DIGIT = /[0-9]/;

/** Plain digits, digits with a glued suffix ("3.6m", "10km", "20-30", "300-strong") or opaque. */
function classifyCluster(text: string): TokenType {
  if (!HAS_DIGIT.test(text)) return 'word';
  if (PLAIN_NUMBER.test(text)) return 'number';
  return 'opaque';
}

/** `/\s/` for one UTF-16 code unit. */
function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

/** `\w` (ASCII letters, digits, underscore) or one of `.+-`: the characters of an e-mail address's local part. */
const isMailLocalCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigitCode(code) || code === 95 || code === 46 || code === 43 || code === 45;

const ALNUM_CHAR = new RegExp(`^${ALNUM}$`, 'u');
/** Per BMP code unit: 0 not yet looked up, 1 in ALNUM, 2 not. Filled lazily. */
const bmpAlnum = new Uint8Array(0x10000);

/** Length in code units of the ALNUM code point at `index` (a letter, mark or ASCII digit), or 0. */
function alnumLength(body: string, index: number): number {
  const code = body.charCodeAt(index);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigitCode(code) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < body.length) {
    const low = body.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return ALNUM_CHAR.test(body.slice(index, index + 2)) ? 2 : 0;
  }
  let cls = bmpAlnum[code]!;
  if (cls === 0) {
    cls = ALNUM_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpAlnum[code] = cls;
  }
  return cls === 1 ? 1 : 0;
}

/** End of the run of ALNUM code points from `index` (`index` itself when there is none). */
function alnumRunEnd(body: string, index: number): number {
  let i = index;
  for (let step = alnumLength(body, i); step > 0; step = alnumLength(body, i)) i += step;
  return i;
}

const isClusterJoiner = (code: number): boolean =>
  code === 45 || code === 0x2013 || code === 39 || code === 0x2019 || code === 58 || code === 47;

/**
 * Whether the URL or PHONE alternatives of TOKEN could match at `index` (then the regex decides); otherwise the
 * token there is a CLUSTER or a single character. URLs start with "http" or "www.", e-mail addresses have "@"
 * right after their run of `[\w.+-]`, phone numbers start with "+", "(", "1" and a separator, or three digits
 * and a separator.
 */
function mayBeUrlOrPhone(body: string, index: number): boolean {
  const code = body.charCodeAt(index);
  if (code === 43 || code === 40) return true;
  if ((code === 104 && body.startsWith('http', index)) || (code === 119 && body.startsWith('www.', index))) return true;
  if (isMailLocalCode(code) && body.charCodeAt(mailLocalRunEnd(body, index)) === 64) return true;
  if (isDigitCode(code)) {
    const next = body.charCodeAt(index + 1);
    if (code === 49 && (next === 45 || next === 46 || isSpaceCode(next))) return true;
    const fourth = body.charCodeAt(index + 3);
    if (isDigitCode(next) && isDigitCode(body.charCodeAt(index + 2)) && (fourth === 45 || fourth === 46)) return true;
  }
  return false;
}

/** The last run of `[\w.+-]` measured: tokens start inside one run many times ("a.b.c…" is one token per character). */
let lastRun = { body: '', start: -1, end: -1 };

/**
 * Where the run of `[\w.+-]` holding `index` ends. Every later index inside a run ends where it does,
 * so the last run is remembered: scanning it again from each token in it costs the square of its
 * length (measured: 0.8 s on a 100,000-character line of dots).
 */
function mailLocalRunEnd(body: string, index: number): number {
  if (lastRun.body === body && index >= lastRun.start && index < lastRun.end) return lastRun.end;
  let end = index + 1;
  while (end < body.length && isMailLocalCode(body.charCodeAt(end))) end++;
  lastRun = { body, start: index, end };
  return end;
}

/**
 * The token at `index` (a non-space character) as TOKEN would read it: its end and type. Clusters are read by
 * hand: ALNUM runs joined by hyphens, apostrophes, colons and slashes, or by "." and "," between digits.
 */
function readToken(body: string, index: number): { end: number; type: TokenType } {
  if (mayBeUrlOrPhone(body, index)) {
    TOKEN_AT.lastIndex = index;
    const match = TOKEN_AT.exec(body)!;
    const end = index + match[0].length;
    return { end, type: match[1] || match[2] ? 'opaque' : match[3] ? classifyCluster(match[0]) : 'punct' };
  }
  let end = alnumRunEnd(body, index);
  if (end === index) {
    const code = body.charCodeAt(index);
    const low = body.charCodeAt(index + 1);
    const pair = code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
    return { end: index + (pair ? 2 : 1), type: 'punct' };
  }
  for (;;) {
    const code = body.charCodeAt(end);
    const joined =
      isClusterJoiner(code) || ((code === 46 || code === 44) && isDigitCode(body.charCodeAt(end - 1)) && isDigitCode(body.charCodeAt(end + 1)));
    if (!joined) break;
    const next = alnumRunEnd(body, end + 1);
    if (next === end + 1) break;
    end = next;
  }
  return { end, type: classifyCluster(body.slice(index, end)) };
}

/** Tokens of `body` from `from` up to the first token that starts at or after `to`: what repeated
 *  `TOKEN.exec` from `from` gives, read by hand except where a URL or phone number may start. */
export function tokenize(body: string, from = 0, to = body.length): NumberToken[] {
  const tokens: NumberToken[] = [];
  // Stretches start right after whitespace, so their first token counts as spaced.
  let previousEnd = from > 0 ? from - 1 : 0;
  let start = from;
  for (;;) {
    while (start < body.length && isSpaceCode(body.charCodeAt(start))) start++;
    if (start >= body.length || start >= to) break;
    const { end, type } = readToken(body, start);
    const text = body.slice(start, end);
    tokens.push({ start, end, text, lower: text.toLowerCase(), type, spaced: start > previousEnd });
    previousEnd = end;
    start = end;
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

function whitespaceBefore(body: string, index: number): number {
  let i = Math.max(0, index);
  while (i > 0 && !isSpaceCode(body.charCodeAt(i - 1))) i--;
  return i;
}

function whitespaceAfter(body: string, index: number): number {
  let i = Math.min(body.length, index);
  while (i < body.length && !isSpaceCode(body.charCodeAt(i))) i++;
  return i;
}

/** Value of a plain digit token ("13,000" → 13000). */
export function digitValue(text: string): number {
  return Number(text.includes(',') ? text.replace(/,/g, '') : text);
}

export const NUMBER_PATTERN_SOURCE = String.raw`(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?`;
