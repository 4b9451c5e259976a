/**
 * `crosscheck worker`: one process of distributed mode. It takes documents from the work queue in
 * the PostgreSQL server (`crosscheck enqueue` fills it), analyses them on its threads, and stores
 * each batch in one transaction that also completes the batch's jobs. Any number of workers on any
 * number of machines share the queue; linking (copies, stories, events) is serialised by a lock in
 * the database, and runs when no job is left anywhere (and every `--link-every` seconds if asked).
 *
 * Failures split in two. A document that cannot be analysed or stored is rejected, named on
 * stderr, and its job is completed with the reason: it would fail the same way again. The database
 * going away (a restart, a lost connection, a deadlock with another worker) is waited out: the same
 * work is tried again with backoff for up to `RETRY_WINDOW_MS` before the worker gives up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { AnalysisRecord } from '../document.js';
import { analyzeStream, type Outcome } from '../pipeline/pool.js';
import type { ReadItem } from '../read/index.js';
import { isTransientDatabaseError, openStore, StoreError, type PutResult, type Store } from '../store/index.js';
import { openWorkQueue, type QueuedJob, type WorkQueue } from '../store/queue.js';
import { positiveInt } from './analyze.js';
import { EXIT, UsageError, write, type CliIO } from './io.js';
import { Progress } from './progress.js';
import { addTo, storeBatchOrEach } from './store-batch.js';

export const WORKER_HELP = `Usage: crosscheck worker [options]

Distributed mode: takes documents from the work queue of the PostgreSQL server named by
DATABASE_URL (filled by "crosscheck enqueue"), analyses and stores them. Run any number of
workers, on any number of machines, against one server. A job is completed in the transaction
that stores its article, so a worker killed at any moment loses nothing: its jobs return to the
queue when their lease runs out (see "crosscheck enqueue --lease").

Options:
  --workers N       analysis threads in this process (default: all cores)
  --batch N         documents per store transaction (default 50)
  --until-empty     exit once no job is left (waiting, or held by any worker) and all is linked
  --poll S          seconds between looks at an empty queue (default 2)
  --link-every S    link stored articles at least this often while the queue is busy (default:
                    only when no job is left, waiting or held, so that a load is linked once
                    over all its articles, as by ingest: stories then match exactly)
  -h, --help        this help

Exit codes: 0 stopped (--until-empty, SIGINT or SIGTERM), 1 some documents were rejected,
2 usage error or no database (or the database stayed unreachable for 5 minutes).
`;

/** How long the database may stay unreachable before a worker gives up (its jobs then return to the queue). */
export const RETRY_WINDOW_MS = 5 * 60_000;

export interface WorkerOptions {
  threads: number | undefined;
  batchSize: number;
  untilEmpty: boolean;
  pollMs: number;
  /** Link at least this often while the queue is busy; null: only when no job is left. */
  linkEveryMs: number | null;
}

export async function runWorker(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workers: { type: 'string' },
      batch: { type: 'string' },
      'until-empty': { type: 'boolean' },
      poll: { type: 'string' },
      'link-every': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    await write(io.stdout, WORKER_HELP);
    return EXIT.ok;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError('worker needs DATABASE_URL=postgres://...: workers share one PostgreSQL server (the embedded database serves one process)');
  const options: WorkerOptions = {
    threads: positiveInt('workers', values.workers),
    batchSize: positiveInt('batch', values.batch) ?? 50,
    untilEmpty: values['until-empty'] ?? false,
    pollMs: seconds('poll', values.poll, 2),
    linkEveryMs: values['link-every'] === undefined ? null : seconds('link-every', values['link-every'], 0),
  };
  const store = await openStore({ databaseUrl: url });
  let queue: WorkQueue;
  try {
    queue = await openWorkQueue(url);
  } catch (error) {
    await store.close();
    throw error;
  }
  const stop = { requested: false };
  const onSignal = (): void => {
    stop.requested = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = new Progress(io.stderr, 'worker stored');
  try {
    const totals = await runJobs(store, queue, options, io, progress, stop);
    io.stderr.write(progress.summary(`; ${totals.inserted} new, ${totals.updated} updated, ${totals.unchanged} unchanged`));
    return progress.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue.close();
    await store.close();
  }
}

function seconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number of seconds, got "${raw}"`);
  return n * 1000;
}

interface Finished {
  id: string;
  outcome: Outcome;
}

/**
 * The worker loop: jobs flow from the queue into the analysis pool as one stream (the threads stay
 * up between batches) and out of it, in order, into store transactions.
 */
export async function runJobs(
  store: Store,
  queue: WorkQueue,
  options: WorkerOptions,
  io: CliIO,
  progress: Progress,
  stop: { requested: boolean },
): Promise<PutResult> {
  const totals: PutResult = { inserted: 0, updated: 0, unchanged: 0 };
  const retry = <T>(what: string, work: () => Promise<T>): Promise<T> => retryTransient(what, work, io);
  /** Ids of the jobs handed to the pool, in order: outcomes come back in the same order. */
  const held: string[] = [];
  /** Jobs taken and not yet stored; the producer waits for 0 before it links. */
  let unfinished = 0;
  let onFinished: (() => void) | null = null;
  let lastLink = Date.now();

  const link = async (): Promise<void> => {
    await retry('link the stored articles', () => store.link());
    lastLink = Date.now();
  };

  async function* jobs(): AsyncGenerator<ReadItem> {
    while (!stop.requested) {
      const taken: QueuedJob[] = await retry('take jobs from the queue', () => queue.take(Math.max(options.batchSize, 8)));
      if (taken.length > 0) {
        // All ids first: the consumer closes a batch when it has seen every job taken so far.
        held.push(...taken.map((job) => job.id));
        unfinished += taken.length;
        for (const job of taken) yield { kind: 'record', origin: job.document.origin, record: job.document.record, format: 'json' };
        continue;
      }
      // Nothing to take: let what this worker holds be stored. Linking waits until no job is left
      // anywhere (waiting or held by another worker), so that a load is linked once, over all of
      // its articles, exactly as one `ingest` links it; `--link-every` links sooner on a queue that
      // never runs dry.
      if (unfinished > 0) await new Promise<void>((resolve) => (onFinished = resolve));
      await retry('reclaim expired jobs', () => queue.reclaimExpired());
      if ((await retry('count the jobs left', () => queue.outstanding())) === 0) {
        await link();
        if (options.untilEmpty) return;
      }
      await sleepUnlessStopped(options.pollMs, stop);
    }
  }

  const storeBatch = async (batch: readonly Finished[]): Promise<void> => {
    const stored = batch.filter((f): f is { id: string; outcome: Outcome & { ok: true } } => f.outcome.ok);
    const records = stored.map((f) => JSON.parse(f.outcome.json) as AnalysisRecord);
    const completions = batch.map((f) => ({ id: f.id, outcome: f.outcome.ok ? undefined : { rejected: f.outcome.reason } }));
    const refused = batch.filter((f) => !f.outcome.ok).map((f) => ({ id: f.id, outcome: { rejected: (f.outcome as { reason: string }).reason } }));
    const items = stored.map((finished, i) => ({ finished, record: records[i]! }));
    const result = await storeBatchOrEach(items, {
      // The whole batch completes every job, refused ones too; stored one by one, each completes its own.
      put: (some, whole) =>
        whole
          ? retry('store a batch', () => store.putArticles(records, (tx) => queue.completeIn(tx, completions)))
          : retry('store a document', () => store.putArticles(some.map((s) => s.record), (tx) => queue.completeIn(tx, some.map((s) => ({ id: s.finished.id }))))),
      refuse: async ({ finished }, error) => {
        const reason = `could not be stored: ${error instanceof Error ? error.message : String(error)}`;
        progress.documents--;
        progress.rejected++;
        await write(io.stderr, `rejected ${finished.outcome.origin}: ${reason}\n`);
        await retry('record a rejection', () => store.putArticles([], (tx) => queue.completeIn(tx, [{ id: finished.id, outcome: { rejected: reason } }])));
      },
      fatal: isTransientDatabaseError,
    });
    addTo(totals, result);
    if (!result.whole && refused.length > 0) await retry('record rejections', () => store.putArticles([], (tx) => queue.completeIn(tx, refused)));
  };

  let batch: Finished[] = [];
  for await (const outcome of analyzeStream(jobs(), { workers: options.threads })) {
    const id = held.shift();
    if (id === undefined) throw new Error('analysis returned more outcomes than jobs were taken');
    progress.tick(outcome.ok);
    if (!outcome.ok) await write(io.stderr, `rejected ${outcome.origin}: ${outcome.reason}\n`);
    batch.push({ id, outcome });
    if (batch.length < options.batchSize && held.length > 0) continue;
    await storeBatch(batch);
    unfinished -= batch.length;
    batch = [];
    if (unfinished === 0 && onFinished) {
      const resume: () => void = onFinished;
      onFinished = null;
      resume();
    }
    if (options.linkEveryMs !== null && Date.now() - lastLink >= options.linkEveryMs) await link();
  }
  if (stop.requested) await link();
  return totals;
}

async function sleepUnlessStopped(ms: number, stop: { requested: boolean }): Promise<void> {
  const until = Date.now() + ms;
  while (!stop.requested && Date.now() < until) await sleep(Math.min(200, until - Date.now()));
}

/**
 * Runs `work` again while it fails for a reason that passes (the server restarting, a lost
 * connection, a deadlock), with backoff from 0.5 s to 15 s, for up to RETRY_WINDOW_MS; each wait is
 * named on stderr. Any other failure, or one that outlasts the window, is thrown.
 */
export async function retryTransient<T>(what: string, work: () => Promise<T>, io: CliIO, windowMs = RETRY_WINDOW_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientDatabaseError(error)) throw error;
      if (Date.now() - started > windowMs) {
        throw new StoreError(`the database stayed unavailable for ${Math.round(windowMs / 1000)} s (could not ${what}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const waitMs = Math.min(15_000, 500 * 2 ** attempt);
      await write(io.stderr, `could not ${what} (${error instanceof Error ? error.message : String(error)}); trying again in ${(waitMs / 1000).toFixed(1)} s\n`);
      await sleep(waitMs);
    }
  }
}
