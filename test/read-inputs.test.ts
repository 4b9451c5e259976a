import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type ReadItem, type ReadOptions } from '../src/read/index.js';
import { readSeed, seedPath, seedsDir, seedsPresent } from './support/seeds.js';

let root = '';
const at = (...parts: string[]) => join(root, ...parts);

async function collect(paths: string[], options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInputs(paths, options)) items.push(item);
  return items;
}

const brief = (items: ReadItem[]) =>
  items.map((i) => `${i.origin.replace(root, '')} ${i.kind === 'record' ? i.format : `✗ ${i.reason}`}`);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'crosscheck-read-'));
  mkdirSync(at('corpus', 'b-sub', 'deeper'), { recursive: true });
  mkdirSync(at('corpus', '.hidden-dir'));
  writeFileSync(at('corpus', 'c.txt'), 'Third by name.');
  writeFileSync(at('corpus', 'a.html'), '<p>First by name.</p>');
  writeFileSync(at('corpus', 'B.txt'), 'Upper case sorts before lower case.');
  writeFileSync(at('corpus', 'b-sub', 'inner.txt'), 'Inside the sub-folder.');
  writeFileSync(at('corpus', 'b-sub', 'deeper', 'deep.jsonl'), '{"text":"deep one"}\n{"text":\n{"html":"<p>deep three</p>"}\n');
  writeFileSync(at('corpus', '.dotfile.txt'), 'Should be skipped.');
  writeFileSync(at('corpus', '.hidden-dir', 'secret.txt'), 'Should be skipped too.');
  writeFileSync(at('report.pdf'), '%PDF-1.4\n%binary');
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('big.txt'), 'x'.repeat(2048));
  writeFileSync(at('many.jsonl'), Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Story ${i}.` })).join('\n'));
  writeFileSync(at('.explicit-dot.txt'), 'Named on the command line, so read.');
  symlinkSync(at('corpus'), at('corpus', 'b-sub', 'loop'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readInputs', () => {
  it('walks folders recursively in sorted order, skipping dot-files, without looping on links', async () => {
    expect(brief(await collect([at('corpus')]))).toEqual([
      '/corpus/B.txt text',
      '/corpus/a.html html',
      '/corpus/b-sub/deeper/deep.jsonl:1 json',
      expect.stringMatching(/^\/corpus\/b-sub\/deeper\/deep\.jsonl:2 ✗ invalid JSON: /),
      '/corpus/b-sub/deeper/deep.jsonl:3 json',
      '/corpus/b-sub/inner.txt text',
      '/corpus/c.txt text',
    ]);
  });

  it('keeps input order across paths and goes on after a missing one', async () => {
    expect(brief(await collect([at('corpus', 'c.txt'), at('missing.txt'), at('report.pdf'), at('empty.txt'), at('.explicit-dot.txt')]))).toEqual([
      '/corpus/c.txt text',
      '/missing.txt ✗ no such file or directory',
      '/report.pdf ✗ binary file (PDF)',
      '/empty.txt ✗ empty file',
      '/.explicit-dot.txt text',
    ]);
  });

  it('rejects an oversize file from its size', async () => {
    expect(brief(await collect([at('big.txt')], { maxBytes: 1024 }))).toEqual(['/big.txt ✗ document is 2 KB, over the 1 KB limit']);
  });

  it('streams JSON Lines with line origins', async () => {
    const items = await collect([at('many.jsonl')]);
    expect(items).toHaveLength(50);
    expect(items[49]).toEqual({ kind: 'record', origin: `${at('many.jsonl')}:50`, format: 'json', record: { id: 'n49', text: 'Story 49.' } });
  });

  it('reports an over-long JSON line by size and reads the next one', async () => {
    writeFileSync(at('long.jsonl'), `${JSON.stringify({ text: 'y'.repeat(5000) })}\n{"text":"short"}`);
    expect(brief(await collect([at('long.jsonl')], { maxBytes: 1024 }))).toEqual([
      '/long.jsonl:1 ✗ document is 4.9 KB, over the 1 KB limit',
      '/long.jsonl:2 json',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    writeFileSync(at('locked.txt'), 'secret');
    chmodSync(at('locked.txt'), 0o000);
    expect(brief(await collect([at('locked.txt')]))).toEqual(['/locked.txt ✗ permission denied']);
  });
});

describe('readInputs from stdin ("-")', () => {
  const stdin = (...chunks: Array<string | Buffer>) => Readable.from(chunks.map((c) => Buffer.from(c)));

  it.each([
    ['plain text', ['Harbour closed ', 'for the storm.'], ['- text']],
    ['HTML', ['<!doctype html><html><body>', '<p>x</p></body></html>'], ['- html']],
    ['an RSS feed', ['<rss version="2.0"><channel><title>S</title>', '<item><description>d</description></item></channel></rss>'], ['-#item-1 feed']],
    ['JSON Lines split across chunks', ['{"text":"o', 'ne"}\n{"te', 'xt":"two"}\n', 'nonsense\n'], ['-:1 json', '-:2 json', expect.stringMatching(/^-:3 ✗ invalid JSON/)]],
    ['nothing', [], ['- ✗ empty file']],
  ])('%s', async (_label, chunks, expected) => {
    expect(brief(await collect(['-'], { stdin: stdin(...chunks) }))).toEqual(expected);
  });

  it('reads stdin in its place among files', async () => {
    const items = await collect([at('corpus', 'c.txt'), '-', at('corpus', 'B.txt')], { stdin: stdin('from the pipe') });
    expect(items.map((i) => i.kind === 'record' && i.record.text)).toEqual(['Third by name.', 'from the pipe', 'Upper case sorts before lower case.']);
  });

  it('rejects binary stdin', async () => {
    expect(brief(await collect(['-'], { stdin: stdin(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2])) }))).toEqual(['- ✗ binary file (gzip)']);
  });

  it('rejects oversize stdin', async () => {
    const items = await collect(['-'], { stdin: stdin('z'.repeat(3000)), maxBytes: 1000 });
    expect(brief(items)).toEqual(['- ✗ document is 3000 B, over the 1000 B limit']);
  });
});

describe.skipIf(!seedsPresent)('the seed articles', () => {
  it.each(['000', '002'])('seed %s reads as one text record with its exact text', async (prefix) => {
    const items = await collect([seedPath(prefix)]);
    expect(items).toEqual([{ kind: 'record', origin: seedPath(prefix), format: 'text', record: { text: readSeed(prefix).replace(/^\uFEFF/, '') } }]);
  });

  it('the seed folder reads in sorted order', async () => {
    const origins = (await collect([seedsDir])).map((i) => i.origin);
    expect(origins).toEqual([...origins].sort());
    expect(origins.length).toBeGreaterThanOrEqual(2);
  });
});
