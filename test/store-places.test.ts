/**
 * Entities on the map: `lat`/`lon`/`country`/`precision` of stored entities from the articles'
 * geocoded places, on both back ends. The rule: the reading most articles give wins, ties go to the
 * finer precision. All places, names and coordinates are fictional.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord, DocumentPlace } from '../src/document.js';
import { insertSchema1Articles } from './support/old-rows.js';
import { indexEntities } from '../src/store/entities.js';
import type { Store, StoredEntity } from '../src/store/index.js';
import { migrate, migrations } from '../src/store/migrations.js';
import { openPgliteClient } from '../src/store/pglite-client.js';
import { pgliteBackend, postgresBackend, withStore } from './support/backends.js';
import { exportWith } from './support/export.js';

type Reading = Pick<DocumentPlace, 'lat' | 'lon' | 'country' | 'precision'>;

const TOWN: Reading = { lat: 41.25, lon: 19.5, country: 'Velmaria', precision: 1 };
const PROVINCE: Reading = { lat: 41.4, lon: 19.75, country: 'Velmaria', precision: 2 };

/** A fictional article mentioning Odran once; `reading` places it (or not, when null). */
function article(id: string, reading: Reading | null, extra: Partial<AnalysisRecord> = {}): AnalysisRecord {
  const body = `Aid convoys reached Odran on ${id}.`;
  const start = body.indexOf('Odran');
  const place = reading && { key: 'loc:odran', name: 'Odran', country_code: reading.country ? 'VM' : null, geonameid: null, ...reading };
  return {
    id,
    url: `https://news.example/${id}`,
    source: { name: 'Example Gazette', domain: 'news.example' },
    title: `Convoy ${id}`,
    published: { value: '2031-06-01', origin: 'input' },
    lang: 'en',
    body,
    sentences: [{ start: 0, end: body.length }],
    entities: [{ start, end: start + 5, text: 'Odran', type: 'LOC', subtype: 'city', key: 'loc:odran', name: 'Odran' }],
    times: [],
    numbers: [],
    places: place ? [place] : [],
    quotes: [],
    events: [],
    claims: [],
    ...extra,
  };
}

async function odranOf(store: Store): Promise<StoredEntity | undefined> {
  for await (const entity of store.entities()) if (entity.key === 'loc:odran') return entity;
  return undefined;
}

const located = (reading: Reading | null) =>
  reading ? { lat: reading.lat, lon: reading.lon, country: reading.country, precision: reading.precision }
    : { lat: null, lon: null, country: null, precision: null };

for (const backend of [pgliteBackend(async (dir) => (await openPgliteClient(dir)).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`entity places on ${backend.name}`, () => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('places an entity where its articles place it, and exports the place in NDJSON and CSV', async () => {
      const options = await backend.fresh();
      await withStore(options, (store) => store.putArticles([article('p1', TOWN), article('p2', TOWN)]));
      await withStore(options, async (store) => expect(await odranOf(store)).toMatchObject(located(TOWN)));
      const ndjson = await exportWith(options, ['entities']);
      expect(JSON.parse(ndjson.out.trim())).toMatchObject({ key: 'loc:odran', ...located(TOWN) });
      const csv = await exportWith(options, ['entities', '--format', 'csv']);
      expect(csv.out.split('\r\n')[1]).toBe('loc:odran,LOC,city,Odran,Odran,2,2,2031-06-01,2031-06-01,41.25,19.5,Velmaria,1');
    });

    it('takes the reading most articles give; a tie goes to the finer precision, in any ingest order', async () => {
      const majority = [article('m1', PROVINCE), article('m2', PROVINCE), article('m3', TOWN)];
      const tie = [...majority, article('m4', TOWN)];
      for (const [records, expected] of [[majority, PROVINCE], [tie, TOWN]] as const) {
        for (const order of [records, [...records].reverse()]) {
          await withStore(await backend.fresh(), async (store) => {
            for (const record of order) await store.putArticles([record]);
            expect(await odranOf(store)).toMatchObject(located(expected));
          });
        }
      }
    });

    it('follows revisions: a re-placed article moves its vote, an unplaced entity goes back to null', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([article('r1', PROVINCE), article('r2', PROVINCE), article('r3', TOWN)]);
        await store.putArticles([article('r1', TOWN)]);
        expect(await odranOf(store)).toMatchObject(located(TOWN));
        expect(await store.putArticles([article('r1', TOWN)])).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
        await store.putArticles([article('r1', null), article('r2', null), article('r3', null)]);
        expect(await odranOf(store)).toMatchObject(located(null));
      });
    });

    it('ignores places it cannot use, and rejects places that are not a list', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const unplaced = { key: 'loc:odran', name: 'Odran', country: null, country_code: null, lat: null, lon: null, precision: 3, geonameid: null };
        await store.putArticles([article('u1', null, { places: [unplaced as DocumentPlace] })]);
        expect(await odranOf(store)).toMatchObject(located(null));
        await store.putArticles([article('u2', { ...TOWN, country: null })]);
        expect(await odranOf(store)).toMatchObject(located({ ...TOWN, country: null }));
        const broken = { ...article('u3', TOWN), places: { key: 'loc:odran' } } as unknown as AnalysisRecord;
        await expect(store.putArticles([broken])).rejects.toThrow(/"u3".*places/);
      });
    });

    it('migration 4 places the entities of articles stored before it existed', async () => {
      const options = await backend.fresh();
      const client = await backend.rawClient(options);
      try {
        await migrate(client, migrations.filter((step) => step.version < 4));
        // What a crosscheck with schema 2 stored: articles and their entities, no places.
        await client.transaction(async (tx) => {
          await indexEntities(tx, await insertSchema1Articles(tx, [article('o1', TOWN), article('o2', PROVINCE), article('o3', PROVINCE)]));
        });
      } finally {
        await client.close();
      }
      await withStore(options, async (store) => {
        expect(await odranOf(store)).toMatchObject({ mentions: 3, articles: 3, ...located(PROVINCE) });
      });
    });
  });
}
