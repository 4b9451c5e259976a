import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containment, CopyIndex, fingerprint, resemblance } from '../src/link/copies.js';

// A fictional wire story, its copies and an unrelated story on the same subject.
const PARAGRAPHS = [
  'PORT AVEL (Harbour Wire) - The ferry Marisol ran aground off Port Avel on Tuesday with 140 passengers aboard, the coastguard said.',
  'Captain Ilse Varga told reporters that the harbour pilot had not been on board when the ship left the quay in heavy fog.',
  'Coastguard boats took all the passengers ashore within three hours. Two crew members were treated for minor injuries.',
  'The ferry company said it would cooperate fully with the inquiry, which opens next week in the regional capital.',
  'Divers inspected the hull on Wednesday and found a long gash below the waterline, according to the port authority.',
  'Ferry services between Port Avel and the islands were suspended until further notice, leaving hundreds of travellers stranded.',
];
const ORIGINAL = PARAGRAPHS.join('\n\n');
const OTHER = [
  'The ferry Sundew collided with a fishing boat off Westmarch on Friday, the harbour master said, and nobody was hurt.',
  'Its captain said visibility was good and blamed the fishing boat, which had no lights, for the collision near the breakwater.',
  'Inspectors will examine both vessels next week; services from Westmarch run as normal, the operator announced.',
].join('\n\n');

describe('fingerprints', () => {
  it('estimates resemblance and containment', () => {
    const a = fingerprint(ORIGINAL);
    expect(resemblance(a, fingerprint(ORIGINAL))).toBe(1);
    expect(resemblance(a, fingerprint(OTHER))).toBeLessThan(0.2);
    const trimmed = fingerprint(PARAGRAPHS.slice(0, 4).join('\n\n'));
    expect(containment(a, trimmed)).toBeGreaterThan(0.8);
  });
});

describe('CopyIndex', () => {
  it('finds exact copies whatever the case, punctuation and spacing', () => {
    const index = new CopyIndex();
    expect(index.add('a', fingerprint(ORIGINAL)).duplicateOf).toBeNull();
    const copy = index.add('b', fingerprint(ORIGINAL.toUpperCase().replace(/\n\n/g, '\n').replace(/,/g, ' ')));
    expect(copy).toMatchObject({ duplicateOf: 'a', matched: 'a', kind: 'exact' });
  });

  it('finds a repost wrapped in page furniture and a wire copy trimmed at the end, under a new headline', () => {
    const index = new CopyIndex();
    index.add('wire', fingerprint(ORIGINAL));
    const wrapped = `Skip to content\n\nHome News Sport Weather\n\n${ORIGINAL}\n\nShare this article\n\nMore from Coast Daily\n\nCookie settings`;
    expect(index.add('repost', fingerprint(wrapped))).toMatchObject({ duplicateOf: 'wire', kind: 'near' });
    const trimmed = `Stranded: ferry aground in fog\n\n${PARAGRAPHS.slice(0, 4).join('\n\n')}`;
    expect(index.add('trimmed', fingerprint(trimmed))).toMatchObject({ duplicateOf: 'wire', kind: 'near' });
    expect(index.add('other', fingerprint(OTHER)).duplicateOf).toBeNull();
  });

  it('points every copy of a copy to the original', () => {
    const index = new CopyIndex();
    index.add('original', fingerprint(ORIGINAL));
    index.add('copy', fingerprint(`${ORIGINAL}\n\nRead more on our site.`));
    expect(index.add('copy-of-copy', fingerprint(`${ORIGINAL}\n\nRead more on our site.\n\nFollow us.`)).duplicateOf).toBe('original');
  });

  it('never calls a short text a near copy', () => {
    const index = new CopyIndex();
    index.add('a', fingerprint('Ferry aground off Port Avel, coastguard says passengers safe.'));
    expect(index.add('b', fingerprint('Ferry aground off Port Avel, coastguard says passengers safe and well.')).duplicateOf).toBeNull();
  });

  it('fingerprints any text without throwing, and a text always matches itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const print = fingerprint(text);
        expect(print.minhash).toHaveLength(120);
        expect(resemblance(print, fingerprint(text))).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('copy candidates', () => {
  it('finds a repost among many reports that share a template paragraph, comparing only those sharing the most bands', () => {
    const index = new CopyIndex({ candidates: 2 });
    // Twenty fictional weather notes written from one template: each shares its closing paragraph with the others.
    const template = 'Forecasters at the Harbour Weather Office expect the unsettled pattern to continue into next week, with gusts along the coast.';
    const words = 'rain gauge station ridge valley north river field orchard mill bridge lane hill quarry marsh ford heath wood barn tower'.split(' ');
    for (let i = 0; i < 20; i++) {
      const own = Array.from({ length: 45 }, (_, k) => words[(i * 7 + k * (i + 3)) % words.length]).join(' ');
      const note = `${own}.\n\n${template}`;
      expect(index.add(`note${i}`, fingerprint(note)).duplicateOf).toBeNull();
    }
    // The wire ends with the template paragraph too: the repost shares bands with every note.
    const wire = `${ORIGINAL}\n\n${template}`;
    expect(index.add('wire', fingerprint(wire)).duplicateOf).toBeNull();
    const repost = index.add('repost', fingerprint(`${wire}\n\nShare this story`));
    expect(repost).toMatchObject({ duplicateOf: 'wire', matched: 'wire', kind: 'near' });
  });
});
