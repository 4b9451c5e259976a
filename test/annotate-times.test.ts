import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, TimeExpression } from '../src/document.js';
import { annotateTimes, chronoWindows, findTimes } from '../src/annotate/times.js';
import { readSeed, seedsPresent } from './support/seeds.js';

/** Anchor of the fictional fixtures: Sunday 1 March 2020. */
const SUNDAY = '2020-03-01';

interface Expectation {
  text: string;
  anchor: string | null;
  /** The expected extent, exactly as TimeML would mark it. */
  span: string;
  value: string;
  type?: TimeExpression['type'];
}

function timeAt(text: string, anchor: string | null, span: string): TimeExpression | undefined {
  const start = text.indexOf(span);
  return findTimes(text, anchor).find((t) => t.start === start && t.end === start + span.length);
}

function check(rows: Expectation[]): void {
  it.each(rows)('$span in "$text" → $value', ({ text, anchor, span, value, type }) => {
    const time = timeAt(text, anchor, span);
    expect(time, `no time expression spanning "${span}"; found ${JSON.stringify(findTimes(text, anchor))}`).toBeDefined();
    expect(time?.value).toBe(value);
    if (type) expect(time?.type).toBe(type);
  });
}

describe('findTimes: weekdays lean to the past unless the verb is clearly future', () => {
  check([
    { text: 'The council met on Monday to review the plan.', anchor: SUNDAY, span: 'Monday', value: '2020-02-24' },
    { text: 'Two ferries collided on Thursday near the port.', anchor: SUNDAY, span: 'Thursday', value: '2020-02-27' },
    { text: 'The mayor said on Saturday that roads were closed.', anchor: SUNDAY, span: 'Saturday', value: '2020-02-29' },
    { text: 'Voting ended on Sunday evening.', anchor: SUNDAY, span: 'Sunday evening', value: '2020-03-01TEV' },
    { text: 'The two ministers will meet on Monday in Geneva.', anchor: SUNDAY, span: 'Monday', value: '2020-03-02' },
    { text: 'The court is scheduled to rule on Thursday.', anchor: SUNDAY, span: 'Thursday', value: '2020-03-05' },
    { text: 'The vote happened last Sunday.', anchor: SUNDAY, span: 'last Sunday', value: '2020-02-23' },
    { text: 'Talks resume next Friday.', anchor: SUNDAY, span: 'next Friday', value: '2020-03-06' },
    { text: 'The market opens on Mondays.', anchor: SUNDAY, span: 'Mondays', value: 'XXXX-WXX-1', type: 'SET' },
  ]);
});

describe('findTimes: calendar dates', () => {
  check([
    { text: 'On Thursday 27 February, the convoy was hit.', anchor: SUNDAY, span: 'Thursday 27 February', value: '2020-02-27' },
    { text: 'A photo taken on February 17, 2020 shows the square.', anchor: SUNDAY, span: 'February 17, 2020', value: '2020-02-17' },
    { text: 'The agency announced early Sunday 1 March that it would reopen.', anchor: SUNDAY, span: 'early Sunday 1 March', value: '2020-03-01' },
    { text: 'The bridge reopened on Jan. 3, 1998.', anchor: SUNDAY, span: 'Jan. 3, 1998', value: '1998-01-03' },
    { text: 'Bonds mature Dec. 1.', anchor: '1989-10-27', span: 'Dec. 1', value: '1989-12-01' },
    { text: 'The rally was held March 12.', anchor: '1999-02-16', span: 'March 12', value: '1999-03-12' },
    { text: 'The report is dated 2019-11-05.', anchor: SUNDAY, span: '2019-11-05', value: '2019-11-05' },
    { text: 'It closed in August 1988.', anchor: SUNDAY, span: 'August 1988', value: '1988-08' },
  ]);
});

describe('findTimes: months without a year are the most recent one', () => {
  check([
    { text: 'The offensive started in December.', anchor: SUNDAY, span: 'December', value: '2019-12' },
    { text: 'Prices fell in February.', anchor: SUNDAY, span: 'February', value: '2020-02' },
    { text: 'The plant closed last May.', anchor: SUNDAY, span: 'last May', value: '2019-05' },
    { text: 'Elections are due in May.', anchor: SUNDAY, span: 'May', value: '2020-05' },
    { text: 'Growth slowed in mid-November.', anchor: SUNDAY, span: 'mid-November', value: '2019-11' },
  ]);
});

describe('findTimes: weeks and vague spans', () => {
  check([
    { text: 'Deadly clashes this week alarmed observers.', anchor: SUNDAY, span: 'this week', value: '2020-W09' },
    { text: 'The ship docked last week.', anchor: SUNDAY, span: 'last week', value: '2020-W08' },
    { text: 'Leaders agreed to meet next week.', anchor: SUNDAY, span: 'next week', value: '2020-W10' },
    { text: 'Reinforcements arrived in recent weeks.', anchor: SUNDAY, span: 'recent weeks', value: 'PXW', type: 'DURATION' },
    { text: 'In recent days the army advanced.', anchor: SUNDAY, span: 'recent days', value: 'PXD' },
    { text: 'Prices climbed in recent months.', anchor: SUNDAY, span: 'recent months', value: 'PXM' },
    { text: 'The firm recently hired staff.', anchor: SUNDAY, span: 'recently', value: 'PAST_REF' },
    { text: 'Storms hit the coast over the weekend.', anchor: SUNDAY, span: 'the weekend', value: '2020-W09-WE' },
    { text: 'Aid will arrive in the coming days.', anchor: SUNDAY, span: 'the coming days', value: 'FUTURE_REF' },
  ]);
});

describe('findTimes: years, decades and seasons', () => {
  check([
    { text: 'Troops first crossed in 2016.', anchor: SUNDAY, span: '2016', value: '2016' },
    { text: 'It breaks a 2018 deal with its neighbour.', anchor: SUNDAY, span: '2018', value: '2018' },
    { text: 'Growth was strong in the 1990s.', anchor: SUNDAY, span: 'the 1990s', value: '199' },
    { text: 'They met in the autumn 2018 in Paris.', anchor: SUNDAY, span: 'the autumn 2018', value: '2018-FA' },
    { text: 'Talks resumed in autumn 2018.', anchor: SUNDAY, span: 'autumn 2018', value: '2018-FA' },
    { text: 'Fires spread during the summer.', anchor: SUNDAY, span: 'the summer', value: '2019-SU' },
    { text: 'The bill passed last spring.', anchor: SUNDAY, span: 'last spring', value: '2019-SP' },
    { text: 'Shipments resume in the winter of 2021.', anchor: SUNDAY, span: 'the winter of 2021', value: '2021-WI' },
    { text: 'Sales rose in fiscal 1998.', anchor: '1998-10-26', span: 'fiscal 1998', value: '1998' },
  ]);

  it('does not read head counts as years', () => {
    const text = 'The storm displaced 2016 people and 1990 families.';
    expect(findTimes(text, SUNDAY)).toEqual([]);
  });
});

describe('findTimes: days, parts of days and clock times', () => {
  check([
    { text: 'Yesterday the port reopened.', anchor: SUNDAY, span: 'Yesterday', value: '2020-02-29' },
    { text: 'The verdict is expected today.', anchor: SUNDAY, span: 'today', value: '2020-03-01' },
    { text: 'The border reopens tomorrow.', anchor: SUNDAY, span: 'tomorrow', value: '2020-03-02' },
    { text: 'Crowds will gather tonight.', anchor: SUNDAY, span: 'tonight', value: '2020-03-01TNI', type: 'TIME' },
    { text: 'The minister resigned this morning.', anchor: SUNDAY, span: 'this morning', value: '2020-03-01TMO' },
    { text: 'Shelling resumed last night.', anchor: SUNDAY, span: 'last night', value: '2020-02-29TNI' },
    { text: 'The agency said early Sunday that it had left.', anchor: SUNDAY, span: 'early Sunday', value: '2020-03-01' },
    { text: 'The ruling came at 8:18 PM EST, officials said.', anchor: '2014-01-28', span: '8:18 PM EST', value: '2014-01-28T20:18', type: 'TIME' },
    { text: 'Flights resume at 0800 GMT.', anchor: SUNDAY, span: '0800 GMT', value: '2020-03-01T08:00' },
    { text: 'Polls close at 9 p.m. Tuesday.', anchor: SUNDAY, span: '9 p.m. Tuesday', value: '2020-02-25T21:00' },
  ]);
});

describe('findTimes: durations and references', () => {
  check([
    { text: 'The talks lasted for three days.', anchor: SUNDAY, span: 'three days', value: 'P3D', type: 'DURATION' },
    { text: 'The project took two years.', anchor: SUNDAY, span: 'two years', value: 'P2Y' },
    { text: 'Rescuers searched for 48 hours.', anchor: SUNDAY, span: '48 hours', value: 'PT48H' },
    { text: 'Prices rose over the past three months.', anchor: SUNDAY, span: 'the past three months', value: 'P3M' },
    { text: 'The strike lasted more than four hours.', anchor: SUNDAY, span: 'more than four hours', value: 'PT4H' },
    { text: 'It signed a two-year contract.', anchor: SUNDAY, span: 'two-year', value: 'P2Y' },
    { text: 'The border is now closed.', anchor: SUNDAY, span: 'now', value: 'PRESENT_REF' },
    { text: 'The station is currently offline.', anchor: SUNDAY, span: 'currently', value: 'PRESENT_REF' },
    { text: 'The plan may change in the future.', anchor: SUNDAY, span: 'the future', value: 'FUTURE_REF' },
    { text: 'The paper is published daily.', anchor: SUNDAY, span: 'daily', value: 'P1D', type: 'SET' },
  ]);
});

describe('findTimes: relative to the anchor', () => {
  check([
    { text: 'A year ago the town was calm.', anchor: SUNDAY, span: 'A year ago', value: '2019' },
    { text: 'The ferry sank two days ago.', anchor: SUNDAY, span: 'two days ago', value: '2020-02-28' },
    { text: 'Exports fell last month.', anchor: SUNDAY, span: 'last month', value: '2020-02' },
    { text: 'Exports fell last year.', anchor: SUNDAY, span: 'last year', value: '2019' },
    { text: 'Exports will rise next year.', anchor: SUNDAY, span: 'next year', value: '2021' },
    { text: 'The law passed earlier this month.', anchor: SUNDAY, span: 'earlier this month', value: '2020-03' },
    { text: 'Profit rose in the third quarter.', anchor: '1998-10-26', span: 'the third quarter', value: '1998-Q3' },
    { text: 'Profit rose 5% in the third quarter from $2 million a year earlier.', anchor: '1998-10-26', span: 'a year earlier', value: '1997-Q3' },
    { text: 'He was born in 1950. Later that year the war ended.', anchor: SUNDAY, span: 'Later that year', value: '1950' },
  ]);
});

describe('findTimes: TimeML conventions added for TempEval-3', () => {
  check([
    // "later"/"earlier" is a signal outside the extent: what remains is a duration.
    { text: 'The dam broke. Three days later the river fell.', anchor: SUNDAY, span: 'Three days', value: 'P3D', type: 'DURATION' },
    { text: 'A few weeks earlier the mill had closed.', anchor: SUNDAY, span: 'A few weeks', value: 'PXW', type: 'DURATION' },
    // Years read out in broadcast transcripts join the month or season they follow.
    { text: 'The fire began in January nineteen ninety-seven.', anchor: SUNDAY, span: 'January nineteen ninety-seven', value: '1997-01' },
    { text: 'Prices peaked in the winter of nineteen ninety-four.', anchor: SUNDAY, span: 'the winter of nineteen ninety-four', value: '1994-WI' },
    { text: 'The tunnel opens in two thousand and one.', anchor: SUNDAY, span: 'two thousand and one', value: '2001' },
    { text: 'A hearing is set for the week of March 9.', anchor: SUNDAY, span: 'the week of March 9', value: '2020-W11' },
    { text: 'The ferry line opened in 2015, and the following year it doubled its fleet.', anchor: SUNDAY, span: 'the following year', value: '2016' },
    { text: 'The firm earned $4 million in the second quarter. Results for that quarter included a gain.', anchor: '1998-10-26', span: 'that quarter', value: '1998-Q2' },
    { text: 'Aid convoys are expected within weeks.', anchor: SUNDAY, span: 'weeks', value: 'PXW', type: 'DURATION' },
    { text: 'The lease may be extended for an additional year.', anchor: SUNDAY, span: 'an additional year', value: 'P1Y' },
    // A month after "by" is a deadline, so it leans ahead; "in March for talks" is still the month.
    { text: 'The loan must be repaid by July.', anchor: SUNDAY, span: 'July', value: '2020-07' },
    { text: 'She left the board in October for health reasons.', anchor: SUNDAY, span: 'October', value: '2019-10' },
    // A date after "ended" or "since" is over by the time of writing.
    { text: 'Sales fell in the fiscal year ended Jan. 31.', anchor: '2019-10-30', span: 'Jan. 31', value: '2019-01-31' },
    { text: 'The strike has lasted since Dec. 5.', anchor: '2019-10-30', span: 'Dec. 5', value: '2018-12-05' },
    // The adjective "current" is the present; "then current" the past.
    { text: 'Its current owner bought the mill.', anchor: SUNDAY, span: 'current', value: 'PRESENT_REF' },
    { text: 'Options are priced at the then current share price.', anchor: SUNDAY, span: 'then current', value: 'PAST_REF' },
    // A plan in the past perfect does not make a weekday future.
    { text: 'The offer had been scheduled to expire Friday evening.', anchor: '2020-03-02', span: 'Friday evening', value: '2020-02-28TEV' },
    // An undated clock time takes its day from a weekday in the sentence, not from another clock time.
    { text: 'The blast came at 9:10 a.m. (0610 GMT) Friday, officials said.', anchor: SUNDAY, span: '9:10 a.m.', value: '2020-02-28T09:10' },
    // A clock time whose sentence names no day continues the day told in the two sentences before it.
    { text: 'Three men were hurt in a shooting Thursday night.\n\nAround 9:40 p.m., they were standing at a bus stop.', anchor: SUNDAY, span: 'Around 9:40 p.m.', value: '2020-02-27T21:40' },
    { text: 'The ferry sank on Thursday. Rescuers came. Divers searched. The pilot called at 6 p.m.', anchor: SUNDAY, span: '6 p.m.', value: '2020-03-01T18:00' },
  ]);

  it('does not mark names, idioms and rates as times', () => {
    const text = 'He spoke on "60 Minutes" and on "This Week" about High Noon at high noon, a quarter-century low, and sales rising 8% annually.';
    expect(findTimes(text, SUNDAY)).toEqual([]);
  });

  it('does not read a spoken head count after a month as its year', () => {
    const times = findTimes('In January two thousand people marched.', SUNDAY);
    expect(times.map((t) => t.text)).toEqual(['January']);
    expect(times[0]?.value).toBe('2020-01');
  });

  it('reads "one day" after a modal as the indefinite future', () => {
    expect(timeAt('The valley will one day be a lake.', SUNDAY, 'one day')?.value).toBe('FUTURE_REF');
  });

  it('does not read prospects or past narrative as the future', () => {
    const texts = findTimes('The future of the port is unclear. The trickle soon became a flood. He was soon released.', SUNDAY).map((t) => t.text);
    expect(texts).toEqual([]);
  });
});

describe('findTimes: without an anchor', () => {
  check([
    { text: 'The council met on Monday.', anchor: null, span: 'Monday', value: 'XXXX-XX-XX' },
    { text: 'The offensive started in December.', anchor: null, span: 'December', value: 'XXXX-12' },
    { text: 'Clashes this week.', anchor: null, span: 'this week', value: 'XXXX-WXX' },
    { text: 'It ended on 12 March 2020.', anchor: null, span: '12 March 2020', value: '2020-03-12' },
    { text: 'It ended in 2016.', anchor: null, span: '2016', value: '2016' },
    { text: 'The talks lasted three days.', anchor: null, span: 'three days', value: 'P3D' },
  ]);
});

describe('findTimes: TimeML extents', () => {
  it('leaves prepositions outside the extent', () => {
    const times = findTimes('The meeting was held on Thursday in the capital.', SUNDAY);
    expect(times.map((t) => t.text)).toEqual(['Thursday']);
  });

  it('keeps determiners and modifiers that belong to the expression', () => {
    const texts = findTimes('Over the past three months and for two years, late last week.', SUNDAY).map((t) => t.text);
    expect(texts).toEqual(['the past three months', 'two years', 'late last week']);
  });
});

describe('findTimes: properties', () => {
  const anchors = fc.oneof(
    fc.constant(null),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('2020-03-01T08:00', '2020-03', '1998', 'garbage'),
  );
  const words = fc.constantFrom(
    'on', 'Monday', 'Thursday', '27', '29', '30', '31', 'February', 'April', 'Feb.', '2020', '1990s', 'last', 'next', 'week', 'the', 'past', 'three',
    'months', 'ago', 'a', 'year', 'earlier', 'in', 'December', 'May', 'recent', 'days', 'today', 'tonight', '8:18', 'PM',
    'EST', '0800', 'GMT', 'autumn', 'fall', 'quarter', 'third-quarter', 'fiscal', 'now', ',', '.', '\n', '’s', 'people',
    'nineteen', 'ninety-four', 'two', 'thousand', 'and', 'current', 'then', 'later', 'Week', 'Minutes', 'high', 'noon', 'annually',
    '8%', 'by', 'following', 'that', 'will', 'one', 'day', 'within', 'weeks', 'had', 'been', 'scheduled', 'Friday', 'evening', '(', ')',
  );
  const bodies = fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')));

  it('never throws and every span is exact', () => {
    fc.assert(
      fc.property(bodies, anchors, (body, anchor) => {
        const times = findTimes(body, anchor);
        for (const time of times) {
          expect(body.slice(time.start, time.end)).toBe(time.text);
          expect(time.start).toBeLessThan(time.end);
        }
        for (let i = 1; i < times.length; i++) expect(times[i]!.start).toBeGreaterThanOrEqual(times[i - 1]!.end);
      }),
      { numRuns: 400 },
    );
  });
});

describe('chronoWindows: what chrono reads', () => {
  const charactersRead = (body: string): number => chronoWindows(body).reduce((sum, [start, end]) => sum + end - start, 0);

  it('reads around a clock time, not the rest of a long line of dates after it', () => {
    const line = (dates: number): string => `The ferry left at 8:18 PM EST${' on 2 March 2020'.repeat(dates)}.`;
    // The line grows 100-fold; what chrono reads stays the neighbourhood of the one clock time.
    expect(charactersRead(line(1000))).toBe(charactersRead(line(10)));
    expect(charactersRead(line(1000))).toBeLessThan(400);
  });

  it('reads at most the line, even when every word of it is worth reading', () => {
    for (const repeats of [100, 1000]) {
      const body = 'at 8:18 PM EST on 28/01/2014, '.repeat(repeats);
      expect(charactersRead(body)).toBeLessThanOrEqual(body.length);
    }
  });

  it('cuts a run without spaces instead of reading all of it', () => {
    expect(charactersRead(`8:18 ${'2020-03-01'.repeat(20_000)}`)).toBeLessThan(1000);
  });

  it('gives windows that are disjoint, in order, inside the text and whole words', () => {
    const body = 'Ferries collided at 8:18 PM EST on Thursday. The 3rd of March was calm.\nOn 28/01/2014 at 9:30 they met again, at 10:05 and 11:45.';
    const windows = chronoWindows(body);
    expect(windows.length).toBeGreaterThan(0);
    windows.forEach(([start, end], i) => {
      expect(start).toBeLessThan(end);
      expect(start === 0 || /\s/.test(body[start - 1]!)).toBe(true);
      expect(end === body.length || /\s/.test(body[end]!)).toBe(true);
      if (i > 0) expect(start).toBeGreaterThanOrEqual(windows[i - 1]![1]);
    });
  });

  it('still lets chrono complete a date around a clock time', () => {
    const text = `${'The harbour was quiet and the ferries ran on time. '.repeat(5)}The alarm sounded at 8:18 PM EST on 28/01/2014, officials said.`;
    expect(findTimes(text, SUNDAY).some((t) => t.value.startsWith('2014-01-28'))).toBe(true);
  });
});

describe('annotateTimes', () => {
  it('reads the body and the publication date of the document', () => {
    const doc = {
      id: 'x', url: null, source: { name: null, domain: null }, title: null,
      published: { value: SUNDAY, origin: 'input' }, lang: 'en', body: 'Ferries collided on Thursday.',
      sentences: [], entities: [], times: [], numbers: [], places: [], quotes: [], events: [], claims: [], tokens: [],
    } satisfies Document;
    const annotated = annotateTimes(doc);
    expect(annotated.times).toEqual([{ start: 20, end: 28, text: 'Thursday', type: 'DATE', value: '2020-02-27' }]);
    expect(annotated.body).toBe(doc.body);
  });
});

describe.skipIf(!seedsPresent)('findTimes on the seed articles', () => {
  /** Every occurrence of `phrase` is covered by a time expression with `value`. */
  function expectEvery(body: string, phrase: string, value: string): void {
    const times = findTimes(body, SUNDAY);
    let from = 0;
    let seen = 0;
    for (let at = body.indexOf(phrase); at >= 0; at = body.indexOf(phrase, from)) {
      from = at + phrase.length;
      if (/\w/.test(body[at - 1] ?? '') || /\w/.test(body[from] ?? '')) continue;
      seen += 1;
      const covering = times.find((t) => t.start < from && at < t.end);
      expect(covering, `"${phrase}" at ${at} is not a time expression`).toBeDefined();
      expect(covering?.value, `"${phrase}" at ${at}`).toBe(value);
    }
    expect(seen, `"${phrase}" does not occur in the seed`).toBeGreaterThan(0);
  }

  it.each([
    ['Thursday', '2020-02-27'],
    ['Saturday', '2020-02-29'],
    ['February 17, 2020', '2020-02-17'],
    ['autumn 2018', '2018-FA'],
    ['2016', '2016'],
  ])('seed 002: %s → %s', (phrase, value) => {
    expectEvery(readSeed('002'), phrase, value);
  });

  it.each([
    ['in December', '2019-12'],
    ['Thursday 27 February', '2020-02-27'],
    ['this week', '2020-W09'],
    ['recent weeks', 'PXW'],
    ['recent days', 'PXD'],
    ['2018', '2018'],
    ['2016', '2016'],
  ])('seed 000: %s → %s', (phrase, value) => {
    expectEvery(readSeed('000'), phrase, value);
  });
});
