/**
 * The analysis pipeline: extraction, then the annotation stages in data-flow order. Each stage is
 * a `Document → Document` function in its own module; later issues append stages here.
 */
import { toAnalysisRecord, type AnalysisRecord, type InputRecord, type Origin, type Stage } from '../document.js';
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
