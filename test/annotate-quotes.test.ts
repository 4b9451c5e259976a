import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType, Quote } from '../src/document.js';
import { findQuotes } from '../src/annotate/quotes.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { annotateQuotes } from '../src/annotate/quotes.js';
import { readSeed, seedsPresent } from './support/seeds.js';

const quotesOf = (body: string, entities: Entity[] = []): Quote[] => findQuotes({ body, sentences: [], entities });

interface Expected {
  text: string;
  direct?: boolean;
  cue?: string | null;
  speaker?: string | null;
}

/** [fictional text, the quotes it must yield in order]. Unlisted fields are not checked. */
const CASES: ReadonlyArray<readonly [string, Expected[]]> = [
  // direct quotes: curly and straight marks, quote-then-cue and cue-then-quote, inverted "said X"
  ['“We will rebuild the bridge by spring,” Mayor Lina Marsh said on Tuesday.', [{ text: 'We will rebuild the bridge by spring', direct: true, cue: 'said', speaker: 'Mayor Lina Marsh' }]],
  ['"The river is rising fast," the flood agency said.', [{ text: 'The river is rising fast', direct: true, cue: 'said', speaker: 'the flood agency' }]],
  ['“The river is rising fast,” said Teodor Vask.', [{ text: 'The river is rising fast', cue: 'said', speaker: 'Teodor Vask' }]],
  ['Teodor Vask said: “The border stays open.”', [{ text: 'The border stays open.', direct: true, cue: 'said', speaker: 'Teodor Vask' }]],
  ['Petra Nune told the council, “We have no more fuel.”', [{ text: 'We have no more fuel.', cue: 'told', speaker: 'Petra Nune' }]],
  // multi-sentence quote, and a quote split by its attribution: both parts, one cue, one speaker
  ['“We opened the gates. We will not close them,” Vask told reporters.', [{ text: 'We opened the gates. We will not close them', cue: 'told', speaker: 'Vask' }]],
  [
    '“The talks failed,” Teodor Vask said, “but we will return next week.”',
    [
      { text: 'The talks failed', cue: 'said', speaker: 'Teodor Vask' },
      { text: 'but we will return next week.', cue: 'said', speaker: 'Teodor Vask' },
    ],
  ],
  // a typewriter-style straight quote
  ["''Nobody warned us,'' Joss Arlen said.", [{ text: 'Nobody warned us', cue: 'said', speaker: 'Joss Arlen' }]],
  // scare quotes and titles are not quotes
  ['The so-called “peace plan” was never published.', []],
  ['She reviewed the film “Winter Light” last year.', []],
  ['The “disaster” left residents angry.', []],
  // indirect speech
  ['Vask said he expected the convoy to arrive on Friday.', [{ text: 'he expected the convoy to arrive on Friday', direct: false, cue: 'said', speaker: 'Vask' }]],
  ['Vask said that the port would reopen.', [{ text: 'the port would reopen', cue: 'said', speaker: 'Vask' }]],
  ['Vask said on Saturday that the port would reopen.', [{ text: 'the port would reopen', cue: 'said', speaker: 'Vask' }]],
  ['Vask told reporters the talks had collapsed.', [{ text: 'the talks had collapsed', cue: 'told', speaker: 'Vask' }]],
  ['The ministry warned that the dam could fail.', [{ text: 'the dam could fail', cue: 'warned', speaker: 'The ministry' }]],
  ['Petra Nune denied that she had met the envoy.', [{ text: 'she had met the envoy', cue: 'denied', speaker: 'Petra Nune' }]],
  ['Officials insisted the vote was fair.', [{ text: 'the vote was fair', cue: 'insisted', speaker: 'Officials' }]],
  ['Amara Olen has repeatedly claimed that the count was rigged.', [{ text: 'the count was rigged', cue: 'claimed', speaker: 'Amara Olen' }]],
  ['The ferry will resume service next week, the port authority said in a statement.', [{ text: 'The ferry will resume service next week', cue: 'said', speaker: 'the port authority' }]],
  ['The reform will fail, a spokesman said.', [{ text: 'The reform will fail', cue: 'said', speaker: 'a spokesman' }]],
  ['The reform, she said, will fail within a year.', [{ text: 'The reform', cue: 'said' }, { text: 'will fail within a year', cue: 'said' }]],
  [
    'Noting that fuel was scarce, Vask said the convoy would wait.',
    [
      { text: 'fuel was scarce', cue: 'Noting', speaker: 'Vask' },
      { text: 'the convoy would wait', cue: 'said', speaker: 'Vask' },
    ],
  ],
  ['Vask threatened the rebels, saying the deadline had passed.', [{ text: 'the rebels, saying the deadline had passed', cue: 'threatened', speaker: 'Vask' }]],
  ['According to the monitoring group, 40 people were killed.', [{ text: '40 people were killed', cue: 'According to', speaker: 'the monitoring group' }]],
  ['Forty people were killed, according to the monitoring group.', [{ text: 'Forty people were killed', cue: 'according to', speaker: 'the monitoring group' }]],
  ['Idris Calloway, a spokesman for the port, said the cranes were idle.', [{ text: 'the cranes were idle', speaker: 'Idris Calloway, a spokesman for the port' }]],
  ['Lina Marsh, who chairs the council, said the budget was late.', [{ text: 'the budget was late', speaker: 'Lina Marsh' }]],
  // no cue, or a passive one: nothing
  ['The ferry sank near Tarn on Monday.', []],
  ['The senator was accused of lying about the budget.', []],
  ['The plan was echoed by several mayors in the north.', []],
  // an attribution that follows another in the same sentence gets its own content
  [
    'Some residents said the bridge was safe, while other residents said it was close to collapse.',
    [
      { text: 'the bridge was safe', speaker: 'Some residents' },
      { text: 'it was close to collapse', speaker: 'other residents' },
    ],
  ],
  ['“I kind of panicked,” Joss Arlen, 33, said of the flood.', [{ text: 'I kind of panicked', speaker: 'Joss Arlen, 33' }]],
  ['United States forces left the base.', []],
];

describe('findQuotes', () => {
  it.each(CASES)('%s', (body, expected) => {
    const quotes = quotesOf(body);
    expect(quotes.map((q) => q.text)).toEqual(expected.map((e) => e.text));
    expected.forEach((e, i) => {
      const q = quotes[i]!;
      if (e.direct !== undefined) expect(q.direct).toBe(e.direct);
      if (e.cue !== undefined) expect(q.cue?.text ?? null).toBe(e.cue);
      if (e.speaker !== undefined) expect(q.speaker?.text ?? null).toBe(e.speaker);
    });
  });

  it('continues a quote that opens the next paragraph with the same speaker', () => {
    const body = '“We opened the doors,” Vask said in Orlin.\n\n“We will not close them again. The council must keep its promises.”';
    const quotes = quotesOf(body);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.text).toBe('We will not close them again. The council must keep its promises.');
    expect(quotes[1]!.speaker?.text).toBe('Vask');
  });
});

function entity(body: string, text: string, type: EntityType, key: string, nth = 0): Entity {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = body.indexOf(text, start + 1);
  if (start < 0) throw new Error(`no ${text}`);
  return { start, end: start + text.length, text, type, key, name: text, subtype: null };
}

/** [text, entities (text, type, key), the speaker key of the first quote]. */
const KEYS: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, EntityType, string]>, string | null]> = [
  ['Teodor Vask said the talks had collapsed.', [['Teodor Vask', 'PER', 'per:teodor-vask']], 'per:teodor-vask'],
  ['Teodor Vask arrived in Orlin. He said the talks had collapsed.', [['Teodor Vask', 'PER', 'per:teodor-vask'], ['Orlin', 'LOC', 'loc:orlin']], 'per:teodor-vask'],
  [
    'Mr. Idris Calloway met Mrs. Petra Nune in Vell. She said the deal was done.',
    [['Idris Calloway', 'PER', 'per:idris-calloway'], ['Petra Nune', 'PER', 'per:petra-nune']],
    'per:petra-nune',
  ],
  [
    'Mary Olen met Teodor Vask. He said the deal was done.',
    [['Mary Olen', 'PER', 'per:mary-olen'], ['Teodor Vask', 'PER', 'per:teodor-vask']],
    'per:teodor-vask',
  ],
  ['The Northgate Relief Agency said aid had arrived.', [['Northgate Relief Agency', 'ORG', 'org:northgate-relief-agency']], 'org:northgate-relief-agency'],
  ['A Northgate Relief Agency spokesman said aid had arrived.', [['Northgate Relief Agency', 'ORG', 'org:northgate-relief-agency']], 'org:northgate-relief-agency'],
  // a ministry of a country is not the country; nominal speakers stay unresolved
  ['Marvale’s defence ministry said the drill was routine.', [['Marvale', 'LOC', 'loc:marvale']], null],
  ['Officials said the drill was routine.', [], null],
];

describe('speaker keys', () => {
  it.each(KEYS)('%s', (body, specs, key) => {
    const entities = specs.map(([text, type, k]) => entity(body, text, type, k));
    const quotes = quotesOf(body, entities);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]!.speaker?.key ?? null).toBe(key);
  });
});

const FRAGMENTS = [
  '“We will not leave,” ', 'Vask said', ' said Petra Nune', ', according to officials', '. ', ', ', ' that ', 'he expected rain',
  '"Nobody came," ', "''", '“', '”', '"', ' the ministry warned ', 'Noting the delay, ', ' told reporters ', '\n\n', 'the talks failed',
  ' saying ', ': ', 'According to the council, ', ' (SOHR) ', 'He said', ' “peace plan” ', 'Officials insisted the vote was fair.',
];

describe('quote spans (property)', () => {
  it('every span equals its body slice and quotes never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        const body = parts.join('');
        const quotes = quotesOf(body);
        let lastEnd = -1;
        for (const q of quotes) {
          expect(body.slice(q.start, q.end)).toBe(q.text);
          if (q.cue) expect(body.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
          if (q.speaker) expect(body.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
          expect(q.start).toBeGreaterThanOrEqual(lastEnd);
          lastEnd = q.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!seedsPresent)('seeds', () => {
  const analyse = (prefix: string): Quote[] => {
    let doc = extractDocument(prefix, { id: prefix, text: readSeed(prefix), published: '2020-03-01' }, { now: new Date('2020-03-02') });
    for (const stage of STAGES) doc = stage(doc);
    return annotateQuotes(doc).quotes;
  };
  const find = (quotes: readonly Quote[], start: string): Quote => {
    const quote = quotes.find((q) => q.text.startsWith(start));
    if (!quote) throw new Error(`no quote starting "${start}" in ${quotes.map((q) => q.text.slice(0, 30)).join(' | ')}`);
    return quote;
  };

  it('000: Erdogan’s indirect speech, the defence ministry’s statement, the Telegraph’s report', () => {
    const quotes = analyse('000');
    const nato = find(quotes, 'he expected NATO');
    expect(nato.direct).toBe(false);
    expect(nato.speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'the refugee influx').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'the humanitarian crisis').speaker?.text).toBe('He');
    expect(find(quotes, 'the humanitarian crisis').speaker?.key).toMatch(/erdogan/);
    const ministry = find(quotes, 'On Thursday 27 February');
    expect(ministry.direct).toBe(true);
    expect(ministry.speaker?.text).toBe('the defense ministry');
    expect(ministry.speaker?.key).toBeNull();
    expect(find(quotes, 'At least 33 Turkish soldiers').speaker?.key).toMatch(/telegraph/);
  });

  it('002: SOHR’s quote, Erdogan’s quote and its continuation, the IOM figure', () => {
    const quotes = analyse('002');
    expect(find(quotes, 'Twenty-six members').speaker?.key).toMatch(/syrian-observatory/);
    const doors = find(quotes, 'What did we do yesterday? We opened the doors');
    expect(doors.direct).toBe(true);
    expect(doors.cue?.text).toBe('said');
    expect(doors.speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'We will not close those doors').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'Turkey did not intend').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'Around 13,000 migrants').speaker?.key).toMatch(/international-organization-for-migration/);
  });
});
