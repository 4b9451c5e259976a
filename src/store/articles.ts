import type { AnalysisRecord } from '../document.js';
import { StoreError, messageOf } from './errors.js';
import { storyMemberOf } from '../link/story-member.js';
import { contentHash, orderKeys, storedArticleShape } from './record-shape.js';
import { textArray } from './sql-arrays.js';
import type { SqlExecutor, SqlValue } from './sql-client.js';

export interface StoredArticle extends AnalysisRecord {
  story: string | null;
  duplicate_of: string | null;
}

export interface PutResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows per INSERT: well under PostgreSQL's 65 535 parameters, small enough to keep statements quick. */
export const INSERT_CHUNK_SIZE = 200;

/** A record ready for INSERT: its JSON (without body) and content hash are computed once. */
interface PreparedArticle {
  record: AnalysisRecord;
  json: string;
  /** What composing its story reads (`storyMemberOf`), as JSON. */
  memberJson: string;
  hash: string;
}

/** Column ← record, in INSERT order; `record` is cast from text because the drivers serialise JSON differently. */
const insertColumns: ReadonlyArray<{ name: string; cast?: string; value: (p: PreparedArticle) => SqlValue }> = [
  { name: 'id', value: (p) => p.record.id },
  { name: 'url', value: (p) => p.record.url },
  { name: 'source_name', value: (p) => p.record.source?.name ?? null },
  { name: 'source_domain', value: (p) => p.record.source?.domain ?? null },
  { name: 'title', value: (p) => p.record.title },
  { name: 'published_value', value: (p) => p.record.published?.value ?? null },
  { name: 'published_origin', value: (p) => p.record.published?.origin ?? null },
  { name: 'lang', value: (p) => p.record.lang },
  { name: 'body', value: (p) => p.record.body },
  { name: 'content_hash', value: (p) => p.hash },
  { name: 'record', cast: '::text::json', value: (p) => p.json },
  { name: 'story_member', cast: '::text::json', value: (p) => p.memberJson },
];

const upsertTail = `
  ON CONFLICT (id) DO UPDATE SET
    ${insertColumns.filter((c) => c.name !== 'id').map((c) => `${c.name} = EXCLUDED.${c.name}`).join(',\n    ')},
    updated_at = now()
  WHERE articles.content_hash IS DISTINCT FROM EXCLUDED.content_hash
  RETURNING id, (xmax = 0) AS inserted`;

function upsertSql(rowCount: number): string {
  const width = insertColumns.length;
  const tuples = Array.from({ length: rowCount }, (_, row) => {
    const placeholders = insertColumns.map((column, i) => `$${row * width + i + 1}${column.cast ?? ''}`);
    return `(${placeholders.join(', ')})`;
  });
  return `INSERT INTO articles (${insertColumns.map((c) => c.name).join(', ')})\n  VALUES ${tuples.join(',\n    ')}${upsertTail}`;
}

function withoutBody(record: AnalysisRecord): Omit<AnalysisRecord, 'body'> {
  const { body: _body, ...rest } = record;
  return rest;
}

export interface UpsertOutcome {
  result: PutResult;
  /** The articles inserted or updated (their derived data needs refreshing). */
  changedIds: string[];
  /** The stored version of each changed article, in `changedIds` order. */
  changed: AnalysisRecord[];
}

/** Stores `records` through `tx` (inside the caller's transaction). Throws a StoreError naming the bad record. */
export async function upsertArticles(tx: SqlExecutor, records: readonly AnalysisRecord[]): Promise<UpsertOutcome> {
  const prepared = records.map(prepareArticle);
  const result: PutResult = { inserted: 0, updated: 0, unchanged: 0 };
  const changed = new Map<string, AnalysisRecord>();
  const latest = new Map(records.map((record) => [record.id, record]));
  const toWrite = await withoutUnchanged(tx, prepared);
  result.unchanged += prepared.length - toWrite.length;
  for (const chunk of chunksWithoutRepeatedIds(toWrite, INSERT_CHUNK_SIZE, (p) => p.record.id)) {
    const rows = await upsertChunk(tx, chunk);
    const inserted = rows.filter((row) => row.inserted).length;
    result.inserted += inserted;
    result.updated += rows.length - inserted;
    result.unchanged += chunk.length - rows.length;
    // A repeated id ends up as its last version, whichever of its puts changed the row.
    for (const row of rows) changed.set(row.id, latest.get(row.id) as AnalysisRecord);
  }
  return { result, changedIds: [...changed.keys()], changed: [...changed.values()] };
}

/**
 * Re-ingest is mostly of unchanged articles: one look at the stored hashes spares them the INSERT,
 * which would parse their JSON and build their search vector before finding the conflict. The
 * INSERT keeps its own hash test for what changes between this look and the write.
 */
async function withoutUnchanged(tx: SqlExecutor, prepared: readonly PreparedArticle[]): Promise<PreparedArticle[]> {
  const ids = [...new Set(prepared.map((article) => article.record.id))];
  const { rows } = await tx.query<{ id: string; content_hash: string }>(
    'SELECT id, content_hash FROM articles WHERE id = ANY ($1::text[])',
    [textArray(ids)],
  );
  const known = new Map(rows.map((row) => [row.id, row.content_hash]));
  return prepared.filter((article) => {
    if (known.get(article.record.id) === article.hash) return false;
    known.set(article.record.id, article.hash);
    return true;
  });
}

/**
 * One INSERT cannot touch the same row twice, so a repeated id starts a new chunk; the counts then
 * match storing the records one after another.
 */
export function chunksWithoutRepeatedIds<T>(records: readonly T[], size: number, idOf: (record: T) => string): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let ids = new Set<string>();
  for (const record of records) {
    const id = idOf(record);
    if (current.length >= size || ids.has(id)) {
      chunks.push(current);
      current = [];
      ids = new Set();
    }
    current.push(record);
    ids.add(id);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function upsertChunk(tx: SqlExecutor, chunk: readonly PreparedArticle[]): Promise<Array<{ id: string; inserted: boolean }>> {
  const params = chunk.flatMap((article) => insertColumns.map((column) => column.value(article)));
  await tx.query('SAVEPOINT put_chunk');
  try {
    const { rows } = await tx.query<{ id: string; inserted: boolean }>(upsertSql(chunk.length), params);
    await tx.query('RELEASE SAVEPOINT put_chunk');
    return rows;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT put_chunk');
    throw await blameRecord(tx, chunk, error);
  }
}

/** The chunk failed as a whole: replay it one record at a time (then roll back) to name the culprit. */
async function blameRecord(tx: SqlExecutor, chunk: readonly PreparedArticle[], chunkError: unknown): Promise<StoreError> {
  for (const article of chunk) {
    await tx.query('SAVEPOINT put_one');
    try {
      await tx.query(upsertSql(1), insertColumns.map((column) => column.value(article)));
      await tx.query('ROLLBACK TO SAVEPOINT put_one');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT put_one');
      return new StoreError(`cannot store article "${article.record.id}": ${messageOf(error)}`, { cause: error });
    }
  }
  const ids = chunk.map((article) => article.record.id).join(', ');
  return new StoreError(`cannot store articles (${ids}): ${messageOf(chunkError)}`, { cause: chunkError });
}

/** Validates, then serialises once: the stored JSON doubles as the text checked for unstorable characters. */
function prepareArticle(record: AnalysisRecord, index: number): PreparedArticle {
  const reject = (problem: string): never => {
    const name = typeof record?.id === 'string' && record.id ? `"${record.id}"` : `#${index}`;
    throw new StoreError(`cannot store article ${name}: ${problem}`);
  };
  const problem = shapeProblem(record);
  if (problem) reject(problem);
  const withoutText = withoutBody(record);
  const json = JSON.stringify(withoutText);
  const unstorable = unstorableText(json) ?? unstorableBody(record.body);
  if (unstorable) reject(unstorable);
  return { record, json, memberJson: JSON.stringify(storyMemberOf(withoutText)), hash: contentHash(record) };
}

/** Catches what the type system cannot promise for records that came from JSON. */
function shapeProblem(record: AnalysisRecord): string | null {
  if (typeof record !== 'object' || record === null) return 'not an object';
  if (typeof record.id !== 'string' || record.id.length === 0) return 'id must be a non-empty string';
  if (typeof record.body !== 'string') return 'body must be a string';
  if (typeof record.lang !== 'string') return 'lang must be a string';
  return entitiesProblem(record.entities) ?? placesProblem(record.places);
}

/** Places are optional; the index skips entries it cannot use (see `usablePlace`), but the list must be a list. */
function placesProblem(places: unknown): string | null {
  return places === undefined || places === null || Array.isArray(places) ? null : 'places must be an array';
}

/** The entity index reads these fields of every entity; a missing list counts as none. */
function entitiesProblem(entities: unknown): string | null {
  if (entities === undefined || entities === null) return null;
  if (!Array.isArray(entities)) return 'entities must be an array';
  const bad = entities.findIndex((entity: unknown) => !isIndexableEntity(entity));
  return bad < 0 ? null : `entities[${bad}] needs a non-empty string key, string type, name and text, and integer start and end`;
}

function isIndexableEntity(entity: unknown): boolean {
  if (typeof entity !== 'object' || entity === null) return false;
  const e = entity as Record<string, unknown>;
  return typeof e.key === 'string' && e.key.length > 0 && typeof e.type === 'string' && typeof e.name === 'string' &&
    typeof e.text === 'string' && Number.isInteger(e.start) && Number.isInteger(e.end);
}

/**
 * PostgreSQL text cannot hold NUL, and the drivers would silently turn an unpaired surrogate into
 * U+FFFD (changing the text under its offsets). JSON.stringify escapes exactly these as \uXXXX
 * (an odd run of backslashes, so an escaped backslash followed by "u0000" does not count).
 */
const NUL_PROBLEM = 'contains a NUL character (U+0000), which PostgreSQL cannot store';
const SURROGATE_PROBLEM = 'contains an unpaired UTF-16 surrogate (malformed text)';
const UNSTORABLE_ESCAPES: ReadonlyArray<{ pattern: RegExp; problem: string }> = [
  { pattern: /(?<!\\)(?:\\\\)*\\u0000/, problem: NUL_PROBLEM },
  { pattern: /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i, problem: SURROGATE_PROBLEM },
];

function unstorableText(json: string): string | null {
  return UNSTORABLE_ESCAPES.find(({ pattern }) => pattern.test(json))?.problem ?? null;
}

/** The same two problems in raw text (the body is stored as it is, not as JSON). */
const UNSTORABLE_CHARACTERS: ReadonlyArray<{ pattern: RegExp; problem: string }> = [
  { pattern: /\u0000/, problem: NUL_PROBLEM },
  { pattern: /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, problem: SURROGATE_PROBLEM },
];

function unstorableBody(body: string): string | null {
  return UNSTORABLE_CHARACTERS.find(({ pattern }) => pattern.test(body))?.problem ?? null;
}

interface ArticleRow {
  seq: number | string;
  body: string;
  record: Omit<AnalysisRecord, 'body'>;
  story: string | null;
  duplicate_of: string | null;
}

/** Keyset pages in ingestion order: no cursor or transaction held open between pages. */
export async function* readArticles(db: SqlExecutor, batchSize: number): AsyncGenerator<StoredArticle> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<ArticleRow & Record<string, unknown>>(
      `SELECT seq, body, record::text AS record, story, duplicate_of FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) yield toStoredArticle(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = Number(last.seq);
  }
}

function toStoredArticle(row: ArticleRow): StoredArticle {
  const record = typeof row.record === 'string' ? JSON.parse(row.record) : row.record;
  const article = { ...record, body: row.body, story: row.story, duplicate_of: row.duplicate_of };
  return orderKeys(article, storedArticleShape) as StoredArticle;
}

export async function countArticles(db: SqlExecutor): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  return Number(rows[0]?.n ?? 0);
}

export interface SearchHit {
  id: string;
  title: string | null;
  snippet: string;
  rank: number;
}

/** Matches are wrapped in `<b>`…`</b>`; the rest of the snippet is raw article text (escape it before HTML). */
const HEADLINE_OPTIONS = 'MaxFragments=2, MinWords=12, MaxWords=30, FragmentDelimiter=" … "';

/** Ranks first, then builds snippets for the winners only: ts_headline re-parses whole bodies. */
export async function searchArticles(db: SqlExecutor, query: string, limit: number): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  const { rows } = await db.query<SearchHit & Record<string, unknown>>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS tsq),
     hits AS (
       SELECT a.id, a.title, a.body, a.seq, ts_rank(a.search_vector, q.tsq, 32) AS rank, q.tsq
       FROM articles a, q
       WHERE a.search_vector @@ q.tsq
       ORDER BY rank DESC, a.seq
       LIMIT $2
     )
     SELECT id, title, ts_headline('english', body, tsq, $3) AS snippet, rank
     FROM hits ORDER BY rank DESC, seq`,
    [query, limit, HEADLINE_OPTIONS],
  );
  return rows.map((row) => ({ id: row.id, title: row.title, snippet: row.snippet, rank: Number(row.rank) }));
}
