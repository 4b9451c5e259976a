/**
 * The work queue of distributed mode: documents waiting to be analysed and stored, held in the
 * PostgreSQL server that also holds the store, so that any number of `crosscheck worker`
 * processes on any number of machines share it with no other service.
 *
 * pg-boss keeps the queue (its own schema, `crosscheck_queue`): it hands each job to one worker
 * (`FOR UPDATE SKIP LOCKED`), gives a job whose worker died back to the queue when its lease runs
 * out, and fails a job after `retryLimit` such leases (a document that kills workers every time is
 * not retried forever). A job is completed in the same transaction that stores its article
 * (`completeIn`): a worker killed before that commit leaves neither the article nor the completion,
 * and the job runs again; after it, both. Storing is idempotent by article id, so a job run twice
 * (a lease that ran out under a slow but living worker) changes nothing the second time.
 */
import PgBoss from 'pg-boss';
import type { InputRecord, Origin } from '../document.js';
import { StoreError, messageOf, redactUrl } from './errors.js';
import type { SqlExecutor, SqlValue } from './sql-client.js';

/** One document waiting for analysis: where it came from and the input record read from it. */
export interface QueuedDocument {
  origin: Origin;
  record: InputRecord;
}

export interface QueuedJob {
  id: string;
  document: QueuedDocument;
}

export interface QueueOptions {
  /**
   * How long a worker may hold a job before it is given to another (seconds). Longer than the
   * slowest batch a worker takes: a document may take up to the pool's 30 s time limit, twice.
   */
  leaseSeconds?: number;
  /** Times a job whose lease ran out is offered again before it is failed. */
  retryLimit?: number;
}

export interface WorkQueue {
  /** Adds documents; many in one statement. */
  enqueue(documents: readonly QueuedDocument[], options?: QueueOptions): Promise<void>;
  /** Takes up to `max` waiting jobs for this worker (none when the queue is empty or all are taken). */
  take(max: number): Promise<QueuedJob[]>;
  /**
   * Completes jobs inside a store transaction (`Store.putArticles`'s `alongside`), so that a job is
   * done exactly when its article is stored. An `outcome` is kept with its job: e.g. why the
   * document was rejected.
   */
  completeIn(tx: SqlExecutor, jobs: ReadonlyArray<{ id: string; outcome?: Record<string, string> }>): Promise<void>;
  /** Jobs not finished: waiting, waiting for a retry, or held by a worker. */
  outstanding(): Promise<number>;
  /** Gives jobs whose lease ran out back to the queue now (pg-boss also does it every few minutes). */
  reclaimExpired(): Promise<void>;
  close(): Promise<void>;
}

export const ANALYSIS_QUEUE = 'crosscheck-analyze';
const QUEUE_SCHEMA = 'crosscheck_queue';
export const DEFAULT_LEASE_SECONDS = 15 * 60;
const DEFAULT_RETRY_LIMIT = 3;

export async function openWorkQueue(url: string): Promise<WorkQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: 'crosscheck-queue',
    max: 2,
    schedule: false,
    // A job holds its whole document: finished jobs leave the live table after an hour and the
    // archive after a day (the stored article is the record; the job only says how it went).
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
  });
  // pg-boss reports background failures (e.g. the server restarting under its maintenance) as
  // events; an unhandled 'error' event would end the process. The next call reports it if it lasts.
  boss.on('error', () => undefined);
  try {
    await boss.start();
    if (!(await boss.getQueue(ANALYSIS_QUEUE))) {
      await boss.createQueue(ANALYSIS_QUEUE, { name: ANALYSIS_QUEUE, policy: 'standard' });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw new StoreError(`cannot open the work queue at ${redactUrl(url)}: ${messageOf(error)}`, { cause: error });
  }
  return new PgBossQueue(boss);
}

class PgBossQueue implements WorkQueue {
  constructor(private readonly boss: PgBoss) {}

  async enqueue(documents: readonly QueuedDocument[], options: QueueOptions = {}): Promise<void> {
    if (documents.length === 0) return;
    const expireInSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const retryLimit = options.retryLimit ?? DEFAULT_RETRY_LIMIT;
    await this.boss.insert(
      documents.map((document) => ({ name: ANALYSIS_QUEUE, data: document, expireInSeconds, retryLimit, retryDelay: 0 })),
    );
  }

  async take(max: number): Promise<QueuedJob[]> {
    const jobs = await this.boss.fetch<QueuedDocument>(ANALYSIS_QUEUE, { batchSize: max });
    return jobs.map((job) => ({ id: job.id, document: job.data }));
  }

  async completeIn(tx: SqlExecutor, jobs: ReadonlyArray<{ id: string; outcome?: Record<string, string> }>): Promise<void> {
    // pg-boss runs its statements through whatever `executeSql` it is given: here, the store's transaction.
    const db = { executeSql: (text: string, values: unknown[]) => tx.query(text, values as SqlValue[]) };
    const plain = jobs.filter((job) => !job.outcome).map((job) => job.id);
    // pg-boss takes (name, ids, data, options) whatever its typings say: with three arguments
    // `{ db }` would be read as the job's output and the completion would commit at once, on
    // pg-boss's own connection, before the articles (a worker killed in between lost them).
    const completeMany = this.boss.complete.bind(this.boss) as unknown as (name: string, ids: string[], data: null, options: { db: typeof db }) => Promise<void>;
    if (plain.length > 0) await completeMany(ANALYSIS_QUEUE, plain, null, { db });
    for (const job of jobs) if (job.outcome) await this.boss.complete(ANALYSIS_QUEUE, job.id, job.outcome, { db });
  }

  outstanding(): Promise<number> {
    return this.boss.getQueueSize(ANALYSIS_QUEUE, { before: 'completed' });
  }

  reclaimExpired(): Promise<void> {
    return this.boss.expire();
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true });
  }
}
