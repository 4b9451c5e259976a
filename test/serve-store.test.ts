/**
 * The API over a real store, on both back ends: stories, a story with its events, articles, search,
 * cursors, and ingest over HTTP (analysed, stored and linked). Fictional articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { buildApi } from '../src/serve/app.js';
import { storeBackend } from '../src/serve/store-backend.js';
import { openStore } from '../src/store/index.js';
import { openPgliteClient } from '../src/store/pglite-client.js';
import { pgliteBackend, postgresBackend } from './support/backends.js';

const NOW = new Date('2031-06-01T00:00:00Z');
const ARTICLES = [
  { id: 'ferry-1', published: '2031-05-10', source: 'Harbour Wire', title: 'Ferry aground off Port Avel',
    text: 'The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard, the coastguard said. Captain Ilse Varga blamed fog.' },
  { id: 'ferry-2', published: '2031-05-11', source: 'Valley Press', title: 'Marisol passengers brought ashore',
    text: 'Coastguard boats brought the 140 passengers of the ferry Marisol ashore after it ran aground off Port Avel. Captain Ilse Varga said the pilot was absent.' },
  { id: 'frost-1', published: '2031-05-11', source: 'Valley Press', title: 'Frost destroys Eastmarch apple blossom',
    text: 'Late frost destroyed most of the apple blossom in the Eastmarch orchards, growers said on Monday. The harvest may halve.' },
];

for (const backend of [pgliteBackend(async (dir) => (await openPgliteClient(dir)).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`API over the store on ${backend.name}`, () => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('serves stored stories, events, articles and search, and ingests with the token', async () => {
      const store = await openStore(await backend.fresh());
      const app = await buildApi(storeBackend(store, () => NOW), { token: 'test-token' });
      try {
        await store.putArticles(ARTICLES.slice(0, 2).map((a) => analyzeRecord(a.id, a, NOW)));
        await store.link();
        const list = (await app.inject({ method: 'GET', url: '/api/stories?limit=1' })).json() as { items: Array<{ id: string; articles: string[] }>; next: string | null };
        expect(list.items).toHaveLength(1);
        expect([...list.items[0]!.articles].sort()).toEqual(['ferry-1', 'ferry-2']);
        expect(list.next).toBeNull();

        const posted = await app.inject({
          method: 'POST', url: '/api/documents', headers: { authorization: 'Bearer test-token' },
          payload: [ARTICLES[2], { title: 'empty', text: '   ' }],
        });
        expect(posted.json()).toEqual({ stored: 1, unchanged: 0, rejected: [{ index: 1, reason: 'document has no text' }] });

        const first = (await app.inject({ method: 'GET', url: '/api/stories?limit=1' })).json() as { items: Array<{ id: string }>; next: string };
        const second = (await app.inject({ method: 'GET', url: `/api/stories?limit=1&cursor=${first.next}` })).json() as { items: Array<{ id: string }>; next: string | null };
        expect(new Set([first.items[0]!.id, second.items[0]!.id]).size).toBe(2);
        expect(second.next).toBeNull();

        const frost = (await app.inject({ method: 'GET', url: '/api/stories?q=frost' })).json() as { items: Array<{ id: string; articles: string[] }> };
        expect(frost.items.map((s) => s.articles)).toEqual([['frost-1']]);
        const detail = (await app.inject({ method: 'GET', url: `/api/stories/${encodeURIComponent(list.items[0]!.id)}` })).json() as { articles: Array<{ id: string }> };
        expect(detail.articles.map((a) => a.id).sort()).toEqual(['ferry-1', 'ferry-2']);
        const article = (await app.inject({ method: 'GET', url: '/api/articles/ferry-1' })).json() as { body: string; story: string };
        expect(article.body).toContain('Marisol');
        expect(article.story).toBe(list.items[0]!.id);
        const hits = (await app.inject({ method: 'GET', url: '/api/search?q=Marisol' })).json() as { hits: Array<{ id: string; snippet: string }> };
        expect(hits.hits.map((h) => h.id).sort()).toEqual(['ferry-1', 'ferry-2']);
        expect(hits.hits[0]!.snippet).toContain('<b>Marisol</b>');
        const events = (await app.inject({ method: 'GET', url: '/api/events?limit=5' })).json() as { items: Array<{ id: string; story: string; mentions: Array<{ article: string }> }> };
        expect(events.items.length).toBeGreaterThan(0);
        // One event by id (what the UI's event page reads): the same record as in the list and in its story.
        const listed = events.items.find((e) => e.story === list.items[0]!.id) ?? events.items[0]!;
        const one = await app.inject({ method: 'GET', url: `/api/events/${encodeURIComponent(listed.id)}` });
        expect(one.statusCode).toBe(200);
        expect(one.json()).toEqual(listed);
        const inStory = (await app.inject({ method: 'GET', url: `/api/stories/${encodeURIComponent(listed.story)}` })).json() as { events: Array<{ id: string }> };
        expect(inStory.events.find((e) => e.id === listed.id)).toEqual(listed);
        expect((await app.inject({ method: 'GET', url: `/api/events/${encodeURIComponent(`${listed.story}#e999`)}` })).json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
        expect((await app.inject({ method: 'GET', url: '/api/events/no-such-story' })).statusCode).toBe(404);
        const entities = (await app.inject({ method: 'GET', url: '/api/entities?limit=2' })).json() as { items: Array<{ key: string; mentions: number }>; next: string | null };
        expect(entities.items).toHaveLength(2);
        expect(entities.items[0]!.mentions).toBeGreaterThanOrEqual(entities.items[1]!.mentions);
        const more = (await app.inject({ method: 'GET', url: `/api/entities?limit=2&cursor=${entities.next}` })).json() as { items: Array<{ key: string }> };
        expect(more.items.map((e) => e.key)).not.toContain(entities.items[0]!.key);
        const varga = (await app.inject({ method: 'GET', url: '/api/entities?prefix=ilse' })).json() as { items: Array<{ key: string }> };
        expect(varga.items.map((e) => e.key)).toContain('per:ilse-varga');
        expect((await app.inject({ method: 'GET', url: '/api/entities/per%3Ailse-varga' })).json()).toMatchObject({ key: 'per:ilse-varga', type: 'PER' });
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
