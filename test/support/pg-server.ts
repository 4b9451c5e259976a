/**
 * A throwaway PostgreSQL server for tests: initdb a temp cluster, start it on 127.0.0.1 on a free
 * port, hand out fresh databases, then stop it and delete everything.
 *
 * `pgBinDir` is found synchronously so that suites can `describe.skipIf(!pgBinDir)`. When no
 * binaries exist the server suites are skipped with a message — unless CROSSCHECK_REQUIRE_PG=1
 * (CI), where `requirePgOrSkip` throws so that a missing PostgreSQL cannot pass silently.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

const PG_TOOLS = ['initdb', 'pg_ctl'] as const;

export const pgRequired = process.env.CROSSCHECK_REQUIRE_PG === '1';

export const pgBinDir: string | null = findPgBinDir();

/** Call at module level of a test file: false (with a message) means skip the server suites. */
export function requirePgOrSkip(): boolean {
  if (pgBinDir) return true;
  const message = `PostgreSQL server tests: no initdb/pg_ctl ${process.env.CROSSCHECK_PG_BINDIR ? `in ${process.env.CROSSCHECK_PG_BINDIR}` : 'on PATH or in /usr/lib/postgresql/*/bin'}`;
  if (pgRequired) throw new Error(`${message}, but CROSSCHECK_REQUIRE_PG=1`);
  process.stderr.write(`${message}; skipped (set CROSSCHECK_REQUIRE_PG=1 to make this a failure)\n`);
  return false;
}

export interface PgServer {
  /** Creates an empty database and returns its connection URL. */
  createDatabase(): Promise<string>;
  /** Stops the server at once (as a crash would: `-m immediate`), waits `downMs`, starts it again on the same port. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** CROSSCHECK_PG_BINDIR pins one directory (e.g. to pick a version); otherwise PATH, then Debian's layout. */
function findPgBinDir(): string | null {
  const pinned = process.env.CROSSCHECK_PG_BINDIR;
  if (pinned) return PG_TOOLS.every((tool) => isExecutable(join(pinned, tool))) ? pinned : null;
  const fromPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const packaged = listVersionDirs('/usr/lib/postgresql').map((version) => join('/usr/lib/postgresql', version, 'bin'));
  return [...fromPath, ...packaged].find((dir) => PG_TOOLS.every((tool) => isExecutable(join(dir, tool)))) ?? null;
}

/** Highest major version first. */
function listVersionDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: as root, run the tools as `postgres` (or `nobody`). */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const ids = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (ids.status === 0 && gids.status === 0) return { name, uid: Number(ids.stdout.trim()), gid: Number(gids.stdout.trim()) };
  }
  throw new Error('running as root, but neither a "postgres" nor a "nobody" user exists to run PostgreSQL');
}

function commandLine(user: { name: string } | null, binDir: string, tool: string, args: string[]): [string, string[]] {
  const path = join(binDir, tool);
  return user ? ['runuser', ['-u', user.name, '--', path, ...args]] : [path, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const SUPERUSER = 'crosscheck';

export async function startPgServer(): Promise<PgServer> {
  if (!pgBinDir) throw new Error('no PostgreSQL binaries');
  const binDir = pgBinDir;
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-pg-'));
  if (user) chownSync(root, user.uid, user.gid);
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  const tool = (name: string, args: string[]) => {
    const [file, argv] = commandLine(user, binDir, name, args);
    return run(file, argv, { encoding: 'utf8' });
  };

  try {
    await tool('initdb', ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as Error).message}`);
  }

  let port = 0;
  let lastError: unknown = null;
  const serverOptionsFor = (candidate: number) => `-k ${root} -p ${candidate} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  for (let attempt = 0; attempt < 3 && port === 0; attempt++) {
    const candidate = await freePort();
    try {
      await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptionsFor(candidate), '-w', '-t', '60', 'start']);
      port = candidate;
    } catch (error) {
      lastError = error; // most likely the port was taken between probing and starting
    }
  }
  if (port === 0) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`pg_ctl start failed: ${(lastError as Error)?.message}\n${log}`);
  }

  const stopSync = () => {
    const [file, argv] = commandLine(user, binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    try {
      execFileSync(file, argv, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(root, { recursive: true, force: true });
  };
  // A crashed test run must not leave a server behind.
  process.once('exit', stopSync);

  const baseUrl = `postgres://${SUPERUSER}@127.0.0.1:${port}`;
  let counter = 0;
  return {
    async createDatabase() {
      const name = `crosscheck_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: `${baseUrl}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `${baseUrl}/${name}`;
    },
    async restart(downMs: number) {
      await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptionsFor(port), '-w', '-t', '60', 'start']);
    },
    async stop() {
      process.off('exit', stopSync);
      stopSync();
    },
  };
}
