/** Input records given as JSON: one object, an array of objects, or JSON Lines. */
import type { InputRecord, Origin } from '../document.js';
import { oversizeReason, rejected, type ReadItem } from './types.js';

const OPTIONAL_FIELDS = ['id', 'url', 'source', 'title', 'published', 'lang'] as const;
const BODY_FIELDS = ['text', 'html'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `null` counts as absent: exporters commonly write `"url": null` for a missing value. */
const present = (value: unknown): boolean => value !== undefined && value !== null;

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

type Validation = { record: InputRecord } | { reason: string };

/** The contract's Input record: exactly one of text and html, strings; unknown fields dropped. */
export function validateInputRecord(value: unknown, maxBytes: number): Validation {
  if (!isObject(value)) return { reason: `expected a JSON object, got ${describe(value)}` };
  const bodies = BODY_FIELDS.filter((f) => present(value[f]));
  const [bodyField] = bodies;
  if (bodies.length !== 1 || bodyField === undefined) return { reason: 'needs exactly one of text and html' };
  const body = value[bodyField];
  if (typeof body !== 'string') return { reason: `"${bodyField}" must be a string, got ${describe(body)}` };
  if (body.trim() === '') return { reason: `"${bodyField}" is empty` };
  const size = Buffer.byteLength(body);
  if (size > maxBytes) return { reason: oversizeReason(size, maxBytes) };
  const record: InputRecord = {};
  for (const field of OPTIONAL_FIELDS) {
    const fieldValue = value[field];
    if (!present(fieldValue)) continue;
    if (typeof fieldValue !== 'string') return { reason: `"${field}" must be a string, got ${describe(fieldValue)}` };
    record[field] = fieldValue;
  }
  record[bodyField] = body;
  return { record };
}

function toItem(value: unknown, origin: Origin, maxBytes: number): ReadItem {
  const result = validateInputRecord(value, maxBytes);
  if ('reason' in result) return rejected(origin, result.reason);
  return { kind: 'record', origin, record: result.record, format: 'json' };
}

/** "Unexpected token } in JSON at position 12" → the same message with "line 2, column 3". */
function jsonErrorMessage(error: unknown, text: string, singleLine: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const where = singleLine ? `column ${column}` : `line ${line}, column ${column}`;
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at ${where}`;
}

type Parsed = { value: unknown } | { error: string };

function parseJson(text: string, singleLine = false): Parsed {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: jsonErrorMessage(error, text, singleLine) };
  }
}

/** One JSON Lines line; blank lines are skipped (null). */
export function readJsonLine(line: string, origin: Origin, maxBytes: number): ReadItem | null {
  const trimmed = line.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return null;
  const size = Buffer.byteLength(trimmed);
  if (size > maxBytes) return rejected(origin, oversizeReason(size, maxBytes));
  const parsed = parseJson(trimmed, true);
  if ('error' in parsed) return rejected(origin, `invalid JSON: ${parsed.error}`);
  return toItem(parsed.value, origin, maxBytes);
}

export function readJsonLines(text: string, origin: Origin, maxBytes: number): ReadItem[] {
  return text
    .split('\n')
    .map((line, i) => readJsonLine(line, `${origin}:${i + 1}`, maxBytes))
    .filter((item): item is ReadItem => item !== null);
}

/**
 * A `.json` file: an object or an array of objects. Files that are really JSON Lines (several
 * objects, one per line) are read as such rather than rejected.
 */
export function readJsonDocument(text: string, origin: Origin, maxBytes: number): ReadItem[] {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if ('error' in parsed) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => /^\uFEFF?\s*\{/.test(l))) return readJsonLines(text, origin, maxBytes);
    return [rejected(origin, `invalid JSON: ${parsed.error}`)];
  }
  if (!Array.isArray(parsed.value)) return [toItem(parsed.value, origin, maxBytes)];
  if (parsed.value.length === 0) return [rejected(origin, 'empty JSON array')];
  return parsed.value.map((element, i) => toItem(element, `${origin}#item-${i + 1}`, maxBytes));
}
