import type { AnalysisRecord } from '../document.js';
import { storyMemberOf } from '../link/story-member.js';
import { indexEntities } from './entities.js';
import { LINK_BANDS_SCHEMA, LINK_INDEX_SCHEMA, LINK_SCHEMA, linkPending, refreshLinkFeatures } from './links.js';
import { StoreError } from './errors.js';
import { indexPlaces, placeTables } from './places.js';
import type { SqlClient, SqlExecutor } from './sql-client.js';
import { WATCH_SCHEMA } from './watch.js';

/**
 * The schema, as an ordered list of numbered steps. Never edit a step that has shipped: add a new
 * one. Each step is a list of single statements because PGlite's parameterised `query` runs one
 * statement at a time. Later features (stories, events, claims) add their own steps.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /** Fills the new tables from data already stored, after the statements (same transaction). */
  backfill?: (tx: SqlExecutor) => Promise<void>;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'articles',
    statements: [
      `CREATE TABLE articles (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        url text,
        source_name text,
        source_domain text,
        title text,
        published_value text,
        published_origin text,
        lang text NOT NULL,
        body text NOT NULL,
        content_hash text NOT NULL,
        record jsonb NOT NULL,
        story text,
        duplicate_of text REFERENCES articles (id) ON DELETE SET NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english'::regconfig, body), 'B')
        ) STORED
      )`,
      `COMMENT ON COLUMN articles.record IS 'the Analysis record without body (body is its own column)'`,
      `CREATE INDEX articles_search_idx ON articles USING gin (search_vector)`,
      `CREATE INDEX articles_url_idx ON articles (url)`,
      `CREATE INDEX articles_source_idx ON articles (source_domain, source_name)`,
      `CREATE INDEX articles_published_idx ON articles (published_value)`,
      `CREATE INDEX articles_story_idx ON articles (story)`,
      `CREATE INDEX articles_duplicate_of_idx ON articles (duplicate_of)`,
    ],
  },
  {
    version: 2,
    name: 'entities',
    statements: [
      `CREATE TABLE entity_mentions (
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        doc_key text NOT NULL,
        type text NOT NULL,
        subtype text,
        name text NOT NULL,
        "start" integer NOT NULL,
        "end" integer NOT NULL,
        text text NOT NULL,
        seen_published text,
        seen_ingested text NOT NULL
      )`,
      `COMMENT ON COLUMN entity_mentions.doc_key IS 'the key the article gave the mention; entity_keys maps it to its entity'`,
      `COMMENT ON COLUMN entity_mentions.seen_published IS 'the article''s published date when it had one, at indexing time'`,
      `CREATE INDEX entity_mentions_article_idx ON entity_mentions (article_id)`,
      `CREATE INDEX entity_mentions_doc_key_idx ON entity_mentions (doc_key)`,
      `CREATE TABLE entity_keys (
        doc_key text PRIMARY KEY,
        entity_key text NOT NULL,
        type text NOT NULL,
        name_kind text NOT NULL CHECK (name_kind IN ('full', 'surname', 'other')),
        surname text,
        decision text NOT NULL,
        mention_count integer NOT NULL DEFAULT 0,
        article_count integer NOT NULL DEFAULT 0,
        first_published text,
        last_published text,
        first_ingested text,
        last_ingested text
      )`,
      `COMMENT ON TABLE entity_keys IS 'per-document key → global entity, the merge decision taken, and the key''s own counts'`,
      `CREATE INDEX entity_keys_entity_idx ON entity_keys (entity_key)`,
      `CREATE INDEX entity_keys_surname_idx ON entity_keys (surname) WHERE surname IS NOT NULL`,
      `CREATE TABLE entity_key_forms (
        doc_key text NOT NULL REFERENCES entity_keys (doc_key) ON DELETE CASCADE,
        field text NOT NULL CHECK (field IN ('alias', 'name', 'subtype')),
        value text NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (doc_key, field, value)
      )`,
      `COMMENT ON TABLE entity_key_forms IS 'how often each surface text, name and subtype occurs with a per-document key'`,
      `CREATE TABLE entities (
        key text PRIMARY KEY,
        type text NOT NULL,
        subtype text,
        name text NOT NULL,
        mention_count integer NOT NULL,
        article_count integer NOT NULL,
        first_seen text,
        last_seen text,
        lat double precision,
        lon double precision,
        country text,
        precision smallint
      )`,
      `COMMENT ON COLUMN entities.lat IS 'lat, lon, country, precision: filled by geocoding; null until then'`,
      `CREATE INDEX entities_rank_idx ON entities (mention_count DESC, key COLLATE "C")`,
      `CREATE INDEX entities_name_idx ON entities (lower(name))`,
      `CREATE TABLE entity_aliases (
        entity_key text NOT NULL REFERENCES entities (key) ON DELETE CASCADE,
        alias text NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (entity_key, alias)
      )`,
      `CREATE INDEX entity_aliases_alias_idx ON entity_aliases (lower(alias))`,
    ],
    // Filled by step 3: a backfill runs today's code, which needs step 3's column.
  },
  {
    version: 3,
    name: 'entity mention counts',
    statements: [
      `ALTER TABLE entity_mentions ADD COLUMN count integer NOT NULL DEFAULT 1`,
      `COMMENT ON COLUMN entity_mentions.count IS 'mentions of the article sharing key and form; start/end: the first one'`,
    ],
    backfill: indexEntitiesOnce,
  },
  {
    version: 4,
    name: 'entity places',
    statements: [...placeTables],
    backfill: (tx) => indexPlaces(tx, 'all', new Set()),
  },
  {
    version: 5,
    name: 'article record as json',
    statements: [
      // The store writes and reads the record whole; jsonb's conversion to binary and back was the
      // costliest part of an article INSERT after the search vector. SQL that walks the record
      // casts it (`record::jsonb`).
      `ALTER TABLE articles ALTER COLUMN record TYPE json USING record::json`,
    ],
  },
  {
    version: 6,
    name: 'links: copies, stories, canonical events',
    // The stored articles are linked by step 7's backfill: linking writes step 7's schema.
    statements: [...LINK_SCHEMA],
  },
  {
    version: 7,
    name: 'story and event records as json',
    statements: [
      // As for articles (step 5): the records are written and read whole, and jsonb's conversion
      // was most of the cost of storing a linked story. The one thing SQL looked up inside a story
      // record, its event types, gets a column of its own.
      `ALTER TABLE stories ADD COLUMN event_types text[] NOT NULL DEFAULT '{}'`,
      `UPDATE stories SET event_types = ARRAY(SELECT jsonb_array_elements_text(record->'event_types'))`,
      `ALTER TABLE stories ALTER COLUMN record TYPE json USING record::json`,
      `ALTER TABLE events ALTER COLUMN record TYPE json USING record::json`,
    ],
    backfill: linkOnce,
  },
  {
    version: 8,
    name: 'story terms by name, not by entity type',
    // Link features store each article's terms; entity keys used to carry their type ("per:",
    // "org:"), and now one name is one term whatever its type. Stored features are recomputed from
    // the stored records, and every article relinked with them.
    // An empty database has nothing to relink: nothing is stored. Step 10 links them.
    statements: [],
    backfill: refreshLinkFeatures,
  },
  {
    version: 9,
    name: 'feed watcher state',
    // What `crosscheck watch` remembers about feeds and their items; nothing to fill in.
    statements: [...WATCH_SCHEMA],
  },
  {
    version: 10,
    name: 'story member records',
    // Recomposing a story read its articles' full records, about half of them layers no story field
    // is built from (numbers, times, most claims): each article now also keeps what composing reads.
    statements: [
      `ALTER TABLE articles ADD COLUMN story_member json`,
      `COMMENT ON COLUMN articles.story_member IS 'what composing the article''s story reads of its record (src/link/story-member.ts)'`,
    ],
    backfill: fillStoryMembers,
  },
  {
    version: 11,
    name: 'link index: story vectors, postings, term frequencies, copy bands',
    // A link then reads the stories its new articles can join rather than every article within the
    // window. Every stored article is marked pending and linked again once (`linkPending`), with
    // frequencies counted over all of them; stories keep their ids.
    // Linked by step 13's backfill: linking writes the later steps' tables and columns.
    statements: [...LINK_INDEX_SCHEMA],
  },
  {
    version: 12,
    name: 'link index: copy bands as rows',
    // Linked by step 13's backfill: linking writes step 13's column.
    statements: [...LINK_BANDS_SCHEMA],
  },
  {
    version: 13,
    name: 'story list items; indexes for the API: latest stories and events, places by key',
    // The lists walk these to their page (measured at 30k articles: 0.6 s for the first page of
    // stories without) and read each story's list item, not its record (the latest stories are the
    // largest, 200 kB and more); stories filtered by place find their articles by key (entity
    // mentions have their key index since step 2).
    statements: [
      `ALTER TABLE stories ADD COLUMN list_item json`,
      `COMMENT ON COLUMN stories.list_item IS 'the record without summary, timeline and framing: what a list of stories shows'`,
      `UPDATE stories SET list_item = (record::jsonb - 'summary' - 'timeline' - 'framing')::json`,
      `CREATE INDEX stories_recent_idx ON stories ((coalesce(last_seen, '')) DESC, id DESC)`,
      `CREATE INDEX events_recent_idx ON events ((coalesce(date, '')) DESC, id DESC)`,
      `CREATE INDEX article_places_doc_key_idx ON article_places (doc_key)`,
    ],
    // Links what step 11 (or an interrupted run) left pending.
    backfill: async (tx) => {
      await linkPending(tx);
    },
  },
];

/** Indexes the entities of stored articles unless they are indexed already (by step 2's former backfill). */
async function indexEntitiesOnce(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ pending: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM entity_mentions) AS pending',
  );
  if (rows[0]?.pending) await indexEntities(tx, 'all');
}

/** Links the stored articles unless they are linked already (a database that had step 6 before step 7 existed). */
async function linkOnce(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ pending: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM link_features) AS pending',
  );
  if (rows[0]?.pending) await refreshLinkFeatures(tx);
}

/** Fills in `story_member` for the stored articles, a page at a time. */
async function fillStoryMembers(tx: SqlExecutor): Promise<void> {
  for (let after = 0; ; ) {
    const { rows } = await tx.query<{ seq: number | string; record: string }>(
      'SELECT seq, record::text AS record FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500',
      [after],
    );
    if (rows.length === 0) return;
    const members = rows.map((row) => ({ seq: Number(row.seq), member: storyMemberOf(JSON.parse(row.record) as Omit<AnalysisRecord, 'body'>) }));
    await tx.query(
      `UPDATE articles SET story_member = x.member FROM jsonb_to_recordset($1::text::jsonb) AS x(seq bigint, member json) WHERE articles.seq = x.seq`,
      [JSON.stringify(members)],
    );
    after = Number(rows.at(-1)!.seq);
  }
}

/** Serialises concurrent openers of one server database; an arbitrary constant unique to crosscheck. */
const MIGRATION_LOCK_KEY = 7_240_518_311;

/** Applies the missing steps in one transaction; safe when several processes open the database at once. */
export async function migrate(client: SqlClient, steps: readonly Migration[] = migrations): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const applied = await appliedVersions(tx);
    refuseNewerSchema(applied, steps);
    const pending = steps.filter((step) => !applied.has(step.version));
    for (const step of pending) await applyStep(tx, step);
    return pending.map((step) => step.version);
  });
}

async function appliedVersions(tx: SqlExecutor): Promise<Set<number>> {
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => Number(row.version)));
}

function refuseNewerSchema(applied: Set<number>, steps: readonly Migration[]): void {
  const known = new Set(steps.map((step) => step.version));
  const unknown = [...applied].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new StoreError(
      `the database has schema version(s) ${unknown.join(', ')} that this crosscheck does not know; ` +
        'it was written by a newer version — upgrade crosscheck',
    );
  }
}

async function applyStep(tx: SqlExecutor, step: Migration): Promise<void> {
  for (const statement of step.statements) {
    try {
      await tx.query(statement);
    } catch (error) {
      throw new StoreError(`migration ${step.version} (${step.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  try {
    await step.backfill?.(tx);
  } catch (error) {
    throw new StoreError(`migration ${step.version} (${step.name}) could not fill in stored data: ${(error as Error).message}`, {
      cause: error,
    });
  }
  await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
}
