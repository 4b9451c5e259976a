/**
 * Streams input items through the analysis pipeline on all cores and yields the outcomes in input
 * order. Memory stays flat: at most `inFlight` documents are between the reader and the consumer.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RejectedInput, type InputRecord, type Origin } from '../document.js';
import type { ReadItem } from '../read/index.js';
import { analyzeBatch } from './analyze.js';

/**
 * A successful outcome carries the Analysis record already serialised: crossing a thread boundary
 * as one string is far cheaper than structured-cloning thousands of small span objects, and the
 * main consumer (`analyze`) writes that string as it is.
 */
export type Outcome =
  | { ok: true; origin: Origin; json: string }
  | { ok: false; origin: Origin; reason: string };

export interface PoolOptions {
  /** Worker threads; 1 analyses in this thread. Default: all cores. */
  workers?: number;
  now?: Date;
}

export interface WorkerRequest {
  seq: number;
  origin: Origin;
  record: InputRecord;
  now: string;
}
export type WorkerReply = { seq: number } & Outcome;

/** Analyses one record in this thread; never throws. */
export function analyzeOutcome(origin: Origin, record: InputRecord, now: Date): Outcome {
  return analyzeOutcomes([{ origin, record }], now)[0]!;
}

/** Analyses records stage by stage (`analyzeBatch`) in this thread; never throws. */
export function analyzeOutcomes(items: ReadonlyArray<{ origin: Origin; record: InputRecord }>, now: Date): Outcome[] {
  return analyzeBatch(items, now).map((result, i): Outcome => {
    const origin = items[i]!.origin;
    if (result.ok) return { ok: true, origin, json: JSON.stringify(result.record) };
    const { error } = result;
    if (error instanceof RejectedInput) return { ok: false, origin, reason: error.reason };
    return { ok: false, origin, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  });
}

function fromReadItem(item: ReadItem): Outcome | null {
  return item.kind === 'rejected' ? { ok: false, origin: item.origin, reason: item.reason } : null;
}

export async function* analyzeStream(items: AsyncIterable<ReadItem>, options: PoolOptions = {}): AsyncGenerator<Outcome> {
  const now = options.now ?? new Date();
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const workers = Math.max(1, options.workers ?? availableParallelism());
  // Running from TypeScript sources (tests, tsx) there is no compiled worker: analyse in-thread.
  if (workers === 1 || !existsSync(workerFile)) {
    for await (const item of items) yield fromReadItem(item) ?? analyzeOutcome(item.origin, (item as { record: InputRecord }).record, now);
    return;
  }
  yield* runOnWorkers(items, workers, workerFile, now);
}

async function* runOnWorkers(items: AsyncIterable<ReadItem>, size: number, workerFile: string, now: Date): AsyncGenerator<Outcome> {
  const maxInFlight = size * 32;
  const results = new Map<number, Outcome>();
  const pending = new Map<number, { origin: Origin; worker: Worker }>();
  const load = new Map<Worker, number>();
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };

  const spawn = (): Worker => {
    const worker = new Worker(workerFile);
    load.set(worker, 0);
    worker.on('message', (reply: WorkerReply) => {
      const { seq, ...outcome } = reply;
      pending.delete(seq);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      results.set(seq, outcome);
      notify();
    });
    worker.on('error', (error: Error) => {
      // A crashed worker fails only the documents it held; a fresh one takes its place.
      load.delete(worker);
      for (const [seq, job] of pending) {
        if (job.worker !== worker) continue;
        pending.delete(seq);
        results.set(seq, { ok: false, origin: job.origin, reason: `internal error: ${error.message}` });
      }
      spawn();
      notify();
    });
    return worker;
  };
  for (let i = 0; i < size; i++) spawn();

  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  let nextSeq = 0;
  let nextOut = 0;
  try {
    for (;;) {
      while (!exhausted && pending.size < maxInFlight) {
        const step = await iterator.next();
        if (step.done) {
          exhausted = true;
          break;
        }
        const seq = nextSeq++;
        const item = step.value;
        if (item.kind === 'rejected') {
          results.set(seq, { ok: false, origin: item.origin, reason: item.reason });
          continue;
        }
        const worker = leastLoaded(load);
        load.set(worker, (load.get(worker) ?? 0) + 1);
        pending.set(seq, { origin: item.origin, worker });
        const request: WorkerRequest = { seq, origin: item.origin, record: item.record, now: now.toISOString() };
        worker.postMessage(request);
        if (results.has(nextOut)) break;
      }
      while (results.has(nextOut)) {
        const outcome = results.get(nextOut)!;
        results.delete(nextOut++);
        yield outcome;
      }
      if (exhausted && nextOut === nextSeq) return;
      if (!results.has(nextOut) && (exhausted || pending.size >= maxInFlight)) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all([...load.keys()].map((worker) => worker.terminate()));
  }
}

function leastLoaded(load: Map<Worker, number>): Worker {
  let best: Worker | null = null;
  let bestLoad = Infinity;
  for (const [worker, n] of load) {
    if (n < bestLoad) {
      best = worker;
      bestLoad = n;
    }
  }
  if (!best) throw new Error('no analysis worker is running');
  return best;
}
