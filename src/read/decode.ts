/**
 * Bytes → text. Order of evidence: a byte-order mark, then a declaration in the document
 * (`<meta charset>`, `http-equiv` Content-Type, `<?xml encoding=?>`), then strict UTF-8, then
 * Windows-1252, which decodes every byte, so no U+FFFD is ever invented for decodable input.
 */

interface ByteOrderMark {
  bytes: readonly number[];
  encoding: string;
}

const BYTE_ORDER_MARKS: readonly ByteOrderMark[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Where a document may declare its encoding; only the head of the file is searched. */
const XML_DECLARATION = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i;
const META_DECLARATIONS: readonly RegExp[] = [
  /<meta[^>]*?\scharset\s*=\s*["']?\s*([\w.:-]+)/i,
  /<meta[^>]*?\scontent\s*=\s*["'][^"'>]*?charset\s*=\s*([\w.:-]+)/i,
];

const DECLARATION_WINDOW = 4096;
const WINDOWS_1252 = 'windows-1252';

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG index). Node 20's TextDecoder decodes "windows-1252" as
 * Latin-1, turning curly quotes into C1 controls, so these are mapped here. The five bytes
 * Windows leaves undefined keep their C1 code point, as in the WHATWG index.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

export function byteOrderMarkEncoding(bytes: Uint8Array): string | null {
  return BYTE_ORDER_MARKS.find((bom) => startsWith(bytes, bom.bytes))?.encoding ?? null;
}

/**
 * UTF-16 without a BOM: text in Latin script has a zero in every other byte. Binary files have
 * zeros too, but not with this regularity.
 */
export function bomlessUtf16Encoding(bytes: Uint8Array): string | null {
  const pairs = Math.min(Math.floor(bytes.length / 2), 256);
  if (pairs < 4) return null;
  let zeroHigh = 0;
  let zeroLow = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroLow++;
    if (bytes[2 * i + 1] === 0) zeroHigh++;
  }
  const regular = (zeros: number, other: number) => zeros >= pairs * 0.9 && other === 0;
  if (regular(zeroHigh, zeroLow)) return 'utf-16le';
  if (regular(zeroLow, zeroHigh)) return 'utf-16be';
  return null;
}

function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * The encoding the document declares, if Node can decode it. `<meta>` counts only in markup, so
 * that a plain-text article quoting a tag is not reinterpreted.
 */
export function declaredEncoding(bytes: Uint8Array, html = false): string | null {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  const isMarkup = html || head.trimStart().startsWith('<');
  const patterns = isMarkup ? [XML_DECLARATION, ...META_DECLARATIONS] : [XML_DECLARATION];
  for (const pattern of patterns) {
    const label = pattern.exec(head)?.[1];
    const encoding = label ? canonicalEncoding(label) : null;
    // A UTF-16 declaration in bytes we could read as ASCII is a copy-paste error (WHATWG: use UTF-8).
    if (encoding) return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  if (encoding === WINDOWS_1252) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultiByteSequence(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/**
 * Declared single-byte encodings are often wrong (pages saved as UTF-8 keep their old
 * `iso-8859-1` meta). Non-ASCII bytes that form valid UTF-8 are almost never real Latin-1 text,
 * so valid UTF-8 wins over such a declaration.
 */
function decodeDeclared(bytes: Uint8Array, encoding: string): string | null {
  if (encoding !== 'utf-8' && hasMultiByteSequence(bytes)) {
    const asUtf8 = decodeStrict(bytes, 'utf-8');
    if (asUtf8 !== null) return asUtf8;
  }
  return decodeStrict(bytes, encoding);
}

function decodeUnmarked(bytes: Uint8Array, declared: string | null): string {
  const viaDeclaration = declared ? decodeDeclared(bytes, declared) : null;
  if (viaDeclaration !== null) return viaDeclaration;
  return decodeStrict(bytes, 'utf-8') ?? decodeWindows1252(bytes);
}

export function decodeText(bytes: Uint8Array, hint?: { html?: boolean }): string {
  const marked = byteOrderMarkEncoding(bytes) ?? bomlessUtf16Encoding(bytes);
  if (marked) return new TextDecoder(marked).decode(bytes);
  return decodeUnmarked(bytes, declaredEncoding(bytes, hint?.html === true));
}
