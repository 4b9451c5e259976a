/**
 * The number tokenizer scans by hand for speed; its definition is the single regex below (the
 * implementation it replaced). They must cut every text into the same tokens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type NumberToken, type TokenType } from '../src/annotate/number/tokens.js';

const URL = String.raw`https?:\/\/[^\s<>"”]+|www\.[^\s<>"”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const PHONE = String.raw`(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![0-9])|\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}\d`;
const ALNUM = String.raw`[\p{L}\p{M}0-9]`;
const CLUSTER = String.raw`${ALNUM}+(?:(?:[-–'’:\/]|(?<=[0-9])[.,](?=[0-9]))${ALNUM}+)*`;
const TOKEN = new RegExp(`(${URL})|(${PHONE})|(${CLUSTER})|(\\S)`, 'gu');

function classify(text: string): TokenType {
  if (!/[0-9]/.test(text)) return 'word';
  if (/^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/.test(text)) return 'number';
  return 'opaque';
}

function reference(body: string, from = 0, to = body.length): NumberToken[] {
  const tokens: NumberToken[] = [];
  let previousEnd = from > 0 ? from - 1 : 0;
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(body); match && match.index < to; match = TOKEN.exec(body)) {
    const text = match[0];
    const start = match.index;
    const type: TokenType = match[1] || match[2] ? 'opaque' : match[3] ? classify(text) : 'punct';
    tokens.push({ start, end: start + text.length, text, lower: text.toLowerCase(), type, spaced: start > previousEnd });
    previousEnd = start + text.length;
  }
  return tokens;
}

/** Text built from the pieces the tokenizer treats specially, so that edge cases come up often. */
const newsLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\n', ',', '.', '-', '–', '’', "'", ':', '/', '(', ')', '+', '@', '"', '”', 'é', '\u0301', '𝟘', '\u00a0'),
      fc.constantFrom('at', 'least', 'F-16', '34th', '8:18', '17/02/2020', '1,200', '3.6m', '20-30', 'www.x.org', 'http://a.b/c', 'me@x.org', '555-123-4567', '+44 20 7946 0958', '(212) 555-0100', 'Al-Bab'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('number tokens', () => {
  it('are the tokens of the reference regex, over whole texts and over stretches', () => {
    fc.assert(
      fc.property(newsLike, fc.nat(), fc.nat(), (body, a, b) => {
        expect(tokenize(body)).toEqual(reference(body));
        // Callers start stretches after whitespace, never inside a surrogate pair.
        let from = body.length === 0 ? 0 : a % body.length;
        if (from > 0 && /[\udc00-\udfff]/.test(body[from]!) && /[\ud800-\udbff]/.test(body[from - 1]!)) from--;
        const to = from + (body.length === 0 ? 0 : b % (body.length - from + 1));
        expect(tokenize(body, from, to)).toEqual(reference(body, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});
