/** RSS 2.0 / 0.9x, Atom 1.0 and RDF (RSS 1.0) feeds: one Input record per item. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InputRecord, Origin } from '../document.js';
import { normaliseFeedDate } from './dates.js';
import { oversizeReason, rejected, type ReadItem } from './types.js';

type XmlNode = Record<string, unknown>;

const ATTRIBUTE = '@_';
const TEXT = '#text';

/** Atom's xhtml constructs hold markup, not text: keep it verbatim instead of parsing it. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  stopNodes: ['..content[type=xhtml]', '..summary[type=xhtml]', '..title[type=xhtml]'],
});

const isNode = (value: unknown): value is XmlNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function localName(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/** The child under one of `names`, tried in order: exact names first, then any namespace prefix. */
function child(node: XmlNode, names: readonly string[]): unknown {
  for (const name of names) if (node[name] !== undefined) return node[name];
  for (const name of names) {
    const key = Object.keys(node).find((k) => !k.startsWith(ATTRIBUTE) && localName(k) === localName(name));
    if (key !== undefined) return node[key];
  }
  return undefined;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).find((t) => t !== '') ?? '';
  if (isNode(value)) return textOf(value[TEXT]);
  return '';
}

function attribute(value: unknown, name: string): string {
  return isNode(value) ? textOf(value[ATTRIBUTE + name]) : '';
}

/** Atom: the rel=alternate link (rel defaults to alternate), HTML first; RSS: the link text. */
function linkUrl(item: XmlNode): string {
  const links = asArray(child(item, ['link']));
  const plain = links.map((l) => (typeof l === 'string' ? l.trim() : '')).find((l) => l !== '');
  if (plain) return plain;
  const alternates = links.filter((l) => ['', 'alternate'].includes(attribute(l, 'rel')) && attribute(l, 'href'));
  const html = alternates.find((l) => /html/.test(attribute(l, 'type'))) ?? alternates[0];
  return html ? attribute(html, 'href') : '';
}

function itemUrl(item: XmlNode): string {
  const link = linkUrl(item);
  if (link) return link;
  const guid = child(item, ['guid']);
  const guidText = textOf(guid);
  if (/^https?:\/\//i.test(guidText) && attribute(guid, 'isPermaLink') !== 'false') return guidText;
  return attribute(item, 'rdf:about');
}

const DATE_FIELDS = ['pubDate', 'published', 'dc:date', 'updated', 'dcterms:issued', 'dcterms:modified'];
const ID_FIELDS = ['guid', 'id'];

function firstText(node: XmlNode, names: readonly string[]): string {
  for (const name of names) {
    const text = textOf(child(node, [name]));
    if (text) return text;
  }
  return '';
}

export type FeedBody = { html: string } | { text: string };

interface BodyRule {
  field: string;
  /** Whether this element, with its attributes, carries the body in this form. */
  accepts: (element: unknown) => boolean;
  as: 'html' | 'text';
  /** The whole article, not a teaser: a watcher need not fetch the linked page. */
  full: boolean;
}

const contentType = (element: unknown): string => attribute(element, 'type').toLowerCase();
const isMarkupType = (element: unknown): boolean => /html/.test(contentType(element));
const isTextType = (element: unknown): boolean =>
  ['', 'text', 'text/plain'].includes(contentType(element)) && attribute(element, 'src') === '';
const looksLikeMarkup = (text: string): boolean => /<[a-z][\w-]*[\s>/]/i.test(text);

/** Full content before summaries; summaries usually carry markup, so they are read as HTML. */
const BODY_RULES: readonly BodyRule[] = [
  { field: 'content:encoded', accepts: () => true, as: 'html', full: true },
  { field: 'content', accepts: isMarkupType, as: 'html', full: true },
  { field: 'content', accepts: (e) => isTextType(e) && looksLikeMarkup(textOf(e)), as: 'html', full: true },
  { field: 'content', accepts: isTextType, as: 'text', full: true },
  { field: 'description', accepts: () => true, as: 'html', full: false },
  { field: 'summary', accepts: () => true, as: 'html', full: false },
];

function itemBody(item: XmlNode): { body: FeedBody; full: boolean } | null {
  for (const rule of BODY_RULES) {
    const element = child(item, [rule.field]);
    if (element === undefined || !rule.accepts(element)) continue;
    const value = textOf(element);
    if (value) return { body: rule.as === 'html' ? { html: value } : { text: value }, full: rule.full };
  }
  return null;
}

/** An item's fields other than its body (id, url, source, title, published), as given. */
function itemFields(item: XmlNode, source: string): InputRecord {
  const published = normaliseFeedDate(firstText(item, DATE_FIELDS) || '');
  const fields: Array<[keyof InputRecord, string | null]> = [
    ['id', firstText(item, ID_FIELDS) || attribute(item, 'rdf:about')],
    ['url', itemUrl(item)],
    ['source', source],
    ['title', firstText(item, ['title'])],
    ['published', published],
  ];
  const record: InputRecord = {};
  for (const [key, value] of fields) if (value) record[key] = value;
  return record;
}

/**
 * One feed item as a watcher sees it: its fields, and its body when it has one. `full` tells the
 * whole article (content:encoded, Atom content) from a teaser (description, summary), whose
 * linked page is worth fetching.
 */
export interface FeedEntry {
  origin: Origin;
  fields: InputRecord;
  body: FeedBody | null;
  full: boolean;
}

const NO_CONTENT = 'feed item has no content (no content, description or summary)';

/** The document an entry makes as it is in the feed (its body, however short), or why none. */
export function feedEntryItem(entry: FeedEntry, maxBytes: number): ReadItem {
  const { body, origin } = entry;
  if (!body) return rejected(origin, NO_CONTENT);
  const size = Buffer.byteLength('html' in body ? body.html : body.text);
  if (size > maxBytes) return rejected(origin, oversizeReason(size, maxBytes));
  return { kind: 'record', origin, record: { ...entry.fields, ...body }, format: 'feed' };
}

interface FeedShape {
  source: string;
  items: unknown[];
}

/** RSS keeps items in `channel` (RSS 1.0 beside it); Atom has `entry` under the root. */
function feedShape(root: XmlNode): FeedShape {
  const channel = asArray(child(root, ['channel'])).find(isNode) ?? {};
  const items = [
    ...asArray(child(channel, ['item'])),
    ...asArray(child(root, ['item'])),
    ...asArray(child(root, ['entry'])),
  ];
  return { source: withoutTagline(textOf(child(channel, ['title'])) || textOf(child(root, ['title']))), items };
}

const FEED_ROOTS = ['rss', 'feed', 'RDF'];

function findRoot(document: XmlNode): { name: string; node: XmlNode } | null {
  const name = Object.keys(document).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (name === undefined) return null;
  const node = document[name];
  return { name, node: isNode(node) ? node : {} };
}

function validationError(text: string): string | null {
  const result = XMLValidator.validate(text);
  if (result === true) return null;
  const { msg, line, col } = result.err;
  return `${msg.replace(/\s+/g, ' ')} (line ${line}, column ${col})`;
}

/** A feed's items, or the reason it is not a feed. */
export function readFeedEntries(text: string, origin: Origin): FeedEntry[] | { rejected: string } {
  const invalid = validationError(text);
  if (invalid) return { rejected: `not a valid RSS/Atom feed: ${invalid}` };
  const document: unknown = parser.parse(text);
  const root = isNode(document) ? findRoot(document) : null;
  if (!root) return { rejected: 'not a valid RSS/Atom feed: no root element' };
  if (!FEED_ROOTS.includes(localName(root.name))) {
    return { rejected: `not a valid RSS/Atom feed: the root element is <${root.name}>, not <rss>, <feed> or <rdf:RDF>` };
  }
  const { source, items } = feedShape(root.node);
  if (items.length === 0) return { rejected: 'feed has no items' };
  return items.map((item, i): FeedEntry => {
    const itemOrigin = `${origin}#item-${i + 1}`;
    if (!isNode(item)) return { origin: itemOrigin, fields: {}, body: null, full: false };
    const content = itemBody(item);
    return { origin: itemOrigin, fields: itemFields(item, source), body: content?.body ?? null, full: content?.full ?? false };
  });
}

export function readFeed(text: string, origin: Origin, maxBytes: number): ReadItem[] {
  const entries = readFeedEntries(text, origin);
  if ('rejected' in entries) return [rejected(origin, entries.rejected)];
  return entries.map((entry) => feedEntryItem(entry, maxBytes));
}

/** A feed title names the outlet, often with a tagline: "Northgate Wire — World news" → "Northgate Wire". */
export function withoutTagline(title: string): string {
  const [name] = title.split(/\s+[—–|:]\s+|\s+-\s+/);
  return name && name.trim().length >= 2 ? name.trim() : title;
}
