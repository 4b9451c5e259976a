import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/read/index.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const concat = (...parts: Array<Uint8Array | number[]>) => new Uint8Array(parts.flatMap((p) => [...p]));
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
function utf16be(s: string): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return new Uint8Array(be);
}

const SAMPLE = 'Café “Zürich” — 5 € naïve’s';

interface Case {
  name: string;
  bytes: Uint8Array;
  html?: boolean;
  expected: string;
}

const CASES: Case[] = [
  { name: 'UTF-8 without BOM', bytes: utf8(SAMPLE), expected: SAMPLE },
  { name: 'UTF-8 with BOM (BOM dropped)', bytes: concat([0xef, 0xbb, 0xbf], utf8(SAMPLE)), expected: SAMPLE },
  { name: 'UTF-16LE with BOM', bytes: concat([0xff, 0xfe], Buffer.from(SAMPLE, 'utf16le')), expected: SAMPLE },
  { name: 'UTF-16BE with BOM', bytes: concat([0xfe, 0xff], utf16be(SAMPLE)), expected: SAMPLE },
  { name: 'UTF-16LE without BOM (Latin text)', bytes: new Uint8Array(Buffer.from('Plain words here', 'utf16le')), expected: 'Plain words here' },
  {
    name: 'meta charset windows-1252 with 0x93/0x94 curly quotes',
    bytes: concat(latin1('<html><head><meta charset="windows-1252"></head><body>'), [0x93], latin1('Hi'), [0x94], latin1('</body></html>')),
    html: true,
    expected: '<html><head><meta charset="windows-1252"></head><body>“Hi”</body></html>',
  },
  {
    name: 'http-equiv Content-Type iso-8859-1 (read as windows-1252, as browsers do)',
    bytes: concat(latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf'), [0xe9, 0x92], latin1('s</p>')),
    html: true,
    expected: '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>café’s</p>',
  },
  {
    name: 'XML encoding declaration iso-8859-2',
    bytes: concat(latin1('<?xml version="1.0" encoding="ISO-8859-2"?><t>'), [0xb1], latin1('</t>')),
    expected: '<?xml version="1.0" encoding="ISO-8859-2"?><t>ą</t>',
  },
  {
    name: 'invalid UTF-8 without declaration → Windows-1252',
    bytes: concat(latin1('caf'), [0xe9], latin1(' l'), [0x92], latin1('homme')),
    expected: 'café l’homme',
  },
  {
    name: 'declared iso-8859-1 but bytes are valid UTF-8 → UTF-8 wins',
    bytes: utf8('<meta charset="iso-8859-1"><p>Zürich’s</p>'),
    html: true,
    expected: '<meta charset="iso-8859-1"><p>Zürich’s</p>',
  },
  {
    name: 'declared utf-8 but bytes invalid → Windows-1252',
    bytes: concat(latin1('<meta charset="utf-8"><p>na'), [0xef], latin1('ve</p>')),
    html: true,
    expected: '<meta charset="utf-8"><p>naïve</p>',
  },
  {
    name: 'unknown declared label is ignored',
    bytes: utf8('<meta charset="x-made-up"><p>déjà</p>'),
    html: true,
    expected: '<meta charset="x-made-up"><p>déjà</p>',
  },
  {
    name: 'meta in plain text is not a declaration',
    bytes: concat(latin1('A note about <meta charset="iso-8859-7"> tags: caf'), [0xe9]),
    expected: 'A note about <meta charset="iso-8859-7"> tags: café',
  },
];

describe('decodeText', () => {
  it.each(CASES)('$name', ({ bytes, html, expected }) => {
    const text = decodeText(bytes, { html });
    expect(text).toBe(expected);
    expect(text).not.toContain('\uFFFD');
  });

  it('round-trips any UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        // A leading U+FEFF is a BOM by definition and is dropped.
        const text = s.replace(/^\uFEFF+/, '');
        expect(decodeText(utf8(text))).toBe(text);
      }),
    );
  });

  it('never invents U+FFFD for bytes that carry no U+FFFD themselves', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeText(bytes);
        const hasUtf16Mark = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
        const fffdInUtf8 = Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]));
        // UTF-16 with a lone surrogate or an odd trailing byte is not decodable; those may map to U+FFFD.
        if (!hasUtf16Mark && !fffdInUtf8 && !isBomlessUtf16Like(bytes)) expect(decoded).not.toContain('\uFFFD');
      }),
    );
  });
});

function isBomlessUtf16Like(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && [...bytes].filter((b) => b === 0).length >= bytes.length / 2 - 1;
}
