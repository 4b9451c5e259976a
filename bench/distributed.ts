/**
 * `DATABASE_URL=postgres://USER@HOST:PORT/DB npx tsx bench/distributed.ts [--docs N] [--jobs N]`:
 * distributed mode on one PostgreSQL server (issue 7). Creates and drops its own databases on that
 * server (the user needs CREATEDB); runs the built CLI (`npm run build` first).
 *
 * 1. The queue alone: N small jobs queued, then taken and completed in batches of 50 by one
 *    client — pg-boss (what `crosscheck worker` uses) against a bare `FOR UPDATE SKIP LOCKED`
 *    table, the alternative the issue names: what pg-boss's bookkeeping costs per job.
 * 2. The whole path on synthetic articles: `ingest` (one process, all cores) against `enqueue` +
 *    1 worker with all cores, and + 2 workers of one thread each; documents/s and peak RSS.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openWorkQueue } from '../src/store/queue.js';
import { articleStream } from './generate.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, jobs: { type: 'string', default: '20000' } } });
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  process.stderr.write('bench/distributed.ts needs DATABASE_URL naming a PostgreSQL server (a database on it; the bench creates its own)\n');
  process.exit(2);
}

const created: string[] = [];
async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
async function freshDatabase(label: string): Promise<string> {
  const name = `crosscheck_bench_${label}_${process.pid}`;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`).then(() => c.query(`CREATE DATABASE ${name}`)));
  created.push(name);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

const BATCH = 50;
const payload = (i: number) => ({ origin: `bench-${i}`, record: { id: `bench-${i}`, text: 'A short fictional body of text.' } });

async function benchPgBoss(n: number): Promise<{ enqueue: number; drain: number }> {
  const url = await freshDatabase('pgboss');
  const queue = await openWorkQueue(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    let started = performance.now();
    for (let i = 0; i < n; i += 500) await queue.enqueue(Array.from({ length: Math.min(500, n - i) }, (_, k) => payload(i + k)));
    const enqueue = n / ((performance.now() - started) / 1000);
    started = performance.now();
    for (;;) {
      const jobs = await queue.take(BATCH);
      if (jobs.length === 0) break;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await queue.completeIn({ query: (sql, params = []) => client.query(sql, [...params]).then((r) => ({ rows: r.rows })) }, jobs.map((j) => ({ id: j.id })));
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
    return { enqueue, drain: n / ((performance.now() - started) / 1000) };
  } finally {
    await pool.end();
    await queue.close();
  }
}

/** The bare alternative: one table, taken with FOR UPDATE SKIP LOCKED, completed in the same transaction. */
async function benchSkipLocked(n: number): Promise<{ enqueue: number; drain: number }> {
  const url = await freshDatabase('skiplocked');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await pool.query(`CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL,
      state text NOT NULL DEFAULT 'created', locked_until timestamptz)`);
    await pool.query(`CREATE INDEX jobs_waiting ON jobs (id) WHERE state = 'created'`);
    let started = performance.now();
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => payload(i + k));
      await pool.query(`INSERT INTO jobs (data) SELECT x FROM jsonb_array_elements($1::jsonb) AS x`, [JSON.stringify(rows)]);
    }
    const enqueue = n / ((performance.now() - started) / 1000);
    started = performance.now();
    for (;;) {
      const { rows } = await pool.query<{ id: string }>(
        `UPDATE jobs SET state = 'active', locked_until = now() + interval '15 minutes'
         WHERE id IN (SELECT id FROM jobs WHERE state = 'created' ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING id, data`,
      );
      if (rows.length === 0) break;
      await pool.query(`UPDATE jobs SET state = 'completed' WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    }
    return { enqueue, drain: n / ((performance.now() - started) / 1000) };
  } finally {
    await pool.end();
  }
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs CLI processes at once against `url`; wall time and the largest peak RSS among them. */
async function timeProcesses(runs: string[][], url: string): Promise<{ seconds: number; peakRssMb: number }> {
  const started = performance.now();
  let peak = 0;
  await Promise.all(runs.map(async (args) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      const rss = child.pid !== undefined ? peakRssMb(child.pid) : null;
      if (rss !== null) peak = Math.max(peak, rss);
    }, 50);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(poll);
    if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(-1500)}`);
  }));
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak };
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-distributed-'));
try {
  process.stdout.write(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average at start ${loadavg()[0]?.toFixed(2)}, Node ${process.version}\n`);
  const jobs = Number(values.jobs);
  const boss = await benchPgBoss(jobs);
  const bare = await benchSkipLocked(jobs);
  process.stdout.write(`queue pg-boss        ${jobs} jobs: enqueue ${boss.enqueue.toFixed(0)} jobs/s, take+complete (batches of ${BATCH}) ${boss.drain.toFixed(0)} jobs/s\n`);
  process.stdout.write(`queue skip-locked    ${jobs} jobs: enqueue ${bare.enqueue.toFixed(0)} jobs/s, take+complete (batches of ${BATCH}) ${bare.drain.toFixed(0)} jobs/s\n`);

  const docs = Number(values.docs);
  const corpus = join(dir, 'articles.jsonl');
  const out = createWriteStream(corpus);
  for (const record of articleStream(docs, 42)) out.write(`${JSON.stringify(record)}\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const line = (label: string, r: { seconds: number; peakRssMb: number }) =>
    process.stdout.write(`${label.padEnd(36)} ${docs} docs: ${r.seconds.toFixed(1)} s, ${(docs / r.seconds).toFixed(1)} docs/s, peak RSS ${r.peakRssMb.toFixed(0)} MB (largest process)\n`);
  line('ingest (1 process, all cores)', await timeProcesses([['ingest', corpus]], await freshDatabase('ingest')));
  for (const [label, workers] of [['enqueue + 1 worker (all cores)', [['worker', '--until-empty']]], ['enqueue + 2 workers (1 thread each)', [['worker', '--until-empty', '--workers', '1'], ['worker', '--until-empty', '--workers', '1']]]] as const) {
    const url = await freshDatabase(label.includes('2 workers') ? 'w2' : 'w1');
    const queued = await timeProcesses([['enqueue', corpus]], url);
    const worked = await timeProcesses(workers.map((w) => [...w]), url);
    line(label, { seconds: queued.seconds + worked.seconds, peakRssMb: Math.max(queued.peakRssMb, worked.peakRssMb) });
  }
} finally {
  for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`)).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
