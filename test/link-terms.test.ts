import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScatteredQuery, TermIds, type TermVector } from '../src/link/terms.js';

function mapDot(a: TermVector, b: TermVector): number {
  let sum = 0;
  for (const [term, w] of a) sum += w * (b.get(term) ?? 0);
  return sum;
}

const vector = fc
  .array(fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 20 })
  .map((pairs) => new Map(pairs) as TermVector);

describe('ScatteredQuery', () => {
  it('gives the same dot product as term-by-term look-ups, and forgets the query when cleared', () => {
    fc.assert(
      fc.property(vector, fc.array(vector, { minLength: 1, maxLength: 5 }), (query, others) => {
        const ids = new TermIds();
        const sparseOthers = others.map((v) => ids.sparse(v));
        const sparseQuery = ids.sparse(query);
        const scattered = new ScatteredQuery();
        scattered.load(sparseQuery, ids.size);
        others.forEach((other, i) => expect(scattered.dot(sparseOthers[i]!)).toBeCloseTo(mapDot(query, other), 12));
        scattered.clear();
        for (const other of sparseOthers) expect(scattered.dot(other)).toBe(0);
      }),
    );
  });

  it('grows for term ids beyond its first capacity', () => {
    const ids = new TermIds();
    const big = new Map(Array.from({ length: 3000 }, (_, i) => [`t${i}`, 1 / 3000] as [string, number]));
    const sparse = ids.sparse(big);
    const scattered = new ScatteredQuery();
    scattered.load(sparse, ids.size);
    expect(scattered.dot(ids.sparse(new Map([['t2999', 2]])))).toBeCloseTo(2 / 3000, 12);
  });
});
