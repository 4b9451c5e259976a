import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { InputRecord } from '../document.js';
import { readBytes, decodeText, type ReadItem } from '../read/index.js';
import { feedEntryItem, readFeedEntries, type FeedEntry } from '../read/feed.js';
import { backoffDelay, FetchError, fetchUrl, HostPacer, type FetchOptions, type FetchResult, type Validators } from '../read/fetch/index.js';
import { CONTAINER_LIMIT_FACTOR, DEFAULT_MAX_BYTES } from '../read/types.js';
import { openStore, type FeedState, type PutResult, type SeenItem, type Store } from '../store/index.js';
import { analyzeItems, positiveInt } from './analyze.js';
import { ingestInto } from './ingest.js';
import { EXIT, UsageError, write, type CliIO } from './io.js';
import { Progress } from './progress.js';

export const WATCH_HELP = `Usage: crosscheck watch FEED_URL... [options]

Polls RSS/Atom/RDF feeds and ingests their new items (as ingest does: analysed, stored, linked).
Each round fetches every feed with a conditional GET (If-None-Match / If-Modified-Since); for an
item that carries only a summary, the linked article page is fetched. Feed validators and the
items already ingested are kept in the database, so a restart fetches only what is new.

Every fetch is guarded: only http: and https:, no loopback, private, link-local or other
non-public addresses (checked after DNS resolution, and the connection is pinned to the checked
address), at most 5 redirects (each hop checked again), a time and a size limit, and requests to
one host spaced out (Retry-After on 429/503 is honoured). A feed that fails is retried after
about 1, 2, 4, ... intervals (with jitter; at most 6 hours).

Options:
  --db DIR                 embedded database folder (default ./crosscheck-data); ignored when
                           DATABASE_URL=postgres://... names a PostgreSQL server
  --interval S             seconds between rounds (default 300)
  --once                   run one round and exit
  --allow-private          also fetch from non-public addresses (a feed server on this machine
                           or the local network)
  --max-bytes N            largest article in bytes (default 5 MB); a feed may be 20 times that
  --timeout S              time limit of one fetch, redirects and body included (default 30)
  --per-host-interval S    least time between two requests to one host (default 1)
  --batch N                documents per transaction (default 200)
  --workers N              analysis worker threads (default: all cores)
  -h, --help               this help

Problems (a feed or article that cannot be fetched, a document rejected) are named on stderr
with the URL and the reason; they never stop the watch.
Exit codes: with --once, 0 when everything was fetched and stored, 1 when something failed or
was rejected; without --once, runs until SIGINT or SIGTERM, finishes the current batch and exits
0. 2: usage error or no database.
`;

const DEFAULT_INTERVAL_S = 300;
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_PER_HOST_INTERVAL_S = 1;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface WatchOptions {
  feeds: string[];
  intervalMs: number;
  once: boolean;
  /** Largest article; a feed may be CONTAINER_LIMIT_FACTOR times that. */
  maxBytes: number;
  timeoutMs: number;
  perHostIntervalMs: number;
  allowPrivate: boolean;
  batchSize: number;
  workers: number | undefined;
  /** After n failures in a row a feed waits about backoffBaseMs·2^(n−1); default `intervalMs`. */
  backoffBaseMs?: number;
  random?: () => number;
}

/** What happened to the feeds and items of one run (all its rounds). */
export interface WatchReport {
  rounds: number;
  failures: number;
  rejected: number;
  stored: PutResult;
}

function seconds(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined) return fallback * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new UsageError(`--${name} needs a ${allowZero ? 'non-negative' : 'positive'} number of seconds, got "${raw}"`);
  }
  return n * 1000;
}

function feedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL (watch takes feed URLs such as https://example.com/feed.xml)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`"${raw}" is not an http: or https: URL`);
  return url.href;
}

export async function runWatch(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      interval: { type: 'string' },
      once: { type: 'boolean' },
      'allow-private': { type: 'boolean' },
      'max-bytes': { type: 'string' },
      timeout: { type: 'string' },
      'per-host-interval': { type: 'string' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, WATCH_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('watch needs at least one FEED_URL');
  const options: WatchOptions = {
    feeds: [...new Set(positionals.map(feedUrl))],
    intervalMs: seconds('interval', values.interval, DEFAULT_INTERVAL_S),
    once: values.once ?? false,
    maxBytes: positiveInt('max-bytes', values['max-bytes']) ?? DEFAULT_MAX_BYTES,
    timeoutMs: seconds('timeout', values.timeout, DEFAULT_TIMEOUT_S),
    perHostIntervalMs: seconds('per-host-interval', values['per-host-interval'], DEFAULT_PER_HOST_INTERVAL_S, true),
    allowPrivate: values['allow-private'] ?? false,
    batchSize: positiveInt('batch', values.batch) ?? 200,
    workers: positiveInt('workers', values.workers),
  };
  const store = await openStore({ dbDir: values.db ?? './crosscheck-data', databaseUrl: process.env.DATABASE_URL });
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    io.stderr.write(`\n${signal}: stopping after the current batch (send it again to quit at once)\n`);
    stop.abort();
  };
  // process.once: a second signal finds no handler left and ends the process the default way.
  if (!options.once) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal);
  try {
    const report = await watchFeeds(store, options, io, stop.signal);
    return options.once && (report.failures > 0 || report.rejected > 0) ? EXIT.rejected : EXIT.ok;
  } finally {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeListener(signal, onSignal);
    await store.close();
  }
}

/** Rounds until `stop` (or one round with `once`). Never throws for a feed's or an item's failure. */
export async function watchFeeds(store: Store, options: WatchOptions, io: CliIO, stop: AbortSignal): Promise<WatchReport> {
  const report: WatchReport = { rounds: 0, failures: 0, rejected: 0, stored: { inserted: 0, updated: 0, unchanged: 0 } };
  const pacer = new HostPacer(options.perHostIntervalMs);
  while (!stop.aborted) {
    report.rounds++;
    await runRound(store, options, { io, pacer, stop, report });
    if (options.once) break;
    try {
      await sleep(options.intervalMs, undefined, { signal: stop });
    } catch {
      break; // stopped while waiting
    }
  }
  return report;
}

interface RoundContext {
  io: CliIO;
  pacer: HostPacer;
  stop: AbortSignal;
  report: WatchReport;
}

/** One item handed to analysis, remembered so that it is marked seen once stored. */
interface Handed {
  feed: string;
  seen: SeenItem;
}

interface RoundCounts {
  feeds: number;
  unchanged: number;
  failed: number;
  skipped: number;
  newItems: number;
  changedItems: number;
}

async function note(ctx: RoundContext, line: string): Promise<void> {
  await write(ctx.io.stderr, `${line}\n`);
}

function fetchOptionsOf(options: WatchOptions, pacer: HostPacer): FetchOptions {
  return {
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    allowPrivate: options.allowPrivate,
    pacer,
  };
}

async function runRound(store: Store, options: WatchOptions, ctx: RoundContext): Promise<void> {
  const counts: RoundCounts = { feeds: options.feeds.length, unchanged: 0, failed: 0, skipped: 0, newItems: 0, changedItems: 0 };
  const handed: Handed[] = [];
  const feedStates: FeedState[] = [];
  const progress = new Progress(ctx.io.stderr, 'ingested');
  const items = harvestFeeds(store, options, ctx, { counts, handed, feedStates });
  let stored: PutResult | null = null;
  try {
    stored = await ingestInto(store, analyzeItems(items, options.workers, ctx.io, progress), options.batchSize, ctx.io, progress);
  } catch (error) {
    // The store failed: nothing is marked seen and no validator is saved, so the next round
    // fetches these feeds and items again.
    ctx.report.failures++;
    await note(ctx, `failed to store round ${ctx.report.rounds}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (stored) {
    await rememberRound(store, handed, feedStates, ctx);
    ctx.report.stored.inserted += stored.inserted;
    ctx.report.stored.updated += stored.updated;
    ctx.report.stored.unchanged += stored.unchanged;
  }
  ctx.report.rejected += progress.rejected;
  const feedsLine = `${counts.feeds} feeds (${counts.unchanged} unchanged, ${counts.failed} failed, ${counts.skipped} backing off)`;
  const itemsLine = `${counts.newItems} new items, ${counts.changedItems} changed`;
  const storedLine = stored ? `; ${stored.inserted} new, ${stored.updated} updated, ${stored.unchanged} unchanged in ${store.kind}` : '';
  await write(ctx.io.stderr, `round ${ctx.report.rounds}: ${feedsLine}, ${itemsLine}; ${progress.summary(storedLine)}`);
}

/** Once the round's documents are stored: their items are seen, and each feed's new state is saved. */
async function rememberRound(store: Store, handed: readonly Handed[], feedStates: readonly FeedState[], ctx: RoundContext): Promise<void> {
  try {
    const byFeed = new Map<string, SeenItem[]>();
    for (const item of handed) {
      const seen = byFeed.get(item.feed) ?? [];
      seen.push(item.seen);
      byFeed.set(item.feed, seen);
    }
    for (const [feed, seen] of byFeed) await store.markItemsSeen(feed, seen);
    for (const state of feedStates) await store.saveFeedState(state);
  } catch (error) {
    ctx.report.failures++;
    await note(ctx, `failed to remember what was fetched: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Harvest {
  counts: RoundCounts;
  handed: Handed[];
  /** The new state of each feed fetched, saved once its items are stored. */
  feedStates: FeedState[];
}

/**
 * The round's documents, feed after feed, as they are fetched: analysis and storing start with
 * the first one and the pool's bound keeps memory flat. Feeds are fetched one at a time; the
 * pacer spaces the requests to each host.
 */
async function* harvestFeeds(store: Store, options: WatchOptions, ctx: RoundContext, harvest: Harvest): AsyncGenerator<ReadItem> {
  const queued = new Set<string>();
  for (const feed of options.feeds) {
    if (ctx.stop.aborted) return;
    yield* harvestFeed(store, feed, options, ctx, harvest, queued);
  }
}

function failedState(previous: FeedState | null, url: string, reason: string, retryAfterMs: number | null, options: WatchOptions): FeedState {
  const failures = (previous?.failures ?? 0) + 1;
  const wait = Math.max(backoffDelay(failures, options.backoffBaseMs ?? options.intervalMs, MAX_BACKOFF_MS, options.random), retryAfterMs ?? 0);
  return {
    url,
    etag: previous?.etag ?? null,
    lastModified: previous?.lastModified ?? null,
    failures,
    retryAt: Date.now() + wait,
    lastError: reason,
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

async function* harvestFeed(
  store: Store,
  feed: string,
  options: WatchOptions,
  ctx: RoundContext,
  harvest: Harvest,
  queued: Set<string>,
): AsyncGenerator<ReadItem> {
  const { counts } = harvest;
  const previous = await store.feedState(feed);
  if (previous?.retryAt != null && previous.retryAt > Date.now()) {
    counts.skipped++;
    const wait = Math.ceil((previous.retryAt - Date.now()) / 1000);
    await note(ctx, `skipped ${feed}: backing off after ${previous.failures} failure${previous.failures === 1 ? '' : 's'} (${previous.lastError ?? 'unknown error'}); next try in ${wait} s`);
    return;
  }
  const fail = async (reason: string, retryAfterMs: number | null): Promise<void> => {
    counts.failed++;
    ctx.report.failures++;
    const state = failedState(previous, feed, reason, retryAfterMs, options);
    harvest.feedStates.push(state);
    const wait = Math.ceil(((state.retryAt ?? Date.now()) - Date.now()) / 1000);
    await note(ctx, `failed ${feed}: ${reason} (failure ${state.failures} in a row; next try in ${wait} s)`);
  };
  const validators: Validators | null = previous ? { etag: previous.etag, lastModified: previous.lastModified } : null;
  let fetched: FetchResult;
  try {
    fetched = await fetchUrl(feed, {
      ...fetchOptionsOf(options, ctx.pacer),
      maxBytes: options.maxBytes * CONTAINER_LIMIT_FACTOR,
      accept: FEED_ACCEPT,
      validators,
    });
  } catch (error) {
    await fail(reasonOf(error), error instanceof FetchError ? error.retryAfterMs : null);
    return;
  }
  const succeeded = (next: Validators): FeedState => ({
    url: feed, etag: next.etag, lastModified: next.lastModified, failures: 0, retryAt: null, lastError: null,
  });
  if (fetched.status === 'not-modified') {
    counts.unchanged++;
    harvest.feedStates.push(succeeded(validators ?? { etag: null, lastModified: null }));
    return;
  }
  const entries = readFeedEntries(decodeText(fetched.bytes), feed);
  if ('rejected' in entries) {
    await fail(entries.rejected, null);
    return;
  }
  const pending = await unseenEntries(store, entries, counts);
  let complete = true;
  for (const { entry, seen } of pending) {
    if (queued.has(seen.key)) continue; // the same item in two feeds this round
    if (ctx.stop.aborted) {
      complete = false;
      break;
    }
    const item = await itemDocument(entry, options, ctx);
    if (item === null) {
      complete = false; // a transient failure: fetched again next round
      continue;
    }
    queued.add(seen.key);
    harvest.handed.push({ feed, seen });
    yield item;
  }
  // Until every new item is in, the old validators stay, so that the next round gets the feed
  // again (not a 304) and retries what is missing; the items stored meanwhile are skipped as seen.
  harvest.feedStates.push(succeeded(complete ? fetched.validators : (validators ?? { etag: null, lastModified: null })));
}

/** How an item is recognised across rounds: its link, else its id, else its content. */
function itemKey(entry: FeedEntry, hash: string): string {
  return entry.fields.url ?? entry.fields.id ?? `sha256:${hash}`;
}

/** A changed hash means the feed changed the item (a correction, an update): it is ingested again. */
function itemHash(entry: FeedEntry): string {
  return createHash('sha256').update(JSON.stringify([entry.fields, entry.body])).digest('hex');
}

async function unseenEntries(store: Store, entries: readonly FeedEntry[], counts: RoundCounts): Promise<Array<{ entry: FeedEntry; seen: SeenItem }>> {
  const keyed = entries.map((entry) => {
    const hash = itemHash(entry);
    return { entry, seen: { key: itemKey(entry, hash), hash } };
  });
  const known = await store.seenItems(keyed.map((k) => k.seen.key));
  return keyed.filter(({ seen }) => {
    const before = known.get(seen.key);
    if (before === seen.hash) return false;
    if (before === undefined) counts.newItems++;
    else counts.changedItems++;
    return true;
  });
}

/** 4xx answers other than these say the page will not come: no point asking again. */
const TRANSIENT_CLIENT_ERRORS = new Set([408, 425, 429]);

function isPermanent(error: unknown): boolean {
  if (!(error instanceof FetchError)) return false;
  if (error.reason.startsWith('refused')) return true;
  return error.httpStatus !== null && error.httpStatus >= 400 && error.httpStatus < 500 && !TRANSIENT_CLIENT_ERRORS.has(error.httpStatus);
}

/**
 * The document for one feed item: the item itself when it carries the whole article (or has no
 * link to follow), else the linked page with the item's fields (id, url, title, date, outlet),
 * which win over what the page says. Null after a transient failure to fetch the page; a page that
 * will not come (404, refused) falls back to the item's own summary.
 */
async function itemDocument(entry: FeedEntry, options: WatchOptions, ctx: RoundContext): Promise<ReadItem | null> {
  const link = entry.fields.url;
  if ((entry.body && entry.full) || !link) return feedEntryItem(entry, options.maxBytes);
  let fetched: FetchResult;
  try {
    fetched = await fetchUrl(link, { ...fetchOptionsOf(options, ctx.pacer), accept: PAGE_ACCEPT });
  } catch (error) {
    const permanent = isPermanent(error);
    ctx.report.failures++;
    const then = permanent ? (entry.body ? 'using the feed\'s summary instead' : 'giving up on this item') : 'will retry next round';
    await note(ctx, `failed ${error instanceof FetchError ? error.url : link} (${entry.origin}): ${reasonOf(error)}; ${then}`);
    return permanent ? feedEntryItem(entry, options.maxBytes) : null;
  }
  if (fetched.status === 'not-modified') return feedEntryItem(entry, options.maxBytes); // not asked for; a server quirk
  const [page] = readBytes(link, fetched.bytes, { maxBytes: options.maxBytes });
  if (!page || page.kind === 'rejected') return page ?? feedEntryItem(entry, options.maxBytes);
  const fields: InputRecord = entry.fields;
  return { ...page, origin: link, record: { ...page.record, ...fields } };
}
