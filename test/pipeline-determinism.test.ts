/**
 * A document's Analysis record must depend on the document alone: not on what the process
 * analysed before it, nor on the batch it is analysed in (workers take documents in any order,
 * in batches of any size). Module-level caches (the tagger's sums, word features, place memos,
 * wink-nlp's lexicon) are where state could leak from one document into the next.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { InputRecord } from '../src/document.js';
import { analyzeBatch, analyzeRecord } from '../src/pipeline/analyze.js';
import { readInputs } from '../src/read/index.js';

const NOW = new Date('2031-06-01T00:00:00Z');
const DEMO_DOCUMENTS = 5;

/*
 * Fictional reports written for this test. The first ends two sentences on "Hensel’s": wink-nlp
 * then kept "Hensel’s" in its lexicon, and any later text read "Hensel’s Bakery" as two tokens
 * instead of three, which changed the second report's entities when it came after the first.
 */
const WRITTEN: ReadonlyArray<{ origin: string; record: InputRecord }> = [
  {
    origin: 'fire.txt',
    record: {
      text: 'A fire broke out late on Friday behind Hensel’s, a bakery on Quay Street in Tarnby. No one was hurt, fire officer Lena Brask said. “We have all eaten at Hensel’s.”',
      published: '2031-05-30',
    },
  },
  {
    origin: 'reopening.txt',
    record: {
      text: 'Hensel’s Bakery on Quay Street reopened on Monday. Owner Dora Hensel said the Tarnby Fire Service’s report blamed a faulty oven at Hensel’s Bakery.',
      published: '2031-06-02',
    },
  },
  {
    origin: 'court.txt',
    record: {
      text: 'At least 3 people were hurt when a crowd outside the Marlow County Sheriff’s Office in Ostby turned on deputies, the sheriff’s spokesman Piet Varga said on Tuesday. The Sheriff’s: “We will review the footage.”',
      published: '2031-05-27',
    },
  },
];

type Pipeline = typeof import('../src/pipeline/analyze.js');

/** The pipeline's modules loaded anew: no module-level state left by any earlier analysis. */
async function freshPipeline(): Promise<Pipeline> {
  vi.resetModules();
  return (await import('../src/pipeline/analyze.js')) as Pipeline;
}

let corpus: Array<{ origin: string; record: InputRecord }> = [];
/** Each document's record when it is the first and only one its process analyses, as JSON. */
let alone: string[] = [];

beforeAll(async () => {
  const demo: Array<{ origin: string; record: InputRecord }> = [];
  for await (const item of readInputs([new URL('../examples/demo', import.meta.url).pathname])) {
    if (item.kind === 'record' && demo.length < DEMO_DOCUMENTS) demo.push({ origin: item.origin, record: item.record });
  }
  corpus = [...WRITTEN, ...demo];
  alone = [];
  for (const { origin, record } of corpus) {
    const pipeline = await freshPipeline();
    alone.push(JSON.stringify(pipeline.analyzeRecord(origin, record, NOW)));
  }
}, 300_000);

describe('analysis records do not depend on what was analysed before', () => {
  it('the corpus mixes written documents and demo documents', () => {
    expect(corpus).toHaveLength(WRITTEN.length + DEMO_DOCUMENTS);
  });

  it('a document analysed after another gives its record from alone (the wink-nlp lexicon case)', () => {
    analyzeRecord(WRITTEN[0]!.origin, WRITTEN[0]!.record, NOW);
    expect(JSON.stringify(analyzeRecord(WRITTEN[1]!.origin, WRITTEN[1]!.record, NOW))).toBe(alone[1]);
  });

  it('any order, any batching, one at a time or stage by stage: every record is the one from alone', () => {
    const indices = corpus.map((_, i) => i);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(indices, { minLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (order, batchSizes, stageByStage) => {
          let next = 0;
          for (let b = 0; next < order.length; b++) {
            const batch = order.slice(next, next + batchSizes[b % batchSizes.length]!);
            next += batch.length;
            const records = stageByStage
              ? analyzeBatch(batch.map((i) => corpus[i]!), NOW).map((result) => (result.ok ? result.record : result.error))
              : batch.map((i) => analyzeRecord(corpus[i]!.origin, corpus[i]!.record, NOW));
            batch.forEach((i, k) => expect(JSON.stringify(records[k]), corpus[i]!.origin).toBe(alone[i]));
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
