/** `crosscheck export KIND`: stored records on stdout, streamed (memory stays flat for any database size). */
import { parseArgs } from 'node:util';
import {
  DEFAULT_DB_DIR,
  StoreError,
  embeddedDatabaseExists,
  openStore,
  type Store,
  type StoreOptions,
  type StoredArticle,
  type StoredEntity,
} from '../store/index.js';
import { once } from 'node:events';
import { EXIT } from './io.js';

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** Kinds of the contract whose data arrives with a later feature: said plainly instead of an empty export. */
const PENDING_KINDS: Readonly<Record<string, string>> = {
  stories: 'story linking',
  events: 'cross-article event merging',
  claims: 'the claims ledger',
};

interface CsvColumn<T> {
  name: string;
  value: (row: T) => string | null;
}

const articleCsvColumns: ReadonlyArray<CsvColumn<StoredArticle>> = [
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

const numberText = (value: number | null): string | null => (value === null ? null : String(value));

const entityCsvColumns: ReadonlyArray<CsvColumn<StoredEntity>> = [
  { name: 'key', value: (e) => e.key },
  { name: 'type', value: (e) => e.type },
  { name: 'subtype', value: (e) => e.subtype },
  { name: 'name', value: (e) => e.name },
  { name: 'aliases', value: (e) => e.aliases.map((alias) => alias.text).join('|') },
  { name: 'mentions', value: (e) => String(e.mentions) },
  { name: 'articles', value: (e) => String(e.articles) },
  { name: 'first_seen', value: (e) => e.first_seen },
  { name: 'last_seen', value: (e) => e.last_seen },
  { name: 'lat', value: (e) => numberText(e.lat) },
  { name: 'lon', value: (e) => numberText(e.lon) },
  { name: 'country', value: (e) => e.country },
  { name: 'precision', value: (e) => numberText(e.precision) },
];

export const EXPORT_HELP = `Usage: crosscheck export KIND [--db DIR] [--format ndjson|csv]

Writes stored records to stdout.

KIND:
  articles    the Analysis record of every stored article plus "story" and "duplicate_of",
              first ingested first
  entities    canonical entities across all articles, most mentioned first: key, type, subtype,
              name, aliases (mention texts with counts), mentions, articles, first_seen,
              last_seen, lat, lon, country, precision (the last four null until geocoding)
  stories, events, claims
              not available yet (each arrives with its feature)

Options:
  --db DIR         embedded database folder (default ${DEFAULT_DB_DIR}); ignored when the
                   environment variable DATABASE_URL=postgres://... names a PostgreSQL server
  --format FORMAT  ndjson (default): one JSON object per line, fields in the contract's order
                   csv: RFC 4180 with a header row and the columns
                     articles: ${articleCsvColumns.map((c) => c.name).join(',')}
                     entities: ${entityCsvColumns.map((c) => c.name).join(',')}
                               (aliases: the texts, most frequent first, joined with "|")
  -h, --help       show this help

Exit codes: 0 success, 2 usage error or no database. Never creates a database.
`;

type Encoder<T> = { header: string | null; encode: (row: T) => string };

function encodersFor<T>(columns: ReadonlyArray<CsvColumn<T>>): Readonly<Record<string, Encoder<T>>> {
  return {
    ndjson: { header: null, encode: (row) => `${JSON.stringify(row)}\n` },
    csv: { header: csvLine(columns.map((c) => c.name)), encode: (row) => csvLine(columns.map((c) => c.value(row))) },
  };
}

/** One exportable kind: its formats, and how to write its rows from an open store. */
interface Exporter {
  formats: readonly string[];
  write(store: Store, format: string, out: GuardedOutput): Promise<void>;
}

function exporter<T>(encoders: Readonly<Record<string, Encoder<T>>>, rows: (store: Store) => AsyncIterable<T>): Exporter {
  return {
    formats: Object.keys(encoders),
    async write(store, format, out) {
      const encoder = encoders[format] as Encoder<T>;
      if (encoder.header !== null) await out.write(encoder.header);
      for await (const row of rows(store)) {
        if (out.closedByReader) break;
        await out.write(encoder.encode(row));
      }
    },
  };
}

const EXPORTERS: Readonly<Record<string, Exporter>> = {
  articles: exporter(encodersFor(articleCsvColumns), (store) => store.articles()),
  entities: exporter(encodersFor(entityCsvColumns), (store) => store.entities()),
};

const AVAILABLE_KINDS = Object.keys(EXPORTERS).join(', ');

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
  if (positionals.length !== 1) return usageError(io, `expected exactly one KIND (${AVAILABLE_KINDS})`);
  const kind = positionals[0] as string;
  const pending = PENDING_KINDS[kind];
  if (pending) {
    io.stderr.write(`crosscheck export ${kind}: not available yet: arrives with ${pending}\n`);
    return EXIT.usage;
  }
  const exporterOfKind = EXPORTERS[kind];
  if (!exporterOfKind) {
    return usageError(io, `unknown KIND "${kind}" (expected articles, entities, stories, events or claims)`);
  }
  const format = values.format ?? 'ndjson';
  if (!exporterOfKind.formats.includes(format)) {
    return usageError(io, `--format ${format} is not available for ${kind} (use ${exporterOfKind.formats.join(' or ')})`);
  }
  const database = selectDatabase(values.db, io);
  if (typeof database === 'number') return database;
  return exportKind(database, exporterOfKind, format, io);
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

async function exportKind(options: StoreOptions, kind: Exporter, format: string, io: Io): Promise<number> {
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
    await kind.write(store, format, out);
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
