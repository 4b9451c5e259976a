/**
 * Extraction: one input record → a `Document` with a clean body, title, outlet and publication
 * date, and empty annotation layers. Order matters: page metadata is read before Readability
 * mutates the DOM, and the publication date and outlet are read from the raw text before the
 * cruft cleaner drops the header lines that carry them ("date 2020-03-01 Posted on by …").
 */
import { createHash } from 'node:crypto';
import { RejectedInput, type Document, type InputRecord, type Origin } from '../document.js';
import { cleanText } from './cruft.js';
import { parseDom } from './dom.js';
import { extractMainText } from './html.js';
import { readPageMeta, type PageMeta } from './meta.js';
import { findPublished, parsePublishedField } from './published.js';
import { findSource } from './source.js';

export interface ExtractOptions {
  /** The time of ingest: no publication date may lie after it. */
  now: Date;
}

/**
 * Longest clean text analysed, in characters (UTF-16 code units): about 30,000 words, four times the
 * longest article of the WCXB and GVA dev sets. Past it, a document is a book, a dump or an attack,
 * and the annotation stages' cost (some grow faster than the length on hostile text) is refused
 * with a reason rather than risked. Raw text twice as long is refused before cleaning.
 */
export const MAX_BODY_CHARS = 200_000;

const tooLongReason = (what: string, length: number): string =>
  `${what} is ${length.toLocaleString('en-US')} characters, over the ${MAX_BODY_CHARS.toLocaleString('en-US')}-character limit for analysis`;

const OPTIONAL_STRING_FIELDS = ['id', 'url', 'source', 'title', 'published', 'lang'] as const;

/** Throws `RejectedInput` naming `origin` and the reason when the record cannot become a document. */
export function extractDocument(origin: Origin, record: InputRecord, options: ExtractOptions): Document {
  const hasText = typeof record.text === 'string';
  const hasHtml = typeof record.html === 'string';
  if (hasText === hasHtml) throw new RejectedInput(origin, 'needs exactly one of "text" and "html"');
  for (const field of OPTIONAL_STRING_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new RejectedInput(origin, `field "${field}" must be a string`);
    }
  }
  let publishedField: string | null = null;
  if (record.published !== undefined && record.published !== null) {
    publishedField = parsePublishedField(record.published);
    if (publishedField === null) {
      throw new RejectedInput(origin, `invalid "published" value ${JSON.stringify(record.published)} (expected an ISO 8601 date or date-time)`);
    }
  }

  let meta: PageMeta | null = null;
  let rawText: string;
  let titleHint: string | null = nonEmpty(record.title);
  if (hasHtml) {
    const dom = parseDom(record.html!);
    meta = readPageMeta(dom);
    const main = extractMainText(dom, nonEmpty(record.url));
    rawText = main.text;
    titleHint ??= meta.title ?? main.title;
  } else {
    rawText = record.text!;
  }

  if (rawText.length > 2 * MAX_BODY_CHARS) throw new RejectedInput(origin, tooLongReason(hasHtml ? 'the main text of the page' : 'the text', rawText.length));

  const url = nonEmpty(record.url) ?? meta?.canonicalUrl ?? null;
  const published = publishedField !== null
    ? { value: publishedField, origin: 'input' as const }
    : findPublished({ meta, url, text: rawText, now: options.now });
  const source = findSource({ field: nonEmpty(record.source), url, meta, text: rawText });
  const cleaned = cleanText(rawText, { title: titleHint });
  const body = cleaned.body;
  if (body.trim() === '') throw new RejectedInput(origin, hasHtml ? 'page has no main text' : 'document has no text');
  if (body.length > MAX_BODY_CHARS) throw new RejectedInput(origin, tooLongReason('the clean text', body.length));

  return {
    id: nonEmpty(record.id) ?? stableId(url, body),
    url,
    source,
    title: titleHint ?? cleaned.title,
    published,
    lang: nonEmpty(record.lang) ?? meta?.lang ?? 'en',
    body,
    sentences: [],
    tokens: [],
    entities: [],
    times: [],
    numbers: [],
    places: [],
    quotes: [],
    events: [],
    claims: [],
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Same URL → same id; without a URL, same clean text → same id (so re-ingesting is a no-op). */
export function stableId(url: string | null, body: string): string {
  const basis = url !== null ? `url:${url}` : `body:${body}`;
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}
