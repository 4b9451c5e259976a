/**
 * Canonical entities across documents, on both back ends (embedded PGlite and a real PostgreSQL
 * server): merging, idempotence, updates, the surname rule, streaming and `export entities`.
 * All names and texts are fictional.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord, Entity, EntityType } from '../src/document.js';
import { KEY_DECISIONS } from '../src/store/entities.js';
import { openStore, type Store, type StoredEntity } from '../src/store/index.js';
import { migrate, migrations } from '../src/store/migrations.js';
import { classifyName } from '../src/store/person-names.js';
import { openPgliteClient } from '../src/store/pglite-client.js';
import { insertSchema1Articles } from './support/old-rows.js';
import { pgliteBackend, postgresBackend, withStore } from './support/backends.js';
import { exportWith } from './support/export.js';


/** One mention to write into a fictional body: surface text, type, per-document key, canonical name. */
interface MentionSpec {
  text: string;
  type: EntityType;
  key: string;
  name: string;
  subtype?: string | null;
}

const per = (text: string, key: string, name: string): MentionSpec => ({ text, type: 'PER', key, name });
const loc = (text: string, key: string, name: string, subtype = 'city'): MentionSpec => ({ text, type: 'LOC', key, name, subtype });
const org = (text: string, key: string, name: string): MentionSpec => ({ text, type: 'ORG', key, name });

/** A fictional article whose body holds the mentions, each in a sentence of its own (spans exact). */
function doc(id: string, published: string | null, mentions: readonly MentionSpec[]): AnalysisRecord {
  let body = '';
  const entities: Entity[] = [];
  for (const mention of mentions) {
    body += 'Reports mentioned ';
    const start = body.length;
    body += mention.text;
    entities.push({ start, end: body.length, text: mention.text, type: mention.type, subtype: mention.subtype ?? null,
      key: mention.key, name: mention.name });
    body += ' on the record. ';
  }
  return {
    id,
    url: `https://news.example/${id}`,
    source: { name: 'Example Gazette', domain: 'news.example' },
    title: `Story ${id}`,
    published: published ? { value: published, origin: 'input' } : null,
    lang: 'en',
    body,
    sentences: [{ start: 0, end: body.length }],
    entities,
    times: [],
    numbers: [],
    places: [],
    quotes: [],
    events: [],
    claims: [],
  };
}

async function entitiesOf(store: Store, batchSize?: number): Promise<StoredEntity[]> {
  const all: StoredEntity[] = [];
  for await (const entity of store.entities({ batchSize })) all.push(entity);
  return all;
}

const byKey = (entities: readonly StoredEntity[]): Map<string, StoredEntity> => new Map(entities.map((e) => [e.key, e]));


const TALIA = (text = 'Talia Brennwick') => per(text, 'per:talia-brennwick', 'Talia Brennwick');
const BRENNWICK = (text = 'Brennwick') => per(text, 'per:brennwick', 'Brennwick');
const ODRAN = loc('Odran', 'loc:odran', 'Odran');

describe('classifyName', () => {
  it.each([
    ['PER', 'Talia Brennwick', 'full', 'brennwick'],
    ['PER', 'Brennwick', 'surname', 'brennwick'],
    ['PER', 'Ilse van der Hoorn', 'full', 'van-der-hoorn'],
    ['PER', 'van der Hoorn', 'surname', 'van-der-hoorn'],
    ['PER', 'Karim al-Haddadi', 'full', 'haddadi'],
    ['PER', 'Haddadi', 'surname', 'haddadi'],
    ['PER', 'Oren Castell Jr.', 'full', 'castell'],
    ['PER', 'Zoë Ändersby', 'full', 'andersby'],
    ['ORG', 'Brennwick', 'other', null],
    ['PER', '  ', 'other', null],
  ])('%s "%s" is %s with surname %s', (type, name, kind, surname) => {
    expect(classifyName(type, name)).toEqual({ kind, surname });
  });
});

for (const backend of [pgliteBackend(// An initialised but unmigrated database: the backfill test needs migration 1 only.
  async (dir) => (await openPgliteClient(dir)).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`entity store on ${backend.name}`, () => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('joins the same key across articles, collecting aliases, counts and the published range', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([
          doc('a1', '2031-05-02', [TALIA(), ODRAN, TALIA('Ms Brennwick')]),
          doc('a2', '2031-04-20', [TALIA(), loc('ODRAN', 'loc:odran', 'Odran')]),
          doc('a3', null, [ODRAN]),
        ]);
        const entities = await entitiesOf(store);
        expect(entities.map((e) => e.key)).toEqual(['loc:odran', 'per:talia-brennwick']);
        const talia = entities[1] as StoredEntity;
        expect(Object.keys(talia)).toEqual(['key', 'type', 'subtype', 'name', 'aliases', 'mentions', 'articles',
          'first_seen', 'last_seen', 'lat', 'lon', 'country', 'precision']);
        expect(talia).toEqual({
          key: 'per:talia-brennwick', type: 'PER', subtype: null, name: 'Talia Brennwick',
          aliases: [{ text: 'Talia Brennwick', count: 2 }, { text: 'Ms Brennwick', count: 1 }],
          mentions: 3, articles: 2, first_seen: '2031-04-20', last_seen: '2031-05-02',
          lat: null, lon: null, country: null, precision: null,
        });
        const odran = entities[0] as StoredEntity;
        expect(odran).toMatchObject({ type: 'LOC', subtype: 'city', mentions: 3, articles: 3,
          first_seen: '2031-04-20', last_seen: '2031-05-02' });
        expect(odran.aliases).toEqual([{ text: 'Odran', count: 2 }, { text: 'ODRAN', count: 1 }]);
        expect(await store.countEntities()).toBe(2);
      });
    });

    it('describes a place by its place subtype, not by the nationality its demonym mentions carry', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const odrani = loc('Odrani', 'loc:odran', 'Odran', 'nationality');
        await store.putArticles([doc('n1', '2031-03-03', [odrani, odrani, loc('Odran', 'loc:odran', 'Odran', 'country')])]);
        await store.putArticles([doc('n2', '2031-03-04', [{ text: 'Velmar', type: 'MISC', key: 'misc:velmar', name: 'Velmar', subtype: 'nationality' }])]);
        const entities = byKey(await entitiesOf(store));
        expect(entities.get('loc:odran')).toMatchObject({ subtype: 'country', name: 'Odran', mentions: 3,
          aliases: [{ text: 'Odrani', count: 2 }, { text: 'Odran', count: 1 }] });
        expect(entities.get('misc:velmar')?.subtype).toBe('nationality');
      });
    });

    it('falls back to the ingest time when no article of an entity has a published date', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const before = new Date(Date.now() - 60_000).toISOString();
        await store.putArticles([doc('undated', null, [org('Vellmark Freight', 'org:vellmark-freight', 'Vellmark Freight')])]);
        const [entity] = await entitiesOf(store);
        expect(entity?.first_seen).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect((entity?.first_seen ?? '') >= before.slice(0, 19)).toBe(true);
        expect(entity?.last_seen).toBe(entity?.first_seen);
      });
    });

    it('re-putting unchanged articles changes nothing, however they are batched', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const records = [doc('i1', '2031-01-01', [TALIA(), ODRAN]), doc('i2', '2031-01-02', [BRENNWICK(), ODRAN])];
        await store.putArticles(records);
        const first = await entitiesOf(store);
        expect(await store.putArticles(records)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
        await store.putArticles([records[1] as AnalysisRecord]);
        await store.putArticles([records[0] as AnalysisRecord, records[0] as AnalysisRecord]);
        expect(await entitiesOf(store)).toEqual(first);
      });
    });

    it('an updated article replaces its own mentions; an entity nobody mentions any more disappears', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([
          doc('u1', '2031-02-01', [TALIA(), TALIA(), ODRAN]),
          doc('u2', '2031-02-03', [TALIA()]),
        ]);
        expect(byKey(await entitiesOf(store)).get('per:talia-brennwick')?.mentions).toBe(3);
        const revised = doc('u1', '2031-02-01', [org('Odran Council', 'org:odran-council', 'Odran Council')]);
        expect(await store.putArticles([revised])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
        const entities = byKey(await entitiesOf(store));
        expect([...entities.keys()].sort()).toEqual(['org:odran-council', 'per:talia-brennwick']);
        expect(entities.get('per:talia-brennwick')).toMatchObject({ mentions: 1, articles: 1,
          first_seen: '2031-02-03', last_seen: '2031-02-03', aliases: [{ text: 'Talia Brennwick', count: 1 }] });
      });
    });

    it('merges a surname-only key into the one full name with that surname, whatever the order', async () => {
      const fullFirst = [doc('s1', '2031-03-01', [TALIA()]), doc('s2', '2031-03-02', [BRENNWICK(), BRENNWICK()])];
      const results: StoredEntity[][] = [];
      for (const order of [fullFirst, [...fullFirst].reverse()]) {
        await withStore(await backend.fresh(), async (store) => {
          for (const record of order) await store.putArticles([record]);
          results.push(await entitiesOf(store));
        });
      }
      expect(results[0]).toEqual(results[1]);
      expect(results[0]).toEqual([expect.objectContaining({
        key: 'per:talia-brennwick', name: 'Talia Brennwick', mentions: 3, articles: 2,
        aliases: [{ text: 'Brennwick', count: 2 }, { text: 'Talia Brennwick', count: 1 }],
      })]);
    });

    it('keeps a shared surname apart: two full-name Clintons leave per:clinton on its own, and say why', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        await store.putArticles([doc('c1', '2031-06-01', [per('Clinton', 'per:clinton', 'Clinton')])]);
        await store.putArticles([doc('c2', '2031-06-02', [per('Ada Clinton', 'per:ada-clinton', 'Ada Clinton')])]);
        expect((await entitiesOf(store)).map((e) => e.key)).toEqual(['per:ada-clinton']);
        await store.putArticles([doc('c3', '2031-06-03', [per('Boris Clinton', 'per:boris-clinton', 'Boris Clinton')])]);
        const entities = byKey(await entitiesOf(store));
        expect([...entities.keys()].sort()).toEqual(['per:ada-clinton', 'per:boris-clinton', 'per:clinton']);
        expect(entities.get('per:ada-clinton')).toMatchObject({ mentions: 1, aliases: [{ text: 'Ada Clinton', count: 1 }] });
        expect(entities.get('per:clinton')).toMatchObject({ name: 'Clinton', mentions: 1 });
        // A surname never joins another type's entity of the same name.
        await store.putArticles([doc('c4', null, [org('Clinton', 'org:clinton', 'Clinton')])]);
        expect(byKey(await entitiesOf(store)).get('org:clinton')?.mentions).toBe(1);
      });
      const client = await backend.rawClient(options);
      try {
        const { rows } = await client.query<{ entity_key: string; decision: string }>(
          `SELECT entity_key, decision FROM entity_keys WHERE doc_key = 'per:clinton'`,
        );
        expect(rows).toEqual([{ entity_key: 'per:clinton', decision: KEY_DECISIONS.surnameAmbiguous }]);
      } finally {
        await client.close();
      }
    });

    it('undoes a surname merge when the full name it joined is no longer mentioned', async () => {
      await withStore(await backend.fresh(), async (store) => {
        await store.putArticles([doc('m1', '2031-07-01', [TALIA()]), doc('m2', '2031-07-02', [BRENNWICK()])]);
        expect((await entitiesOf(store)).map((e) => e.key)).toEqual(['per:talia-brennwick']);
        await store.putArticles([doc('m1', '2031-07-01', [ODRAN])]);
        const entities = byKey(await entitiesOf(store));
        expect([...entities.keys()].sort()).toEqual(['loc:odran', 'per:brennwick']);
        expect(entities.get('per:brennwick')).toMatchObject({ name: 'Brennwick', mentions: 1, articles: 1 });
      });
    });

    it('gives the same entities for any order and batching of the same articles (property)', async () => {
      const pool = [
        doc('p1', '2031-08-01', [TALIA(), ODRAN]),
        doc('p2', '2031-08-02', [BRENNWICK(), per('Clinton', 'per:clinton', 'Clinton')]),
        doc('p3', '2031-08-03', [per('Ada Clinton', 'per:ada-clinton', 'Ada Clinton'), BRENNWICK('BRENNWICK')]),
        doc('p4', null, [per('Boris Clinton', 'per:boris-clinton', 'Boris Clinton'), ODRAN]),
        doc('p5', '2031-08-05', [per('Haddadi', 'per:haddadi', 'Haddadi'), org('Odran Council', 'org:odran-council', 'Odran Council')]),
      ];
      const runs = fc.sample(fc.tuple(fc.shuffledSubarray(pool, { minLength: pool.length }), fc.integer({ min: 1, max: 3 })), {
        numRuns: 3,
        seed: 11,
      });
      let reference: StoredEntity[] | null = null;
      for (const [order, batch] of [[pool, pool.length] as const, ...runs]) {
        const entities = await withStore(await backend.fresh(), async (store) => {
          for (let at = 0; at < order.length; at += batch) await store.putArticles(order.slice(at, at + batch));
          return (await entitiesOf(store)).map((e) => ({ ...e, first_seen: null, last_seen: null }));
        });
        reference ??= entities;
        expect(entities).toEqual(reference);
      }
      expect(reference?.map((e) => e.key).sort()).toEqual(['loc:odran', 'org:odran-council', 'per:ada-clinton',
        'per:boris-clinton', 'per:clinton', 'per:haddadi', 'per:talia-brennwick']);
    });

    it('after any sequence of puts and revisions, equals storing the final versions at once (property)', async () => {
      const versions: Record<string, AnalysisRecord[]> = {
        v1: [doc('v1', '2031-11-05', [TALIA(), ODRAN]), doc('v1', '2031-11-01', [BRENNWICK()])],
        v2: [doc('v2', '2031-11-03', [BRENNWICK(), BRENNWICK('Brennwick ')]), doc('v2', null, [loc('Odran', 'loc:odran', 'Odran', 'region')])],
        v3: [doc('v3', null, [per('Ada Clinton', 'per:ada-clinton', 'Ada Clinton'), per('Clinton', 'per:clinton', 'Clinton')]),
          doc('v3', '2031-11-09', [TALIA('T. Brennwick'), ODRAN, ODRAN])],
      };
      const step = fc.tuple(fc.constantFrom('v1', 'v2', 'v3'), fc.integer({ min: 0, max: 1 }));
      const runs = fc.sample(fc.array(step, { minLength: 3, maxLength: 7 }), { numRuns: 3, seed: 5 });
      const withoutIngestTimes = (entities: StoredEntity[]) =>
        entities.map((e) => ({ ...e, first_seen: e.first_seen?.includes('T') ? 'ingested' : e.first_seen,
          last_seen: e.last_seen?.includes('T') ? 'ingested' : e.last_seen }));
      for (const steps of runs) {
        const latest = new Map<string, AnalysisRecord>();
        const incremental = await withStore(await backend.fresh(), async (store) => {
          for (const [id, version] of steps) {
            const record = versions[id]?.[version] as AnalysisRecord;
            latest.set(id, record);
            await store.putArticles([record]);
          }
          return withoutIngestTimes(await entitiesOf(store));
        });
        const rebuilt = await withStore(await backend.fresh(), async (store) => {
          await store.putArticles([...latest.values()]);
          return withoutIngestTimes(await entitiesOf(store));
        });
        expect(incremental).toEqual(rebuilt);
      }
    });

    it.runIf(backend.name === 'postgres')('concurrent writers to one server end as if they had written in turn', async () => {
      const records = [
        doc('w1', '2031-12-01', [TALIA(), ODRAN, per('Ada Clinton', 'per:ada-clinton', 'Ada Clinton')]),
        doc('w2', '2031-12-02', [BRENNWICK(), ODRAN, per('Clinton', 'per:clinton', 'Clinton')]),
        doc('w3', '2031-12-03', [per('Boris Clinton', 'per:boris-clinton', 'Boris Clinton'), ODRAN, TALIA()]),
      ];
      const options = await backend.fresh();
      const stores = await Promise.all(records.map(() => openStore(options)));
      try {
        await Promise.all(stores.map((store, i) => store.putArticles([records[i] as AnalysisRecord])));
        const concurrent = await entitiesOf(stores[0] as Store);
        const sequential = await withStore(await backend.fresh(), async (store) => {
          for (const record of records) await store.putArticles([record]);
          return entitiesOf(store);
        });
        expect(concurrent).toEqual(sequential);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('streams most mentioned first, ties by key, page by page', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const places = Array.from({ length: 9 }, (_, i) => loc(`Place ${i}`, `loc:place-${i}`, `Place ${i}`));
        await store.putArticles([
          doc('r1', '2031-09-01', [...places, places[4] as MentionSpec, places[4] as MentionSpec, places[7] as MentionSpec]),
        ]);
        const streamed = await entitiesOf(store, 2);
        expect(streamed.map((e) => [e.key, e.mentions])).toEqual([
          ['loc:place-4', 3], ['loc:place-7', 2],
          ...[0, 1, 2, 3, 5, 6, 8].map((i) => [`loc:place-${i}`, 1]),
        ]);
        expect(streamed).toEqual(await entitiesOf(store));
      });
    });

    it('rejects a record whose entities the index cannot read, storing nothing', async () => {
      await withStore(await backend.fresh(), async (store) => {
        const broken = { ...doc('bad', null, [ODRAN]), entities: [{ start: 0, end: 1, text: 'R', type: 'LOC' }] };
        await expect(store.putArticles([doc('fine', null, [ODRAN]), broken as AnalysisRecord]))
          .rejects.toThrow(/"bad".*entities\[0\]/);
        expect(await store.countArticles()).toBe(0);
        expect(await store.countEntities()).toBe(0);
      });
    });

    it('migrating fills the entity tables from articles stored before they existed', async () => {
      const options = await backend.fresh();
      const client = await backend.rawClient(options);
      try {
        await migrate(client, migrations.filter((step) => step.version === 1));
        await insertSchema1Articles(client, [doc('old1', '2030-01-01', [TALIA()]), doc('old2', '2030-01-02', [BRENNWICK()])]);
      } finally {
        await client.close();
      }
      await withStore(options, async (store) => {
        expect(await entitiesOf(store)).toEqual([expect.objectContaining({
          key: 'per:talia-brennwick', mentions: 2, articles: 2, first_seen: '2030-01-01', last_seen: '2030-01-02' })]);
      });
    });

    it('exports entities as NDJSON and CSV (aliases joined with "|")', async () => {
      const options = await backend.fresh();
      await withStore(options, (store) => store.putArticles([
        doc('e1', '2031-10-01', [TALIA(), TALIA('Brennwick, Talia'), ODRAN, ODRAN]),
        doc('e2', '2031-10-02', [TALIA('"Talia" Brennwick'), ODRAN]),
      ]));
      const expected = await withStore(options, (store) => entitiesOf(store));
      const ndjson = await exportWith(options, ['entities']);
      expect(ndjson.code).toBe(0);
      expect(ndjson.err).toBe('');
      expect(ndjson.out.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(expected);

      const csv = await exportWith(options, ['entities', '--format', 'csv']);
      expect(csv.code).toBe(0);
      expect(csv.out.split('\r\n')).toEqual([
        'key,type,subtype,name,aliases,mentions,articles,first_seen,last_seen,lat,lon,country,precision',
        'loc:odran,LOC,city,Odran,Odran,3,2,2031-10-01,2031-10-02,,,,',
        'per:talia-brennwick,PER,,Talia Brennwick,"""Talia"" Brennwick|Brennwick, Talia|Talia Brennwick",3,2,2031-10-01,2031-10-02,,,,',
        '',
      ]);
    });
  });
}
