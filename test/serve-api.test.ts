import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { InputRecord } from '../src/document.js';
import type { CanonicalEvent } from '../src/link/events.js';
import { STORY_PAGE_ONLY, storyListItem, type StoryRecord } from '../src/link/story-record.js';
import { buildApi, type ApiBackend } from '../src/serve/app.js';
import { BadCursor, type StoryFilter } from '../src/store/queries.js';

// A fake backend: the API's own behaviour (validation, errors, ETags, auth, OpenAPI) without a database.
const STORY: StoryRecord = {
  id: 's1', title: 'Ferry aground off Port Avel', summary: [{ article: 'a', start: 0, end: 10, text: 'The ferry.' }], articles: ['a'], events: ['s1#e1'],
  first_seen: '2031-05-10', last_seen: '2031-05-11', outlets: ['Valley Press'], original_articles: 1, independent_sources: 1,
  event_types: ['Strategic developments'], conflicting: false, timeline: [], framing: { actors: [], acts: [], attributions: [] },
};
const EVENT = {
  id: 's1#e1', story: 's1', type: 'Strategic developments', subtype: 'Other', date: { value: '2031-05-10', precision: 1 }, location: null, actors: [],
  killed: { min: null, max: null, conservative: null, latest: null, reports: [] }, injured: { min: null, max: null, conservative: null, latest: null, reports: [] },
  articles: ['a'], sources: ['Valley Press'], independent_sources: 1, mentions: [], conflicts: [], modality: 'asserted',
} as CanonicalEvent;

const seen: { filters: StoryFilter[]; ingested: InputRecord[][] } = { filters: [], ingested: [] };
const backend: ApiBackend = {
  async stories(filter, _limit, cursor) {
    if (cursor === 'bogus') throw new BadCursor('the cursor is not one this API returned');
    seen.filters.push(filter);
    return { items: [STORY], next: null };
  },
  story: async (id) => (id === 's1' ? { story: STORY, events: [EVENT], articles: [] } : null),
  event: async (id) => (id === EVENT.id ? EVENT : null),
  events: async () => ({ items: [EVENT], next: null }),
  article: async () => null,
  search: async () => [{ id: 'a', title: 'Ferry', snippet: 'the <b>ferry</b> ran aground', rank: 0.5 }],
  entities: async () => ({ items: [], next: null }),
  entity: async () => null,
  async ingest(records) {
    seen.ingested.push(records);
    return { stored: records.length, unchanged: 0, rejected: [] };
  },
};

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApi(backend, { token: 'secret-token', bodyLimit: 4096, version: '0.1.0' });
});
afterAll(async () => app.close());

describe('HTTP API', () => {
  it('serves an OpenAPI document listing every endpoint', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/articles/{id}', '/api/documents', '/api/entities', '/api/entities/{id}', '/api/events', '/api/events/{id}', '/api/search', '/api/stories', '/api/stories/{id}']);
  });

  it('passes validated filters to the store and returns a page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/stories?q=ferry&from=2031-05-01&type=Battles&limit=5' });
    expect(res.statusCode).toBe(200);
    // A list item is the story without what only its own page shows.
    expect(res.json()).toEqual({ items: [storyListItem(STORY)], next: null });
    for (const key of STORY_PAGE_ONLY) expect((res.json() as { items: object[] }).items[0]).not.toHaveProperty(key);
    expect(seen.filters.at(-1)).toEqual({ q: 'ferry', from: '2031-05-01', type: 'Battles' });
  });

  it.each([
    ['/api/stories?from=yesterday', 400],
    ['/api/stories?limit=0', 400],
    ['/api/stories?colour=red', 400],
    ['/api/stories?cursor=bogus', 400],
    ['/api/search', 400],
    ['/api/stories/nope', 404],
    ['/api/articles/nope', 404],
    ['/api/entities/per:nobody', 404],
    ['/api/entities?type=PERSON', 400],
    ['/api/events/s1%23e9', 404],
  ])('GET %s → %i with a reason', async (url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect((res.json() as { message: string }).message.length).toBeGreaterThan(5);
  });

  it('answers a repeated GET with 304 when the ETag still matches', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/stories/s1' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await app.inject({ method: 'GET', url: '/api/stories/s1', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('finds an event by id through its story', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/events/${encodeURIComponent('s1#e1')}` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { id: string }).id).toBe('s1#e1');
  });

  it('ingests only with the bearer token, and refuses oversized or malformed bodies', async () => {
    const doc = { text: 'The ferry ran aground.', published: '2031-05-10' };
    expect((await app.inject({ method: 'POST', url: '/api/documents', payload: doc })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/documents', payload: doc, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'POST', url: '/api/documents', payload: [doc, doc], headers: { authorization: 'Bearer secret-token' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ stored: 2, unchanged: 0, rejected: [] });
    const big = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x'.repeat(10_000) }, headers: { authorization: 'Bearer secret-token' } });
    expect(big.statusCode).toBe(413);
    const empty = await app.inject({ method: 'POST', url: '/api/documents', payload: { title: 'no text' }, headers: { authorization: 'Bearer secret-token' } });
    expect(empty.statusCode).toBe(400);
  });

  it('turns HTTP ingest off when started without a token', async () => {
    const closed = await buildApi(backend, { token: null });
    const res = await closed.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x' } });
    expect(res.statusCode).toBe(403);
    expect((res.json() as { message: string }).message).toContain('CROSSCHECK_TOKEN');
    await closed.close();
  });
});
