import { parseArgs } from 'node:util';
import type { AnalysisRecord } from '../document.js';
import { openStore, type PutResult, type Store } from '../store/index.js';
import { analyzePaths, positiveInt, STREAM_OPTIONS } from './analyze.js';
import { EXIT, UsageError, write, type CliIO } from './io.js';
import { Progress } from './progress.js';
import { addTo, storeBatchOrEach } from './store-batch.js';

export const INGEST_HELP = `Usage: crosscheck ingest [PATH...] [options]

Analyses documents and stores them. Idempotent: ingesting the same document twice changes
nothing; a changed document with the same id is updated.

PATH        files, folders (recursive) or - for stdin (formats as for analyze).

Options:
  --db DIR         embedded database folder (default ./crosscheck-data); ignored when the
                   environment variable DATABASE_URL=postgres://... names a PostgreSQL server
  --batch N        documents per transaction (default 200)
  --workers N      worker threads (default: all cores)
  --max-bytes N    reject documents larger than N bytes (default 5 MB)
  --progress       a progress line a second on stderr even when it is not a terminal (for logs)
  -h, --help       this help

Exit codes: 0 all stored, 1 some inputs were rejected (named on stderr), 2 usage error or no database.
`;

export async function runIngest(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...STREAM_OPTIONS, db: { type: 'string' }, batch: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, INGEST_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('ingest needs at least one PATH (a file, a folder, or - for stdin)');
  const batchSize = positiveInt('batch', values.batch) ?? 200;
  const store = await openStore({ dbDir: values.db ?? './crosscheck-data', databaseUrl: process.env.DATABASE_URL });
  try {
    const progress = new Progress(io.stderr, 'ingested', { lines: values.progress });
    const totals = await ingestInto(store, analyzePaths({
      paths: positionals,
      workers: positiveInt('workers', values.workers),
      maxBytes: positiveInt('max-bytes', values['max-bytes']),
    }, io, progress), batchSize, io, progress);
    io.stderr.write(progress.summary(`; ${totals.inserted} new, ${totals.updated} updated, ${totals.unchanged} unchanged in ${store.kind}`));
    return progress.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } finally {
    await store.close();
  }
}

/**
 * Stores analysed records in batches, one transaction each. When a batch fails, its records are
 * retried one by one so that a single bad record is rejected (and named) without losing the rest.
 * The next batch is gathered while the previous one is being stored, so that the analysis workers
 * are kept busy meanwhile (at most two batches are held in memory, the waiting one as JSON text).
 */
export async function ingestInto(
  store: Store,
  outcomes: AsyncIterable<{ origin: string; json: string }>,
  batchSize: number,
  io: CliIO,
  progress: Progress,
): Promise<PutResult> {
  const totals: PutResult = { inserted: 0, updated: 0, unchanged: 0 };
  const storeBatch = async (waiting: ReadonlyArray<{ origin: string; json: string }>): Promise<void> => {
    // Parsed only now: a waiting batch held as JSON text takes a fraction of the memory.
    const batch = waiting.map((o) => ({ origin: o.origin, record: JSON.parse(o.json) as AnalysisRecord }));
    const stored = await storeBatchOrEach(batch, {
      put: (items) => store.putArticles(items.map((o) => o.record)),
      refuse: async (one, error) => {
        progress.documents--;
        progress.rejected++;
        await write(io.stderr, `rejected ${one.origin}: could not be stored: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    });
    addTo(totals, stored);
  };
  let storing: Promise<void> = Promise.resolve();
  let batch: Array<{ origin: string; json: string }> = [];
  try {
    for await (const outcome of outcomes) {
      batch.push({ origin: outcome.origin, json: outcome.json });
      if (batch.length < batchSize) continue;
      await storing;
      storing = storeBatch(batch);
      storing.catch(() => undefined); // awaited (and its error raised) before the next batch or at the end
      batch = [];
    }
  } finally {
    // Whatever happens to the input, the batch already handed to the store finishes first.
    await storing;
  }
  if (batch.length > 0) await storeBatch(batch);
  // Linking (copies, stories, canonical events) once for the whole run: it reads every stored
  // article in the new articles' time window, which per batch would cost that much again each time.
  // Articles stored by a run that stopped early are linked by the next one.
  await store.link();
  return totals;
}
