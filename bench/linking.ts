/**
 * `npx tsx bench/linking.ts [--base N] [--sizes 10000,30000,100000] [--records FILE]`: what linking
 * and storing cost per new article as the store grows (issue 7 asks for linking flat within 1.5×
 * from 10k to 1M stored articles).
 *
 * N synthetic articles (default 3,000: ten days of a 300-a-day news flow, `bench/generate.ts`) are
 * analysed once. The store is filled with copies of that flow under new ids, each copy moved 40
 * days later than the one before, so that no two copies share a link window (7 days): each copy
 * is a fresh ten days of news, as a growing archive is, not a copy of its neighbours. At each size
 * the next copy's first day (300 articles) is stored and linked, as a daily ingest would, and
 * timed. Stores in PostgreSQL when DATABASE_URL is set (an empty database), else in a temporary
 * PGlite folder. `--records FILE` keeps the analysed records between invocations.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisRecord } from '../src/document.js';
import { analyzeBatch } from '../src/pipeline/analyze.js';
import { openStore, type Store } from '../src/store/index.js';
import { generateArticles } from './generate.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '3000' },
    sizes: { type: 'string', default: '10000,30000,100000' },
    records: { type: 'string' },
  },
});
const PER_DAY = 300;
const SHIFT_DAYS = 40;
const DAY_MS = 86_400_000;
const NOW = new Date('2030-01-01T00:00:00Z');

function analysedBase(n: number): string[] {
  const file = values.records;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as string[];
  const inputs = generateArticles(n, 42, { perDay: PER_DAY });
  const out: string[] = [];
  for (let i = 0; i < inputs.length; i += 16) {
    const batch = inputs.slice(i, i + 16).map((input) => ({ origin: input.id, record: input }));
    for (const result of analyzeBatch(batch, NOW)) if (result.ok) out.push(JSON.stringify(result.record));
  }
  if (file) writeFileSync(file, JSON.stringify(out));
  return out;
}

/** Copy `c` of a base record: its own id and a publication date moved c × SHIFT_DAYS later. */
function copyOf(json: string, c: number): AnalysisRecord {
  const record = JSON.parse(json) as AnalysisRecord;
  const id = record.id;
  const copy = JSON.parse(json.split(`"${id}`).join(`"${id}~${c}`)) as AnalysisRecord;
  if (copy.published) {
    const shifted = new Date(Date.parse(copy.published.value.slice(0, 10)) + c * SHIFT_DAYS * DAY_MS).toISOString().slice(0, 10);
    copy.published = { ...copy.published, value: shifted + copy.published.value.slice(10) };
  }
  return copy;
}

async function storeCopy(store: Store, base: string[], c: number, count = base.length): Promise<{ storeMs: number; linkMs: number }> {
  let started = performance.now();
  for (let i = 0; i < count; i += PER_DAY) {
    await store.putArticles(base.slice(i, Math.min(i + PER_DAY, count)).map((json) => copyOf(json, c)));
  }
  const storeMs = performance.now() - started;
  started = performance.now();
  await store.link();
  return { storeMs, linkMs: performance.now() - started };
}

const base = analysedBase(Number(values.base));
const sizes = values.sizes!.split(',').map(Number).sort((a, b) => a - b);
const url = process.env.DATABASE_URL;
const dir = url ? null : mkdtempSync(join(tmpdir(), 'crosscheck-bench-linking-'));
const store = await openStore(url ? { databaseUrl: url } : { dbDir: dir! });
process.stdout.write(`bench/linking.ts: ${base.length} analysed articles per copy, ${PER_DAY} a day, copies ${SHIFT_DAYS} days apart; ${store.kind}; ${cpus().length} cores, load average at start ${loadavg()[0]?.toFixed(2)}, Node ${process.version}\n`);
try {
  let stored = 0;
  let copy = 0;
  for (const size of sizes) {
    while (stored + base.length <= size) {
      await storeCopy(store, base, copy++);
      stored += base.length;
    }
    // A day's news arriving into a store of `stored` articles.
    const probe = await storeCopy(store, base, copy++, PER_DAY);
    stored += PER_DAY;
    process.stdout.write(
      `stored ${String(stored - PER_DAY).padStart(7)}: next day's ${PER_DAY} articles stored in ${(probe.storeMs / PER_DAY).toFixed(2)} ms/article, linked in ${(probe.linkMs / PER_DAY).toFixed(2)} ms/article\n`,
    );
  }
} finally {
  await store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
