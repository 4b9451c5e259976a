import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWords, lastWords, nextWordAfterSpaces, wordEnd } from '../src/annotate/claim/words.js';

// The ledger's in-place word reader must read exactly what its regexes read in a slice.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const WORD_OR_MARK = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]/gu;
const words = (text: string): string[] => [...text.matchAll(WORD)].map((m) => m[0].toLowerCase());

/** The words before the first mark, with offsets, as the regex reads them. */
function leadingByRegex(text: string): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  for (const m of text.matchAll(WORD_OR_MARK)) {
    if (!/^[\p{L}\p{N}]/u.test(m[0])) break;
    found.push([m[0], m.index]);
  }
  return found;
}

function leadingInPlace(body: string, from: number, to: number): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  for (let start = nextWordAfterSpaces(body, from, to); start >= 0; ) {
    const end = wordEnd(body, start, to);
    found.push([body.slice(start, end), start - from]);
    start = nextWordAfterSpaces(body, end, to);
  }
  return found;
}

const PIECES = ['a', 'Z', '7', 'é', 'ß', 'Σ', 'ж', '中', "'", '’', '-', ' ', '  ', '\u00a0', '\n', ',', '.', '"', '“', '$', '%', '𝐀', '😀', '\ud800', '\udc00', 'killed', 'Soldiers', "it's", 'U.S.-backed', '٣'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const slice = text.chain((body) =>
  fc.tuple(fc.constant(body), fc.nat({ max: body.length }), fc.nat({ max: body.length })).map(([b, x, y]) => [b, Math.min(x, y), Math.max(x, y)] as const),
);

describe('claim words read in place', () => {
  it('firstWords reads the first words of the slice', () => {
    fc.assert(
      fc.property(slice, fc.integer({ min: 1, max: 8 }), ([body, from, to], count) => {
        expect(firstWords(body, from, to, count)).toEqual(words(body.slice(from, to)).slice(0, count));
      }),
      { numRuns: 2000 },
    );
  });

  it('lastWords reads the last words of the slice', () => {
    fc.assert(
      fc.property(slice, fc.integer({ min: 1, max: 8 }), ([body, from, to], count) => {
        expect(lastWords(body, from, to, count)).toEqual(words(body.slice(from, to)).slice(-count));
      }),
      { numRuns: 2000 },
    );
  });

  it('leading words stop at the first mark', () => {
    fc.assert(
      fc.property(slice, ([body, from, to]) => {
        expect(leadingInPlace(body, from, to)).toEqual(leadingByRegex(body.slice(from, to)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads figures in a sentence', () => {
    const body = 'Officials said 33 Turkish soldiers were killed, and 12 wounded.';
    expect(firstWords(body, 17, body.length, 3)).toEqual(['turkish', 'soldiers', 'were']);
    expect(lastWords(body, 0, 15, 4)).toEqual(['officials', 'said']);
  });
});
