import { describe, expect, it } from 'vitest';
import { fingerprint, linkAll, linkIncrementally, Linker, type LinkedItem, type LinkItem, type LinkRecord } from '../src/link/index.js';

// Fictional reports.
const WIRE = [
  'PORT AVEL (Harbour Wire) - The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard, the coastguard said.',
  'Captain Ilse Varga told reporters that the harbour pilot had not been on board when the ship left the quay in heavy fog.',
  'Coastguard boats took all the passengers ashore within three hours. Two crew members were treated for minor injuries.',
  'The ferry company said it would cooperate fully with the inquiry, which opens next week in the regional capital.',
].join('\n\n');

function record(id: string, published: string, title: string, body: string): LinkRecord {
  return { id, published: { value: published, origin: 'input' }, title, body, entities: [] };
}

const BATCH = [
  record('wire', '2031-05-10', 'Ferry aground off Port Avel', WIRE),
  record('repost', '2031-05-11', 'Stranded in the fog', `Home | News\n\n${WIRE}\n\nShare this story`),
  record('follow-up', '2031-05-12', 'Marisol inquiry: captain Ilse Varga to testify on ferry grounding', 'Captain Ilse Varga will testify next week about the grounding of the ferry Marisol off Port Avel, where coastguard boats rescued 140 passengers in fog.'),
  record('orchard', '2031-05-12', 'Frost destroys Eastmarch apple blossom', 'Late frost destroyed most of the apple blossom in the Eastmarch orchards, growers said on Monday, and the harvest may halve.'),
];

describe('Linker', () => {
  it('marks copies with their original, puts them in its story and clusters the rest', () => {
    const links = new Map(new Linker().link(BATCH).map((l) => [l.id, l]));
    expect(links.get('repost')).toMatchObject({ duplicate_of: 'wire', story: links.get('wire')!.story });
    expect(links.get('wire')?.duplicate_of).toBeNull();
    expect(links.get('follow-up')?.story).toBe(links.get('wire')!.story);
    expect(links.get('orchard')?.story).not.toBe(links.get('wire')!.story);
  });

  it('gives the same links whatever the order of the batch', () => {
    const forward = new Linker().link(BATCH);
    const backward = new Linker().link([...BATCH].reverse());
    expect(backward).toEqual(forward);
  });

  it('keeps its state between batches', () => {
    const linker = new Linker();
    linker.link(BATCH.slice(0, 1));
    const [repost] = linker.link(BATCH.slice(1, 2));
    expect(repost).toMatchObject({ duplicate_of: 'wire', story: linker.storyOfArticle('wire') });
  });
});

describe('linkAll', () => {
  // Fictional: two bridge closures in two towns, glued online by the words of the kind (low
  // thresholds), split apart once the batch is in; a repost follows its original.
  const closure = (id: string, day: number, town: string, engineer: string, detail: string): LinkItem => ({
    id,
    published: `2031-07-${String(day).padStart(2, '0')}`,
    fingerprint: fingerprint(`${id} ${town} ${engineer} ${detail} bridge closed cracks inspection traffic diverted`),
    terms: new Map<string, number>([
      ['bridge', 1], ['closed', 1], ['crack', 1], ['inspection', 1], ['traffic', 1],
      [town, 1], [`key:${town}`, 2], [`key:${engineer}`, 3], [detail, 1],
    ]),
  });
  const BRIDGES = [
    ...['girder', 'barrier', 'detour', 'ferry', 'survey'].map((d, i) => closure(`holm${i}`, 1 + i, 'holmfirth-vale', 'ada-kerrin', d)),
    ...['pylon', 'cable', 'buses', 'schools', 'repair'].map((d, i) => closure(`sorrel${i}`, 1 + i, 'sorrel-cross', 'bram-otley', d)),
  ];
  const glue = { stories: { threshold: 0.01, undatedThreshold: 0.01, mergeThreshold: 0.01 } };

  it('splits a story of two events and keeps a repost in its original\'s part', () => {
    expect(new Set(linkAll(BRIDGES, { stories: { ...glue.stories, splitFrom: Infinity } }).map((l) => l.story)).size).toBe(1);
    const repost: LinkItem = { ...BRIDGES[6]!, id: 'sorrel-repost', published: '2031-07-09' };
    const links = new Map(linkAll([...BRIDGES, repost], glue).map((l) => [l.id, l]));
    expect(links.get('sorrel-repost')).toMatchObject({ duplicate_of: 'sorrel1', story: links.get('sorrel1')!.story });
    expect(new Set(['holm0', 'holm1', 'holm2', 'holm3', 'holm4'].map((id) => links.get(id)!.story)).size).toBe(1);
    expect(new Set(['sorrel0', 'sorrel1', 'sorrel2', 'sorrel3', 'sorrel4'].map((id) => links.get(id)!.story)).size).toBe(1);
    expect(links.get('holm0')!.story).not.toBe(links.get('sorrel0')!.story);
  });
});

describe('linkIncrementally', () => {
  // Fictional: two standing stories (a port strike, a dam repair) linked earlier, then new reports.
  const report = (id: string, day: number, words: readonly string[], body = `${id} ${words.join(' ')}`): LinkItem => ({
    id,
    published: `2031-09-${String(day).padStart(2, '0')}`,
    fingerprint: fingerprint(body),
    terms: new Map(words.map((w) => [w, w.startsWith('key:') ? 3 : 1])),
  });
  const STRIKE = ['strike', 'dockers', 'port', 'wages', 'key:quellmouth', 'key:dockers-union'];
  const DAM = ['dam', 'spillway', 'repair', 'reservoir', 'key:larrow-dam', 'key:water-board'];
  const earlier = [
    report('s1', 1, [...STRIKE, 'pickets']),
    report('s2', 2, [...STRIKE, 'talks']),
    report('d1', 1, [...DAM, 'cracks']),
    report('d2', 3, [...DAM, 'engineers']),
  ];
  const linked = (story: Record<string, string>): LinkedItem[] =>
    earlier.map((item) => ({ ...item, story: story[item.id]!, duplicate_of: null }));

  it('keeps what was linked, puts a new report into its story and a repost with its original', () => {
    const body = WIRE;
    const wire = { ...report('s1', 1, [...STRIKE, 'pickets'], body) };
    const stored = linked({ s1: 'strike-story', s2: 'strike-story', d1: 'dam-story', d2: 'dam-story' }).map((item) => (item.id === 's1' ? { ...item, fingerprint: wire.fingerprint } : item));
    const fresh = [report('s3', 4, [...STRIKE, 'ballot']), { ...report('copy', 4, STRIKE, `Home | News\n\n${body}\n\nShare this story`), id: 'copy' }];
    const links = new Map(linkIncrementally(stored, fresh).map((l) => [l.id, l]));
    expect([...links.keys()].sort()).toEqual(['copy', 'd1', 'd2', 's1', 's2', 's3']);
    expect(links.get('s1')!.story).toBe('strike-story');
    expect(links.get('d2')!.story).toBe('dam-story');
    expect(links.get('s3')!.story).toBe('strike-story');
    expect(links.get('copy')).toMatchObject({ duplicate_of: 's1', story: 'strike-story' });
  });

  it('starts a new story for an unrelated report, and merges two stories a report bridges', () => {
    const glue = { stories: { mergeThreshold: 0.05 } };
    const apart = linked({ s1: 'strike-a', s2: 'strike-b', d1: 'dam-story', d2: 'dam-story' });
    const links = new Map(
      linkIncrementally(apart, [report('s3', 3, [...STRIKE, 'pickets', 'talks']), report('orchard', 3, ['frost', 'blossom', 'orchards', 'key:eastmarch'])], glue).map((l) => [l.id, l]),
    );
    expect(links.get('s1')!.story).toBe(links.get('s2')!.story);
    expect(links.get('s3')!.story).toBe(links.get('s1')!.story);
    expect(links.get('orchard')!.story).toBe('orchard');
    expect(links.get('d1')!.story).toBe('dam-story');
  });

  it('relinks an article whose former story is named after it without taking that story\'s name from the others', () => {
    // s1 started "s1"; it comes back rewritten about the dam, while s2 stays in "s1".
    const stored = linked({ s1: 's1', s2: 's1', d1: 'd1', d2: 'd1' }).filter((item) => item.id !== 's1');
    const links = new Map(linkIncrementally(stored, [report('s1', 4, [...DAM, 'cracks'])]).map((l) => [l.id, l]));
    expect(links.get('s2')!.story).toBe('s1');
    expect(links.get('s1')!.story).toBe('d1');
  });
});
