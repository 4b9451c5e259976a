import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisRecord, Entity } from '../src/document.js';
import { articleTerms, DocumentFrequencies } from '../src/link/terms.js';
import { clusterStories, lookupTerms, queryTerms, StoryClusterer, storyVector, topCandidates, type StoryArticle } from '../src/link/stories.js';

// Fictional reports of fictional events.
type Report = Pick<AnalysisRecord, 'title' | 'body' | 'entities'>;

function person(body: string, name: string): Entity[] {
  const out: Entity[] = [];
  for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
    out.push({ start: at, end: at + name.length, text: name, type: 'PER', subtype: null, key: `per:${name.toLowerCase().replace(/\s+/g, '-')}`, name });
  }
  return out;
}

function report(title: string, body: string, names: string[] = []): Report {
  return { title, body, entities: names.flatMap((n) => person(body, n)) };
}

const FERRY = [
  report('Ferry runs aground off Port Avel', 'The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard. Captain Ilse Varga said the harbour pilot was not on board. Coastguard boats took the passengers ashore.', ['Ilse Varga']),
  report('Marisol passengers brought ashore after grounding', 'Coastguard boats brought 140 passengers of the ferry Marisol ashore after it ran aground near Port Avel. Captain Ilse Varga blamed the missing harbour pilot.', ['Ilse Varga']),
  report('Port Avel ferry grounding: inquiry opens', 'An inquiry opened into the grounding of the ferry Marisol off Port Avel. Captain Ilse Varga will testify about the harbour pilot.', ['Ilse Varga']),
];
const ORCHARD = [
  report('Frost destroys apple blossom in Eastmarch orchards', 'Late frost destroyed most of the apple blossom in the Eastmarch orchards, growers said. Farmer Tomas Reyl expects the harvest to halve.', ['Tomas Reyl']),
  report('Eastmarch apple growers count frost losses', 'Apple growers in Eastmarch counted their losses after the late frost. Tomas Reyl said the blossom on his orchards was gone.', ['Tomas Reyl']),
];

function articles(reports: Report[], prefix: string, day = 10): StoryArticle[] {
  return reports.map((r, i) => ({ id: `${prefix}${i}`, published: `2031-05-${String(day + i).padStart(2, '0')}`, terms: articleTerms(r) }));
}

describe('clusterStories', () => {
  it('puts reports of the same event together and different events apart', () => {
    const stories = clusterStories([...articles(FERRY, 'ferry'), ...articles(ORCHARD, 'orchard')]);
    const ferry = new Set(['ferry0', 'ferry1', 'ferry2'].map((id) => stories.get(id)));
    const orchard = new Set(['orchard0', 'orchard1'].map((id) => stories.get(id)));
    expect(ferry.size).toBe(1);
    expect(orchard.size).toBe(1);
    expect([...ferry][0]).not.toBe([...orchard][0]);
  });

  it('keeps articles further apart in time than the window in different stories', () => {
    const early = articles(FERRY.slice(0, 1), 'early', 1);
    const late = [{ ...articles(FERRY.slice(1, 2), 'late', 1)[0]!, published: '2032-01-01' }];
    const stories = clusterStories([...early, ...late], { windowDays: 30 });
    expect(stories.get('early0')).not.toBe(stories.get('late0'));
  });

  it('does not depend on the order of the batch', () => {
    const batch = [...articles(FERRY, 'ferry'), ...articles(ORCHARD, 'orchard')];
    const partition = (m: Map<string, string>): string[] =>
      [...new Set(m.values())].map((s) => [...m].filter(([, t]) => t === s).map(([a]) => a).sort().join(',')).sort();
    const expected = partition(clusterStories(batch));
    fc.assert(
      fc.property(fc.shuffledSubarray(batch, { minLength: batch.length, maxLength: batch.length }), (shuffled) => {
        expect(partition(clusterStories(shuffled))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe('StoryClusterer', () => {
  it('starts a story with the first article and reports the similarity of those that join', () => {
    const clusterer = new StoryClusterer();
    const [first, second] = articles(FERRY, 'f');
    expect(clusterer.add(first!)).toEqual({ article: 'f0', story: 'f0', similarity: null, merged: [] });
    const joined = clusterer.add(second!);
    expect(joined.story).toBe('f0');
    expect(joined.similarity).toBeGreaterThan(0);
  });

  it('merges two stories when a later article is close to both', () => {
    const clusterer = new StoryClusterer({ threshold: 0.2, mergeThreshold: 0.2 });
    const a = { id: 'a', published: '2031-05-01', terms: new Map([['pier', 1], ['westmarch', 1]]) };
    const b = { id: 'b', published: '2031-05-01', terms: new Map([['storm', 1], ['lighthouse', 1]]) };
    const bridge = { id: 'c', published: '2031-05-02', terms: new Map([['pier', 1], ['westmarch', 1], ['storm', 1], ['lighthouse', 1]]) };
    clusterer.add(a);
    clusterer.add(b);
    const result = clusterer.add(bridge);
    expect(result.merged).toHaveLength(1);
    expect(clusterer.resolve('a')).toBe(clusterer.resolve('b'));
    expect(clusterer.allStories()).toHaveLength(1);
  });
});

describe('word and key shares of the similarity', () => {
  // Each article: a few words and a few entity keys, all of weight 1 before idf.
  const article = (id: string, words: string[], keys: string[]): StoryArticle => ({
    id,
    published: '2031-06-01',
    terms: new Map([...words.map((w) => [w, 1] as [string, number]), ...keys.map((k) => [`key:${k}`, 1] as [string, number])]),
  });

  it.each([
    // [word share, expected similarity]: the pair shares all its words and none of its keys.
    [0.5, 0.5],
    [0.7, 0.7],
    [0.3, 0.3],
  ])('with word share %s, sharing every word and no key scores %s', (wordShare, expected) => {
    const clusterer = new StoryClusterer({ wordShare, threshold: 0.01 });
    clusterer.add(article('a', ['quarry', 'collapse'], ['hollin-ridge', 'mara-dost']));
    const joined = clusterer.add(article('b', ['quarry', 'collapse'], ['tevel-moor', 'jon-ashe']));
    expect(joined.similarity).toBeCloseTo(expected, 6);
  });

  it('lets a short report sharing the one name of a long one count that name at the keys\' share', () => {
    const clusterer = new StoryClusterer({ wordShare: 0.5, threshold: 0.01 });
    const words = ['quarry', 'collapse', 'rescue', 'miners', 'shaft', 'rubble', 'trapped', 'night'];
    clusterer.add(article('long', words, ['hollin-ridge']));
    const joined = clusterer.add(article('short', ['landslide'], ['hollin-ridge']));
    expect(joined.similarity).toBeCloseTo(0.5, 6);
  });
});

describe('splitting a story that glues two events of one kind', () => {
  // Fictional: two warehouse fires in two towns, each report with the vocabulary of the kind, its
  // own event's town, owner and street, and one word of its own.
  const KIND = ['warehouse', 'fire', 'blaze', 'firefighters', 'smoke'];
  const fire = (prefix: string, town: string, owner: string, street: string, fillers: string[]): StoryArticle[] =>
    fillers.map((filler, i) => ({
      id: `${prefix}${i}`,
      published: null,
      terms: new Map<string, number>([
        ...KIND.map((w) => [w, 1] as [string, number]),
        [town, 1],
        [street, 1],
        [`key:${town}`, 2],
        [`key:${owner}`, 3],
        [`key:${street}`, 2],
        [filler, 1],
      ]),
    }));
  const DUNMERE = fire('dunmere', 'dunmere', 'odo-fennick', 'tallow-lane', ['roof', 'pallets', 'night', 'ladder', 'hydrant']);
  const CARROW = fire('carrow', 'carrow-bay', 'lisl-amaro', 'quay-row', ['sparks', 'forklift', 'dawn', 'alarm', 'tanker']);
  // Low thresholds: the words of the kind alone join every report online, as one bridging report can.
  const glue = { threshold: 0.01, undatedThreshold: 0.01, mergeThreshold: 0.01 };
  const storiesOf = (m: Map<string, string>, prefix: string): Set<string> => new Set([...m].filter(([a]) => a.startsWith(prefix)).map(([, s]) => s));

  it('keeps the two events apart once the batch is clustered', () => {
    const glued = clusterStories([...DUNMERE, ...CARROW], { ...glue, splitFrom: Infinity });
    expect(new Set(glued.values()).size).toBe(1);
    const split = clusterStories([...DUNMERE, ...CARROW], glue);
    const dunmere = storiesOf(split, 'dunmere');
    const carrow = storiesOf(split, 'carrow');
    expect(dunmere.size).toBe(1);
    expect(carrow.size).toBe(1);
    expect([...dunmere][0]).not.toBe([...carrow][0]);
  });

  it('does not split reports of one event that each add a detail of their own', () => {
    const one = fire('dunmere', 'dunmere', 'odo-fennick', 'tallow-lane', ['roof', 'pallets', 'night', 'ladder', 'hydrant', 'sparks', 'forklift', 'dawn', 'alarm', 'tanker']);
    expect(new Set(clusterStories(one, glue).values()).size).toBe(1);
  });

  it('leaves a story alone when one of the groups is smaller than splitPartMin', () => {
    const stories = clusterStories([...DUNMERE, ...CARROW.slice(0, 3)], { ...glue, splitPartMin: 4 });
    expect(new Set(stories.values()).size).toBe(1);
  });

  it('gives the part that leaves the id of its earliest article and keeps the story id for the rest', () => {
    const clusterer = new StoryClusterer(glue);
    for (const article of [...DUNMERE, ...CARROW]) clusterer.add(article);
    expect(clusterer.splitMixedStories()).toEqual(['carrow0']);
    expect(clusterer.storyOfArticle('dunmere4')).toBe('dunmere0');
    expect(clusterer.storyOfArticle('carrow4')).toBe('carrow0');
    expect(clusterer.allStories().map((s) => [s.id, s.articles.length])).toEqual([['dunmere0', 5], ['carrow0', 5]]);
  });
});

describe('lookup terms', () => {
  it('looks up candidates only through terms rare enough to tell stories apart, while indexing under all query terms', () => {
    // 200 fictional articles; "ferry" is in 120 of them, "ostrel" in 3.
    const counts: Array<[string, number]> = [['ferry', 120], ['ostrel', 3], ['key:mara-lind', 2]];
    const frequencies = DocumentFrequencies.of(200, counts);
    const vector = storyVector(new Map([['ferry', 2], ['ostrel', 1], ['key:mara-lind', 3]]), frequencies);
    expect(new Set(queryTerms(vector))).toEqual(new Set(['ferry', 'ostrel', 'key:mara-lind']));
    expect(new Set(lookupTerms(vector, frequencies))).toEqual(new Set(['ostrel', 'key:mara-lind']));
    // In a small collection every term is under the floor: nothing is left without candidates.
    const small = DocumentFrequencies.of(20, [['ferry', 12], ['ostrel', 3]]);
    expect(new Set(lookupTerms(storyVector(new Map([['ferry', 2], ['ostrel', 1]]), small), small))).toEqual(new Set(['ferry', 'ostrel']));
  });
});

describe('candidates compared in full', () => {
  it('keeps the ids with the largest partial dot products, ties by id', () => {
    const partial = new Map([['c', 0.2], ['a', 0.5], ['b', 0.2], ['d', 0.1]]);
    expect(topCandidates(partial, 3)).toEqual(['a', 'b', 'c']);
    expect(new Set(topCandidates(partial, 10))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('still finds the closest report when only one candidate is compared', () => {
    const wire = report('Dam breach floods Ostrel', 'The Ostrel dam breached on Monday and flooded the lower town, the mayor Mara Lind said.', ['Mara Lind']);
    const other = report('Ferry strike in Halden', 'Ferry crews in Halden struck over pay on Monday and cut off the lower town, the union said.');
    const follow = report('Ostrel flood: dam breach toll rises', 'After the Ostrel dam breach the lower town was still flooded, Mara Lind said.', ['Mara Lind']);
    const articles: StoryArticle[] = [wire, other, follow].map((r, i) => ({ id: `r${i}`, published: '2031-04-0' + (i + 1), terms: articleTerms(r) }));
    const stories = clusterStories(articles, { candidates: 1 });
    expect(stories.get('r2')).toBe(stories.get('r0'));
    expect(stories.get('r1')).not.toBe(stories.get('r0'));
  });
});
