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
  for (const [raw] of text.matchAll(WORD)) {
    const word = raw.toLowerCase();
    if (word.length < 3 || SHORT_WORDS.has(word)) continue;
    out.set(word, (out.get(word) ?? 0) + 1);
  }
  return out;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    const y = b.get(w);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

interface Candidate extends SummarySentence {
  words: Map<string, number>;
  score: number;
  published: string;
}

/** The story's extractive summary: up to `size` sentences, in time order, each with its span. */
export function summarizeStory(articles: readonly StoryArticleText[], size = 3): SummarySentence[] {
  const originals = articles.filter((a) => a.duplicate_of === null);
  const pool = originals.length > 0 ? originals : articles;
  const story = new Map<string, number>();
  const documentFrequency = new Map<string, number>();
  for (const article of pool) {
    for (const word of bag(article.body).keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  // Words in several articles carry the story; words of one article are its own detail.
  for (const [word, df] of documentFrequency) if (df > 1 || pool.length === 1) story.set(word, df);
  const candidates: Candidate[] = [];
  for (const article of pool) {
    article.sentences.forEach((sentence: Span, i) => {
      const text = article.body.slice(sentence.start, sentence.end);
      const words = bag(text);
      if (words.size < MIN_WORDS || text.length > MAX_CHARS || !/[.!?]["”’)]?$/.test(text)) return;
      const score = cosine(words, story) + (i < 2 ? LEAD_BONUS : 0);
      candidates.push({ article: article.id, start: sentence.start, end: sentence.end, text, words, score, published: article.published?.value ?? '' });
    });
  }
  const picked: Candidate[] = [];
  while (picked.length < size) {
    let best: Candidate | null = null;
    let bestValue = -Infinity;
    for (const c of candidates) {
      if (picked.includes(c)) continue;
      const redundancy = Math.max(0, ...picked.map((p) => cosine(c.words, p.words)));
      const value = c.score - REDUNDANCY * redundancy;
      if (value > bestValue || (value === bestValue && best !== null && tieBreak(c, best) < 0)) {
        best = c;
        bestValue = value;
      }
    }
    if (!best || bestValue <= 0) break;
    picked.push(best);
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
