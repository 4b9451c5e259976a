import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageMeta } from '../src/extract/meta.js';
import { domainOf, findSource, knownOutletByDomain, knownOutletByName } from '../src/extract/source.js';
import { readSeed, seedsPresent } from './support/seeds.js';

const meta = (fields: Partial<PageMeta>): PageMeta => ({
  title: null, siteName: null, canonicalUrl: null, byline: null, lang: null, dates: [], ...fields,
});
const source = (input: Partial<{ field: string | null; url: string | null; meta: PageMeta | null; text: string }>) =>
  findSource({ field: null, url: null, meta: null, text: '', ...input });

const PROSE = 'Heavy rain flooded several streets in the old town overnight, and the fire service said it had pumped water from more than forty cellars by morning.';

describe('domain', () => {
  it.each([
    ['https://www.reuters.com/world/story', 'reuters.com'],
    ['https://news.bbc.co.uk/2/hi/story.stm', 'bbc.co.uk'],
    ['https://www.bbc.co.uk/news/world', 'bbc.co.uk'],
    ['https://edition.cnn.com/2020/03/01/story', 'cnn.com'],
    ['https://news.sky.com/story/x', 'news.sky.com'],
    ['https://www.smh.com.au/world/x', 'smh.com.au'],
    ['https://blog.small-town-paper.example.org/post', 'example.org'],
    ['http://localhost:8080/x', 'localhost'],
    ['http://web.archive.org/web/20141108120159/http://www.wkxx.example.com:80/story/1', 'example.com'],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, expected) => {
    expect(domainOf(url)).toBe(expected);
  });
});

describe('name', () => {
  it.each([
    ['the input field wins', { field: 'Valley Gazette', url: 'https://www.reuters.com/x', meta: meta({ siteName: 'Other' }) }, 'Valley Gazette', 'reuters.com'],
    ['og:site_name', { url: 'https://www.lantern-news.example/x', meta: meta({ siteName: 'The Daily Lantern' }) }, 'The Daily Lantern', 'lantern-news.example'],
    ['og:site_name of a known outlet takes its usual name', { url: 'https://www.bbc.co.uk/news/x', meta: meta({ siteName: 'BBC News' }) }, 'BBC', 'bbc.co.uk'],
    ['the known-domain table', { url: 'https://www.aljazeera.com/news/x' }, 'Al Jazeera', 'aljazeera.com'],
    ['the canonical URL when there is no url', { meta: meta({ canonicalUrl: 'https://apnews.com/article/x' }) }, 'Associated Press', 'apnews.com'],
    ['a known outlet as lead-in', { text: `Bridge closed\nReuters: ${PROSE}` }, 'Reuters', null],
    ['a known outlet glued to a section label', { text: `Bridge closed\n\n${PROSE}\n\nPress TVWorld: ${PROSE}` }, 'Press TV', null],
    ['an unknown outlet lead-in ending in an outlet word', { text: `Hilltown Evening Post: ${PROSE}` }, 'Hilltown Evening Post', null],
    ['a Reuters dateline', { text: `LISBON, March 1 (Reuters) - ${PROSE}` }, 'Reuters', null],
    ['an AP dateline', { text: `DENVER (AP) — ${PROSE}` }, 'Associated Press', null],
    ['an AFP dateline', { text: `Flood warning\nKANO, Nigeria (AFP) - ${PROSE}` }, 'AFP', null],
    ['an unknown agency after an upper-case place', { text: `PORTVILLE (Coastline Wire) - ${PROSE}` }, 'Coastline Wire', null],
    ['a blog "Posted on … by NAME" line', { text: `date 2021-02-03 Posted on by riverwatcher\n\n${PROSE}` }, 'riverwatcher', null],
    ['"Posted by NAME on DATE"', { text: `Posted by Maple Notes on May 3, 2021\n${PROSE}` }, 'Maple Notes', null],
    ['a byline naming the outlet', { text: `Bridge closed\nBy Ana Reyes, Hilltown Press Agency\n\n${PROSE}` }, 'Hilltown Press Agency', null],
    ['an "OUTLET staff" credit line', { text: `Bridge closed\nValley Courier staff\n\n${PROSE}` }, 'Valley Courier', null],
    ['an "OUTLET — team" credit line', { text: `Bridge closed\nRiver Aid Network — field team North\n\n${PROSE}` }, 'River Aid Network', null],
    ['an outlet name alone on a line', { text: `Bridge closed\nValley Evening Post\n\n${PROSE}` }, 'Valley Evening Post', null],
    ['a page title affix that spells the domain', { url: 'https://www.eastbrook-times.example/x', meta: meta({ documentTitle: 'Flood warning | The Eastbrook Times' }) }, 'The Eastbrook Times', 'eastbrook-times.example'],
    ['og:site_name without its tagline', { url: 'https://knb.example/x', meta: meta({ siteName: 'KNB News — Karvonian National Broadcaster' }) }, 'KNB News', 'knb.example'],
    ['the domain itself, last', { url: 'https://www.quiet-valley-blog.example/post/1' }, 'quiet-valley-blog.example', 'quiet-valley-blog.example'],
    ['nothing at all', {}, null, null],
  ])('%s', (_name, input, name, domain) => {
    expect(source(input)).toEqual({ name, domain });
  });

  it.each([
    ['a section label', `Breaking News: ${PROSE}`],
    ['a press release label', `Press Release: ${PROSE}`],
    ['a cited source in the body', `Bridge closed\n${PROSE} According to Anadolu news agency, the bridge will reopen.`],
    ['an organisation in parentheses without a dash', `Bridge closed\nThe monitoring group (SOHR) said ${PROSE}`],
    ['a speaker lead-in', `Mayor Jones: ${PROSE}`],
    ['"Posted by admin"', `Posted by admin\n${PROSE}`],
    ['a byline with a job title', `By Ana Reyes, senior correspondent\n${PROSE}`],
    ['a headline with a dash', `Storm hits coast — thousands without power\n${PROSE}`],
  ])('does not take %s as the outlet', (_name, text) => {
    expect(source({ text }).name).toBeNull();
  });

  it('the known-domain table beats text cues; text cues beat the bare domain', () => {
    expect(source({ url: 'https://www.theguardian.com/x', text: `LONDON (Reuters) - ${PROSE}` }).name).toBe('The Guardian');
    expect(source({ url: 'https://www.unknown-site.example/x', text: `LONDON (Reuters) - ${PROSE}` }).name).toBe('Reuters');
  });

  it('knows outlets by domain and by their aliases', () => {
    expect(knownOutletByDomain('reuters.com')).toBe('Reuters');
    expect(knownOutletByName('The Associated Press')).toBe('Associated Press');
    expect(knownOutletByName('Agence France-Presse')).toBe('AFP');
    expect(knownOutletByName('Iran Press')).toBe('Iran Press');
    expect(knownOutletByName('Nowhere Weekly')).toBeNull();
  });
});

describe.skipIf(!seedsPresent)('seeds', () => {
  it('seed 002: the blog author from "Posted on by …"', () => {
    expect(findSource({ field: null, url: null, meta: null, text: readSeed('002') })).toEqual({ name: 'uprootedpalestinians', domain: null });
  });
  it('seed 000: "Iran PressAsia:" is the outlet Iran Press with a section label', () => {
    expect(findSource({ field: null, url: null, meta: null, text: readSeed('000') })).toEqual({ name: 'Iran Press', domain: null });
  });
});

describe('properties', () => {
  it('never throws on random text and URLs', () => {
    const textish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom('Posted on ', 'by ', 'Reuters', '(AP) — ', ': ', 'Press', 'TV', '\n', 'LONDON ', 'x'), { maxLength: 30 }).map((a) => a.join('')),
    );
    const urlish = fc.oneof(fc.webUrl(), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(textish, urlish, fc.option(fc.string()), (text, url, field) => {
        const result = findSource({ field, url, meta: null, text });
        expect(result.name === null || typeof result.name === 'string').toBe(true);
        if (field?.trim()) expect(result.name).toBe(field.trim());
      }),
      { numRuns: 300 },
    );
  });
});
