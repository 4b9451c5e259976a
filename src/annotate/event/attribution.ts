/**
 * Who says so: "according to X", "X said / reported / announced …", "…, said X". A small own
 * detector on purpose (the quotes stage is separate); the source is keyed when it holds an entity.
 */
import type { Entity, Span } from '../../document.js';

export interface Attribution extends Span {
  text: string;
  key: string | null;
  cue: string;
}

const CUE_WORDS = String.raw`said|says|say|reported|reports|announced|claimed|claims|stated|added|told|confirmed|alleged|quoted`;
const CUE = new RegExp(String.raw`\b(?:according to\s+|(${CUE_WORDS})\b)`, 'gi');
/** Where a source phrase before its cue starts: after a comma, quote or dash. */
const BEFORE_BOUNDARIES: ReadonlySet<number> = new Set([',', '“', '”', '"', '—', '–', ':', ';'].map((mark) => mark.charCodeAt(0)));
const AFTER_END = /[,;.“”"]/;
const LEADING_JOINER = /^(?:and|but|as|while|which|who)\s+/i;
const LEADING_ADVERB = /\s+\w+ly$/i;
const MAX_WORDS = 10;
const PRONOUN_OR_NOISE = /^(?:it|this|that|which|who|there|they|he|she|we|i|you|also|and|but)$/i;

function wordCount(phrase: string): number {
  let count = 1;
  for (let i = 0; i < phrase.length; i++) if (phrase.charCodeAt(i) === 32) count++;
  return count;
}

/** The key of the first person or organisation inside the span, else of its first entity. */
function keyIn(span: Span, entities: readonly Entity[]): string | null {
  let first: Entity | null = null;
  for (const e of entities) {
    if (e.start < span.start || e.end > span.end) continue;
    if (e.type === 'ORG' || e.type === 'PER') return e.key;
    first ??= e;
  }
  return first?.key ?? null;
}

/** The phrase between the last boundary and the cue: "the defense ministry said". */
function sourceBefore(text: string, cueAt: number): Span | null {
  let start = cueAt;
  while (start > 0 && !BEFORE_BOUNDARIES.has(text.charCodeAt(start - 1))) start--;
  let phrase = text.slice(start, cueAt).replace(LEADING_ADVERB, '');
  const trimmedStart = start + (phrase.length - phrase.trimStart().length);
  phrase = phrase.trim();
  const joiner = LEADING_JOINER.exec(phrase);
  const from = trimmedStart + (joiner ? joiner[0].length : 0);
  phrase = phrase.slice(joiner ? joiner[0].length : 0);
  if (phrase === '' || wordCount(phrase) > MAX_WORDS) return null;
  return { start: from, end: from + phrase.length };
}

/** The phrase after the cue up to punctuation: "…, said the ministry." / "according to the IOM". */
function sourceAfter(text: string, from: number): Span | null {
  const rest = text.slice(from).search(AFTER_END);
  const end = rest < 0 ? text.length : from + rest;
  const phrase = text.slice(from, end).trim();
  if (phrase === '' || wordCount(phrase) > MAX_WORDS) return null;
  return { start: from, end: from + phrase.length };
}

export function findAttribution(body: string, sentence: Span, entities: readonly Entity[]): Attribution | null {
  const text = body.slice(sentence.start, sentence.end);
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m; m = CUE.exec(text)) {
    const according = m[1] === undefined;
    const local = according ? sourceAfter(text, m.index + m[0].length) : (sourceBefore(text, m.index) ?? sourceAfter(text, m.index + m[0].length + 1));
    if (!local) continue;
    const source = text.slice(local.start, local.end);
    if (PRONOUN_OR_NOISE.test(source) && !according && local.start > m.index) continue;
    const span = { start: sentence.start + local.start, end: sentence.start + local.end };
    return { start: span.start, end: span.end, text: source, key: keyIn(span, entities), cue: according ? 'according to' : m[1]! };
  }
  return null;
}
