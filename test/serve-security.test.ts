/**
 * Hostile clients (issue 7, API security): a per-client rate limit, no CORS unless asked for, and
 * SQL injection strings in every filter, path and search of the API over a real store, which must
 * come back as data or a 4xx, never as a server error or a changed database. Fictional articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { buildApi } from '../src/serve/app.js';
import { MemoryBackend } from '../src/serve/memory-backend.js';
import { storeBackend } from '../src/serve/store-backend.js';
import { openStore } from '../src/store/index.js';
import { openPgliteClient } from '../src/store/pglite-client.js';
import { pgliteBackend, postgresBackend } from './support/backends.js';

const NOW = new Date('2031-06-01T00:00:00Z');
const ARTICLES = [
  { id: 'dam-1', published: '2031-05-10', source: 'Harbour Wire', title: 'Dam breach floods Lower Tessa',
    text: 'At least 12 people were killed when the Varn dam breached above Lower Tessa on Tuesday, the regional council said.' },
  { id: 'dam-2', published: '2031-05-11', source: 'Valley Press', title: 'Lower Tessa counts its dead',
    text: 'The toll from the Varn dam breach rose to 14, council spokeswoman Ada Ferrin said in Lower Tessa on Wednesday.' },
];

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE articles; --",
  '"; DROP TABLE stories; --',
  "x') UNION SELECT id, body, body FROM articles --",
  '1; SELECT pg_sleep(5)',
  '$1',
  '\\',
  "%' OR 1=1 --",
  '<script>alert(1)</script>',
  "loc:x' AND 1=(SELECT COUNT(*) FROM pg_catalog.pg_tables) --",
];

const FILTER_URLS = (value: string): string[] => {
  const v = encodeURIComponent(value);
  return [
    `/api/stories?q=${v}`, `/api/stories?entity=${v}`, `/api/stories?place=${v}`, `/api/stories?type=${v}`,
    `/api/stories?from=${v}`, `/api/stories?to=${v}`, `/api/stories?cursor=${v}`,
    `/api/stories/${v}`, `/api/events?story=${v}`, `/api/events?type=${v}`, `/api/events?from=${v}`, `/api/events?cursor=${v}`,
    `/api/events/${v}`, `/api/articles/${v}`, `/api/entities?prefix=${v}`, `/api/entities?type=${v}`, `/api/entities?cursor=${v}`,
    `/api/entities/${v}`, `/api/search?q=${v}`,
  ];
};

describe('API limits and headers', () => {
  it('answers 429 with a retry-after header once a client passes its requests per minute', async () => {
    const app = await buildApi(new MemoryBackend(NOW), { token: null, requestsPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await app.inject({ method: 'GET', url: '/api/stories' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await app.inject({ method: 'GET', url: '/api/stories' });
      expect(limited.headers['retry-after']).toBeDefined();
      expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      // Another client is not held back by the first one.
      expect((await app.inject({ method: 'GET', url: '/api/stories', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('sends no CORS headers: another site cannot read the API from a browser', async () => {
    const app = await buildApi(new MemoryBackend(NOW), { token: 'secret' });
    try {
      const get = await app.inject({ method: 'GET', url: '/api/stories', headers: { origin: 'https://elsewhere.example' } });
      expect(get.statusCode).toBe(200);
      expect(Object.keys(get.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      const preflight = await app.inject({
        method: 'OPTIONS', url: '/api/documents',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
      expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

for (const backend of [pgliteBackend(async (dir) => (await openPgliteClient(dir)).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`SQL injection strings on ${backend.name}`, () => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('come back as data or a 4xx from every filter, path and search, and change nothing', async () => {
      const store = await openStore(await backend.fresh());
      const app = await buildApi(storeBackend(store, () => NOW), { token: null, requestsPerMinute: null });
      try {
        await store.putArticles(ARTICLES.map((a) => analyzeRecord(a.id, a, NOW)));
        await store.link();
        const snapshot = async (): Promise<string> =>
          JSON.stringify([
            (await app.inject({ method: 'GET', url: '/api/stories?limit=200' })).json(),
            (await app.inject({ method: 'GET', url: '/api/events?limit=200' })).json(),
            (await app.inject({ method: 'GET', url: '/api/entities?limit=200' })).json(),
            (await app.inject({ method: 'GET', url: '/api/articles/dam-1' })).json(),
          ]);
        const before = await snapshot();
        const failures: string[] = [];
        for (const value of INJECTIONS) {
          for (const url of FILTER_URLS(value)) {
            const response = await app.inject({ method: 'GET', url });
            if (![200, 400, 404].includes(response.statusCode)) failures.push(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
            if (response.statusCode === 200 && url.startsWith('/api/stories?')) {
              // A filter that matched nothing must not have matched everything.
              const items = (response.json() as { items: unknown[] }).items;
              expect(items.length, url).toBeLessThanOrEqual(1);
            }
          }
        }
        expect(failures).toEqual([]);
        expect(await snapshot()).toBe(before);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
