/**
 * Linking across articles, in the order the pipeline needs it: a copy is recognised first and
 * joins its original's story (a repost is not new evidence of anything); every other article is
 * clustered into a story. `Linker` keeps the state of both between batches; a batch is linked in
 * publication-date order (then id), so it gives the same result whatever order it was read in.
 */
import type { AnalysisRecord } from '../document.js';
import { CopyIndex, fingerprint, type CopyMatch, type CopyOptions } from './copies.js';
import { StoryClusterer, type StoryOptions } from './stories.js';
import { articleTerms } from './terms.js';

export { CopyIndex, fingerprint } from './copies.js';
export { StoryClusterer, clusterStories } from './stories.js';
export { articleTerms } from './terms.js';

export interface ArticleLinks {
  id: string;
  story: string;
  duplicate_of: string | null;
  copy: CopyMatch;
}

export type LinkRecord = Pick<AnalysisRecord, 'id' | 'published' | 'title' | 'body' | 'entities'>;

export class Linker {
  private readonly copies: CopyIndex;
  private readonly stories: StoryClusterer;
  private readonly storyOf = new Map<string, string>();

  constructor(options: { copies?: Partial<CopyOptions>; stories?: Partial<StoryOptions> } = {}) {
    this.copies = new CopyIndex(options.copies);
    this.stories = new StoryClusterer(options.stories);
  }

  /** Links a batch; returns one entry per record, in the batch's linking order (oldest first). */
  link(records: readonly LinkRecord[]): ArticleLinks[] {
    const ordered = [...records].sort(
      (a, b) => (a.published?.value ?? '').localeCompare(b.published?.value ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const links = ordered.map((record) => this.linkOne(record));
    // A story can have merged into another after some of the batch joined it.
    return links.map((link) => ({ ...link, story: this.stories.resolve(link.story) }));
  }

  /** The story an article is in now (stories merge as evidence arrives). */
  storyOfArticle(id: string): string | null {
    const story = this.storyOf.get(id);
    return story === undefined ? null : this.stories.resolve(story);
  }

  private linkOne(record: LinkRecord): ArticleLinks {
    const copy = this.copies.add(record.id, fingerprint(record.body));
    const originalStory = copy.duplicateOf === null ? undefined : this.storyOf.get(copy.duplicateOf);
    const story =
      originalStory !== undefined
        ? this.stories.resolve(originalStory)
        : this.stories.add({ id: record.id, published: record.published?.value ?? null, terms: articleTerms(record) }).story;
    this.storyOf.set(record.id, story);
    return { id: record.id, story, duplicate_of: copy.duplicateOf, copy };
  }
}
