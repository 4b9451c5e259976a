/**
 * One suite, two back ends: embedded PGlite in a temp dir and a real PostgreSQL server started by
 * test/support/pg-server.ts. Every test gets an empty, migrated database of its own.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import { openStore, StoreError, type StoredArticle } from '../src/store/index.js';
import { migrate, migrations } from '../src/store/migrations.js';
import { pgliteBackend, postgresBackend, withStore } from './support/backends.js';
import { exportWith } from './support/export.js';


/** Fictional articles; every field of the contract present. */
function article(id: string, overrides: Partial<AnalysisRecord> = {}): AnalysisRecord {
  const body = overrides.body ?? `Officials in Eastwick said the ${id} bridge reopened on Tuesday after repairs.`;
  return {
    id,
    url: `https://news.example/${id}`,
    source: { name: 'Example Gazette', domain: 'news.example' },
    title: `Bridge ${id} reopens`,
    published: { value: '2031-04-02', origin: 'input' },
    lang: 'en',
    body,
    sentences: [{ start: 0, end: body.length }],
    entities: [{ start: 13, end: 20, text: body.slice(13, 20), type: 'LOC', subtype: 'city', key: 'loc:eastwick', name: 'Eastwick' }],
    times: [{ start: 0, end: 3, text: body.slice(0, 3), type: 'DATE', value: '2031-04-01' }],
    numbers: [{ start: 0, end: 2, text: body.slice(0, 2), value: 2, min: 2, max: null, approx: false, kind: 'count', unit: null }],
    places: [{ key: 'loc:eastwick', name: 'Eastwick', country: null, country_code: null, lat: 1.5, lon: -2.25, precision: 1, geonameid: null }],
    quotes: [{ start: 0, end: 9, text: body.slice(0, 9), direct: false, cue: { start: 9, end: 13, text: body.slice(9, 13) },
      speaker: { start: 0, end: 9, text: body.slice(0, 9), key: null } }],
    events: [{ type: 'Strategic developments', subtype: 'Other', trigger: { start: 0, end: 4, text: body.slice(0, 4) },
      sentence: { start: 0, end: body.length }, actors: [{ role: 'agent', start: 0, end: 9, text: body.slice(0, 9), key: null }],
      location: { name: 'Eastwick', country: null, lat: 1.5, lon: -2.25, precision: 1 }, date: { value: '2031-04-01', precision: 1 },
      killed: { min: null, max: null }, injured: { min: 0, max: 3 }, attribution: { text: 'Officials', key: null, cue: 'said' },
      modality: 'reported' }],
    claims: [{ kind: 'figure', start: 0, end: 2, text: body.slice(0, 2), subject: 'bridges', value: 2, min: 2, max: null, approx: false,
      unit: null, attribution: null, asserted: '2031-04-02', sentence: { start: 0, end: body.length }, event: null }],
    ...overrides,
  };
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}

// Stored, not yet linked (`store.link()` assigns stories and originals).
const stored = (record: AnalysisRecord): StoredArticle => ({ ...record, story: null, duplicate_of: null });

async function collect(iterable: AsyncIterable<StoredArticle>): Promise<StoredArticle[]> {
  const all: StoredArticle[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

/** A strict RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      const end = findClosingQuote(text, i + 1);
      field = text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i += 1;
    else return i;
  }
  throw new Error('unterminated quoted CSV field');
}


for (const backend of [pgliteBackend(async (dir) => (await openStore({ dbDir: dir })).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`store on ${backend.name}`, () => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('reports its kind and applies migrations once, however often it is opened', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        expect(store.kind).toBe(backend.name);
        expect(await store.putArticles([article('m1')])).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      });
      await withStore(options, async (store) => expect(await store.countArticles()).toBe(1));
      const client = await backend.rawClient(options);
      try {
        expect(await migrate(client)).toEqual([]);
        const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((row) => Number(row.version))).toEqual(migrations.map((step) => step.version));
      } finally {
        await client.close();
      }
    });

    it('handles concurrent openers: a server migrates once, an embedded database admits one process', async () => {
      const options = await backend.fresh();
      if (backend.name === 'postgres') {
        const stores = await Promise.all([1, 2, 3].map(() => openStore(options)));
        await Promise.all(stores.map((store, i) => store.putArticles([article(`c${i}`)])));
        expect(await stores[0]?.countArticles()).toBe(3);
        await Promise.all(stores.map((store) => store.close()));
        return;
      }
      await withStore(options, async () => {
        await expect(openStore(options)).rejects.toThrow(/in use by process/);
      });
      await withStore(options, async (store) => expect(await store.countArticles()).toBe(0));
    });

    it('re-putting the same records changes nothing, even with keys in another order', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const records = ['a', 'b', 'c'].map((id) => article(id));
        expect(await store.putArticles(records)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
        expect(await store.putArticles(records)).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
        const reordered = reverseKeys(records[1]) as AnalysisRecord;
        expect(await store.putArticles([reordered])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
        expect(await store.countArticles()).toBe(3);
      });
    });

    it('a revised article is updated in place and keeps its position', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([article('first'), article('second')]);
        const revised = article('first', { title: 'Bridge first reopens, with a correction', body: 'A corrected body.' });
        expect(await store.putArticles([revised, article('second')])).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
        const all = await collect(store.articles());
        expect(all.map((a) => a.id)).toEqual(['first', 'second']);
        expect(all[0]).toEqual(stored(revised));
      });
    });

    it('a repeated id inside one call counts as if the records were put one after another', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const result = await store.putArticles([article('r'), article('r'), article('r', { body: 'Changed.' })]);
        expect(result).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
        expect((await collect(store.articles()))[0]?.body).toBe('Changed.');
      });
    });

    it('rejects an unstorable record before writing anything, naming it', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const bad = article('nul-byte', { body: 'Text with a \u0000 inside.' });
        await expect(store.putArticles([article('ok-1'), bad])).rejects.toThrow(/"nul-byte".*NUL/);
        await expect(store.putArticles([article('ok-2'), article('', {})])).rejects.toThrow(StoreError);
        expect(await store.countArticles()).toBe(0);
      });
    });

    it('rolls back every chunk when the database refuses one record, and names that record', async () => {
      const options = await backend.fresh();
      await (await openStore(options)).close();
      const client = await backend.rawClient(options);
      try {
        await client.query(`CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.title = 'REFUSE' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
        await client.query('CREATE TRIGGER refuse_marked BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_marked()');
      } finally {
        await client.close();
      }
      await withStore(options, async (store) => {
        const records = Array.from({ length: 450 }, (_, i) => article(`bulk-${i}`));
        records[321] = article('bulk-321', { title: 'REFUSE' });
        await expect(store.putArticles(records)).rejects.toThrow(/"bulk-321".*refused by test trigger/);
        expect(await store.countArticles()).toBe(0);
        records[321] = article('bulk-321');
        expect(await store.putArticles(records)).toEqual({ inserted: 450, updated: 0, unchanged: 0 });
      });
    });

    it('streams articles first ingested first, page by page, in the contract field order', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const ids = Array.from({ length: 23 }, (_, i) => `s${String(22 - i).padStart(2, '0')}`);
        await store.putArticles(ids.slice(0, 10).map((id) => article(id)));
        await store.putArticles(ids.slice(10).map((id) => article(id)));
        await store.putArticles([article(ids[0] as string, { body: 'Revised later.' })]);
        const all = await collect(store.articles({ batchSize: 4 }));
        expect(all.map((a) => a.id)).toEqual(ids);
        expect(all[5]).toEqual(stored(article(ids[5] as string)));
        expect(Object.keys(all[5] as object)).toEqual(['id', 'url', 'source', 'title', 'published', 'lang', 'body',
          'sentences', 'entities', 'times', 'numbers', 'places', 'quotes', 'events', 'claims', 'story', 'duplicate_of']);
        expect(Object.keys(all[5]?.entities[0] as object)).toEqual(['start', 'end', 'text', 'type', 'subtype', 'key', 'name']);
        expect(Object.keys(all[5]?.events[0] as object).slice(0, 4)).toEqual(['type', 'subtype', 'trigger', 'sentence']);
      });
    });

    it('stores any well-formed text exactly (property)', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const text = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replaceAll('\u0000', ''));
        const records = fc.sample(
          fc.record({ title: fc.option(text), body: text, name: fc.option(text) }),
          { numRuns: 40, seed: 7 },
        ).map(({ title, body, name }, i) => ({
          ...article(`p${i}`, { title, body, entities: [], times: [], numbers: [], quotes: [], events: [], claims: [] }),
          source: { name, domain: null },
          sentences: [{ start: 0, end: body.length }],
        }));
        await store.putArticles(records);
        expect(await collect(store.articles({ batchSize: 7 }))).toEqual(records.map(stored));
      });
    });

    it('finds articles by full text, ranked, with highlighted snippets', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([
          article('flood', { title: 'River floods the lower town', body: 'The river rose overnight. Volunteers stacked sandbags along the quay while the water kept rising.' }),
          article('market', { title: 'Market hours change', body: 'The weekly market moves to Thursday. Traders said flooding of the square last spring forced the change.' }),
          article('choir', { title: 'Choir wins prize', body: 'The town choir won the regional prize on Sunday.' }),
        ]);
        const hits = await store.search('floods');
        expect(hits.map((h) => h.id)).toEqual(['flood', 'market']);
        expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? Infinity);
        expect(hits[1]?.snippet).toContain('<b>flooding</b>');
        expect(hits[0]?.title).toBe('River floods the lower town');
        expect((await store.search('"weekly market" -choir')).map((h) => h.id)).toEqual(['market']);
        expect(await store.search('   ')).toEqual([]);
        expect(await store.search('sandbags', 1)).toHaveLength(1);
      });
    });

    it('exports NDJSON and CSV that read back to what was stored', async () => {
      const options = await backend.fresh();
      const tricky = article('csv-1', {
        title: 'Comma, "quote" and\nnewline',
        body: 'Line one, with a comma.\r\nLine "two"\nLine three ; é 😀',
      });
      const records = [tricky, article('csv-2', { url: null, published: null, source: { name: null, domain: null } })];
      await withStore(options, (store) => store.putArticles(records));

      const ndjson = await exportWith(options, ['articles']);
      expect(ndjson.code).toBe(0);
      const lines = ndjson.out.split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(records.map(stored));

      const csv = await exportWith(options, ['articles', '--format', 'csv']);
      expect(csv.code).toBe(0);
      const [header, ...rows] = parseCsv(csv.out);
      expect(header).toEqual(['id', 'url', 'source', 'domain', 'title', 'published', 'origin', 'lang', 'story', 'duplicate_of', 'body']);
      expect(rows).toEqual([
        ['csv-1', tricky.url, 'Example Gazette', 'news.example', tricky.title, '2031-04-02', 'input', 'en', '', '', tricky.body],
        ['csv-2', '', '', '', 'Bridge csv-2 reopens', '', '', 'en', '', '', records[1]?.body],
      ]);
    });
  });
}

describe('store errors', () => {
  it('refuses to create a database inside a non-empty foreign directory', async () => {
    await expect(openStore({ dbDir: join(process.cwd(), 'src') })).rejects.toThrow(/holds no crosscheck database/);
  });

  it('names the server it cannot reach, without the password', async () => {
    const error = await openStore({ databaseUrl: 'postgres://someone:secret@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none/);
    expect((error as Error).message).not.toContain('secret');
  });
});
