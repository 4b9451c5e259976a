import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../src/document.js';
import { analyzeBatch, analyzeRecord } from '../src/pipeline/analyze.js';
import { analyzeLines, analyzeOutcomes } from '../src/pipeline/outcomes.js';

const NOW = new Date('2031-06-01T00:00:00Z');
// Fictional reports written for this test.
const ITEMS = [
  { origin: 'a.txt', record: { text: 'At least 12 people were killed when rebels shelled Port Varn on Thursday, the Harbour Wire reported.', published: '2031-05-30' } },
  { origin: 'empty.txt', record: { text: '   ' } },
  { origin: 'b.txt', record: { text: '“We will stay,” Mira Kalden said on Tuesday. Up to 50 families fled the valley, officials said.', published: '2031-05-29' } },
];

describe('analyzeBatch', () => {
  it('gives each record what analyzeRecord gives it, and a rejection stops only its own record', () => {
    const results = analyzeBatch(ITEMS, NOW);
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ ok: true, record: analyzeRecord(ITEMS[0]!.origin, ITEMS[0]!.record, NOW) });
    expect(results[1]!.ok).toBe(false);
    expect(!results[1]!.ok && results[1]!.error).toBeInstanceOf(RejectedInput);
    expect(results[2]).toEqual({ ok: true, record: analyzeRecord(ITEMS[2]!.origin, ITEMS[2]!.record, NOW) });
  });

  it('outcomes name the record and the reason of a rejection', () => {
    const outcomes = analyzeOutcomes(ITEMS, NOW);
    expect(outcomes.map((o) => [o.origin, o.ok])).toEqual([['a.txt', true], ['empty.txt', false], ['b.txt', true]]);
    expect(outcomes[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/no text/) });
  });

  it('serialises each record once, as its NDJSON line in bytes a worker can transfer', () => {
    const lines = analyzeLines(ITEMS, NOW);
    const outcomes = analyzeOutcomes(ITEMS, NOW);
    for (const [i, line] of lines.entries()) {
      if (!line.ok) continue;
      // Short lines too (Buffer would place them in its shared pool) own all of their memory.
      expect(line.line.buffer.byteLength).toBe(line.line.byteLength);
      const text = Buffer.from(line.line).toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(JSON.parse(text)).toEqual(analyzeRecord(ITEMS[i]!.origin, ITEMS[i]!.record, NOW));
      const outcome = outcomes[i]!;
      expect(outcome.ok && outcome.json).toBe(text.slice(0, -1));
    }
  });
});

