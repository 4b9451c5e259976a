/**
 * `npx tsx bench/linking.ts [--sizes 10000,30000,100000] [--records FILE] [--link-every DAYS]`: what
 * storing and linking cost per new article as the store grows (issue 7 asks for linking flat
 * within 1.5× from 10k to 1M stored articles).
 *
 * The store is filled with a synthetic news flow (`bench/generate.ts`, seed 42: 300 articles a
 * day, stories of their own that run for a few days), linked every `--link-every` days (default
 * 10) as a batch ingest would. At each size the next day's 300 articles are stored and linked, as
 * a daily ingest or a worker would, and timed: wall time by phase, and this process's CPU time
 * (the machine's load inflates the first, not the second), and on a PostgreSQL server on this machine
 * the server processes' CPU time too. The flow is analysed once by the
 * built CLI (`crosscheck analyze`, all cores) into `--records FILE` (NDJSON; kept between runs when
 * named) and streamed from there. Stores in PostgreSQL when DATABASE_URL is set (an empty
 * database), else in a temporary PGlite folder.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { AnalysisRecord } from '../src/document.js';
import { openStore, type Store } from '../src/store/index.js';
import { articleStream } from './generate.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,30000,100000' },
    records: { type: 'string' },
    'link-every': { type: 'string', default: '10' },
  },
});
const PER_DAY = 300;
const sizes = values.sizes!.split(',').map(Number).sort((a, b) => a - b);
const linkEvery = Number(values['link-every']) * PER_DAY;
// Every size is followed by one probe day; the flow holds them all.
const total = sizes[sizes.length - 1]! + sizes.length * PER_DAY;

async function analysedFlow(path: string, n: number): Promise<void> {
  if (existsSync(path)) return;
  const input = `${path}.input.jsonl`;
  const out = createWriteStream(input);
  for (const record of articleStream(n, 42, { perDay: PER_DAY })) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', 'analyze', input], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(createWriteStream(`${path}.partial`));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`crosscheck analyze exited with ${code}`))));
  });
  rmSync(input);
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.partial`, path);
  process.stdout.write(`analysed ${n} articles in ${((performance.now() - started) / 1000).toFixed(0)} s (crosscheck analyze)\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-linking-'));
const recordsPath = values.records ?? join(dir, 'records.ndjson');
await analysedFlow(recordsPath, total);
const lines = createInterface({ input: createReadStream(recordsPath), crlfDelay: Infinity })[Symbol.asyncIterator]();

async function nextRecords(n: number): Promise<AnalysisRecord[]> {
  const out: AnalysisRecord[] = [];
  while (out.length < n) {
    const line = await lines.next();
    if (line.done) throw new Error(`${recordsPath} holds fewer than ${total} records`);
    out.push(JSON.parse(line.value) as AnalysisRecord);
  }
  return out;
}

const url = process.env.DATABASE_URL;
const store: Store = await openStore(url ? { databaseUrl: url } : { dbDir: join(dir, 'db') });
const server = url ? await serverCpu(url) : null;

/**
 * The CPU time of the database's server processes (PostgreSQL on this machine), from /proc: what
 * the server does for a link does not show in this process's CPU. Null where /proc cannot see them.
 */
async function serverCpu(connectionString: string): Promise<{ ms(): Promise<number | null>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const ticksPerMs = 100 / 1000; // USER_HZ, 100 on Linux
  return {
    async ms() {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      let ticks = 0;
      for (const { pid } of rows) {
        try {
          // Fields 14 and 15 (utime, stime) after the parenthesised command name.
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          return null;
        }
      }
      return ticks / ticksPerMs;
    },
    close: () => client.end(),
  };
}
process.stdout.write(
  `bench/linking.ts: a news flow of ${PER_DAY} articles a day, linked every ${values['link-every']} days; ${store.kind}; ${cpus().length} cores, load average at start ${loadavg()[0]?.toFixed(2)}, Node ${process.version}\n`,
);
try {
  let stored = 0;
  for (const size of sizes) {
    while (stored < size) {
      const chunk = Math.min(linkEvery, size - stored);
      for (let done = 0; done < chunk; done += PER_DAY) await store.putArticles(await nextRecords(Math.min(PER_DAY, chunk - done)));
      await store.link();
      stored += chunk;
    }
    // A day's news arriving into a store of `stored` articles.
    let started = performance.now();
    await store.putArticles(await nextRecords(PER_DAY));
    const storeMs = performance.now() - started;
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const serverBefore = await server?.ms();
    const result = await store.link();
    const linkMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const linkCpuMs = (cpu.user + cpu.system) / 1000;
    const serverAfter = await server?.ms();
    const serverMs = serverBefore != null && serverAfter != null ? serverAfter - serverBefore : null;
    const phases = Object.entries(result.phases ?? {})
      .map(([phase, ms]) => `${phase} ${(ms / PER_DAY).toFixed(2)}`)
      .join(', ');
    process.stdout.write(
      `stored ${String(stored).padStart(7)}: next day's ${PER_DAY} articles stored in ${(storeMs / PER_DAY).toFixed(2)} ms/article, linked in ${(linkMs / PER_DAY).toFixed(2)} ms/article, ${(linkCpuMs / PER_DAY).toFixed(2)} ms/article of this process's CPU${serverMs === null ? '' : `, ${(serverMs / PER_DAY).toFixed(2)} of the server's`} (wall: ${phases}; read ${result.read ?? '?'} linked articles in ${result.passes ?? '?'} passes, ${result.stories} stories recomposed)\n`,
    );
    stored += PER_DAY;
  }
} finally {
  await server?.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
