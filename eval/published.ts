/**
 * `npm run eval -- published`: publication dates and titles read from the page metadata of the WCXB
 * pages (extraction-wcxb/test), against the ground truth's `publish_date` and `title`; then dates
 * read from the crawled text and URL of the GVA news documents (incidents-gva), against their `dct`.
 *
 * Date: a prediction is correct when its day equals the gold day. Precision over pages where we
 * predict a date and the gold has one; recall over pages whose gold has one. Pages without a gold
 * date that still get a date are counted separately (gold often leaves undated pages blank).
 * Title: exact match after whitespace/case normalisation, and mean token F1.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseDom } from '../src/extract/dom.js';
import { readPageMeta } from '../src/extract/meta.js';
import { findPublished } from '../src/extract/published.js';
import { findSource } from '../src/extract/source.js';
import { datasetDir } from './datasets.js';
import { fmt, prf } from './metrics.js';

interface GroundTruthFile {
  url?: string;
  file_id?: string;
  page_type?: string;
  ground_truth: { title?: string | null; publish_date?: string | null };
}

interface Tally {
  pages: number;
  gold: number;
  predicted: number;
  correct: number;
  predictedWithoutGold: number;
  titles: number;
  titleExact: number;
  titleF1: number;
  withSourceName: number;
}

const emptyTally = (): Tally => ({
  pages: 0, gold: 0, predicted: 0, correct: 0, predictedWithoutGold: 0,
  titles: 0, titleExact: 0, titleF1: 0, withSourceName: 0,
});

function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function tokenF1(predicted: string, gold: string): number {
  const p = tokens(predicted);
  const g = tokens(gold);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of p) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  return prf(overlap, p.length, g.length).f1;
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

function score(tally: Tally, truth: GroundTruthFile, html: string, now: Date, verbose: boolean): void {
  const meta = readPageMeta(parseDom(html));
  const url = truth.url ?? null;
  const published = findPublished({ meta, url, text: '', now });
  const source = findSource({ field: null, url, meta, text: '' });
  const goldDate = truth.ground_truth.publish_date?.slice(0, 10) ?? null;
  const goldTitle = truth.ground_truth.title ?? null;
  const day = published?.value.slice(0, 10) ?? null;
  tally.pages++;
  // The domain is always a fallback name; count pages whose outlet got a real name.
  if (source.name && source.name !== source.domain) tally.withSourceName++;
  if (goldDate) {
    tally.gold++;
    if (day) tally.predicted++;
    if (day === goldDate) tally.correct++;
    else if (verbose) process.stderr.write(`date ${truth.file_id}: got ${day ?? '-'} (${published?.origin ?? ''}) gold ${goldDate}  ${url}\n`);
  } else if (day) {
    tally.predictedWithoutGold++;
  }
  if (goldTitle) {
    tally.titles++;
    const title = meta.title ?? '';
    if (normalise(title) === normalise(goldTitle)) tally.titleExact++;
    else if (verbose) process.stderr.write(`title ${truth.file_id}: got "${title}" gold "${goldTitle}"\n`);
    tally.titleF1 += tokenF1(title, goldTitle);
  }
}

function report(label: string, t: Tally): void {
  const date = prf(t.correct, t.predicted, t.gold);
  process.stdout.write(
    `wcxb published [${label}] pages=${t.pages} gold_dates=${t.gold} date_P=${fmt(date.precision)} date_R=${fmt(date.recall)} ` +
      `date_F1=${fmt(date.f1)} dated_without_gold=${t.predictedWithoutGold} | titles=${t.titles} title_exact=${fmt(t.titleExact / Math.max(1, t.titles))} ` +
      `title_tokenF1=${fmt(t.titleF1 / Math.max(1, t.titles))} | source_named_beyond_domain=${fmt(t.withSourceName / Math.max(1, t.pages))}\n`,
  );
}

/** metadata.json lists every page's type; the ground-truth files mostly leave it out. */
function readPageTypes(root: string): Record<string, string> {
  try {
    const metadata = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as { files?: Record<string, { page_type?: string }> };
    return Object.fromEntries(Object.entries(metadata.files ?? {}).map(([id, f]) => [id, f.page_type ?? '']));
  } catch {
    return {};
  }
}

interface GvaDocument {
  uri?: string;
  dct?: string;
  content?: string;
}

/** Text and URL rules only (these documents have no HTML): day accuracy against the document's DCT. */
function scoreGva(): void {
  const root = datasetDir('incidents-gva');
  if (!root) return;
  const now = new Date();
  const lines = readFileSync(join(root, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean);
  const byOrigin = new Map<string, { predicted: number; correct: number }>();
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const line of lines) {
    const doc = JSON.parse(line) as GvaDocument;
    if (!doc.dct) continue;
    gold++;
    const published = findPublished({ meta: null, url: doc.uri ?? null, text: doc.content ?? '', now });
    if (!published) continue;
    predicted++;
    const hit = published.value.slice(0, 10) === doc.dct.slice(0, 10);
    if (hit) correct++;
    const tally = byOrigin.get(published.origin) ?? { predicted: 0, correct: 0 };
    tally.predicted++;
    if (hit) tally.correct++;
    byOrigin.set(published.origin, tally);
  }
  const score = prf(correct, predicted, gold);
  const origins = [...byOrigin].map(([origin, t]) => `${origin}=${t.correct}/${t.predicted}`).join(' ');
  process.stdout.write(
    `gva published [text+url] docs=${gold} date_P=${fmt(score.precision)} date_R=${fmt(score.recall)} date_F1=${fmt(score.f1)} | by origin ${origins}\n`,
  );
}

export default async function main(): Promise<void> {
  scoreWcxb();
  scoreGva();
}

function scoreWcxb(): void {
  const root = datasetDir('extraction-wcxb');
  if (!root) return;
  const verbose = process.env.CROSSCHECK_EVAL_VERBOSE === '1';
  const now = new Date();
  const all = emptyTally();
  const articles = emptyTally();
  const truthDir = join(root, 'test', 'ground-truth');
  const pageTypes = readPageTypes(root);
  for (const file of readdirSync(truthDir).filter((f) => f.endsWith('.json')).sort()) {
    const truth = JSON.parse(readFileSync(join(truthDir, file), 'utf8')) as GroundTruthFile;
    const id = truth.file_id ?? file.replace(/\.json$/, '');
    let html: string;
    try {
      html = gunzipSync(readFileSync(join(root, 'test', 'html', `${id}.html.gz`))).toString('utf8');
    } catch {
      continue;
    }
    score(all, truth, html, now, verbose);
    if (pageTypes[id] === 'article') score(articles, truth, html, now, false);
  }
  report('all', all);
  report('article', articles);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
