/**
 * Linking in the store: which articles are copies of which, which story each belongs to, and the
 * composed stories and canonical events (src/link). Runs in the ingest transaction, after the
 * articles are stored, so that articles and their links are never out of step.
 *
 * Each article's linking features (fingerprint and weighted terms) are stored once. When articles
 * arrive, every stored article within `windowDays` of them (and every undated one) is re-linked
 * from scratch with `linkAll`: the links of a window depend only on the articles in it, not on the
 * order or the batches they arrived in. A story keeps its id across re-linking (the id most of its
 * articles had before); a story that loses all its articles is deleted with its events.
 */
import type { AnalysisRecord } from '../document.js';
import { linkAll, linkIncrementally, linkItemOf, type ArticleLinks, type LinkItem, type LinkOptions } from '../link/index.js';
import { composeStory, type StoryMember, type StoryRecord } from '../link/story-record.js';
import type { CanonicalEvent } from '../link/events.js';
import { DEFAULT_STORY_OPTIONS, dayOf } from '../link/stories.js';
import { orderKeys, type Shape } from './record-shape.js';
import { textArray } from './sql-arrays.js';
import type { SqlExecutor } from './sql-client.js';

const textSpan = { keys: ['start', 'end', 'text'] };
const figure: Shape = {
  keys: ['min', 'max', 'conservative', 'latest', 'reports'],
  fields: { reports: { keys: ['article', 'source', 'min', 'max', 'hedge', 'text', 'start', 'end', 'attribution', 'asserted', 'copy', 'revised'] } },
};
/** jsonb stores keys in its own order; these restore the order of the records as composed (docs/contract.md). */
export const storyShape: Shape = {
  keys: ['id', 'title', 'summary', 'articles', 'events', 'first_seen', 'last_seen', 'outlets', 'original_articles',
    'independent_sources', 'event_types', 'conflicting', 'timeline', 'framing'],
  fields: {
    summary: { keys: ['article', ...textSpan.keys] },
    timeline: { keys: ['event', 'date', 'precision', 'type', 'subtype', 'location', 'sources', 'independent_sources'] },
    framing: { keys: ['actors', 'acts', 'attributions'] },
  },
};
export const eventShape: Shape = {
  keys: ['id', 'story', 'type', 'subtype', 'date', 'location', 'actors', 'killed', 'injured', 'articles', 'sources',
    'independent_sources', 'mentions', 'conflicts', 'modality'],
  fields: {
    date: { keys: ['value', 'precision'] },
    location: { keys: ['name', 'country', 'lat', 'lon', 'precision'] },
    actors: { keys: ['role', 'key', 'text'] },
    killed: figure,
    injured: figure,
    mentions: { keys: ['article', ...textSpan.keys] },
    conflicts: { keys: ['slot', 'kind', 'values'], fields: { values: { keys: ['value', 'article', 'source', 'origin', 'asserted'] } } },
  },
};

export const LINK_SCHEMA: readonly string[] = [
  `CREATE TABLE link_features (
    article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published text,
    day integer,
    exact text NOT NULL,
    shingles integer NOT NULL,
    minhash text NOT NULL,
    terms jsonb NOT NULL,
    pending boolean NOT NULL DEFAULT true
  )`,
  `COMMENT ON COLUMN link_features.pending IS 'stored or changed since the last linking: linkPending links it'`,
  `CREATE INDEX link_features_pending_idx ON link_features (pending) WHERE pending`,
  `COMMENT ON TABLE link_features IS 'what linking needs of each article: MinHash fingerprint and weighted terms'`,
  `CREATE INDEX link_features_day_idx ON link_features (day)`,
  `CREATE TABLE stories (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    title text,
    first_seen text,
    last_seen text,
    record jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX stories_last_seen_idx ON stories (last_seen)`,
  `CREATE TABLE events (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    story text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    type text NOT NULL,
    subtype text,
    date text,
    record jsonb NOT NULL
  )`,
  `CREATE INDEX events_story_idx ON events (story)`,
  `CREATE INDEX events_type_date_idx ON events (type, date)`,
];

interface FeatureRow {
  article_id: string;
  published: string | null;
  day: number | null;
  exact: string;
  shingles: number;
  minhash: string;
  terms: Record<string, number> | string;
  story: string | null;
  duplicate_of: string | null;
  pending: boolean;
}

const encodeMinhash = (minhash: Uint32Array): string => Buffer.from(minhash.buffer, minhash.byteOffset, minhash.byteLength).toString('base64');

function decodeMinhash(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}

function itemOfRow(row: FeatureRow): LinkItem {
  const terms = typeof row.terms === 'string' ? (JSON.parse(row.terms) as Record<string, number>) : row.terms;
  return {
    id: row.article_id,
    published: row.published,
    fingerprint: { exact: row.exact, shingles: Number(row.shingles), minhash: decodeMinhash(row.minhash) },
    terms: new Map(Object.entries(terms)),
  };
}

/**
 * Stores what linking needs of `records` (just inserted or updated) and marks them as waiting to be
 * linked: `linkPending` links them, once per ingest run rather than once per batch.
 */
export async function saveLinkFeatures(tx: SqlExecutor, records: readonly AnalysisRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((record) => {
    const item = linkItemOf(record);
    return {
      article_id: item.id, published: item.published, day: dayOf(item.published), exact: item.fingerprint.exact,
      shingles: item.fingerprint.shingles, minhash: encodeMinhash(item.fingerprint.minhash), terms: Object.fromEntries(item.terms),
    };
  });
  await tx.query(
    `INSERT INTO link_features (article_id, published, day, exact, shingles, minhash, terms)
     SELECT article_id, published, day, exact, shingles, minhash, terms
     FROM jsonb_to_recordset($1::text::jsonb) AS x(article_id text, published text, day integer, exact text, shingles integer, minhash text, terms jsonb)
     ON CONFLICT (article_id) DO UPDATE SET published = EXCLUDED.published, day = EXCLUDED.day, exact = EXCLUDED.exact,
       shingles = EXCLUDED.shingles, minhash = EXCLUDED.minhash, terms = EXCLUDED.terms, pending = true`,
    [JSON.stringify(rows)],
  );
}

async function loadWindow(tx: SqlExecutor, pendingDays: ReadonlyArray<number | null>, windowDays: number): Promise<FeatureRow[]> {
  const days = pendingDays.filter((d): d is number => d !== null);
  const lo = days.length > 0 ? Math.min(...days) - windowDays : 1;
  const hi = days.length > 0 ? Math.max(...days) + windowDays : 0;
  const { rows } = await tx.query<FeatureRow & Record<string, unknown>>(
    `SELECT f.article_id, f.published, f.day, f.exact, f.shingles, f.minhash, f.terms, a.story, a.duplicate_of, f.pending
     FROM link_features f JOIN articles a ON a.id = f.article_id
     WHERE f.day BETWEEN $1 AND $2 OR f.day IS NULL`,
    [lo, hi],
  );
  return rows;
}

/**
 * New clusters keep the story id most of their articles had (ties: the smaller id); a cluster with
 * no previous id, or whose id a larger cluster took, is named after its first article.
 */
function storyIds(links: readonly ArticleLinks[], previous: ReadonlyMap<string, string | null>): Map<string, string> {
  const clusters = new Map<string, string[]>();
  for (const link of links) {
    const members = clusters.get(link.story);
    if (members) members.push(link.id);
    else clusters.set(link.story, [link.id]);
  }
  const ordered = [...clusters].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const [cluster, members] of ordered) {
    const votes = new Map<string, number>();
    for (const m of members) {
      const old = previous.get(m);
      if (old) votes.set(old, (votes.get(old) ?? 0) + 1);
    }
    const choice = [...votes].filter(([id]) => !taken.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    // A cluster's own id is an article's (the one that started it) unless linking had to make one up.
    let id = choice ?? (taken.has(cluster) || !members.includes(cluster) ? members[0]! : cluster);
    // An article linked again away from the story named after it: that story keeps the name.
    for (let n = 2; taken.has(id); n++) id = `${members[0]!}#${n}`;
    taken.add(id);
    ids.set(cluster, id);
  }
  return ids;
}

export interface RelinkResult {
  /** Articles whose story or original changed. */
  relinked: number;
  /** Stories recomposed (created, grown, merged or split). */
  stories: number;
  /** Stored articles read to link the pending ones (those in their time window). */
  window?: number;
  /** Milliseconds spent in each phase, for benchmarks. */
  phases?: Record<'load' | 'cluster' | 'update' | 'recompose', number>;
}

/**
 * Links the articles waiting to be linked (stored with `saveLinkFeatures`) with every stored
 * article in their time window, and recomposes the stories that changed.
 */
/** Linking runs one at a time per database, whichever process (ingest, workers) asks for it. */
const LINK_LOCK_KEY = 7_240_518_313;

export async function linkPending(tx: SqlExecutor, options: LinkOptions = {}): Promise<RelinkResult> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LINK_LOCK_KEY})`);
  const { rows: pending } = await tx.query<{ article_id: string; day: number | null }>(
    // Locked, so that an article stored again meanwhile (pending once more) waits for this commit and
    // is then linked by the next call; only these rows are marked linked below, not ones stored since.
    `SELECT article_id, day FROM link_features WHERE pending ORDER BY article_id FOR UPDATE`,
  );
  if (pending.length === 0) return { relinked: 0, stories: 0 };
  const windowDays = options.stories?.windowDays ?? DEFAULT_STORY_OPTIONS.windowDays;
  let started = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - started;
    started = now;
    return ms;
  };
  const rows = await loadWindow(tx, pending.map((p) => (p.day === null ? null : Number(p.day))), windowDays);
  const changed = new Set(pending.map((p) => p.article_id));
  const previous = new Map(rows.map((r) => [r.article_id, r.story]));
  const load = lap();
  // Articles linked before keep their places and only the new ones are compared (the cost follows
  // the new articles, not the window); a window of new articles alone is linked as one set.
  const linked = rows.filter((r) => !r.pending && r.story !== null);
  const links =
    linked.length === 0
      ? linkAll(rows.map(itemOfRow), options)
      : linkIncrementally(
          linked.map((r) => ({ ...itemOfRow(r), story: r.story!, duplicate_of: r.duplicate_of })),
          rows.filter((r) => r.pending || r.story === null).map(itemOfRow),
          options,
        );
  const ids = storyIds(links, previous);
  const before = new Map(rows.map((r) => [r.article_id, r]));
  const updates = links
    .map((l) => ({ id: l.id, story: ids.get(l.story)!, duplicate_of: l.duplicate_of }))
    .filter((u) => before.get(u.id)?.story !== u.story || before.get(u.id)?.duplicate_of !== u.duplicate_of);
  const cluster = lap();
  if (updates.length > 0) {
    await tx.query(
      `UPDATE articles SET story = x.story, duplicate_of = x.duplicate_of
       FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, story text, duplicate_of text)
       WHERE articles.id = x.id`,
      [JSON.stringify(updates)],
    );
  }
  const affected = new Set<string>();
  for (const u of updates) {
    affected.add(u.story);
    const old = before.get(u.id)?.story;
    if (old) affected.add(old);
  }
  const updated = new Map(updates.map((u) => [u.id, u.story]));
  for (const id of changed) {
    const story = updated.get(id) ?? before.get(id)?.story;
    if (story) affected.add(story);
  }
  const update = lap();
  await recompose(tx, [...affected]);
  await tx.query(`UPDATE link_features SET pending = false WHERE article_id = ANY($1::text[])`, [textArray([...changed])]);
  return { relinked: updates.length, stories: affected.size, window: rows.length, phases: { load, cluster, update, recompose: lap() } };
}

interface MemberRow {
  seq: string | number;
  body: string;
  record: Omit<AnalysisRecord, 'body'> | string;
  story: string;
  duplicate_of: string | null;
}

/** Rebuilds the stored story and event records of `storyIds` from their current articles. */
async function recompose(tx: SqlExecutor, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length === 0) return;
  const { rows } = await tx.query<MemberRow & Record<string, unknown>>(
    // Sorted here, not by the server: sorting the rows with their bodies and records spilled to disk.
    `SELECT seq, body, record::text AS record, story, duplicate_of FROM articles
     WHERE story = ANY($1::text[])`,
    [textArray(storyIds)],
  );
  rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  const members = new Map<string, StoryMember[]>();
  for (const row of rows) {
    const record = typeof row.record === 'string' ? (JSON.parse(row.record) as Omit<AnalysisRecord, 'body'>) : row.record;
    const member = { ...record, body: row.body, duplicate_of: row.duplicate_of } as StoryMember;
    const list = members.get(row.story);
    if (list) list.push(member);
    else members.set(row.story, [member]);
  }
  await tx.query(`DELETE FROM stories WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb))`, [JSON.stringify(storyIds)]);
  const stories: StoryRecord[] = [];
  const events: CanonicalEvent[] = [];
  for (const [id, list] of members) {
    const composed = composeStory(id, list);
    stories.push(composed.story);
    events.push(...composed.events);
  }
  if (stories.length === 0) return;
  // Short columns as arrays (sql-arrays.ts), the records as one JSON array joined on position:
  // measured on 11k events (13.5 MB), a json[] array parameter cost three times as much.
  await tx.query(
    `INSERT INTO stories (id, title, first_seen, last_seen, event_types, record)
     SELECT c.id, c.title, c.first_seen, c.last_seen, ARRAY(SELECT json_array_elements_text(r.record->'event_types')), r.record
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c(id, title, first_seen, last_seen, n)
     JOIN json_array_elements($5::text::json) WITH ORDINALITY AS r(record, n) USING (n)`,
    [
      textArray(stories.map((s) => s.id)),
      textArray(stories.map((s) => s.title)),
      textArray(stories.map((s) => s.first_seen)),
      textArray(stories.map((s) => s.last_seen)),
      JSON.stringify(stories),
    ],
  );
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO events (id, story, type, subtype, date, record)
     SELECT c.id, c.story, c.type, c.subtype, c.date, r.record
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS c(id, story, type, subtype, date, n)
     JOIN json_array_elements($6::text::json) WITH ORDINALITY AS r(record, n) USING (n)`,
    [
      textArray(events.map((e) => e.id)),
      textArray(events.map((e) => e.story)),
      textArray(events.map((e) => e.type)),
      textArray(events.map((e) => e.subtype)),
      textArray(events.map((e) => e.date?.value ?? null)),
      JSON.stringify(events),
    ],
  );
}

/** Keyset pages over a table's `record` column in `seq` order. */
async function* readRecords<T>(db: SqlExecutor, table: 'stories' | 'events', batchSize: number): AsyncGenerator<T> {
  const shape = table === 'stories' ? storyShape : eventShape;
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ seq: number | string; record: T | string }>(
      `SELECT seq, record::text AS record FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) yield orderKeys(typeof row.record === 'string' ? JSON.parse(row.record) : row.record, shape) as T;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = Number(last.seq);
  }
}

export const readStories = (db: SqlExecutor, batchSize: number): AsyncGenerator<StoryRecord> => readRecords<StoryRecord>(db, 'stories', batchSize);
export const readEvents = (db: SqlExecutor, batchSize: number): AsyncGenerator<CanonicalEvent> => readRecords<CanonicalEvent>(db, 'events', batchSize);

/** Links every stored article (the migration that adds linking runs it once on existing data). */
export async function relinkStored(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ body: string; record: Omit<AnalysisRecord, 'body'> | string }>('SELECT body, record::text AS record FROM articles ORDER BY seq');
  const records = rows.map((row) => ({ ...(typeof row.record === 'string' ? (JSON.parse(row.record) as Omit<AnalysisRecord, 'body'>) : row.record), body: row.body }) as AnalysisRecord);
  await saveLinkFeatures(tx, records);
  await linkPending(tx);
}
