/** `crosscheck export KIND`: stored records on stdout, streamed (memory stays flat for any database size). */
import { parseArgs } from 'node:util';
import {
  DEFAULT_DB_DIR,
  StoreError,
  embeddedDatabaseExists,
  openStore,
  type StoreOptions,
  type StoredArticle,
} from '../store/index.js';
import { once } from 'node:events';
import { EXIT } from './io.js';

export const EXPORT_HELP = `Usage: crosscheck export KIND [--db DIR] [--format ndjson|csv]

Writes stored records to stdout, first ingested first.

KIND:
  articles    the Analysis record of every stored article plus "story" and "duplicate_of"
  stories, events, claims, entities
              not available yet (each arrives with its feature)

Options:
  --db DIR         embedded database folder (default ${DEFAULT_DB_DIR}); ignored when the
                   environment variable DATABASE_URL=postgres://... names a PostgreSQL server
  --format FORMAT  ndjson (default): one JSON object per line, fields in the contract's order
                   csv: RFC 4180 with a header row and the columns
                        id,url,source,domain,title,published,origin,lang,story,duplicate_of,body
  -h, --help       show this help

Exit codes: 0 success, 2 usage error or no database. Never creates a database.
`;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** Kinds of the contract whose data arrives with a later feature: said plainly instead of an empty export. */
const PENDING_KINDS: Readonly<Record<string, string>> = {
  stories: 'story linking',
  events: 'cross-article event merging',
  claims: 'the claims ledger',
  entities: 'cross-article entity linking',
};

interface CsvColumn {
  name: string;
  value: (article: StoredArticle) => string | null;
}

const articleCsvColumns: readonly CsvColumn[] = [
  { name: 'id', value: (a) => a.id },
  { name: 'url', value: (a) => a.url },
  { name: 'source', value: (a) => a.source?.name ?? null },
  { name: 'domain', value: (a) => a.source?.domain ?? null },
  { name: 'title', value: (a) => a.title },
  { name: 'published', value: (a) => a.published?.value ?? null },
  { name: 'origin', value: (a) => a.published?.origin ?? null },
  { name: 'lang', value: (a) => a.lang },
  { name: 'story', value: (a) => a.story },
  { name: 'duplicate_of', value: (a) => a.duplicate_of },
  { name: 'body', value: (a) => a.body },
];

type Encoder = { header: string | null; encode: (article: StoredArticle) => string };

const ARTICLE_ENCODERS: Readonly<Record<string, Encoder>> = {
  ndjson: { header: null, encode: (article) => `${JSON.stringify(article)}\n` },
  csv: { header: csvLine(articleCsvColumns.map((c) => c.name)), encode: (a) => csvLine(articleCsvColumns.map((c) => c.value(a))) },
};

/** `argv` is what follows `export` on the command line. Returns the exit code. */
export async function runExport(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EXPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return usageError(io, 'expected exactly one KIND (articles)');
  const kind = positionals[0] as string;
  const pending = PENDING_KINDS[kind];
  if (pending) {
    io.stderr.write(`crosscheck export ${kind}: not available yet: arrives with ${pending}\n`);
    return EXIT.usage;
  }
  if (kind !== 'articles') return usageError(io, `unknown KIND "${kind}" (expected articles, stories, events, claims or entities)`);
  const format = values.format ?? 'ndjson';
  const encoder = ARTICLE_ENCODERS[format];
  if (!encoder) return usageError(io, `--format ${format} is not available for articles (use ndjson or csv)`);
  const database = selectDatabase(values.db, io);
  if (typeof database === 'number') return database;
  return exportArticles(database, encoder, io);
}

/** Export only reads: a missing embedded database is an error, never silently created empty. */
function selectDatabase(dbDir: string | undefined, io: Io): StoreOptions | number {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    if (dbDir !== undefined) io.stderr.write('crosscheck export: DATABASE_URL is set, so --db is ignored\n');
    return { databaseUrl };
  }
  const dir = dbDir ?? DEFAULT_DB_DIR;
  if (!embeddedDatabaseExists(dir)) {
    io.stderr.write(
      `crosscheck export: no database in ${dir} (run "crosscheck ingest" first, or pass --db DIR or DATABASE_URL)\n`,
    );
    return EXIT.usage;
  }
  return { dbDir: dir };
}

async function exportArticles(options: StoreOptions, encoder: Encoder, io: Io): Promise<number> {
  let store;
  try {
    store = await openStore(options);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    io.stderr.write(`crosscheck export: ${error.message}\n`);
    return EXIT.usage;
  }
  const out = new GuardedOutput(io.stdout);
  try {
    if (encoder.header !== null) await out.write(encoder.header);
    for await (const article of store.articles()) {
      if (out.closedByReader) break;
      await out.write(encoder.encode(article));
    }
    return EXIT.ok;
  } finally {
    out.release();
    await store.close();
  }
}

/**
 * Waits for drain (flat memory) and treats a reader that went away (`| head`, EPIPE) as the end
 * of the export rather than a crash; any other stream error is rethrown.
 */
class GuardedOutput {
  closedByReader = false;
  private failure: Error | null = null;
  private readonly onError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') this.closedByReader = true;
    else this.failure = error;
  };

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', this.onError);
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closedByReader || this.stream.write(text)) return;
    try {
      await once(this.stream, 'drain');
    } catch (error) {
      this.onError(error as NodeJS.ErrnoException);
      if (this.failure) throw this.failure;
    }
  }

  release(): void {
    this.stream.off('error', this.onError);
  }
}

function usageError(io: Io, message: string): number {
  io.stderr.write(`crosscheck export: ${message}\nRun "crosscheck export --help" for usage.\n`);
  return EXIT.usage;
}

/** One RFC 4180 record, CRLF-terminated. null becomes an empty field. */
export function csvLine(fields: ReadonlyArray<string | null>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
