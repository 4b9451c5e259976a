import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, EntityType } from '../src/document.js';
import { annotateEntities, findEntities, modelLoadCount, slug, tagDocument, tagTokens } from '../src/annotate/ner/index.js';
import { spansFromIob1 } from '../src/annotate/ner/conll.js';
import { bioFromSpans, labelsFromSpans, spansFromLabels } from '../src/annotate/ner/labels.js';
import { mergeOrganisationNames } from '../src/annotate/ner/merge.js';
import { splitSentences } from '../src/annotate/sentences.js';
import { readSeed, seedsPresent } from './support/seeds.js';

const entitiesOf = (body: string): string[] => {
  const { sentences, tokens } = splitSentences(body);
  return findEntities(body, sentences, tokens).map((e) => `${e.type} ${e.text}`);
};

describe('findEntities on fictional news text', () => {
  it('finds people, places, organisations and the reporting agency', () => {
    const body = 'President Amara Olen of Karvonia met NATO officials in Brussels on Monday, Reuters reported.';
    expect(entitiesOf(body)).toEqual(['PER Amara Olen', 'LOC Karvonia', 'ORG NATO', 'LOC Brussels', 'ORG Reuters']);
  });

  it('keeps a multi-word company name whole and tags places', () => {
    const body = 'Speaking in Dravik, the mayor said the Lumen Freight Corp would open a plant near the Osla river.';
    expect(entitiesOf(body)).toEqual(expect.arrayContaining(['LOC Dravik', 'ORG Lumen Freight Corp']));
  });

  it('keeps "<Head> of/for <Name>" organisations whole', () => {
    const body =
      'The Karvonian Ministry of Defence said the Velmoran Observatory for Civil Rights had counted the dead, and the International Council for Harbour Safety agreed.';
    expect(entitiesOf(body)).toEqual(
      expect.arrayContaining([
        'ORG Karvonian Ministry of Defence',
        'ORG Velmoran Observatory for Civil Rights',
        'ORG International Council for Harbour Safety',
      ]),
    );
  });

  it('spans, keys and names follow the contract', () => {
    const body = 'Talks in Velmora ended.\n\nGeneral Tomas Vellin resigned on Friday, AFP reported.';
    const { sentences, tokens } = splitSentences(body);
    const entities = findEntities(body, sentences, tokens);
    expect(entities.length).toBeGreaterThan(0);
    for (const e of entities) {
      expect(body.slice(e.start, e.end)).toBe(e.text);
      expect(e.name).toBe(e.text);
      expect(e.key).toBe(`${e.type.toLowerCase()}:${slug(e.text)}`);
    }
    expect(entities.find((e) => e.text === 'Tomas Vellin')?.type).toBe('PER');
  });

  it('works without token and sentence layers (fallback tokeniser)', () => {
    const body = 'President Amara Olen of Karvonia met NATO officials in Brussels on Monday, Reuters reported.';
    const found = findEntities(body, [], []).map((e) => `${e.type} ${e.text}`);
    expect(found).toEqual(expect.arrayContaining(['PER Amara Olen', 'ORG NATO', 'LOC Brussels']));
    for (const e of findEntities(body, [], [])) expect(body.slice(e.start, e.end)).toBe(e.text);
  });

  it('annotateEntities fills the entities layer and leaves the body alone', () => {
    const body = 'The Karvonian army entered Dravik on Sunday.';
    const { sentences, tokens } = splitSentences(body);
    const doc = { body, sentences, tokens, entities: [] } as unknown as Document;
    const out = annotateEntities(doc);
    expect(out.body).toBe(body);
    expect(out.entities.map((e) => e.text)).toContain('Dravik');
  });

  it('slug makes simple keys', () => {
    expect(slug('Recep Tayyip Erdoğan')).toBe('recep-tayyip-erdogan');
    expect(slug("Turkey's Army")).toBe('turkeys-army');
  });
});

describe('tagTokens and tagDocument', () => {
  it('returns one valid IOB2 label per token', () => {
    const tokens = 'General Tomas Vellin flew to Osla with Karvonian Airways staff .'.split(' ');
    const labels = tagTokens(tokens);
    expect(labels).toHaveLength(tokens.length);
    labels.forEach((label, i) => {
      expect(label).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (label.startsWith('I-')) expect(labels[i - 1]?.slice(2)).toBe(label.slice(2));
    });
    expect(labels.slice(1, 3)).toEqual(['B-PER', 'I-PER']);
  });

  it('uses the document: a surname alone is a person after the full name', () => {
    const [, second] = tagDocument([
      'Defence Minister Halvard Oskeny arrived in Dravik .'.split(' '),
      'Oskeny said talks would resume .'.split(' '),
    ]);
    expect(second![0]).toBe('B-PER');
  });

  it('handles empty input', () => {
    expect(tagTokens([])).toEqual([]);
    expect(findEntities('', [], [])).toEqual([]);
  });

  it('never throws and keeps spans exact on random token sequences', () => {
    const word = fc.constantFrom('Karvonia', 'said', 'the', 'NATO', 'Olen', 'of', ',', '.', '"', 'U.S.', '1996', 'Dr.', 'x', '’s', 'Minister', 'É', '-');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(fc.constantFrom(' ', '  ', '\n', ' \n\n'), { maxLength: 40 }), (words, gaps) => {
        const labels = tagTokens(words);
        expect(labels).toHaveLength(words.length);
        const body = words.map((w, i) => w + (gaps[i] ?? ' ')).join('');
        const { sentences, tokens } = splitSentences(body);
        for (const layers of [[sentences, tokens], [[], []]] as const) {
          for (const e of findEntities(body, [...layers[0]], [...layers[1]])) {
            expect(body.slice(e.start, e.end)).toBe(e.text);
            expect(e.end).toBeGreaterThan(e.start);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('loads the model once', () => {
    tagTokens(['Olen']);
    findEntities('Olen met Vellin.', [], []);
    expect(modelLoadCount()).toBe(1);
  });
});

describe('mergeOrganisationNames', () => {
  const tokens = 'the Velmoran Ministry of Trade and Industry said'.split(' ');
  it('merges the entities inside a "<Head> of <Name>" name into one ORG', () => {
    const spans = [
      { start: 1, end: 3, type: 'ORG' as const },
      { start: 4, end: 5, type: 'ORG' as const },
      { start: 6, end: 7, type: 'ORG' as const },
    ];
    expect(mergeOrganisationNames(tokens, spans)).toEqual([{ start: 1, end: 7, type: 'ORG' }]);
  });
  it('leaves names alone when the tagger found nothing there, or an entity crosses the edge', () => {
    expect(mergeOrganisationNames(tokens, [])).toEqual([]);
    const crossing = [{ start: 0, end: 2, type: 'MISC' as const }];
    expect(mergeOrganisationNames(tokens, crossing)).toEqual(crossing);
  });
  it('leaves headlines in capitals alone', () => {
    const caps = 'MINISTRY OF DEFENCE DENIES REPORT'.split(' ');
    const spans = [{ start: 0, end: 1, type: 'ORG' as const }];
    expect(mergeOrganisationNames(caps, spans)).toEqual(spans);
  });
});

describe('label conversions', () => {
  it('reads IOB1: I- after O starts an entity, B- only splits adjacent entities of one type', () => {
    expect(spansFromIob1(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });

  it('BILOU labels round-trip through spans', () => {
    const types: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 })), { maxLength: 10 }), (pieces) => {
        let at = 0;
        const spans = pieces.flatMap(([t, length, gap]) => {
          at += gap;
          if (length === 0) return [];
          const span = { start: at, end: at + length, type: types[t]! };
          at += length;
          return [span];
        });
        expect(spansFromLabels(labelsFromSpans(spans, at), at)).toEqual(spans);
        expect(spansFromIob1(bioFromSpans(spans, at))).toEqual(spans);
      }),
    );
  });
});

describe.skipIf(!seedsPresent)('seed articles', () => {
  const expected: Array<[string, EntityType]> = [
    ['Erdogan', 'PER'], ['Macron', 'PER'], ['Putin', 'PER'],
    ['Turkey', 'LOC'], ['Syria', 'LOC'], ['Idlib', 'LOC'], ['Aleppo', 'LOC'], ['Damascus', 'LOC'],
    ['NATO', 'ORG'], ['Anadolu', 'ORG'],
  ];
  // describe.skipIf still runs this body to collect tests: read the seeds only when they exist.
  const entities = (seedsPresent ? ['000', '002'] : []).flatMap((prefix) => {
    const body = readSeed(prefix);
    const { sentences, tokens } = splitSentences(body);
    return findEntities(body, sentences, tokens);
  });

  it.each(expected)('%s is tagged %s', (name, type) => {
    const mentions = entities.filter((e) => e.text.split(/\s+/).includes(name));
    expect(mentions.length).toBeGreaterThan(0);
    for (const e of mentions) expect(e.type).toBe(type);
  });
});
