/**
 * `npx tsx bench/fingerprint.ts [--out FILE] [--against FILE] [--dist]`: the analysis output of a
 * fixed corpus, one digest per document and layer, so that a change meant only to make a stage
 * faster can be shown to change nothing. Run it once before the change with `--out before.json`,
 * then after it with `--against before.json`: it prints every document and layer that differs
 * (and exits 1), or that all are identical.
 *
 * The corpus: deterministic synthetic articles (bench/generate.ts), plus, when the datasets are
 * present, GVA documents (plain text), WCXB pages (HTML) and ACLED notes. Nothing from the datasets
 * is written out: only digests of our own output.
 *
 * `--shuffle SEED` analyses the same documents in another order (digests stay keyed by document):
 * comparing a shuffled run against a run in corpus order shows whether any document's output
 * depends on what the process analysed before it, which two runs in the same order cannot show.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { AnalysisRecord, InputRecord, Origin } from '../src/document.js';
import { datasetDir } from '../eval/datasets.js';
import { parseCsv } from '../eval/csv.js';
import { generateArticles } from './generate.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    against: { type: 'string' },
    dist: { type: 'boolean', default: false },
    synthetic: { type: 'string', default: '200' },
    gva: { type: 'string', default: '400' },
    wcxb: { type: 'string', default: '150' },
    acled: { type: 'string', default: '300' },
    shuffle: { type: 'string' },
  },
});

type Analyze = (origin: Origin, record: InputRecord, now: Date) => AnalysisRecord;
type Digests = Record<string, Record<string, string>>;

const NOW = new Date('2026-01-01T00:00:00Z');
const LAYERS = ['body', 'title', 'published', 'source', 'sentences', 'entities', 'places', 'times', 'numbers', 'quotes', 'events', 'claims'] as const;

function corpus(): Array<[id: string, record: InputRecord]> {
  const out: Array<[string, InputRecord]> = [];
  for (const r of generateArticles(Number(values.synthetic), 7)) out.push([r.id, r]);
  const gva = Number(values.gva) > 0 ? datasetDir('incidents-gva') : null;
  if (gva) {
    const lines = readFileSync(join(gva, 'documents.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    lines.slice(0, Number(values.gva)).forEach((line, i) => {
      const row = JSON.parse(line) as { content: string };
      out.push([`gva-${i}`, { text: row.content }]);
    });
  }
  const wcxb = Number(values.wcxb) > 0 ? datasetDir('extraction-wcxb') : null;
  if (wcxb) {
    const files = readdirSync(join(wcxb, 'test', 'html')).filter((f) => f.endsWith('.html.gz')).sort();
    for (const file of files.slice(0, Number(values.wcxb))) {
      const html = gunzipSync(readFileSync(join(wcxb, 'test', 'html', file))).toString('utf8');
      out.push([`wcxb-${file}`, { html }]);
    }
  }
  const acled = Number(values.acled) > 0 ? datasetDir('events-acled') : null;
  if (acled) {
    const file = readdirSync(acled).find((f) => f.endsWith('.csv'))!;
    const [header = [], ...rows] = parseCsv(readFileSync(join(acled, file), 'utf8'));
    const notesAt = header.indexOf('notes');
    rows.slice(0, Number(values.acled)).forEach((row, i) => {
      const notes = row[notesAt] ?? '';
      if (notes.trim() !== '') out.push([`acled-${i}`, { text: notes }]);
    });
  }
  return out;
}

/** `items` in a random order drawn from `seed` (mulberry32, Fisher–Yates): the same seed, the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 16);
}

async function main(): Promise<void> {
  const root = values.dist ? '../dist' : '../src';
  const { analyzeRecord } = (await import(new URL(`${root}/pipeline/analyze.js`, import.meta.url).href)) as {
    analyzeRecord: Analyze;
  };
  const digests: Digests = {};
  const documents = values.shuffle === undefined ? corpus() : shuffled(corpus(), Number(values.shuffle));
  for (const [id, record] of documents) {
    try {
      const analysis = analyzeRecord(id, record, NOW);
      const layers: Record<string, string> = {};
      for (const layer of LAYERS) layers[layer] = digest(analysis[layer]);
      digests[id] = layers;
    } catch (error) {
      digests[id] = { rejected: String((error as Error).message).slice(0, 200) };
    }
  }
  const count = Object.keys(digests).length;
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(digests));
    console.log(`${count} documents fingerprinted → ${values.out}`);
  }
  if (values.against) {
    const before = JSON.parse(readFileSync(values.against, 'utf8')) as Digests;
    const differing: string[] = [];
    for (const id of new Set([...Object.keys(before), ...Object.keys(digests)])) {
      const a = before[id] ?? {};
      const b = digests[id] ?? {};
      const layers = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
      if (layers.length > 0) differing.push(`${id}: ${layers.join(', ')}`);
    }
    if (differing.length === 0) console.log(`${count} documents: output identical to ${values.against}`);
    else {
      console.log(`${differing.length} of ${count} documents differ from ${values.against}:`);
      for (const line of differing.slice(0, 50)) console.log(`  ${line}`);
      process.exitCode = 1;
    }
  }
}

await main();
