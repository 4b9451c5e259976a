/**
 * Checks the bundled demo corpus itself (examples/demo), not the pipeline: that it has enough
 * documents, outlets and input formats to exercise every reader, that every document is visibly
 * labelled fictional, that the legacy-encoded files really are in their legacy encodings, and that
 * the copy pairs described in examples/README.md are really copies.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const demoDir = resolve(process.cwd(), 'examples', 'demo');
const LABEL = "FICTIONAL DEMO ARTICLE — written for crosscheck's demo corpus";
const META_DESCRIPTION_PREFIX = 'Fictional demo article';

type Format = 'txt' | 'txt-windows-1252' | 'txt-utf-16le' | 'html' | 'rss' | 'atom' | 'jsonl' | 'json';

interface CorpusDocument {
  /** Path relative to examples/demo, plus `#item N` inside multi-document files. */
  origin: string;
  format: Format;
  /** The outlet's domain: from the URL when the document has one, else from its folder. */
  outlet: string;
  /** The article text a reader sees (HTML reduced to the article element's text). */
  articleText: string;
  labelled: boolean;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function relativeToDemo(path: string): string {
  return path.slice(demoDir.length + 1);
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function startsWithUtf16leBom(bytes: Buffer): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xfe;
}

/**
 * Windows-1252's characters at 0x80–0x9F (undefined bytes stay as their C1 code points). Decoded by
 * hand because Node 20's TextDecoder('windows-1252') silently decodes ISO-8859-1 instead.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeWindows1252(bytes: Buffer): string {
  return Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte),
  ).join('');
}

function decodeText(bytes: Buffer): { text: string; format: Format } {
  if (startsWithUtf16leBom(bytes)) return { text: new TextDecoder('utf-16le').decode(bytes), format: 'txt-utf-16le' };
  if (isValidUtf8(bytes)) return { text: bytes.toString('utf8'), format: 'txt' };
  return { text: decodeWindows1252(bytes), format: 'txt-windows-1252' };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' '));
}

function articleElementHtml(html: string): string {
  return /<article[^>]*>([\s\S]*?)<\/article>/i.exec(html)?.[1] ?? '';
}

function articleElementText(html: string): string {
  return stripTags(articleElementHtml(html));
}

function metaDescription(html: string): string | null {
  return /<meta\s+name="description"\s+content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

function footerText(html: string): string {
  const footers = html.match(/<footer[^>]*>[\s\S]*?<\/footer>/gi) ?? [];
  return footers.map(stripTags).join(' ');
}

function canonicalUrl(html: string): string | null {
  return /<link\s+rel="canonical"\s+href="([^"]+)"/i.exec(html)?.[1] ?? null;
}

function isHtmlPageLabelled(html: string): boolean {
  return (metaDescription(html)?.startsWith(META_DESCRIPTION_PREFIX) ?? false) && footerText(html).includes(LABEL);
}

function lastNonEmptyLine(text: string): string {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '').at(-1) ?? '';
}

/** Concatenates every string found in a parsed XML node (Atom xhtml content parses to nested objects). */
function collectText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(collectText).join(' ');
  if (node !== null && typeof node === 'object') {
    return Object.entries(node)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, value]) => collectText(value))
      .join(' ');
  }
  return '';
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

interface RssItem {
  link: string;
  description?: string;
  'content:encoded'?: string;
}

function readRss(path: string): CorpusDocument[] {
  const feed = xmlParser.parse(readFileSync(path, 'utf8')) as { rss: { channel: { item: RssItem | RssItem[] } } };
  return asArray(feed.rss.channel.item).map((item, index) => {
    const content = item['content:encoded'] ?? item.description ?? '';
    return {
      origin: `${relativeToDemo(path)}#item ${index + 1}`,
      format: 'rss' as const,
      outlet: hostOf(item.link),
      articleText: stripTags(content),
      labelled: content.includes(LABEL),
    };
  });
}

interface AtomEntry {
  link: { '@_href': string } | Array<{ '@_href': string }>;
  content: unknown;
}

function readAtom(path: string): CorpusDocument[] {
  const feed = xmlParser.parse(readFileSync(path, 'utf8')) as { feed: { entry: AtomEntry | AtomEntry[] } };
  return asArray(feed.feed.entry).map((entry, index) => {
    const link = asArray(entry.link)[0];
    const content = stripTags(collectText(entry.content));
    return {
      origin: `${relativeToDemo(path)}#item ${index + 1}`,
      format: 'atom' as const,
      outlet: link ? hostOf(link['@_href']) : '',
      articleText: content,
      labelled: content.includes(LABEL),
    };
  });
}

interface InputRecordJson {
  url?: string;
  text?: string;
  html?: string;
  note?: string;
}

function fromInputRecord(record: InputRecordJson, origin: string, format: 'jsonl' | 'json'): CorpusDocument {
  const html = record.html;
  const noteLabelled = record.note === LABEL;
  return {
    origin,
    format,
    outlet: record.url ? hostOf(record.url) : '',
    articleText: html === undefined ? (record.text ?? '') : articleElementText(html),
    labelled: html === undefined ? noteLabelled : noteLabelled && isHtmlPageLabelled(html),
  };
}

function readJsonl(path: string): CorpusDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) =>
      fromInputRecord(JSON.parse(line) as InputRecordJson, `${relativeToDemo(path)}#line ${index + 1}`, 'jsonl'),
    );
}

function readJsonArray(path: string): CorpusDocument[] {
  const records = JSON.parse(readFileSync(path, 'utf8')) as InputRecordJson[];
  return records.map((record, index) => fromInputRecord(record, `${relativeToDemo(path)}#item ${index + 1}`, 'json'));
}

function readHtml(path: string): CorpusDocument[] {
  const html = readFileSync(path, 'utf8');
  const canonical = canonicalUrl(html);
  return [
    {
      origin: relativeToDemo(path),
      format: 'html',
      outlet: canonical ? hostOf(canonical) : basename(dirname(path)),
      articleText: articleElementText(html),
      labelled: isHtmlPageLabelled(html),
    },
  ];
}

function readText(path: string): CorpusDocument[] {
  const { text, format } = decodeText(readFileSync(path));
  return [
    {
      origin: relativeToDemo(path),
      format,
      outlet: basename(dirname(path)),
      articleText: text,
      labelled: lastNonEmptyLine(text) === LABEL,
    },
  ];
}

const READERS_BY_EXTENSION: ReadonlyArray<[string, (path: string) => CorpusDocument[]]> = [
  ['.txt', readText],
  ['.html', readHtml],
  ['.xml', readRss],
  ['.atom', readAtom],
  ['.jsonl', readJsonl],
  ['.json', readJsonArray],
];

function readCorpus(): CorpusDocument[] {
  return listFiles(demoDir).flatMap((path) => {
    const reader = READERS_BY_EXTENSION.find(([extension]) => extname(path) === extension)?.[1];
    if (!reader) throw new Error(`unexpected file in the demo corpus: ${path}`);
    return reader(path);
  });
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length;
}

/** Pairs documented in examples/README.md: the copy contains the original's paragraphs. */
const COPY_PAIRS = [
  {
    kind: 'verbatim repost',
    original: 'eastbrook-times.example/2025-03-07-dunmere-families-flee.html',
    copy: 'velsk-watch.example/2025-03-08-repost-dunmere-queue.html',
  },
  {
    kind: 'syndicated wire copy, new headline, trimmed ending',
    original: 'northgate-wire.example/2025-03-06-ostrel-market-strike.txt',
    copy: 'lumera-daily.example/2025-03-06-karvonia-market-blast.html',
  },
] as const;

/**
 * The body paragraphs of a document: for HTML, the attribute-less `<p>` elements of the article
 * (bylines, standfirsts and promos carry a class); for text, the blank-line blocks after the headline,
 * without the reporting credit and the fiction label.
 */
function paragraphsOf(path: string): string[] {
  const raw = readFileSync(join(demoDir, path), 'utf8');
  const paragraphs =
    extname(path) === '.html'
      ? Array.from(articleElementHtml(raw).matchAll(/<p>([\s\S]*?)<\/p>/gi), (match) => stripTags(match[1] ?? ''))
      : raw.split(/\n\s*\n/).slice(1);
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '' && paragraph !== LABEL && !paragraph.startsWith('('));
}

describe('the demo corpus', () => {
  const corpus = readCorpus();

  it('holds at least 40 documents, counting feed items and record lines', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it('comes from at least 10 distinct invented outlets on .example domains', () => {
    const outlets = new Set(corpus.map((doc) => doc.outlet));
    expect(outlets.size).toBeGreaterThanOrEqual(10);
    for (const outlet of outlets) expect(outlet).toMatch(/\.example$/);
  });

  it('gives every document an outlet that matches the folder it is filed under, except collected records', () => {
    for (const doc of corpus) {
      const folder = doc.origin.split('/')[0];
      if (folder !== 'collected') expect(doc.outlet, doc.origin).toBe(folder);
    }
  });

  it('uses every input format', () => {
    const formats = new Set(corpus.map((doc) => doc.format));
    const expected: Format[] = ['txt', 'txt-windows-1252', 'txt-utf-16le', 'html', 'rss', 'atom', 'jsonl', 'json'];
    for (const format of expected) expect(formats, format).toContain(format);
  });

  it('labels every document as fictional where a reader can see it', () => {
    const unlabelled = corpus.filter((doc) => !doc.labelled).map((doc) => doc.origin);
    expect(unlabelled).toEqual([]);
  });

  it('keeps every article between 150 and 700 words', () => {
    for (const doc of corpus) {
      const words = wordCount(doc.articleText.replace(LABEL, ''));
      expect(words, doc.origin).toBeGreaterThanOrEqual(150);
      expect(words, doc.origin).toBeLessThanOrEqual(700);
    }
  });

  it('gives each input record exactly one of text and html, as the contract requires', () => {
    const recordFiles = listFiles(demoDir).filter((path) => ['.json', '.jsonl'].includes(extname(path)));
    for (const path of recordFiles) {
      const raw = readFileSync(path, 'utf8');
      const records = (
        extname(path) === '.json' ? JSON.parse(raw) : raw.trim().split('\n').map((line) => JSON.parse(line))
      ) as InputRecordJson[];
      for (const record of records) expect((record.text === undefined) !== (record.html === undefined)).toBe(true);
    }
  });

  it('stores the Windows-1252 text in real Windows-1252 bytes, not UTF-8', () => {
    const path = join(demoDir, 'port-salva-gazette.example', '2025-03-11-port-salva-camp-windows1252.txt');
    const bytes = readFileSync(path);
    expect(isValidUtf8(bytes)).toBe(false);
    for (const byte of [0x93, 0x94, 0xe9]) expect(bytes.includes(byte), `byte 0x${byte.toString(16)}`).toBe(true);
    const text = decodeWindows1252(bytes);
    expect(text).toContain('“We are a port city.');
    expect(text).toContain('Hélène');
  });

  it('stores the UTF-16 text as UTF-16LE with a byte order mark', () => {
    const path = join(demoDir, 'radio-aldemar.example', '2025-03-13-castellane-talks-utf16le.txt');
    const bytes = readFileSync(path);
    expect(startsWithUtf16leBom(bytes)).toBe(true);
    expect(new TextDecoder('utf-16le').decode(bytes)).toContain('CASTELLANE, Thursday, March 13');
  });

  describe.each(COPY_PAIRS)('$kind', ({ original, copy }) => {
    it(`${copy} contains the paragraphs of ${original} it carries, in order`, () => {
      const originalParagraphs = paragraphsOf(original);
      const copyText = paragraphsOf(copy).join(' ');
      const carried = originalParagraphs.filter((paragraph) => copyText.includes(paragraph));
      expect(carried.length).toBeGreaterThanOrEqual(5);
      const positions = carried.map((paragraph) => copyText.indexOf(paragraph));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });
  });

  it('has the verbatim repost carry every paragraph of the original', () => {
    const [repost] = COPY_PAIRS;
    const copyText = paragraphsOf(repost.copy).join(' ');
    for (const paragraph of paragraphsOf(repost.original)) expect(copyText).toContain(paragraph);
  });

  it('has the syndicated copy carry the opening of the wire original under a new headline, without its ending', () => {
    const syndication = COPY_PAIRS[1];
    const originalParagraphs = paragraphsOf(syndication.original);
    const copyText = paragraphsOf(syndication.copy).join(' ');
    const carriedCount = originalParagraphs.findIndex((paragraph) => !copyText.includes(paragraph));
    expect(carriedCount).toBeGreaterThanOrEqual(5);
    expect(originalParagraphs.slice(carriedCount).some((paragraph) => copyText.includes(paragraph))).toBe(false);
    const originalHeadline = readFileSync(join(demoDir, syndication.original), 'utf8').split('\n')[0];
    const copyHeadline = /<h1>([^<]+)<\/h1>/.exec(readFileSync(join(demoDir, syndication.copy), 'utf8'))?.[1];
    expect(copyHeadline).toBeDefined();
    expect(copyHeadline).not.toBe(originalHeadline);
  });
});
