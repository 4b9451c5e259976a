import { parseArgs } from 'node:util';
import { readInputs, type ReadItem } from '../read/index.js';
import { analyzeStream, type Outcome } from '../pipeline/pool.js';
import { EXIT, UsageError, write, type CliIO } from './io.js';
import { Progress } from './progress.js';

export const ANALYZE_HELP = `Usage: crosscheck analyze [PATH...] [options]

Analyses documents without a database and writes one Analysis record per document to stdout as
NDJSON, in input order (see docs/contract.md).

PATH        files, folders (recursive) or - for stdin. Formats: .txt, .html/.htm, RSS/Atom/RDF
            feeds (.xml/.rss/.atom/.rdf), .json/.jsonl/.ndjson input records.

Options:
  --workers N      worker threads (default: all cores; 1 = in this thread)
  --max-bytes N    reject documents larger than N bytes (default 5242880 = 5 MB)
  --progress       a progress line a second on stderr even when it is not a terminal (for logs)
  -h, --help       this help

Exit codes: 0 all documents analysed, 1 some were rejected (each named on stderr with the
reason; the others are still analysed), 2 usage error.
`;

export interface StreamArgs {
  paths: string[];
  workers: number | undefined;
  maxBytes: number | undefined;
}

/** Options shared by the commands that read documents (analyze, ingest). */
export const STREAM_OPTIONS = {
  workers: { type: 'string' },
  'max-bytes': { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function positiveInt(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} needs a positive whole number, got "${raw}"`);
  return n;
}

/** Reads, analyses and reports each rejection on stderr; yields successful records' outcomes in order. */
export function analyzePaths(args: StreamArgs, io: CliIO, progress: Progress): AsyncGenerator<Outcome & { ok: true }> {
  return analyzeItems(readInputs(args.paths, { maxBytes: args.maxBytes, stdin: io.stdin }), args.workers, io, progress);
}

/** Analyses items read by any reader (files, feeds fetched by `watch`), reporting rejections as `analyzePaths` does. */
export async function* analyzeItems(
  items: AsyncIterable<ReadItem>,
  workers: number | undefined,
  io: CliIO,
  progress: Progress,
): AsyncGenerator<Outcome & { ok: true }> {
  for await (const outcome of analyzeStream(items, { workers })) {
    progress.tick(outcome.ok);
    if (outcome.ok) yield outcome;
    else await write(io.stderr, `${io.stderr === process.stderr && process.stderr.isTTY ? '\r\x1b[K' : ''}rejected ${outcome.origin}: ${outcome.reason}\n`);
  }
}

export async function runAnalyze(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: STREAM_OPTIONS, allowPositionals: true });
  if (values.help) {
    await write(io.stdout, ANALYZE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('analyze needs at least one PATH (a file, a folder, or - for stdin)');
  const args: StreamArgs = {
    paths: positionals,
    workers: positiveInt('workers', values.workers),
    maxBytes: positiveInt('max-bytes', values['max-bytes']),
  };
  const progress = new Progress(io.stderr, 'analyzed', { lines: values.progress });
  for await (const outcome of analyzePaths(args, io, progress)) {
    await write(io.stdout, outcome.line);
  }
  io.stderr.write(progress.summary());
  return progress.rejected > 0 ? EXIT.rejected : EXIT.ok;
}
