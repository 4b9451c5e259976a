import { describe, expect, it } from 'vitest';
import type { Attribution, NewsEvent } from '../src/document.js';
import { linkEvents, type LinkedArticle } from '../src/link/events.js';

// Fictional outlets, places and events.
const PORT_AVEL = { name: 'Port Avel', country: 'Northland', lat: 10.5, lon: 20.5, precision: 1 as const };
const EASTMARCH = { name: 'Eastmarch', country: 'Northland', lat: 12.5, lon: 22.5, precision: 1 as const };

function strike(sentence: string, over: Partial<NewsEvent> = {}): NewsEvent {
  return {
    type: 'Explosions/Remote violence', subtype: 'Air/drone strike',
    trigger: { start: 0, end: sentence.indexOf(' ') > 0 ? sentence.indexOf(' ') : sentence.length, text: sentence.split(' ')[0]! },
    sentence: { start: 0, end: sentence.length },
    actors: [{ role: 'agent', start: 0, end: 1, text: 'Southland jets', key: 'loc:southland' }],
    location: PORT_AVEL, date: { value: '2031-02-27', precision: 1 },
    killed: { min: null, max: null }, injured: { min: null, max: null }, attribution: null, modality: 'asserted', ...over,
  };
}

function article(id: string, outlet: string, published: string, body: string, event: NewsEvent, duplicateOf: string | null = null): LinkedArticle {
  return { id, source: { name: outlet, domain: null }, published: { value: published, origin: 'input' }, body, events: [event], claims: [], duplicate_of: duplicateOf };
}

const MINISTRY: Attribution = { text: 'the defence ministry', key: 'org:northland-defence-ministry', cue: 'said' };

describe('linkEvents', () => {
  const first = 'Airstrikes killed at least 33 guards and wounded up to 50 in Port Avel on Thursday.';
  const revised = 'Strikes on Port Avel killed 34 guards after a 34th guard later died, the defence ministry said.';
  const retaliation = 'Drones from Northland struck Southland positions near Eastmarch on Saturday.';
  const articles = [
    article('a', 'Valley Press', '2031-03-01', first, strike(first, { killed: { min: 33, max: null }, injured: { min: null, max: 50 } })),
    article('b', 'Coast Daily', '2031-03-01', first, strike(first, { killed: { min: 33, max: null }, injured: { min: null, max: 50 } }), 'a'),
    article('c', 'Harbour Wire', '2031-03-02', revised, strike(revised, { killed: { min: 34, max: 34 }, attribution: MINISTRY, modality: 'reported' })),
    article('d', 'Harbour Wire', '2031-03-02', retaliation, strike(retaliation, {
      actors: [{ role: 'agent', start: 0, end: 6, text: 'Drones from Northland', key: 'loc:northland' }], location: EASTMARCH, date: { value: '2031-03-01', precision: 1 },
    })),
  ];
  const events = linkEvents('s1', articles);

  it('keeps the strike and the retaliation two days later apart, and joins the reports of each', () => {
    expect(events).toHaveLength(2);
    expect(events[0]!.articles).toEqual(['a', 'b', 'c']);
    expect(events[1]!.articles).toEqual(['d']);
    expect(events[0]!.mentions).toHaveLength(3);
  });

  it('reconciles the figures and keeps every report', () => {
    const { killed, injured } = events[0]!;
    expect(killed).toMatchObject({ min: 33, max: 34, conservative: 33, latest: 34 });
    expect(killed.reports.map((r) => [r.article, r.hedge, r.copy])).toEqual([['a', 'at least', false], ['b', 'at least', true], ['c', 'exactly', false]]);
    expect(injured).toMatchObject({ min: 50, max: 50, latest: 50 });
    expect(injured.reports[0]).toMatchObject({ hedge: 'up to', max: 50 });
  });

  it('tells a revision from a disagreement', () => {
    expect(events[0]!.conflicts).toEqual([expect.objectContaining({ slot: 'killed', kind: 'revision' })]);
    const rival = 'Airstrikes killed 30 guards in Port Avel on Thursday, the Monitor said.';
    const disputed = linkEvents('s2', [articles[0]!, article('e', 'Monitor', '2031-03-01', rival, strike(rival, { killed: { min: 30, max: 30 } }))]);
    expect(disputed[0]!.conflicts).toEqual([expect.objectContaining({ slot: 'killed', kind: 'disagreement' })]);
    expect(disputed[0]!.killed).toMatchObject({ min: 30, max: 33, conservative: 30 });
  });

  it('counts independent sources: a copy once, outlets and attributed origins by who tells it', () => {
    expect(events[0]!.sources).toEqual(['Valley Press', 'Coast Daily', 'Harbour Wire']);
    expect(events[0]!.independent_sources).toBe(2);
    const relayed = linkEvents('s3', [
      article('x', 'Valley Press', '2031-03-01', revised, strike(revised, { attribution: MINISTRY })),
      article('y', 'Harbour Wire', '2031-03-01', revised, strike(revised, { attribution: { ...MINISTRY, text: 'Northland defence ministry' } })),
    ]);
    expect(relayed[0]!.independent_sources).toBe(1);
  });

  it('takes the finest date and place and the most certain modality', () => {
    expect(events[0]!.date).toEqual({ value: '2031-02-27', precision: 1 });
    expect(events[0]!.location?.name).toBe('Port Avel');
    expect(events[0]!.modality).toBe('asserted');
  });

  it('does not join reports whose precise dates or places disagree', () => {
    const far = linkEvents('s4', [
      articles[0]!,
      article('f', 'Monitor', '2031-03-01', first, strike(first, { location: { ...EASTMARCH, lat: 40, lon: 60 } })),
      article('g', 'Monitor', '2031-03-05', first, strike(first, { date: { value: '2031-03-04', precision: 1 } })),
    ]);
    expect(far).toHaveLength(3);
  });
});
