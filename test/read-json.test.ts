import { describe, expect, it } from 'vitest';
import { readBytes, type ReadItem } from '../src/read/index.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const summary = (items: ReadItem[]) =>
  items.map((i) => (i.kind === 'record' ? `${i.origin} ok` : `${i.origin}: ${i.reason}`));

const LINES = [
  '{"id":"a1","text":"First story.","source":"The Valley Courier","extra":{"ignored":true}}',
  '{"id":"a2","html":"<p>Second story.</p>","published":"2020-03-01"}',
  '{"id":"a3", "text": "broken',
  '',
  '{"id":"a4","text":"x","html":"<p>y</p>"}',
  '{"id":"a5"}',
  '{"id":7,"text":"numeric id"}',
  '["not", "an", "object"]',
  '{"id":"a8","text":"Last story.","url":null}',
].join('\n');

describe.each(['feed.jsonl', 'feed.ndjson'])('JSON Lines (%s)', (name) => {
  const items = readBytes(name, bytes(LINES));

  it('reads good lines around bad ones, with the line number in the origin', () => {
    expect(summary(items)).toEqual([
      `${name}:1 ok`,
      `${name}:2 ok`,
      expect.stringMatching(new RegExp(`^${name}:3: invalid JSON: .+ at column 28$`)),
      `${name}:5: needs exactly one of text and html`,
      `${name}:6: needs exactly one of text and html`,
      `${name}:7: "id" must be a string, got a number`,
      `${name}:8: expected a JSON object, got an array`,
      `${name}:9 ok`,
    ]);
  });

  it('keeps known fields, drops unknown ones and nulls', () => {
    const records = items.flatMap((i) => (i.kind === 'record' ? [i.record] : []));
    expect(records).toEqual([
      { id: 'a1', text: 'First story.', source: 'The Valley Courier' },
      { id: 'a2', html: '<p>Second story.</p>', published: '2020-03-01' },
      { id: 'a8', text: 'Last story.' },
    ]);
    expect(items.every((i) => i.kind === 'rejected' || i.format === 'json')).toBe(true);
  });
});

describe('JSON documents', () => {
  it.each([
    ['one object', '{"text":"Only one."}', ['doc.json ok']],
    ['an array, origins #item-N', '[{"text":"One."},{"title":"no body"},{"html":"<p>Three</p>"}]', [
      'doc.json#item-1 ok',
      'doc.json#item-2: needs exactly one of text and html',
      'doc.json#item-3 ok',
    ]],
    ['invalid JSON, with line and column', '{\n  "text": "a",\n  oops\n}', [expect.stringMatching(/^doc\.json: invalid JSON: .* at line 3, column 3$/)]],
    ['a scalar', '42', ['doc.json: expected a JSON object, got a number']],
    ['an empty array', '[]', ['doc.json: empty JSON array']],
    ['an empty text', '{"text":"   "}', ['doc.json: "text" is empty']],
    ['a non-string text', '{"text":["a"]}', ['doc.json: "text" must be a string, got an array']],
    ['JSON Lines saved as .json', '{"text":"a"}\n{"text":"b"}\n', ['doc.json:1 ok', 'doc.json:2 ok']],
  ])('%s', (_label, json, expected) => {
    expect(summary(readBytes('doc.json', bytes(json)))).toEqual(expected);
  });

  it('rejects a record whose body is over the limit, keeping the rest', () => {
    const json = JSON.stringify([{ text: 'x'.repeat(3 * 1024 * 1024) }, { text: 'small' }]);
    expect(summary(readBytes('big.json', bytes(json), { maxBytes: 1024 * 1024 }))).toEqual([
      'big.json#item-1: document is 3 MB, over the 1 MB limit',
      'big.json#item-2 ok',
    ]);
  });

  it('reads a JSON file with a BOM and Windows-1252 bytes', () => {
    const json = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"text":"caf\u00e9"}')]);
    expect(readBytes('bom.json', new Uint8Array(json))).toEqual([
      { kind: 'record', origin: 'bom.json', format: 'json', record: { text: 'café' } },
    ]);
  });
});
