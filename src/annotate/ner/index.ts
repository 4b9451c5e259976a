/**
 * Named-entity recognition: PER / ORG / LOC / MISC, from our own averaged-perceptron tagger
 * trained on CoNLL-2003 (see docs/models.md). Sentences of one document are tagged in order with
 * document-level memory (how a word is cased elsewhere, how it was tagged before).
 */
import type { Document, Entity, Span, Stage, Token } from '../../document.js';
import { decodeDocument } from './decode.js';
import { bioFromSpans, spansFromLabels, type LabelledSpan } from './labels.js';
import { mergeOrganisationNames } from './merge.js';
import { modelWeights } from './model.js';

export { modelLoadCount } from './model.js';

/** Tags a tokenised text. `tokens` are the words of one sentence; returns IOB2/BIO labels, one per token. */
export function tagTokens(tokens: string[], _pos?: string[]): string[] {
  return tagDocument([tokens])[0]!;
}

/** Entity token spans of each sentence of one document, tagged together (document-level features). */
export function entitySpans(sentences: readonly (readonly string[])[]): LabelledSpan[][] {
  const labels = decodeDocument(sentences, modelWeights());
  return labels.map((ids, s) => mergeOrganisationNames(sentences[s]!, spansFromLabels(ids, ids.length)));
}

/** Tags the sentences of one document together (document-level features); BIO labels per sentence. */
export function tagDocument(sentences: readonly (readonly string[])[]): string[][] {
  return entitySpans(sentences).map((spans, s) => bioFromSpans(spans, sentences[s]!.length));
}

const FALLBACK_TOKEN = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?|\S/gu;

/** Tokens when the document has no token layer: words (with inner dots, apostrophes, hyphens) and single symbols. */
function fallbackTokens(body: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  const text = body.slice(sentence.start, sentence.end);
  for (const match of text.matchAll(FALLBACK_TOKEN)) {
    let end = match.index + match[0].length;
    // A final period belongs to the word only for abbreviations like "U.S." or "Gen."; otherwise it ends the sentence.
    if (match[0].length > 1 && match[0].endsWith('.') && !/^(?:\p{L}\.)+$|^\p{Lu}\p{Ll}{0,3}\.$/u.test(match[0])) end--;
    spans.push({ start: sentence.start + match.index, end: sentence.start + end });
    if (end < match.index + match[0].length) spans.push({ start: sentence.start + end, end: sentence.start + end + 1 });
  }
  return spans;
}

function tokensBySentence(body: string, sentences: Span[], tokens: Token[]): Span[][] {
  const units = sentences.length > 0 ? sentences : body.trim() === '' ? [] : [{ start: 0, end: body.length }];
  if (tokens.length === 0) return units.map((s) => fallbackTokens(body, s));
  const grouped: Span[][] = units.map(() => []);
  let s = 0;
  for (const token of tokens) {
    while (s < units.length && units[s]!.end <= token.start) s++;
    if (s >= units.length) break;
    if (token.start >= units[s]!.start) grouped[s]!.push(token);
  }
  return grouped;
}

export function slug(name: string): string {
  return asciiSlug(name) ?? name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const isAsciiAlphanumeric = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * `slug` of a name written in ASCII, in one pass without regular expressions (names nearly always
 * are); null for any other name. ASCII is unchanged by NFKD, so the result is the same.
 */
function asciiSlug(name: string): string | null {
  let out = '';
  let pendingDash = false;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 128) return null;
    if (c === 0x27) continue;
    if (!isAsciiAlphanumeric(c)) {
      pendingDash = out !== '';
      continue;
    }
    if (pendingDash) out += '-';
    pendingDash = false;
    out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
  }
  return out;
}

/** Entities in a document body with spans (uses the doc's sentence and token layers when present). */
export function findEntities(body: string, sentences: Span[], tokens: Token[]): Entity[] {
  const grouped = tokensBySentence(body, sentences, tokens).filter((g) => g.length > 0);
  const words = grouped.map((g) => g.map((t) => body.slice(t.start, t.end)));
  const spans = entitySpans(words);
  const entities: Entity[] = [];
  grouped.forEach((sentenceTokens, s) => {
    for (const span of spans[s]!) {
      const start = sentenceTokens[span.start]!.start;
      const end = sentenceTokens[span.end - 1]!.end;
      const text = body.slice(start, end);
      entities.push({ start, end, text, type: span.type, subtype: null, key: `${span.type.toLowerCase()}:${slug(text)}`, name: text });
    }
  });
  return entities;
}

export const annotateEntities: Stage = (doc: Document): Document => ({
  ...doc,
  entities: findEntities(doc.body, doc.sentences, doc.tokens),
});
