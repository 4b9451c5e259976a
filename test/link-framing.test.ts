import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../src/document.js';
import type { CanonicalEvent } from '../src/link/events.js';
import { frameStory, type FramingArticle } from '../src/link/framing.js';

// Fictional outlets, countries and armed group.
function entity(body: string, text: string, type: Entity['type'], key: string, name: string, subtype: string | null = null): Entity[] {
  const out: Entity[] = [];
  for (let at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) out.push({ start: at, end: at + text.length, text, type, subtype, key, name });
  return out;
}

function article(id: string, outlet: string, body: string, extra: { quotes?: Quote[]; duplicateOf?: string } = {}): FramingArticle {
  const entities = [
    ...entity(body, 'VLF', 'ORG', 'org:vlf', 'Velsk Liberation Front'),
    ...entity(body, 'Velsk Liberation Front', 'ORG', 'org:vlf', 'Velsk Liberation Front'),
    ...entity(body, 'Karvonian', 'MISC', 'loc:karvonia', 'Karvonia', 'nationality'),
    ...entity(body, 'Hollan', 'PER', 'per:marek-hollan', 'Marek Hollan'),
  ].sort((a, b) => a.start - b.start);
  return { id, source: { name: outlet, domain: null }, body, entities, quotes: extra.quotes ?? [], events: [], duplicate_of: extra.duplicateOf ?? null };
}

const NORTHGATE = article('n1', 'Northgate Wire', 'VLF fighters seized two checkpoints near Ostrel. Karvonian troops withdrew. The fighters said they would hold the road.');
const LEDGER = article('l1', 'Corvenna Ledger', 'Terrorists of the Velsk Liberation Front attacked checkpoints. The terrorists were armed with rifles, officials said.');
const GAZETTE = article('g1', 'Port Salva Gazette', 'Rebels took the road to Ostrel, residents said. The VLF denies any attack on civilians.');
const COPY = article('c1', 'Copycat Daily', NORTHGATE.body, { duplicateOf: 'n1' });

describe('frameStory labels', () => {
  const framing = frameStory([NORTHGATE, LEDGER, GAZETTE, COPY]);
  const vlf = framing.actors.find((a) => a.actor === 'org:vlf')!;

  it('puts each outlet’s label for the same armed group side by side, saying how each was tied', () => {
    expect(vlf.name).toBe('Velsk Liberation Front');
    const cells = vlf.labels.map((l) => [l.outlet, l.word, l.count, l.link]);
    expect(cells).toContainEqual(['Northgate Wire', 'fighters', 2, 'adjacent']);
    expect(cells).toContainEqual(['Corvenna Ledger', 'terrorists', 2, 'adjacent']);
    expect(cells).toContainEqual(['Port Salva Gazette', 'rebels', 1, 'story']);
  });

  it('ties nationality adjectives to their country and leaves copies out', () => {
    const karvonia = framing.actors.find((a) => a.actor === 'loc:karvonia')!;
    expect(karvonia.labels).toEqual([expect.objectContaining({ outlet: 'Northgate Wire', word: 'troops', count: 1 })]);
    expect(framing.actors.flatMap((a) => a.labels).some((l) => l.outlet === 'Copycat Daily')).toBe(false);
  });

  it('counts labels of no named actor by class, so that different words for the same people meet', () => {
    const a = article('m1', 'Halden Courier', 'Hundreds of migrants waited at the crossing. More migrants arrived.');
    const b = article('m2', 'Estria Evening Post', 'Illegal immigrants massed at the crossing, the paper said.');
    const people = frameStory([a, b]).actors.find((x) => x.actor === 'class:people-on-the-move')!;
    expect(people.labels.map((l) => [l.outlet, l.word, l.count])).toEqual([
      ['Estria Evening Post', 'illegal immigrants', 1],
      ['Halden Courier', 'migrants', 2],
    ]);
  });

  it('every example is the text at its span', () => {
    for (const label of framing.actors.flatMap((a) => a.labels)) {
      for (const ex of label.examples) {
        const body = [NORTHGATE, LEDGER, GAZETTE].find((x) => x.id === ex.article)!.body;
        expect(body.slice(ex.start, ex.end)).toBe(ex.text);
      }
    }
  });
});

describe('frameStory acts and attributions', () => {
  it('compares the verbs for one event and the attribution verbs for one speaker', () => {
    const q = (a: FramingArticle, cue: string): Quote => {
      const at = a.body.indexOf(cue);
      const sp = a.body.indexOf('Hollan');
      return { start: 0, end: 5, text: a.body.slice(0, 5), direct: false, cue: { start: at, end: at + cue.length, text: cue }, speaker: { start: sp, end: sp + 6, text: 'Hollan', key: 'per:marek-hollan' } };
    };
    const a = article('a', 'Northgate Wire', 'Troops liberated Ostrel, Hollan said.');
    const b = article('b', 'Corvenna Ledger', 'Troops captured Ostrel, Hollan claimed.');
    a.quotes = [q(a, 'said')];
    b.quotes = [q(b, 'claimed')];
    const event = {
      id: 's#e1', mentions: [{ article: 'a', start: 7, end: 16, text: 'liberated' }, { article: 'b', start: 7, end: 15, text: 'captured' }],
    } as unknown as CanonicalEvent;
    const framing = frameStory([a, b], [event]);
    expect(framing.acts[0]!.verbs.map((v) => [v.outlet, v.word])).toEqual([['Corvenna Ledger', 'captured'], ['Northgate Wire', 'liberated']]);
    expect(framing.attributions).toEqual([
      expect.objectContaining({ speaker: 'per:marek-hollan', name: 'Marek Hollan' }),
    ]);
    expect(framing.attributions[0]!.cues.map((c) => [c.outlet, c.word])).toEqual([['Corvenna Ledger', 'claimed'], ['Northgate Wire', 'said']]);
  });

  it('never throws and keeps spans exact on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('The', 'rebels', 'VLF', 'Karvonian', 'troops', 'Turkey-backed', 'fighters', 'migrants', 'said', ',', '.', 'of'), { maxLength: 30 }), (words) => {
        const a = article('p', 'Outlet', words.join(' '));
        for (const actor of frameStory([a]).actors) for (const l of actor.labels) for (const ex of l.examples) expect(a.body.slice(ex.start, ex.end)).toBe(ex.text);
      }),
      { numRuns: 80 },
    );
  });
});
