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
import type { CanonicalEvent, ReconciledFigure } from '../link/events.js';
import type { StoryRecord } from '../link/story-record.js';
import type { StoredClaim } from '../store/index.js';
import { EXIT } from './io.js';

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };


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

const joined = (values: readonly string[]): string => values.join('|');

const storyCsvColumns: ReadonlyArray<CsvColumn<StoryRecord>> = [
  { name: 'id', value: (s) => s.id },
  { name: 'title', value: (s) => s.title },
  { name: 'first_seen', value: (s) => s.first_seen },
  { name: 'last_seen', value: (s) => s.last_seen },
  { name: 'articles', value: (s) => String(s.articles.length) },
  { name: 'original_articles', value: (s) => String(s.original_articles) },
  { name: 'outlets', value: (s) => joined(s.outlets) },
  { name: 'independent_sources', value: (s) => String(s.independent_sources) },
  { name: 'events', value: (s) => String(s.events.length) },
  { name: 'event_types', value: (s) => joined(s.event_types) },
  { name: 'conflicting', value: (s) => String(s.conflicting) },
  { name: 'summary', value: (s) => s.summary.map((sentence) => sentence.text).join(' ') },
];

const figureColumns = (slot: 'killed' | 'injured'): Array<CsvColumn<CanonicalEvent>> =>
  (['min', 'max', 'conservative', 'latest'] as const).map((field) => ({
    name: `${slot}_${field}`,
    value: (e: CanonicalEvent) => numberText((e[slot] as ReconciledFigure)[field]),
  }));

const eventCsvColumns: ReadonlyArray<CsvColumn<CanonicalEvent>> = [
  { name: 'id', value: (e) => e.id },
  { name: 'story', value: (e) => e.story },
  { name: 'type', value: (e) => e.type },
  { name: 'subtype', value: (e) => e.subtype },
  { name: 'date', value: (e) => e.date?.value ?? null },
  { name: 'date_precision', value: (e) => numberText(e.date?.precision ?? null) },
  { name: 'location', value: (e) => e.location?.name ?? null },
  { name: 'country', value: (e) => e.location?.country ?? null },
  { name: 'lat', value: (e) => numberText(e.location?.lat ?? null) },
  { name: 'lon', value: (e) => numberText(e.location?.lon ?? null) },
  { name: 'geo_precision', value: (e) => numberText(e.location?.precision ?? null) },
  ...figureColumns('killed'),
  ...figureColumns('injured'),
  { name: 'agents', value: (e) => joined(e.actors.filter((a) => a.role === 'agent').map((a) => a.text)) },
  { name: 'targets', value: (e) => joined(e.actors.filter((a) => a.role === 'target').map((a) => a.text)) },
  { name: 'sources', value: (e) => joined(e.sources) },
  { name: 'independent_sources', value: (e) => String(e.independent_sources) },
  { name: 'articles', value: (e) => joined(e.articles) },
  { name: 'conflicts', value: (e) => joined(e.conflicts.map((c) => `${c.slot}:${c.kind}`)) },
  { name: 'modality', value: (e) => e.modality },
];

/** ACLED's column names, for tools that already read ACLED exports; crosscheck's extra columns follow. */
const acledCsvColumns: ReadonlyArray<CsvColumn<CanonicalEvent>> = [
  { name: 'event_id_cnty', value: (e) => e.id },
  { name: 'event_date', value: (e) => e.date?.value.slice(0, 10) ?? null },
  { name: 'time_precision', value: (e) => numberText(e.date?.precision ?? null) },
  { name: 'event_type', value: (e) => e.type },
  { name: 'sub_event_type', value: (e) => e.subtype },
  { name: 'actor1', value: (e) => e.actors.find((a) => a.role === 'agent')?.text ?? null },
  { name: 'actor2', value: (e) => e.actors.find((a) => a.role === 'target')?.text ?? null },
  { name: 'country', value: (e) => e.location?.country ?? null },
  { name: 'location', value: (e) => e.location?.name ?? null },
  { name: 'latitude', value: (e) => numberText(e.location?.lat ?? null) },
  { name: 'longitude', value: (e) => numberText(e.location?.lon ?? null) },
  { name: 'geo_precision', value: (e) => numberText(e.location?.precision ?? null) },
  { name: 'source', value: (e) => e.sources.join('; ') },
  { name: 'notes', value: (e) => e.mentions[0]?.text ?? null },
  { name: 'fatalities', value: (e) => String(e.killed.conservative ?? 0) },
  { name: 'story', value: (e) => e.story },
  { name: 'independent_sources', value: (e) => String(e.independent_sources) },
  { name: 'conflicts', value: (e) => joined(e.conflicts.map((c) => `${c.slot}:${c.kind}`)) },
];

const claimCsvColumns: ReadonlyArray<CsvColumn<StoredClaim>> = [
  { name: 'article', value: (c) => c.article },
  { name: 'story', value: (c) => c.story },
  { name: 'outlet', value: (c) => c.outlet },
  { name: 'published', value: (c) => c.published },
  { name: 'kind', value: (c) => c.kind },
  { name: 'subject', value: (c) => c.subject },
  { name: 'text', value: (c) => c.text },
  { name: 'value', value: (c) => numberText(c.value) },
  { name: 'min', value: (c) => numberText(c.min) },
  { name: 'max', value: (c) => numberText(c.max) },
  { name: 'approx', value: (c) => String(c.approx) },
  { name: 'unit', value: (c) => c.unit },
  { name: 'attribution', value: (c) => c.attribution?.text ?? null },
  { name: 'attribution_key', value: (c) => c.attribution?.key ?? null },
  { name: 'cue', value: (c) => c.attribution?.cue ?? null },
  { name: 'asserted', value: (c) => c.asserted },
  { name: 'copy', value: (c) => String(c.copy) },
  { name: 'start', value: (c) => String(c.start) },
  { name: 'end', value: (c) => String(c.end) },
];

export const EXPORT_HELP = `Usage: crosscheck export KIND [--db DIR] [--format ndjson|csv]

Writes stored records to stdout.

KIND:
  articles    the Analysis record of every stored article plus "story" and "duplicate_of",
              first ingested first
  entities    canonical entities across all articles, most mentioned first: key, type, subtype,
              name, aliases (mention texts with counts), mentions, articles, first_seen,
              last_seen, lat, lon, country, precision (where the articles place it)
  stories     one per story: title, summary (sentences with their spans), articles, canonical
              events, first/last seen, outlets, independent sources, event types, whether figures
              conflict, timeline, framing
  events      canonical events merged across articles: type, date, location, actors, killed and
              injured reconciled (range, conservative, latest, every report), sources,
              independent sources, mentions, conflicts
  claims      the claims ledger: every reported figure and statement of every article, with its
              outlet, story, attribution, hedge and span

Options:
  --db DIR         embedded database folder (default ${DEFAULT_DB_DIR}); ignored when the
                   environment variable DATABASE_URL=postgres://... names a PostgreSQL server
  --format FORMAT  ndjson (default): one JSON object per line, fields in the contract's order
                   csv: RFC 4180 with a header row and the columns
                     articles: ${articleCsvColumns.map((c) => c.name).join(',')}
                     entities: ${entityCsvColumns.map((c) => c.name).join(',')}
                               (aliases: the texts, most frequent first, joined with "|")
                     stories: ${storyCsvColumns.map((c) => c.name).join(',')}
                     events: ${eventCsvColumns.map((c) => c.name).join(',')}
                     claims: ${claimCsvColumns.map((c) => c.name).join(',')}
                   geojson (events): a FeatureCollection of the located events
                   acled-csv (events): ACLED's column names (event_date, event_type,
                     sub_event_type, actor1, actor2, country, location, latitude, longitude,
                     geo_precision, source, notes, fatalities = the conservative count, …)
  -h, --help       show this help

Exit codes: 0 success, 2 usage error or no database. Never creates a database.
`;

type Encoder<T> = { header: string | null; encode: (row: T) => string | null; footer?: string };

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
        const line = encoder.encode(row);
        if (line !== null) await out.write(line);
      }
      if (encoder.footer !== undefined && !out.closedByReader) await out.write(encoder.footer);
    },
  };
}

/** GeoJSON of the located events, streamed: features are separated by commas as they are written. */
function geojsonEncoder(): Encoder<CanonicalEvent> {
  let first = true;
  return {
    header: '{"type":"FeatureCollection","features":[\n',
    encode(e) {
      const { lat, lon } = e.location ?? { lat: null, lon: null };
      if (lat === null || lon === null) return null;
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: {
          id: e.id, story: e.story, type: e.type, subtype: e.subtype, date: e.date?.value ?? null, date_precision: e.date?.precision ?? null,
          location: e.location?.name ?? null, country: e.location?.country ?? null, geo_precision: e.location?.precision ?? null,
          killed_min: e.killed.min, killed_max: e.killed.max, killed_conservative: e.killed.conservative,
          injured_min: e.injured.min, injured_max: e.injured.max, sources: e.sources, independent_sources: e.independent_sources,
          conflicts: e.conflicts.map((c) => `${c.slot}:${c.kind}`),
        },
      };
      const line = `${first ? '' : ',\n'}${JSON.stringify(feature)}`;
      first = false;
      return line;
    },
    footer: '\n]}\n',
  };
}

const EXPORTERS: Readonly<Record<string, Exporter>> = {
  articles: exporter(encodersFor(articleCsvColumns), (store) => store.articles()),
  entities: exporter(encodersFor(entityCsvColumns), (store) => store.entities()),
  stories: exporter(encodersFor(storyCsvColumns), (store) => store.stories()),
  events: {
    formats: ['ndjson', 'csv', 'geojson', 'acled-csv'],
    write(store, format, out) {
      const encoders: Record<string, () => Encoder<CanonicalEvent>> = {
        ndjson: () => encodersFor(eventCsvColumns).ndjson!,
        csv: () => encodersFor(eventCsvColumns).csv!,
        geojson: geojsonEncoder,
        'acled-csv': () => encodersFor(acledCsvColumns).csv!,
      };
      return exporter({ [format]: encoders[format]!() }, (s) => s.events()).write(store, format, out);
    },
  },
  claims: exporter(encodersFor(claimCsvColumns), (store) => store.claims()),
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
