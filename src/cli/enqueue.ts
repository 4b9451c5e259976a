/** `crosscheck enqueue PATH...`: reads documents into the work queue of distributed mode (`crosscheck worker`). */
import { parseArgs } from 'node:util';
import { readInputs } from '../read/index.js';
import { openWorkQueue, DEFAULT_LEASE_SECONDS, type QueuedDocument } from '../store/queue.js';
import { positiveInt } from './analyze.js';
import { EXIT, UsageError, write, type CliIO } from './io.js';
import { Progress } from './progress.js';

export const ENQUEUE_HELP = `Usage: crosscheck enqueue [PATH...] [options]

Reads documents (formats as for analyze) into the work queue of the PostgreSQL server named by
DATABASE_URL; "crosscheck worker" processes analyse and store them. Documents that cannot be read
are named on stderr and not queued. Queuing a document twice is harmless: storing is idempotent.

Options:
  --lease S        seconds a worker may hold a job before it is offered to another worker
                   (default ${DEFAULT_LEASE_SECONDS}); a job is failed after 3 leases run out
  --max-bytes N    reject documents larger than N bytes (default 5 MB)
  -h, --help       this help

Exit codes: 0 all queued, 1 some inputs were rejected, 2 usage error or no database.
`;

/** Documents per insert statement. */
const QUEUE_CHUNK = 200;

export async function runEnqueue(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { lease: { type: 'string' }, 'max-bytes': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, ENQUEUE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('enqueue needs at least one PATH (a file, a folder, or - for stdin)');
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError('enqueue needs DATABASE_URL=postgres://...: the work queue lives in the PostgreSQL server the workers share');
  const leaseSeconds = positiveInt('lease', values.lease) ?? DEFAULT_LEASE_SECONDS;
  const queue = await openWorkQueue(url);
  const progress = new Progress(io.stderr, 'queued');
  try {
    let chunk: QueuedDocument[] = [];
    for await (const item of readInputs(positionals, { maxBytes: positiveInt('max-bytes', values['max-bytes']), stdin: io.stdin })) {
      progress.tick(item.kind === 'record');
      if (item.kind === 'rejected') {
        await write(io.stderr, `rejected ${item.origin}: ${item.reason}\n`);
        continue;
      }
      chunk.push({ origin: item.origin, record: item.record });
      if (chunk.length < QUEUE_CHUNK) continue;
      await queue.enqueue(chunk, { leaseSeconds });
      chunk = [];
    }
    await queue.enqueue(chunk, { leaseSeconds });
    io.stderr.write(progress.summary());
    return progress.rejected > 0 ? EXIT.rejected : EXIT.ok;
  } finally {
    await queue.close();
  }
}
