import type { AnalysisRecord } from '../document.js';
import {
  countArticles,
  readArticles,
  searchArticles,
  upsertArticles,
  type PutResult,
  type SearchHit,
  type StoredArticle,
} from './articles.js';
import { countEntities, entityByKey, indexEntities, readEntities, type EntityFilter, type StoredEntity } from './entities.js';
import { StoreError, messageOf } from './errors.js';
import type { CanonicalEvent } from '../link/events.js';
import type { StoryListItem, StoryRecord } from '../link/story-record.js';
import { readClaims, type StoredClaim } from './claims.js';
import { linkPending, readEvents, readStories, saveLinkFeatures, type RelinkResult } from './links.js';
import { articleById, eventById, listEntities, listEvents, listStories, storyDetail, type EventFilter, type Page, type StoryDetail, type StoryFilter } from './queries.js';
import { migrate } from './migrations.js';
import { indexPlaces } from './places.js';
import { openPgliteClient } from './pglite-client.js';
import { openPostgresClient } from './pg-client.js';
import type { SqlClient, SqlExecutor } from './sql-client.js';
import { markItemsSeen, readFeedState, readSeenItems, saveFeedState, type FeedState, type SeenItem } from './watch.js';

export type { PutResult, SearchHit, StoredArticle } from './articles.js';
export type { StoredClaim } from './claims.js';
export type { RelinkResult } from './links.js';
export type { FeedState, SeenItem } from './watch.js';
export { BadCursor, type EventFilter, type Page, type StoryDetail, type StoryFilter } from './queries.js';
export type { EntityAlias, EntityFilter, StoredEntity } from './entities.js';
export { StoreError, isTransientDatabaseError } from './errors.js';
export { embeddedDatabaseExists } from './pglite-client.js';
export { migrations } from './migrations.js';
export type { SqlExecutor } from './sql-client.js';

/** The contract's default for `--db`. */
export const DEFAULT_DB_DIR = './crosscheck-data';

export interface StoreOptions {
  dbDir?: string;
  /** A PostgreSQL connection string; it (or env DATABASE_URL) wins over `dbDir`. */
  databaseUrl?: string;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /**
   * One transaction per call: all records stored or none. Same id + same content → unchanged; changed
   * content → updated. The entities of inserted and updated articles are indexed in the same transaction.
   * `alongside` runs in that transaction too (distributed mode completes the records' jobs there).
   */
  putArticles(records: AnalysisRecord[], alongside?: (tx: SqlExecutor) => Promise<void>): Promise<PutResult>;
  /**
   * Links the articles stored since the last call (copies, stories, canonical events) in one
   * transaction. `ingest` calls it once at the end of a run; until then new articles have no story.
   */
  link(): Promise<RelinkResult>;
  /** Streams stored articles, first ingested first, one page at a time. */
  articles(options?: { batchSize?: number }): AsyncIterable<StoredArticle>;
  countArticles(): Promise<number>;
  /** Streams canonical entities across all articles, most mentioned first (ties by key), one page at a time. */
  entities(options?: { batchSize?: number }): AsyncIterable<StoredEntity>;
  countEntities(): Promise<number>;
  /**
   * Full-text search over title + body (websearch syntax: words, "phrases", -exclusions, or), best
   * first. Snippets wrap matches in `<b>`…`</b>` around raw body text: escape before putting in HTML.
   */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Streams stories (composed records), one page at a time. */
  stories(options?: { batchSize?: number }): AsyncIterable<StoryRecord>;
  /** Streams canonical events, one page at a time. */
  events(options?: { batchSize?: number }): AsyncIterable<CanonicalEvent>;
  /** Streams the claims ledger: every claim of every stored article, with its article, outlet and story. */
  claims(options?: { batchSize?: number }): AsyncIterable<StoredClaim>;
  /** Read queries for the API: filtered pages of stories and events, one story in full, one article. */
  listStories(filter: StoryFilter, limit: number, cursor?: string): Promise<Page<StoryListItem>>;
  story(id: string): Promise<StoryDetail | null>;
  /** One canonical event, or null. */
  event(id: string): Promise<CanonicalEvent | null>;
  listEvents(filter: EventFilter, limit: number, cursor?: string): Promise<Page<CanonicalEvent>>;
  article(id: string): Promise<StoredArticle | null>;
  listEntities(filter: EntityFilter, limit: number, cursor?: string): Promise<Page<StoredEntity>>;
  entity(key: string): Promise<StoredEntity | null>;
  /** `watch`: what is remembered of a feed (validators, failures), or null for a feed never fetched. */
  feedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /** `watch`: of these item keys, the ones already ingested, with the hash each had then. */
  seenItems(keys: readonly string[]): Promise<Map<string, string>>;
  markItemsSeen(feedUrl: string, items: readonly SeenItem[]): Promise<void>;
  close(): Promise<void>;
}

/** The database `options` select, as a human-readable description (for messages). */
export function describeDatabase(options: StoreOptions): { kind: 'pglite' | 'postgres'; location: string } {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return { kind: 'postgres', location: url };
  return { kind: 'pglite', location: options.dbDir ?? DEFAULT_DB_DIR };
}

/** Opens (creating if needed) and migrates. Throws a StoreError with a clear message when it cannot. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const target = describeDatabase(options);
  const client = target.kind === 'postgres' ? await openPostgresClient(target.location) : await openPgliteClient(target.location);
  try {
    await migrate(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot prepare the database schema: ${messageOf(error)}`, { cause: error });
  }
  return new SqlStore(client);
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_SEARCH_LIMIT = 20;
const MAX_SEARCH_LIMIT = 1000;

class SqlStore implements Store {
  private closed = false;
  constructor(private readonly client: SqlClient) {}

  get kind(): 'pglite' | 'postgres' {
    return this.client.kind;
  }

  putArticles(records: AnalysisRecord[], alongside?: (tx: SqlExecutor) => Promise<void>): Promise<PutResult> {
    this.assertOpen();
    if (records.length === 0 && !alongside) return Promise.resolve({ inserted: 0, updated: 0, unchanged: 0 });
    return this.client.transaction(async (tx) => {
      await alongside?.(tx);
      const { result, changedIds, changed } = await upsertArticles(tx, records);
      try {
        const rebuilt = await indexEntities(tx, changedIds, changed);
        await indexPlaces(tx, changedIds, rebuilt, changed);
      } catch (error) {
        throw new StoreError(`cannot index the entities of the stored articles: ${messageOf(error)}`, { cause: error });
      }
      await saveLinkFeatures(tx, changed);
      return result;
    });
  }

  link(): Promise<RelinkResult> {
    this.assertOpen();
    return this.client.transaction(async (tx) => {
      try {
        return await linkPending(tx);
      } catch (error) {
        throw new StoreError(`cannot link the stored articles into stories: ${messageOf(error)}`, { cause: error });
      }
    });
  }

  articles(options: { batchSize?: number } = {}): AsyncIterable<StoredArticle> {
    this.assertOpen();
    return readArticles(this.client, positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE));
  }

  countArticles(): Promise<number> {
    this.assertOpen();
    return countArticles(this.client);
  }

  entities(options: { batchSize?: number } = {}): AsyncIterable<StoredEntity> {
    this.assertOpen();
    return readEntities(this.client, positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE));
  }

  countEntities(): Promise<number> {
    this.assertOpen();
    return countEntities(this.client);
  }

  search(query: string, limit?: number): Promise<SearchHit[]> {
    this.assertOpen();
    return searchArticles(this.client, query, Math.min(positiveInteger(limit, DEFAULT_SEARCH_LIMIT), MAX_SEARCH_LIMIT));
  }

  stories(options: { batchSize?: number } = {}): AsyncIterable<StoryRecord> {
    this.assertOpen();
    return readStories(this.client, positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE));
  }

  events(options: { batchSize?: number } = {}): AsyncIterable<CanonicalEvent> {
    this.assertOpen();
    return readEvents(this.client, positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE));
  }

  claims(options: { batchSize?: number } = {}): AsyncIterable<StoredClaim> {
    this.assertOpen();
    return readClaims(this.client, positiveInteger(options.batchSize, DEFAULT_BATCH_SIZE));
  }

  listStories(filter: StoryFilter, limit: number, cursor?: string): Promise<Page<StoryListItem>> {
    this.assertOpen();
    return listStories(this.client, filter, limit, cursor);
  }

  story(id: string): Promise<StoryDetail | null> {
    this.assertOpen();
    return storyDetail(this.client, id);
  }

  event(id: string): Promise<CanonicalEvent | null> {
    this.assertOpen();
    return eventById(this.client, id);
  }

  listEvents(filter: EventFilter, limit: number, cursor?: string): Promise<Page<CanonicalEvent>> {
    this.assertOpen();
    return listEvents(this.client, filter, limit, cursor);
  }

  article(id: string): Promise<StoredArticle | null> {
    this.assertOpen();
    return articleById(this.client, id);
  }

  listEntities(filter: EntityFilter, limit: number, cursor?: string): Promise<Page<StoredEntity>> {
    this.assertOpen();
    return listEntities(this.client, filter, limit, cursor);
  }

  entity(key: string): Promise<StoredEntity | null> {
    this.assertOpen();
    return entityByKey(this.client, key);
  }

  feedState(url: string): Promise<FeedState | null> {
    this.assertOpen();
    return readFeedState(this.client, url);
  }

  saveFeedState(state: FeedState): Promise<void> {
    this.assertOpen();
    return saveFeedState(this.client, state);
  }

  seenItems(keys: readonly string[]): Promise<Map<string, string>> {
    this.assertOpen();
    return readSeenItems(this.client, keys);
  }

  markItemsSeen(feedUrl: string, items: readonly SeenItem[]): Promise<void> {
    this.assertOpen();
    return markItemsSeen(this.client, feedUrl, items);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed');
  }
}

function positiveInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
