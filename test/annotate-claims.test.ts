import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RejectedInput, type Document, type NewsEvent, type Quote } from '../src/document.js';
import { annotateClaims } from '../src/annotate/claims.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';

// Fictional text throughout: places, outlets and people are invented.
const NOW = new Date('2031-06-01T00:00:00Z');

function analysed(text: string, published = '2031-03-02'): Document {
  let doc = extractDocument('test', { text, published }, { now: NOW });
  for (const stage of STAGES) doc = stage(doc);
  return doc;
}

function span(doc: Document, text: string, from = 0): { start: number; end: number; text: string } {
  const start = doc.body.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" not in body`);
  return { start, end: start + text.length, text };
}

describe('figure claims', () => {
  it.each([
    ['At least 12 Northland guards were killed in the raid.', 'At least 12', 'Northland guards killed', { value: 12, min: 12, max: null }],
    ['The blast wounded up to 40 people near the port.', 'up to 40', 'people injured', { value: 40, min: null, max: 40 }],
    ['Rebels attacked the garrison, killing 9 soldiers.', '9', 'soldiers killed', { value: 9, min: null, max: null }],
    ['Around 4,000 displaced families reached the camp.', 'Around 4,000', 'displaced families', { value: 4000, min: null, max: null }],
    ['The death toll rose to 31 overnight.', '31', 'people killed', { value: 31, min: null, max: null }],
    ['The harbour deal is worth $3bn to the city.', '$3bn', 'deal worth', { value: 3e9, min: null, max: null }],
  ])('%s → %s counts %s', (text, figure, subject, range) => {
    const doc = annotateClaims(analysed(text));
    const claim = doc.claims.find((c) => c.text === figure);
    expect(claim).toMatchObject({ kind: 'figure', subject, ...range });
    expect(claim?.attribution).toBeNull();
    expect(claim?.asserted).toBe('2031-03-02');
  });

  it('attributes a figure to the quote that holds it, asserted when the cue says', () => {
    const base = analysed('Officials in Eastmarch said on Friday that 14 fishermen were missing.');
    const quote: Quote = {
      ...span(base, '14 fishermen were missing'),
      direct: false,
      cue: span(base, 'said'),
      speaker: { ...span(base, 'Officials in Eastmarch'), key: null },
    };
    const doc = annotateClaims({ ...base, quotes: [quote] });
    const figure = doc.claims.find((c) => c.kind === 'figure');
    expect(figure).toMatchObject({ text: '14', subject: 'fishermen', attribution: { text: 'Officials in Eastmarch', key: null, cue: 'said' } });
    expect(figure?.asserted).toBe('2031-02-28');
    const statement = doc.claims.find((c) => c.kind === 'statement');
    expect(statement).toMatchObject({ text: '14 fishermen were missing', subject: 'Officials in Eastmarch', value: null });
  });

  it('links a casualty figure to the event that reports it and takes its attribution', () => {
    const base = analysed('Shelling killed at least 7 civilians in Port Avel, the Harbour Monitor reported.');
    const event: NewsEvent = {
      type: 'Explosions/Remote violence', subtype: 'Shelling/artillery/missile attack', trigger: span(base, 'Shelling'),
      sentence: base.sentences[0]!, actors: [], location: null, date: null, killed: { min: 7, max: null },
      injured: { min: null, max: null }, attribution: { text: 'the Harbour Monitor', key: null, cue: 'reported' }, modality: 'reported',
    };
    const doc = annotateClaims({ ...base, events: [event] });
    expect(doc.claims.find((c) => c.text === 'at least 7')).toMatchObject({
      subject: 'civilians killed', event: 0, attribution: { text: 'the Harbour Monitor', cue: 'reported' },
    });
  });
});

describe('statement claims', () => {
  it('names the speaker by the canonical entity of its key', () => {
    const base = analysed('Mayor Ilse Varga spoke. "We will rebuild the bridge," Varga said.');
    const quote: Quote = {
      ...span(base, 'We will rebuild the bridge,'),
      direct: true,
      cue: span(base, 'said'),
      speaker: { ...span(base, 'Varga', base.body.indexOf('"')), key: 'per:ilse-varga' },
    };
    const entities = [{ ...span(base, 'Ilse Varga'), type: 'PER' as const, subtype: null, key: 'per:ilse-varga', name: 'Ilse Varga' }];
    const doc = annotateClaims({ ...base, entities, quotes: [quote] });
    expect(doc.claims).toEqual([
      expect.objectContaining({ kind: 'statement', subject: 'Ilse Varga', attribution: { text: 'Varga', key: 'per:ilse-varga', cue: 'said' } }),
    ]);
  });
});

describe('claims ledger properties', () => {
  it('every claim spans its text, lies in its sentence and is in body order', () => {
    const words = fc.constantFrom('12', 'dozens of', 'at least 40', 'soldiers', 'were', 'killed', 'said', 'the', 'ministry', '$5m', 'Port Avel', ',', '.');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 40 }), (parts) => {
        let doc: Document;
        try {
          doc = annotateClaims(analysed(parts.join(' ')));
        } catch (error) {
          // A text that is all web furniture ("12" alone) is rejected before any claim is made.
          if (error instanceof RejectedInput) return;
          throw error;
        }
        for (const claim of doc.claims) {
          expect(doc.body.slice(claim.start, claim.end)).toBe(claim.text);
          expect(claim.sentence.start).toBeLessThanOrEqual(claim.start);
          expect(claim.sentence.end).toBeGreaterThanOrEqual(claim.end);
        }
        const starts = doc.claims.map((c) => c.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });
});

describe('claims ledger work', () => {
  /** The layer with every read of one of its entries counted in `reads.count`. */
  function counted<T>(layer: T[], reads: { count: number }): T[] {
    return new Proxy(layer, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads.count += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  /** Reads of the times, quotes and events layers per figure, for a text of `repeats` copies of `passage`. */
  function readsPerFigure(passage: string, repeats: number): number {
    const doc = analysed(passage.repeat(repeats));
    const reads = { count: 0 };
    const ledger = annotateClaims({ ...doc, times: counted(doc.times, reads), quotes: counted(doc.quotes, reads), events: counted(doc.events, reads) });
    const figures = ledger.claims.filter((c) => c.kind === 'figure').length;
    expect(figures).toBeGreaterThanOrEqual(repeats);
    return reads.count / figures;
  }

  // Each figure looks at the times around it, the quote holding it, the quote cued in its sentence and
  // its sentence's events: the work per figure must not grow with the number of figures (a scan of
  // every time for every word after every figure made 190,000 characters of dates cost seconds).
  it.each([
    ['sentences', 'On Thursday, officials in Port Avel said 12 boats sank and 30 people were killed in the raid. '],
    ['one long sentence', 'early Sunday 1 March 12 boats sank and 30 people were killed, officials said '],
  ])('reads the other layers a bounded number of times per figure (%s)', (_, passage) => {
    const few = readsPerFigure(passage, 40);
    const many = readsPerFigure(passage, 320);
    expect(many).toBeLessThan(few * 1.5 + 5);
  });
});
