import type { InputRecord, Origin } from '../document.js';

export type ReadFormat = 'text' | 'html' | 'feed' | 'json';

export type ReadItem =
  | { kind: 'record'; origin: Origin; record: InputRecord; format: ReadFormat }
  | { kind: 'rejected'; origin: Origin; reason: string };

export interface ReadOptions {
  /** Largest document accepted, in bytes; default 5 MB. */
  maxBytes?: number;
  /** Where `-` reads from; default `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Feeds and JSON files hold many documents, so the per-document limit applies to each of their
 * records; the whole file is still bounded (it is parsed in memory) at this multiple of it.
 */
export const CONTAINER_LIMIT_FACTOR = 20;

export function maxBytesOf(options: ReadOptions | undefined): number {
  const value = options?.maxBytes;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_MAX_BYTES;
}

export function rejected(origin: Origin, reason: string): ReadItem {
  return { kind: 'rejected', origin, reason };
}

const SIZE_UNITS: ReadonlyArray<{ unit: string; bytes: number }> = [
  { unit: 'MB', bytes: 1024 * 1024 },
  { unit: 'KB', bytes: 1024 },
  { unit: 'B', bytes: 1 },
];

/** "7.2 MB", "5 MB", "300 B": the unit is chosen from the limit so that both figures read alike. */
function formatSize(bytes: number, unitBytes: number, unit: string): string {
  const value = bytes / unitBytes;
  const rounded = unitBytes === 1 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${unit}`;
}

export function oversizeReason(bytes: number, limit: number, what = 'document'): string {
  const scale = SIZE_UNITS.find((s) => limit >= s.bytes) ?? { unit: 'B', bytes: 1 };
  const limitText = formatSize(limit, scale.bytes, scale.unit);
  const sizeText = formatSize(bytes, scale.bytes, scale.unit);
  // Just over the limit rounds to the limit itself; the exact count then says why it failed.
  const shown = sizeText === limitText ? `${bytes} bytes` : sizeText;
  return `${what} is ${shown}, over the ${limitText} limit`;
}
