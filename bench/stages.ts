/**
 * `npx tsx bench/stages.ts [-- --docs N --seed S --gva N --rounds R --dist]`: CPU milliseconds per
 * document of each analysis stage (extraction, then the stages of `src/pipeline/analyze.ts`), over
 * deterministic synthetic articles and, when the dataset is present, the first GVA documents.
 * CPU time (`process.cpuUsage()`) rather than wall time, so that other load on the machine barely
 * moves the numbers. A warm-up round (model loads, JIT, word caches) is run and not counted.
 * `--dist` imports the compiled `dist/` modules, which is what users run (`npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Document, InputRecord, Stage } from '../src/document.js';
import { datasetDir } from '../eval/datasets.js';
import { generateArticles } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '400' },
    seed: { type: 'string', default: '7' },
    gva: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    dist: { type: 'boolean', default: false },
  },
});

type Extract = (origin: string, record: InputRecord, options: { now: Date }) => Document;

interface Modules {
  extract: Extract;
  stages: readonly (readonly [name: string, stage: Stage])[];
}

async function loadModules(fromDist: boolean): Promise<Modules> {
  const root = fromDist ? '../dist' : '../src';
  const ext = (path: string): string => new URL(`${root}/${path}.js`, import.meta.url).href;
  const extractModule = (await import(ext('extract/index'))) as { extractDocument: Extract };
  const stage = async (path: string, name: string): Promise<Stage> =>
    ((await import(ext(path))) as Record<string, Stage>)[name]!;
  return {
    extract: extractModule.extractDocument,
    stages: [
      ['sentences', await stage('annotate/sentences', 'annotateSentences')],
      ['ner', await stage('annotate/ner/index', 'annotateEntities')],
      ['entities', await stage('annotate/entities/index', 'annotateCanonicalEntities')],
      ['places', await stage('annotate/places', 'annotatePlaces')],
      ['times', await stage('annotate/times', 'annotateTimes')],
      ['numbers', await stage('annotate/numbers', 'annotateNumbers')],
      ['quotes', await stage('annotate/quotes', 'annotateQuotes')],
      ['events', await stage('annotate/events', 'annotateEvents')],
      ['claims', await stage('annotate/claims', 'annotateClaims')],
    ],
  };
}

function gvaRecords(limit: number): InputRecord[] {
  const dir = limit > 0 ? datasetDir('incidents-gva') : null;
  if (!dir) return [];
  const lines = readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  // Documents with an empty body would be rejected by extraction: they are skipped, not timed.
  const records = lines.slice(0, limit).map((line) => ({ text: (JSON.parse(line) as { content: string }).content }));
  return records.filter((record) => record.text.trim() !== '');
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU ms spent in each stage (extraction first) over all records, one round. */
function timeRound(modules: Modules, records: readonly InputRecord[]): number[] {
  const totals = new Array<number>(modules.stages.length + 1).fill(0);
  const now = new Date('2025-06-01T00:00:00Z');
  records.forEach((record, i) => {
    let t = cpuMs();
    let doc = modules.extract(`bench#${i}`, record, { now });
    totals[0]! += cpuMs() - t;
    modules.stages.forEach(([, stage], s) => {
      t = cpuMs();
      doc = stage(doc);
      totals[s + 1]! += cpuMs() - t;
    });
  });
  return totals;
}

/** Documents the pipeline rejects (nothing left after cruft removal) are skipped, not timed. */
function analysable(modules: Modules, records: readonly InputRecord[]): InputRecord[] {
  const now = new Date('2025-06-01T00:00:00Z');
  return records.filter((record, i) => {
    try {
      modules.extract(`bench#${i}`, record, { now });
      return true;
    } catch {
      return false;
    }
  });
}

function report(label: string, modules: Modules, all: readonly InputRecord[], rounds: number): void {
  const records = analysable(modules, all);
  if (records.length === 0) return;
  timeRound(modules, records); // warm-up, not counted
  const sums = new Array<number>(modules.stages.length + 1).fill(0);
  for (let r = 0; r < rounds; r++) timeRound(modules, records).forEach((ms, k) => (sums[k]! += ms));
  const names = ['extraction', ...modules.stages.map(([name]) => name)];
  const perDoc = sums.map((ms) => ms / rounds / records.length);
  const total = perDoc.reduce((a, b) => a + b, 0);
  const cells = names.map((name, k) => `${name} ${perDoc[k]!.toFixed(3)}`).join('  ');
  console.log(`${label} (${records.length} docs × ${rounds} rounds, CPU ms/doc): ${cells}  total ${total.toFixed(3)}`);
}

const modules = await loadModules(values.dist);
const rounds = Number(values.rounds);
const synthetic = generateArticles(Number(values.docs), Number(values.seed)).map(
  ({ title, text, published, source, url }) => ({ title, text, published, source, url }),
);
console.log(`code: ${values.dist ? 'dist/ (compiled)' : 'src/ (tsx)'}`);
report('synthetic', modules, synthetic, rounds);
report('gva', modules, gvaRecords(Number(values.gva)), rounds);
