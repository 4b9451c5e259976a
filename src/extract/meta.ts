import type { HtmlDom } from './dom.js';

export type DateFrom = 'meta' | 'jsonld' | 'time';

export interface PageMeta {
  /** og:title, twitter:title, JSON-LD headline, <title> minus " | Site" / " - Site" suffix, <h1>. */
  title: string | null;
  /** The page's own <title>, as written (with any " | Site" affix): names the site when nothing else does. */
  documentTitle?: string | null;
  /** og:site_name, JSON-LD publisher.name, application-name. */
  siteName: string | null;
  /** link[rel=canonical], og:url (absolute http(s) only). */
  canonicalUrl: string | null;
  byline: string | null;
  /** Primary language subtag (`en`): <html lang>, content-language, og:locale, JSON-LD inLanguage. */
  lang: string | null;
  /** Publication-date candidates in priority order, raw strings as found, with where each came from. */
  dates: Array<{ raw: string; from: DateFrom }>;
}

type Element = NonNullable<ReturnType<HtmlDom['querySelector']>>;
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** Meta tags keyed by their lower-cased name / property / itemprop, values in document order. */
type MetaTags = Map<string, string[]>;

/** Meta keys that name the publication date, strongest first. Generic keys ("date") come last. */
const STRONG_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'publishdate',
  'publish_date',
  'publish-date',
  'published_time',
  'published-date',
];
const WEAK_DATE_KEYS = [
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'pubdate',
  'article.published',
  'original-publish-date',
  'datecreated',
  'citation_publication_date',
  'citation_date',
  'date',
];

/** JSON-LD @type values that describe the page's main content (the article), not the site. */
const ARTICLE_TYPES = new Set(
  [
    'Article',
    'NewsArticle',
    'ReportageNewsArticle',
    'AnalysisNewsArticle',
    'OpinionNewsArticle',
    'BackgroundNewsArticle',
    'BlogPosting',
    'LiveBlogPosting',
    'SocialMediaPosting',
    'TechArticle',
    'ScholarlyArticle',
    'MedicalWebPage',
    'Report',
    'Review',
    'Recipe',
    'HowTo',
  ].map((t) => t.toLowerCase()),
);

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » ', ' / '];

/** Reads metadata BEFORE main-text extraction mutates the DOM. Never throws on malformed JSON-LD. */
export function readPageMeta(dom: HtmlDom): PageMeta {
  const tags = readMetaTags(dom);
  const jsonLd = readJsonLd(dom);
  const articles = jsonLd.filter(isArticleObject);
  const siteName = firstText([
    metaValue(tags, 'og:site_name'),
    ...articles.map((a) => nameOf(a['publisher'])),
    ...jsonLd.filter((o) => hasType(o, 'website')).map((o) => stringField(o, 'name')),
    metaValue(tags, 'application-name'),
    metaValue(tags, 'apple-mobile-web-app-title'),
  ]);
  return {
    title: readTitle(dom, tags, articles, siteName),
    documentTitle: dom.querySelector('title')?.textContent?.trim() || null,
    siteName,
    canonicalUrl: readCanonicalUrl(dom, tags),
    byline: readByline(dom, tags, articles),
    lang: readLang(dom, tags, articles),
    dates: readDates(dom, tags, jsonLd, articles),
  };
}

function readMetaTags(dom: HtmlDom): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of Array.from(dom.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content == null || !content.trim()) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = tags.get(key) ?? [];
      list.push(content.trim());
      tags.set(key, list);
    }
  }
  return tags;
}

function metaValue(tags: MetaTags, key: string): string | null {
  return tags.get(key)?.[0] ?? null;
}

// ---------------------------------------------------------------- JSON-LD

/** All objects of all JSON-LD blocks, flattened through arrays, @graph and nested values. */
function readJsonLd(dom: HtmlDom): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const script of Array.from(dom.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const parsed = parseJsonLenient(script.textContent ?? '');
    if (parsed !== undefined) collectObjects(parsed, objects, 0);
  }
  return objects;
}

function parseJsonLenient(text: string): JsonValue | undefined {
  const cleaned = text
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  for (const attempt of [cleaned, cleaned.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(attempt) as JsonValue;
    } catch {
      // try the next, more forgiving variant
    }
  }
  return undefined;
}

function collectObjects(value: JsonValue, into: JsonObject[], depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into, depth + 1);
    return;
  }
  into.push(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === '@graph' || key === 'mainEntity' || key === 'mainEntityOfPage' || key === 'itemListElement') {
      collectObjects(child, into, depth + 1);
    }
  }
}

function typesOf(obj: JsonObject): string[] {
  const type = obj['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

function hasType(obj: JsonObject, type: string): boolean {
  return typesOf(obj).includes(type);
}

function isArticleObject(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => ARTICLE_TYPES.has(t));
}

function stringField(obj: JsonObject, key: string): string | null {
  const value = obj[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** A person / organisation name from a string, an object with `name`, or a list of those. */
function nameOf(value: JsonValue | undefined): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return looksLikeUrl(value) ? null : value;
  if (Array.isArray(value)) {
    const names = value.map((v) => nameOf(v)).filter((n): n is string => !!n && !!n.trim());
    return names.length ? names.join(', ') : null;
  }
  if (typeof value === 'object') {
    const name = value['name'];
    return typeof name === 'string' ? name : null;
  }
  return null;
}

// ---------------------------------------------------------------- fields

function readTitle(dom: HtmlDom, tags: MetaTags, articles: JsonObject[], siteName: string | null): string | null {
  const documentTitle = dom.querySelector('title')?.textContent ?? null;
  const candidates = [
    metaValue(tags, 'og:title'),
    metaValue(tags, 'twitter:title'),
    ...articles.map((a) => stringField(a, 'headline') ?? stringField(a, 'name')),
    documentTitle,
    textOf(dom.querySelector('h1')),
  ];
  const title = firstText(candidates);
  if (!title) return null;
  const stripped = stripSiteAffix(title, siteName);
  const heading = textOf(dom.querySelector('h1'));
  return heading && isHeadingOf(heading, stripped) ? heading : stripped;
}

/**
 * The visible headline wins over a longer meta title that merely extends it ("Headline | tagline",
 * "Headline - Subtitle"): the extension is marketing or site text.
 */
function isHeadingOf(heading: string, title: string): boolean {
  const h = squash(heading);
  const t = squash(title);
  if (h === t || h.length < 8 || heading.split(/\s+/).length < 2 || heading.length > 200) return false;
  if (!t.startsWith(h)) return false;
  const rest = title.slice(title.toLowerCase().indexOf(heading.toLowerCase().slice(-3)) + 3).trimStart();
  return /^(?:[|:\-–—·•»\/(]|$)/.test(rest);
}

/** "Story title | Site" → "Story title"; also "Site: Story title" when the site name is known. */
export function stripSiteAffix(title: string, siteName: string | null): string {
  const site = siteName ? squash(siteName) : null;
  for (const sep of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + sep.length).trim();
    if (site && squash(tail) === site) return head;
    if (looksLikeSiteLabel(tail, head, sep)) return head;
  }
  if (site) {
    for (const sep of [...TITLE_SEPARATORS, ': ']) {
      const at = title.indexOf(sep);
      if (at > 0 && squash(title.slice(0, at)) === site) return title.slice(at + sep.length).trim();
    }
  }
  return title;
}

/** A short trailing segment after a longer headline is almost always the site or section name. */
function looksLikeSiteLabel(tail: string, head: string, separator: string): boolean {
  const tailWords = tail.split(/\s+/).length;
  const headWords = head.split(/\s+/).length;
  // A pipe never continues a headline; dashes sometimes do, so they need a clearly shorter tail.
  if (separator === ' | ' && tailWords <= 6 && headWords >= 2) return true;
  if (tailWords > 4 || headWords < 3 || tail.length >= head.length) return false;
  // A domain or a capitalised name, not the continuation of a sentence ("- and why it matters").
  return /^[A-Z0-9]/.test(tail) || /\.[a-z]{2,}$/.test(tail);
}

function readCanonicalUrl(dom: HtmlDom, tags: MetaTags): string | null {
  const ogUrl = absoluteHttpUrl(metaValue(tags, 'og:url'), null);
  const links = Array.from(dom.querySelectorAll('link')).filter((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  for (const link of links) {
    const url = absoluteHttpUrl(link.getAttribute('href'), ogUrl);
    if (url) return url;
  }
  return ogUrl;
}

function absoluteHttpUrl(raw: string | null, base: string | null): string | null {
  if (!raw || !raw.trim()) return null;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readByline(dom: HtmlDom, tags: MetaTags, articles: JsonObject[]): string | null {
  // Visible author elements often carry badges, dates or counts; only short, digit-free ones are names.
  const fromDom = ['[rel="author"]', '[itemprop="author"]', '.byline', '.author-name', '.author']
    .map((selector) => textOf(dom.querySelector(selector)))
    .filter((text) => text !== null && text.length <= 80 && !/\d/.test(text));
  const candidates = [
    metaValue(tags, 'author'),
    metaValue(tags, 'article:author'),
    metaValue(tags, 'parsely-author'),
    metaValue(tags, 'sailthru.author'),
    metaValue(tags, 'dc.creator'),
    ...articles.map((a) => nameOf(a['author'])),
    ...fromDom,
  ];
  for (const candidate of candidates) {
    if (!candidate || looksLikeUrl(candidate)) continue;
    const cleaned = clean(candidate).replace(/^by\s+/i, '');
    if (cleaned && cleaned.length <= 120) return cleaned;
  }
  return null;
}

function readLang(dom: HtmlDom, tags: MetaTags, articles: JsonObject[]): string | null {
  const candidates = [
    dom.documentElement?.getAttribute('lang') ?? null,
    dom.documentElement?.getAttribute('xml:lang') ?? null,
    metaValue(tags, 'content-language'),
    metaValue(tags, 'og:locale'),
    metaValue(tags, 'language'),
    ...articles.map((a) => stringField(a, 'inLanguage')),
  ];
  for (const candidate of candidates) {
    const tag = normaliseLangTag(candidate);
    if (tag) return tag;
  }
  return null;
}

/**
 * The primary language subtag, as the Analysis record's `lang` uses it: "en_US" → "en", "EN" → "en";
 * null for anything that is not a language tag.
 */
function normaliseLangTag(raw: string | null): string | null {
  const match = raw?.trim().split(',')[0]?.trim().match(/^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function readDates(dom: HtmlDom, tags: MetaTags, jsonLd: JsonObject[], articles: JsonObject[]): PageMeta['dates'] {
  const dates: PageMeta['dates'] = [];
  const seen = new Set<string>();
  const add = (raw: string | null | undefined, from: DateFrom): void => {
    const value = raw?.trim();
    if (!value || seen.has(`${from}\u0000${value}`)) return;
    seen.add(`${from}\u0000${value}`);
    dates.push({ raw: value, from });
  };
  for (const key of STRONG_DATE_KEYS) for (const raw of tags.get(key) ?? []) add(raw, 'meta');
  for (const obj of articles) add(stringField(obj, 'datePublished'), 'jsonld');
  for (const obj of jsonLd) add(stringField(obj, 'datePublished'), 'jsonld');
  for (const key of WEAK_DATE_KEYS) for (const raw of tags.get(key) ?? []) add(raw, 'meta');
  add(parselyPubDate(tags), 'meta');
  for (const obj of articles) add(stringField(obj, 'dateCreated'), 'jsonld');
  for (const raw of timeDates(dom)) add(raw, 'time');
  for (const raw of visibleDateLabels(dom)) add(raw, 'time');
  for (const raw of datesNearHeading(dom)) add(raw, 'time');
  return dates;
}

/** The older Parse.ly tag carries a JSON object in `parsely-page`. */
function parselyPubDate(tags: MetaTags): string | null {
  const raw = metaValue(tags, 'parsely-page');
  const parsed = raw ? parseJsonLenient(raw) : undefined;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const value = parsed['pub_date'];
  return typeof value === 'string' ? value : null;
}

/** <time datetime>: the one marked as the publication date first, then those in the article header. */
function timeDates(dom: HtmlDom): string[] {
  const selectors = [
    'time[pubdate]',
    '[itemprop="datePublished"]',
    '[itemprop="dateCreated"]',
    'article header time[datetime]',
    'header time[datetime]',
    'article time[datetime]',
    'main time[datetime]',
    'time[datetime]',
  ];
  const raws: string[] = [];
  for (const selector of selectors) {
    for (const el of Array.from(dom.querySelectorAll(selector)).slice(0, 3)) {
      // "Updated <time datetime=…>" shows the revision, not the publication.
      if (namesLaterDate(clean(el.parentElement?.textContent ?? '').slice(0, MAX_LABEL_CHARS))) continue;
      const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? textOf(el);
      if (raw) raws.push(raw);
    }
  }
  return raws;
}

/** Class / id words of the small elements that show a page's date ("post-date", "entry-meta", "byline"). */
const DATE_LABEL_CLASS = /(?:^|[\s_-])(?:date|dates|dateline|published|pubdate|posted|post-?meta|entry-?meta|article-?meta|meta|byline|bylines|timestamp|time)(?:$|[\s_-])/i;
/** A visible label that names a later date, not the publication. */
const LATER_DATE_LABEL = /\b(?:updated|modified|edited|reviewed|revised|latest)\b/i;
/** Regions that list other pages' dates (related posts, sidebars, comments). */
const ELSEWHERE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
const ELSEWHERE_CLASS = /(?:^|[\s_-])(?:related|recommend\w*|sidebar|widget|footer|menu|nav|navigation|teaser|card|cards|comments?|reply|replies|more-stories|promo|trending|popular)(?:$|[\s_-])/i;
const MAX_LABEL_CHARS = 120;

/**
 * Short visible texts in date / byline elements ("Published on January 29, 2026"), in document order.
 * Texts that only carry an update date are left out; the caller parses what remains.
 */
function visibleDateLabels(dom: HtmlDom): string[] {
  const labels: string[] = [];
  for (const el of Array.from(dom.querySelectorAll('[class], [id]'))) {
    if (labels.length >= 6) break;
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_LABEL_CLASS.test(marker) || isElsewhere(el)) continue;
    const text = clean(el.textContent ?? '');
    if (!text || text.length > MAX_LABEL_CHARS || !/\d/.test(text)) continue;
    if (namesLaterDate(text)) continue;
    labels.push(text);
  }
  return labels;
}

/** A written full date: a month name or numeric day/month next to a four-digit year, or ISO. */
const WRITTEN_DATE =
  /(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b)/i;
const HEADING_WINDOW_BEFORE = 30;
const HEADING_WINDOW_AFTER = 60;

/**
 * Short texts holding a full date in the elements around the page's <h1>, nearest first: article
 * headers show the date next to the headline even when no class or meta tag names it.
 */
function datesNearHeading(dom: HtmlDom): string[] {
  const elements = Array.from(dom.querySelectorAll('body *'));
  const headingAt = elements.findIndex((el) => el.tagName === 'H1');
  if (headingAt < 0) return [];
  const found: Array<{ text: string; distance: number }> = [];
  const from = Math.max(0, headingAt - HEADING_WINDOW_BEFORE);
  const to = Math.min(elements.length, headingAt + HEADING_WINDOW_AFTER);
  for (let i = from; i < to; i++) {
    const el = elements[i];
    if (!el || el.children.length > 4 || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    const text = clean(el.textContent ?? '');
    if (!text || text.length > MAX_LABEL_CHARS || !WRITTEN_DATE.test(text)) continue;
    if (namesLaterDate(text) || namesLaterDate(clean(el.parentElement?.textContent ?? '').slice(0, MAX_LABEL_CHARS))) continue;
    // Dates after the headline are the article's; those before may belong to navigation.
    found.push({ text, distance: i > headingAt ? i - headingAt : (headingAt - i) * 2 });
  }
  return found.sort((a, b) => a.distance - b.distance).slice(0, 3).map((f) => f.text);
}

function namesLaterDate(text: string): boolean {
  return LATER_DATE_LABEL.test(text) && !/\b(?:published|posted)\b/i.test(text);
}

function isElsewhere(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 15; depth++, node = node.parentElement) {
    if (ELSEWHERE_TAGS.has(node.tagName)) return true;
    if (depth > 0 && ELSEWHERE_CLASS.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- helpers

function textOf(el: Element | null): string | null {
  const text = el?.textContent;
  return text ? clean(text) || null : null;
}

function firstText(candidates: Array<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    const text = candidate ? clean(decodeEntities(candidate)) : '';
    if (text) return text;
  }
  return null;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Meta contents are already decoded by the parser; JSON-LD strings sometimes still carry entities. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point < 0x110000 ? String.fromCodePoint(point) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function looksLikeUrl(text: string): boolean {
  return /^(https?:)?\/\//i.test(text.trim());
}
