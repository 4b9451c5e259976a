import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageMeta } from '../src/extract/meta.js';
import { findDates, findPublished, inferYear, parsePublishedField } from '../src/extract/published.js';
import { readSeed, seedsPresent } from './support/seeds.js';

const NOW = new Date('2024-06-15T12:00:00Z');

const metaWith = (dates: PageMeta['dates']): PageMeta => ({
  title: null, siteName: null, canonicalUrl: null, byline: null, lang: null, dates,
});
const fromText = (text: string, now = NOW) => findPublished({ meta: null, url: null, text, now });
const fromUrl = (url: string, now = NOW) => findPublished({ meta: null, url, text: '', now });

/** A paragraph long enough to count as prose, not as a header line. */
const PROSE = 'The regional council met for three hours to discuss the new water plan, and members said they expected a final vote before the end of the season.';

describe('parsePublishedField', () => {
  it.each([
    ['2020-03-01', '2020-03-01'],
    ['2020-03-01T08:00', '2020-03-01T08:00'],
    ['2020-03-01T08:00:00Z', '2020-03-01T08:00'],
    ['2020-03-01T10:00:00+02:00', '2020-03-01T10:00'],
    ['2020-03-01T10:00:00.250-0500', '2020-03-01T10:00'],
    ['2020-03-01 10:00', '2020-03-01T10:00'],
    ['  2020-03-01  ', '2020-03-01'],
    ['2020-03', '2020-03'],
    ['2020', '2020'],
    ['2020-02-29', '2020-02-29'],
    ['2019-02-29', null],
    ['yesterday', null],
    ['2020-13-45', null],
    ['2020-00', null],
    ['', null],
    ['2020-03-01T25:00', null],
    ['2020-03-01T10:61', null],
    ['1 March 2020', null],
  ])('%j → %j', (raw, expected) => {
    expect(parsePublishedField(raw)).toBe(expected);
  });
});

describe('dates written in text', () => {
  it.each([
    ['Tuesday, January 28, 2014 8:18 PM EST', { year: 2014, month: 1, day: 28, hour: 20, minute: 18, weekday: 2, offsetMinutes: -300 }],
    ['Sun, 01 Mar 2020 08:00:00 +0000', { year: 2020, month: 3, day: 1, hour: 8, minute: 0, weekday: 0, offsetMinutes: 0 }],
    ['the 3rd of March', { year: null, month: 3, day: 3, hour: null }],
    ['Jan. 5, 2021', { year: 2021, month: 1, day: 5 }],
    ['Sept 7 2019', { year: 2019, month: 9, day: 7 }],
    ['5 May 2020, 10:30', { year: 2020, month: 5, day: 5, hour: 10, minute: 30 }],
    ['2020/03/01', { year: 2020, month: 3, day: 1 }],
    ['01.03.2020', { year: 2020, month: 3, day: 1 }],
    ['03/01/2020', { year: 2020, month: 3, day: 1 }],
    ['25/12/2020', { year: 2020, month: 12, day: 25 }],
  ])('%s', (text, expected) => {
    expect(findDates(text)[0]?.parts).toMatchObject(expected);
  });

  it.each(['February 30, 2020', '31/31/2020', 'in May we', '12:30'])('%s is no date', (text) => {
    expect(findDates(text)).toEqual([]);
  });
});

describe('findPublished: meta', () => {
  it.each([
    [[{ raw: '2021-05-04T09:30:00Z', from: 'meta' as const }], '2021-05-04T09:30'],
    [[{ raw: '2021-05-04T10:00:00+02:00', from: 'jsonld' as const }], '2021-05-04T10:00'],
    [[{ raw: '20210504', from: 'meta' as const }], '2021-05-04'],
    [[{ raw: '20210504T0930', from: 'meta' as const }], '2021-05-04T09:30'],
    [[{ raw: '1620120600', from: 'meta' as const }], null],
    [[{ raw: 'May 4, 2021', from: 'time' as const }], '2021-05-04'],
    [[{ raw: 'Published on May 4, 2021', from: 'time' as const }], '2021-05-04'],
    [[{ raw: 'not a date', from: 'meta' as const }, { raw: '2021-05-04', from: 'meta' as const }], '2021-05-04'],
  ])('%j → %s', (dates, expected) => {
    const result = findPublished({ meta: metaWith(dates), url: null, text: '', now: NOW });
    expect(result).toEqual(expected === null ? null : { value: expected, origin: 'meta' });
  });

  it('discards a date after now (not clamped) and falls through to the next source', () => {
    const meta = metaWith([{ raw: '2024-06-20', from: 'meta' }]);
    expect(findPublished({ meta, url: null, text: '', now: NOW })).toBeNull();
    expect(findPublished({ meta, url: 'https://x.example/2024/06/01/story', text: '', now: NOW })).toEqual({ value: '2024-06-01', origin: 'url' });
  });

  it('compares a date-time with its zone against now', () => {
    const now = new Date('2024-06-15T09:00:00Z');
    const ahead = metaWith([{ raw: '2024-06-15T10:30:00+02:00', from: 'meta' }]); // 08:30 UTC
    const behind = metaWith([{ raw: '2024-06-15T10:30:00Z', from: 'meta' }]);
    expect(findPublished({ meta: ahead, url: null, text: '', now })?.value).toBe('2024-06-15T10:30');
    expect(findPublished({ meta: behind, url: null, text: '', now })).toBeNull();
  });

  it('prefers meta over text over URL', () => {
    const meta = metaWith([{ raw: '2021-01-01', from: 'meta' }]);
    const text = 'date 2022-02-02\n' + PROSE;
    const url = 'https://x.example/2023/03/03/story';
    expect(findPublished({ meta, url, text, now: NOW })).toEqual({ value: '2021-01-01', origin: 'meta' });
    expect(findPublished({ meta: null, url, text, now: NOW })).toEqual({ value: '2022-02-02', origin: 'text' });
    expect(findPublished({ meta: null, url, text: PROSE, now: NOW })).toEqual({ value: '2023-03-03', origin: 'url' });
  });
});

describe('findPublished: the text\'s first lines', () => {
  it.each([
    ['an explicit date line', 'date 2020-03-01 Posted on by someone\n\n' + PROSE, '2020-03-01'],
    ['an explicit date line further down', `Title\n\n${PROSE}\n\n${PROSE}\nDate: 2021-07-09\n`, '2021-07-09'],
    ['"Posted: … Updated: …" takes the posted date', 'Harbour works begin\nPosted: Tuesday, January 28, 2014 8:18 PM EST Updated: Wednesday, January 29, 2014 9:00 AM EST\n' + PROSE, '2014-01-28T20:18'],
    ['"Published 3 March 2020"', 'Harbour works begin\nPublished 3 March 2020\n' + PROSE, '2020-03-03'],
    ['"First published on"', 'Harbour works begin\nFirst published on Mon 2 Mar 2020 14.05 GMT\n' + PROSE, '2020-03-02T14:05'],
    ['a byline with a date', 'Harbour works begin\nBy Lee Park | April 9, 2019\n' + PROSE, '2019-04-09'],
    ['a wire dateline with a full date', 'LISBON, March 1, 2020 (Reuters) - ' + PROSE, '2020-03-01'],
    ['a wire dateline, year from the text', 'Ferry strike ends\nLISBON, March 1 (Reuters) - ' + PROSE + ' The 2020 season opens soon.', '2020-03-01'],
    ['a dateline with country and dash', 'KANO, Nigeria, Feb. 3 (AFP) — ' + PROSE + ' It was the worst since 2019.', '2019-02-03'],
    ['a dateline with a weekday fixes the year', 'HARBOURTON, Monday, March 10 (Coastline Wire) - ' + PROSE, '2014-03-10'],
    ['weekday + day + month in the first paragraph', 'Talks resume\n\nThe ministers spoke by telephone, the office announced early Sunday 1 March. ' + PROSE + ' They met in 2016 and 2018.', '2020-03-01'],
    ['weekday + month + day', 'Talks resume\n\nThe agency said on Friday, March 6 that ' + PROSE + ' A deal was signed in 2018.', '2020-03-06'],
    ['weekday + full date keeps the written year', 'Talks resume\n\nOn Monday, 2 March 2015 the agency said ' + PROSE, '2015-03-02'],
  ])('%s', (_name, text, expected) => {
    expect(fromText(text)).toEqual({ value: expected, origin: 'text' });
  });

  it.each([
    ['a caption date below the header', 'Posted by someone\n\nA picture taken during a tour shows the area north of the city on February 17, 2020. (Photo by Agency)\n\n' + PROSE],
    ['a weekday date in a photo caption', 'Posted by someone\n\nOfficers at the scene in Riverton, Friday, Feb. 28, 2014. (AP Photo/Lee Park) The crowd had gathered before noon to see the parade.\n\n' + PROSE],
    ['a date deep in the body', `Title\n\n${PROSE}\n\n${PROSE}\n\nThe law was passed on 4 June 2019, officials said.`],
    ['an event day without a weekday date', 'Talks resume\n\n' + PROSE + ' Fighting broke out on Thursday.'],
    ['an "Updated" date only', 'Harbour works begin\nUpdated: January 29, 2014\n' + PROSE],
    ['nothing', PROSE],
    ['empty text', ''],
  ])('ignores %s', (_name, text) => {
    expect(fromText(text)).toBeNull();
  });

  it('never returns a text date after now', () => {
    expect(fromText('date 2024-07-01\n' + PROSE)).toBeNull();
    expect(fromText('Title\nPublished 16 June 2024\n' + PROSE)).toBeNull();
    expect(fromText('Title\nPublished 15 June 2024\n' + PROSE)).toEqual({ value: '2024-06-15', origin: 'text' });
  });
});

describe('year inference', () => {
  const sunday1March = { year: null, month: 3, day: 1, hour: null, minute: null, offsetMinutes: null, weekday: 0 };
  it.each([
    ['at or after the latest year mentioned', [2016, 2018], null, new Date('2024-01-01'), 2020],
    ['the most recent such year without mentions', [], null, new Date('2024-01-01'), 2020],
    ['never after now', [], null, new Date('2020-02-29'), 2015],
    ['years in the future are not anchors', [2030], null, new Date('2024-01-01'), 2020],
    ['the URL year first', [2019], 2009, new Date('2024-01-01'), 2009],
  ])('weekday: %s', (_name, mentioned, urlYear, now, expected) => {
    expect(inferYear(sunday1March, { mentioned, urlYear, now })).toBe(expected);
  });

  it('without a weekday: the latest mentioned year, else the latest past year', () => {
    const march5 = { ...sunday1March, day: 5, weekday: null };
    expect(inferYear(march5, { mentioned: [2011, 2017], urlYear: null, now: new Date('2024-01-01') })).toBe(2017);
    expect(inferYear(march5, { mentioned: [], urlYear: null, now: new Date('2024-01-01') })).toBe(2023);
    expect(inferYear(march5, { mentioned: [], urlYear: null, now: new Date('2024-06-01') })).toBe(2024);
  });

  it('a weekday that never fits gives no year', () => {
    const feb30 = { ...sunday1March, month: 2, day: 30 };
    expect(inferYear(feb30, { mentioned: [], urlYear: null, now: NOW })).toBeNull();
  });
});

describe('findPublished: URL', () => {
  it.each([
    ['https://news.example.com/2020/03/01/story-slug', '2020-03-01'],
    ['https://news.example.com/world/20200301/story', '2020-03-01'],
    ['https://news.example.com/story-2020-03-01.html', '2020-03-01'],
    ['https://news.example.com/world/2020/mar/01/story', '2020-03-01'],
    ['https://news.example.com/2020/03/story', '2020-03'],
    ['https://news.example.com/2020/13/45/story', null],
    ['https://news.example.com/2025/01/01/story', null],
    ['https://news.example.com/item/123456789', null],
    ['https://news.example.com/id/20201399', null],
    ['not a url at all', null],
  ])('%s → %s', (url, expected) => {
    expect(fromUrl(url)).toEqual(expected === null ? null : { value: expected, origin: 'url' });
  });

  it('reads an archived copy\'s original URL, and the snapshot time bounds the date', () => {
    const archived = 'http://web.archive.org/web/20190405120000/http://news.example.com/2019/04/02/story';
    expect(fromUrl(archived)).toEqual({ value: '2019-04-02', origin: 'url' });
    const snapshotBefore = 'http://web.archive.org/web/20190401000000/http://news.example.com/x';
    expect(findPublished({ meta: null, url: snapshotBefore, text: 'date 2019-04-02\n' + PROSE, now: NOW })).toBeNull();
    // "Saturday, May 17" without a year: the latest fitting year before the snapshot, not before today.
    const text = 'Party shooting\n\nA teenager was arrested after a shooting during a party on Saturday, May 17. ' + PROSE;
    const snapshot = 'http://web.archive.org/web/20140601000000/http://news.example.com/story';
    expect(findPublished({ meta: null, url: snapshot, text, now: NOW })).toEqual({ value: '2014-05-17', origin: 'text' });
  });

  it('uses the canonical URL when no url is given', () => {
    const meta = { ...metaWith([]), canonicalUrl: 'https://x.example/2019/11/02/a' };
    expect(findPublished({ meta, url: null, text: '', now: NOW })).toEqual({ value: '2019-11-02', origin: 'url' });
  });
});

describe.skipIf(!seedsPresent)('seeds', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('seed 002: the explicit date line', () => {
    expect(findPublished({ meta: null, url: null, text: readSeed('002'), now })).toEqual({ value: '2020-03-01', origin: 'text' });
  });
  it('seed 000: "early Sunday 1 March", year by weekday', () => {
    expect(findPublished({ meta: null, url: null, text: readSeed('000'), now })).toEqual({ value: '2020-03-01', origin: 'text' });
  });
});

describe('properties', () => {
  const textish = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom('date ', 'Posted: ', 'Sunday ', '1 ', 'March ', '2020', '-', '\n', '(Reuters) - ', 'Updated ', ', ', '29 ', 'Feb ', '12:30 PM '), { maxLength: 40 }).map((a) => a.join('')),
  );
  const urlish = fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string(), fc.constant(null));

  it('never throws and never returns a date after now', () => {
    fc.assert(
      fc.property(textish, urlish, fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (text, url, now) => {
        const result = findPublished({ meta: null, url, text, now });
        if (result) {
          const day = result.value.slice(0, 10);
          const today = now.toISOString().slice(0, 10);
          expect(day.length === 10 ? day <= today : result.value.slice(0, 7) <= today.slice(0, 7)).toBe(true);
          expect(result.value).toMatch(/^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2})?)?$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parsePublishedField never throws and returns a TIMEX3 value or null', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const value = parsePublishedField(raw);
        expect(value === null || /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/.test(value)).toBe(true);
      }),
    );
  });
});
