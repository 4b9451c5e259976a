/**
 * What `crosscheck watch` remembers between rounds and restarts: each feed's validators (so the
 * next request is conditional), its run of failures (so backoff survives a restart or a cron job
 * running `--once`), and the items already ingested (so a restart does not fetch every linked
 * article again).
 */
import { textArray } from './sql-arrays.js';
import type { SqlExecutor } from './sql-client.js';

export const WATCH_SCHEMA: readonly string[] = [
  `CREATE TABLE watched_feeds (
    url text PRIMARY KEY,
    etag text,
    last_modified text,
    failures integer NOT NULL DEFAULT 0,
    retry_at timestamptz,
    last_error text,
    checked_at timestamptz NOT NULL DEFAULT now()
  )`,
  `COMMENT ON TABLE watched_feeds IS 'crosscheck watch: per feed, the validators of the last fetch and the failures since the last success'`,
  `COMMENT ON COLUMN watched_feeds.retry_at IS 'after a failure, the feed is not fetched again before this time (backoff, Retry-After)'`,
  `CREATE TABLE watched_items (
    item_key text PRIMARY KEY,
    content_hash text NOT NULL,
    feed_url text NOT NULL,
    seen_at timestamptz NOT NULL DEFAULT now()
  )`,
  `COMMENT ON TABLE watched_items IS 'crosscheck watch: feed items already ingested (key: item URL, else id), with a hash of the item as the feed gave it'`,
];

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Failures in a row; 0 after a success. */
  failures: number;
  /** Epoch milliseconds before which the feed is not fetched again, or null. */
  retryAt: number | null;
  lastError: string | null;
}

export async function readFeedState(db: SqlExecutor, url: string): Promise<FeedState | null> {
  const { rows } = await db.query<{ etag: string | null; last_modified: string | null; failures: number; retry_at_ms: number | null; last_error: string | null }>(
    `SELECT etag, last_modified, failures, (extract(epoch FROM retry_at) * 1000)::float8 AS retry_at_ms, last_error
       FROM watched_feeds WHERE url = $1`,
    [url],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    url,
    etag: row.etag,
    lastModified: row.last_modified,
    failures: Number(row.failures),
    retryAt: row.retry_at_ms === null ? null : Number(row.retry_at_ms),
    lastError: row.last_error,
  };
}

export async function saveFeedState(db: SqlExecutor, state: FeedState): Promise<void> {
  await db.query(
    `INSERT INTO watched_feeds (url, etag, last_modified, failures, retry_at, last_error, checked_at)
     VALUES ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), $6, now())
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       failures = excluded.failures, retry_at = excluded.retry_at, last_error = excluded.last_error,
       checked_at = excluded.checked_at`,
    [state.url, state.etag, state.lastModified, state.failures, state.retryAt, state.lastError],
  );
}

/** Of `keys`, the items already ingested, each with the hash it had then. */
export async function readSeenItems(db: SqlExecutor, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { rows } = await db.query<{ item_key: string; content_hash: string }>(
    'SELECT item_key, content_hash FROM watched_items WHERE item_key = ANY ($1::text[])',
    [textArray(keys)],
  );
  return new Map(rows.map((row) => [row.item_key, row.content_hash]));
}

export interface SeenItem {
  key: string;
  hash: string;
}

export async function markItemsSeen(db: SqlExecutor, feedUrl: string, items: readonly SeenItem[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `INSERT INTO watched_items (item_key, content_hash, feed_url)
     SELECT key, hash, $3 FROM unnest($1::text[], $2::text[]) AS x(key, hash)
     ON CONFLICT (item_key) DO UPDATE SET content_hash = excluded.content_hash, feed_url = excluded.feed_url, seen_at = now()`,
    [textArray(items.map((i) => i.key)), textArray(items.map((i) => i.hash)), feedUrl],
  );
}
