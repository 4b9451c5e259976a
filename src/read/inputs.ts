/** Paths → items, one file at a time, in input order. */
import { createReadStream, type Stats } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Origin } from '../document.js';
import { containerLimit, declaredKind, isSingleDocumentKind, readBytes } from './bytes.js';
import { bomlessUtf16Encoding, byteOrderMarkEncoding, decodeText } from './decode.js';
import { readJsonLine } from './json.js';
import { binaryKind } from './sniff.js';
import { maxBytesOf, oversizeReason, rejected, type ReadItem, type ReadOptions } from './types.js';

const STDIN_PATH = '-';
const NEWLINE = 0x0a;

const FS_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory (a parent is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

function fsErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_ERROR_REASONS[code]) return FS_ERROR_REASONS[code];
  return `could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

const toBuffer = (chunk: string | Buffer | Uint8Array): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** Splits a byte stream at newlines; a line longer than `limit` is dropped and reported by size. */
async function* byteLines(
  chunks: AsyncIterable<Buffer>,
  limit: number,
): AsyncGenerator<{ bytes: Buffer; size: number; tooLong: boolean }> {
  let parts: Buffer[] = [];
  let size = 0;
  const take = (piece: Buffer) => {
    size += piece.length;
    if (size <= limit) parts.push(piece);
    else parts = [];
  };
  const emit = () => {
    const line = { bytes: Buffer.concat(parts), size, tooLong: size > limit };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      take(chunk.subarray(from, nl));
      yield emit();
      from = nl + 1;
    }
    take(chunk.subarray(from));
  }
  if (size > 0) yield emit();
}

/** JSON Lines straight from the stream, so files of any length are read in constant memory. */
async function* streamJsonLines(chunks: AsyncIterable<Buffer>, origin: Origin, options: ReadOptions | undefined) {
  const maxBytes = maxBytesOf(options);
  let lineNumber = 0;
  let records = 0;
  for await (const line of byteLines(chunks, maxBytes)) {
    lineNumber++;
    const lineOrigin = `${origin}:${lineNumber}`;
    const item = line.tooLong
      ? rejected(lineOrigin, oversizeReason(line.size, maxBytes))
      : readJsonLine(decodeText(line.bytes), lineOrigin, maxBytes);
    if (item) {
      records++;
      yield item;
    }
  }
  if (records === 0) yield rejected(origin, 'empty file');
}

async function collect(chunks: AsyncIterable<Buffer>, limit: number): Promise<{ bytes: Buffer; size: number }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    // Past the limit the rest is only counted, for the message.
    if (size <= limit) parts.push(chunk);
  }
  return { bytes: Buffer.concat(parts), size };
}

/** Buffers the first chunks (enough to decide the format), then replays them before the rest. */
async function peek(source: AsyncIterable<string | Buffer>, wanted: number) {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < wanted && !done) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      const chunk = toBuffer(next.value);
      head.push(chunk);
      headSize += chunk.length;
    }
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
    } finally {
      // Closes the file when the caller stops early.
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(head), chunks: all() };
}

const PEEK_BYTES = 4096;

/** Newline bytes split UTF-16 text wrongly, so such JSON Lines are read whole instead. */
function isUtf16(head: Buffer): boolean {
  return (byteOrderMarkEncoding(head) ?? bomlessUtf16Encoding(head) ?? '').startsWith('utf-16');
}

const STARTS_WITH_OBJECT = /^(?:\xef\xbb\xbf)?\s*\{/;

/** Streams JSON Lines; everything else is read whole (bounded) and handed to `readBytes`. */
async function* readStream(
  source: AsyncIterable<string | Buffer>,
  origin: Origin,
  options: ReadOptions | undefined,
): AsyncGenerator<ReadItem> {
  const { head, chunks } = await peek(source, PEEK_BYTES);
  const binary = head.length > 0 ? binaryKind(head) : null;
  if (binary) return yield rejected(origin, `binary file (${binary})`);
  const kind = declaredKind(origin);
  const jsonLines = kind === 'jsonl' || (kind === 'stdin' && STARTS_WITH_OBJECT.test(head.toString('latin1')));
  if (jsonLines && !isUtf16(head)) return yield* streamJsonLines(chunks, origin, options);
  const limit = containerLimit(options);
  const { bytes, size } = await collect(chunks, limit);
  if (size > limit) return yield rejected(origin, oversizeReason(size, limit, 'file'));
  yield* readBytes(origin, bytes, options);
}

async function* readStdin(options: ReadOptions | undefined): AsyncGenerator<ReadItem> {
  const stdin = options?.stdin ?? process.stdin;
  try {
    yield* readStream(stdin as AsyncIterable<string | Buffer>, STDIN_PATH, options);
  } catch (error) {
    yield rejected(STDIN_PATH, fsErrorReason(error));
  }
}

/** The size check comes before any read, so an oversize file costs nothing. */
function sizeRejection(path: string, stats: Stats, options: ReadOptions | undefined): ReadItem | null {
  const kind = declaredKind(path);
  if (stats.size === 0) return rejected(path, 'empty file');
  const maxBytes = maxBytesOf(options);
  if (isSingleDocumentKind(kind) && stats.size > maxBytes) return rejected(path, oversizeReason(stats.size, maxBytes));
  const limit = containerLimit(options);
  if (kind !== 'jsonl' && stats.size > limit) return rejected(path, oversizeReason(stats.size, limit, 'file'));
  return null;
}

async function* readRegularFile(path: string, stats: Stats, options: ReadOptions | undefined): AsyncGenerator<ReadItem> {
  const early = sizeRejection(path, stats, options);
  if (early) return yield early;
  try {
    if (declaredKind(path) === 'jsonl') yield* readStream(createReadStream(path), path, options);
    else yield* readBytes(path, await readFile(path), options);
  } catch (error) {
    yield rejected(path, fsErrorReason(error));
  }
}

/** Pipes such as `<(curl …)` have no size up front; they are read like stdin, bounded. */
async function* readSpecialFile(path: string, options: ReadOptions | undefined): AsyncGenerator<ReadItem> {
  try {
    yield* readStream(createReadStream(path), path, options);
  } catch (error) {
    yield rejected(path, fsErrorReason(error));
  }
}

/** Visible entries, sorted by name (code-unit order, the same on every machine and locale). */
async function visibleEntries(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => !name.startsWith('.')).sort();
}

async function* readDirectory(dir: string, options: ReadOptions | undefined, seen: Set<string>): AsyncGenerator<ReadItem> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    names = await visibleEntries(dir);
  } catch (error) {
    return yield rejected(dir, fsErrorReason(error));
  }
  for (const name of names) yield* readPath(join(dir, name), options, seen);
}

async function* readPath(path: string, options: ReadOptions | undefined, seen: Set<string>): AsyncGenerator<ReadItem> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    return yield rejected(path, fsErrorReason(error));
  }
  if (stats.isDirectory()) yield* readDirectory(path, options, seen);
  else if (stats.isFile()) yield* readRegularFile(path, stats, options);
  else if (stats.isFIFO() || stats.isCharacterDevice()) yield* readSpecialFile(path, options);
  else yield rejected(path, 'not a regular file or directory');
}

export async function* readInputs(paths: string[], options?: ReadOptions): AsyncGenerator<ReadItem> {
  for (const path of paths) {
    if (path === STDIN_PATH) yield* readStdin(options);
    else yield* readPath(path, options, new Set());
  }
}
