import { describe, expect, it } from 'vitest';
import { storeBatchOrEach } from '../src/cli/store-batch.js';

/** A store that refuses any transaction holding an item starting with "bad", and counts what it stored. */
function fakeStore(fatalOn?: string) {
  const stored: string[] = [];
  const calls: Array<{ items: string[]; whole: boolean }> = [];
  return {
    stored,
    calls,
    put: async (items: readonly string[], whole: boolean) => {
      calls.push({ items: [...items], whole });
      if (fatalOn && items.includes(fatalOn)) throw Object.assign(new Error('server gone'), { fatal: true });
      if (items.some((i) => i.startsWith('bad'))) throw new Error(`refused ${items.find((i) => i.startsWith('bad'))}`);
      stored.push(...items);
      return { inserted: items.length, updated: 0, unchanged: 0 };
    },
  };
}

describe('storeBatchOrEach', () => {
  it('stores a good batch in one transaction', async () => {
    const store = fakeStore();
    const refused: string[] = [];
    const result = await storeBatchOrEach(['a', 'b'], { put: store.put, refuse: async (item) => void refused.push(item) });
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0, whole: true });
    expect(store.calls).toEqual([{ items: ['a', 'b'], whole: true }]);
    expect(refused).toEqual([]);
  });

  it('stores item by item when the batch is refused, and refuses only the culprit', async () => {
    const store = fakeStore();
    const refused: Array<[string, string]> = [];
    const result = await storeBatchOrEach(['a', 'bad1', 'c'], {
      put: store.put,
      refuse: async (item, error) => void refused.push([item, (error as Error).message]),
    });
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0, whole: false });
    expect(store.stored).toEqual(['a', 'c']);
    expect(refused).toEqual([['bad1', 'refused bad1']]);
    expect(store.calls.slice(1).every((c) => !c.whole && c.items.length === 1)).toBe(true);
  });

  it('raises errors that say nothing about the records instead of refusing them one by one', async () => {
    const store = fakeStore('b');
    const refused: string[] = [];
    const fatal = (error: unknown): boolean => (error as { fatal?: boolean }).fatal === true;
    await expect(storeBatchOrEach(['a', 'b'], { put: store.put, refuse: async (item) => void refused.push(item), fatal })).rejects.toThrow('server gone');
    expect(store.calls).toHaveLength(1);
    expect(refused).toEqual([]);
  });
});
