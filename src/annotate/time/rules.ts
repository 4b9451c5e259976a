/**
 * The ordered parser list: each rule is one regular expression with named groups plus a resolver
 * that turns a match into a TIMEX3 type and value against the anchor. A rule only runs when one
 * of its trigger words occurs in the body (a Set lookup), so most rules never scan most bodies.
 *
 * Extents follow TimeML: prepositions stay outside ("on Thursday" → "Thursday"), determiners and
 * modifiers that are part of the expression stay inside ("the past three months", "early Sunday").
 */
import type { TimexType } from '../../document.js';
import {
  type Anchor,
  type Season,
  addDays,
  anchorDay,
  dayValue,
  isValidDay,
  isoWeekday,
  monthValue,
  pad2,
  parseAnchor,
  quarterOf,
  quarterValue,
  relativeDay,
  seasonValue,
  weekValue,
  weekdayValue,
  yearValue,
} from './calendar.js';
import {
  AMOUNT,
  APPROXIMATOR,
  COUNT_NOUNS,
  DAY_OF_MONTH,
  MONTH,
  MONTH_ALONE,
  MONTHS,
  NOT_PLURAL,
  ORDINALS,
  PART_OF_DAY,
  PART_OF_DAY_CODE,
  SEASONS,
  SPOKEN_YEAR,
  UNIT,
  WEEKDAY,
  WEEKDAYS,
  YEAR,
  parseAmount,
  spokenYearValue,
  unitInfo,
} from './lexicon.js';
import { isFutureContext } from './tense.js';

export interface RuleContext {
  body: string;
  anchor: Anchor | null;
}

export interface Resolution {
  type: TimexType;
  value: string;
  /** Shift, in years, from the last quarter mentioned before it, when there is one ("a year earlier"). */
  yearsFromReference?: number;
  /** Takes its value from the last expression before it, cut to this many characters ("that year" → 4). */
  sameAsReference?: number;
  /** With `sameAsReference`: how many years (length 4) or months (length 7) later ("the following year"). */
  referenceShift?: number;
  /** A clock time without its own date: the refiners date it from its sentence. */
  dateFromContext?: boolean;
  /** Characters at the start of the match that are not part of the extent ("over the next two years"). */
  trimLeft?: number;
  /** Takes its quarter from the last quarter mentioned before it, in this year ("the 1988 period"). */
  quarterInYear?: number;
}

export interface Rule {
  name: string;
  /** Lowercase words, one of which must occur in the body for the rule to run ('#' = any digit). */
  triggers: readonly string[];
  pattern: RegExp;
  resolve(match: RegExpExecArray, context: RuleContext): Resolution | null;
}

type Groups = Record<string, string | undefined>;

const groupsOf = (match: RegExpExecArray): Groups => match.groups ?? {};
const lower = (text: string | undefined): string => (text ?? '').toLowerCase().replace(/\s+/g, ' ');
const isCapitalized = (word: string | undefined): boolean => !!word && word[0] !== word[0]?.toLowerCase();
const monthNumber = (word: string | undefined): number =>
  MONTHS[lower(word).replace(/\.$/, '')] ?? 0;
const weekdayNumber = (word: string | undefined): number => WEEKDAYS[lower(word)] ?? 0;
const futureAt = (context: RuleContext, match: RegExpExecArray): boolean => isFutureContext(context.body, match.index);
const pattern = (source: string): RegExp => new RegExp(source, 'gi');

/** Prefixes TimeML keeps inside a date's extent ("early", "mid-", "the end of"). */
const DATE_PREFIX = String.raw`(?:(?<mod>early|late|mid|earlier|later)[\s-]+|(?<edge>the\s+(?:beginning|start|middle|end|turn)\s+of)\s+)?`;

const RELATIVE_DIRECTION: Record<string, -1 | 0 | 1> = {
  this: 0, current: 0, 'the current': 0, 'the same': 0, that: 0, the: 0, 'this coming': 1,
  last: -1, past: -1, previous: -1, 'the past': -1, 'the previous': -1, 'the last': -1, 'the prior': -1,
  'this past': -1, 'the latest': -1, 'the most recent': -1, 'the preceding': -1,
  next: 1, coming: 1, 'the next': 1, 'the coming': 1, 'the following': 1, 'the upcoming': 1,
};

const MONTH_TRIGGERS = Object.keys(MONTHS);
const WEEKDAY_TRIGGERS = Object.keys(WEEKDAYS);

/** The year with the smallest past-leaning distance from the anchor for a month/day without year. */
function closestYear(anchor: Anchor, month: number, day: number, future: boolean, weekday = 0): number {
  const reference = anchorDay(anchor);
  if (!reference) return anchor.year;
  const referenceTime = Date.UTC(reference.year, reference.month - 1, reference.day);
  let best = anchor.year;
  let bestCost = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (!isValidDay(year, month, day)) continue;
    if (weekday && isoWeekday({ year, month, day }) !== weekday) continue;
    const difference = (Date.UTC(year, month - 1, day) - referenceTime) / 86_400_000;
    const cost = difference > 0 ? difference * (future ? 1 : 2) : -difference * (future ? 3 : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = year;
    }
  }
  if (bestCost < Infinity) return best;
  // A weekday that fits none of the years is a typo in the weekday or the date: trust the date.
  return weekday ? closestYear(anchor, month, day, future) : anchor.year;
}

/** "the quarter ended Sept. 30", "since March 3": the date is over by the time of writing. */
const ALREADY_PAST_BEFORE = /\b(?:ended|since)\s+$/i;

function latestYearNotAfter(anchor: Anchor, month: number, day: number): number | null {
  const reference = anchorDay(anchor);
  if (!reference) return null;
  const notAfter = (year: number): boolean =>
    isValidDay(year, month, day) && Date.UTC(year, month - 1, day) <= Date.UTC(reference.year, reference.month - 1, reference.day);
  return [anchor.year, anchor.year - 1].find(notAfter) ?? null;
}

function monthDayValue(context: RuleContext, match: RegExpExecArray, month: number, day: number, year?: string, weekday = 0): string | null {
  if (!month || day < 1 || day > 31) return null;
  if (year) return isValidDay(Number(year), month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
  if (!context.anchor) return isValidDay(2000, month, day) ? `XXXX-${pad2(month)}-${pad2(day)}` : null;
  if (ALREADY_PAST_BEFORE.test(context.body.slice(Math.max(0, match.index - 8), match.index))) {
    const past = latestYearNotAfter(context.anchor, month, day);
    if (past !== null) return `${past}-${pad2(month)}-${pad2(day)}`;
  }
  const resolvedYear = closestYear(context.anchor, month, day, futureAt(context, match), weekday);
  return isValidDay(resolvedYear, month, day) ? `${resolvedYear}-${pad2(month)}-${pad2(day)}` : null;
}

/**
 * A month without a year leans to the past: a month ahead of the anchor counts three times as far
 * as one behind it ("in December" in March 2020 is 2019-12; in November 1989 it is 1989-12).
 * Under future tense the weights swap.
 */
function monthAlone(anchor: Anchor | null, month: number, direction: -1 | 0 | 1 | null, future: boolean): string {
  if (!anchor) return `XXXX-${pad2(month)}`;
  if (anchor.month === null) return `${anchor.year}-${pad2(month)}`;
  let year = anchor.year;
  if (direction === -1) year -= month >= anchor.month ? 1 : 0;
  else if (direction === 1) year += month <= anchor.month ? 1 : 0;
  else if (direction === null) {
    const ahead = (month - anchor.month + 12) % 12;
    const behind = (anchor.month - month + 12) % 12;
    const goForward = ahead !== 0 && (future ? ahead <= behind * 3 : ahead * 3 < behind);
    if (goForward) year += month < anchor.month ? 1 : 0;
    else year -= month > anchor.month ? 1 : 0;
  }
  return `${year}-${pad2(month)}`;
}

/** A preposition that makes a capitalised month word the month. */
const MONTH_PREPOSITION_BEFORE = /\b(?:in|since|until|by|through|during|from|before|after|till)\s+$/i;

/** Adverbs that follow an amount to make a rate ("8% annually"). */
const RATE_ADVERBS = new Set(['annually', 'yearly']);

/** A deadline ("repay the loan by February") points ahead of the article. */
const DEADLINE_BEFORE = /\b(?:by|until|till)\s+$/i;

/** The number after a year must not make it a head count ("2016 people"). */
function looksLikeCount(body: string, end: number): boolean {
  const next = /^\s+([A-Za-z]+)/.exec(body.slice(end, end + 30));
  if (!next?.[1]) return false;
  const word = next[1].toLowerCase();
  if (COUNT_NOUNS.has(word)) return true;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !NOT_PLURAL.has(word) && next[1] === word;
}

function durationValue(amount: number | 'X', unitWord: string): string | null {
  const unit = unitInfo(unitWord);
  if (!unit) return null;
  const prefix = unit.clock ? 'PT' : 'P';
  if (amount === 'X') return `${prefix}X${unit.code}`;
  const count = amount * unit.factor;
  const code = unit.code;
  if (Number.isInteger(count)) return `${prefix}${count}${code}`;
  const whole = Math.floor(count);
  const halves: Record<string, string> = { Y: `${whole}Y6M`, H: `${whole}H30M`, M: unit.clock ? `${whole}M30S` : `${whole}M15D`, D: `${whole}DT12H` };
  const half = Math.abs(count - whole - 0.5) < 1e-9 ? halves[code] : undefined;
  if (half) return `${prefix}${half.replace(/^0Y|^0H|^0M|^0D/, '')}`;
  return `${prefix}${count}${code}`;
}

/** A date `amount` units away from the anchor, at the unit's granularity ("two days ago"). */
function shiftedDate(anchor: Anchor | null, amount: number, unitWord: string, sign: -1 | 1): string | null {
  const unit = unitInfo(unitWord);
  if (!unit) return null;
  const n = Math.round(amount) * sign;
  if (unit.clock) return relativeDay(anchor, 0);
  switch (unit.code) {
    case 'D':
      return relativeDay(anchor, n);
    case 'W':
      return weekValue(anchor, n * unit.factor);
    case 'M':
      return monthValue(anchor, n);
    case 'Q':
      return quarterValue(anchor, n);
    case 'Y':
      return yearValue(anchor, n);
    case 'E':
      return yearValue(anchor, n * 10);
    default:
      return yearValue(anchor, n * 100);
  }
}

function weekendValue(anchor: Anchor | null, direction: -1 | 0 | 1, future: boolean): string {
  const day = anchorDay(anchor);
  if (!day) return 'XXXX-WXX-WE';
  // From Friday on, "the weekend" is the one at hand; earlier in the week it is the one just past.
  const onWeekend = isoWeekday(day) >= 5;
  let offset: number = direction;
  if (direction === 0 && !onWeekend && !future) offset = -1;
  if (direction === 1 && !onWeekend) offset = 0;
  return `${weekValue(anchor, offset)}-WE`;
}

function seasonOf(anchor: Anchor | null, season: Season, direction: -1 | 0 | 1 | null, future: boolean): string {
  if (!anchor) return `XXXX-${season}`;
  if (direction === null) return seasonValue(anchor, season, null, future);
  if (direction === 0) return seasonValue(anchor, season, season === 'WI' && (anchor.month ?? 12) <= 2 ? -1 : 0, false);
  const mostRecent = seasonValue(anchor, season, null, false);
  const next = seasonValue(anchor, season, null, true);
  if (direction === 1) return next;
  const month = anchor.month ?? 12;
  const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[season];
  const inSeason = season === 'WI' ? month === 12 || month <= 2 : month >= startMonth && month < startMonth + 3;
  return inSeason ? `${Number(mostRecent.slice(0, 4)) - 1}-${season}` : mostRecent;
}

/** "The quarter" in news is the last one reported: the quarter before the anchor's. */
const LATEST_QUARTER_OFFSET = -1;

function quarterWithOrdinal(anchor: Anchor | null, ordinal: number, yearOffset: number, explicitYear?: string): string {
  if (explicitYear) return `${explicitYear}-Q${ordinal}`;
  if (!anchor) return `XXXX-Q${ordinal}`;
  const anchorQuarter = anchor.month ? quarterOf(anchor.month) : 4;
  const year = anchor.year + yearOffset - (yearOffset === 0 && ordinal > anchorQuarter ? 1 : 0);
  return `${year}-Q${ordinal}`;
}

function resolveQuarter(context: RuleContext, g: Groups, det: string, qual: string, explicitYear: string | undefined): Resolution {
  const previousYear = det === "last year's" || ['year-earlier', 'year-ago', 'prior', 'comparable'].includes(qual);
  const ordinalWord = lower(g.ordinal);
  const ordinal = ordinalWord === 'final' ? 4 : (ORDINALS[ordinalWord] ?? 0);
  const yearOffset = previousYear ? -1 : det === "next year's" ? 1 : 0;
  if (ordinal) return { type: 'DATE', value: quarterWithOrdinal(context.anchor, ordinal, yearOffset, explicitYear) };
  if (explicitYear) {
    const latest = quarterValue(context.anchor, LATEST_QUARTER_OFFSET);
    return { type: 'DATE', value: `${explicitYear}${latest.slice(4)}`, quarterInYear: Number(explicitYear) };
  }
  if (det === 'next') return { type: 'DATE', value: quarterValue(context.anchor, 1) };
  if (det === 'this' || qual === 'current') return { type: 'DATE', value: quarterValue(context.anchor, 0) };
  if (previousYear) return { type: 'DATE', value: quarterValue(context.anchor, LATEST_QUARTER_OFFSET - 4), yearsFromReference: -1 };
  return { type: 'DATE', value: quarterValue(context.anchor, LATEST_QUARTER_OFFSET) };
}

function partOfDay(anchor: Anchor | null, dayOffset: number, part: string | undefined): Resolution {
  const code = part ? PART_OF_DAY_CODE[lower(part)] : undefined;
  const day = relativeDay(anchor, dayOffset);
  return code ? { type: 'TIME', value: `${day}${code}` } : { type: 'DATE', value: day };
}

/**
 * What TimeML leaves outside a duration: a possessive or a determiner before an adjectival
 * duration ("its [two-year] plan", "the [two days] of talks"), and "over"/"under" used as a
 * preposition before a determiner ("over [the last two weeks]").
 */
/** Hedges TimeML annotators mostly leave outside the extent ("about [three days]"), unlike "nearly" or "more than". */
const OUTSIDE_HEDGES = new Set(['about', 'almost', 'over', 'under']);

/** Characters to drop so that an outside hedge at the start of the match is left out. */
function hedgeTrim(match: RegExpExecArray, hedge: string | undefined): number {
  if (!hedge || !OUTSIDE_HEDGES.has(lower(hedge))) return 0;
  const rest = match[0].slice(hedge.length);
  return match[0].length - rest.trimStart().length;
}

function durationTrim(match: RegExpExecArray, g: Groups, after: string): number {
  const text = match[0];
  const skip = (word: string | undefined): number => (word ? text.indexOf(word) + word.length : 0);
  const approx = lower(g.approx);
  let trim = 0;
  if (OUTSIDE_HEDGES.has(approx) || (g.det && approx === 'some')) trim = skip(g.approx);
  const det = lower(g.det);
  const adjectival = /\w-\w/.test(text.slice(skip(g.det))) || /^\s+of\b/i.test(after) || (!/s$/i.test(g.unit ?? '') && parseAmount(g.amount ?? '') !== 1);
  if (det && !g.relative && (det !== 'the' || adjectival)) trim = skip(g.det);
  while (trim < text.length && /\s/.test(text[trim] ?? '')) trim += 1;
  return trim;
}

const TIME_ZONE = String.raw`(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|EES?T|MSK|IST|JST|AES?DT|AEST|local\s+time)`;
const AM_PM = String.raw`(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)`;

function clockValue(groups: Groups): string | null {
  const named = lower(groups.named);
  if (named === 'noon' || named === 'midday') return '12:00';
  if (named === 'midnight') return '24:00';
  const hourText = groups.hour ?? groups.hour24 ?? groups.military;
  const minuteText = groups.minute ?? groups.minute24 ?? groups.militaryMinute ?? '00';
  if (hourText === undefined) return null;
  let hour = Number(hourText);
  const meridiem = lower(groups.meridiem).replace(/[^ap]/g, '');
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  if (hour > 23) return null;
  return `${pad2(hour)}:${minuteText}`;
}

/** The date a clock time names when it carries one ("5 p.m. EST Nov. 9", "noon Thursday"). */
function clockDate(context: RuleContext, match: RegExpExecArray, groups: Groups): string | null {
  if (groups.tailWeekday) return weekdayValue(context.anchor, weekdayNumber(groups.tailWeekday), futureAt(context, match));
  if (groups.tailRelative) return relativeDay(context.anchor, { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[lower(groups.tailRelative)] ?? 0);
  if (groups.tailMonth) return monthDayValue(context, match, monthNumber(groups.tailMonth), Number.parseInt(groups.tailDay ?? '0', 10));
  return null;
}

/** Directions measured from the article's date; the others ("later", "before") count from an event in the text. */
const RELATIVE_TO_NOW = new Set(['ago', 'from now', 'hence', 'back']);

export const RULES: readonly Rule[] = [
  {
    name: 'iso-date',
    triggers: ['#year'],
    pattern: pattern(String.raw`\b(?<year>${YEAR})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])(?:T(?<hour>[01]\d|2[0-3]):(?<minute>[0-5]\d))?\b`),
    resolve(match) {
      const g = groupsOf(match);
      const date = `${g.year}-${g.month}-${g.day}`;
      return g.hour ? { type: 'TIME', value: `${date}T${g.hour}:${g.minute}` } : { type: 'DATE', value: date };
    },
  },
  {
    name: 'month-day-year',
    triggers: MONTH_TRIGGERS,
    pattern: pattern(String.raw`\b${DATE_PREFIX}(?:(?<weekday>${WEEKDAY}),?\s+)?(?<month>${MONTH})\s*(?<day>${DAY_OF_MONTH})(?!\d|:\d)(?:(?:,\s*|\s+)(?<year>${YEAR})(?!\d))?\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (!isCapitalized(g.month)) return null;
      const value = monthDayValue(context, match, monthNumber(g.month), Number.parseInt(g.day ?? '0', 10), g.year, weekdayNumber(g.weekday));
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'day-month-year',
    triggers: MONTH_TRIGGERS,
    pattern: pattern(String.raw`\b${DATE_PREFIX}(?:(?<weekday>${WEEKDAY}),?\s+)?(?:the\s+)?(?<day>${DAY_OF_MONTH})(?:\s+of)?\s+(?<month>${MONTH})(?:,?\s+(?<year>${YEAR})(?!\d))?(?!\w)`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (!isCapitalized(g.month)) return null;
      const value = monthDayValue(context, match, monthNumber(g.month), Number.parseInt(g.day ?? '0', 10), g.year, weekdayNumber(g.weekday));
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'week-of-date',
    triggers: ['week'],
    pattern: pattern(String.raw`\bthe\s+week\s+of\s+(?<month>${MONTH})\s*(?<day>${DAY_OF_MONTH})(?!\d|:\d)(?:(?:,\s*|\s+)(?<year>${YEAR})(?!\d))?\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (!isCapitalized(g.month)) return null;
      const date = monthDayValue(context, match, monthNumber(g.month), Number.parseInt(g.day ?? '0', 10), g.year);
      const day = date ? parseAnchor(date) : null;
      // TimeML gives "the week of March 6" the granularity of the expression: the ISO week.
      return day?.month ? { type: 'DATE', value: weekValue(day, 0) } : null;
    },
  },
  {
    name: 'month-year',
    triggers: MONTH_TRIGGERS,
    pattern: pattern(String.raw`\b${DATE_PREFIX}(?<month>${MONTH}),?\s+(?:of\s+)?(?:(?<year>${YEAR})(?!\d)\b|(?<spokenYear>${SPOKEN_YEAR}))`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (!isCapitalized(g.month)) return null;
      // "in January two thousand people marched": a head count, not a year.
      if (g.spokenYear && looksLikeCount(context.body, match.index + match[0].length)) return null;
      const year = g.year ?? spokenYearValue(g.spokenYear ?? '');
      return year ? { type: 'DATE', value: `${year}-${pad2(monthNumber(g.month))}` } : null;
    },
  },
  {
    name: 'month',
    triggers: MONTH_TRIGGERS,
    pattern: pattern(String.raw`\b${DATE_PREFIX}(?:(?<relative>last|next|this|this\s+past|this\s+coming|past|coming|previous)\s+)?(?:(?<month>${MONTH_ALONE})|(?<=\b(?:in|since|until|by|through|during|from|of|early|late|mid|last|next|this|before|after)[\s-])(?<may>May))(?!\s*\d)(?:\s+(?<thisYear>this\s+year|last\s+year|next\s+year))?(?!\w)`),
    resolve(match, context) {
      const g = groupsOf(match);
      const word = g.month ?? g.may;
      if (!isCapitalized(word)) return null;
      // "the March for Life", "the March of the Mothers": a march, not the month ("in March for talks" is the month).
      const afterMonth = context.body.slice(match.index + match[0].length, match.index + match[0].length + 10);
      const afterPreposition = MONTH_PREPOSITION_BEFORE.test(context.body.slice(Math.max(0, match.index - 10), match.index));
      if (!afterPreposition && /^\s+(?:for|of\s+the)\b/i.test(afterMonth)) return null;
      const month = monthNumber(word);
      const anchor = context.anchor;
      const yearOffset = { 'this year': 0, 'last year': -1, 'next year': 1 }[lower(g.thisYear)];
      if (yearOffset !== undefined) return { type: 'DATE', value: `${yearValue(anchor, yearOffset)}-${pad2(month)}` };
      const direction = g.relative ? (RELATIVE_DIRECTION[lower(g.relative)] ?? 0) : null;
      if (direction === 0 && anchor) return { type: 'DATE', value: `${anchor.year}-${pad2(month)}` };
      const deadline = DEADLINE_BEFORE.test(context.body.slice(Math.max(0, match.index - 8), match.index));
      return { type: 'DATE', value: monthAlone(anchor, month, direction, deadline || futureAt(context, match)) };
    },
  },
  {
    name: 'weekday',
    triggers: WEEKDAY_TRIGGERS.concat(WEEKDAY_TRIGGERS.map((w) => `${w}s`)),
    pattern: pattern(String.raw`\b(?:(?<mod>early|late|earlier|later|mid)[\s-]+)?(?:(?<relative>last|next|this|this\s+past|this\s+coming|past|coming|previous)\s+)?(?<weekday>${WEEKDAY})(?<plural>s)?(?:\s+(?<part>${PART_OF_DAY})(?<partPlural>s)?)?\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (!isCapitalized(g.weekday)) return null;
      const weekday = weekdayNumber(g.weekday);
      const code = g.part ? PART_OF_DAY_CODE[lower(g.part)] ?? '' : '';
      if (g.plural || g.partPlural) return { type: 'SET', value: `XXXX-WXX-${weekday}${code}` };
      const direction = g.relative ? (RELATIVE_DIRECTION[lower(g.relative)] ?? 0) : 0;
      const future = direction === 1 || (direction === 0 && futureAt(context, match));
      let value = weekdayValue(context.anchor, weekday, future);
      const day = anchorDay(context.anchor);
      if (direction === -1 && day && isoWeekday(day) === weekday) value = dayValue(addDays(day, -7));
      return { type: code ? 'TIME' : 'DATE', value: `${value}${code}` };
    },
  },
  {
    name: 'relative-day',
    triggers: ['yesterday', 'today', 'tomorrow', 'tonight'],
    pattern: pattern(String.raw`\b(?:(?<mod>early|late|earlier|later)\s+|(?<partBefore>(?:mid-?|late\s+|early\s+)?(?:morning|afternoon|evening))\s+)?(?:(?<before>the\s+day\s+before)\s+|(?<after>the\s+day\s+after)\s+)?(?<word>yesterday|today|tomorrow|tonight)(?:\s+(?<part>${PART_OF_DAY})\b)?(?!-)\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      const word = lower(g.word);
      const offset = ({ yesterday: -1, today: 0, tomorrow: 1, tonight: 0 }[word] ?? 0) + (g.before ? -1 : 0) + (g.after ? 1 : 0);
      const part = word === 'tonight' ? 'night' : (g.part ?? lower(g.partBefore).replace(/^(?:mid-?|late\s+|early\s+)/, ''));
      return partOfDay(context.anchor, offset, part || undefined);
    },
  },
  {
    name: 'part-of-day',
    triggers: ['morning', 'afternoon', 'evening', 'night', 'overnight'],
    pattern: pattern(String.raw`\b(?:(?<mod>early|late|earlier|later|mid)[\s-]+)?(?:(?:(?<relative>this|last|yesterday|tomorrow)\s+(?<part>${PART_OF_DAY}))|(?<overnight>overnight))\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (g.overnight) return partOfDay(context.anchor, -1, 'overnight');
      const relative = lower(g.relative);
      const part = lower(g.part);
      if (relative === 'last' && part !== 'night') return null;
      const offset = relative === 'last' || relative === 'yesterday' ? -1 : relative === 'tomorrow' ? 1 : 0;
      return partOfDay(context.anchor, offset, part);
    },
  },
  {
    name: 'clock-time',
    triggers: ['#clock', 'noon', 'midnight', 'midday'],
    pattern: pattern(
      String.raw`(?<![\d:.,$])\b(?:(?<approx>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?` +
        String.raw`(?:(?<hour>1[0-2]|0?[1-9])(?::(?<minute>[0-5]\d))?\s*(?<meridiem>${AM_PM})|(?<hour24>[01]?\d|2[0-3]):(?<minute24>[0-5]\d)(?![\d:])|(?<military>[01]\d|2[0-3])(?<militaryMinute>[0-5]\d)(?=\s*(?:GMT|UTC|Z\b|hours?\b|hrs\b|local\s+time))|(?<named>noon|midnight|midday))` +
        String.raw`(?:\s*(?<zone>${TIME_ZONE})\b)?(?:,?\s+(?:on\s+)?(?:(?<tailWeekday>${WEEKDAY})|(?<tailRelative>today|yesterday|tomorrow|tonight)|(?<tailMonth>${MONTH})\s*(?<tailDay>${DAY_OF_MONTH}))\b)?`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const clock = clockValue(g);
      if (!clock) return null;
      // "high noon" is an idiom (and a film), not a clock time.
      if (g.named && /\bhigh\s+$/i.test(context.body.slice(Math.max(0, match.index - 6), match.index))) return null;
      if (g.hour24 !== undefined && !g.zone && !/\bat\s+$/i.test(context.body.slice(Math.max(0, match.index - 4), match.index))) {
        // A bare "12:30" is as often a score or a ratio as a time; keep it only after "at" or with a zone.
        return null;
      }
      if (g.tailWeekday && !isCapitalized(g.tailWeekday)) return null;
      const date = clockDate(context, match, g);
      return { type: 'TIME', value: `${date ?? relativeDay(context.anchor, 0)}T${clock}`, dateFromContext: !date, trimLeft: hedgeTrim(match, g.approx) };
    },
  },
  {
    name: 'year',
    triggers: ['#year'],
    pattern: pattern(
      String.raw`(?<![\d,.:$#/£€]|\d-)\b(?:(?<mod>early|late|mid)[\s-]+|(?<edge>the\s+(?:beginning|start|middle|end|turn|rest)\s+of)\s+|(?<half>(?:the\s+)?(?:first|second|latter|last)\s+half\s+of)\s+)?(?:(?<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY|model\s+year)\s*)?(?<year>${YEAR})(?![\d%]|\.\d|,\d|-\d)\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const year = g.year ?? '';
      if (!g.fiscal && !g.mod && !g.edge && looksLikeCount(context.body, match.index + match[0].length)) return null;
      if (g.half) return { type: 'DATE', value: `${year}-H${/first/i.test(g.half) ? 1 : 2}` };
      return { type: 'DATE', value: year };
    },
  },
  {
    name: 'decade',
    triggers: ['#decade', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    pattern: pattern(
      String.raw`\b(?:(?<the>the)\s+)?(?:(?<mod>early|late|mid)[\s-]+)?(?:(?<decade>(?:1[5-9]|20)\d0)'?s|'(?<short>\d0)s|(?:nineteen[\s-]+)?(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      if (g.decade) return { type: 'DATE', value: g.decade.slice(0, 3) };
      const anchorYear = context.anchor?.year ?? 2000;
      if (g.short) {
        const century = Number(g.short) <= anchorYear % 100 ? Math.floor(anchorYear / 100) : Math.floor(anchorYear / 100) - 1;
        return { type: 'DATE', value: `${century}${g.short[0]}` };
      }
      const tens = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(lower(g.word)) + 2;
      if (!g.the) return null;
      return { type: 'DATE', value: `19${tens}` };
    },
  },
  {
    name: 'season',
    triggers: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    pattern: pattern(
      String.raw`\b(?:(?<mod>early|late|mid)[\s-]+)?(?:(?<relative>last|next|this|this\s+past|this\s+coming|past|coming|previous|the|that)\s+)?(?:(?<mod2>early|late|mid)[\s-]+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?:(?<year>${YEAR})(?!\d)|(?<spokenYear>${SPOKEN_YEAR})))?\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const season = SEASONS[lower(g.season)];
      if (!season) return null;
      const spokenCount = g.spokenYear && looksLikeCount(context.body, match.index + match[0].length);
      const year = g.year ?? (g.spokenYear && !spokenCount ? spokenYearValue(g.spokenYear) : null);
      if (spokenCount) return null;
      if (year) return { type: 'DATE', value: `${year}-${season}` };
      const relative = lower(g.relative);
      const before = lower(/(\w+)\s*$/.exec(context.body.slice(Math.max(0, match.index - 12), match.index))?.[1]);
      const licensed = relative || g.mod || g.mod2 || ['in', 'during', 'since', 'by', 'until', 'through', 'over', 'this'].includes(before);
      if (!licensed || (season === 'FA' && !relative && !g.mod && !g.mod2)) return null;
      if (relative === 'that') return null;
      const direction = relative && relative !== 'the' ? (RELATIVE_DIRECTION[relative] ?? 0) : null;
      return { type: 'DATE', value: seasonOf(context.anchor, season, direction, futureAt(context, match)) };
    },
  },
  {
    name: 'quarter',
    triggers: ['quarter', 'third-quarter', 'second-quarter', 'first-quarter', 'fourth-quarter'],
    pattern: pattern(
      String.raw`\b(?:(?<det>the|its|their|this\s+year's|last\s+year's|next\s+year's|the\s+year's|a|this|last|next)\s+)?(?:(?<year1>${YEAR})\s+)?(?:(?<qual>fiscal|latest|current|past|previous|same|year-earlier|year-ago|most\s+recent|recent|just-ended|just\s+ended|comparable|prior)[\s-]+)?(?:(?<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+)?(?:fiscal[\s-]+)?quarter(?!s)\b(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?<year2>${YEAR})(?!\d))?`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const det = lower(g.det);
      const qual = lower(g.qual);
      const explicitYear = g.year1 ?? g.year2;
      const after = context.body.slice(match.index + match[0].length, match.index + match[0].length + 6);
      if ((det === 'a' && !g.ordinal) || (!g.year2 && !g.ordinal && !qual && /^\s+of\b/i.test(after)) || /^-(?:to-|century)/i.test(after)) return null;
      if (!det && !qual && !g.ordinal && !explicitYear) return null;
      const adjectival = /-quarter$/i.test(match[0]);
      const dropDeterminer = g.det && (adjectival || ['its', 'their', 'a'].includes(det));
      const trimLeft = dropDeterminer ? match[0].length - match[0].slice((g.det ?? '').length).trimStart().length : 0;
      const resolved = resolveQuarter(context, g, det, qual, explicitYear);
      return trimLeft ? { ...resolved, trimLeft } : resolved;
    },
  },
  {
    name: 'that-quarter',
    triggers: ['quarter'],
    pattern: pattern(String.raw`\bthat\s+quarter\b`),
    resolve(match, context) {
      // The quarter last mentioned, in its own year (a shift of zero years from it).
      return { type: 'DATE', value: quarterValue(context.anchor, LATEST_QUARTER_OFFSET), yearsFromReference: 0 };
    },
  },
  {
    name: 'year-period',
    triggers: ['period', 'quarter'],
    pattern: pattern(String.raw`\bthe\s+(?<year>${YEAR})\s+(?:period|quarter)\b`),
    resolve(match) {
      const year = Number(groupsOf(match).year);
      return { type: 'DATE', value: String(year), quarterInYear: year };
    },
  },
  {
    name: 'reporting-period',
    triggers: ['period', 'year'],
    pattern: pattern(String.raw`\bthe\s+(?:(?<latest>latest|most\s+recent|current)\s+period|(?<full>full|entire|whole)\s+year|(?<fiscal>fiscal)\s+year)\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      if (g.latest) return { type: 'DATE', value: quarterValue(context.anchor, lower(g.latest) === 'current' ? 0 : LATEST_QUARTER_OFFSET) };
      if (g.full) return { type: 'DATE', value: yearValue(context.anchor, 0) };
      return { type: 'DURATION', value: 'P1Y' };
    },
  },
  {
    name: 'the-year',
    triggers: ['year'],
    pattern: pattern(String.raw`\bthe\s+year\b(?![-'’]|\s+(?:before|after|earlier|later|ago|of|in|two|nineteen|when|that|which))`),
    resolve(match, context) {
      const after = context.body.slice(match.index + match[0].length, match.index + match[0].length + 10);
      // "the year ended Sept. 30" is a reporting year; otherwise it is the year of the article.
      if (/^\s+(?:ended|ending|to\s+date|through)\b/i.test(after)) return { type: 'DURATION', value: 'P1Y' };
      return { type: 'DATE', value: yearValue(context.anchor, 0) };
    },
  },
  {
    name: 'half-year',
    triggers: ['half'],
    pattern: pattern(String.raw`\b(?:the\s+)?(?<ordinal>first|second|latter)\s+half(?:\s+of\s+(?:(?<relative>this|last|next)\s+year|(?:fiscal\s+)?(?<year>${YEAR})(?!\d)))?\b`),
    resolve(match, context) {
      const g = groupsOf(match);
      const half = lower(g.ordinal) === 'first' ? 1 : 2;
      if (g.year) return { type: 'DATE', value: `${g.year}-H${half}` };
      const anchor = context.anchor;
      if (!g.relative && !/^the\s/i.test(match[0])) return null;
      const offset = g.relative ? ({ this: 0, last: -1, next: 1 }[lower(g.relative)] ?? 0) : half === 2 && (anchor?.month ?? 12) <= 6 ? -1 : 0;
      return { type: 'DATE', value: `${yearValue(anchor, offset)}-H${half}` };
    },
  },
  {
    name: 'relative-period',
    triggers: ['week', 'weekend', 'month', 'year', 'decade', 'century', 'fiscal'],
    pattern: pattern(
      String.raw`\b(?:(?<mod>early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+rest\s+of|the\s+remainder\s+of)[\s-]+(?:in\s+)?)?(?<relative>this\s+past|this\s+coming|this|last|next|past|previous|coming|current|the\s+current|the\s+past|the\s+previous|the\s+next|the\s+coming|the\s+same|the\s+following|the\s+latest|the\s+prior|the\s+last|the\s+most\s+recent|the\s+upcoming|the)\s+(?<unit>week|weekend|month|year|decade|century|fiscal\s+year)(?!-)\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const relative = lower(g.relative);
      const unit = lower(g.unit);
      const direction = RELATIVE_DIRECTION[relative] ?? 0;
      if (relative === 'the' && unit !== 'weekend' && !g.mod) return null;
      if (relative === 'the same' || relative === 'the following' || relative === 'that') return null;
      const anchor = context.anchor;
      switch (unit) {
        case 'week':
          return { type: 'DATE', value: weekValue(anchor, direction) };
        case 'weekend':
          return { type: 'DATE', value: weekendValue(anchor, direction, futureAt(context, match)) };
        case 'month':
          return { type: 'DATE', value: monthValue(anchor, direction) };
        case 'decade':
          return { type: 'DATE', value: anchor ? String(Math.floor(anchor.year / 10) + direction) : 'XXX' };
        case 'century':
          return { type: 'DATE', value: anchor ? String(Math.floor(anchor.year / 100) + direction) : 'XX' };
        default:
          return { type: 'DATE', value: yearValue(anchor, direction) };
      }
    },
  },
  {
    name: 'ago',
    triggers: ['ago', 'earlier', 'later', 'before', 'after', 'back', 'hence', 'now'],
    pattern: pattern(
      String.raw`\b(?:(?<approx>${APPROXIMATOR})\s+)?(?<amount>${AMOUNT})\s+(?<unit>${UNIT})(?:\s+or\s+so)?\s+(?<direction>ago|earlier|later|from\s+now|hence|back|before(?=\s*[.,;:!?)])|after(?=\s*[.,;:!?)]))\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const amount = parseAmount(g.amount ?? '');
      const direction = lower(g.direction);
      const sign = direction === 'later' || direction === 'from now' || direction === 'hence' || direction === 'after' ? 1 : -1;
      if (amount === null) return null;
      const trimLeft = hedgeTrim(match, g.approx);
      const unitCode = unitInfo(g.unit ?? '')?.code;
      // TimeML leaves "later"/"earlier" outside as a signal: "three days later" is the duration "three days".
      // Only the one-year comparison of company results ("a year earlier") is annotated as a date.
      if (!RELATIVE_TO_NOW.has(direction) && !(amount === 1 && unitCode === 'Y')) return null;
      if (amount === 'X') return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', trimLeft };
      const value = shiftedDate(context.anchor, amount, g.unit ?? '', sign);
      if (!value) return null;
      const isYear = unitCode === 'Y';
      return isYear ? { type: 'DATE', value, yearsFromReference: sign * Math.round(amount), trimLeft } : { type: 'DATE', value, trimLeft };
    },
  },
  {
    name: 'year-earlier',
    triggers: ['year-earlier', 'year-ago', 'year-before'],
    pattern: pattern(String.raw`\b(?:the\s+(?:year-earlier|year-ago)\s+(?:period|quarter)|year-earlier|year-ago)\b`),
    resolve(match, context) {
      return { type: 'DATE', value: yearValue(context.anchor, -1), yearsFromReference: -1 };
    },
  },
  {
    name: 'spoken-year',
    triggers: ['nineteen', 'thousand'],
    pattern: pattern(String.raw`\b(?:the\s+year\s+)?${SPOKEN_YEAR}`),
    resolve(match, context) {
      if (/^\s+(?:years?|days?|months?|weeks?|hours?)\b/i.test(context.body.slice(match.index + match[0].length, match.index + match[0].length + 8))) return null;
      if (looksLikeCount(context.body, match.index + match[0].length)) return null;
      const value = spokenYearValue(match[0].replace(/^the\s+year\s+/i, ''));
      return value ? { type: 'DATE', value } : null;
    },
  },
  {
    name: 'century',
    triggers: ['century'],
    pattern: pattern(String.raw`\b(?:the\s+)?(?<ordinal>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b`),
    resolve(match) {
      return { type: 'DATE', value: pad2(Number(groupsOf(match).ordinal) - 1) };
    },
  },
  {
    name: 'year-end',
    triggers: ['year-end', 'end'],
    pattern: pattern(String.raw`\b(?:the\s+)?year(?:[\s-]|'s\s+|’s\s+)end\b`),
    resolve(match, context) {
      return { type: 'DATE', value: yearValue(context.anchor, 0) };
    },
  },
  {
    name: 'anaphoric',
    triggers: ['that', 'same', 'following'],
    pattern: pattern(String.raw`\b(?:(?<mod>earlier|later|early|late)\s+(?:in\s+)?)?(?:that|the\s+same|(?<following>the\s+(?:following|next)))\s+(?<unit>year|month)\b|\b(?:(?<dayMod>earlier|later)\s+)?(?:that|the\s+same)\s+(?<day>day)\b`),
    resolve(match) {
      const g = groupsOf(match);
      const unit = lower(g.unit ?? g.day);
      const length = unit === 'year' ? 4 : unit === 'month' ? 7 : 10;
      const shift = g.following ? 1 : 0;
      return { type: 'DATE', value: unit === 'year' ? 'XXXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX', sameAsReference: length, referenceShift: shift };
    },
  },
  {
    name: 'duration',
    triggers: ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'quarters', 'fortnight'],
    pattern: pattern(
      String.raw`\b(?:(?<approx>${APPROXIMATOR})\s+)?(?:(?<det>the|these|those|its|their|his|her|our)\s+)?(?:(?<relative>past|last|next|first|final|previous|coming|following|latest|initial|remaining|ensuing|preceding|other)\s+)?(?<amount>${AMOUNT})(?<more>\s+more)?[\s-]+(?:(?:trading|business|working|calendar|straight|consecutive|full|additional|extra|further)\s+)?(?<unit>${UNIT})(?<old>-old)?\b(?<orSo>\s+or\s+so\b)?`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const amountText = lower(g.amount);
      const unit = lower(g.unit);
      const amount = parseAmount(amountText);
      if (amount === null || g.old) return null;
      const after = context.body.slice(match.index + match[0].length, match.index + match[0].length + 12);
      if (/^\s+old\b/i.test(after)) return null;
      if ((amountText === 'a' || amountText === 'an') && unit.startsWith('second')) return null;
      if (unit.startsWith('quarter') && /^(?:\s+of\b|-century)/i.test(after)) return null;
      if (amountText === 'some' && !g.det && !g.relative) return null;
      if ((amountText === 'a' || amountText === 'an' || amountText === 'single') && !g.approx && !g.det && !g.relative) {
        const before = context.body.slice(Math.max(0, match.index - 24), match.index);
        // A rate ("358,000 a month", "$5 a year") is rarely annotated as a time.
        if (/\d|twice|once/.test(before)) return null;
      }
      if (/^\s+(?:and|or)\s+(?:a\s+half|\d)/i.test(after)) return null;
      // "Islam will one day be ...": after a modal, "one day" is an indefinite future time.
      if (amountText === 'one' && unit === 'day' && !g.det && /\b(?:will|would|could|might|may|can|shall)\s+$/i.test(context.body.slice(Math.max(0, match.index - 8), match.index))) {
        return { type: 'DATE', value: 'FUTURE_REF' };
      }
      const value = durationValue(amount, unit);
      if (!value) return null;
      return { type: 'DURATION', value, trimLeft: durationTrim(match, g, after) };
    },
  },
  {
    name: 'vague-duration',
    triggers: ['days', 'weeks', 'months', 'quarters', 'years', 'decades', 'hours', 'minutes', 'centuries'],
    pattern: pattern(
      String.raw`(?:\b(?<recent>recent|several)\s+|(?<=\b(?:for|within)\s)|(?<=\bin\s)(?=(?:days|weeks|months|years|decades)\b(?!\s+(?:of|to|ago|earlier|later|after|before|since))))(?<unit>hours|days|weeks|months|quarters|years|decades|centuries)\b`,
    ),
    resolve(match) {
      const g = groupsOf(match);
      // TimeBank reads "recent years" as the vague past rather than a span of years.
      if (g.recent && lower(g.unit) === 'years') return { type: 'DATE', value: 'PAST_REF' };
      const value = durationValue('X', g.unit ?? '');
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'the-next-few',
    triggers: ['days', 'weeks', 'months', 'years', 'decades', 'hours', 'minutes'],
    pattern: pattern(String.raw`\b(?:the\s+)?(?:(?<relative>past|last|next|coming|previous|following|ensuing)\s+(?:(?:few|several|many|couple\s+of)\s+)?(?<unit>hours|days|weeks|months|years|decades)|(?<unitAhead>days|weeks|months|years)\s+ahead)\b`),
    resolve(match) {
      const g = groupsOf(match);
      if (lower(g.relative) === 'coming') return { type: 'DATE', value: 'FUTURE_REF' };
      const value = durationValue('X', g.unit ?? g.unitAhead ?? '');
      return value ? { type: 'DURATION', value } : null;
    },
  },
  {
    name: 'set',
    triggers: ['daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'quarterly', 'nightly', 'every', 'each', 'per', 'annual'],
    pattern: pattern(
      String.raw`\b(?:(?<adverb>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|annual)|(?<each>every|each|per)\s+(?:(?<other>other)\s+)?(?<unit>day|week|month|year|quarter|hour|morning|afternoon|evening|night|summer|winter|spring|autumn|(?<weekday>${WEEKDAY})|(?<month>${MONTH_ALONE})))\b`,
    ),
    resolve(match, context) {
      const g = groupsOf(match);
      const adverb = lower(g.adverb);
      const adverbs: Record<string, string> = {
        daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', monthly: 'P1M', quarterly: 'P3M',
        annually: 'P1Y', yearly: 'P1Y', annual: 'P1Y', hourly: 'PT1H',
      };
      const nextWord = /^\s+([a-z]+)/.exec(context.body.slice(match.index + match[0].length, match.index + match[0].length + 20));
      // "annual meeting", "quarterly dividend": adjectives on a noun are rarely annotated as times.
      if ((adverb === 'annual' || adverb === 'quarterly') && nextWord) return null;
      // "to rise 8.5% annually", "10,000 units annually": a rate, like "$5 a year", is rarely annotated.
      if (RATE_ADVERBS.has(adverb) && /\d[\d,.]*%?(?:\s+[a-z]+){0,2}\s+$/i.test(context.body.slice(Math.max(0, match.index - 30), match.index))) return null;
      if (adverb) return { type: 'SET', value: adverbs[adverb] ?? 'P1D' };
      const every = g.other ? 2 : 1;
      if (g.weekday) return { type: 'SET', value: `XXXX-WXX-${weekdayNumber(g.weekday)}` };
      if (g.month) return { type: 'SET', value: `XXXX-${pad2(monthNumber(g.month))}` };
      const unit = lower(g.unit);
      const season = SEASONS[unit];
      if (season) return { type: 'SET', value: `XXXX-${season}` };
      const code = PART_OF_DAY_CODE[unit];
      if (code) return { type: 'SET', value: `XXXX-XX-XX${code}` };
      return { type: 'SET', value: durationValue(every, unit) ?? 'P1D' };
    },
  },
  {
    name: 'present',
    triggers: ['now', 'currently', 'presently', 'nowadays', 'present', 'days', 'current'],
    pattern: pattern(
      String.raw`\b(?:(?<now>(?:right\s+|just\s+)?now)(?![-'’])|currently|presently|nowadays|at\s+present|these\s+days|the\s+present(?:\s+time)?|the\s+current\s+(?:period|time)|(?<then>then[\s-])?current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events)\b))\b`,
    ),
    resolve(match) {
      // "its current position": TimeML marks the adjective as the present; "the then current price" as the past.
      return { type: 'DATE', value: groupsOf(match).then ? 'PAST_REF' : 'PRESENT_REF' };
    },
  },
  {
    name: 'past-reference',
    triggers: ['recently', 'lately', 'past'],
    pattern: pattern(String.raw`\b(?:(?<until>until\s+)?(?:more\s+|most\s+|only\s+)?recently|lately|the\s+past)\b`),
    resolve(match) {
      const { until } = groupsOf(match);
      return { type: 'DATE', value: 'PAST_REF', trimLeft: until ? until.length : 0 };
    },
  },
  {
    name: 'future-reference',
    triggers: ['soon', 'future', 'term', 'later', 'coming'],
    pattern: pattern(
      String.raw`\b(?:(?<!as\s)(?<!how\s)(?<!\b(?:was|were|had)\s)soon(?!\s+as\b|\s+after\b|\s+afterwards?\b|\s+(?:became|was|were|had)\b)|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future(?!\s+of\b)|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+date|(?:coming|future)\s+(?:days|weeks|months|quarters|years|decades))\b`,
    ),
    resolve() {
      return { type: 'DATE', value: 'FUTURE_REF' };
    },
  },
  {
    name: 'holiday',
    triggers: ['christmas', 'year', "year's", 'halloween', 'thanksgiving', 'valentine', "valentine's", 'independence'],
    pattern: pattern(String.raw`\b(?<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year(?:'s|’s)\s+(?:Day|Eve)|Halloween|Thanksgiving(?:\s+Day)?|Valentine(?:'s|’s)\s+Day|Independence\s+Day)\b`),
    resolve(match, context) {
      const name = lower(groupsOf(match).name).replace('’', "'");
      const fixed: Record<string, [number, number]> = {
        christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1],
        "new year's eve": [12, 31], halloween: [10, 31], "valentine's day": [2, 14], 'independence day': [7, 4],
      };
      const date = fixed[name];
      if (date) {
        const value = monthDayValue(context, match, date[0], date[1]);
        return value ? { type: 'DATE', value } : null;
      }
      if (!context.anchor) return { type: 'DATE', value: 'XXXX-11-XX' };
      const thanksgiving = (year: number): string => {
        const first = isoWeekday({ year, month: 11, day: 1 });
        return dayValue({ year, month: 11, day: 1 + ((4 - first + 7) % 7) + 21 });
      };
      const year = context.anchor.month !== null && context.anchor.month < 11 ? context.anchor.year - 1 : context.anchor.year;
      return { type: 'DATE', value: thanksgiving(year) };
    },
  },
];
