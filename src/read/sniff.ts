/** Recognising what a file holds from its first bytes / characters. */
import { bomlessUtf16Encoding, byteOrderMarkEncoding } from './decode.js';

interface MagicNumber {
  name: string;
  /** Bytes to match at `offset`; `null` matches any byte. */
  bytes: ReadonlyArray<number | null>;
  offset?: number;
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { name: 'PDF', bytes: ascii('%PDF-') },
  { name: 'PNG image', bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: ascii('GIF8') },
  { name: 'WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { name: 'TIFF image', bytes: [...ascii('II*'), 0x00] },
  { name: 'TIFF image', bytes: [...ascii('MM'), 0x00, 0x2a] },
  { name: 'ZIP archive', bytes: [...ascii('PK'), 0x03, 0x04] },
  { name: 'ZIP archive', bytes: [...ascii('PK'), 0x05, 0x06] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'bzip2', bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'xz', bytes: [0xfd, ...ascii('7zXZ'), 0x00] },
  { name: '7-Zip archive', bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'RAR archive', bytes: [...ascii('Rar!'), 0x1a, 0x07] },
  { name: 'MS Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'executable', bytes: [0x7f, ...ascii('ELF')] },
  { name: 'MP4 video', bytes: ascii('ftyp'), offset: 4 },
];

function matchesMagic(bytes: Uint8Array, magic: MagicNumber): boolean {
  const offset = magic.offset ?? 0;
  if (bytes.length < offset + magic.bytes.length) return false;
  return magic.bytes.every((b, i) => b === null || bytes[offset + i] === b);
}

/** "PDF", "PNG image", "contains NUL bytes", or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC_NUMBERS.find((m) => matchesMagic(bytes, m));
  if (magic) return magic.name;
  if (byteOrderMarkEncoding(bytes) || bomlessUtf16Encoding(bytes)) return null;
  return bytes.includes(0) ? 'contains NUL bytes' : null;
}

/** Comments, processing instructions and doctypes that may precede the root element. */
const PROLOG = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/** Prologs longer than this do not occur in real documents; sniffing never scans a whole file. */
const SNIFF_WINDOW = 64 * 1024;

/** The name of the first element, as written (`rss`, `feed`, `rdf:RDF`, `html`), or null. */
export function rootElementName(text: string): string | null {
  const afterProlog = text.slice(0, SNIFF_WINDOW).replace(/^\uFEFF/, '').replace(PROLOG, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(afterProlog)?.[1] ?? null;
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf']);

function localName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(':') + 1).toLowerCase();
}

export function looksLikeFeed(text: string): boolean {
  const root = rootElementName(text);
  return root !== null && FEED_ROOTS.has(localName(root));
}

const HTML_DOCTYPE = /^(?:\s|<!--[\s\S]*?-->)*<!doctype\s+html/i;
/** Elements that open an HTML page or fragment but never a feed or a plain-text article. */
const HTML_ROOTS = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'article', 'main', 'section', 'div', 'p',
  'h1', 'h2', 'h3', 'header', 'nav', 'table', 'ul', 'span', 'figure', 'script', 'style',
]);

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_WINDOW).replace(/^\uFEFF/, '');
  if (HTML_DOCTYPE.test(head)) return true;
  const root = rootElementName(head);
  return root !== null && HTML_ROOTS.has(root.toLowerCase());
}

/** JSON Lines: the first non-blank line is an object. */
export function looksLikeJsonLines(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

export function looksLikeJsonArray(text: string): boolean {
  return /^\uFEFF?\s*\[\s*[{\]]/.test(text);
}
