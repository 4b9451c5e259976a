import { withoutTagline } from '../src/read/feed.js';
import { describe, expect, it } from 'vitest';
import type { InputRecord } from '../src/document.js';
import { readBytes, type ReadItem } from '../src/read/index.js';
import { normaliseFeedDate } from '../src/read/dates.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const records = (items: ReadItem[]): InputRecord[] => items.flatMap((i) => (i.kind === 'record' ? [i.record] : []));

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>The Valley Courier</title>
    <link>https://courier.example/</link>
    <atom:link href="https://courier.example/feed" rel="self"/>
    <item>
      <title>Bridge reopens after repairs</title>
      <link>https://courier.example/bridge</link>
      <guid isPermaLink="false">courier-101</guid>
      <pubDate>Tue, 03 Mar 2020 09:39:21 +0100</pubDate>
      <description>Short teaser &amp; more</description>
      <content:encoded><![CDATA[<p>The old bridge over the Lark reopened on Monday &amp; traffic resumed.</p>]]></content:encoded>
      <media:content url="https://courier.example/a.jpg" type="image/jpeg"/>
    </item>
    <item>
      <title>Council meets</title>
      <guid>https://courier.example/council</guid>
      <dc:date>2020-03-04T18:00:00Z</dc:date>
      <description>&lt;p&gt;The council met &lt;b&gt;twice&lt;/b&gt;.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Only a title</title>
      <link>https://courier.example/empty</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Harbour Notes</title>
  <id>urn:uuid:feed-1</id>
  <entry>
    <title>Ferry timetable changes</title>
    <id>urn:uuid:entry-1</id>
    <link rel="edit" href="https://harbour.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://harbour.example/ferry"/>
    <published>2021-06-01T08:30:00+02:00</published>
    <updated>2021-06-02T10:00:00+02:00</updated>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ferries run <em>hourly</em> from June &amp; July.</p></div></content>
  </entry>
  <entry>
    <title>Quay works</title>
    <id>urn:uuid:entry-2</id>
    <link href="https://harbour.example/quay"/>
    <updated>2021-06-03T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Works on the quay begin.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain note</title>
    <id>urn:uuid:entry-3</id>
    <content>Plain text content only.</content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://mill.example/">
    <title>Mill Town Weekly</title>
    <link>https://mill.example/</link>
  </channel>
  <item rdf:about="https://mill.example/fair">
    <title>County fair draws crowds</title>
    <link>https://mill.example/fair</link>
    <description>Thousands visited the &lt;i&gt;fair&lt;/i&gt;.</description>
    <dc:date>2019-08-10</dc:date>
  </item>
</rdf:RDF>`;

describe('RSS 2.0', () => {
  const items = readBytes('news.rss', bytes(RSS));

  it('reads every item in order with origins path#item-N', () => {
    expect(items.map((i) => [i.kind, i.origin])).toEqual([
      ['record', 'news.rss#item-1'],
      ['record', 'news.rss#item-2'],
      ['rejected', 'news.rss#item-3'],
    ]);
    expect(items.every((i) => i.kind === 'rejected' || i.format === 'feed')).toBe(true);
  });

  it('prefers content:encoded, normalises the RFC 822 date, keeps guid as id', () => {
    expect(records(items)[0]).toEqual({
      id: 'courier-101',
      url: 'https://courier.example/bridge',
      source: 'The Valley Courier',
      title: 'Bridge reopens after repairs',
      published: '2020-03-03T09:39:21+01:00',
      html: '<p>The old bridge over the Lark reopened on Monday &amp; traffic resumed.</p>',
    });
  });

  it('falls back to the description as HTML and to a permalink guid as url', () => {
    expect(records(items)[1]).toEqual({
      id: 'https://courier.example/council',
      url: 'https://courier.example/council',
      source: 'The Valley Courier',
      title: 'Council meets',
      published: '2020-03-04T18:00:00Z',
      html: '<p>The council met <b>twice</b>.</p>',
    });
  });

  it('rejects an item with no content, with a reason', () => {
    const third = items[2];
    expect(third?.kind === 'rejected' && third.reason).toMatch(/no content/);
  });
});

describe('Atom', () => {
  const items = readBytes('harbour.atom', bytes(ATOM));
  const [ferry, quay, note] = records(items);

  it('keeps xhtml content as markup and uses the rel=alternate link', () => {
    expect(ferry).toMatchObject({
      id: 'urn:uuid:entry-1',
      url: 'https://harbour.example/ferry',
      source: 'Harbour Notes',
      published: '2021-06-01T08:30:00+02:00',
    });
    expect(ferry?.html).toContain('<p>Ferries run <em>hourly</em> from June &amp; July.</p>');
  });

  it('reads content type=html and falls back to updated for the date', () => {
    expect(quay).toMatchObject({ url: 'https://harbour.example/quay', published: '2021-06-03T00:00:00Z' });
    expect(quay?.html).toBe('<p>Works on the quay begin.</p>');
  });

  it('reads text content as text', () => {
    expect(note).toMatchObject({ text: 'Plain text content only.' });
    expect(note?.html).toBeUndefined();
  });
});

describe('RDF / RSS 1.0', () => {
  it('reads items beside the channel', () => {
    const items = readBytes('mill.rdf', bytes(RDF));
    expect(items).toHaveLength(1);
    expect(items[0]).toEqual({
      kind: 'record',
      origin: 'mill.rdf#item-1',
      format: 'feed',
      record: {
        id: 'https://mill.example/fair',
        url: 'https://mill.example/fair',
        source: 'Mill Town Weekly',
        title: 'County fair draws crowds',
        published: '2019-08-10',
        html: 'Thousands visited the <i>fair</i>.',
      },
    });
  });
});

describe('feed detection and errors', () => {
  it.each([
    ['a .txt that is a feed', 'feed.txt'],
    ['a file without extension', 'feed'],
    ['stdin', '-'],
  ])('recognises %s by content', (_label, name) => {
    const items = readBytes(name, bytes(RSS));
    expect(items[0]).toMatchObject({ kind: 'record', format: 'feed' });
  });

  it.each([
    ['broken XML', '<rss><channel><item><title>x</title></channel>', /^not a valid RSS\/Atom feed: /],
    ['XML that is not a feed', '<?xml version="1.0"?><catalog><book/></catalog>', /not a valid RSS\/Atom feed: the root element is <catalog>/],
    ['a feed without items', '<rss version="2.0"><channel><title>Quiet</title></channel></rss>', /feed has no items/],
  ])('rejects %s', (_label, xml, reason) => {
    const items = readBytes('bad.xml', bytes(xml));
    expect(items).toHaveLength(1);
    expect(items[0]?.kind).toBe('rejected');
    expect(items[0]?.kind === 'rejected' && items[0].reason).toMatch(reason);
  });

  it('rejects an oversize item but keeps the others', () => {
    const big = 'x'.repeat(2000);
    const xml = `<rss><channel><item><description>${big}</description></item><item><description>small</description></item></channel></rss>`;
    const items = readBytes('big.rss', bytes(xml), { maxBytes: 1000 });
    expect(items.map((i) => i.kind)).toEqual(['rejected', 'record']);
    expect(items[0]?.kind === 'rejected' && items[0].reason).toBe('document is 2000 B, over the 1000 B limit');
  });
});

describe('normaliseFeedDate', () => {
  it.each([
    ['Tue, 03 Jun 2003 09:39:21 GMT', '2003-06-03T09:39:21Z'],
    ['Tue, 3 Jun 2003 09:39 EST', '2003-06-03T09:39:00-05:00'],
    ['03 Jun 03 09:39:21 -0700', '2003-06-03T09:39:21-07:00'],
    ['Wed, 04 March 2020 18:00:00 +0000', '2020-03-04T18:00:00Z'],
    ['1 Feb 2020', '2020-02-01'],
    ['2020-03-01', '2020-03-01'],
    ['2020-03-01 08:00', '2020-03-01T08:00'],
    ['2021-06-01T08:30:00.000+02:00', '2021-06-01T08:30:00.000+02:00'],
    ['31 Feb 2020 10:00:00 GMT', null],
    ['Sunday, March 1, 2020 8:00 AM GMT', '2020-03-01T08:00:00.000Z'],
    ['March 1, 2020', '2020-03-01'],
    ['March 1, 2020 14:05', '2020-03-01T14:05:00'],
    ['not a date', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseFeedDate(raw)).toBe(expected);
  });
});

describe('feed titles name the outlet', () => {
  it.each([
    ['Northgate Wire — World news', 'Northgate Wire'],
    ['Valley Post | Top stories', 'Valley Post'],
    ['Valley Post - Local', 'Valley Post'],
    ['Valley Post', 'Valley Post'],
    ['Semi-Detached Weekly', 'Semi-Detached Weekly'],
  ])('%s → %s', (title, name) => {
    expect(withoutTagline(title)).toBe(name);
  });
});
