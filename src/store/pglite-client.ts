import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { StoreError, messageOf } from './errors.js';
import type { SqlClient, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-client.js';

/** PGlite is single-process: a second process opening the same directory would corrupt it. */
const LOCK_FILE = 'crosscheck.lock';

/** True when `dir` holds an embedded database (so that read-only commands never create one). */
export function embeddedDatabaseExists(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

export async function openPgliteClient(dir: string): Promise<SqlClient> {
  const dataDir = resolve(dir);
  prepareDataDir(dataDir);
  const lockPath = acquireLock(dataDir);
  let db: PGlite;
  try {
    db = await createOrOpen(dataDir);
  } catch (error) {
    releaseLock(lockPath);
    throw new StoreError(`cannot open the embedded database in ${dataDir}: ${messageOf(error)}`, { cause: error });
  }
  return new PgliteClient(db, lockPath);
}

/**
 * A new embedded database costs an initdb inside WebAssembly (5–15 s here). The freshly initialised
 * data directory is the same every time for one PGlite version, so the first one is kept as a
 * tarball in the user's cache and later databases start from it (~1.5 s). The file name carries the
 * pinned PGlite version; a missing or unwritable cache only costs time.
 */
const TEMPLATE_NAME = 'pglite-0.5.14-initdb.tar.gz';

function templatePath(): string {
  return join(process.env.CROSSCHECK_CACHE ?? join(homedir(), '.cache', 'crosscheck'), TEMPLATE_NAME);
}

async function createOrOpen(dataDir: string): Promise<PGlite> {
  if (embeddedDatabaseExists(dataDir)) return PGlite.create(dataDir);
  const template = templatePath();
  if (existsSync(template)) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(template)]) });
    } catch {
      // A damaged template: fall back to initdb below (and replace it).
      for (const name of readdirSync(dataDir)) if (name !== LOCK_FILE) rmSync(join(dataDir, name), { recursive: true, force: true });
    }
  }
  const db = await PGlite.create(dataDir);
  await saveTemplate(db, template);
  return db;
}

async function saveTemplate(db: PGlite, template: string): Promise<void> {
  try {
    const dump = await db.dumpDataDir('gzip');
    mkdirSync(join(template, '..'), { recursive: true });
    const partial = `${template}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, template);
  } catch {
    // The cache is an optimisation only.
  }
}

class PgliteClient implements SqlClient {
  readonly kind = 'pglite' as const;
  constructor(
    private readonly db: PGlite,
    private readonly lockPath: string,
  ) {}

  query<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    return runOn(this.db, sql, params);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work({ query: (sql, params = []) => runOn(tx, sql, params) }));
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      releaseLock(this.lockPath);
    }
  }
}

async function runOn<Row extends SqlRow>(
  target: PGlite | Transaction,
  sql: string,
  params: readonly SqlValue[],
): Promise<SqlResult<Row>> {
  const result = await target.query<Row>(sql, [...params]);
  return { rows: result.rows };
}

function prepareDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new StoreError(`cannot create the database directory ${dataDir}: ${messageOf(error)}`, { cause: error });
    }
    return;
  }
  if (!statSync(dataDir).isDirectory()) throw new StoreError(`${dataDir} is not a directory`);
  const foreign = readdirSync(dataDir).filter((name) => name !== LOCK_FILE);
  if (foreign.length > 0 && !embeddedDatabaseExists(dataDir)) {
    throw new StoreError(
      `${dataDir} is not empty and holds no crosscheck database; choose an empty or new directory with --db`,
    );
  }
}

function acquireLock(dataDir: string): string {
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return lockPath;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`cannot lock the database in ${dataDir}: ${messageOf(error)}`, { cause: error });
      }
      const holder = lockHolder(lockPath);
      if (holder !== null && processIsAlive(holder)) {
        throw new StoreError(
          `the database in ${dataDir} is in use by process ${holder}; an embedded database serves one process at a ` +
            `time (stop it, or use a PostgreSQL server via DATABASE_URL; if no crosscheck is running, delete ${lockPath})`,
        );
      }
      rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
  throw new StoreError(`cannot lock the database in ${dataDir}: another process keeps taking the lock`);
}

function lockHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(lockPath: string): void {
  if (lockHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
}
