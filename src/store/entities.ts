/**
 * Canonical entities across documents.
 *
 * Every stored entity mention keeps its per-document key (`entity_mentions.doc_key`). Table
 * `entity_keys` maps each per-document key to one global entity and records why (`decision`): a
 * key is its own entity, except a surname-only person key ("per:erdogan"), which joins the full-name
 * entity of that surname when there is exactly one ("per:recep-tayyip-erdogan"). The decisions are
 * re-taken for every surname an ingest touches, so they depend on the set of stored articles, not
 * on the order they arrived in.
 *
 * Ingest cost follows the batch, not the database: each put applies the mentions it removes and
 * adds as deltas to per-key counts (`entity_keys`) and per-key form counts (`entity_key_forms`:
 * surface texts, names, subtypes), then rebuilds the touched `entities` rows from those small
 * tables. Only an update that removes mentions rescans that key's mentions (for first/last seen).
 */
import type { AnalysisRecord, EntityType } from '../document.js';
import { classifyName } from './person-names.js';
import { numberArray, textArray } from './sql-arrays.js';
import type { SqlExecutor, SqlValue } from './sql-client.js';

export interface EntityAlias {
  text: string;
  count: number;
}

export interface StoredEntity {
  key: string;
  type: EntityType;
  subtype: string | null;
  name: string;
  /** Surface forms of the mentions, most frequent first. */
  aliases: EntityAlias[];
  mentions: number;
  articles: number;
  first_seen: string | null;
  last_seen: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  precision: number | null;
}

/** Why a per-document key maps to its entity (`entity_keys.decision`). */
export const KEY_DECISIONS = {
  own: 'own key',
  surnameUnique: 'surname of the only full-name entity',
  surnameAmbiguous: 'surname shared by several full-name entities: kept apart',
  surnameUnmatched: 'no full-name entity with this surname',
} as const;

/** Rows per multi-row INSERT of key mappings (6 parameters each). */
const KEY_INSERT_CHUNK = 1000;

/** `list` as a set-returning subquery; lists travel as one JSON text parameter (scalars only). */
const inList = (param: number): string => `(SELECT jsonb_array_elements_text($${param}::text::jsonb))`;
const listParam = (values: Iterable<string>): string => JSON.stringify([...values]);

/** Which articles to (re)index: some ids, or every stored article (the migration's backfill). */
export type ArticleScope = readonly string[] | 'all';

/**
 * Writers to one server database index entities one at a time: surname decisions read what other
 * keys exist, and concurrent delta updates of shared rows could deadlock. Arbitrary, unique to crosscheck.
 */
const ENTITY_INDEX_LOCK_KEY = 7_240_518_312;

/**
 * Rebuilds the entity mentions of the articles in `scope` (inside the caller's transaction).
 * `stored`: the records as just stored, one per id of `scope`; their mentions then travel as
 * column arrays instead of being re-read from the stored JSON (which costs a de-TOAST and a jsonb
 * walk per article). Returns the entities whose rows were rebuilt.
 */
export async function indexEntities(
  tx: SqlExecutor,
  scope: ArticleScope,
  stored?: readonly AnalysisRecord[],
): Promise<Set<string>> {
  if (scope !== 'all' && scope.length === 0) return new Set();
  await tx.query(`SELECT pg_advisory_xact_lock(${ENTITY_INDEX_LOCK_KEY})`);
  await collectMentionDelta(tx, scope, stored);
  const removed = await keysIn(tx, 'sign < 0');
  const added = await keysIn(tx, 'sign > 0');
  await registerKeys(tx);
  await applyDelta(tx, removed);
  const touched = new Set([...removed, ...added]);
  const surnames = await surnamesOf(tx, touched);
  const orphanedTargets = await dropKeysWithoutMentions(tx, touched);
  const targetsBefore = await targetsOf(tx, touched, surnames);
  await decideSurnameMerges(tx, surnames);
  const targetsAfter = await targetsOf(tx, touched, surnames);
  const refreshed = new Set([...touched, ...orphanedTargets, ...targetsBefore, ...targetsAfter]);
  await refreshEntities(tx, refreshed);
  await tx.query('DROP TABLE mention_delta');
  return refreshed;
}

function scopeFilter(scope: ArticleScope, column: string, param: number): { sql: string; params: SqlValue[] } {
  if (scope === 'all') return { sql: 'TRUE', params: [] };
  return { sql: `${column} IN ${inList(param)}`, params: [listParam(scope)] };
}

async function distinctKeys(tx: SqlExecutor, sql: string, params: readonly SqlValue[] = []): Promise<Set<string>> {
  const { rows } = await tx.query<{ key: string }>(sql, params);
  return new Set(rows.map((row) => row.key));
}

/** A published date when it looks like one (TIMEX3 year first); the ingest time as ISO text. */
const PUBLISHED_SEEN = `CASE WHEN a.published_value ~ '^[0-9]{4}(-|T|$)' THEN a.published_value END`;
const INGESTED_SEEN = `to_char(a.ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const MENTION_COLUMNS = 'article_id, doc_key, type, subtype, name, "start", "end", text, seen_published, seen_ingested, count';

/**
 * The scope's old mentions leave (sign -1) and its stored records' mentions arrive (sign +1), both
 * copied into a transaction-local table that the following steps aggregate.
 */
async function collectMentionDelta(tx: SqlExecutor, scope: ArticleScope, stored?: readonly AnalysisRecord[]): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE mention_delta ON COMMIT DROP AS
     SELECT ${MENTION_COLUMNS}, 0 AS sign FROM entity_mentions WITH NO DATA`,
  );
  const removal = scopeFilter(scope, 'article_id', 1);
  await tx.query(
    `WITH gone AS (DELETE FROM entity_mentions WHERE ${removal.sql} RETURNING ${MENTION_COLUMNS})
     INSERT INTO mention_delta SELECT ${MENTION_COLUMNS}, -1 FROM gone`,
    removal.params,
  );
  if (stored) return addMentionsOf(tx, stored);
  const addition = scopeFilter(scope, 'a.id', 1);
  await tx.query(
    `WITH added AS (
       INSERT INTO entity_mentions (${MENTION_COLUMNS})
       SELECT a.id, e->>'key', e->>'type', e->>'subtype', coalesce(e->>'name', e->>'text'),
              (e->>'start')::int, (e->>'end')::int, e->>'text', ${PUBLISHED_SEEN}, ${INGESTED_SEEN}, 1
       FROM articles a
       CROSS JOIN LATERAL (SELECT a.record::jsonb AS r) j
       CROSS JOIN LATERAL jsonb_array_elements(
         CASE WHEN jsonb_typeof(j.r->'entities') = 'array' THEN j.r->'entities' ELSE '[]'::jsonb END) e
       WHERE ${addition.sql}
         AND jsonb_typeof(e->'key') = 'string' AND e->>'key' <> ''
         AND jsonb_typeof(e->'type') = 'string' AND jsonb_typeof(e->'text') = 'string'
         AND jsonb_typeof(e->'start') = 'number' AND jsonb_typeof(e->'end') = 'number'
       RETURNING ${MENTION_COLUMNS})
     INSERT INTO mention_delta SELECT ${MENTION_COLUMNS}, 1 FROM added`,
    addition.params,
  );
}

/**
 * The same mentions as the JSON walk above, from the records in hand, as column arrays; the
 * mentions of one article that share key and form (type, subtype, name, text) travel as one row
 * with their `count` and the first one's span: news repeats names, and rows are what costs.
 */
async function addMentionsOf(tx: SqlExecutor, records: readonly AnalysisRecord[]): Promise<void> {
  const columns = { article: [] as string[], key: [] as string[], type: [] as string[], subtype: [] as Array<string | null>,
    name: [] as string[], start: [] as number[], end: [] as number[], text: [] as string[], count: [] as number[] };
  for (const record of records) {
    const rowOf = new Map<string, number>();
    for (const entity of record.entities ?? []) {
      const subtype = entity.subtype === null || entity.subtype === undefined ? null : String(entity.subtype);
      const name = typeof entity.name === 'string' ? entity.name : entity.text;
      const form = JSON.stringify([entity.key, entity.type, subtype, name, entity.text]);
      const row = rowOf.get(form);
      if (row !== undefined) {
        (columns.count[row] as number)++;
        continue;
      }
      rowOf.set(form, columns.article.length);
      columns.article.push(record.id);
      columns.key.push(entity.key);
      columns.type.push(entity.type);
      columns.subtype.push(subtype);
      columns.name.push(name);
      columns.start.push(entity.start);
      columns.end.push(entity.end);
      columns.text.push(entity.text);
      columns.count.push(1);
    }
  }
  if (columns.article.length === 0) return;
  await tx.query(
    `WITH m AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::int[])
         AS m (article_id, doc_key, type, subtype, name, "start", "end", text, count)),
     seen AS (
       SELECT a.id, ${PUBLISHED_SEEN} AS published, ${INGESTED_SEEN} AS ingested
       FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM m)),
     added AS (
       INSERT INTO entity_mentions (${MENTION_COLUMNS})
       SELECT m.article_id, m.doc_key, m.type, m.subtype, m.name, m."start", m."end", m.text, s.published, s.ingested, m.count
       FROM m JOIN seen s ON s.id = m.article_id
       RETURNING ${MENTION_COLUMNS})
     INSERT INTO mention_delta SELECT ${MENTION_COLUMNS}, 1 FROM added`,
    [textArray(columns.article), textArray(columns.key), textArray(columns.type), textArray(columns.subtype),
      textArray(columns.name), numberArray(columns.start), numberArray(columns.end), textArray(columns.text),
      numberArray(columns.count)],
  );
}

function keysIn(tx: SqlExecutor, condition: string): Promise<Set<string>> {
  return distinctKeys(tx, `SELECT DISTINCT doc_key AS key FROM mention_delta WHERE ${condition}`);
}

/** New per-document keys start as their own entity; their name says whether they are a full name or a surname. */
async function registerKeys(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ key: string; type: string; name: string }>(
    // The name most mentions use (ties: the first in sort order, as mode() would pick it).
    `WITH named AS (
       SELECT d.doc_key, d.name, sum(d.count) AS uses, min(d.type) AS type
       FROM mention_delta d
       WHERE d.sign > 0 AND NOT EXISTS (SELECT 1 FROM entity_keys k WHERE k.doc_key = d.doc_key)
       GROUP BY d.doc_key, d.name)
     SELECT DISTINCT ON (doc_key) doc_key AS key, min(type) OVER (PARTITION BY doc_key) AS type, name
     FROM named ORDER BY doc_key, uses DESC, name`,
  );
  for (let at = 0; at < rows.length; at += KEY_INSERT_CHUNK) {
    const chunk = rows.slice(at, at + KEY_INSERT_CHUNK);
    const params = chunk.flatMap((row) => {
      const { kind, surname } = classifyName(row.type, row.name);
      return [row.key, row.key, row.type, kind, surname, KEY_DECISIONS.own];
    });
    const tuples = chunk.map((_, i) => `(${[1, 2, 3, 4, 5, 6].map((n) => `$${i * 6 + n}`).join(', ')})`);
    await tx.query(
      `INSERT INTO entity_keys (doc_key, entity_key, type, name_kind, surname, decision) VALUES ${tuples.join(', ')}
       ON CONFLICT (doc_key) DO NOTHING`,
      params,
    );
  }
}

/**
 * Counts move by the delta. An article's mentions leave and arrive whole, so its distinct keys
 * give the article counts. A minimum or maximum cannot be decremented: keys that lost mentions
 * get their first/last seen rescanned from their remaining mentions.
 */
async function applyDelta(tx: SqlExecutor, removed: ReadonlySet<string>): Promise<void> {
  await tx.query(
    `UPDATE entity_keys k SET
       mention_count = k.mention_count + d.mentions,
       article_count = k.article_count + d.articles,
       first_published = least(k.first_published, d.first_published),
       last_published = greatest(k.last_published, d.last_published),
       first_ingested = least(k.first_ingested, d.first_ingested),
       last_ingested = greatest(k.last_ingested, d.last_ingested)
     FROM (
       SELECT doc_key, sum(sign * count)::int AS mentions,
              (count(DISTINCT article_id) FILTER (WHERE sign > 0) - count(DISTINCT article_id) FILTER (WHERE sign < 0))::int AS articles,
              min(seen_published) FILTER (WHERE sign > 0) AS first_published,
              max(seen_published) FILTER (WHERE sign > 0) AS last_published,
              min(seen_ingested) FILTER (WHERE sign > 0) AS first_ingested,
              max(seen_ingested) FILTER (WHERE sign > 0) AS last_ingested
       FROM mention_delta GROUP BY doc_key) d
     WHERE k.doc_key = d.doc_key`,
  );
  if (removed.size > 0) {
    await tx.query(
      `UPDATE entity_keys k SET
         first_published = s.first_published, last_published = s.last_published,
         first_ingested = s.first_ingested, last_ingested = s.last_ingested
       FROM (
         SELECT doc_key, min(seen_published) AS first_published, max(seen_published) AS last_published,
                min(seen_ingested) AS first_ingested, max(seen_ingested) AS last_ingested
         FROM entity_mentions WHERE doc_key IN ${inList(1)} GROUP BY doc_key) s
       WHERE k.doc_key = s.doc_key`,
      [listParam(removed)],
    );
  }
  await tx.query(
    `INSERT INTO entity_key_forms (doc_key, field, value, count)
     SELECT d.doc_key, f.field, f.value, sum(d.sign * d.count)::int
     FROM mention_delta d
     CROSS JOIN LATERAL (VALUES
       ('alias', btrim(regexp_replace(d.text, '\\s+', ' ', 'g'))), ('name', d.name), ('subtype', d.subtype)) f (field, value)
     WHERE f.value IS NOT NULL AND f.value <> ''
     GROUP BY d.doc_key, f.field, f.value
     ON CONFLICT (doc_key, field, value) DO UPDATE SET count = entity_key_forms.count + EXCLUDED.count`,
  );
  await tx.query(
    `DELETE FROM entity_key_forms WHERE count <= 0 AND doc_key IN (SELECT DISTINCT doc_key FROM mention_delta)`,
  );
}

function surnamesOf(tx: SqlExecutor, keys: ReadonlySet<string>): Promise<Set<string>> {
  if (keys.size === 0) return Promise.resolve(new Set());
  return distinctKeys(
    tx,
    `SELECT DISTINCT surname AS key FROM entity_keys WHERE doc_key IN ${inList(1)} AND surname IS NOT NULL`,
    [listParam(keys)],
  );
}

/** A key no stored article mentions any more is forgotten; returns the entities it pointed to. */
function dropKeysWithoutMentions(tx: SqlExecutor, keys: ReadonlySet<string>): Promise<Set<string>> {
  if (keys.size === 0) return Promise.resolve(new Set());
  return distinctKeys(
    tx,
    `WITH gone AS (
       DELETE FROM entity_keys WHERE doc_key IN ${inList(1)} AND mention_count <= 0 RETURNING entity_key)
     SELECT DISTINCT entity_key AS key FROM gone`,
    [listParam(keys)],
  );
}

function targetsOf(tx: SqlExecutor, keys: ReadonlySet<string>, surnames: ReadonlySet<string>): Promise<Set<string>> {
  if (keys.size === 0 && surnames.size === 0) return Promise.resolve(new Set());
  return distinctKeys(
    tx,
    `SELECT DISTINCT entity_key AS key FROM entity_keys WHERE doc_key IN ${inList(1)} OR surname IN ${inList(2)}`,
    [listParam(keys), listParam(surnames)],
  );
}

/**
 * Conservative merging: a surname-only key joins a full name only when exactly one known full-name
 * entity has that surname; two people sharing a surname keep it apart (and the decision says so).
 */
async function decideSurnameMerges(tx: SqlExecutor, surnames: ReadonlySet<string>): Promise<void> {
  if (surnames.size === 0) return;
  await tx.query(
    `WITH wanted AS (SELECT DISTINCT value AS surname FROM jsonb_array_elements_text($1::text::jsonb)),
     full_names AS (
       SELECT w.surname, count(k.doc_key)::int AS n, min(k.doc_key) AS only_key
       FROM wanted w LEFT JOIN entity_keys k ON k.surname = w.surname AND k.name_kind = 'full'
       GROUP BY w.surname),
     decided AS (
       SELECT surname, CASE WHEN n = 1 THEN only_key END AS target,
              CASE WHEN n = 1 THEN $2 WHEN n = 0 THEN $3 ELSE $4 END AS decision
       FROM full_names)
     UPDATE entity_keys k SET entity_key = coalesce(d.target, k.doc_key), decision = d.decision
     FROM decided d
     WHERE k.name_kind = 'surname' AND k.surname = d.surname
       AND (k.entity_key, k.decision) IS DISTINCT FROM (coalesce(d.target, k.doc_key), d.decision)`,
    [listParam(surnames), KEY_DECISIONS.surnameUnique, KEY_DECISIONS.surnameUnmatched, KEY_DECISIONS.surnameAmbiguous],
  );
}

/**
 * Subtypes that describe how a mention refers to the entity, not the entity: "Turkish" is a
 * nationality mention of loc:turkey, a country. They lose to any other subtype the entity has.
 */
const MENTION_LEVEL_SUBTYPES: readonly string[] = ['nationality'];

/** The most frequent form of `field` among the entity's keys (`own` limits it to the entity's own key); ties by text. */
function topForm(field: 'name' | 'subtype', own: boolean): string {
  const demoted = field === 'subtype' ? `f.value IN (${MENTION_LEVEL_SUBTYPES.map((v) => `'${v}'`).join(', ')}), ` : '';
  return `(SELECT f.value FROM entity_key_forms f JOIN entity_keys fk ON fk.doc_key = f.doc_key
           WHERE fk.entity_key = g.entity_key AND f.field = '${field}'${own ? ' AND f.doc_key = g.entity_key' : ''}
           GROUP BY f.value ORDER BY ${demoted}sum(f.count) DESC, f.value COLLATE "C" LIMIT 1)`;
}

/** Rebuilds the rows of `keys` from the per-key tables; entities left without keys are deleted. */
async function refreshEntities(tx: SqlExecutor, keys: ReadonlySet<string>): Promise<void> {
  if (keys.size === 0) return;
  const params = [listParam(keys)];
  await tx.query(
    `DELETE FROM entities e WHERE e.key IN ${inList(1)}
       AND NOT EXISTS (SELECT 1 FROM entity_keys k WHERE k.entity_key = e.key)`,
    params,
  );
  await tx.query(
    `INSERT INTO entities (key, type, subtype, name, mention_count, article_count, first_seen, last_seen)
     SELECT g.entity_key, g.type, ${topForm('subtype', false)},
            coalesce(${topForm('name', true)}, ${topForm('name', false)}, g.entity_key),
            g.mentions, g.articles, g.first_seen, g.last_seen
     FROM (
       SELECT entity_key, min(type) AS type, sum(mention_count)::int AS mentions, sum(article_count)::int AS articles,
              coalesce(min(first_published), min(first_ingested)) AS first_seen,
              coalesce(max(last_published), max(last_ingested)) AS last_seen
       FROM entity_keys WHERE entity_key IN ${inList(1)} GROUP BY entity_key) g
     ON CONFLICT (key) DO UPDATE SET
       type = EXCLUDED.type, subtype = EXCLUDED.subtype, name = EXCLUDED.name,
       mention_count = EXCLUDED.mention_count, article_count = EXCLUDED.article_count,
       first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen`,
    params,
  );
  await tx.query(`DELETE FROM entity_aliases WHERE entity_key IN ${inList(1)}`, params);
  await tx.query(
    `INSERT INTO entity_aliases (entity_key, alias, count)
     SELECT k.entity_key, f.value, sum(f.count)::int
     FROM entity_keys k JOIN entity_key_forms f ON f.doc_key = k.doc_key AND f.field = 'alias'
     WHERE k.entity_key IN ${inList(1)}
     GROUP BY k.entity_key, f.value`,
    params,
  );
}

interface EntityRow {
  key: string;
  type: EntityType;
  subtype: string | null;
  name: string;
  mention_count: number;
  article_count: number;
  first_seen: string | null;
  last_seen: string | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  precision: number | null;
}

const ENTITY_COLUMNS =
  'key, type, subtype, name, mention_count, article_count, first_seen, last_seen, lat, lon, country, precision';

/** Keyset pages, most mentioned first (ties by key), aliases fetched per page. */
export async function* readEntities(db: SqlExecutor, batchSize: number): AsyncGenerator<StoredEntity> {
  let after: { mentions: number; key: string } | null = null;
  for (;;) {
    const page: string = after
      ? `WHERE mention_count < $2 OR (mention_count = $2 AND key COLLATE "C" > $3)`
      : '';
    const params: SqlValue[] = after ? [batchSize, after.mentions, after.key] : [batchSize];
    const { rows }: { rows: EntityRow[] } = await db.query<EntityRow & Record<string, unknown>>(
      `SELECT ${ENTITY_COLUMNS} FROM entities ${page} ORDER BY mention_count DESC, key COLLATE "C" LIMIT $1`,
      params,
    );
    const aliases = await aliasesOf(db, rows.map((row) => row.key));
    for (const row of rows) yield toStoredEntity(row, aliases.get(row.key) ?? []);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { mentions: Number(last.mention_count), key: last.key };
  }
}

async function aliasesOf(db: SqlExecutor, keys: readonly string[]): Promise<Map<string, EntityAlias[]>> {
  const byKey = new Map<string, EntityAlias[]>();
  if (keys.length === 0) return byKey;
  const { rows } = await db.query<{ entity_key: string; alias: string; count: number }>(
    `SELECT entity_key, alias, count FROM entity_aliases WHERE entity_key IN ${inList(1)}
     ORDER BY entity_key, count DESC, alias COLLATE "C"`,
    [listParam(keys)],
  );
  for (const row of rows) {
    const list = byKey.get(row.entity_key) ?? [];
    list.push({ text: row.alias, count: Number(row.count) });
    byKey.set(row.entity_key, list);
  }
  return byKey;
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toStoredEntity(row: EntityRow, aliases: EntityAlias[]): StoredEntity {
  return {
    key: row.key,
    type: row.type,
    subtype: row.subtype,
    name: row.name,
    aliases,
    mentions: Number(row.mention_count),
    articles: Number(row.article_count),
    first_seen: row.first_seen,
    last_seen: row.last_seen,
    lat: numberOrNull(row.lat),
    lon: numberOrNull(row.lon),
    country: row.country,
    precision: numberOrNull(row.precision),
  };
}

export async function countEntities(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
  return Number(rows[0]?.n ?? 0);
}

export interface EntityFilter {
  /** PER, ORG, LOC or MISC. */
  type?: string;
  /** Canonical names that start with this text (case-insensitive). */
  prefix?: string;
}

/** One page of entities for the API, most mentioned first; the cursor is the last row's (mentions, key). */
export async function pageEntities(
  db: SqlExecutor,
  filter: EntityFilter,
  limit: number,
  after: { mentions: number; key: string } | null,
): Promise<{ items: StoredEntity[]; last: { mentions: number; key: string } | null }> {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const param = (value: SqlValue): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.type) conditions.push(`type = ${param(filter.type)}`);
  if (filter.prefix) conditions.push(`lower(name) LIKE ${param(`${filter.prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  if (after) conditions.push(`(mention_count < ${param(after.mentions)} OR (mention_count = ${param(after.mentions)} AND key COLLATE "C" > ${param(after.key)}))`);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const { rows } = await db.query<EntityRow & Record<string, unknown>>(
    `SELECT ${ENTITY_COLUMNS} FROM entities ${where} ORDER BY mention_count DESC, key COLLATE "C" LIMIT ${param(limit + 1)}`,
    params,
  );
  const kept = rows.slice(0, limit);
  const aliases = await aliasesOf(db, kept.map((row) => row.key));
  const last = rows.length > limit ? kept.at(-1)! : null;
  return { items: kept.map((row) => toStoredEntity(row, aliases.get(row.key) ?? [])), last: last && { mentions: Number(last.mention_count), key: last.key } };
}

export async function entityByKey(db: SqlExecutor, key: string): Promise<StoredEntity | null> {
  const { rows } = await db.query<EntityRow & Record<string, unknown>>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE key = $1`, [key]);
  const row = rows[0];
  if (!row) return null;
  return toStoredEntity(row, (await aliasesOf(db, [key])).get(key) ?? []);
}
