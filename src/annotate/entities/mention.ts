/** The working form of an entity mention while this module decides its key, name and subtype. */
import type { Entity, EntityType } from '../../document.js';
import { slug } from '../ner/index.js';

export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  key: string;
  name: string;
  subtype: string | null;
}

export function keyOf(type: EntityType, name: string): string {
  return `${type.toLowerCase()}:${slug(name)}`;
}

export function mentionAt(body: string, start: number, end: number, type: EntityType): Mention {
  const name = body.slice(start, end);
  return { start, end, type, key: keyOf(type, name), name, subtype: null };
}

export function toEntity(body: string, m: Mention): Entity {
  return { start: m.start, end: m.end, text: body.slice(m.start, m.end), type: m.type, subtype: m.subtype, key: m.key, name: m.name };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 represents a slice of
 * 13 characters or more as a view into its parent, so a name sliced from an article body and kept
 * in a long-lived cache would keep the whole body alive (measured: analysis memory grew by the size
 * of about one article per article until a cache filled).
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * A memo that forgets everything when full: a document repeats its names, and news repeats them
 * from one story to the next; the bound keeps it small. Keys and string values are stored as
 * `detached` copies, so that the memo holds no article text beyond them.
 */
export function boundedMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      if (memo.size >= limit) memo.clear();
      value = compute(key);
      if (typeof value === 'string') value = detached(value) as T;
      memo.set(detached(key), value);
    }
    return value as T;
  };
}

const ASCII = /^[\u0000-\u007f]*$/;

/** True when `text` is plain ASCII, which Unicode normalisation (NFKD) leaves unchanged. */
export const isAscii = (text: string): boolean => ASCII.test(text);

/** Lower-cased, accents and typographic apostrophes folded: the form names are compared in. */
export const fold: (text: string) => string = boundedMemo(20_000, (text) =>
  // ASCII has no accents or typographic apostrophes to fold.
  isAscii(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/’/g, "'")
        .toLowerCase(),
);

export const byStart = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  a.start - b.start || b.end - a.end;

/** Sorted, without overlaps: of two overlapping mentions the longer one wins (it carries more of the name). */
export function withoutOverlaps(mentions: readonly Mention[]): Mention[] {
  const sorted = [...mentions].sort(byStart);
  const kept: Mention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}
