/**
 * Streams input items through the analysis pipeline on all cores and yields the outcomes in input
 * order. Memory stays flat: at most `inFlight` documents are between the reader and the consumer.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputRecord, Origin } from '../document.js';
import type { ReadItem } from '../read/index.js';
import type { LineOutcome } from './outcomes.js';

/**
 * A successful outcome carries the Analysis record already serialised, as its NDJSON line in UTF-8
 * (`line`: the JSON and a newline): crossing a thread boundary as bytes that are transferred, not
 * copied, is far cheaper than structured-cloning thousands of small span objects, and the main
 * consumer (`analyze`) writes those bytes as they are. `json` decodes the record's JSON on demand.
 */
export type Outcome =
  | { ok: true; origin: Origin; readonly line: Buffer; readonly json: string }
  | { ok: false; origin: Origin; reason: string };

/** The outcome of a record serialised to `line` (its JSON and a newline, UTF-8). */
export function recordOutcome(origin: Origin, line: Uint8Array): Outcome & { ok: true } {
  const bytes = Buffer.from(line.buffer, line.byteOffset, line.byteLength);
  return {
    ok: true,
    origin,
    line: bytes,
    get json(): string {
      return bytes.toString('utf8', 0, bytes.length - 1);
    },
  };
}

export interface PoolOptions {
  /** Worker threads; 1 analyses in this thread. Default: all cores. */
  workers?: number;
  now?: Date;
  /**
   * A worker that replies to nothing for this long is stopped and replaced; see `runOnWorkers`.
   * Default DOCUMENT_TIME_LIMIT_MS. Not enforced when analysing in this thread.
   */
  documentTimeLimitMs?: number;
  /** The worker script; default the compiled pipeline worker next to this module (tests pass their own). */
  workerFile?: string;
}

/** A document that takes longer than this alone is rejected rather than allowed to stall the run. */
export const DOCUMENT_TIME_LIMIT_MS = 30_000;

export interface WorkerRequest {
  seq: number;
  origin: Origin;
  record: InputRecord;
  now: string;
  /** Analyse this document in a batch of its own (set when retrying the documents of a stopped worker). */
  solo?: boolean;
}
/** A successful reply's `line` is transferred: the worker gives its bytes up. */
export type WorkerReply = { seq: number } & LineOutcome;

function fromReadItem(item: ReadItem): Outcome | null {
  return item.kind === 'rejected' ? { ok: false, origin: item.origin, reason: item.reason } : null;
}

export async function* analyzeStream(items: AsyncIterable<ReadItem>, options: PoolOptions = {}): AsyncGenerator<Outcome> {
  const now = options.now ?? new Date();
  const workerFile = options.workerFile ?? fileURLToPath(new URL('./worker.js', import.meta.url));
  const workers = Math.max(1, options.workers ?? availableParallelism());
  // Running from TypeScript sources (tests, tsx) there is no compiled worker: analyse in-thread.
  if (workers === 1 || !existsSync(workerFile)) {
    const { analyzeOutcome } = await import('./outcomes.js');
    for await (const item of items) yield fromReadItem(item) ?? analyzeOutcome(item.origin, (item as { record: InputRecord }).record, now);
    return;
  }
  yield* runOnWorkers(items, { size: workers, workerFile, now, timeLimitMs: options.documentTimeLimitMs ?? DOCUMENT_TIME_LIMIT_MS });
}

interface Job {
  request: WorkerRequest;
  worker: Worker;
}

/**
 * Worker threads with a watchdog. A worker analyses its requests in order, in batches; when it has
 * work and has replied to nothing for `timeLimitMs`, it is stopped and replaced. The documents it
 * held are sent again, each alone (`solo`); a document that alone exhausts the limit is rejected
 * with that reason. So one pathological document costs at most two time limits and never stalls
 * or fails the rest of the run.
 */
async function* runOnWorkers(
  items: AsyncIterable<ReadItem>,
  { size, workerFile, now, timeLimitMs }: { size: number; workerFile: string; now: Date; timeLimitMs: number },
): AsyncGenerator<Outcome> {
  const maxInFlight = size * 32;
  const results = new Map<number, Outcome>();
  const pending = new Map<number, Job>();
  const load = new Map<Worker, number>();
  /** When each worker last replied, was given work while idle, or came online (start-up is not stalling). */
  const lastProgress = new Map<Worker, number>();
  const online = new Set<Worker>();
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };

  const send = (worker: Worker, request: WorkerRequest): void => {
    const held = load.get(worker) ?? 0;
    if (held === 0) lastProgress.set(worker, Date.now());
    load.set(worker, held + 1);
    pending.set(request.seq, { request, worker });
    worker.postMessage(request);
  };
  const jobsOf = (worker: Worker): Job[] => [...pending.values()].filter((job) => job.worker === worker);
  const retire = (worker: Worker): void => {
    load.delete(worker);
    lastProgress.delete(worker);
    online.delete(worker);
    for (const job of jobsOf(worker)) pending.delete(job.request.seq);
  };
  const spawn = (): Worker => {
    const worker = new Worker(workerFile);
    load.set(worker, 0);
    worker.on('online', () => {
      online.add(worker);
      lastProgress.set(worker, Date.now());
    });
    worker.on('message', (reply: WorkerReply) => {
      const { seq } = reply;
      // A stopped worker's last words, or a reply to a request since sent elsewhere: ignored.
      if (pending.get(seq)?.worker !== worker) return;
      pending.delete(seq);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      lastProgress.set(worker, Date.now());
      results.set(seq, reply.ok ? recordOutcome(reply.origin, reply.line) : { ok: false, origin: reply.origin, reason: reply.reason });
      notify();
    });
    worker.on('error', (error: Error) => {
      if (load.has(worker)) replace(worker, `internal error: ${error.message}`);
    });
    return worker;
  };
  /**
   * Replaces a stalled or crashed worker. Requests are analysed in order, and a solo one alone: if
   * the oldest it held was solo, that document is the cause and is rejected with `reason`; every
   * other document it held is sent again, alone, to a fresh worker.
   */
  const replace = (worker: Worker, reason: string): void => {
    const jobs = jobsOf(worker).sort((a, b) => a.request.seq - b.request.seq);
    retire(worker);
    void worker.terminate();
    const fresh = spawn();
    const culprit = jobs[0]?.request.solo ? jobs.shift() : undefined;
    if (culprit) results.set(culprit.request.seq, { ok: false, origin: culprit.request.origin, reason });
    for (const job of jobs) send(fresh, { ...job.request, solo: true });
    notify();
  };
  const stopStalled = (): void => {
    const time = Date.now();
    for (const [worker, held] of [...load]) {
      if (held === 0 || !online.has(worker) || time - (lastProgress.get(worker) ?? time) <= timeLimitMs) continue;
      replace(worker, `analysis stopped: the document took longer than ${timeLimitMs / 1000} s`);
    }
  };
  for (let i = 0; i < size; i++) spawn();
  const watchdog = setInterval(stopStalled, Math.min(1000, Math.max(10, timeLimitMs / 4)));
  watchdog.unref();

  const iterator = items[Symbol.asyncIterator]();
  let exhausted = false;
  let nextSeq = 0;
  let nextOut = 0;
  /** The item being read. Input may pause (a work queue waiting for jobs): results keep flowing meanwhile. */
  let reading: Promise<IteratorResult<ReadItem>> | null = null;
  const nextItem = async (): Promise<IteratorResult<ReadItem> | 'result'> => {
    reading ??= iterator.next();
    if (pending.size === 0) return reading;
    const arrival = new Promise<'result'>((resolve) => (wake = () => resolve('result')));
    return Promise.race([reading, arrival]);
  };
  try {
    for (;;) {
      while (!exhausted && pending.size < maxInFlight) {
        const step = await nextItem();
        if (step === 'result') break;
        reading = null;
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
        send(leastLoaded(load), { seq, origin: item.origin, record: item.record, now: now.toISOString() });
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
    clearInterval(watchdog);
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
