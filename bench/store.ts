/**
 * `npx tsx bench/store.ts [--docs N --batch B --records FILE --runs pglite,postgres]`: the cost of
 * STORING analysed documents, without the analysis. N synthetic ~600-word articles (seed 42) and N
 * more (seed 43) are analysed once in a child process (so that the NLP models do not weigh on the
 * measured process's RSS), written as the JSON lines the analysis workers hand to `ingest`, then
 * fed through `ingestInto` (exactly the main thread's share of `crosscheck ingest`):
 *   1. into a fresh database,
 *   2. N new documents into that database, which already holds N,
 *   3. the same N again (idempotent re-ingest: nothing changes).
 * Printed per run: documents/s (wall), CPU ms per document of this process (PGlite runs inside it;
 * a PostgreSQL server's own CPU is not counted), and this process's peak RSS so far.
 * PostgreSQL runs too when DATABASE_URL is set (its database must be empty or hold only this bench's data).
 * `--records FILE` keeps the analysed records between invocations (delete it after changing the pipeline).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ingestInto } from '../src/cli/ingest.js';
import { Progress } from '../src/cli/progress.js';
import { openStore, type StoreOptions } from '../src/store/index.js';
import { generateArticles } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '200' },
    records: { type: 'string' },
    'analyse-into': { type: 'string' },
  },
});

const FIRST_SEED = 42;
const SECOND_SEED = 43;
const NOW = new Date('2025-04-01T00:00:00Z');

interface Line {
  origin: string;
  json: string;
}

/** Child mode: analyse both sets and write them as JSON (one array of lines per seed). */
async function analyseInto(file: string, n: number): Promise<void> {
  const { analyzeRecord } = await import('../src/pipeline/analyze.js');
  const sets = [FIRST_SEED, SECOND_SEED].map((seed) =>
    generateArticles(n, seed).map((input): Line => {
      const origin = `${input.id}.json`;
      return { origin, json: JSON.stringify(analyzeRecord(origin, input, NOW)) };
    }),
  );
  writeFileSync(file, JSON.stringify(sets));
}

function analysedSets(n: number): [Line[], Line[]] {
  const file = values.records ?? join(mkdtempSync(join(tmpdir(), 'crosscheck-bench-store-')), 'records.json');
  if (!existsSync(file)) {
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--docs', String(n), '--analyse-into', file], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`analysis child exited with ${child.status}`);
  }
  const sets = JSON.parse(readFileSync(file, 'utf8')) as [Line[], Line[]];
  if (!values.records) rmSync(join(file, '..'), { recursive: true, force: true });
  if (sets[0].length < n || sets[1].length < n) throw new Error(`${file} holds fewer than ${n} documents per set`);
  return [sets[0].slice(0, n), sets[1].slice(0, n)];
}

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

async function* feed(lines: readonly Line[]): AsyncGenerator<Line> {
  yield* lines;
}

async function timeRun(label: string, options: StoreOptions, lines: readonly Line[], batch: number): Promise<string> {
  const store = await openStore(options);
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const progress = new Progress(silent, 'stored');
    const totals = await ingestInto(store, feed(lines), batch, { stdout: silent, stderr: silent }, progress);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerDoc = (cpu.user + cpu.system) / 1000 / lines.length;
    return `${label}: ${lines.length} docs in ${seconds.toFixed(2)} s = ${(lines.length / seconds).toFixed(0)} documents/s, ` +
      `CPU ${cpuMsPerDoc.toFixed(2)} ms/doc, peak RSS ${peakRssMb().toFixed(0)} MB ` +
      `(${totals.inserted} new, ${totals.updated} updated, ${totals.unchanged} unchanged, ${progress.rejected} rejected)`;
  } finally {
    await store.close();
  }
}

async function benchBackend(name: string, options: StoreOptions, sets: [Line[], Line[]], batch: number): Promise<void> {
  const runs: Array<[string, Line[]]> = [['fresh database', sets[0]], ['N new into N stored', sets[1]], ['same N again', sets[0]]];
  for (const [label, lines] of runs) process.stdout.write(`${await timeRun(`${name}, ${label}`, options, lines, batch)}\n`);
}

async function main(): Promise<void> {
  const n = Number(values.docs);
  if (values['analyse-into']) return analyseInto(values['analyse-into'], n);
  const batch = Number(values.batch);
  const sets = analysedSets(n);
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(`bench/store.ts --docs ${n} --batch ${batch}; ${cpus().length} cores, load average ${load}, Node ${process.version}\n`);
  // openStore prefers DATABASE_URL over dbDir: the embedded runs must not see it.
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-store-db-'));
  try {
    await benchBackend('pglite', { dbDir: join(dir, 'db') }, sets, batch);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (url) await benchBackend('postgres', { databaseUrl: url }, sets, batch);
}

await main();
