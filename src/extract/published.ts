import type { Published } from '../document.js';
import type { PageMeta } from './meta.js';
import { unwrapArchiveUrl } from './source.js';

/** A calendar date (year may still be unknown), with the local clock time and zone when written. */
export interface DateParts {
  year: number | null;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  /** Minutes east of UTC when a zone was written; only used to compare with `now`. */
  offsetMinutes: number | null;
  /** 0 = Sunday … 6 = Saturday, when a weekday was written. */
  weekday: number | null;
}

export interface DateMatch {
  parts: DateParts;
  index: number;
  length: number;
}

// ---------------------------------------------------------------- vocabulary

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan/, 1], [/^feb/, 2], [/^mar/, 3], [/^apr/, 4], [/^may/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^oct/, 10], [/^nov/, 11], [/^dec/, 12],
];
const WEEKDAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^sun/, 0], [/^mon/, 1], [/^tue/, 2], [/^wed/, 3], [/^thu/, 4], [/^fri/, 5], [/^sat/, 6],
];
/** Zone abbreviations common in English news headers (ambiguous ones such as IST are left out). */
const ZONE_OFFSETS: Record<string, number> = {
  z: 0, utc: 0, gmt: 0, ut: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, aest: 600, aedt: 660, jst: 540, kst: 540, sgt: 480, hkt: 480,
};

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
const ZONE = String.raw`(z|utc|gmt|ut|[a-z]{2,3}[sd]?t|[+-]\d{2}:?\d{2})`;
/** "8:18 PM EST", "20:18", "8.18am", "10:00:00+02:00". */
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?${ZONE}\)?)?`;
const TIME_TAIL = String.raw`(?:,?\s+(?:at\s+|-\s+|\|\s+)?${TIME})?`;

type Groups = Array<string | undefined>;
interface DatePattern {
  regex: RegExp;
  read(g: Groups): DateParts | null;
}

const boundary = (source: string): RegExp => new RegExp(String.raw`(?<![\p{L}\p{N}])${source}(?![\p{L}\p{N}])`, 'giu');

/** Ordered: the most specific shapes first, so "Sunday, March 1, 2020 8:00" is read whole. */
const DATE_PATTERNS: DatePattern[] = [
  {
    // 2020-03-01, 2020-03-01T10:00:00+02:00, 2020-03-01 10:00
    regex: boundary(String.raw`(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?`),
    read: (g) => build(num(g[1]), num(g[2]), num(g[3]), null, g[4], g[5], undefined, g[6]),
  },
  {
    // Tuesday, January 28, 2014 8:18 PM EST · Jan. 28 · March 1st, 2020
    regex: boundary(String.raw`(?:${WEEKDAY},?\s+)?${MONTH}\s+${DAY}(?![:.]\d)(?:,?\s+${YEAR})?${TIME_TAIL}`),
    read: (g) => build(num(g[4]), monthNumber(g[2]), num(g[3]), g[1], g[5], g[6], g[7], g[8]),
  },
  {
    // Sunday 1 March 2020 · Sun, 01 Mar 2020 08:00:00 +0000 · the 1st of March
    regex: boundary(String.raw`(?:${WEEKDAY},?\s+(?:the\s+)?)?${DAY}(?:\s+of)?\s+${MONTH},?(?:\s+${YEAR})?${TIME_TAIL}`),
    read: (g) => build(num(g[4]), monthNumber(g[3]), num(g[2]), g[1], g[5], g[6], g[7], g[8]),
  },
  {
    // 2020/03/01, 2020.03.01
    regex: boundary(String.raw`(\d{4})([/.])(\d{1,2})\2(\d{1,2})${TIME_TAIL}`),
    read: (g) => build(num(g[1]), num(g[3]), num(g[4]), null, g[5], g[6], g[7], g[8]),
  },
  {
    // 01.03.2020 (day first, as written in Europe) · 03/01/2020 (month first unless the first number > 12)
    regex: boundary(String.raw`(\d{1,2})([/.])(\d{1,2})\2(\d{4})${TIME_TAIL}`),
    read: (g) => {
      const [a, b] = [num(g[1]), num(g[3])];
      const dayFirst = g[2] === '.' || a > 12;
      return build(num(g[4]), dayFirst ? b : a, dayFirst ? a : b, null, g[5], g[6], g[7], g[8]);
    },
  },
];

function num(s: string | undefined): number {
  return s === undefined ? NaN : Number(s);
}

function monthNumber(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  return MONTHS.find(([re]) => re.test(w))?.[1] ?? NaN;
}

function weekdayNumber(word: string | undefined): number | null {
  if (!word) return null;
  const w = word.toLowerCase();
  return WEEKDAYS.find(([re]) => re.test(w))?.[1] ?? null;
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  const z = zone.toLowerCase();
  const numeric = z.match(/^([+-])(\d{2}):?(\d{2})?$/);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  return ZONE_OFFSETS[z] ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  weekday: string | null | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  meridiem: string | undefined,
  zone: string | undefined,
): DateParts | null {
  const knownYear = Number.isNaN(year) ? null : year;
  if (!isValidDay(knownYear ?? 2000, month, day)) return null;
  let hour: number | null = hourText === undefined ? null : Number(hourText);
  const minute: number | null = minuteText === undefined ? null : Number(minuteText);
  if (hour !== null && meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (hour !== null && (hour > 23 || minute === null || minute > 59)) return null;
  return {
    year: knownYear,
    month,
    day,
    hour,
    minute: hour === null ? null : minute,
    offsetMinutes: hour === null ? null : zoneOffset(zone),
    weekday: weekdayNumber(weekday ?? undefined),
  };
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** All dates written in `text`, left to right, longest reading at each position. */
export function findDates(text: string): DateMatch[] {
  const all: DateMatch[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const m of text.matchAll(pattern.regex)) {
      const parts = pattern.read(Array.from(m));
      if (parts) all.push({ parts, index: m.index ?? 0, length: m[0].length });
    }
  }
  all.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: DateMatch[] = [];
  for (const match of all) {
    const last = kept.at(-1);
    if (!last || match.index >= last.index + last.length) kept.push(match);
  }
  return kept;
}

// ---------------------------------------------------------------- values

/** TIMEX3 value: day precision without a time, `T HH:MM` local time as written with one. */
export function toTimex(parts: DateParts & { year: number }): string {
  const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  return parts.hour === null || parts.minute === null ? date : `${date}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when the moment written is later than `now` (a date without time: its day is after now's UTC day). */
export function isAfter(parts: DateParts & { year: number }, now: Date): boolean {
  if (parts.hour === null || parts.minute === null) {
    const day = Date.UTC(parts.year, parts.month - 1, parts.day);
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return day > today;
  }
  const instant = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - (parts.offsetMinutes ?? 0) * 60_000;
  return instant > now.getTime();
}

const ISO_FIELD = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const ISO_COARSE = /^(\d{4})(?:-(\d{2}))?$/;

/**
 * Validates a `published` input field (ISO 8601 date or date-time, also with zone): the TIMEX3 value
 * ("2020-03-01" or "2020-03-01T08:00", local time as written) or null if invalid. "2020-03" and "2020"
 * are accepted as coarser values.
 */
export function parsePublishedField(raw: string): string | null {
  const text = raw.trim();
  const coarse = text.match(ISO_COARSE);
  if (coarse) {
    const month = coarse[2] === undefined ? null : Number(coarse[2]);
    if (month !== null && (month < 1 || month > 12)) return null;
    return text;
  }
  const m = text.match(ISO_FIELD);
  if (!m) return null;
  if (m[6] !== undefined && Number(m[6]) > 59) return null;
  const parts = build(num(m[1]), num(m[2]), num(m[3]), null, m[4], m[5], undefined, m[7]);
  return parts && parts.year !== null ? toTimex({ ...parts, year: parts.year }) : null;
}

// ---------------------------------------------------------------- year inference

const YEAR_MENTION = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;
const OLDEST_YEAR = 1990;

export interface YearContext {
  now: Date;
  /** Years written in the text (any order). */
  mentioned: number[];
  /** A year from the URL path, the strongest hint when present. */
  urlYear: number | null;
}

export function mentionedYears(text: string): number[] {
  return Array.from(text.matchAll(YEAR_MENTION), (m) => Number(m[1]));
}

/**
 * The year of a date written without one. With a weekday: the year in which that day falls on that
 * weekday, at or after the latest year the text mentions (news looks back on earlier years) and never
 * after `now`; the most recent such year otherwise. Without one: the URL's or latest mentioned year,
 * else the most recent year that is not in the future.
 */
export function inferYear(parts: DateParts, context: YearContext): number | null {
  const nowYear = context.now.getUTCFullYear();
  const fits = (year: number): boolean =>
    isValidDay(year, parts.month, parts.day) &&
    !isAfter({ ...parts, year, hour: null, minute: null }, context.now) &&
    (parts.weekday === null || new Date(Date.UTC(year, parts.month - 1, parts.day)).getUTCDay() === parts.weekday);
  const pastMentions = context.mentioned.filter((y) => y >= OLDEST_YEAR && y <= nowYear);
  const anchor = context.urlYear ?? (pastMentions.length ? Math.max(...pastMentions) : null);
  if (anchor !== null) {
    const reach = parts.weekday === null ? 0 : 11;
    for (let year = anchor; year <= Math.min(anchor + reach, nowYear); year++) if (fits(year)) return year;
  }
  for (let year = nowYear; year >= nowYear - 30; year--) if (fits(year)) return year;
  return null;
}

function resolve(parts: DateParts, context: YearContext): (DateParts & { year: number }) | null {
  const year = parts.year ?? inferYear(parts, context);
  if (year === null || year < OLDEST_YEAR || !isValidDay(year, parts.month, parts.day)) return null;
  const full = { ...parts, year };
  return isAfter(full, context.now) ? null : full;
}

// ---------------------------------------------------------------- text layout

interface TextLayout {
  /** Short lines before the first paragraph: title, byline, date lines. */
  header: string[];
  /** The first paragraph of prose. */
  lead: string;
}

const MAX_HEADER_LINES = 8;
const CAPTION = /\((?:[\p{L} ]*\s)?photo\b|\bphoto(?:graph)?s?\s*(?:by|:|\/)|\bimage \d+ of\b|\bcaption\b|\bfile photo\b|\bgetty images\b|\bpictured\b|\ba (?:picture|photo) (?:taken|shows)\b/iu;
const PARAGRAPH_MIN_CHARS = 140;
/** Text without line breaks is one huge "paragraph"; only its opening counts as the lead. */
const LEAD_MAX_CHARS = 700;

function layoutOf(text: string): TextLayout {
  const lines = text.split(/\r?\n/, 200).map((l) => l.trim()).filter(Boolean);
  const header: string[] = [];
  for (const line of lines.slice(0, MAX_HEADER_LINES + 1)) {
    // Photo captions date the picture, not the article.
    if (CAPTION.test(line)) continue;
    if (line.length >= PARAGRAPH_MIN_CHARS) return { header, lead: line.slice(0, LEAD_MAX_CHARS) };
    header.push(line);
  }
  return { header: header.slice(0, MAX_HEADER_LINES), lead: '' };
}

// ---------------------------------------------------------------- text rules

interface TextRuleInput {
  text: string;
  layout: TextLayout;
}
interface TextRule {
  name: string;
  find(input: TextRuleInput): DateParts[];
}

const LABEL = String.raw`(?:first\s+published|published(?:\s+date)?|publication\s+date|posted|date|dated|released|created|filed)`;
const WIRES = String.raw`(?:reuters|ap|afp|aa|upi|dpa|efe|ansa|xinhua|tass|ians|pti|ani|bloomberg|cnn|bbc|apa|anadolu|irna|isna|sana|wafa|kyodo|yonhap|bernama|antara)`;
const DASH = String.raw`[-–—]`;

/** "date 2020-03-01" on a line of its own (or at a line's start) counts anywhere: it is metadata. */
const EXPLICIT_DATE_LINE = new RegExp(String.raw`^[ \t]*(?:date|dated|published|publication date)\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?)(?![\d-])`, 'gim');
const LABELLED = new RegExp(String.raw`(?<![\p{L}])${LABEL}(?:\s+on)?\s*[:=|-]?\s*`, 'giu');
/**
 * "ISTANBUL, March 1 (Reuters) -", "LONDON, Britain, 3 March 2020 —", "HALDEN, Monday, March 10 -": the date
 * right after the place; a weekday is part of the date (it fixes the year), not of the place.
 */
const DATELINE = new RegExp(
  String.raw`^(?:(?!${WEEKDAY.replace('(', '(?:')}\b)[\p{Lu}][\p{L} .'’-]*,\s*){0,2}(.{3,40}?)(?:\s*\((?:${WIRES}|[\p{L} .]{2,30})\))?\s+${DASH}\s`,
  'iu',
);
const WEEKDAY_DATE = boundary(String.raw`${WEEKDAY},?\s+(?:the\s+)?(?:${DAY}(?:\s+of)?\s+${MONTH}|${MONTH}\s+${DAY})`);

const TEXT_RULES: TextRule[] = [
  {
    name: 'explicit date line',
    find: ({ text }) => Array.from(text.matchAll(EXPLICIT_DATE_LINE)).flatMap((m) => datesIn(m[1] ?? '')),
  },
  {
    name: 'labelled header date',
    find: ({ layout }) => [...layout.header, layout.lead].flatMap(labelledDates),
  },
  {
    name: 'date line in the header',
    find: ({ layout }) => layout.header.flatMap(headerLineDates),
  },
  {
    name: 'dateline',
    find: ({ layout }) => {
      const m = layout.lead.match(DATELINE) ?? layout.header.at(-1)?.match(DATELINE);
      const first = m?.[1] ? findDates(m[1])[0] : undefined;
      return first && first.index === 0 ? [first.parts] : [];
    },
  },
  {
    name: 'weekday date in the first paragraph',
    find: ({ layout }) =>
      [...layout.header, layout.lead].flatMap((line) =>
        Array.from(line.matchAll(WEEKDAY_DATE)).flatMap((m) => datesIn(line.slice(m.index ?? 0, (m.index ?? 0) + 80)).slice(0, 1)),
      ),
  },
];

function datesIn(text: string): DateParts[] {
  return findDates(text).map((d) => d.parts);
}

/** Header lines that are mostly a date ("By Lee Park | April 9, 2019"); captions and update notes are not. */
const MAX_HEADER_TEXT_AROUND_DATE = 50;
const LATER_DATE_LABEL = /\b(?:updated|modified|edited|revised|last reviewed)\b/i;

function headerLineDates(line: string): DateParts[] {
  if (LATER_DATE_LABEL.test(line)) return [];
  return findDates(line)
    .filter((d) => d.parts.year !== null && line.length - d.length <= MAX_HEADER_TEXT_AROUND_DATE)
    .map((d) => d.parts);
}

/** "Posted: Tuesday, January 28, 2014 8:18 PM EST Updated: …" → the posted date, not the update. */
function labelledDates(line: string): DateParts[] {
  const found: DateParts[] = [];
  for (const m of line.matchAll(LABELLED)) {
    const after = (m.index ?? 0) + m[0].length;
    const first = findDates(line.slice(after, after + 80))[0];
    if (first && first.index === 0) found.push(first.parts);
  }
  return found;
}

// ---------------------------------------------------------------- URL rules

const URL_RULES: Array<{ regex: RegExp; read(g: Groups): DateParts | null; timex?: (p: DateParts & { year: number }) => string }> = [
  {
    regex: /(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)/,
    read: (g) => build(num(g[1]), num(g[2]), num(g[3]), null, undefined, undefined, undefined, undefined),
  },
  {
    regex: new RegExp(String.raw`(?<!\d)((?:19|20)\d\d)/${MONTH}/(\d{1,2})(?!\d)`, 'i'),
    read: (g) => build(num(g[1]), monthNumber(g[2]), num(g[3]), null, undefined, undefined, undefined, undefined),
  },
  {
    regex: /(?<![\d])((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)/,
    read: (g) => build(num(g[1]), num(g[2]), num(g[3]), null, undefined, undefined, undefined, undefined),
  },
  {
    regex: /\/((?:19|20)\d\d)\/(\d{1,2})\/(?!\d)/,
    read: (g) => build(num(g[1]), num(g[2]), 1, null, undefined, undefined, undefined, undefined),
    timex: (p) => `${pad(p.year, 4)}-${pad(p.month)}`,
  },
];

function urlPath(url: string): string {
  try {
    const parsed = new URL(unwrapArchiveUrl(url).url);
    return parsed.pathname;
  } catch {
    return url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  }
}

function fromUrl(url: string, now: Date): string | null {
  const path = urlPath(url);
  for (const rule of URL_RULES) {
    const m = path.match(rule.regex);
    const parts = m ? rule.read(Array.from(m)) : null;
    if (!parts || parts.year === null || parts.year < OLDEST_YEAR) continue;
    const full = { ...parts, year: parts.year };
    if (isAfter(full, now)) continue;
    return rule.timex ? rule.timex(full) : toTimex(full);
  }
  return null;
}

function urlYear(url: string | null): number | null {
  if (!url) return null;
  const m = urlPath(url).match(/(?<!\d)((?:19|20)\d\d)(?=[/_-]|\d{4}(?!\d))/);
  return m?.[1] ? Number(m[1]) : null;
}

// ---------------------------------------------------------------- findPublished

/** A meta date: ISO or any written form, with its own year (never inferred). */
/** ISO 8601 basic format as some CMSs write it in meta tags: 20200301, 20200301T0800. */
const ISO_BASIC = /^((?:19|20)\d\d)(\d\d)(\d\d)(?:T?(\d\d)(\d\d)(?:\d\d)?(z|[+-]\d{2}:?\d{2})?)?$/i;

function parseMetaDate(raw: string): DateParts | null {
  const basic = raw.trim().match(ISO_BASIC);
  if (basic) return build(num(basic[1]), num(basic[2]), num(basic[3]), null, basic[4], basic[5], undefined, basic[6]);
  return labelledDates(raw)[0] ?? findDates(raw.trim())[0]?.parts ?? null;
}

function fromMeta(meta: PageMeta | null, now: Date): string | null {
  for (const { raw } of meta?.dates ?? []) {
    const parts = parseMetaDate(raw);
    if (!parts || parts.year === null || parts.year < OLDEST_YEAR) continue;
    const full = { ...parts, year: parts.year };
    if (!isAfter(full, now)) return toTimex(full);
  }
  return null;
}

function fromText(text: string, url: string | null, now: Date): string | null {
  const layout = layoutOf(text);
  const context: YearContext = { now, mentioned: mentionedYears(text), urlYear: urlYear(url) };
  for (const rule of TEXT_RULES) {
    for (const parts of rule.find({ text, layout })) {
      const full = resolve(parts, context);
      if (full) return toTimex(full);
    }
  }
  return null;
}

/** An archived copy cannot predate its page: the snapshot time is a second "now". */
function latestPossible(now: Date, urls: Array<string | null>): Date {
  const snapshots = urls.map((u) => (u ? unwrapArchiveUrl(u).archivedAt : null)).filter((d): d is Date => d !== null);
  const earliest = Math.min(now.getTime(), ...snapshots.map((d) => d.getTime()));
  return Number.isNaN(earliest) ? now : new Date(earliest);
}

/**
 * The publication date from, in priority order: meta dates, then the text's first lines, then the
 * URL. Never a date after `now`; null when unknown.
 */
export function findPublished(input: { meta: PageMeta | null; url: string | null; text: string; now: Date }): Published | null {
  const { meta, url, text } = input;
  const now = latestPossible(input.now, [url, meta?.canonicalUrl ?? null]);
  const fromMetaValue = fromMeta(meta, now);
  if (fromMetaValue) return { value: fromMetaValue, origin: 'meta' };
  const fromTextValue = fromText(text, url ?? meta?.canonicalUrl ?? null, now);
  if (fromTextValue) return { value: fromTextValue, origin: 'text' };
  const fromUrlValue = [url, meta?.canonicalUrl].map((u) => (u ? fromUrl(u, now) : null)).find((v) => v !== null);
  return fromUrlValue ? { value: fromUrlValue, origin: 'url' } : null;
}
