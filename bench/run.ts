/**
 * `npm run bench [-- --docs N --ingest-docs N --write]` (N = 0 skips that run): throughput of `crosscheck analyze` and
 * `crosscheck ingest` (embedded PGlite) on deterministic synthetic ~600-word articles, with peak
 * RSS of the whole process (worker threads included). `--write` records the printed table in
 * docs/performance.md. Runs the built CLI (`dist/`), exactly as a user would.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleStream } from './generate.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '4000' },
    'ingest-docs': { type: 'string', default: '2000' },
    workers: { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});

interface Run {
  label: string;
  docs: number;
  words: number;
  seconds: number;
  peakRssMb: number;
  exitCode: number;
}

async function writeCorpus(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  let words = 0;
  for (const record of articleStream(n, 42)) {
    words += record.text.split(/\s+/).length;
    if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return words;
}

/** Peak resident set of a process from /proc (VmHWM is the high-water mark, threads included). */
function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function timeCommand(label: string, args: string[], docs: number, words: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const poll = setInterval(() => {
    const rss = child.pid !== undefined ? peakRssMb(child.pid) : null;
    if (rss !== null) peak = Math.max(peak, rss);
  }, 50);
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (exitCode !== 0) process.stderr.write(`${label} exited with ${exitCode}:\n${stderr.slice(-2000)}\n`);
  return { label, docs, words, seconds, peakRssMb: peak, exitCode };
}

const loadAtStart = loadavg()[0] ?? 0;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
try {
  const nAnalyze = Number(values.docs);
  const nIngest = Number(values['ingest-docs']);
  const workerArgs = values.workers ? ['--workers', values.workers] : [];
  const analyzeFile = join(dir, 'analyze.jsonl');
  const ingestFile = join(dir, 'ingest.jsonl');
  const analyzeWords = await writeCorpus(analyzeFile, nAnalyze);
  const ingestWords = await writeCorpus(ingestFile, nIngest);
  const runs: Run[] = [];
  if (nAnalyze > 0) runs.push(await timeCommand('analyze', ['analyze', analyzeFile, ...workerArgs], nAnalyze, analyzeWords));
  if (nIngest > 0) runs.push(await timeCommand('ingest (PGlite, new database)', ['ingest', ingestFile, '--db', join(dir, 'db'), ...workerArgs], nIngest, ingestWords));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const words = Math.round((analyzeWords + ingestWords) / Math.max(1, nAnalyze + nIngest));
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${loadAtStart.toFixed(1)} at the start; synthetic articles of ~${words} words (bench/generate.ts, seed 42); command: npm run bench -- ${process.argv.slice(2).join(' ')}`,
    '',
    '| command | documents | seconds | documents/s | words/s | peak RSS (MB) | exit |',
    '|---|---|---|---|---|---|---|',
    ...runs.map((r) => `| ${r.label} | ${r.docs} | ${r.seconds.toFixed(1)} | ${(r.docs / r.seconds).toFixed(0)} | ${(r.words / r.seconds).toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.exitCode} |`),
  ];
  const table = lines.join('\n');
  process.stdout.write(`${table}\n`);
  if (values.write) {
    const path = 'docs/performance.md';
    const doc = readFileSync(path, 'utf8');
    const begin = '<!-- bench:begin -->';
    const end = '<!-- bench:end -->';
    const at = doc.indexOf(begin);
    const to = doc.indexOf(end);
    if (at < 0 || to < 0) throw new Error(`${path} lacks the ${begin} … ${end} markers`);
    writeFileSync(path, `${doc.slice(0, at + begin.length)}\n${table}\n${doc.slice(to)}`);
    process.stderr.write(`written to ${path}\n`);
  }
  if (runs.some((r) => r.exitCode !== 0)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
