import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/annotate/sentences.js';
import type { NewsEvent } from '../src/document.js';
import { composeStory, type StoryMember } from '../src/link/story-record.js';

// Fictional articles of one fictional story.
function member(id: string, outlet: string, published: string, body: string, events: NewsEvent[], duplicateOf: string | null = null): StoryMember {
  return {
    id, url: null, source: { name: outlet, domain: null }, title: `${outlet} report`, published: { value: published, origin: 'input' }, lang: 'en', body,
    sentences: splitSentences(body).sentences, entities: [], quotes: [], events, claims: [], duplicate_of: duplicateOf,
  };
}

function clash(body: string, killed: number, attribution: NewsEvent['attribution'] = null): NewsEvent {
  return {
    type: 'Battles', subtype: 'Armed clash', trigger: { start: 0, end: 6, text: body.slice(0, 6) }, sentence: { start: 0, end: body.length }, actors: [],
    location: null, date: { value: '2031-04-02', precision: 1 }, killed: { min: killed, max: killed }, injured: { min: null, max: null }, attribution, modality: 'reported',
  };
}

describe('composeStory', () => {
  const body = 'Clashes near Ostrel killed 12 fighters on Wednesday, the monitor said. Residents fled the town overnight.';
  const other = 'Clashes near Ostrel killed 15 fighters on Wednesday. Residents of Ostrel fled overnight, officials said.';
  const monitor = { text: 'the monitor', key: 'org:monitor', cue: 'said' };
  const { story, events } = composeStory('s1', [
    member('b', 'Halden Courier', '2031-04-03', other, [clash(other, 15)]),
    member('a', 'Northgate Wire', '2031-04-02', body, [clash(body, 12, monitor)]),
    member('c', 'Copy Daily', '2031-04-03', body, [clash(body, 12, monitor)], 'a'),
  ]);

  it('counts articles, outlets and independent sources, copies once', () => {
    expect(story).toMatchObject({
      id: 's1', title: 'Northgate Wire report', articles: ['a', 'b', 'c'], first_seen: '2031-04-02', last_seen: '2031-04-03',
      outlets: ['Northgate Wire', 'Halden Courier', 'Copy Daily'], original_articles: 2, independent_sources: 2, event_types: ['Battles'],
    });
  });

  it('flags a story whose sources disagree and lists its canonical events and timeline', () => {
    expect(events).toHaveLength(1);
    expect(story.events).toEqual([events[0]!.id]);
    expect(story.conflicting).toBe(true);
    expect(story.timeline).toEqual([expect.objectContaining({ event: events[0]!.id, date: '2031-04-02', precision: 1 })]);
    expect(story.summary.length).toBeGreaterThan(0);
  });
});
