/** One file's bytes → its items. Pure and total: bad input becomes a `rejected` item. */
import { extname } from 'node:path';
import type { Origin } from '../document.js';
import { decodeText } from './decode.js';
import { readFeed } from './feed.js';
import { readJsonDocument, readJsonLines } from './json.js';
import { binaryKind, looksLikeFeed, looksLikeHtml, looksLikeJsonArray, looksLikeJsonLines } from './sniff.js';
import { CONTAINER_LIMIT_FACTOR, maxBytesOf, oversizeReason, rejected, type ReadItem, type ReadOptions } from './types.js';

/** What the name says; `text` and `stdin` are refined by looking at the content. */
export type DeclaredKind = 'text' | 'html' | 'feed' | 'json' | 'jsonl' | 'stdin';
type ContentKind = 'text' | 'html' | 'feed' | 'json' | 'jsonl';

const EXTENSION_KINDS: Readonly<Record<string, DeclaredKind>> = {
  '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.rdf': 'feed',
  '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

const STDIN_NAMES = new Set(['-', '<stdin>']);

export function declaredKind(name: string): DeclaredKind {
  if (STDIN_NAMES.has(name)) return 'stdin';
  return EXTENSION_KINDS[extname(name).toLowerCase()] ?? 'text';
}

/** Kinds that hold one document, so the per-document limit applies to the whole file. */
export function isSingleDocumentKind(kind: DeclaredKind): boolean {
  return kind === 'text' || kind === 'html';
}

export function containerLimit(options: ReadOptions | undefined): number {
  return maxBytesOf(options) * CONTAINER_LIMIT_FACTOR;
}

interface Sniffer {
  kind: ContentKind;
  matches: (text: string) => boolean;
}

/** Ordered: the first that matches decides. Plain text is the fallback. */
const TEXT_SNIFFERS: readonly Sniffer[] = [
  { kind: 'feed', matches: looksLikeFeed },
  { kind: 'html', matches: looksLikeHtml },
];
const STDIN_SNIFFERS: readonly Sniffer[] = [
  { kind: 'jsonl', matches: looksLikeJsonLines },
  { kind: 'json', matches: looksLikeJsonArray },
  ...TEXT_SNIFFERS,
];

function contentKind(declared: DeclaredKind, text: string): ContentKind {
  if (declared !== 'text' && declared !== 'stdin') return declared;
  const sniffers = declared === 'stdin' ? STDIN_SNIFFERS : TEXT_SNIFFERS;
  return sniffers.find((s) => s.matches(text))?.kind ?? 'text';
}

type Reader = (text: string, origin: Origin, maxBytes: number) => ReadItem[];

const READERS: Readonly<Record<ContentKind, Reader>> = {
  text: (text, origin) => [{ kind: 'record', origin, record: { text }, format: 'text' }],
  html: (html, origin) => [{ kind: 'record', origin, record: { html }, format: 'html' }],
  feed: readFeed,
  json: readJsonDocument,
  jsonl: readJsonLines,
};

function readChecked(name: string, bytes: Uint8Array, options: ReadOptions | undefined): ReadItem[] {
  if (bytes.length === 0) return [rejected(name, 'empty file')];
  const binary = binaryKind(bytes);
  if (binary) return [rejected(name, `binary file (${binary})`)];
  const fileLimit = containerLimit(options);
  if (bytes.length > fileLimit) return [rejected(name, oversizeReason(bytes.length, fileLimit, 'file'))];
  const declared = declaredKind(name);
  const text = decodeText(bytes, { html: declared === 'html' });
  if (text.trim() === '') return [rejected(name, 'empty file')];
  const kind = contentKind(declared, text);
  const maxBytes = maxBytesOf(options);
  if (isSingleDocumentKind(kind) && bytes.length > maxBytes) {
    return [rejected(name, oversizeReason(bytes.length, maxBytes))];
  }
  return READERS[kind](text, name, maxBytes);
}

export function readBytes(name: string, bytes: Uint8Array, options?: ReadOptions): ReadItem[] {
  try {
    return readChecked(name, bytes, options);
  } catch (error) {
    // Parsers are third-party code; a crash on one file must not stop the others.
    return [rejected(name, `could not be read: ${error instanceof Error ? error.message : String(error)}`)];
  }
}
