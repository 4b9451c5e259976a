import { createHash } from 'node:crypto';

/**
 * jsonb keeps keys in its own order (shortest first), not the contract's. This table restores the
 * contract's field order on read; keys it does not list keep their order after the listed ones.
 */
export interface Shape {
  keys: readonly string[];
  /** Shapes of nested objects, or of each element when the field is an array. */
  fields?: Readonly<Record<string, Shape>>;
}

const span: Shape = { keys: ['start', 'end'] };
const textSpan: Shape = { keys: ['start', 'end', 'text'] };
const range: Shape = { keys: ['min', 'max'] };

export const storedArticleShape: Shape = {
  keys: ['id', 'url', 'source', 'title', 'published', 'lang', 'body', 'sentences', 'entities', 'times', 'numbers',
    'places', 'quotes', 'events', 'claims', 'story', 'duplicate_of'],
  fields: {
    source: { keys: ['name', 'domain'] },
    published: { keys: ['value', 'origin'] },
    sentences: span,
    entities: { keys: ['start', 'end', 'text', 'type', 'subtype', 'key', 'name'] },
    times: { keys: ['start', 'end', 'text', 'type', 'value'] },
    numbers: { keys: ['start', 'end', 'text', 'value', 'min', 'max', 'approx', 'kind', 'unit'] },
    places: { keys: ['key', 'name', 'country', 'country_code', 'lat', 'lon', 'precision', 'geonameid'] },
    quotes: {
      keys: ['start', 'end', 'text', 'direct', 'cue', 'speaker'],
      fields: { cue: textSpan, speaker: { keys: ['start', 'end', 'text', 'key'] } },
    },
    events: {
      keys: ['type', 'subtype', 'trigger', 'sentence', 'actors', 'location', 'date', 'killed', 'injured',
        'attribution', 'modality'],
      fields: {
        trigger: textSpan,
        sentence: span,
        actors: { keys: ['role', 'start', 'end', 'text', 'key'] },
        location: { keys: ['name', 'country', 'lat', 'lon', 'precision'] },
        date: { keys: ['value', 'precision'] },
        killed: range,
        injured: range,
        attribution: { keys: ['text', 'key', 'cue'] },
      },
    },
    claims: {
      keys: ['kind', 'start', 'end', 'text', 'subject', 'value', 'min', 'max', 'approx', 'unit', 'attribution', 'asserted',
        'sentence', 'event'],
      fields: { attribution: { keys: ['text', 'key', 'cue'] }, sentence: span },
    },
  },
};

export function orderKeys(value: unknown, shape: Shape): unknown {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, shape));
  if (!isPlainObject(value)) return value;
  const ordered: Record<string, unknown> = {};
  const keys = [...shape.keys.filter((key) => key in value), ...Object.keys(value).filter((k) => !shape.keys.includes(k))];
  for (const key of keys) {
    const child = shape.fields?.[key];
    ordered[key] = child ? orderKeys(value[key], child) : value[key];
  }
  return ordered;
}

/**
 * JSON with object keys sorted at every level, so equal content gives equal text whatever the key
 * order. Stored hashes depend on this exact text: change the output and every stored article looks
 * revised on its next ingest. Records repeat a few object shapes thousands of times (spans,
 * entities), so each shape's sorted keys are worked out once.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const order = sortedKeysOf(Object.keys(object));
  let out = '{';
  let first = true;
  for (let i = 0; i < order.keys.length; i++) {
    const item = object[order.keys[i] as string];
    if (item === undefined) continue;
    out += (first ? '' : ',') + order.prefixes[i] + canonicalJson(item);
    first = false;
  }
  return `${out}}`;
}

interface KeyOrder {
  /** The keys as the object listed them (to confirm a cache hit). */
  listed: string[];
  keys: string[];
  /** `"key":` for each key, in sorted order. */
  prefixes: string[];
}

const MAX_CACHED_SHAPES = 1000;
const keyOrders = new Map<string, KeyOrder>();

function sortedKeysOf(keys: string[]): KeyOrder {
  const shape = keys.join(',');
  const cached = keyOrders.get(shape);
  // A key holding a comma could make two shapes look alike: a hit counts only when every key matches.
  if (cached && cached.listed.length === keys.length && cached.listed.every((key, i) => key === keys[i])) return cached;
  const sorted = [...keys].sort();
  const order = { listed: keys, keys: sorted, prefixes: sorted.map((key) => `${JSON.stringify(key)}:`) };
  if (!cached && keyOrders.size < MAX_CACHED_SHAPES) keyOrders.set(shape, order);
  return order;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A json column as the drivers return it: parsed already (pg) or as text (a `::text` select). */
export const parseRecord = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
