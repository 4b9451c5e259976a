/**
 * `npx tsx bench/api.ts [--db DIR] [--clients 8] [--seconds 10] [--seed 1]`: the HTTP API's latency
 * under load on a store that already holds articles (for example the PostgreSQL database that
 * `bench/linking.ts` leaves filled, or a folder `crosscheck ingest` wrote). Uses DATABASE_URL when
 * set, else `--db`. For each kind of request, `--clients` concurrent clients send requests one
 * after another for `--seconds`, with keys drawn from what is stored (stories, events, articles,
 * entities, places, words of titles); prints requests/s and latency percentiles per kind. The
 * server runs in this process, as `crosscheck serve` runs it (no rate limit, no UI).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { buildApi } from '../src/serve/app.js';
import { storeBackend } from '../src/serve/store-backend.js';
import { openStore } from '../src/store/index.js';
import { rng } from './generate.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const random = rng(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const url = process.env.DATABASE_URL;
if (!url && !values.db) throw new Error('set DATABASE_URL or --db DIR to a store that holds articles');
const store = await openStore(url ? { databaseUrl: url } : { dbDir: values.db! });
const articleCount = await store.countArticles();
if (articleCount === 0) throw new Error('the store holds no articles: fill it first (bench/linking.ts or crosscheck ingest)');

// Keys to ask for, drawn from what is stored: recent stories, their events and articles, and the
// entities and places their articles name.
const stories = (await store.listStories({}, 200)).items;
const storyIds = stories.map((s) => s.id);
const eventIds = stories.flatMap((s) => s.events).slice(0, 500);
const articleIds = stories.flatMap((s) => s.articles).slice(0, 500);
const entityKeys = (await store.listEntities({}, 100)).items.map((e) => e.key);
const placeKeys: string[] = [];
for (const id of articleIds.slice(0, 100)) for (const place of (await store.article(id))?.places ?? []) placeKeys.push(place.key);
const words = [...new Set(stories.flatMap((s) => (s.title ?? '').split(/\W+/).filter((w) => w.length > 4)))];
const types = [...new Set(stories.flatMap((s) => s.event_types))];

const app = await buildApi(storeBackend(store), { token: null, requestsPerMinute: null, uiDir: null });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const kinds: Array<[string, () => string]> = [
  ['stories (latest page)', () => '/api/stories?limit=20'],
  ['stories by entity', () => `/api/stories?limit=20&entity=${encodeURIComponent(pick(entityKeys))}`],
  ['stories by place', () => `/api/stories?limit=20&place=${encodeURIComponent(pick(placeKeys))}`],
  ['stories by text', () => `/api/stories?limit=20&q=${encodeURIComponent(pick(words))}`],
  ['stories by event type', () => `/api/stories?limit=20&type=${encodeURIComponent(pick(types))}`],
  ['story detail', () => `/api/stories/${encodeURIComponent(pick(storyIds))}`],
  ['event', () => `/api/events/${encodeURIComponent(pick(eventIds))}`],
  ['events (latest page)', () => '/api/events?limit=50'],
  ['article', () => `/api/articles/${encodeURIComponent(pick(articleIds))}`],
  ['entities (top page)', () => '/api/entities?limit=50'],
  ['entity', () => `/api/entities/${encodeURIComponent(pick(entityKeys))}`],
  ['search', () => `/api/search?q=${encodeURIComponent(pick(words))}&limit=20`],
];

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

process.stdout.write(
  `bench/api.ts: ${articleCount} articles stored (${url ? 'postgres' : 'pglite'}), ${clients} clients × ${seconds} s per kind; ` +
    `${cpus().length} cores, load average at start ${loadavg()[0]?.toFixed(2)}, Node ${process.version}\n`,
);
try {
  for (const [name, next] of kinds) {
    if ((name.includes('entity') && entityKeys.length === 0) || (name.includes('place') && placeKeys.length === 0)) {
      process.stdout.write(`${name.padEnd(24)} skipped: nothing of that kind stored\n`);
      continue;
    }
    const latencies: number[] = [];
    let failures = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const response = await fetch(base + next());
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          if (response.status !== 200) failures++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      `${name.padEnd(24)} ${String(latencies.length).padStart(6)} requests, ${(latencies.length / seconds).toFixed(0).padStart(5)}/s, ` +
        `ms p50 ${percentile(latencies, 0.5).toFixed(1)}  p95 ${percentile(latencies, 0.95).toFixed(1)}  p99 ${percentile(latencies, 0.99).toFixed(1)}  ` +
        `max ${latencies.at(-1)!.toFixed(1)}${failures > 0 ? `  (${failures} not 200)` : ''}\n`,
    );
  }
} finally {
  await app.close();
  await store.close();
}
