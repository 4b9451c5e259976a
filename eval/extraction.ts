/**
 * Main-text extraction on WCXB (`extraction-wcxb/`): word bag-of-words F1 of our body (extractMainText, then
 * cleanText) against `main_content`, per page and averaged (articles only, all pages, per page type), plus the
 * share of `with` snippets found and of `without` snippets absent. Readability alone (its `textContent`) is
 * measured in the same run as the peer.
 *
 * Options (env, since `npm run eval -- NAME...` treats every argument as an evaluation name):
 *   EXTRACTION_WORST=N   list the N worst pages (ours) to study
 *   EXTRACTION_LIMIT=N   only the first N pages (quick runs)
 *   EXTRACTION_TYPE=T    only pages of type T (article, forum, ...)
 * `--worst N` is also accepted when the script is run directly (`npx tsx eval/extraction.ts --worst 20`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { datasetDir } from './datasets.js';
import { fmt } from './metrics.js';
import { parseDom } from '../src/extract/dom.js';
import { extractMainText } from '../src/extract/html.js';
import { cleanText } from '../src/extract/cruft.js';

interface GoldPage {
  id: string;
  type: string;
  url: string | null;
  html: string;
  mainContent: string;
  withSnippets: string[];
  withoutSnippets: string[];
}

interface PageScore {
  id: string;
  type: string;
  f1: number;
  precision: number;
  recall: number;
  peerF1: number;
  withFound: number;
  withTotal: number;
  withoutAbsent: number;
  withoutTotal: number;
}

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** The same tokenisation as the benchmark's own scorer (Python `\w+` on lower-cased text). */
function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of text.toLowerCase().match(WORD) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

function bagF1(predicted: string, reference: string): { precision: number; recall: number; f1: number } {
  const pred = wordBag(predicted);
  const ref = wordBag(reference);
  const total = (bag: Map<string, number>): number => [...bag.values()].reduce((a, b) => a + b, 0);
  const predTotal = total(pred);
  const refTotal = total(ref);
  if (refTotal === 0) return predTotal === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 1, f1: 0 };
  if (predTotal === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [word, count] of pred) overlap += Math.min(count, ref.get(word) ?? 0);
  const precision = overlap / predTotal;
  const recall = overlap / refTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Snippet presence ignores case and whitespace differences (line breaks between blocks, nbsp). */
const squash = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

function snippetCounts(body: string, page: GoldPage): Pick<PageScore, 'withFound' | 'withTotal' | 'withoutAbsent' | 'withoutTotal'> {
  const haystack = squash(body);
  const withFound = page.withSnippets.filter((s) => haystack.includes(squash(s))).length;
  const withoutAbsent = page.withoutSnippets.filter((s) => !haystack.includes(squash(s))).length;
  return { withFound, withTotal: page.withSnippets.length, withoutAbsent, withoutTotal: page.withoutSnippets.length };
}

function loadPages(dir: string): GoldPage[] {
  const metadata = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as {
    files: Record<string, { page_type: string }>;
  };
  const goldDir = join(dir, 'test', 'ground-truth');
  const onlyType = process.env.EXTRACTION_TYPE;
  const limit = Number(process.env.EXTRACTION_LIMIT ?? Infinity);
  const pages: GoldPage[] = [];
  for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const id = file.replace(/\.json$/, '');
    const type = metadata.files[id]?.page_type ?? 'unknown';
    if (onlyType && type !== onlyType) continue;
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as {
      url?: string;
      ground_truth: { main_content: string | null; with?: string[]; without?: string[] };
    };
    const html = gunzipSync(readFileSync(join(dir, 'test', 'html', `${id}.html.gz`))).toString('utf8');
    pages.push({
      id,
      type,
      url: gold.url ?? null,
      html,
      mainContent: gold.ground_truth.main_content ?? '',
      withSnippets: gold.ground_truth.with ?? [],
      withoutSnippets: gold.ground_truth.without ?? [],
    });
    if (pages.length >= limit) break;
  }
  return pages;
}

function ourBody(html: string, url: string | null): string {
  const { text, title } = extractMainText(parseDom(html), url);
  return cleanText(text, { title }).body;
}

function readabilityBody(html: string): string {
  const article = new Readability(parseDom(html) as unknown as Document).parse();
  return article?.textContent ?? '';
}

function scorePage(page: GoldPage, timing: { ours: number; peer: number }): PageScore {
  let started = performance.now();
  const body = ourBody(page.html, page.url);
  timing.ours += performance.now() - started;
  started = performance.now();
  const peer = readabilityBody(page.html);
  timing.peer += performance.now() - started;
  const ours = bagF1(body, page.mainContent);
  return {
    id: page.id,
    type: page.type,
    ...ours,
    peerF1: bagF1(peer, page.mainContent).f1,
    ...snippetCounts(body, page),
  };
}

const mean = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

function report(label: string, scores: PageScore[]): void {
  const withTotal = scores.reduce((a, s) => a + s.withTotal, 0);
  const withoutTotal = scores.reduce((a, s) => a + s.withoutTotal, 0);
  const withShare = withTotal === 0 ? 0 : scores.reduce((a, s) => a + s.withFound, 0) / withTotal;
  const withoutShare = withoutTotal === 0 ? 0 : scores.reduce((a, s) => a + s.withoutAbsent, 0) / withoutTotal;
  console.log(
    `extraction ${label.padEnd(14)} n=${String(scores.length).padStart(3)}  F1 ${fmt(mean(scores.map((s) => s.f1)))}` +
      ` (P ${fmt(mean(scores.map((s) => s.precision)))} R ${fmt(mean(scores.map((s) => s.recall)))})` +
      `  readability F1 ${fmt(mean(scores.map((s) => s.peerF1)))}  with ${fmt(withShare)}  without-absent ${fmt(withoutShare)}`,
  );
}

function worstCount(): number {
  const flag = process.argv.indexOf('--worst');
  const fromFlag = flag >= 0 ? Number(process.argv[flag + 1]) : NaN;
  const value = Number.isFinite(fromFlag) ? fromFlag : Number(process.env.EXTRACTION_WORST ?? 0);
  return Number.isFinite(value) ? value : 0;
}

export default async function evaluateExtraction(): Promise<void> {
  const dir = datasetDir('extraction-wcxb');
  if (!dir) return;
  const pages = loadPages(dir);
  const timing = { ours: 0, peer: 0 };
  const scores = pages.map((page) => scorePage(page, timing));
  report('articles', scores.filter((s) => s.type === 'article'));
  report('all pages', scores);
  for (const type of [...new Set(scores.map((s) => s.type))].sort()) {
    if (type !== 'article') report(`  ${type}`, scores.filter((s) => s.type === type));
  }
  console.log(
    `extraction time  ours ${(timing.ours / Math.max(1, pages.length)).toFixed(1)} ms/page` +
      `  readability ${(timing.peer / Math.max(1, pages.length)).toFixed(1)} ms/page`,
  );
  const worst = worstCount();
  if (worst > 0) {
    const ranked = [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst);
    for (const s of ranked) {
      console.log(
        `  worst ${s.id} ${s.type.padEnd(13)} F1 ${fmt(s.f1)} P ${fmt(s.precision)} R ${fmt(s.recall)}` +
          `  readability ${fmt(s.peerF1)}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await evaluateExtraction();
