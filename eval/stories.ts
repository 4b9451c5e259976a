/**
 * `npm run eval -- stories`: story clustering (src/link/stories.ts) against gold event clusters.
 * - GVA dev (incidents-gva): each article → {id, published: dct, title, url, text: content}, analysed
 *   by the full pipeline, then clustered; gold = incident_id. B-cubed F1 over all articles and over
 *   the articles of incidents with ≥ 2 articles (the real test: putting every article alone already
 *   scores high overall), with the all-singletons baseline printed beside.
 * - ECB+ topics (coref-ecbplus): each document's text rebuilt from its tokens (no dates: ECB+ has
 *   none); gold = topic + sub-topic (the `ecb` and `ecbplus` halves of a topic are two different
 *   real events of the same kind); also scored at topic level.
 * `--sweep` prints the scores for a range of thresholds (on the analyses computed once).
 * GVA is also linked day by day, as daily ingests link it (each day's articles into the stories
 * stored within the window before), to show what incremental linking costs against linking once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnalysisRecord } from '../src/document.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { articleTerms } from '../src/link/terms.js';
import { DocumentFrequencies, fingerprint, linkIncrementally, storyVector, type LinkItem } from '../src/link/index.js';
import { clusterStories, dayOf, DEFAULT_STORY_OPTIONS, type StoryArticle, type StoryOptions } from '../src/link/stories.js';
import { datasetDir } from './datasets.js';
import { bcubed, fmt, type PRF } from './metrics.js';

interface Corpus {
  name: string;
  articles: StoryArticle[];
  gold: Map<string, string>;
  /** Coarser gold clusters also scored (ECB+ topics), if any. */
  coarse?: Map<string, string>;
}

const NOW = new Date();

const rejected = new Map<string, number>();

/** The analysis, or null when the pipeline rejects the document (counted, and scored as a story of its own). */
function analysed(id: string, record: Parameters<typeof analyzeRecord>[1]): AnalysisRecord | null {
  try {
    return analyzeRecord(id, record, NOW);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[^:]*: /, '').slice(0, 40) : 'unknown';
    rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
    return null;
  }
}

/** A rejected document still counts: alone, with no terms, as crosscheck would leave it. */
const unreadable = (id: string, published: string | null): StoryArticle => ({ id, published, terms: new Map() });

function toArticle(record: AnalysisRecord): StoryArticle {
  return { id: record.id, published: record.published?.value ?? null, terms: articleTerms(record) };
}

function gvaCorpus(dir: string): Corpus {
  const articles: StoryArticle[] = [];
  const gold = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const d = JSON.parse(line) as { doc_id: string; incident_id: string; dct: string; title: string; uri: string; content: string };
    const record = analysed(d.doc_id, { id: d.doc_id, published: d.dct, title: d.title, url: d.uri, text: d.content });
    articles.push(record ? toArticle(record) : unreadable(d.doc_id, d.dct));
    gold.set(d.doc_id, String(d.incident_id));
  }
  return { name: 'gva', articles, gold };
}

const XML: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function ecbText(xml: string): string {
  const sentences: string[][] = [];
  for (const m of xml.matchAll(/<token [^>]*?sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const s = Number(m[1]);
    while (sentences.length <= s) sentences.push([]);
    sentences[s]!.push(m[2]!.replace(/&(\w+);/g, (all, n: string) => XML[n] ?? all));
  }
  return sentences.filter((s) => s.length > 0).map((s) => s.join(' ')).join('\n');
}

function ecbCorpus(dir: string): Corpus {
  const articles: StoryArticle[] = [];
  const gold = new Map<string, string>();
  const coarse = new Map<string, string>();
  const root = join(dir, 'ECB+');
  for (const topic of readdirSync(root).sort((a, b) => Number(a) - Number(b))) {
    for (const file of readdirSync(join(root, topic)).filter((f) => f.endsWith('.xml')).sort()) {
      const sub = file.includes('ecbplus') ? 'ecbplus' : 'ecb';
      const text = ecbText(readFileSync(join(root, topic, file), 'utf8'));
      const record = analysed(file, { id: file, text });
      articles.push(record ? toArticle({ ...record, title: null }) : unreadable(file, null));
      gold.set(file, `${topic}/${sub}`);
      coarse.set(file, topic);
    }
  }
  return { name: 'ecb+', articles, gold, coarse };
}

/**
 * Stories as a daily ingest leaves them: each publication day's articles linked into the stories
 * of the articles within the window (`linkIncrementally`, as `linkPending` does; undated ones
 * last), with term frequencies counted over every article linked so far and the new day's, and
 * the earlier articles keeping the story vectors they were given on their day, as the store keeps
 * them. Copies are left out, as in `clusterStories`: each article gets a fingerprint of its own.
 */
function clusterDayByDay(articles: readonly StoryArticle[], options: Partial<StoryOptions>): Map<string, string> {
  const windowDays = options.windowDays ?? DEFAULT_STORY_OPTIONS.windowDays;
  const byDay = new Map<number | null, LinkItem[]>();
  for (const a of articles) {
    const day = dayOf(a.published);
    const item = { id: a.id, published: a.published, terms: a.terms, fingerprint: fingerprint(a.id) };
    const list = byDay.get(day);
    if (list) list.push(item);
    else byDay.set(day, [item]);
  }
  const days = [...byDay.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const story = new Map<string, string>();
  const linked: Array<LinkItem & { day: number | null }> = [];
  const frequencies = new DocumentFrequencies();
  for (const day of days) {
    const pending = byDay.get(day)!;
    for (const item of pending) frequencies.add(item.terms);
    const fresh = pending.map((item) => ({ ...item, vector: storyVector(item.terms, frequencies, { ...DEFAULT_STORY_OPTIONS, ...options }) }));
    const window = linked
      .filter((i) => day === null || i.day === null || Math.abs(i.day - day) <= windowDays)
      .map((i) => ({ ...i, story: story.get(i.id)!, duplicate_of: null }));
    const links = linkIncrementally(window, fresh, { stories: options }, frequencies);
    for (const link of links) story.set(link.id, link.story);
    linked.push(...fresh.map((i) => ({ ...i, day })));
  }
  return story;
}

const line = (label: string, s: PRF): string => `${label} B3 P ${fmt(s.precision)} R ${fmt(s.recall)} F1 ${fmt(s.f1)}`;

function score(corpus: Corpus, options: Partial<StoryOptions>, verbose: boolean): number {
  const predicted = clusterStories(corpus.articles, options);
  const stories = new Set(predicted.values()).size;
  const all = bcubed(predicted, corpus.gold);
  const sizes = new Map<string, number>();
  for (const g of corpus.gold.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const multi = [...corpus.gold.keys()].filter((id) => sizes.get(corpus.gold.get(id)!)! >= 2);
  const identity = new Map([...corpus.gold.keys()].map((id) => [id, id]));
  const name = `stories ${corpus.name}`;
  if (!verbose) {
    const m = bcubed(predicted, corpus.gold, multi);
    console.log(`${name} threshold ${options.threshold ?? DEFAULT_STORY_OPTIONS.threshold}: all F1 ${fmt(all.f1)}, multi F1 ${fmt(m.f1)}`);
    return all.f1;
  }
  const unread = corpus.articles.filter((a) => a.terms.size === 0).length;
  console.log(`${line(`${name} all`, all)} (${corpus.articles.length} articles of which ${unread} rejected by the pipeline and left alone, ${sizes.size} gold clusters, ${stories} predicted)`);
  if (corpus.name === 'gva') {
    console.log(`${line(`${name} incidents with >= 2 articles`, bcubed(predicted, corpus.gold, multi))} (${multi.length} articles)`);
    console.log(`${line(`${name} baseline all singletons: all`, bcubed(identity, corpus.gold))}; incidents >= 2: F1 ${fmt(bcubed(identity, corpus.gold, multi).f1)}`);
    const daily = clusterDayByDay(corpus.articles, options);
    console.log(`${line(`${name} linked day by day: all`, bcubed(daily, corpus.gold))}; incidents >= 2: F1 ${fmt(bcubed(daily, corpus.gold, multi).f1)}`);
  }
  if (corpus.coarse) console.log(line(`${name} topic level`, bcubed(predicted, corpus.coarse)));
  return all.f1;
}

export default async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(3), options: { sweep: { type: 'boolean', default: false } }, strict: false });
  const corpora: Corpus[] = [];
  const gva = datasetDir('incidents-gva');
  if (gva) corpora.push(gvaCorpus(gva));
  const ecb = datasetDir('coref-ecbplus');
  if (ecb) corpora.push(ecbCorpus(ecb));
  if (corpora.length === 0) return;
  if (rejected.size > 0) console.log(`rejected by the pipeline: ${[...rejected].map(([r, n]) => `${n} × ${r}`).join('; ')}`);
  for (const corpus of corpora) {
    if (values.sweep) for (const threshold of [0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15]) score(corpus, { threshold }, false);
    score(corpus, {}, true);
  }
}
