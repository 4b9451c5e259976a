/**
 * `npx tsx bench/compose.ts [--docs N] [--seed S] [--rounds R] [--records FILE] [--out FILE] [--against FILE] [--dist]`:
 * what composing a story record costs (`composeStory`: canonical events, summary, title, timeline,
 * framing), per story and per article. After linking, every story that changed is recomposed from
 * its members' full analysis records, so this is most of ingest's linking cost.
 *
 * The members: a synthetic news flow (`bench/generate.ts`, 300 articles a day) analysed in this
 * process by the library's pipeline (`analyzeBatch`), linked from scratch (`linkAll`) and grouped
 * into stories, copies included. The analysed records are cached in `--records FILE` (NDJSON,
 * default under the system's temporary folder, keyed by N and seed) because analysing takes far
 * longer than composing. Members are parsed from JSON as the store parses them, once, outside the
 * timed part. Timed: CPU time (`process.cpuUsage()`, so other load on the machine barely moves it)
 * of composing every story, after a warm-up round, `--rounds` times; the median round is printed.
 *
 * `--out FILE` writes the sha256 of the JSON of every composed story and its events (in story
 * order); `--against FILE` compares with such a file and exits 1 when they differ, so that a change
 * meant only to make composing faster is shown to change nothing. Every round's output is also
 * checked against the first round's (composing must not depend on, or alter, what came before).
 * `--dist` imports the compiled `dist/` modules, which is what users run (`npx tsc -p tsconfig.build.json` first).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { AnalysisRecord, InputRecord } from '../src/document.js';
import type * as LinkModule from '../src/link/index.js';
import type * as StoryRecordModule from '../src/link/story-record.js';
import type { StoryMember } from '../src/link/story-record.js';
import type * as AnalyzeModule from '../src/pipeline/analyze.js';
import { datasetDir } from '../eval/datasets.js';
import { articleStream } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1800' },
    seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '5' },
    records: { type: 'string' },
    out: { type: 'string' },
    against: { type: 'string' },
    dist: { type: 'boolean', default: false },
    gva: { type: 'string', default: '0' },
  },
});

// `--dist`: the compiled modules (`npx tsc -p tsconfig.build.json` first), which is what users run.
const root = values.dist ? '../dist' : '../src';
const load = async <T>(path: string): Promise<T> => (await import(new URL(`${root}/${path}.js`, import.meta.url).href)) as T;
const { linkAll, linkItemOf } = await load<typeof LinkModule>('link/index');
const { composeStory } = await load<typeof StoryRecordModule>('link/story-record');
const { analyzeBatch } = await load<typeof AnalyzeModule>('pipeline/analyze');

const docs = Number(values.docs);
const seed = Number(values.seed);
const gva = Number(values.gva);
const rounds = Math.max(1, Number(values.rounds));
const recordsPath = values.records ?? join(tmpdir(), `crosscheck-bench-compose-${docs}-${seed}${gva > 0 ? `-gva${gva}` : ''}.ndjson`);
const NOW = new Date('2026-01-01T00:00:00Z');
const BATCH = 16;

/**
 * `--gva N`: the first N GVA documents as well (read at run time when the dataset is present),
 * real news text whose wording the synthetic flow lacks, for `--out`/`--against`.
 */
function gvaRecords(limit: number): Array<{ id: string; title: string; text: string; published: string; url: string }> {
  if (limit <= 0) return [];
  const dir = datasetDir('incidents-gva');
  if (!dir) throw new Error('--gva: the GVA dataset is not there (set CROSSCHECK_DATASETS)');
  const lines = readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.slice(0, limit).map((line) => {
    const row = JSON.parse(line) as { id: string; title: string; dct: string; uri: string; content: string };
    return { id: row.id, title: row.title, text: row.content, published: row.dct, url: row.uri };
  });
}

/** The analysed flow as NDJSON lines, analysed once and cached. */
function analysedLines(): string[] {
  if (existsSync(recordsPath)) return readFileSync(recordsPath, 'utf8').split('\n').filter((l) => l !== '');
  const started = performance.now();
  const lines: string[] = [];
  let batch: Array<{ origin: string; record: InputRecord }> = [];
  const flush = (): void => {
    for (const result of analyzeBatch(batch, NOW)) if (result.ok) lines.push(JSON.stringify(result.record));
    batch = [];
  };
  for (const { id, title, text, published, source, url } of articleStream(docs, seed)) {
    batch.push({ origin: id, record: { title, text, published, source, url } });
    if (batch.length === BATCH) flush();
  }
  for (const { id, title, text, published, url } of gvaRecords(gva)) {
    batch.push({ origin: `gva-${id}`, record: { title, text, published, url } });
    if (batch.length === BATCH) flush();
  }
  flush();
  writeFileSync(recordsPath, `${lines.join('\n')}\n`);
  process.stdout.write(`analysed ${lines.length} articles in ${((performance.now() - started) / 1000).toFixed(0)} s into ${recordsPath}\n`);
  return lines;
}

const records = analysedLines().map((line) => JSON.parse(line) as AnalysisRecord);
const links = linkAll(records.map(linkItemOf));
const byId = new Map(records.map((r) => [r.id, r]));
const stories = new Map<string, StoryMember[]>();
for (const link of links) {
  const member: StoryMember = { ...byId.get(link.id)!, duplicate_of: link.duplicate_of };
  const list = stories.get(link.story);
  if (list) list.push(member);
  else stories.set(link.story, [member]);
}
const storyIds = [...stories.keys()].sort();
const articleCount = records.length;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** One round: composes every story; returns the CPU ms it took and the digest of all outputs. */
function round(): { ms: number; digest: string } {
  // Composed records are kept until all are done, as the store keeps them for one insert, and
  // hashed after the timed part.
  const composed: unknown[] = [];
  const started = cpuMs();
  for (const id of storyIds) composed.push(composeStory(id, stories.get(id)!));
  const ms = cpuMs() - started;
  const hash = createHash('sha256');
  for (const output of composed) hash.update(JSON.stringify(output)).update('\n');
  return { ms, digest: hash.digest('hex') };
}

const sizes = storyIds.map((id) => stories.get(id)!.length).sort((a, b) => a - b);
process.stdout.write(
  `bench/compose.ts (${values.dist ? 'dist/' : 'src/'}): ${articleCount} articles (seed ${seed}) in ${storyIds.length} stories (median ${sizes[sizes.length >> 1]}, largest ${sizes.at(-1)}); ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)}, Node ${process.version}\n`,
);
const first = round(); // warm-up, not counted
// Garbage collection while the rounds run (wall time of the collector's pauses, which the CPU time includes).
const gcMs = new Map<string, number>();
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks', 16: 'minor' };
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = GC_KINDS[(entry as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    gcMs.set(kind, (gcMs.get(kind) ?? 0) + entry.duration);
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  const { ms, digest } = round();
  if (digest !== first.digest) {
    process.stdout.write(`round ${r + 1} composed different output (${digest} vs ${first.digest}): composing depends on earlier calls\n`);
    process.exit(1);
  }
  times.push(ms);
}
await new Promise((resolve) => setTimeout(resolve, 100)); // the observer reports asynchronously
gcObserver.disconnect();
times.sort((a, b) => a - b);
const median = times[times.length >> 1]!;
process.stdout.write(
  `composeStory CPU, median of ${rounds} rounds (min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms): ${median.toFixed(0)} ms per round, ${(median / storyIds.length).toFixed(3)} ms/story, ${(median / articleCount).toFixed(3)} ms/article\n`,
);
const gcCells = [...gcMs].map(([kind, ms]) => `${kind} ${(ms / rounds).toFixed(0)}`).join(', ');
process.stdout.write(`garbage collection pauses per round (ms, hashing included): ${gcCells || 'none'}\nfingerprint ${first.digest}\n`);

if (values.out) writeFileSync(values.out, `${JSON.stringify({ docs, seed, gva, stories: storyIds.length, digest: first.digest })}\n`);
if (values.against) {
  const expected = JSON.parse(readFileSync(values.against, 'utf8')) as { docs: number; seed: number; gva?: number; digest: string };
  if (expected.docs !== docs || expected.seed !== seed || (expected.gva ?? 0) !== gva) {
    process.stdout.write(`${values.against} was written for --docs ${expected.docs} --seed ${expected.seed} --gva ${expected.gva ?? 0}\n`);
    process.exit(1);
  }
  if (expected.digest !== first.digest) {
    process.stdout.write(`DIFFERENT from ${values.against}: ${expected.digest}\n`);
    process.exit(1);
  }
  process.stdout.write(`identical to ${values.against}\n`);
}
