/**
 * The analysis pipeline: extraction, then the annotation stages in data-flow order. Each stage is
 * a `Document → Document` function in its own module; later issues append stages here.
 */
import { toAnalysisRecord, type AnalysisRecord, type Document, type InputRecord, type Origin, type Stage } from '../document.js';
import { annotateClaims } from '../annotate/claims.js';
import { annotateEvents } from '../annotate/events.js';
import { annotateCanonicalEntities } from '../annotate/entities/index.js';
import { annotateEntities } from '../annotate/ner/index.js';
import { annotateNumbers } from '../annotate/numbers.js';
import { annotatePlaces } from '../annotate/places.js';
import { annotateQuotes } from '../annotate/quotes.js';
import { annotateSentences } from '../annotate/sentences.js';
import { annotateTimes } from '../annotate/times.js';
import { extractDocument } from '../extract/index.js';

export const STAGES: readonly Stage[] = [
  annotateSentences,
  annotateEntities, // needs sentences and tokens
  annotateCanonicalEntities, // needs the tagger's mentions
  annotatePlaces, // needs canonical entities
  annotateTimes,
  annotateNumbers,
  annotateQuotes, // needs sentences and canonical entities
  annotateEvents, // needs sentences, entities, places, times and numbers
  annotateClaims, // needs numbers, quotes and events
];

/** Throws `RejectedInput` when the record cannot be analysed. */
export function analyzeRecord(origin: Origin, record: InputRecord, now: Date = new Date()): AnalysisRecord {
  let doc = extractDocument(origin, record, { now });
  for (const stage of STAGES) doc = stage(doc);
  return toAnalysisRecord(doc);
}

/** What analysing one record of a batch came to: its record, or the error that stopped it. */
export type BatchResult = { ok: true; record: AnalysisRecord } | { ok: false; error: unknown };

/**
 * Analyses several records stage by stage: every document goes through one stage before any goes
 * through the next. Same output as `analyzeRecord` on each, but measured about a fifth less CPU
 * on a batch of 16: each stage's code, lexicons and model weights stay in the processor's caches
 * instead of being evicted by the other nine stages between two documents. An error stops only
 * the document it happened in.
 */
export function analyzeBatch(items: ReadonlyArray<{ origin: Origin; record: InputRecord }>, now: Date = new Date()): BatchResult[] {
  const results: BatchResult[] = new Array(items.length);
  const docs: Array<Document | null> = items.map((item, i) => {
    try {
      return extractDocument(item.origin, item.record, { now });
    } catch (error) {
      results[i] = { ok: false, error };
      return null;
    }
  });
  for (const stage of STAGES) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      if (!doc) continue;
      try {
        docs[i] = stage(doc);
      } catch (error) {
        results[i] = { ok: false, error };
        docs[i] = null;
      }
    }
  }
  docs.forEach((doc, i) => {
    if (doc) results[i] = { ok: true, record: toAnalysisRecord(doc) };
  });
  return results;
}
