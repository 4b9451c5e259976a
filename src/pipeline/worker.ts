/**
 * A worker thread of the analysis pool: requests in, one outcome out per request. Requests that
 * arrive while a batch is being analysed wait in a queue and are then analysed together, stage by
 * stage (`analyzeBatch`: cheaper per document than one at a time); replies keep request order.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeLines } from './outcomes.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

/** Enough documents for the caches to pay off; few enough that replies flow steadily. */
const MAX_BATCH = 16;

const queue: WorkerRequest[] = [];
let draining = false;

/** The requests analysed together next: up to MAX_BATCH in a row, or one marked `solo` alone. */
function nextBatch(): WorkerRequest[] {
  if (queue[0]!.solo) return queue.splice(0, 1);
  let size = 1;
  while (size < MAX_BATCH && size < queue.length && !queue[size]!.solo) size++;
  return queue.splice(0, size);
}

function drain(): void {
  const batch = nextBatch();
  // One pool sends one `now` with every request.
  const outcomes = analyzeLines(batch.map((r) => ({ origin: r.origin, record: r.record })), new Date(batch[0]!.now));
  batch.forEach((request, i) => {
    const reply: WorkerReply = { seq: request.seq, ...outcomes[i]! };
    // The line's bytes move to the pool's thread rather than being copied there.
    parentPort?.postMessage(reply, reply.ok ? [reply.line.buffer] : []);
  });
  // Back to the event loop before the next batch, so that requests posted meanwhile join it.
  if (queue.length > 0) setImmediate(drain);
  else draining = false;
}

parentPort?.on('message', (request: WorkerRequest) => {
  queue.push(request);
  if (draining) return;
  draining = true;
  setImmediate(drain);
});
