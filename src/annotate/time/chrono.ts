/**
 * chrono-node as one parser in our list: its strict English parsers are good at absolute
 * formats we do not spell out ourselves (numeric dates, "the 3rd of March", "8:18 PM EST on
 * 28/01/2014"). Its relative parsers are left out: our rules resolve those the news way.
 */
import * as chrono from 'chrono-node';
import { type Anchor, anchorDay, dayValue, pad2 } from './calendar.js';
import type { Candidate } from './refiners.js';

const ABSOLUTE_PARSERS = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENSlashMonthFormatParser',
  'ENTimeExpressionParser',
  'ENYearMonthNameParser',
]);

const absoluteChrono = (() => {
  const parser = chrono.strict.clone();
  parser.parsers = parser.parsers.filter((p) => ABSOLUTE_PARSERS.has(p.constructor.name));
  return parser;
})();

const LEADING_PREPOSITION = /^(?:(?:on|at|in|by|from|since|until|till|of|during|before|after)\s+)+/i;

type Components = chrono.ParsedResult['start'];

function timexValue(components: Components, anchor: Anchor | null): { type: 'DATE' | 'TIME'; value: string } | null {
  const known = (c: Parameters<Components['isCertain']>[0]): boolean => components.isCertain(c);
  const get = (c: Parameters<Components['get']>[0]): number => components.get(c) ?? 0;
  let date: string | null = null;
  if (known('day') && known('month')) {
    date = known('year') ? `${get('year')}-${pad2(get('month'))}-${pad2(get('day'))}` : anchor ? `${get('year')}-${pad2(get('month'))}-${pad2(get('day'))}` : `XXXX-${pad2(get('month'))}-${pad2(get('day'))}`;
  } else if (known('month') && known('year')) {
    return { type: 'DATE', value: `${get('year')}-${pad2(get('month'))}` };
  }
  if (known('hour')) {
    const day = date ?? dayValue(anchorDay(anchor));
    return { type: 'TIME', value: `${day}T${pad2(get('hour'))}:${pad2(get('minute'))}` };
  }
  return date ? { type: 'DATE', value: date } : null;
}

/** chrono reads "$2.14 a share" as 2:14 am and "3/4" as a date; require a real clock or a year. */
function plausible(result: chrono.ParsedResult): boolean {
  if (result.start.isCertain('hour') && !/\d:\d\d|\d\s*[ap]\.?\s?m\b/i.test(result.text)) return false;
  if (/\d\/\d/.test(result.text) && !result.start.isCertain('year')) return false;
  return true;
}

export function chronoCandidates(body: string, anchor: Anchor | null, priority: number): Candidate[] {
  const day = anchorDay(anchor);
  const instant = day ? new Date(Date.UTC(day.year, day.month - 1, day.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const candidates: Candidate[] = [];
  for (const result of absoluteChrono.parse(body, { instant, timezone: 0 })) {
    if (result.end || !plausible(result)) continue;
    const resolved = timexValue(result.start, anchor);
    if (!resolved) continue;
    const lead = LEADING_PREPOSITION.exec(result.text)?.[0].length ?? 0;
    const start = result.index + lead;
    const end = result.index + result.text.length;
    if (end <= start) continue;
    candidates.push({ start, end, text: body.slice(start, end), ...resolved, priority, rule: 'chrono' });
  }
  return candidates;
}
