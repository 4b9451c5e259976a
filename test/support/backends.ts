/**
 * The two store back ends every store test runs against: embedded PGlite in a temp dir and a real
 * PostgreSQL server started by ./pg-server.ts. Each test asks for a fresh database of its own.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { openPgliteClient } from '../../src/store/pglite-client.js';
import { openPostgresClient } from '../../src/store/pg-client.js';
import type { SqlClient } from '../../src/store/sql-client.js';
import { requirePgOrSkip, startPgServer, type PgServer } from './pg-server.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  available: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh database: for PGlite a copy of the template, for PostgreSQL a new, empty database. */
  fresh(): Promise<StoreOptions>;
  rawClient(options: StoreOptions): Promise<SqlClient>;
}

/**
 * PGlite's initdb takes seconds, so each test's database is a copy of one template folder that
 * `prepareTemplate` creates once (migrated or not, as the suite needs).
 */
export function pgliteBackend(prepareTemplate: (dir: string) => Promise<void>): Backend {
  let root = '';
  let template = '';
  let counter = 0;
  return {
    name: 'pglite',
    available: true,
    async setUp() {
      root = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
      template = join(root, 'template');
      await prepareTemplate(template);
    },
    async tearDown() {
      if (root) rmSync(root, { recursive: true, force: true });
    },
    async fresh() {
      const dbDir = join(root, `db-${++counter}`);
      cpSync(template, dbDir, { recursive: true });
      return { dbDir };
    },
    rawClient: (options) => openPgliteClient(options.dbDir as string),
  };
}

export function postgresBackend(): Backend {
  let server: PgServer | null = null;
  return {
    name: 'postgres',
    available: requirePgOrSkip(),
    async setUp() {
      server = await startPgServer();
    },
    async tearDown() {
      await server?.stop();
    },
    async fresh() {
      if (!server) throw new Error('server not started');
      return { databaseUrl: await server.createDatabase() };
    },
    rawClient: (options) => openPostgresClient(options.databaseUrl as string),
  };
}

/** Opens a store, runs `work` on it and closes it, whatever happens. */
export async function withStore<T>(options: StoreOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
