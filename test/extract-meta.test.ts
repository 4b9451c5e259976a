import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDom } from '../src/extract/dom.js';
import { readPageMeta, stripSiteAffix } from '../src/extract/meta.js';

const page = (head: string, body = '', htmlAttrs = ''): string =>
  `<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;
const metaOf = (html: string) => readPageMeta(parseDom(html));
const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('title', () => {
  it.each([
    ['og:title first', page('<meta property="og:title" content="Bridge reopens in Eastvale"><title>Other | Site</title>'), 'Bridge reopens in Eastvale'],
    ['twitter:title next', page('<meta name="twitter:title" content="Flood waters recede"><title>Other</title>'), 'Flood waters recede'],
    ['JSON-LD headline', page(jsonLd({ '@type': 'NewsArticle', headline: 'Mayor opens new library' }) + '<title>x</title>'), 'Mayor opens new library'],
    ['<title> minus " | Site"', page('<title>Harbour ferry resumes service | The Coastal Courier</title>'), 'Harbour ferry resumes service'],
    ['<title> minus " - Site" named by og:site_name', page('<meta property="og:site_name" content="Valley Gazette"><title>Council votes on budget plan - Valley Gazette</title>'), 'Council votes on budget plan'],
    ['<h1> as the last resort', page('', '<h1>Storm closes mountain pass</h1>'), 'Storm closes mountain pass'],
    ['visible headline over a meta title that extends it', page('<title>Snow returns to the north - and stays all week | Site</title>', '<h1>Snow returns to the north</h1>'), 'Snow returns to the north'],
  ])('%s', (_name, html, expected) => {
    expect(metaOf(html).title).toBe(expected);
  });

  it('keeps a dash that continues the headline', () => {
    expect(stripSiteAffix('Rain - and then more rain - for the weekend', null)).toBe('Rain - and then more rain - for the weekend');
  });

  it('strips a leading site name when the site is known', () => {
    expect(stripSiteAffix('Valley Gazette: Council votes on budget', 'Valley Gazette')).toBe('Council votes on budget');
  });

  it('is null on a page without any title', () => {
    expect(metaOf(page('', '<p>no title here</p>')).title).toBeNull();
  });
});

describe('site name, canonical URL, byline, language', () => {
  it.each([
    ['og:site_name', page('<meta property="og:site_name" content="The Daily Lantern">'), 'The Daily Lantern'],
    ['JSON-LD publisher.name', page(jsonLd({ '@type': 'Article', publisher: { '@type': 'Organization', name: 'Hill Post' } })), 'Hill Post'],
    ['application-name', page('<meta name="application-name" content="River Times">'), 'River Times'],
  ])('site name from %s', (_name, html, expected) => {
    expect(metaOf(html).siteName).toBe(expected);
  });

  it.each([
    ['link rel=canonical', page('<link rel="canonical" href="https://news.example.org/a/1">'), 'https://news.example.org/a/1'],
    ['og:url', page('<meta property="og:url" content="https://news.example.org/a/2">'), 'https://news.example.org/a/2'],
    ['relative canonical resolved against og:url', page('<meta property="og:url" content="https://news.example.org/x"><link rel="canonical" href="/a/3">'), 'https://news.example.org/a/3'],
    ['nothing usable', page('<link rel="canonical" href="not a url">'), null],
  ])('canonical from %s', (_name, html, expected) => {
    expect(metaOf(html).canonicalUrl).toBe(expected);
  });

  it.each([
    ['meta author', page('<meta name="author" content="Dana Whitfield">'), 'Dana Whitfield'],
    ['JSON-LD author list', page(jsonLd({ '@type': 'NewsArticle', author: [{ name: 'A. Reyes' }, { name: 'B. Ortiz' }] })), 'A. Reyes, B. Ortiz'],
    ['byline element without "By"', page('', '<div class="byline">By Sam Keller</div>'), 'Sam Keller'],
    ['a profile URL is not a name', page('<meta property="article:author" content="https://example.org/staff/1">'), null],
  ])('byline from %s', (_name, html, expected) => {
    expect(metaOf(html).byline).toBe(expected);
  });

  it.each([
    ['<html lang>', page('', '', 'lang="en"'), 'en'],
    ['og:locale', page('<meta property="og:locale" content="en_GB">'), 'en'],
    ['<html lang="de-AT">', page('', '', 'lang="de-AT"'), 'de'],
    ['not a language tag', page('<meta http-equiv="content-language" content="english please">'), null],
    ['none', page(''), null],
  ])('language from %s', (_name, html, expected) => {
    expect(metaOf(html).lang).toBe(expected);
  });
});

describe('publication-date candidates', () => {
  it.each([
    ['article:published_time', '<meta property="article:published_time" content="2021-05-04T09:30:00Z">', '2021-05-04T09:30:00Z', 'meta'],
    ['og:published_time', '<meta property="og:published_time" content="2021-05-04">', '2021-05-04', 'meta'],
    ['itemprop datePublished', '<meta itemprop="datePublished" content="2021-05-04">', '2021-05-04', 'meta'],
    ['dc.date', '<meta name="DC.date" content="2021-05-04">', '2021-05-04', 'meta'],
    ['pubdate', '<meta name="pubdate" content="20210504">', '20210504', 'meta'],
    ['sailthru.date', '<meta name="sailthru.date" content="2021-05-04 08:00:00">', '2021-05-04 08:00:00', 'meta'],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2021-05-04T08:00:00Z">', '2021-05-04T08:00:00Z', 'meta'],
    ['JSON-LD datePublished', jsonLd({ '@type': 'NewsArticle', datePublished: '2021-05-04T10:00:00+02:00' }), '2021-05-04T10:00:00+02:00', 'jsonld'],
    ['JSON-LD @graph', jsonLd({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'X' }, { '@type': 'BlogPosting', datePublished: '2021-05-04' }] }), '2021-05-04', 'jsonld'],
    ['JSON-LD array', jsonLd([{ '@type': 'Organization' }, { '@type': 'Article', datePublished: '2021-05-04' }]), '2021-05-04', 'jsonld'],
  ])('%s', (_name, head, raw, from) => {
    expect(metaOf(page(head)).dates[0]).toEqual({ raw, from });
  });

  it('reads <time datetime>, the one marked pubdate first', () => {
    const html = page('', '<aside><time datetime="2019-01-01">old</time></aside><article><time pubdate datetime="2021-05-04T07:00">May 4</time></article>');
    expect(metaOf(html).dates[0]).toEqual({ raw: '2021-05-04T07:00', from: 'time' });
  });

  it('orders the strong meta tags before JSON-LD and generic tags', () => {
    const html = page(
      '<meta name="date" content="2019-09-09">' + jsonLd({ '@type': 'NewsArticle', datePublished: '2021-05-03' }) +
        '<meta property="article:published_time" content="2021-05-04">',
    );
    expect(metaOf(html).dates.map((d) => d.raw)).toEqual(['2021-05-04', '2021-05-03', '2019-09-09']);
  });

  it('reads a visible "Published on" label but not an "Updated" one', () => {
    const html = page('', '<h1>Ferry timetable changes</h1><div class="post-date">Updated March 9, 2021</div><div class="post-date">Published on March 2, 2021</div>');
    const raws = metaOf(html).dates.map((d) => d.raw);
    expect(raws).toContain('Published on March 2, 2021');
    expect(raws.some((r) => r.startsWith('Updated'))).toBe(false);
  });

  it('reads a date written next to the headline', () => {
    const html = page('', '<nav><a>Home</a></nav><h1>Orchard harvest starts early</h1><div><span>June 14, 2022</span><span>4 min read</span></div><p>Text.</p>');
    expect(metaOf(html).dates).toContainEqual({ raw: 'June 14, 2022', from: 'time' });
  });

  it('survives malformed JSON-LD and reads forgiving JSON (trailing commas)', () => {
    const broken = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>');
    expect(metaOf(broken).dates).toEqual([]);
    const trailing = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-05-04",}</script>');
    expect(metaOf(trailing).dates[0]).toEqual({ raw: '2021-05-04', from: 'jsonld' });
  });
});

describe('robustness', () => {
  it('never throws on random markup', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom('<meta property="og:title" content="', '<script type="application/ld+json">', '</script>', '{"@graph":[', '<time datetime="', '<h1>', '"', '>', '<title>'),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 20 }), (parts) => {
        const meta = metaOf(parts.join(''));
        expect(Array.isArray(meta.dates)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
