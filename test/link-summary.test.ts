import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/annotate/sentences.js';
import type { CanonicalEvent } from '../src/link/events.js';
import { storyTimeline, storyTitle, summarizeStory, type StoryArticleText } from '../src/link/summary.js';

// Fictional articles.
function article(id: string, published: string, title: string, body: string, duplicateOf: string | null = null): StoryArticleText {
  return { id, published: { value: published, origin: 'input' }, title, body, sentences: splitSentences(body).sentences, duplicate_of: duplicateOf };
}

const ARTICLES = [
  article('a', '2031-05-10', 'Ferry aground off Port Avel',
    'The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard. Coastguard boats took the passengers ashore within three hours. The weather in the islands was mild for the season and tourists crowded the beaches.'),
  article('b', '2031-05-11', 'Marisol passengers ashore',
    'All 140 passengers of the ferry Marisol were brought ashore by coastguard boats after it ran aground off Port Avel. The harbour pilot was not on board the ferry Marisol, its captain said.'),
  article('c', '2031-05-11', 'Copy', 'The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard. Coastguard boats took the passengers ashore within three hours.', 'a'),
];

describe('summarizeStory', () => {
  const summary = summarizeStory(ARTICLES, 2);

  it('picks central, non-redundant sentences that are exactly the articles’ words', () => {
    expect(summary).toHaveLength(2);
    for (const s of summary) {
      const source = ARTICLES.find((a) => a.id === s.article)!;
      expect(source.body.slice(s.start, s.end)).toBe(s.text);
      expect(source.duplicate_of).toBeNull();
    }
    expect(summary.some((s) => s.text.includes('ran aground'))).toBe(true);
    expect(summary.every((s) => !s.text.includes('tourists'))).toBe(true);
  });

  it('is in time order', () => {
    const dates = summary.map((s) => ARTICLES.find((a) => a.id === s.article)!.published!.value);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('storyTitle and storyTimeline', () => {
  it('titles a story by its earliest original article', () => {
    expect(storyTitle(ARTICLES)).toBe('Ferry aground off Port Avel');
  });

  it('orders events by date, undated last', () => {
    const event = (id: string, value: string | null): CanonicalEvent => ({
      id, story: 's', type: 'Battles', subtype: 'Armed clash', date: value ? { value, precision: 1 } : null, location: null, actors: [],
      killed: { min: null, max: null, conservative: null, latest: null, reports: [] }, injured: { min: null, max: null, conservative: null, latest: null, reports: [] },
      articles: [], sources: ['Valley Press'], independent_sources: 1, mentions: [], conflicts: [], modality: 'asserted',
    });
    expect(storyTimeline([event('x', null), event('y', '2031-05-12'), event('z', '2031-05-10')]).map((t) => t.event)).toEqual(['z', 'y', 'x']);
  });
});
