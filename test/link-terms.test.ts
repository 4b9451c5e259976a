import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../src/document.js';
import { articleTerms, DocumentFrequencies, isKeyTerm, keyTerm, ScatteredQuery, TermIds, type TermVector } from '../src/link/terms.js';

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

describe('entity key terms', () => {
  it.each([
    ['per:ilse-varga', 'key:ilse-varga'],
    ['org:eastmarch-growers', 'key:eastmarch-growers'],
    ['loc:port-avel', 'key:port-avel'],
    ['misc:marisol', 'key:marisol'],
  ])('%s → %s', (key, term) => {
    expect(keyTerm(key)).toBe(term);
    expect(isKeyTerm(term)).toBe(true);
  });

  it('are not words', () => {
    for (const word of ['ferry', 'grounding', 'port']) expect(isKeyTerm(word)).toBe(false);
  });

  it('give one term to a name however each mention was typed, counting all its mentions', () => {
    const body = 'Marisol left Port Avel. The Marisol crew stayed in Port Avel.';
    const entity = (text: string, type: EntityType, from: number): Entity => {
      const start = body.indexOf(text, from);
      return { start, end: start + text.length, text, type, subtype: null, key: `${type.toLowerCase()}:${text.toLowerCase().replace(/ /g, '-')}`, name: text };
    };
    const mixed = articleTerms({ title: null, body, entities: [entity('Marisol', 'MISC', 0), entity('Marisol', 'ORG', 20), entity('Port Avel', 'LOC', 0), entity('Port Avel', 'ORG', 40)] });
    const keys = [...mixed.keys()].filter(isKeyTerm).sort();
    expect(keys).toEqual(['key:marisol', 'key:port-avel']);
    // Two mentions each: 1 + ln 2 times the heavier of the two types' weights (LOC 2 for Port Avel).
    expect(mixed.get('key:port-avel')).toBeCloseTo(2 * (1 + Math.log(2)), 12);
  });
});

describe('DocumentFrequencies', () => {
  it('weighs a rare term above a common one by the squared idf, in a unit vector', () => {
    const frequencies = new DocumentFrequencies();
    for (let i = 0; i < 9; i++) frequencies.add(new Map([['fire', 1]]));
    frequencies.add(new Map([['fire', 1], ['banwick', 1]]));
    const weighed = frequencies.weigh(new Map([['fire', 1], ['banwick', 1]]));
    const ratio = (frequencies.idf('banwick') / frequencies.idf('fire')) ** 2;
    expect(weighed.get('banwick')! / weighed.get('fire')!).toBeCloseTo(ratio, 12);
    expect(Math.hypot(...weighed.values())).toBeCloseTo(1, 12);
  });
});
