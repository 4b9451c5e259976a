import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadItem } from '../src/read/index.js';
import { analyzeStream, type Outcome } from '../src/pipeline/pool.js';

const workerFile = fileURLToPath(new URL('./support/stalling-worker.mjs', import.meta.url));

async function* itemsOf(texts: string[]): AsyncGenerator<ReadItem> {
  for (const [i, text] of texts.entries()) yield { kind: 'record', origin: `doc-${i}`, record: { text }, format: 'text' };
}

async function run(texts: string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for await (const outcome of analyzeStream(itemsOf(texts), { workers: 2, workerFile, documentTimeLimitMs: 1000 })) outcomes.push(outcome);
  return outcomes;
}

describe('the worker pool', () => {
  it('stops a document that stalls its worker, rejects it with the reason, and analyses every other document in order', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => (i === 7 ? 'STALL here' : `document ${i}`));
    const outcomes = await run(texts);
    expect(outcomes.map((o) => o.origin)).toEqual(texts.map((_, i) => `doc-${i}`));
    const stalled = outcomes[7]!;
    expect(stalled).toMatchObject({ ok: false, reason: 'analysis stopped: the document took longer than 1 s' });
    for (const [i, outcome] of outcomes.entries()) {
      if (i === 7) continue;
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(JSON.parse(outcome.json).text).toBe(texts[i]);
    }
  });

  it('survives two stalling documents held by the same worker', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => (i === 2 || i === 4 ? `STALL ${i}` : `document ${i}`));
    const outcomes = await run(texts);
    expect(outcomes.filter((o) => !o.ok).map((o) => o.origin)).toEqual(['doc-2', 'doc-4']);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10);
  });

  it('rejects only the document that crashed its worker, and analyses the others it held elsewhere', async () => {
    const texts = ['a', 'b', 'CRASH', 'c', 'd', 'e', 'f', 'g'];
    const outcomes = await run(texts);
    expect(outcomes.map((o) => o.origin)).toEqual(texts.map((_, i) => `doc-${i}`));
    expect(outcomes[2]).toMatchObject({ ok: false, reason: 'internal error: worker crashed on purpose' });
    expect(outcomes.filter((o) => o.ok)).toHaveLength(7);
  });
});
