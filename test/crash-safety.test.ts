/**
 * Crash safety (issue 7): `crosscheck ingest` killed with SIGKILL at a random moment, then run
 * again, leaves exactly what one uninterrupted run leaves — no article lost, duplicated or
 * half-written, no event counted twice. The built bin runs as a user would run it, on both back
 * ends. Runs per back end: CROSSCHECK_CRASH_RUNS (default 3; issue 7's target is 50).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePgOrSkip, startPgServer, type PgServer } from './support/pg-server.js';
import { seeded } from './support/seeded.js';

const bin = join(process.cwd(), 'dist', 'cli', 'main.js');
const corpus = join(process.cwd(), 'examples', 'demo');
const RUNS = Number(process.env.CROSSCHECK_CRASH_RUNS ?? 3);
const EXPORTS = ['articles', 'stories', 'events', 'claims'] as const;

/** Where a run stores: a PGlite folder or a PostgreSQL database. */
type Target = { args: string[]; env: NodeJS.ProcessEnv };

function ingestArgs(target: Target): string[] {
  // Small batches: many commits, so that a kill can land between them.
  return [bin, 'ingest', corpus, '--batch', '5', ...target.args];
}

/** Every stored view, exported and sorted line by line (export order is not the point). */
function snapshot(target: Target): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const kind of EXPORTS) {
    const result = spawnSync(process.execPath, [bin, 'export', kind, ...target.args], { env: target.env, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(result.status, result.stderr).toBe(0);
    out[kind] = result.stdout.split('\n').filter(Boolean).sort();
  }
  return out;
}


async function killedAfter(target: Target, ms: number): Promise<void> {
  const child = spawn(process.execPath, ingestArgs(target), { env: target.env, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  clearTimeout(timer);
}

/** How many articles a killed run left stored (0 when it left no database at all). */
function storedArticles(target: Target): number {
  const result = spawnSync(process.execPath, [bin, 'export', 'articles', ...target.args], { env: target.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean).length : 0;
}

function completeRun(target: Target): number {
  const started = Date.now();
  const result = spawnSync(process.execPath, ingestArgs(target), { env: target.env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return Date.now() - started;
}

describe('ingest killed with SIGKILL and run again', () => {
  let root = '';
  let server: PgServer | null = null;
  const postgres = requirePgOrSkip();

  beforeAll(async () => {
    execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    root = mkdtempSync(join(tmpdir(), 'crosscheck-crash-'));
    if (postgres) server = await startPgServer();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const backends: Array<{ name: string; available: () => boolean; target: (run: string) => Promise<Target> }> = [
    { name: 'pglite', available: () => true, target: async (run) => ({ args: ['--db', join(root, run)], env: { ...process.env, DATABASE_URL: '' } }) },
    {
      name: 'postgres',
      available: () => postgres,
      target: async () => ({ args: [], env: { ...process.env, DATABASE_URL: await server!.createDatabase() } }),
    },
  ];

  for (const backend of backends) {
    it.skipIf(!backend.available())(`on ${backend.name}: ${RUNS} random kills leave what an uninterrupted run leaves`, async () => {
      const reference = await backend.target('reference');
      const duration = completeRun(reference);
      const expected = snapshot(reference);
      expect(expected.articles!.length).toBeGreaterThan(30);
      expect(new Set(expected.articles).size).toBe(expected.articles!.length);
      const random = seeded(7);
      const kills: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const target = await backend.target(`run-${run}`);
        const at = Math.round(duration * (0.2 + 0.8 * random()));
        await killedAfter(target, at);
        kills.push(`${at} ms: ${storedArticles(target)} of ${expected.articles!.length} articles stored`);
        completeRun(target);
        expect(snapshot(target), `killed after ${at} ms`).toEqual(expected);
      }
      // Where the kills landed (before the first commit, between commits, or after the last).
      console.log(`${backend.name}: uninterrupted run ${duration} ms; killed after ${kills.join('; ')}`);
      // Each run ingests the demo twice (killed, then again) and exports it: a few minutes at most on a loaded machine.
    }, Math.max(600_000, RUNS * 180_000));
  }
});
