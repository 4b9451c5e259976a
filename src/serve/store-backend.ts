/**
 * The API over the store: reads are the store's queries; `POST /api/documents` analyses each input
 * record with the pipeline (on the server's thread: requests are small) and stores the accepted
 * ones in one transaction, linked like `ingest` links them.
 */
import { RejectedInput, type AnalysisRecord, type InputRecord } from '../document.js';
import { analyzeRecord } from '../pipeline/analyze.js';
import type { Store } from '../store/index.js';
import type { ApiBackend, IngestResult } from './app.js';

/** Analyses the records of one request; the ones the pipeline rejects are listed with their index and reason. */
export function analyzeInputs(inputs: readonly InputRecord[], now: Date): { analysed: AnalysisRecord[]; rejected: IngestResult['rejected'] } {
  const analysed: AnalysisRecord[] = [];
  const rejected: IngestResult['rejected'] = [];
  inputs.forEach((input, index) => {
    try {
      analysed.push(analyzeRecord(`request item ${index}`, input, now));
    } catch (error) {
      if (!(error instanceof RejectedInput)) throw error;
      rejected.push({ index, reason: error.reason });
    }
  });
  return { analysed, rejected };
}

export function storeBackend(store: Store, now: () => Date = () => new Date()): ApiBackend {
  return {
    stories: (filter, limit, cursor) => store.listStories(filter, limit, cursor),
    story: (id) => store.story(id),
    event: (id) => store.event(id),
    events: (filter, limit, cursor) => store.listEvents(filter, limit, cursor),
    article: (id) => store.article(id),
    search: (query, limit) => store.search(query, limit),
    entities: (filter, limit, cursor) => store.listEntities(filter, limit, cursor),
    entity: (key) => store.entity(key),
    async ingest(inputs: InputRecord[]): Promise<IngestResult> {
      const { analysed, rejected } = analyzeInputs(inputs, now());
      const result = await store.putArticles(analysed);
      await store.link();
      return { stored: result.inserted + result.updated, unchanged: result.unchanged, rejected };
    },
  };
}
