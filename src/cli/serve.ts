/** `crosscheck serve`: the HTTP API (and the web UI when it is built) over a stored database. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApi, DEFAULT_RATE_LIMIT } from '../serve/app.js';
import { storeBackend } from '../serve/store-backend.js';
import { DEFAULT_DB_DIR, embeddedDatabaseExists, openStore, type Store, type StoreOptions } from '../store/index.js';
import { EXIT, write, type CliIO } from './io.js';

export const SERVE_HELP = `Usage: crosscheck serve [--db DIR] [--host HOST] [--port PORT] [--rate-limit N]

Serves the HTTP API (OpenAPI document at /openapi.json) and, when built, the web UI, over the
stored database. Runs until interrupted (Ctrl-C).

Options:
  --db DIR       embedded database folder (default ${DEFAULT_DB_DIR}); ignored when DATABASE_URL is set
  --host HOST    interface to listen on (default 127.0.0.1: this machine only)
  --port PORT    port (default 8080; 0 picks a free one)
  --rate-limit N requests per minute one client (IP address) may make (default ${DEFAULT_RATE_LIMIT});
                 0 turns the limit off
  -h, --help     show this help

Writing (POST /api/documents) needs a token: start with CROSSCHECK_TOKEN=<a long random string>
and send "Authorization: Bearer <that string>". Without it, the API is read-only.
`;

const DEFAULT_PORT = 8080;

/** Where `npm run build` puts the web UI, if it has been built. */
export const UI_DIST = fileURLToPath(new URL('../ui', import.meta.url));

export interface Serving {
  app: FastifyInstance;
  url: string;
  store: Store;
}

/** Starts the API over `store`; the caller closes `app` and the store. */
export interface ServerOptions {
  host: string;
  port: number;
  token: string | null;
  /** Per client; null: no limit. */
  requestsPerMinute?: number | null;
}

export async function startServer(store: Store, options: ServerOptions): Promise<Serving> {
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const app = await buildApi(storeBackend(store), {
    token: options.token, version, uiDir: existsSync(UI_DIST) ? UI_DIST : null, requestsPerMinute: options.requestsPerMinute,
  });
  const url = await app.listen({ host: options.host, port: options.port });
  return { app, url, store };
}

export async function runServe(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, 'rate-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    await write(io.stdout, SERVE_HELP);
    return EXIT.ok;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`crosscheck serve: --port must be a number from 0 to 65535, not "${values.port}"\n`);
    return EXIT.usage;
  }
  const limit = values['rate-limit'] === undefined ? DEFAULT_RATE_LIMIT : Number(values['rate-limit']);
  if (!Number.isInteger(limit) || limit < 0) {
    io.stderr.write(`crosscheck serve: --rate-limit must be a whole number of requests per minute (0: no limit), not "${values['rate-limit']}"\n`);
    return EXIT.usage;
  }
  const options: StoreOptions = process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dbDir: values.db ?? DEFAULT_DB_DIR };
  if (options.dbDir && !embeddedDatabaseExists(options.dbDir)) {
    io.stderr.write(`crosscheck serve: no database in ${options.dbDir} (run "crosscheck ingest" or "crosscheck demo" first, or pass --db DIR)\n`);
    return EXIT.usage;
  }
  const store = await openStore(options);
  const token = process.env.CROSSCHECK_TOKEN?.trim() || null;
  const serving = await startServer(store, { host: values.host ?? '127.0.0.1', port, token, requestsPerMinute: limit === 0 ? null : limit });
  await announce(serving, token, io);
  await untilInterrupted();
  await serving.app.close();
  await store.close();
  return EXIT.ok;
}

export async function announce(serving: Serving, token: string | null, io: CliIO): Promise<void> {
  const ui = existsSync(UI_DIST) ? `web UI: ${serving.url}/` : 'web UI: not built (npm run build)';
  await write(io.stdout, `crosscheck serving ${ui}\nAPI: ${serving.url}/api/stories  OpenAPI: ${serving.url}/openapi.json\n`);
  io.stderr.write(token ? 'POST /api/documents is open to requests with the CROSSCHECK_TOKEN bearer token.\n'
    : 'Read-only: set CROSSCHECK_TOKEN=<a long random string> to allow POST /api/documents.\n');
  io.stderr.write('Press Ctrl-C to stop.\n');
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
