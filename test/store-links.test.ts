/**
 * Linking in the store, on both back ends: copies point to their original, reports of one event
 * share a story, stories and canonical events are stored and exported, the claims ledger is
 * exported, re-ingesting changes nothing, and the stories do not depend on the order of ingest.
 * All articles are fictional.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import { bandHashes } from '../src/link/copies.js';
import { linkItemOf } from '../src/link/index.js';
import { storyListItem } from '../src/link/story-record.js';
import { dayOf } from '../src/link/stories.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import type { StoredArticle } from '../src/store/index.js';
import { migrate, migrations } from '../src/store/migrations.js';
import { openPgliteClient } from '../src/store/pglite-client.js';
import { pgliteBackend, postgresBackend, withStore } from './support/backends.js';
import { insertSchema1Articles } from './support/old-rows.js';
import { exportWith } from './support/export.js';

const NOW = new Date('2031-06-01T00:00:00Z');
const WIRE = [
  'PORT AVEL (Harbour Wire) - At least 12 people were killed when shells hit the covered market in Port Avel on Tuesday, the Northland health ministry said.',
  'Witnesses said the shelling began at dawn. Rescue teams pulled survivors from the rubble of the market hall.',
  'The Northland Liberation Front denied firing on the town. Officials said 30 people were wounded.',
].join('\n\n');

function record(id: string, published: string, outlet: string, title: string, text: string): AnalysisRecord {
  return analyzeRecord(id, { id, published, source: outlet, title, text }, NOW);
}

const ARTICLES = (): AnalysisRecord[] => [
  record('wire', '2031-05-07', 'Harbour Wire', 'Shells hit Port Avel market', WIRE),
  record('repost', '2031-05-08', 'Coast Daily', 'Market shelled in Port Avel', `Coast Daily | News\n\n${WIRE}\n\nShare this story`),
  record('update', '2031-05-08', 'Valley Press', 'Port Avel market toll rises to 15',
    'The death toll from Tuesday\'s shelling of the Port Avel covered market rose to 15, the Northland health ministry said on Wednesday. The Northland Liberation Front again denied any role in the attack on the market.'),
  record('orchard', '2031-05-08', 'Valley Press', 'Frost destroys Eastmarch apple blossom',
    'Late frost destroyed most of the apple blossom in the Eastmarch orchards, growers said on Wednesday. Farmer Tomas Reyl expects the harvest to halve this year.'),
];

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const partition = (articles: StoredArticle[]): string[][] => {
  const byStory = new Map<string, string[]>();
  for (const a of articles) byStory.set(a.story!, [...(byStory.get(a.story!) ?? []), a.id]);
  return [...byStory.values()].map((ids) => ids.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
};

for (const backend of [pgliteBackend(async (dir) => (await openPgliteClient(dir)).close()), postgresBackend()]) {
  describe.skipIf(!backend.available)(`links on ${backend.name}`, () => {
    const articles = ARTICLES();
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());

    it('links copies and stories, stores stories and events, and exports them with the claims', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        await store.putArticles(articles);
        expect((await store.article('wire'))?.story).toBeNull();
        expect((await store.link()).stories).toBeGreaterThan(0);
        const stored = new Map((await all(store.articles())).map((a) => [a.id, a]));
        expect(stored.get('repost')).toMatchObject({ duplicate_of: 'wire', story: stored.get('wire')!.story });
        expect(stored.get('update')!.story).toBe(stored.get('wire')!.story);
        expect(stored.get('orchard')!.story).not.toBe(stored.get('wire')!.story);

        const stories = await all(store.stories());
        const market = stories.find((s) => s.id === stored.get('wire')!.story)!;
        expect(market.original_articles).toBe(2);
        expect([...market.articles].sort()).toEqual(['repost', 'update', 'wire']);
        expect(market.outlets.sort()).toEqual(['Coast Daily', 'Harbour Wire', 'Valley Press']);
        const events = await all(store.events());
        expect(events.filter((e) => e.story === market.id).map((e) => e.id)).toEqual(market.events);
        // One event read by id is the event as exported.
        expect(await store.event(events[0]!.id)).toEqual(events[0]);
        expect(await store.event('nobody#e1')).toBeNull();

        const detail = await store.story(market.id);
        expect(detail?.articles.map((a) => a.id).sort()).toEqual(['repost', 'update', 'wire']);
        const page = await store.listStories({ q: 'frost' }, 10);
        expect(page.items.map((s) => s.id)).toEqual([stored.get('orchard')!.story]);
        // A list item is the stored record without what only the story's own page shows.
        expect(page.items[0]).toEqual(storyListItem(stories.find((s) => s.id === stored.get('orchard')!.story)!));
        expect((await store.article('wire'))?.id).toBe('wire');

        // Filters by entity and by place give the stories of the articles that name it (a real town, to be geocoded).
        await store.putArticles([record('flood', '2031-05-09', 'Valley Press', 'Floods in Kandahar',
          'Floods swept through Kandahar on Thursday and drowned hundreds of cattle, the Red Crescent said. Tomas Reyl, a volunteer, described roads under water.')]);
        await store.link();
        const linked = await all(store.articles());
        const storiesNaming = (has: (a: StoredArticle) => boolean): string[] => [...new Set(linked.filter(has).map((a) => a.story!))].sort();
        const entityKeys = new Set(linked.flatMap((a) => a.entities.map((e) => e.key)));
        const placeKeys = new Set(linked.flatMap((a) => a.places.map((p) => p.key)));
        expect(placeKeys.size).toBeGreaterThan(0);
        // Keys named by several articles of one story (the flood joins the volunteer's story) give it once.
        expect([...entityKeys].some((key) => linked.filter((a) => a.entities.some((e) => e.key === key)).length > 1)).toBe(true);
        for (const key of entityKeys) {
          const found = (await store.listStories({ entity: key }, 50)).items.map((s) => s.id).sort();
          expect(found, key).toEqual(storiesNaming((a) => a.entities.some((e) => e.key === key)));
        }
        for (const key of placeKeys) {
          const found = (await store.listStories({ place: key }, 50)).items.map((s) => s.id).sort();
          expect(found, key).toEqual(storiesNaming((a) => a.places.some((p) => p.key === key)));
        }
        expect((await store.listStories({ entity: 'per:nobody-at-all' }, 50)).items).toEqual([]);
      });

      for (const kind of ['stories', 'events', 'claims']) {
        const exported = await exportWith(options, [kind]);
        expect(exported.code).toBe(0);
        expect(exported.out.trim().split('\n').length).toBeGreaterThan(0);
      }
      const geojson = JSON.parse((await exportWith(options, ['events', '--format', 'geojson'])).out) as { type: string; features: Array<{ geometry: { coordinates: number[] } }> };
      expect(geojson.type).toBe('FeatureCollection');
      for (const f of geojson.features) expect(f.geometry.coordinates).toHaveLength(2);
      const acled = (await exportWith(options, ['events', '--format', 'acled-csv'])).out.split('\r\n')[0]!.split(',');
      expect(acled.slice(0, 5)).toEqual(['event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type']);
      expect(acled).toContain('fatalities');
      const claims = (await exportWith(options, ['claims'])).out.trim().split('\n').map((l) => JSON.parse(l) as { article: string; text: string; copy: boolean });
      expect(claims.some((c) => c.article === 'wire' && c.text === 'At least 12')).toBe(true);
      expect(claims.filter((c) => c.article === 'repost').every((c) => c.copy)).toBe(true);
    });

    it('migration 7 keeps stories linked under schema 6 and filters them by event type from its own column', async () => {
      const options = await backend.fresh();
      // What a crosscheck with schema 6 wrote: story and event records as jsonb.
      const client = await backend.rawClient(options);
      const storyRecord = { id: 's1', title: 'Old story', event_types: ['Battles'], articles: ['a1'] };
      try {
        await migrate(client, migrations.filter((step) => step.version < 7));
        await client.query(`INSERT INTO stories (id, title, first_seen, last_seen, record) VALUES ('s1', 'Old story', '2031-05-01', '2031-05-02', $1::text::jsonb)`, [JSON.stringify(storyRecord)]);
        await client.query(`INSERT INTO events (id, story, type, record) VALUES ('e1', 's1', 'Battles', '{"id":"e1","story":"s1","type":"Battles"}'::jsonb)`);
      } finally {
        await client.close();
      }
      await withStore(options, async (store) => {
        expect((await store.listStories({ type: 'Battles' }, 10)).items).toMatchObject([storyRecord]);
        expect((await store.listStories({ type: 'Protests' }, 10)).items).toEqual([]);
        expect((await store.story('s1'))?.events.map((e) => e.id)).toEqual(['e1']);
      });
    });

    it('migration 8 recomputes link features stored with typed entity keys, and keeps the stories', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        await store.putArticles(articles);
        await store.link();
      });
      const before = partition(await withStore(options, (s) => all(s.articles())));
      // What a crosscheck with schema 7 stored: entity terms under their typed keys ("per:…").
      const client = await backend.rawClient(options);
      try {
        const { rows } = await client.query<{ article_id: string; terms: string }>('SELECT article_id, terms::text AS terms FROM link_features');
        for (const row of rows) {
          const old = Object.fromEntries(Object.entries(JSON.parse(row.terms) as Record<string, number>).map(([t, w]) => [t.replace(/^key:/, 'per:'), w]));
          await client.query('UPDATE link_features SET terms = $2::text::jsonb WHERE article_id = $1', [row.article_id, JSON.stringify(old)]);
        }
        await client.query('DELETE FROM schema_migrations WHERE version = 8');
      } finally {
        await client.close();
      }
      await withStore(options, async (store) => {
        expect(partition(await all(store.articles()))).toEqual(before);
      });
      const check = await backend.rawClient(options);
      try {
        const { rows } = await check.query<{ terms: string }>('SELECT terms::text AS terms FROM link_features');
        const terms = rows.flatMap((row) => Object.keys(JSON.parse(row.terms) as Record<string, number>));
        expect(terms.some((t) => t.startsWith('key:'))).toBe(true);
        expect(terms.some((t) => t.startsWith('per:'))).toBe(false);
      } finally {
        await check.close();
      }
    });

    it('links new articles into the stories stored before, and keeps story ids unique when an article is rewritten', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        await store.putArticles(articles.slice(0, 2));
        await store.link();
        const [first] = await all(store.stories());
        // The update joins the stored story; the rewritten wire (now about frost) leaves the story named after it.
        await store.putArticles([articles[2]!]);
        const linked = await store.link();
        // What the link read: the two stored articles of the one story the update can join.
        expect(linked.read).toBe(2);
        const byId = new Map((await all(store.articles())).map((a) => [a.id, a.story]));
        expect(byId.get('update')).toBe(first!.id);
        const rewritten = record('wire', '2031-05-09', 'Harbour Wire', 'Frost in Eastmarch', articles[3]!.body);
        await store.putArticles([rewritten]);
        await store.link();
        const stories = await all(store.stories());
        expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
        const after = new Map((await all(store.articles())).map((a) => [a.id, a.story]));
        expect(after.get('wire')).not.toBe(after.get('update'));
        expect(stories.find((s) => s.id === after.get('wire'))!.articles).toEqual(['wire']);
      });
    });

    it('migrations 10 and 11 fill in story members and the link index for articles stored before them, and link them', async () => {
      const options = await backend.fresh();
      const client = await backend.rawClient(options);
      try {
        await migrate(client, migrations.filter((step) => step.version === 1));
        await client.transaction((tx) => insertSchema1Articles(tx, articles));
      } finally {
        await client.close();
      }
      const fresh = await backend.fresh();
      const expected = await withStore(fresh, async (store) => {
        await store.putArticles(articles);
        await store.link();
        return partition(await all(store.articles()));
      });
      await withStore(options, async (store) => {
        expect(partition(await all(store.articles()))).toEqual(expected);
        expect((await all(store.stories())).length).toBe(expected.length);
      });
      const check = await backend.rawClient(options);
      try {
        const { rows } = await check.query<{ unfilled: number | string; unlinked: number | string; postings: number | string }>(
          `SELECT (SELECT count(*) FROM articles WHERE story_member IS NULL) AS unfilled,
                  (SELECT count(*) FROM link_features WHERE pending OR vector IS NULL) AS unlinked,
                  (SELECT count(*) FROM link_postings) AS postings`,
        );
        expect(Number(rows[0]!.unfilled)).toBe(0);
        expect(Number(rows[0]!.unlinked)).toBe(0);
        expect(Number(rows[0]!.postings)).toBeGreaterThan(0);
      } finally {
        await check.close();
      }
    });

    it('migration 12 moves the copy bands of linked articles from their array column to rows', async () => {
      const options = await backend.fresh();
      const client = await backend.rawClient(options);
      try {
        await migrate(client, migrations.filter((step) => step.version === 1));
        await client.transaction((tx) => insertSchema1Articles(tx, articles));
        await migrate(client, migrations.filter((step) => step.version < 12));
        // What step 11 kept for a linked article: its bands as an array (two repeated, as LSH may give).
        await client.query(`UPDATE link_features SET pending = false, bands = ARRAY[7, 7, -3]::bigint[] WHERE article_id = 'orchard'`);
        await migrate(client, migrations);
        const { rows } = await client.query<{ band: string; day: number | null }>(`SELECT band::text AS band, day FROM link_bands WHERE article_id = 'orchard' ORDER BY band`);
        expect(rows).toEqual([{ band: '-3', day: dayOf('2031-05-08') }, { band: '7', day: dayOf('2031-05-08') }]);
        const { rows: columns } = await client.query<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'link_features' AND column_name = 'bands'`,
        );
        expect(columns).toEqual([]);
      } finally {
        await client.close();
      }
    });

    it('reads only the stories a new article can join', async () => {
      const options = await backend.fresh();
      await withStore(options, async (store) => {
        await store.putArticles(articles);
        await store.link();
        const followUp = record('replant', '2031-05-10', 'Orchard Weekly', 'Eastmarch growers replant after frost',
          'Growers in the Eastmarch orchards are replanting apple trees after the late frost, farmer Tomas Reyl said on Friday.');
        await store.putArticles([followUp]);
        const linked = await store.link();
        // Of the four stored articles, only the frost report shares its rarer terms; the market story is not read.
        expect(linked.read).toBe(1);
        const byId = new Map((await all(store.articles())).map((a) => [a.id, a.story]));
        expect(byId.get('replant')).toBe(byId.get('orchard'));
        expect(byId.get('wire')).not.toBe(byId.get('orchard'));
      });
    });

    it('keeps the link index true: term counts over what is stored, a story vector and postings per compared article, bands per article', async () => {
      const options = await backend.fresh();
      const rewritten = 'Dock workers in Port Avel voted to strike over pay, their union said on Wednesday. The harbour authority called the vote regrettable.';
      const rewrittenRecord = record('update', '2031-05-08', 'Valley Press', 'Port Avel dock strike', rewritten);
      await withStore(options, async (store) => {
        await store.putArticles(articles.slice(0, 3));
        await store.link();
        // Stored again with other words: its former terms must leave the counts.
        await store.putArticles([rewrittenRecord, articles[3]!]);
        await store.link();
      });
      const client = await backend.rawClient(options);
      try {
        const { rows: features } = await client.query<{ article_id: string; terms: string; counted: string[] | null; vector: string | null; pending: boolean }>(
          'SELECT article_id, terms::text AS terms, counted, vector::text AS vector, pending FROM link_features',
        );
        const expected = new Map<string, number>([['', features.length]]);
        for (const row of features) for (const term of Object.keys(JSON.parse(row.terms) as object)) expected.set(term, (expected.get(term) ?? 0) + 1);
        const { rows: counts } = await client.query<{ term: string; documents: number }>('SELECT term, documents FROM link_terms WHERE documents <> 0');
        expect(new Map(counts.map((row) => [row.term, Number(row.documents)]))).toEqual(expected);
        for (const row of features) {
          expect(row.pending).toBe(false);
          expect([...row.counted!].sort()).toEqual(Object.keys(JSON.parse(row.terms) as object).sort());
          const vector = JSON.parse(row.vector!) as Record<string, number>;
          expect(Math.abs(Object.values(vector).reduce((sum, w) => sum + w * w, 0) - 1)).toBeLessThan(1e-9);
        }
        const { rows: postings } = await client.query<{ article_id: string; term: string }>('SELECT article_id, term FROM link_postings');
        const { rows: copies } = await client.query<{ id: string }>('SELECT id FROM articles WHERE duplicate_of IS NOT NULL AND duplicate_of <> id');
        // The repost follows its original and is compared with nothing; every other article is indexed under its heaviest terms.
        expect(copies.map((row) => row.id)).toEqual(['repost']);
        expect(new Set(postings.map((row) => row.article_id))).toEqual(new Set(['wire', 'update', 'orchard']));
        for (const row of postings) {
          const vector = JSON.parse(features.find((f) => f.article_id === row.article_id)!.vector!) as Record<string, number>;
          expect(vector[row.term]).toBeGreaterThan(0);
        }
        // Every linked article is found by each of its LSH bands once, under the day it was published (the rewritten one by its new text's).
        const { rows: bands } = await client.query<{ article_id: string; band: string; day: number | null }>('SELECT article_id, band::text AS band, day FROM link_bands');
        const stored = [articles[0]!, articles[1]!, rewrittenRecord, articles[3]!];
        expect(new Set(bands.map((row) => row.article_id))).toEqual(new Set(stored.map((a) => a.id)));
        for (const article of stored) {
          const item = linkItemOf(article);
          const mine = bands.filter((row) => row.article_id === article.id);
          expect(mine.map((row) => row.band).sort()).toEqual([...new Set(bandHashes(item.fingerprint))].map(String).sort());
          expect(new Set(mine.map((row) => row.day))).toEqual(new Set([dayOf(article.published?.value ?? null)]));
        }
      } finally {
        await client.close();
      }
    });

    it('changes nothing on re-ingest, and gives the same stories whatever the order of ingest', async () => {
      const forward = await backend.fresh();
      const backward = await backend.fresh();
      await withStore(forward, async (store) => {
        await store.putArticles(articles.slice(0, 2));
        await store.link();
        await store.putArticles(articles.slice(2));
        await store.link();
      });
      await withStore(backward, async (store) => {
        for (const a of [...articles].reverse()) {
          await store.putArticles([a]);
          await store.link();
        }
      });
      const [a, b] = await Promise.all([forward, backward].map((o) => withStore(o, (s) => all(s.articles()))));
      expect(partition(a!)).toEqual(partition(b!));
      await withStore(forward, async (store) => {
        const before = await all(store.stories());
        expect(await store.putArticles(articles)).toEqual({ inserted: 0, updated: 0, unchanged: articles.length });
        expect(await store.link()).toEqual({ relinked: 0, stories: 0 });
        expect(await all(store.stories())).toEqual(before);
      });
    });
  });
}
