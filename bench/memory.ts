/**
 * `node --expose-gc --import tsx bench/memory.ts [--docs N --every K --dist]`: whether analysis
 * memory stays flat over a long stream. Analyses synthetic articles in this thread, 16 at a time
 * as a worker does, and prints the heap after a full garbage collection every K documents. A heap
 * that keeps growing means some cache holds on to what it should not (article text, say).
 */
import { parseArgs } from 'node:util';
import type { InputRecord } from '../src/document.js';
import type { BatchResult } from '../src/pipeline/analyze.js';
import { articleStream } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '24000' },
    every: { type: 'string', default: '4000' },
    dist: { type: 'boolean', default: false },
  },
});

type AnalyzeBatch = (items: ReadonlyArray<{ origin: string; record: InputRecord }>, now: Date) => BatchResult[];

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc (see the header of bench/memory.ts)');
const root = values.dist ? '../dist' : '../src';
const { analyzeBatch } = (await import(new URL(`${root}/pipeline/analyze.js`, import.meta.url).href)) as { analyzeBatch: AnalyzeBatch };
const now = new Date('2026-01-01T00:00:00Z');
const every = Number(values.every);
const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);
let batch: Array<{ origin: string; record: InputRecord }> = [];
let n = 0;
let first: number | null = null;
for (const record of articleStream(Number(values.docs), 42)) {
  batch.push({ origin: record.id, record });
  if (batch.length === 16) {
    analyzeBatch(batch, now);
    batch = [];
  }
  if (++n % every === 0) {
    collect();
    const { heapUsed, rss } = process.memoryUsage();
    first ??= heapUsed;
    const growth = n > every ? ` (+${((heapUsed - first) / 1e6 / ((n - every) / 1000)).toFixed(2)} MB per 1,000 documents since ${every})` : '';
    console.log(`${n} documents: heap ${mb(heapUsed)} MB, rss ${mb(rss)} MB${growth}`);
  }
}
