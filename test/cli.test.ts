import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import { ndjson, runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// Fictional fixtures.
const story = 'Floods close the Marvale road\n\nAt least 12 people were killed on Thursday when the river burst its banks, officials said.';
const records = [
  { id: 'a', published: '2025-03-09', text: 'Up to 40 families fled Tarn on Friday, the mayor said.' },
  { id: 'b', published: 'yesterday', text: 'This record has an invalid date.' },
  { id: 'c', published: '2025-03-09T08:00:00Z', html: '<html><body><article><p>Dozens of people protested in Vell on Saturday against the new tax.</p></article></body></html>' },
];

describe('crosscheck analyze', () => {
  it('writes one contract record per document, in input order, and exit 1 when something was rejected', async () => {
    const txt = file('story.txt', story);
    const jsonl = file('records.jsonl', `${records.map((r) => JSON.stringify(r)).join('\n')}\n{broken json\n`);
    const run = await runCli(['analyze', txt, jsonl, '--workers', '1']);
    const out = ndjson<AnalysisRecord>(run.stdout);
    expect(out.map((r) => r.id)).toEqual([out[0]!.id, 'a', 'c']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/records\.jsonl:2.*published/);
    expect(run.stderr).toMatch(/records\.jsonl:4.*JSON/i);
    expect(run.stderr).toMatch(/analyzed 3 documents, 2 rejected/);
    for (const r of out) {
      expect(Object.keys(r)).toEqual(['id', 'url', 'source', 'title', 'published', 'lang', 'body', 'sentences', 'entities', 'times', 'numbers', 'places', 'quotes', 'events', 'claims']);
      for (const layer of [r.sentences, r.times, r.numbers]) for (const s of layer) expect(s.end).toBeGreaterThan(s.start);
    }
    const first = out[0]!;
    expect(first.title).toBe('Floods close the Marvale road');
    expect(first.body.startsWith('At least 12 people')).toBe(true);
    const a = out[1]!;
    expect(a.published).toEqual({ value: '2025-03-09', origin: 'input' });
    expect(a.times.find((t) => t.text.includes('Friday'))?.value).toBe('2025-03-07');
    expect(a.numbers.find((n) => n.text === 'Up to 40')).toMatchObject({ max: 40 });
  });

  it('writes progress lines to a non-terminal stderr only with --progress', async () => {
    const input = `${records.filter((r) => r.id !== 'b').map((r) => JSON.stringify(r)).join('\n')}\n`;
    const quiet = await runCli(['analyze', '-', '--workers', '1'], input);
    expect(quiet.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^analyzed 2 documents, 0 rejected, in /)]);
    const logged = await runCli(['analyze', '-', '--workers', '1', '--progress'], input);
    expect(logged.code).toBe(0);
    const lines = logged.stderr.split('\n').filter(Boolean);
    // The first document is reported at once (the next within the second are not), then the summary; no terminal codes.
    expect(lines[0]).toMatch(/^analyzed 1 documents, 0 rejected, \d+ documents\/s$/);
    expect(lines.at(-1)).toMatch(/^analyzed 2 documents, 0 rejected, in /);
    expect(logged.stderr).not.toMatch(/\x1b|\r/);
  });

  it('reads stdin with -', async () => {
    const run = await runCli(['analyze', '-', '--workers', '1'], JSON.stringify(records[0]) + '\n');
    expect(run.code).toBe(0);
    expect(ndjson<AnalysisRecord>(run.stdout).map((r) => r.id)).toEqual(['a']);
  });

  it.each([['analyze'], ['ingest'], ['watch'], ['export'], ['demo'], ['serve']])('%s --help exits 0 with usage', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: crosscheck/);
  });

  it.each([
    [['frobnicate'], /unknown command/],
    [['analyze'], /needs at least one PATH/],
    [['analyze', 'x', '--workers', 'zero'], /--workers needs a positive whole number/],
    [['analyze', '--bogus'], /Unknown option/],
    [['serve', '--rate-limit', 'lots'], /--rate-limit must be a whole number/],
    [['serve', '--rate-limit=-5'], /--rate-limit must be a whole number/],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a missing path is reported and the other paths still run', async () => {
    const txt = file('ok.txt', story);
    const run = await runCli(['analyze', join(dir, 'nope.txt'), txt, '--workers', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nope\.txt/);
    expect(ndjson(run.stdout)).toHaveLength(1);
  });
});

describe('crosscheck ingest and export (embedded database)', () => {
  it('is idempotent and exports what it stored', async () => {
    const db = join(dir, 'db');
    const jsonl = file('good.jsonl', [records[0], records[2]].map((r) => JSON.stringify(r)).join('\n'));
    const first = await runCli(['ingest', jsonl, '--db', db, '--workers', '1']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/2 new, 0 updated, 0 unchanged/);
    const second = await runCli(['ingest', jsonl, '--db', db, '--workers', '1']);
    expect(second.stderr).toMatch(/0 new, 0 updated, 2 unchanged/);
    const exported = await runCli(['export', 'articles', '--db', db]);
    expect(exported.code).toBe(0);
    const rows = ndjson<AnalysisRecord & { story: string | null; duplicate_of: string | null }>(exported.stdout);
    expect(rows.map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(rows[0]).toHaveProperty('duplicate_of', null);
  });
});

describe('the built bin (worker threads)', () => {
  const bin = join(process.cwd(), 'dist', 'cli', 'main.js');
  beforeAll(() => {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  });

  it('keeps input order across workers and matches the in-thread output', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `doc-${i}`, published: '2025-03-09', text: `Report ${i}: about ${i + 10} people gathered in Vell on Monday.` }));
    const jsonl = file('many.jsonl', lines.join('\n'));
    const result = spawnSync(process.execPath, [bin, 'analyze', jsonl, '--workers', '2'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const viaWorkers = ndjson<AnalysisRecord>(result.stdout);
    expect(viaWorkers.map((r) => r.id)).toEqual(lines.map((_, i) => `doc-${i}`));
    const inThread = ndjson<AnalysisRecord>((await runCli(['analyze', jsonl, '--workers', '1'])).stdout);
    expect(viaWorkers).toEqual(inThread);
    expect(result.stderr).toMatch(/analyzed 30 documents, 0 rejected, in [\d.]+ s \([\d.]+ documents\/s\)/);
  });
});
