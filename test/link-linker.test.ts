import { describe, expect, it } from 'vitest';
import { Linker, type LinkRecord } from '../src/link/index.js';

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
