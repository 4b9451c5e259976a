/**
 * A story's title, timeline and extractive summary (issue 5, part 7). Nothing is written that an
 * article did not say: every summary sentence is a sentence of an article, with the span it came
 * from, so a reader can check it in two clicks.
 *
 * Summary: sentences are scored by how central they are to the story (cosine of their words with
 * the story's word weights over all original articles — copies add no weight), with a bonus for
 * the lead of an article; they are then picked greedily, each penalised by its similarity to those
 * already picked (maximal marginal relevance), and printed in time order.
 */
import type { AnalysisRecord, Span } from '../document.js';
import type { CanonicalEvent } from './events.js';

export type StoryArticleText = Pick<AnalysisRecord, 'id' | 'title' | 'published' | 'body' | 'sentences'> & { duplicate_of: string | null };

export interface SummarySentence {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface TimelineEntry {
  event: string;
  date: string | null;
  precision: 1 | 2 | 3 | null;
  type: string;
  subtype: string;
  location: string | null;
  sources: string[];
  independent_sources: number;
}

const WORD = /\p{L}[\p{L}'’-]*/gu;
const SHORT_WORDS = new Set(
  'the a an and or but of in on at to for from by with as is are was were be been has have had it its this that these those he she they his her their said says will would not no'.split(' '),
);
/** Lead sentences (the first two of an article) say what the story is. */
const LEAD_BONUS = 0.15;
const MIN_WORDS = 6;
const MAX_CHARS = 400;
/** Weight of redundancy against centrality in the greedy pick. */
const REDUNDANCY = 0.7;

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [raw] of text.matchAll(WORD)) addWord(out, raw);
  return out;
}

function addWord(words: Map<string, number>, raw: string): void {
  const word = raw.toLowerCase();
  if (word.length < 3 || SHORT_WORDS.has(word)) return;
  words.set(word, (words.get(word) ?? 0) + 1);
}

/** A word bag with its squared norm (summed in the bag's order, as `cosine` sums it). */
interface WordBag {
  words: Map<string, number>;
  norm: number;
}

function withNorm(words: Map<string, number>): WordBag {
  let norm = 0;
  for (const x of words.values()) norm += x * x;
  return { words, norm };
}

function cosine(a: WordBag, b: WordBag): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  for (const [w, x] of a.words) {
    const y = b.words.get(w);
    if (y !== undefined) dot += x * y;
  }
  return dot / Math.sqrt(a.norm * b.norm);
}

/**
 * The words of an article's body, where they are (the words `WORD` finds), each lower-cased, or
 * null when it does not count (`SHORT_WORDS`, under three letters). Tokenised once per article:
 * the story's word weights and its sentences' bags are all cut from it.
 */
interface BodyWords {
  starts: number[];
  ends: number[];
  words: Array<string | null>;
}

/** The words `WORD` finds in `body`, in order. */
function bodyWords(body: string): BodyWords {
  const out: BodyWords = { starts: [], ends: [], words: [] };
  const pattern = new RegExp(WORD);
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const word = match[0].toLowerCase();
    out.starts.push(match.index);
    out.ends.push(pattern.lastIndex);
    out.words.push(word.length < 3 || SHORT_WORDS.has(word) ? null : word);
  }
  return out;
}

/** The first word that ends after `at` (binary search). */
function firstEndingAfter(ends: readonly number[], at: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The bag of `body.slice(start, end)`. When no word of the body runs across either end, the
 * slice's words are the body's words between them; else the slice is tokenised on its own.
 */
function spanBag(body: string, words: BodyWords, start: number, end: number): Map<string, number> {
  const first = firstEndingAfter(words.ends, start);
  let last = first;
  while (last < words.starts.length && words.ends[last]! <= end) last++;
  const straddlesStart = first < words.starts.length && words.starts[first]! < start;
  const straddlesEnd = last < words.starts.length && words.starts[last]! < end;
  if (straddlesStart || straddlesEnd) return bag(body.slice(start, end));
  const out = new Map<string, number>();
  for (let i = first; i < last; i++) {
    const word = words.words[i];
    if (word) out.set(word, (out.get(word) ?? 0) + 1);
  }
  return out;
}

interface Candidate extends SummarySentence {
  bag: WordBag;
  score: number;
  published: string;
}

/** The story's extractive summary: up to `size` sentences, in time order, each with its span. */
export function summarizeStory(articles: readonly StoryArticleText[], size = 3): SummarySentence[] {
  const originals = articles.filter((a) => a.duplicate_of === null);
  const pool = originals.length > 0 ? originals : articles;
  const story = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  const tokenised = pool.map((article) => bodyWords(article.body));
  for (const words of tokenised) {
    const seen = new Set<string>();
    for (const word of words.words) {
      if (word === null || seen.has(word)) continue;
      seen.add(word);
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  // Words in several articles carry the story; words of one article are its own detail.
  for (const [word, df] of documentFrequency) if (df > 1 || pool.length === 1) story.set(word, df);
  const storyBag = withNorm(story);
  const candidates: Candidate[] = [];
  pool.forEach((article, articleIndex) => {
    article.sentences.forEach((sentence: Span, i) => {
      const text = article.body.slice(sentence.start, sentence.end);
      if (text.length > MAX_CHARS || !/[.!?]["”’)]?$/.test(text)) return;
      const words = spanBag(article.body, tokenised[articleIndex]!, sentence.start, sentence.end);
      if (words.size < MIN_WORDS) return;
      const bag = withNorm(words);
      const score = cosine(bag, storyBag) + (i < 2 ? LEAD_BONUS : 0);
      candidates.push({ article: article.id, start: sentence.start, end: sentence.end, text, bag, score, published: article.published?.value ?? '' });
    });
  });
  // Each candidate's greatest similarity to a sentence already picked (0 before any).
  const redundancy = new Array<number>(candidates.length).fill(0);
  const taken = new Array<boolean>(candidates.length).fill(false);
  const picked: Candidate[] = [];
  while (picked.length < size) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach((c, k) => {
      if (taken[k]) return;
      const value = c.score - REDUNDANCY * redundancy[k]!;
      if (value > bestValue || (value === bestValue && best >= 0 && tieBreak(c, candidates[best]!) < 0)) {
        best = k;
        bestValue = value;
      }
    });
    if (best < 0 || bestValue <= 0) break;
    const chosen = candidates[best]!;
    taken[best] = true;
    picked.push(chosen);
    if (picked.length === size) break;
    candidates.forEach((c, k) => {
      if (!taken[k]) redundancy[k] = Math.max(redundancy[k]!, cosine(c.bag, chosen.bag));
    });
  }
  return picked
    .sort((a, b) => a.published.localeCompare(b.published) || tieBreak(a, b))
    .map(({ article, start, end, text }) => ({ article, start, end, text }));
}

const tieBreak = (a: SummarySentence, b: SummarySentence): number => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start);

/** The story's title: the title of its earliest original article, else its first summary sentence. */
export function storyTitle(articles: readonly StoryArticleText[]): string | null {
  const titled = articles
    .filter((a) => a.duplicate_of === null && a.title)
    .sort((a, b) => (a.published?.value ?? '').localeCompare(b.published?.value ?? '') || (a.id < b.id ? -1 : 1));
  return titled[0]?.title ?? summarizeStory(articles, 1)[0]?.text ?? null;
}

/** Dated events in time order (undated last), with their precision and sources. */
export function storyTimeline(events: readonly CanonicalEvent[]): TimelineEntry[] {
  return [...events]
    .sort((a, b) => (a.date?.value ?? '\uffff').localeCompare(b.date?.value ?? '\uffff') || (a.id < b.id ? -1 : 1))
    .map((e) => ({
      event: e.id,
      date: e.date?.value ?? null,
      precision: e.date?.precision ?? null,
      type: e.type,
      subtype: e.subtype,
      location: e.location?.name ?? null,
      sources: e.sources,
      independent_sources: e.independent_sources,
    }));
}
