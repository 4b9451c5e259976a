/** A worker thread of the analysis pool: one request in, one outcome out. */
import { parentPort } from 'node:worker_threads';
import { analyzeOutcome, type WorkerReply, type WorkerRequest } from './pool.js';

parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = { seq: request.seq, ...analyzeOutcome(request.origin, request.record, new Date(request.now)) };
  parentPort?.postMessage(reply);
});
