/**
 * Linking across articles, in the order the pipeline needs it: a copy is recognised first and
 * joins its original's story (a repost is not new evidence of anything); every other article is
 * clustered into a story. `Linker` keeps the state of both between batches; a batch is linked in
 * publication-date order (then id), so it gives the same result whatever order it was read in.
 */
import type { AnalysisRecord } from '../document.js';
import { CopyIndex, fingerprint, NO_COPY, type CopyMatch, type CopyOptions, type Fingerprint } from './copies.js';
import { StoryClusterer, type StoryOptions } from './stories.js';
import { articleTerms, DocumentFrequencies, type TermVector } from './terms.js';

export { CopyIndex, fingerprint, type Fingerprint } from './copies.js';
export { StoryClusterer, clusterStories, lookupTerms, queryTerms, storyVector } from './stories.js';
export { articleTerms, DocumentFrequencies, type TermVector } from './terms.js';
export { linkEvents, type CanonicalEvent, type LinkedArticle } from './events.js';
export { frameStory, type StoryFraming } from './framing.js';
export { storyTimeline, storyTitle, summarizeStory } from './summary.js';

export interface ArticleLinks {
  id: string;
  story: string;
  duplicate_of: string | null;
  copy: CopyMatch;
  /** Whether story clustering compares other articles with it (a copy that follows its original is not). */
  clustered: boolean;
}

export type LinkRecord = Pick<AnalysisRecord, 'id' | 'published' | 'title' | 'body' | 'entities'>;

/** What linking needs of an article, computed once (and storable): its fingerprint and its terms. */
export interface LinkItem {
  id: string;
  published: string | null;
  fingerprint: Fingerprint;
  terms: TermVector;
  /** The story vector computed when the article was first linked (see `StoryArticle.vector`). */
  vector?: TermVector;
}

export function linkItemOf(record: LinkRecord): LinkItem {
  return { id: record.id, published: record.published?.value ?? null, fingerprint: fingerprint(record.body), terms: articleTerms(record) };
}

export interface LinkOptions {
  copies?: Partial<CopyOptions>;
  stories?: Partial<StoryOptions>;
}

/**
 * Links a set of articles from scratch, with term weights counted over the whole set first: the
 * result depends only on the set, not on the order the articles arrived in. With the whole set
 * clustered, stories that glue two events of one kind together are split (`splitMixedStories`).
 */
export function linkAll(items: readonly LinkItem[], options: LinkOptions = {}): ArticleLinks[] {
  const linker = new Linker(options, countedOver(items));
  const links = linker.linkItems(items);
  linker.splitMixedStories();
  return links.map((link) => ({ ...link, story: linker.storyOfArticle(link.id)!, clustered: linker.clustered(link.id) }));
}

/** An article linked earlier: where it was put then. */
export interface LinkedItem extends LinkItem {
  story: string;
  duplicate_of: string | null;
}

/**
 * Links `pending` articles into what is already linked, as a stream does: the linked articles keep
 * their stories and lineages and are not compared with each other again, so the cost follows the
 * new articles and their candidates rather than the size of the window. A new article can still
 * join, bridge and merge earlier stories, and the stories it grows are checked for two events
 * glued together (`splitMixedStories`). `linked` may hold only some articles of a story when
 * `storySizes` gives its size (its original articles, copies aside): the rest count in its size
 * (see `Story.unseen`). Term weights come from `frequencies` when given (the
 * store counts them over everything it holds), else are counted over both sets, as `linkAll`
 * counts them. Returns an entry for every article of both sets.
 */
export function linkIncrementally(
  linked: readonly LinkedItem[],
  pending: readonly LinkItem[],
  options: LinkOptions = {},
  frequencies: DocumentFrequencies = countedOver(linked, pending),
  storySizes?: ReadonlyMap<string, number>,
): ArticleLinks[] {
  const linker = new Linker(options, frequencies);
  linker.seed(linked, storySizes);
  const links = linker.linkItems(pending);
  linker.splitMixedStories(new Set(links.map((link) => link.story)));
  return [
    ...linked.map((item) => ({ id: item.id, story: linker.storyOfArticle(item.id)!, duplicate_of: item.duplicate_of, copy: { ...NO_COPY }, clustered: linker.clustered(item.id) })),
    ...links.map((link) => ({ ...link, story: linker.storyOfArticle(link.id)!, clustered: linker.clustered(link.id) })),
  ];
}

function countedOver(...sets: ReadonlyArray<readonly LinkItem[]>): DocumentFrequencies {
  const frequencies = new DocumentFrequencies();
  for (const set of sets) for (const item of set) frequencies.add(item.terms);
  return frequencies;
}

export class Linker {
  private readonly copies: CopyIndex;
  private readonly stories: StoryClusterer;
  private readonly storyOf = new Map<string, string>();
  /** Copy → the article it copies: a copy is in its original's story, wherever that goes. */
  private readonly originalOf = new Map<string, string>();

  /** `frequencies`: term counts of the collection when known up front (see `StoryClusterer`). */
  constructor(options: LinkOptions = {}, frequencies?: DocumentFrequencies) {
    this.copies = new CopyIndex(options.copies);
    this.stories = new StoryClusterer(options.stories, frequencies);
  }

  /**
   * Puts articles linked earlier back in place (their stories and lineages as stored) without
   * comparing them, so that the articles linked next are compared with them. `storySizes`: see
   * `linkIncrementally`.
   */
  seed(items: readonly LinkedItem[], storySizes?: ReadonlyMap<string, number>): void {
    const seeded = new Map<string, number>();
    for (const item of items) {
      if (item.duplicate_of === null || item.duplicate_of === item.id) seeded.set(item.story, (seeded.get(item.story) ?? 0) + 1);
    }
    for (const item of byPublication(items)) {
      this.copies.seed(item.id, item.fingerprint, item.duplicate_of);
      this.storyOf.set(item.id, item.story);
      if (item.duplicate_of !== null && item.duplicate_of !== item.id) {
        // A copy follows its original's story; one whose original is out of reach stays where it is.
        if (this.storyOf.has(item.duplicate_of)) this.originalOf.set(item.id, item.duplicate_of);
      } else this.stories.seed(item, item.story);
    }
    for (const [story, size] of storySizes ?? []) this.stories.addUnseen(story, Math.max(0, size - (seeded.get(story) ?? 0)));
  }

  /** Links a batch; returns one entry per record, in the batch's linking order (oldest first). */
  link(records: readonly LinkRecord[]): ArticleLinks[] {
    return this.linkItems(records.map(linkItemOf));
  }

  linkItems(items: readonly LinkItem[]): ArticleLinks[] {
    const links = byPublication(items).map((item) => this.linkOne(item));
    // A story can have merged into another after some of the batch joined it.
    return links.map((link) => ({ ...link, story: this.stories.resolve(link.story) }));
  }

  /** The story an article is in now (stories merge as evidence arrives, and split in `splitMixedStories`). */
  storyOfArticle(id: string): string | null {
    const original = this.originalOf.get(id);
    if (original !== undefined) return this.storyOfArticle(original);
    const story = this.storyOf.get(id);
    return story === undefined ? null : this.stories.storyOfArticle(id) ?? this.stories.resolve(story);
  }

  /** Whether the article is compared with others (a copy that follows its original is not). */
  clustered(id: string): boolean {
    return this.stories.storyOfArticle(id) !== null;
  }

  /** See `StoryClusterer.splitMixedStories`; for batch linking, once every article is in (`only`: these stories). */
  splitMixedStories(only?: ReadonlySet<string>): string[] {
    return this.stories.splitMixedStories(only);
  }

  private linkOne(item: LinkItem): ArticleLinks {
    const copy = this.copies.add(item.id, item.fingerprint);
    const originalStory = copy.duplicateOf === null ? undefined : this.storyOf.get(copy.duplicateOf);
    const story =
      originalStory !== undefined
        ? this.stories.resolve(originalStory)
        : this.stories.add(item).story;
    this.storyOf.set(item.id, story);
    // An id linked twice (the same article fed again) is its own original: not a copy to follow.
    if (originalStory !== undefined && copy.duplicateOf !== item.id) this.originalOf.set(item.id, copy.duplicateOf!);
    return { id: item.id, story, duplicate_of: copy.duplicateOf, copy, clustered: originalStory === undefined };
  }
}

/** Oldest first, then by id: the order in which a set is linked, whatever order it came in. */
function byPublication<T extends LinkItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
