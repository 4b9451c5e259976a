/**
 * Analysing records into outcomes (what the pool yields), in whatever thread runs the pipeline: a
 * pool worker, or the caller's thread when there is no worker. Kept apart from the pool so that
 * the thread that only distributes work never loads the pipeline, its models and its lexicons.
 */
import { RejectedInput, type InputRecord, type Origin } from '../document.js';
import { analyzeBatch } from './analyze.js';
import { recordOutcome, type Outcome } from './pool.js';

/** A record analysed to its NDJSON line (UTF-8), or the reason it was rejected; never throws. */
export type LineOutcome =
  | { ok: true; origin: Origin; line: Uint8Array<ArrayBuffer> }
  | { ok: false; origin: Origin; reason: string };

/**
 * The record's NDJSON line as UTF-8 in an ArrayBuffer of its own, so that it can be transferred.
 * `Buffer.from` encodes a long string several times faster than `TextEncoder`; a short one it
 * places in Buffer's shared pool, whose memory must not be transferred away, so that one is copied.
 */
function lineBytes(json: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(`${json}\n`, 'utf8');
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return new Uint8Array(bytes.buffer as ArrayBuffer);
  return new Uint8Array(bytes);
}

/**
 * Analyses records stage by stage (`analyzeBatch`) in this thread; never throws. Each record is
 * serialised here, once, straight to the bytes that are written out: a worker hands those bytes
 * over without copying them (a transfer), and the writing thread neither decodes nor re-encodes.
 */
export function analyzeLines(items: ReadonlyArray<{ origin: Origin; record: InputRecord }>, now: Date): LineOutcome[] {
  return analyzeBatch(items, now).map((result, i): LineOutcome => {
    const origin = items[i]!.origin;
    if (result.ok) return { ok: true, origin, line: lineBytes(JSON.stringify(result.record)) };
    const { error } = result;
    if (error instanceof RejectedInput) return { ok: false, origin, reason: error.reason };
    return { ok: false, origin, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  });
}

/** Analyses records stage by stage (`analyzeBatch`) in this thread; never throws. */
export function analyzeOutcomes(items: ReadonlyArray<{ origin: Origin; record: InputRecord }>, now: Date): Outcome[] {
  return analyzeLines(items, now).map((o) => (o.ok ? recordOutcome(o.origin, o.line) : o));
}

/** Analyses one record in this thread; never throws. */
export function analyzeOutcome(origin: Origin, record: InputRecord, now: Date): Outcome {
  return analyzeOutcomes([{ origin, record }], now)[0]!;
}
