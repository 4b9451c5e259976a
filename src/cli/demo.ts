import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { NumberMention } from '../document.js';
import type { CanonicalEvent } from '../link/events.js';
import type { StoryRecord } from '../link/story-record.js';
import { openStore, type StoredArticle } from '../store/index.js';
import { announce, startServer } from './serve.js';
import { analyzePaths } from './analyze.js';
import { ingestInto } from './ingest.js';
import { EXIT, write, type CliIO } from './io.js';
import { Progress } from './progress.js';

export const DEMO_HELP = `Usage: crosscheck demo [--db DIR] [--port PORT] [--no-serve]

Ingests the bundled demo corpus (examples/demo: fictional articles written by the crosscheck
team, in every input format) into a fresh embedded database, prints what it found (stories,
their events, figures that conflict or were revised), then serves the web UI and the API on it
and prints the URL. Runs until interrupted (Ctrl-C).

Options:
  --db DIR      where to create the database (default: a new temporary folder)
  --port PORT   port to serve on (default 8080; 0 picks a free one)
  --no-serve    print what was found and exit
  -h, --help    this help
`;

export const DEMO_CORPUS = fileURLToPath(new URL('../../examples/demo', import.meta.url));

export async function runDemo(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, 'no-serve': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    await write(io.stdout, DEMO_HELP);
    return EXIT.ok;
  }
  const dbDir = values.db ?? mkdtempSync(join(tmpdir(), 'crosscheck-demo-'));
  const store = await openStore({ dbDir });
  try {
    const progress = new Progress(io.stderr, 'ingested');
    const totals = await ingestInto(store, analyzePaths({ paths: [DEMO_CORPUS], workers: undefined, maxBytes: undefined }, io, progress), 200, io, progress);
    io.stderr.write(progress.summary(`; ${totals.inserted} new, ${totals.updated} updated, ${totals.unchanged} unchanged`));
    const articles: StoredArticle[] = [];
    for await (const article of store.articles()) articles.push(article);
    const stories: StoryRecord[] = [];
    for await (const story of store.stories()) stories.push(story);
    const events: CanonicalEvent[] = [];
    for await (const event of store.events()) events.push(event);
    await write(io.stdout, describeCorpus(articles, dbDir));
    await write(io.stdout, describeStories(stories, events));
    const code = progress.rejected > 0 ? EXIT.rejected : EXIT.ok;
    if (values['no-serve']) return code;
    const port = values.port === undefined ? 8080 : Number(values.port);
    const serving = await startServer(store, { host: '127.0.0.1', port, token: process.env.CROSSCHECK_TOKEN?.trim() || null });
    await announce(serving, null, io);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await serving.app.close();
    return code;
  } finally {
    await store.close();
  }
}

/** Stories, most articles first, with their events' reconciled figures and what disagrees. */
export function describeStories(stories: StoryRecord[], events: CanonicalEvent[]): string {
  const byId = new Map(events.map((e) => [e.id, e]));
  const lines = ['', `stories (${stories.length}):`];
  for (const story of [...stories].sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id))) {
    lines.push(`- ${story.title ?? '(untitled)'} — ${story.first_seen ?? '?'} … ${story.last_seen ?? '?'}; ${story.articles.length} articles ` +
      `(${story.articles.length - story.original_articles} copies), ${story.outlets.length} outlets, ${story.independent_sources} independent sources` +
      `${story.conflicting ? '; FIGURES CONFLICT' : ''}`);
    const withFigures = story.events.map((id) => byId.get(id)).filter((e): e is CanonicalEvent => e !== undefined && e.killed.reports.length > 0);
    for (const e of withFigures.slice(0, 4)) {
      const conflicts = e.conflicts.filter((c) => c.slot === 'killed').map((c) => c.kind).join(', ');
      const reports = e.killed.reports.filter((r) => !r.copy).map((r) => `${r.source ?? '?'} ${r.hedge} ${r.min ?? r.max}`).join('; ');
      lines.push(`    ${e.date?.value ?? 'undated'} ${e.subtype}${e.location ? ` in ${e.location.name}` : ''}: killed ${e.killed.min}–${e.killed.max} ` +
        `(conservative ${e.killed.conservative}, latest ${e.killed.latest})${conflicts ? ` [${conflicts}]` : ''} — ${reports}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A human-readable account of what the pipeline found in the stored articles. */
export function describeCorpus(articles: StoredArticle[], dbDir: string): string {
  const outlets = new Map<string, number>();
  for (const a of articles) {
    const name = a.source.name ?? a.source.domain ?? '(unknown outlet)';
    outlets.set(name, (outlets.get(name) ?? 0) + 1);
  }
  const dated = articles.filter((a) => a.published !== null).map((a) => a.published!.value).sort();
  const lines: string[] = [];
  lines.push(`crosscheck demo — ${articles.length} articles stored in ${dbDir}`);
  lines.push(`outlets (${outlets.size}): ${[...outlets].sort((x, y) => y[1] - x[1]).map(([n, c]) => `${n} ${c}`).join(', ')}`);
  lines.push(`published: ${dated.length} of ${articles.length} dated, ${dated[0] ?? '-'} … ${dated[dated.length - 1] ?? '-'}`);
  lines.push(`most mentioned: ${topEntities(articles, 12)}`);
  lines.push('');
  const sorted = [...articles].sort((x, y) => (x.published?.value ?? '').localeCompare(y.published?.value ?? ''));
  for (const a of sorted) {
    const date = a.published ? `${a.published.value} (${a.published.origin})` : 'undated';
    lines.push(`${date.padEnd(24)} ${(a.source.name ?? a.source.domain ?? '?').slice(0, 24).padEnd(24)} ${a.title ?? '(no title)'}`);
    const figures = a.numbers.filter((n) => n.kind === 'count').slice(0, 6).map(describeNumber);
    if (figures.length > 0) lines.push(`${' '.repeat(25)}figures: ${figures.join('; ')}`);
    const times = a.times.slice(0, 5).map((t) => `"${t.text}" = ${t.value}`);
    if (times.length > 0) lines.push(`${' '.repeat(25)}times: ${times.join('; ')}`);
  }
  lines.push('');
  lines.push(`Explore: crosscheck export stories --db ${dbDir}   (also: events, claims, articles, entities)`);
  return `${lines.join('\n')}\n`;
}

/** "Karvonia (LOC, 31 mentions in 14 articles)", … by mentions across the corpus. */
function topEntities(articles: StoredArticle[], n: number): string {
  const tally = new Map<string, { name: string; type: string; mentions: number; articles: Set<string> }>();
  for (const a of articles) {
    for (const e of a.entities) {
      const entry = tally.get(e.key) ?? { name: e.name, type: e.type, mentions: 0, articles: new Set<string>() };
      entry.mentions++;
      entry.articles.add(a.id);
      tally.set(e.key, entry);
    }
  }
  return [...tally.values()]
    .sort((x, y) => y.mentions - x.mentions)
    .slice(0, n)
    .map((e) => `${e.name} (${e.type}, ${e.mentions} in ${e.articles.size})`)
    .join(', ');
}

function describeNumber(n: NumberMention): string {
  const bounds = [n.min !== null ? `min ${n.min}` : '', n.max !== null ? `max ${n.max}` : '', n.approx ? 'approx' : '']
    .filter(Boolean)
    .join(', ');
  return `"${n.text}"${n.value !== null ? ` = ${n.value}` : ''}${bounds ? ` (${bounds})` : ''}`;
}
