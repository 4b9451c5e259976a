import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, NumberMention } from '../src/document.js';
import { annotateNumbers, findNumbers } from '../src/annotate/numbers.js';
import { readSeed, seedsPresent } from './support/seeds.js';

type Expected = Partial<Omit<NumberMention, 'start' | 'end'>> & { text: string };

/** [fictional sentence, the mention it must contain]. Unlisted fields are not checked. */
const FOUND: ReadonlyArray<readonly [string, Expected]> = [
  // digits and words
  ['Officials counted 13,000 ballots.', { text: '13,000', value: 13000, kind: 'count' }],
  ['The index rose 3.6 points.', { text: '3.6', value: 3.6 }],
  ['Twenty-six members resigned.', { text: 'Twenty-six', value: 26 }],
  ['“Twenty-six members resigned,” she said.', { text: 'Twenty-six', value: 26 }],
  ['"Twenty-six members resigned," she said.', { text: 'Twenty-six', value: 26 }],
  ['Only twenty six boats returned.', { text: 'twenty six', value: 26 }],
  ['They built one hundred and five huts.', { text: 'one hundred and five', value: 105 }],
  ['He bought a dozen eggs.', { text: 'a dozen', value: 12 }],
  ['About a hundred guests came.', { text: 'About a hundred', value: 100, approx: true }],
  ['The town has half a million residents.', { text: 'half a million', value: 500000 }],
  ['Police found two dozen crates.', { text: 'two dozen', value: 24 }],
  ['Five ferries sank.', { text: 'Five', value: 5 }],
  ['One ferry sank.', { text: 'One', value: 1 }],
  ['Rain lasted one and a half days.', { text: 'one and a half days', value: 1.5, kind: 'measure', unit: 'day' }],
  // scales, money, percent, measures
  ['The camp holds 3.6 million people.', { text: '3.6 million', value: 3600000, kind: 'count' }],
  ['It signed a 3.6m contract.', { text: '3.6m', value: 3600000 }],
  ['The deal is worth $2bn.', { text: '$2bn', value: 2e9, kind: 'money', unit: 'USD' }],
  ['The grant of €5 million arrived.', { text: '€5 million', value: 5e6, kind: 'money', unit: 'EUR' }],
  ['The debt reached 1.2 trillion.', { text: '1.2 trillion', value: 1.2e12 }],
  ['Aid of 2 billion euros was pledged.', { text: '2 billion euros', value: 2e9, kind: 'money', unit: 'EUR' }],
  ['A loan of US$5 million was agreed.', { text: 'US$5 million', value: 5e6, kind: 'money', unit: 'USD' }],
  ['The fine was £300.', { text: '£300', value: 300, kind: 'money', unit: 'GBP' }],
  ['Prices rose 10 percent.', { text: '10 percent', value: 10, kind: 'percent', unit: null }],
  ['Prices rose 10%.', { text: '10%', value: 10, kind: 'percent' }],
  ['Prices rose 4 per cent.', { text: '4 per cent', value: 4, kind: 'percent' }],
  ['The march covered 12 kilometres.', { text: '12 kilometres', value: 12, kind: 'measure', unit: 'km' }],
  ['The talks lasted three days.', { text: 'three days', value: 3, kind: 'measure', unit: 'day' }],
  ['Boxes weighed 40 pounds each.', { text: '40 pounds', value: 40, kind: 'measure', unit: 'lb' }],
  ['The club paid 5 million pounds.', { text: '5 million pounds', value: 5e6, kind: 'money', unit: 'GBP' }],
  // ranges
  ['Between 20 and 30 boats left.', { text: 'Between 20 and 30', value: null, min: 20, max: 30, approx: false }],
  ['Some 20 to 30 boats left.', { text: 'Some 20 to 30', value: null, min: 20, max: 30, approx: true }],
  ['We saw 20 to 30 boats.', { text: '20 to 30', value: null, min: 20, max: 30 }],
  ['We saw 20-30 boats.', { text: '20-30', value: null, min: 20, max: 30 }],
  ['We saw 20 or 30 boats.', { text: '20 or 30', value: null, min: 20, max: 30, approx: true }],
  ['We saw two or three boats.', { text: 'two or three', min: 2, max: 3, approx: true }],
  ['Costs were 2 to 3 million.', { text: '2 to 3 million', min: 2e6, max: 3e6 }],
  ['Costs were $20-30 million.', { text: '$20-30 million', min: 2e7, max: 3e7, kind: 'money', unit: 'USD' }],
  ['Turnout fell 10-20%.', { text: '10-20%', min: 10, max: 20, kind: 'percent' }],
  // qualifiers (exclusive bounds are kept inclusive)
  ['At least 33 sailors were rescued.', { text: 'At least 33', value: 33, min: 33, max: null, approx: false }],
  ['No fewer than 12 ships docked.', { text: 'No fewer than 12', min: 12, max: null }],
  ['More than 10 ships docked.', { text: 'More than 10', value: 10, min: 10 }],
  ['It drew over 300 fans.', { text: 'over 300', min: 300 }],
  ['It drew upwards of 40 fans.', { text: 'upwards of 40', min: 40 }],
  ['It drew 30 or more fans.', { text: '30 or more', value: 30, min: 30 }],
  ['It drew 30+ fans.', { text: '30+', min: 30 }],
  ['Up to 50 were hurt.', { text: 'Up to 50', value: 50, min: null, max: 50 }],
  ['As many as 60 were hurt.', { text: 'As many as 60', max: 60 }],
  ['At most 5 were hurt.', { text: 'At most 5', max: 5 }],
  ['No more than 7 were hurt.', { text: 'No more than 7', max: 7 }],
  ['Fewer than 8 were hurt.', { text: 'Fewer than 8', max: 8 }],
  ['Less than 9 were hurt.', { text: 'Less than 9', max: 9 }],
  ['Under 18 were hurt.', { text: 'Under 18', max: 18 }],
  ['Nearly 300 were hurt.', { text: 'Nearly 300', value: 300, max: 300, approx: true }],
  ['Almost 40 were hurt.', { text: 'Almost 40', max: 40, approx: true }],
  ['Around 13,000 fans came.', { text: 'Around 13,000', value: 13000, approx: true, min: null, max: null }],
  ['About 30 fans came.', { text: 'About 30', value: 30, approx: true }],
  ['Some 300 fans came.', { text: 'Some 300', value: 300, approx: true }],
  ['Roughly 40 fans came.', { text: 'Roughly 40', approx: true }],
  ['Approximately 50 fans came.', { text: 'Approximately 50', approx: true }],
  ['An estimated 10,000 fans came.', { text: 'An estimated 10,000', value: 10000, approx: true }],
  ['Close to 70 fans came.', { text: 'Close to 70', value: 70, approx: true }],
  ['More than a dozen fans came.', { text: 'More than a dozen', value: 12, min: 12 }],
  ['It rained for 40 or so days.', { text: '40 or so days', value: 40, approx: true, kind: 'measure' }],
  // vague counts
  ['Dozens of geese flew.', { text: 'Dozens', value: null, min: 24, approx: true, kind: 'count' }],
  ['They freed dozens.', { text: 'dozens', min: 24, approx: true }],
  ['Scores of geese flew.', { text: 'Scores', min: 40, approx: true }],
  ['Hundreds of geese flew.', { text: 'Hundreds', min: 200, approx: true }],
  ['Thousands of geese flew.', { text: 'Thousands', min: 2000, approx: true }],
  ['Tens of thousands of geese flew.', { text: 'Tens of thousands', min: 20000, approx: true }],
  ['Several thousand geese flew.', { text: 'Several thousand', min: 3000, approx: true }],
  ['Several geese flew.', { text: 'Several', min: 3, max: null, approx: true }],
  ['A few geese flew.', { text: 'A few', min: 2, max: 4, approx: true }],
  ['A handful of geese flew.', { text: 'A handful', min: 2, max: 5, approx: true }],
  ['A few hundred geese flew.', { text: 'A few hundred', min: 200, max: 400 }],
  ['It cost billions of euros.', { text: 'billions of euros', min: 2e9, kind: 'money', unit: 'EUR' }],
];

/** [fictional sentence, a value that must not appear as any mention's value or bound]. */
const NOT_FOUND: ReadonlyArray<readonly [string, number]> = [
  ['A 34th soldier later died.', 34],
  ['Only the first and second boats came.', 1],
  ['He moved there in 2016.', 2016],
  ['They signed a 2018 deal.', 2018],
  ['2020 was a hard year.', 2020],
  ['It happened on February 17, 2020.', 17],
  ['It happened on February 17, 2020.', 2020],
  ['It happened on 17/02/2020.', 17],
  ['It happened on 27 February.', 27],
  ['It happened on Sunday 1 March.', 1],
  ['The call came at 8:18 PM.', 8],
  ['The raid began at 0800 GMT.', 800],
  ['The raid began at 8 p.m. local time.', 8],
  ['Call 555-123-4567 for tickets.', 555],
  ['Call (555) 123-4567 for tickets.', 123],
  ['She lives at 1600 Pennsylvania Avenue.', 1600],
  ['Police sealed the 300 block of Elm.', 300],
  ['A 12-year-old boy was found.', 12],
  ['A man aged 45 was found.', 45],
  ['Tom Reed, 45, of Chicago was found.', 45],
  ['Members backed Resolution 2254.', 2254],
  ['They drove down Route 66.', 66],
  ['An F-16 flew over.', 16],
  ['COVID-19 spread.', 19],
  ['The G20 met.', 20],
  ['See https://example.org/news/2020/05/story-123456 for more.', 5],
  ['The hosts won 3-1 at home.', 3],
  ['One of the guards fled.', 1],
  ['No one was hurt.', 1],
  ['They helped one another.', 1],
  ['She is the one who called.', 1],
  ['Between 2015 and 2018 prices fell.', 2015],
  ['It was a four-way summit.', 4],
  ['It was a five-year plan.', 5],
  ['See paragraph 12 and Article 5.', 12],
  ['Record 891102 was filed.', 891102],
  ['In the twenty-first century, little changed.', 21],
  ['Ann Lee (45) was found.', 45],
  ['Police found a .40 caliber casing.', 40],
  ['A neighbour called 911 at once.', 911],
  ['They drew 2-2 in the final.', 2],
];

function mentionsOf(text: string): NumberMention[] {
  return findNumbers(text);
}

describe('findNumbers: what is found', () => {
  it.each(FOUND)('%s', (text, expected) => {
    const mention = mentionsOf(text).find((m) => m.text === expected.text);
    expect(mention, `mentions: ${JSON.stringify(mentionsOf(text).map((m) => m.text))}`).toBeDefined();
    expect(mention).toMatchObject(expected);
    expect(text.slice(mention!.start, mention!.end)).toBe(mention!.text);
  });
});

describe('findNumbers: what is not a quantity', () => {
  it.each(NOT_FOUND)('%s (not %d)', (text, value) => {
    const hits = mentionsOf(text).filter((m) => m.value === value || m.min === value || m.max === value);
    expect(hits).toEqual([]);
  });

  it('keeps "from X to Y" as two figures, not a range', () => {
    expect(mentionsOf('The toll rose from 10 to 20.').map((m) => m.value)).toEqual([10, 20]);
  });

  it('finds nothing in text without numbers', () => {
    expect(mentionsOf('The minister spoke at length about the border.')).toEqual([]);
  });
});

describe('annotateNumbers', () => {
  it('sets doc.numbers from doc.body and leaves the rest alone', () => {
    const body = 'At least 33 sailors and up to 50 passengers were rescued.';
    const doc = { id: 'x', body, numbers: [], sentences: [] } as unknown as Document;
    const out = annotateNumbers(doc);
    expect(out.body).toBe(body);
    expect(out.numbers.map((m) => [m.text, m.min, m.max])).toEqual([
      ['At least 33', 33, null],
      ['up to 50', null, 50],
    ]);
  });
});

describe('findNumbers: properties', () => {
  const alphabet = fc.constantFrom(
    ...'0123456789 ,.-–/:%$€£+()“”"\''.split(''),
    'at least ', 'up to ', 'between ', ' and ', ' to ', ' or ', 'million', 'bn', 'twenty', '-six', 'a ', 'dozen',
    'dozens', 'several ', 'thousand', 'percent', 'March', ' years old', 'Route ', 'https://x.io/', 'one', 'of ',
    'half ', 'more than ', 'nearly ', ' or more', 'few', 'euros', 'Avenue', 'Elm ',
  );
  const texts = fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')));

  it('never throws, spans are exact, bounds are ordered and values finite', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const mentions = findNumbers(text);
        let previousEnd = 0;
        for (const m of mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          previousEnd = m.end;
          if (m.min !== null && m.max !== null) expect(m.min).toBeLessThanOrEqual(m.max);
          for (const n of [m.value, m.min, m.max]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe.skipIf(!seedsPresent)('findNumbers on the seed articles', () => {
  const byText = (text: string, wanted: string): NumberMention | undefined =>
    findNumbers(text).find((m) => m.text.toLowerCase() === wanted.toLowerCase());

  it('seed 002: words, hedges, scales and vague counts', () => {
    const text = readSeed('002');
    const numbers = findNumbers(text);
    expect(byText(text, 'Twenty-six')?.value).toBe(26);
    expect(numbers.filter((m) => m.value === 34 || m.min === 34)).toEqual([]);
    expect(byText(text, 'Around 13,000')).toMatchObject({ value: 13000, approx: true });
    expect(byText(text, '3.6 million')?.value).toBe(3600000);
    expect(byText(text, 'thousands')).toMatchObject({ value: null, min: 2000, approx: true });
    expect(byText(text, 'several thousand')).toMatchObject({ value: null, min: 3000, approx: true });
    expect(byText(text, 'dozens')).toMatchObject({ min: 24, approx: true });
  });

  it('seed 000: bounds, words, and no years or dates', () => {
    const text = readSeed('000');
    const numbers = findNumbers(text);
    expect(byText(text, 'At least 33')).toMatchObject({ value: 33, min: 33, max: null });
    expect(byText(text, 'up to 50')).toMatchObject({ max: 50, min: null });
    expect(byText(text, 'five')?.value).toBe(5);
    for (const notCount of [2016, 2018, 27, 1]) {
      expect(numbers.filter((m) => m.value === notCount || m.min === notCount)).toEqual([]);
    }
  });
});
