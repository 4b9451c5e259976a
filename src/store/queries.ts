/**
 * Read queries for the HTTP API: stories with filters, a story with its events and articles,
 * events, one article. Keyset pagination with opaque cursors: no offset scans, and a page never
 * repeats or skips a row when rows are added between requests.
 */
import type { CanonicalEvent } from '../link/events.js';
import type { StoryListItem, StoryRecord } from '../link/story-record.js';
import type { AnalysisRecord } from '../document.js';
import type { StoredArticle } from './articles.js';
import { pageEntities, type EntityFilter, type StoredEntity } from './entities.js';
import { eventShape, storyShape } from './links.js';
import { orderKeys, parseRecord, storedArticleShape } from './record-shape.js';
import type { SqlExecutor, SqlValue } from './sql-client.js';

export interface StoryFilter {
  /** Full-text query over the story's articles (websearch syntax). */
  q?: string;
  /** An entity key that one of the story's articles mentions (`per:…`, `org:…`, `loc:…`). */
  entity?: string;
  /** A place key (`loc:…`) where one of the story's events happened or that its articles geocode. */
  place?: string;
  /** Stories seen on or after / on or before this date (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** An event type the story contains. */
  type?: string;
}

export interface EventFilter {
  story?: string;
  type?: string;
  from?: string;
  to?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null on the last page. */
  next: string | null;
}

export interface StoryArticleSummary {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  duplicate_of: string | null;
}

export interface StoryDetail {
  story: StoryRecord;
  events: CanonicalEvent[];
  articles: StoryArticleSummary[];
}

export class BadCursor extends Error {}

interface Cursor {
  key: string;
  id: string;
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through
  }
  throw new BadCursor('the cursor is not one this API returned');
}

const storyOf = (value: StoryRecord | string): StoryRecord => orderKeys(parseRecord(value), storyShape) as StoryRecord;
const storyListItemOf = (value: StoryListItem | string): StoryListItem => orderKeys(parseRecord(value), storyShape) as StoryListItem;
const eventOf = (value: CanonicalEvent | string): CanonicalEvent => orderKeys(parseRecord(value), eventShape) as CanonicalEvent;

/** Builds `WHERE` conditions with numbered parameters. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: SqlValue[] = [];
  add(template: (...placeholders: string[]) => string, ...values: SqlValue[]): void {
    const placeholders = values.map((value) => {
      this.params.push(value);
      return `$${this.params.length}`;
    });
    this.sql.push(template(...placeholders));
  }
  /** The next placeholder (for LIMIT). */
  push(value: SqlValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  where(): string {
    return this.sql.length > 0 ? `WHERE ${this.sql.join(' AND ')}` : '';
  }
}

/** Stories, most recently active first (last_seen, then id, both descending), as list items (`StoryListItem`). */
export async function listStories(db: SqlExecutor, filter: StoryFilter, limit: number, cursor?: string): Promise<Page<StoryListItem>> {
  const c = new Conditions();
  if (filter.q) {
    c.add((p) => `s.id IN (SELECT a.story FROM articles a WHERE a.search_vector @@ websearch_to_tsquery('english', ${p}))`, filter.q);
  }
  // Through the indexed mention and place tables, which hold every entity and place of the
  // records: matching the records' JSON read every stored article's record on each request.
  if (filter.entity) {
    c.add((p) => `s.id IN (SELECT a.story FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.doc_key = ${p}::text)`, filter.entity);
  }
  if (filter.place) {
    c.add((p) => `s.id IN (SELECT a.story FROM article_places pl JOIN articles a ON a.id = pl.article_id WHERE pl.doc_key = ${p}::text)`, filter.place);
  }
  if (filter.from) c.add((p) => `coalesce(s.last_seen, '') >= ${p}`, filter.from);
  if (filter.to) c.add((p) => `left(coalesce(s.first_seen, ''), 10) <= ${p}`, filter.to);
  if (filter.type) c.add((p) => `${p}::text = ANY (s.event_types)`, filter.type);
  const after = decodeCursor(cursor);
  if (after) c.add((key, id) => `(coalesce(s.last_seen, ''), s.id) < (${key}, ${id})`, after.key, after.id);
  const where = c.where();
  const { rows } = await db.query<{ id: string; last_seen: string | null; record: StoryListItem | string }>(
    // The page's ids first (walking stories_recent_idx), then only their records: selecting the
    // records in the sorted query turned every matching story's record to text before the sort.
    `WITH page AS (
       SELECT s.id, s.last_seen FROM stories s ${where}
       ORDER BY coalesce(s.last_seen, '') DESC, s.id DESC LIMIT ${c.push(limit + 1)})
     SELECT page.id, page.last_seen, story.list_item::text AS record FROM page JOIN stories story ON story.id = page.id
     ORDER BY coalesce(page.last_seen, '') DESC, page.id DESC`,
    c.params,
  );
  return page(rows, limit, (row) => storyListItemOf(row.record), (row) => ({ key: row.last_seen ?? '', id: row.id }));
}

function page<Row, T>(rows: Row[], limit: number, item: (row: Row) => T, cursorOf: (row: Row) => Cursor): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { items: kept.map(item), next: more ? encodeCursor(cursorOf(kept.at(-1)!)) : null };
}

export async function storyDetail(db: SqlExecutor, id: string): Promise<StoryDetail | null> {
  const { rows } = await db.query<{ record: StoryRecord | string }>('SELECT record::text AS record FROM stories WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  const events = await db.query<{ record: CanonicalEvent | string }>('SELECT record::text AS record FROM events WHERE story = $1 ORDER BY seq', [id]);
  const articles = await db.query<StoryArticleSummary & Record<string, unknown>>(
    `SELECT id, title, url, coalesce(source_name, source_domain) AS source, published_value AS published, duplicate_of
     FROM articles WHERE story = $1 ORDER BY published_value NULLS LAST, id`,
    [id],
  );
  return {
    story: storyOf(row.record),
    events: events.rows.map((r) => eventOf(r.record)),
    articles: articles.rows.map(({ id: articleId, title, url, source, published, duplicate_of }) => ({ id: articleId, title, url, source, published, duplicate_of })),
  };
}

/** Events, latest date first (undated last), then id. */
export async function listEvents(db: SqlExecutor, filter: EventFilter, limit: number, cursor?: string): Promise<Page<CanonicalEvent>> {
  const c = new Conditions();
  if (filter.story) c.add((p) => `e.story = ${p}`, filter.story);
  if (filter.type) c.add((p) => `e.type = ${p}`, filter.type);
  if (filter.from) c.add((p) => `e.date >= ${p}`, filter.from);
  if (filter.to) c.add((p) => `left(e.date, 10) <= ${p}`, filter.to);
  const after = decodeCursor(cursor);
  if (after) c.add((key, id) => `(coalesce(e.date, ''), e.id) < (${key}, ${id})`, after.key, after.id);
  const where = c.where();
  const { rows } = await db.query<{ id: string; date: string | null; record: CanonicalEvent | string }>(
    // As for stories: the page's ids first (events_recent_idx), then their records.
    `WITH page AS (
       SELECT e.id, e.date FROM events e ${where}
       ORDER BY coalesce(e.date, '') DESC, e.id DESC LIMIT ${c.push(limit + 1)})
     SELECT page.id, page.date, event.record::text AS record FROM page JOIN events event ON event.id = page.id
     ORDER BY coalesce(page.date, '') DESC, page.id DESC`,
    c.params,
  );
  return page(rows, limit, (row) => eventOf(row.record), (row) => ({ key: row.date ?? '', id: row.id }));
}

/** One canonical event by id, read alone (not with its story). */
export async function eventById(db: SqlExecutor, id: string): Promise<CanonicalEvent | null> {
  const { rows } = await db.query<{ record: CanonicalEvent | string }>('SELECT record::text AS record FROM events WHERE id = $1', [id]);
  return rows[0] ? eventOf(rows[0].record) : null;
}

export async function articleById(db: SqlExecutor, id: string): Promise<StoredArticle | null> {
  const { rows } = await db.query<{ body: string; record: Omit<AnalysisRecord, 'body'> | string; story: string | null; duplicate_of: string | null }>(
    'SELECT body, record::text AS record, story, duplicate_of FROM articles WHERE id = $1',
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return orderKeys({ ...parseRecord(row.record), body: row.body, story: row.story, duplicate_of: row.duplicate_of }, storedArticleShape) as StoredArticle;
}

/** Entities, most mentioned first (ties by key). */
export async function listEntities(db: SqlExecutor, filter: EntityFilter, limit: number, cursor?: string): Promise<Page<StoredEntity>> {
  const after = decodeCursor(cursor);
  const { items, last } = await pageEntities(db, filter, limit, after && { mentions: Number(after.key), key: after.id });
  return { items, next: last ? encodeCursor({ key: String(last.mentions), id: last.key }) : null };
}
