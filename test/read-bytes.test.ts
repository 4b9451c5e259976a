import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBytes, type ReadItem } from '../src/read/index.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const only = (items: ReadItem[]): ReadItem => {
  expect(items).toHaveLength(1);
  return items[0] as ReadItem;
};

describe('text and HTML by extension and content', () => {
  it.each([
    ['story.txt', 'Rain closed the pass on Tuesday.', 'text'],
    ['STORY.TXT', 'Upper-case extension.', 'text'],
    ['story', 'No extension at all.', 'text'],
    ['notes.md', 'An unknown extension is read as text.', 'text'],
    ['page.html', '<p>Fragment</p>', 'html'],
    ['page.htm', 'Even plain words in an .htm file are HTML.', 'html'],
    ['saved.txt', '<!DOCTYPE html><html><body><p>Saved page</p></body></html>', 'html'],
    ['saved.txt', '\n  <html lang="en"><body>x</body></html>', 'html'],
    ['saved', '<!-- saved --><!doctype HTML><title>t</title>', 'html'],
    ['quote.txt', '<Reuters> - The minister said prices would rise.', 'text'],
    ['-', 'Plain words from a pipe.', 'text'],
    ['-', '<html><body>piped page</body></html>', 'html'],
  ] as const)('%s: %s → %s', (name, content, format) => {
    const item = only(readBytes(name, bytes(content)));
    const field = format === 'html' ? 'html' : 'text';
    expect(item).toEqual({ kind: 'record', origin: name, format, record: { [field]: content } });
  });

  it('stdin that starts with an object is JSON Lines', () => {
    const items = readBytes('-', bytes('{"text":"one"}\n{"text":"two"}\n'));
    expect(items.map((i) => [i.origin, i.kind])).toEqual([['-:1', 'record'], ['-:2', 'record']]);
  });

  it('stdin that is an array of objects is JSON', () => {
    const items = readBytes('-', bytes('[{"text":"one"}]'));
    expect(items).toEqual([{ kind: 'record', origin: '-#item-1', format: 'json', record: { text: 'one' } }]);
  });

  it('decodes a Windows-1252 HTML page by its meta charset', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
      Buffer.from([0x93]), Buffer.from('Caf'), Buffer.from([0xe9, 0x94]),
      Buffer.from('</p></body></html>'),
    ]);
    const item = only(readBytes('old.html', new Uint8Array(page)));
    expect(item.kind === 'record' && item.record.html).toContain('<p>“Café”</p>');
  });
});

const MAGIC: Array<[string, number[]]> = [
  ['PDF', [...Buffer.from('%PDF-1.7\n')]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]],
  ['JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
  ['GIF image', [...Buffer.from('GIF89a')]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04, 0x14]],
  ['gzip', [0x1f, 0x8b, 0x08, 0x00]],
];

describe('rejections', () => {
  it.each(MAGIC)('binary file (%s)', (kind, magic) => {
    const content = new Uint8Array([...magic, ...Buffer.from(' then some text')]);
    expect(only(readBytes('looks-like-text.txt', content))).toEqual({
      kind: 'rejected', origin: 'looks-like-text.txt', reason: `binary file (${kind})`,
    });
  });

  it('binary file with NUL bytes', () => {
    const content = new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x01, 0x02, 0x03]);
    expect(only(readBytes('data.txt', content))).toMatchObject({ kind: 'rejected', reason: 'binary file (contains NUL bytes)' });
  });

  it('UTF-16 text is not mistaken for binary', () => {
    const content = new Uint8Array([0xff, 0xfe, ...Buffer.from('Tide tables', 'utf16le')]);
    expect(only(readBytes('tides.txt', content))).toMatchObject({ kind: 'record', record: { text: 'Tide tables' } });
  });

  it.each([
    ['no bytes', ''],
    ['only whitespace', ' \n\t \r\n'],
  ])('empty file: %s', (_label, content) => {
    expect(only(readBytes('blank.txt', bytes(content)))).toEqual({ kind: 'rejected', origin: 'blank.txt', reason: 'empty file' });
  });

  it('a document over the default 5 MB limit', () => {
    const content = new Uint8Array(Math.round(7.2 * 1024 * 1024)).fill(0x61);
    expect(only(readBytes('huge.txt', content))).toEqual({
      kind: 'rejected', origin: 'huge.txt', reason: 'document is 7.2 MB, over the 5 MB limit',
    });
  });

  it('a document over a custom limit', () => {
    expect(only(readBytes('page.html', bytes('<p>' + 'x'.repeat(300) + '</p>'), { maxBytes: 100 }))).toMatchObject({
      kind: 'rejected', reason: 'document is 307 B, over the 100 B limit',
    });
  });
});

describe('readBytes is total', () => {
  const names = fc.oneof(
    fc.string(),
    fc.constantFrom('-', '<stdin>', 'a.txt', 'a.html', 'a.htm', 'a.xml', 'a.rss', 'a.atom', 'a.rdf', 'a.json', 'a.jsonl', 'a.ndjson', 'a'),
  );
  const markupish = fc
    .array(fc.constantFrom('<rss>', '<channel>', '<item>', '</item>', '<description>', '&lt;p&gt;', '{"text":', '"x"}', '\n', '<html>', '[', ']', '{', '}', 'é', '\u0000', 'abc'), { maxLength: 40 })
    .map((parts) => bytes(parts.join('')));
  const contents = fc.oneof(fc.uint8Array({ maxLength: 2000 }), markupish);

  it('never throws, and every item is a record with exactly one body or a reasoned rejection', () => {
    fc.assert(
      fc.property(names, contents, fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }), (name, content, maxBytes) => {
        const items = readBytes(name, content, { maxBytes });
        for (const item of items) {
          if (item.kind === 'rejected') {
            expect(item.reason.length).toBeGreaterThan(0);
            continue;
          }
          const bodies = [item.record.text, item.record.html].filter((b) => b !== undefined);
          expect(bodies).toHaveLength(1);
          expect(typeof bodies[0]).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('sniffing stays fast on pathological input', () => {
  it.each([
    ['long whitespace before text', ' '.repeat(100_000) + 'word'],
    ['long whitespace before a tag', '\n'.repeat(100_000) + '<notatag'],
    ['an unclosed comment', '<!--' + ' '.repeat(100_000)],
  ])('%s', (_label, content) => {
    const started = Date.now();
    const items = readBytes('odd.txt', bytes(content));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(items[0]?.kind).toBe('record');
  });
});
