import type { AnalysisRecord } from '../document.js';
import { StoreError, messageOf } from './errors.js';
import { contentHash, orderKeys, storedArticleShape } from './record-shape.js';
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

/** Column ← record, in INSERT order; `record` is cast from text because the drivers serialise JSON differently. */
const insertColumns: ReadonlyArray<{ name: string; cast?: string; value: (r: AnalysisRecord) => SqlValue }> = [
  { name: 'id', value: (r) => r.id },
  { name: 'url', value: (r) => r.url },
  { name: 'source_name', value: (r) => r.source?.name ?? null },
  { name: 'source_domain', value: (r) => r.source?.domain ?? null },
  { name: 'title', value: (r) => r.title },
  { name: 'published_value', value: (r) => r.published?.value ?? null },
  { name: 'published_origin', value: (r) => r.published?.origin ?? null },
  { name: 'lang', value: (r) => r.lang },
  { name: 'body', value: (r) => r.body },
  { name: 'content_hash', value: (r) => contentHash(r) },
  { name: 'record', cast: '::text::jsonb', value: (r) => JSON.stringify(withoutBody(r)) },
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

/**
 * Stores `records` through `tx` (inside the caller's transaction). Throws a StoreError naming the
 * bad record. `changedIds`: the articles inserted or updated (their derived data needs refreshing).
 */
export async function upsertArticles(
  tx: SqlExecutor,
  records: readonly AnalysisRecord[],
): Promise<{ result: PutResult; changedIds: string[] }> {
  records.forEach(validateRecord);
  const result: PutResult = { inserted: 0, updated: 0, unchanged: 0 };
  const changedIds = new Set<string>();
  for (const chunk of chunksWithoutRepeatedIds(records, INSERT_CHUNK_SIZE)) {
    const rows = await upsertChunk(tx, chunk);
    const inserted = rows.filter((row) => row.inserted).length;
    result.inserted += inserted;
    result.updated += rows.length - inserted;
    result.unchanged += chunk.length - rows.length;
    for (const row of rows) changedIds.add(row.id);
  }
  return { result, changedIds: [...changedIds] };
}

/**
 * One INSERT cannot touch the same row twice, so a repeated id starts a new chunk; the counts then
 * match storing the records one after another.
 */
export function chunksWithoutRepeatedIds<T extends { id: string }>(records: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let ids = new Set<string>();
  for (const record of records) {
    if (current.length >= size || ids.has(record.id)) {
      chunks.push(current);
      current = [];
      ids = new Set();
    }
    current.push(record);
    ids.add(record.id);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function upsertChunk(tx: SqlExecutor, chunk: readonly AnalysisRecord[]): Promise<Array<{ id: string; inserted: boolean }>> {
  const params = chunk.flatMap((record) => insertColumns.map((column) => column.value(record)));
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
async function blameRecord(tx: SqlExecutor, chunk: readonly AnalysisRecord[], chunkError: unknown): Promise<StoreError> {
  for (const record of chunk) {
    await tx.query('SAVEPOINT put_one');
    try {
      await tx.query(upsertSql(1), insertColumns.map((column) => column.value(record)));
      await tx.query('ROLLBACK TO SAVEPOINT put_one');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT put_one');
      return new StoreError(`cannot store article "${record.id}": ${messageOf(error)}`, { cause: error });
    }
  }
  const ids = chunk.map((record) => record.id).join(', ');
  return new StoreError(`cannot store articles (${ids}): ${messageOf(chunkError)}`, { cause: chunkError });
}

/** Catches what the type system cannot promise for records that came from JSON. */
function validateRecord(record: AnalysisRecord, index: number): void {
  const problem = recordProblem(record);
  if (problem) {
    const name = typeof record?.id === 'string' && record.id ? `"${record.id}"` : `#${index}`;
    throw new StoreError(`cannot store article ${name}: ${problem}`);
  }
}

function recordProblem(record: AnalysisRecord): string | null {
  if (typeof record !== 'object' || record === null) return 'not an object';
  if (typeof record.id !== 'string' || record.id.length === 0) return 'id must be a non-empty string';
  if (typeof record.body !== 'string') return 'body must be a string';
  if (typeof record.lang !== 'string') return 'lang must be a string';
  return entitiesProblem(record.entities) ?? unstorableText(JSON.stringify(record));
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
const UNSTORABLE_ESCAPES: ReadonlyArray<{ pattern: RegExp; problem: string }> = [
  { pattern: /(?<!\\)(?:\\\\)*\\u0000/, problem: 'contains a NUL character (U+0000), which PostgreSQL cannot store' },
  { pattern: /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i, problem: 'contains an unpaired UTF-16 surrogate (malformed text)' },
];

function unstorableText(json: string): string | null {
  return UNSTORABLE_ESCAPES.find(({ pattern }) => pattern.test(json))?.problem ?? null;
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
      `SELECT seq, body, record, story, duplicate_of FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
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
