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
  // Small batches: many commits, so that a kill can land between them. Progress lines say when
  // the first document is through (the start-up before it — workers, migrations — holds nothing).
  return [bin, 'ingest', corpus, '--batch', '5', '--progress', ...target.args];
}

/**
 * Runs ingest; `killAfter(ms since start-up ended)` may kill it. Resolves with when its first
 * progress line came (start-up over) and when it ended, in ms since it was started.
 */
async function ingest(target: Target, killAfter?: number): Promise<{ startedUp: number; ended: number; code: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, ingestArgs(target), { env: target.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let startedUp = -1;
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (startedUp >= 0 || !/^ingested /m.test(stderr)) return;
    startedUp = Date.now() - started;
    if (killAfter !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  if (killAfter === undefined) expect(code, stderr).toBe(0);
  return { startedUp, ended: Date.now() - started, code };
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


/** How many articles a killed run left stored (0 when it left no database at all). */
function storedArticles(target: Target): number {
  const result = spawnSync(process.execPath, [bin, 'export', 'articles', ...target.args], { env: target.env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean).length : 0;
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
      const timing = await ingest(reference);
      const expected = snapshot(reference);
      expect(expected.articles!.length).toBeGreaterThan(30);
      expect(new Set(expected.articles).size).toBe(expected.articles!.length);
      // Kills land anywhere from the first analysed document to the end of linking.
      const working = timing.ended - timing.startedUp;
      const random = seeded(7);
      const kills: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const target = await backend.target(`run-${run}`);
        const at = Math.round(working * random());
        const killed = await ingest(target, at);
        kills.push(`${at} ms: ${killed.code === null ? `${storedArticles(target)} of ${expected.articles!.length} articles stored` : 'finished first'}`);
        await ingest(target);
        expect(snapshot(target), `killed ${at} ms after start-up`).toEqual(expected);
      }
      // Where the kills landed (before the first commit, between commits, or after the last).
      console.log(`${backend.name}: uninterrupted run ${timing.ended} ms, start-up ${timing.startedUp} ms; killed after start-up + ${kills.join('; ')}`);
      // Each run ingests the demo twice (killed, then again) and exports it: a few minutes at most on a loaded machine.
    }, Math.max(600_000, RUNS * 180_000));
  }
});
