/**
 * Online story clustering: each article joins the most similar active story, or starts one.
 *
 * Similarity is the cosine between two articles' tf-idf vectors (words and entity keys, see
 * `terms.ts`), damped by the days between them. Words and keys are normalised apart and each
 * given a share of the vector (`wordShare`), so the cosine is a weighted sum of a word cosine and
 * a key cosine: a long report full of names no longer drowns the words it shares with a short one,
 * nor a wordy report the one name they share; an article joins the story of its closest earlier
 * article when that is close enough. Article to article rather than article to a story centroid:
 * a centroid grows broader with every article and ends up close to everything of its kind.
 * Candidates come from an inverted index over the articles' heaviest terms, visiting only the most
 * recent articles of each term and only those within the time window, so the cost per article
 * stays flat however many are stored. When one article is close to articles of two stories, the
 * two merge: evidence that arrives later can join stories that began apart.
 *
 * Order: articles of a batch are clustered by publication date, then id (`clusterStories` sorts
 * them), so a batch gives the same stories whatever order its files were read in. Across batches
 * the result can depend on arrival order, as any online clustering does.
 *
 * A batch, once clustered, is checked for stories that glue two events of one kind together
 * (two earthquakes, two coaches fired): one report close to both groups is enough to join them
 * online, but the groups show in the story's own similarities, each group's reports sharing the
 * names and places the other lacks. `splitMixedStories` bisects such a story (see `bisect`) and
 * keeps the halves apart when the reports across the halves are much less alike than those
 * within each. Only the batch functions (`clusterStories`, `linkAll`) split: an online stream
 * never splits a story it has reported.
 */
import { DocumentFrequencies, isKeyTerm, ScatteredQuery, TermIds, type SparseVector, type TermVector } from './terms.js';

export interface StoryOptions {
  /** Minimum damped cosine between the article and one article of a story for it to join that story. */
  threshold: number;
  /** The words' share of the cosine; entity keys have the rest. */
  wordShare: number;
  /** Minimum damped cosine to an article of a second story for that story to merge into the first. */
  mergeThreshold: number;
  /** The threshold when either article is undated: with no time evidence, the words must say more. */
  undatedThreshold: number;
  /** Articles further apart than this many days are never compared. */
  windowDays: number;
  /** Days apart at which the similarity is halved. */
  halfLifeDays: number;
  /** How many of the article's heaviest terms look up candidates. */
  queryTerms: number;
  /** How many articles, most recent first, each term's postings contribute. */
  postingsVisited: number;
  /**
   * How many of the articles found through the postings are compared in full: those with the
   * largest dot product over the lookup terms alone (the postings carry the articles' weights), so
   * that the comparisons per article, and what a store must read, do not grow with the collection.
   */
  candidates: number;
  /**
   * A query term found in more than this share of the collection's articles (and in more than
   * `commonTermFloor`) looks up no candidates: it still counts in the cosine, but what shares only
   * such terms is never close enough, and their postings would make every lookup read the window.
   */
  commonTermShare: number;
  commonTermFloor: number;
  /** Terms kept in an article's vector. */
  vectorTerms: number;
  /** From this many articles on, joining a story needs a second article of it to be close too. */
  supportFrom: number;
  /** How close the second must be, relative to the threshold (its similarity is multiplied by this). */
  secondSupport: number;
  /** Batch linking only: a story of at least this many articles is checked for two events glued together. */
  splitFrom: number;
  /** Each of the two parts must have at least this many articles for the story to be split. */
  splitPartMin: number;
  /**
   * Split when the mean similarity across the two parts is below this fraction of the mean
   * similarity within the looser part.
   */
  splitRatio: number;
}

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  // Low, because the squared idf spreads a vector's weight over its rarest terms; the day damping,
  // the two-article support and the separate undated threshold keep it from chaining.
  threshold: 0.06,
  wordShare: 0.5,
  mergeThreshold: 0.14,
  undatedThreshold: 0.15,
  windowDays: 90,
  // Reports of one incident come within days of each other; a week apart already halves the evidence.
  halfLifeDays: 7,
  queryTerms: 24,
  postingsVisited: 100,
  candidates: 20,
  commonTermShare: 0.01,
  commonTermFloor: 50,
  vectorTerms: 80,
  supportFrom: 3,
  secondSupport: 2,
  // Two events of one kind glued together show as two groups of reports that each share their own
  // names and places; a small story has too few reports to tell such groups from noise.
  splitFrom: 8,
  splitPartMin: 4,
  splitRatio: 0.6,
};

export interface StoryArticle {
  id: string;
  /** Publication date (`YYYY-MM-DD…`) or null when unknown: then no time constraint applies. */
  published: string | null;
  terms: TermVector;
  /**
   * The article's story vector when already computed (`storyVector`), as the store keeps it from
   * the day the article was linked; otherwise it is computed from `terms` and the collection's
   * frequencies now.
   */
  vector?: TermVector;
}

export interface Story {
  id: string;
  articles: string[];
  /**
   * Articles of the story that were not put back (`seed`) because linking needs only some of
   * them (the store reads a story whole only when it may change): they count in its size.
   */
  unseen: number;
  firstDay: number | null;
  lastDay: number | null;
}

export interface Assignment {
  article: string;
  story: string;
  /** The damped cosine to the closest article of the story it joined, or null when it started one. */
  similarity: number | null;
  /** Stories merged into `story` because of this article. */
  merged: string[];
}

interface Member {
  vector: SparseVector;
  day: number | null;
  story: string;
}

const DAY_MS = 86_400_000;

/** The day number (days since 1970) of a TIMEX3 date value; a month alone counts as its 15th; null when undated. */
export function dayOf(published: string | null): number | null {
  if (published === null) return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(published);
  if (!match) return null;
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '15')) / DAY_MS);
}

function heaviest(vector: TermVector, n: number): Array<[string, number]> {
  return [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/**
 * What clustering compares: the article's `vectorTerms` heaviest tf-idf terms with words and keys
 * blended (`blend`), of unit length.
 */
export function storyVector(terms: TermVector, frequencies: DocumentFrequencies, options: Pick<StoryOptions, 'vectorTerms' | 'wordShare'> = DEFAULT_STORY_OPTIONS): TermVector {
  return blend(new Map(heaviest(frequencies.weigh(terms), options.vectorTerms)), options.wordShare);
}

/** The terms of a story vector under which the article is indexed. */
export function queryTerms(vector: TermVector, options: Pick<StoryOptions, 'queryTerms'> = DEFAULT_STORY_OPTIONS): string[] {
  return heaviest(vector, options.queryTerms).map(([term]) => term);
}

/** The query terms with which the article looks up candidates: those not too common (`commonTermShare`). */
export function lookupTerms(
  vector: TermVector,
  frequencies: DocumentFrequencies,
  options: Pick<StoryOptions, 'queryTerms' | 'commonTermShare' | 'commonTermFloor'> = DEFAULT_STORY_OPTIONS,
): string[] {
  const limit = Math.max(options.commonTermFloor, options.commonTermShare * frequencies.size);
  return queryTerms(vector, options).filter((term) => frequencies.frequency(term) <= limit);
}

export class StoryClusterer {
  private readonly options: StoryOptions;
  private readonly frequencies: DocumentFrequencies;
  private readonly countsArticles: boolean;
  private readonly members = new Map<string, Member>();
  private readonly stories = new Map<string, Story>();
  /** Merged-away story id → the story that absorbed it. */
  private readonly mergedInto = new Map<string, string>();
  /** Term → the articles indexed under it, in the order they were added, with their weight for it. */
  private readonly postings = new Map<string, { ids: string[]; weights: number[] }>();
  private readonly termIds = new TermIds();
  private readonly query = new ScatteredQuery();

  /**
   * `frequencies`, when given, already counts the articles to come (a batch counted up front, or
   * the stored collection): each article's terms are then weighed with the collection's idf rather
   * than with the idf of the articles before it, which early in a stream overweighs common words.
   */
  constructor(options: Partial<StoryOptions> = {}, frequencies?: DocumentFrequencies) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...options };
    this.countsArticles = frequencies === undefined;
    this.frequencies = frequencies ?? new DocumentFrequencies();
  }

  add(article: StoryArticle): Assignment {
    if (this.countsArticles) this.frequencies.add(article.terms);
    const vector = this.vectorOf(article);
    const day = dayOf(article.published);
    const sparse = this.termIds.sparse(vector);
    const scored = [...this.storyScores(vector, sparse, day)]
      .map(([id, similarity]) => ({ story: this.stories.get(id)!, similarity }))
      .filter((c) => c.similarity >= this.options.threshold)
      .sort((a, b) => b.similarity - a.similarity || (a.story.id < b.story.id ? -1 : 1));
    const best = scored[0];
    const story = best?.story ?? this.startStory(this.freshStoryId(article.id));
    this.join(story, article.id, vector, sparse, day);
    const merged: string[] = [];
    for (const other of scored.slice(1)) {
      if (other.similarity < this.options.mergeThreshold) break;
      this.merge(story, other.story);
      merged.push(other.story.id);
    }
    return { article: article.id, story: story.id, similarity: best?.similarity ?? null, merged };
  }

  /**
   * Puts an article linked earlier back into its story (`storyId`, created when new) without
   * scoring it: the articles added next are compared with it as with any member.
   */
  seed(article: StoryArticle, storyId: string): void {
    if (this.countsArticles) this.frequencies.add(article.terms);
    const vector = this.vectorOf(article);
    const story = this.stories.get(storyId) ?? this.startStory(storyId);
    this.join(story, article.id, vector, this.termIds.sparse(vector), dayOf(article.published));
  }

  /** Counts `count` more articles in a seeded story than were seeded (see `Story.unseen`). */
  addUnseen(storyId: string, count: number): void {
    const story = this.stories.get(storyId);
    if (story) story.unseen += count;
  }

  private vectorOf(article: StoryArticle): TermVector {
    return article.vector ?? storyVector(article.terms, this.frequencies, this.options);
  }

  /** The story an id now belongs to (following merges). */
  resolve(storyId: string): string {
    let id = storyId;
    for (let next = this.mergedInto.get(id); next !== undefined; next = this.mergedInto.get(id)) id = next;
    return id;
  }

  allStories(): Story[] {
    return [...this.stories.values()];
  }

  /** The story a clustered article is in now, or null when it was never added. */
  storyOfArticle(articleId: string): string | null {
    const member = this.members.get(articleId);
    return member === undefined ? null : this.resolve(member.story);
  }

  /**
   * Splits each story that holds two groups of reports much less alike across than within (see
   * the file comment), again in each part, until no part splits. A part that leaves keeps the id
   * of its earliest article; the part holding the story's first article keeps the story's id.
   * Returns the ids of the stories created.
   */
  splitMixedStories(only?: ReadonlySet<string>): string[] {
    const created: string[] = [];
    const pending = [...this.stories.values()].filter((story) => only === undefined || only.has(story.id));
    for (let story = pending.pop(); story !== undefined; story = pending.pop()) {
      // A story read in part cannot be bisected; the store reads every story that may grow whole.
      if (story.articles.length < this.options.splitFrom || story.unseen > 0) continue;
      const halves = bisect(story.articles.map((id) => this.members.get(id)!.vector), this.options);
      if (halves === null) continue;
      const kept = halves.find((half) => half.includes(0))!;
      const leaving = halves.find((half) => half !== kept)!;
      const articles = story.articles;
      story.articles = kept.map((i) => articles[i]!);
      const part = this.startStory(articles[leaving[0]!]!);
      part.articles = leaving.map((i) => articles[i]!);
      // The id may be that of a story merged into this one earlier: it names the part now.
      this.mergedInto.delete(part.id);
      for (const piece of [story, part]) {
        piece.firstDay = null;
        piece.lastDay = null;
        for (const id of piece.articles) {
          const member = this.members.get(id)!;
          member.story = piece.id;
          widen(piece, member.day);
        }
      }
      created.push(part.id);
      pending.push(story, part);
    }
    return created;
  }

  /** For each candidate story, the best damped cosine between the article and one of its articles. */
  private storyScores(vector: TermVector, sparse: SparseVector, day: number | null): Map<string, number> {
    const partial = new Map<string, number>();
    for (const term of lookupTerms(vector, this.frequencies, this.options)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const weight = vector.get(term)!;
      for (let i = list.ids.length - 1, visited = 0; i >= 0 && visited < this.options.postingsVisited; i--, visited++) {
        const id = list.ids[i]!;
        if (daysApart(day, this.members.get(id)!.day) > this.options.windowDays) continue;
        partial.set(id, (partial.get(id) ?? 0) + weight * list.weights[i]!);
      }
    }
    const top = new Map<string, [number, number]>();
    this.query.load(sparse, this.termIds.size);
    for (const id of topCandidates(partial, this.options.candidates)) {
      const member = this.members.get(id)!;
      const apart = daysApart(day, member.day);
      const damped = this.query.dot(member.vector) / (1 + apart / this.options.halfLifeDays);
      // Scores are compared with `threshold`: an undated pair is scaled so that it must reach `undatedThreshold`.
      const similarity = day === null || member.day === null ? (damped * this.options.threshold) / this.options.undatedThreshold : damped;
      const story = this.resolve(member.story);
      const best = top.get(story) ?? [0, 0];
      if (similarity > best[0]) top.set(story, [similarity, best[0]]);
      else if (similarity > best[1]) top.set(story, [best[0], similarity]);
    }
    this.query.clear();
    // A story of several articles is joined on the word of two of them, not one: single links
    // chain unrelated reports into one ever-growing story.
    const scores = new Map<string, number>();
    for (const [story, [first, second]] of top) {
      const known = this.stories.get(story);
      const size = known === undefined ? 1 : known.articles.length + known.unseen;
      scores.set(story, size >= this.options.supportFrom ? Math.min(first, second * this.options.secondSupport) : first);
    }
    return scores;
  }

  /**
   * A story id for an article that starts one: its own id, unless taken. An article linked again
   * finds its former story, named after it, seeded (`seed`) under that id, and maybe merged away.
   */
  private freshStoryId(articleId: string): string {
    let id = articleId;
    for (let n = 2; this.stories.has(id) || this.mergedInto.has(id); n++) id = `${articleId}#${n}`;
    return id;
  }

  private startStory(id: string): Story {
    const story: Story = { id, articles: [], unseen: 0, firstDay: null, lastDay: null };
    this.stories.set(story.id, story);
    return story;
  }

  private join(story: Story, articleId: string, vector: TermVector, sparse: SparseVector, day: number | null): void {
    story.articles.push(articleId);
    widen(story, day);
    this.members.set(articleId, { vector: sparse, day, story: story.id });
    for (const term of queryTerms(vector, this.options)) {
      const list = this.postings.get(term);
      if (list) {
        list.ids.push(articleId);
        list.weights.push(vector.get(term)!);
      } else this.postings.set(term, { ids: [articleId], weights: [vector.get(term)!] });
    }
  }

  private merge(into: Story, from: Story): void {
    if (into.id === from.id) return;
    into.articles.push(...from.articles);
    into.unseen += from.unseen;
    widen(into, from.firstDay);
    widen(into, from.lastDay);
    this.stories.delete(from.id);
    this.mergedInto.set(from.id, into.id);
  }
}

function unit(vector: TermVector): TermVector {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

/**
 * Scales the words and the keys of a vector each to length √share (the key share being
 * 1 − `wordShare`), so that the dot product of two such vectors is
 * `wordShare`·cos(words) + (1 − `wordShare`)·cos(keys); then to unit length, for an article
 * without one of the two.
 */
function blend(vector: TermVector, wordShare: number): TermVector {
  let words = 0;
  let keys = 0;
  for (const [term, w] of vector) {
    if (isKeyTerm(term)) keys += w * w;
    else words += w * w;
  }
  const wordScale = words > 0 ? Math.sqrt(wordShare / words) : 0;
  const keyScale = keys > 0 ? Math.sqrt((1 - wordShare) / keys) : 0;
  for (const [term, w] of vector) vector.set(term, w * (isKeyTerm(term) ? keyScale : wordScale));
  return unit(vector);
}

/** The `n` ids with the largest partial scores (ties: the smaller id), as a store's query ranks them. */
export function topCandidates(partial: ReadonlyMap<string, number>, n: number): string[] {
  if (partial.size <= n) return [...partial.keys()];
  return [...partial].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n).map(([id]) => id);
}

function widen(story: Story, day: number | null): void {
  if (day === null) return;
  story.firstDay = story.firstDay === null ? day : Math.min(story.firstDay, day);
  story.lastDay = story.lastDay === null ? day : Math.max(story.lastDay, day);
}

function daysApart(a: number | null, b: number | null): number {
  return a === null || b === null ? 0 : Math.abs(a - b);
}

/** Σ of unit sparse vectors, as term id → weight. */
function sumOf(vectors: readonly SparseVector[], which: readonly number[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const i of which) {
    const { ids, weights } = vectors[i]!;
    for (let k = 0; k < ids.length; k++) sum.set(ids[k]!, (sum.get(ids[k]!) ?? 0) + weights[k]!);
  }
  return sum;
}

function dotSum(sum: ReadonlyMap<number, number>, vector: SparseVector): number {
  let dot = 0;
  for (let k = 0; k < vector.ids.length; k++) dot += (sum.get(vector.ids[k]!) ?? 0) * vector.weights[k]!;
  return dot;
}

function dotSums(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  for (const [id, w] of a) dot += w * (b.get(id) ?? 0);
  return dot;
}

/**
 * The mean cosine over the pairs of a group of unit vectors, from their sum alone: the pairs'
 * cosines add up to (|Σ|² − n) / 2, so the test costs one pass over the vectors, not n².
 */
function meanWithin(sum: ReadonlyMap<number, number>, n: number): number {
  return n < 2 ? 1 : (dotSums(sum, sum) - n) / (n * (n - 1));
}

const BISECT_ROUNDS = 10;

/**
 * Two groups of a story's article vectors (indices into `vectors`), or null when the story is one
 * group. Spherical 2-means, seeded with the article least like the story as a whole and the one
 * least like that one, so that the result does not depend on chance; the halves stand when each
 * has `splitPartMin` articles and the mean cosine across them is below `splitRatio` times the
 * mean cosine within the less cohesive half (average linkage, computed from the sums).
 */
export function bisect(vectors: readonly SparseVector[], options: Pick<StoryOptions, 'splitPartMin' | 'splitRatio'>): [number[], number[]] | null {
  if (vectors.length < 2) return null;
  const all = vectors.map((_, i) => i);
  const whole = sumOf(vectors, all);
  let first = 0;
  for (const i of all) if (dotSum(whole, vectors[i]!) < dotSum(whole, vectors[first]!)) first = i;
  const seed = sumOf(vectors, [first]);
  let second = first === 0 ? 1 : 0;
  for (const i of all) if (i !== first && dotSum(seed, vectors[i]!) < dotSum(seed, vectors[second]!)) second = i;
  let halves: [number[], number[]] = [[first], [second]];
  for (let round = 0; round < BISECT_ROUNDS; round++) {
    const centres = halves.map((half) => sumOf(vectors, half));
    const norms = centres.map((c) => Math.sqrt(dotSums(c, c)) || 1);
    const next: [number[], number[]] = [[], []];
    for (const i of all) next[dotSum(centres[0]!, vectors[i]!) / norms[0]! >= dotSum(centres[1]!, vectors[i]!) / norms[1]! ? 0 : 1].push(i);
    if (next[0].length === 0 || next[1].length === 0) return null;
    const same = next[0].length === halves[0].length && next[0].every((i, k) => halves[0][k] === i);
    halves = next;
    if (same) break;
  }
  const [a, b] = halves;
  if (Math.min(a.length, b.length) < options.splitPartMin) return null;
  const sumA = sumOf(vectors, a);
  const sumB = sumOf(vectors, b);
  const across = dotSums(sumA, sumB) / (a.length * b.length);
  const within = Math.min(meanWithin(sumA, a.length), meanWithin(sumB, b.length));
  return across < options.splitRatio * within ? halves : null;
}

/** Clusters a batch in a fixed order (publication date, then id): the result does not depend on input order. */
export function clusterStories(articles: readonly StoryArticle[], options: Partial<StoryOptions> = {}): Map<string, string> {
  const frequencies = new DocumentFrequencies();
  for (const article of articles) frequencies.add(article.terms);
  const clusterer = new StoryClusterer(options, frequencies);
  const ordered = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const assigned = new Map<string, string>();
  for (const article of ordered) assigned.set(article.id, clusterer.add(article).story);
  clusterer.splitMixedStories();
  for (const article of assigned.keys()) assigned.set(article, clusterer.storyOfArticle(article)!);
  return assigned;
}
