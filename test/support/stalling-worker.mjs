// A stand-in for the analysis worker (src/pipeline/worker.ts) that speaks the same protocol: it
// answers each request at once, except that a document containing STALL never finishes (a busy
// loop, as a pathological input would cause) and one containing CRASH throws.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (request) => {
  const text = request.record.text ?? '';
  if (text.includes('STALL')) for (;;);
  if (text.includes('CRASH')) throw new Error('worker crashed on purpose');
  const line = new TextEncoder().encode(`${JSON.stringify({ text, solo: request.solo === true })}\n`);
  parentPort.postMessage({ seq: request.seq, ok: true, origin: request.origin, line }, [line.buffer]);
});
