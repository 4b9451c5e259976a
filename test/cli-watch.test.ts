import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import { watchFeeds, type WatchOptions } from '../src/cli/watch.js';
import { openStore } from '../src/store/index.js';
import { ndjson, runCli } from './support/cli.js';
import { startServer, type TestServer } from './support/http-server.js';

// A fictional outlet and fictional news.
const FULL_ITEM = `
    <item>
      <title>Ferry service to Ostrel resumes</title>
      <link>{base}/news/ferry</link>
      <guid isPermaLink="false">courier-ferry-1</guid>
      <pubDate>Mon, 07 Apr 2025 09:00:00 GMT</pubDate>
      <description>Ferries are back.</description>
      <content:encoded><![CDATA[<p>The ferry between Marrow Point and Ostrel sailed again on Monday after a two-week pause, the harbour office said.</p>{gap}<p>About 300 passengers crossed on the first day.</p>]]></content:encoded>
    </item>`;
const SUMMARY_ITEM = `
    <item>
      <title>Council approves new bridge over the Lark</title>
      <link>{base}/news/bridge</link>
      <guid isPermaLink="false">courier-bridge-2</guid>
      <pubDate>Tue, 08 Apr 2025 14:30:00 GMT</pubDate>
      <description>The Ostrel council voted for the bridge.</description>
    </item>`;
const LATER_ITEM = `
    <item>
      <title>Storm closes the coast road</title>
      <link>{base}/news/storm</link>
      <pubDate>Wed, 09 Apr 2025 06:15:00 GMT</pubDate>
      <description>High winds shut the road north of Marrow Point.</description>
    </item>`;

const feed = (items: string[], base: string, gap = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Lakeside Courier — Local news</title>
    <link>${base}/</link>
    ${items.join('').replaceAll('{base}', base).replaceAll('{gap}', gap)}
  </channel>
</rss>`;

const page = (title: string, paragraphs: string[]): string => `<!doctype html>
<html><head><title>${title} | Lakeside Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>© Lakeside Courier</footer></body></html>`;

const PAGES: Record<string, string> = {
  '/news/bridge': page('Council approves new bridge over the Lark', [
    'The Ostrel council on Tuesday approved a new bridge over the river Lark, ending a debate that lasted four years.',
    'The bridge will cost 12 million euros and should open in 2027, the mayor, Ida Brenner, told reporters.',
  ]),
  '/news/storm': page('Storm closes the coast road', [
    'High winds closed the coast road north of Marrow Point on Wednesday, and two lorries were blown over.',
    'Police said nobody was hurt.',
  ]),
};

interface FeedSite {
  server: TestServer;
  /** The current feed body and its validators, changed by tests between rounds. */
  current: { body: string; etag: string | null; lastModified: string | null };
}

function serveFeed(site: FeedSite) {
  return (request: { headers: Record<string, string | string[] | undefined> }, response: ServerResponse): void => {
    const { body, etag, lastModified } = site.current;
    const notModified =
      (etag !== null && request.headers['if-none-match'] === etag) ||
      (etag === null && lastModified !== null && request.headers['if-modified-since'] === lastModified);
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    if (notModified) {
      response.writeHead(304, headers);
      return void response.end();
    }
    response.writeHead(200, headers);
    response.end(body);
  };
}

async function startSite(): Promise<FeedSite> {
  const site: FeedSite = { server: await startServer(), current: { body: '', etag: null, lastModified: null } };
  site.server.routes.set('/feed.xml', serveFeed(site));
  for (const [path, html] of Object.entries(PAGES)) {
    site.server.routes.set(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
  }
  return site;
}

const newDb = (): string => join(mkdtempSync(join(tmpdir(), 'crosscheck-watch-')), 'db');
const FAST = ['--workers', '1', '--per-host-interval', '0', '--timeout', '5'];

async function storedArticles(db: string): Promise<AnalysisRecord[]> {
  const run = await runCli(['export', 'articles', '--db', db]);
  return ndjson<AnalysisRecord>(run.stdout);
}

describe('crosscheck watch', () => {
  let site: FeedSite;
  const base = (): string => `http://127.0.0.1:${site.server.port}`;
  const paths = (from = 0): string[] => site.server.requests.slice(from).map((r) => r.path);

  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(() => site.server.close());

  it('ingests new items (fetching the page of summary-only items), then asks with If-None-Match and ingests nothing on 304', async () => {
    const db = newDb();
    site.current = { body: feed([FULL_ITEM, SUMMARY_ITEM], base()), etag: '"courier-1"', lastModified: null };
    const feedUrl = site.server.url('/feed.xml');
    const start = site.server.requests.length;

    const first = await runCli(['watch', feedUrl, '--db', db, '--once', '--allow-private', ...FAST]);
    expect(first.stderr).toMatch(/round 1: 1 feeds \(0 unchanged, 0 failed, 0 backing off\), 2 new items, 0 changed; ingested 2 documents, 0 rejected; 2 new, 0 updated, 0 unchanged/);
    expect(first.code).toBe(0);
    // The full-content item needs no page; the summary-only one does.
    expect(paths(start)).toEqual(['/feed.xml', '/news/bridge']);
    const articles = await storedArticles(db);
    const byId = new Map(articles.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(['courier-bridge-2', 'courier-ferry-1']);
    const bridge = byId.get('courier-bridge-2')!;
    expect(bridge.title).toBe('Council approves new bridge over the Lark');
    expect(bridge.url).toBe(`${base()}/news/bridge`);
    expect(bridge.source.name).toBe('Lakeside Courier');
    expect(bridge.published?.value).toMatch(/^2025-04-08/);
    expect(bridge.body).toContain('12 million euros');
    expect(bridge.body).not.toContain('Sport');
    expect(byId.get('courier-ferry-1')!.body).toContain('About 300 passengers');

    const second = await runCli(['watch', feedUrl, '--db', db, '--once', '--allow-private', ...FAST]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/1 feeds \(1 unchanged, 0 failed, 0 backing off\), 0 new items, 0 changed; ingested 0 documents/);
    const again = site.server.requests.slice(start + 2);
    expect(again.map((r) => r.path)).toEqual(['/feed.xml']);
    expect(again[0]!.headers['if-none-match']).toBe('"courier-1"');
    expect(await storedArticles(db)).toHaveLength(2);

    // The feed changes: a new item, and the full item's markup laid out anew (a changed item to the
    // watcher, but the same document: the store keeps it unchanged under its id).
    site.current = { body: feed([LATER_ITEM, FULL_ITEM, SUMMARY_ITEM], base(), '\n        '), etag: '"courier-2"', lastModified: null };
    const third = await runCli(['watch', feedUrl, '--db', db, '--once', '--allow-private', ...FAST]);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/1 new items, 1 changed; ingested 2 documents, 0 rejected; 1 new, 0 updated, 1 unchanged/);
    expect(paths(start + 3)).toEqual(['/feed.xml', '/news/storm']);
    const stored = await storedArticles(db);
    expect(stored).toHaveLength(3);
    // No guid: the id is derived from the link, so the same item always gets the same id.
    expect(stored.find((a) => a.url === `${base()}/news/storm`)?.body).toContain('two lorries');
  });

  it('honours Last-Modified when the feed has no ETag', async () => {
    const db = newDb();
    site.current = { body: feed([FULL_ITEM], base()), etag: null, lastModified: 'Mon, 07 Apr 2025 10:00:00 GMT' };
    const start = site.server.requests.length;
    const args = ['watch', site.server.url('/feed.xml'), '--db', db, '--once', '--allow-private', ...FAST];
    expect((await runCli(args)).code).toBe(0);
    const second = await runCli(args);
    expect(second.stderr).toMatch(/1 unchanged/);
    const feedRequests = site.server.requests.slice(start);
    expect(feedRequests.map((r) => r.headers['if-modified-since'])).toEqual([undefined, 'Mon, 07 Apr 2025 10:00:00 GMT']);
  });

  it('refuses 127.0.0.1 without --allow-private, with a clear message, and sends nothing', async () => {
    const start = site.server.requests.length;
    const run = await runCli(['watch', site.server.url('/feed.xml'), '--db', newDb(), '--once', ...FAST]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`failed ${site.server.url('/feed.xml')}: refused: 127.0.0.1 is a loopback (127.0.0.0/8) address; pass --allow-private to fetch from non-public addresses`);
    expect(site.server.requests.length).toBe(start);
  });

  it('backs off after a server error: the next run skips the feed, and the error names the URL', async () => {
    const broken = await startServer({
      '/feed.xml': (_request, response) => {
        response.writeHead(500);
        response.end();
      },
    });
    try {
      const db = newDb();
      const args = ['watch', broken.url('/feed.xml'), '--db', db, '--once', '--allow-private', ...FAST];
      const first = await runCli(args);
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(new RegExp(`failed ${broken.url('/feed.xml')}: HTTP 500 Internal Server Error \\(failure 1 in a row; next try in \\d+ s\\)`));
      const second = await runCli(args);
      expect(second.stderr).toMatch(/skipped .*feed\.xml: backing off after 1 failure \(HTTP 500 Internal Server Error\); next try in \d+ s/);
      expect(broken.requests).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('waits as long as Retry-After says before fetching a feed again', async () => {
    const busy = await startServer({
      '/feed.xml': (_request, response) => {
        response.writeHead(503, { 'retry-after': '7200' });
        response.end();
      },
    });
    try {
      const run = await runCli(['watch', busy.url('/feed.xml'), '--db', newDb(), '--once', '--allow-private', '--interval', '1', ...FAST]);
      const wait = Number(/next try in (\d+) s/.exec(run.stderr)?.[1]);
      expect(wait).toBeGreaterThanOrEqual(7190);
      expect(run.stderr).toMatch(/HTTP 503 Service Unavailable; retry after 7200 s/);
    } finally {
      await busy.close();
    }
  });

  it('falls back to the feed summary when the linked page is gone, and keeps going after other errors', async () => {
    const db = newDb();
    const gone = SUMMARY_ITEM.replace('{base}/news/bridge', '{base}/news/removed').replace('courier-bridge-2', 'courier-removed-3');
    site.current = { body: feed([gone, FULL_ITEM], base()), etag: null, lastModified: null };
    const run = await runCli(['watch', site.server.url('/feed.xml'), 'https://feeds.invalid/rss', '--db', db, '--once', '--allow-private', ...FAST]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failed .*\/news\/removed \(.*#item-1\): HTTP 404 Not Found; using the feed's summary instead/);
    expect(run.stderr).toMatch(/failed https:\/\/feeds\.invalid\/rss: cannot resolve feeds\.invalid/);
    const stored = await storedArticles(db);
    expect(stored.map((a) => a.id).sort()).toEqual(['courier-ferry-1', 'courier-removed-3']);
    expect(stored.find((a) => a.id === 'courier-removed-3')!.body).toBe('The Ostrel council voted for the bridge.');
  });

  it('without --once, runs rounds until stopped, then finishes and returns', async () => {
    const db = newDb();
    site.current = { body: feed([FULL_ITEM], base()), etag: '"loop"', lastModified: null };
    const store = await openStore({ dbDir: db });
    const stop = new AbortController();
    const start = site.server.requests.length;
    const stderr: string[] = [];
    const io = { stdout: process.stdout, stderr: { write: (text: string) => (stderr.push(text), true) } as unknown as NodeJS.WritableStream };
    const options: WatchOptions = {
      feeds: [site.server.url('/feed.xml')], intervalMs: 50, once: false, maxBytes: 1_000_000, timeoutMs: 5000,
      perHostIntervalMs: 0, allowPrivate: true, batchSize: 50, workers: 1,
    };
    try {
      const watching = watchFeeds(store, options, io, stop.signal);
      while (site.server.requests.length - start < 3) await new Promise((resolve) => setTimeout(resolve, 20));
      stop.abort();
      const report = await watching;
      expect(report.rounds).toBeGreaterThanOrEqual(3);
      expect(report.failures).toBe(0);
      expect(report.stored.inserted).toBe(1);
      expect(stderr.join('')).toMatch(/round 2: 1 feeds \(1 unchanged/);
    } finally {
      await store.close();
    }
  });

  it('rejects what is not a feed URL as a usage error', async () => {
    const run = await runCli(['watch', 'feeds/local.xml', '--once']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a URL/);
    expect((await runCli(['watch', 'ftp://files.example/feed.xml'])).stderr).toMatch(/not an http: or https: URL/);
    expect((await runCli(['watch', 'https://news.example/feed', '--interval', '0'])).stderr).toMatch(/--interval needs a positive number of seconds/);
  });
});
