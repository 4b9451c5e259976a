/**
 * Storing a batch so that one record the store refuses costs only itself: the batch goes in one
 * transaction, and when that fails, each record in a transaction of its own. `ingest` and
 * `worker` store this way; the worker also completes its queue jobs in those transactions.
 */
import type { PutResult } from '../store/index.js';

export interface BatchStorage<T> {
  /** Stores `items` in one transaction; `whole` is true for the whole batch, false for one item. */
  put(items: readonly T[], whole: boolean): Promise<PutResult>;
  /** Called for an item the store refused on its own. */
  refuse(item: T, error: unknown): Promise<void>;
  /** Errors that say nothing about the records (the server went away): raised, not retried one by one. */
  fatal?(error: unknown): boolean;
}

/** `whole`: the batch went in as one; false when it was stored item by item. */
export async function storeBatchOrEach<T>(items: readonly T[], storage: BatchStorage<T>): Promise<PutResult & { whole: boolean }> {
  const totals = { inserted: 0, updated: 0, unchanged: 0, whole: true };
  try {
    addTo(totals, await storage.put(items, true));
  } catch (error) {
    totals.whole = false;
    if (storage.fatal?.(error)) throw error;
    for (const item of items) {
      try {
        addTo(totals, await storage.put([item], false));
      } catch (single) {
        if (storage.fatal?.(single)) throw single;
        await storage.refuse(item, single);
      }
    }
  }
  return totals;
}

export function addTo(totals: PutResult, r: PutResult): void {
  totals.inserted += r.inserted;
  totals.updated += r.updated;
  totals.unchanged += r.unchanged;
}
