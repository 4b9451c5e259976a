/**
 * Feed dates → ISO 8601. RSS uses RFC 822 ("Tue, 03 Jun 2003 09:39:21 GMT"), Atom and Dublin Core
 * use ISO 8601 already. The writer's local time and offset are kept (not converted to UTC) so
 * that the calendar date a reader saw stays the published date.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 §5.1 zone names; military single letters are unreliable in practice and ignored. */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  gmt: 'Z', ut: 'Z', utc: 'Z', z: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  bst: '+01:00', cet: '+01:00', cest: '+02:00',
};

const RFC_822 =
  /^(?:[a-z]+,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?)?\s*$/i;

const ISO_8601 = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/i;

const pad = (n: number | string): string => String(n).padStart(2, '0');

function fullYear(year: string): number {
  const n = Number(year);
  if (year.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function zoneOffset(zone: string | undefined): string {
  if (!zone) return '';
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return numeric[2] === '00' && numeric[3] === '00' ? 'Z' : `${numeric[1]}${numeric[2]}:${numeric[3]}`;
  return ZONE_OFFSETS[zone.toLowerCase()] ?? '';
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fromRfc822(m: RegExpExecArray): string | null {
  const [, day, monthName, year, hour, minute, second, zone] = m;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
  const y = fullYear(year ?? '');
  if (month === 0 || !isRealDate(y, month, Number(day))) return null;
  const date = `${y}-${pad(month)}-${pad(day ?? '')}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return null;
  return `${date}T${pad(hour)}:${minute}:${second ?? '00'}${zoneOffset(zone)}`;
}

/** ISO 8601 text, or null when the date cannot be read (the field is then left out). */
export function normaliseFeedDate(raw: string): string | null {
  const text = raw.trim();
  if (ISO_8601.test(text)) return text.replace(' ', 'T');
  const rfc = RFC_822.exec(text);
  // A date in RFC 822 form that does not exist ("31 Feb") is an error, not something to guess at.
  if (rfc) return fromRfc822(rfc);
  return fromDateParse(text);
}

const HAS_ZONE = /(?:\b(?:GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\s*$)/i;

/**
 * Last resort for free-form dates. `Date.parse` reads a zone-less date in the machine's zone, so
 * its local fields give back what was written, the same on every machine.
 */
function fromDateParse(text: string): string | null {
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  if (HAS_ZONE.test(text)) return date.toISOString();
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return time === '00:00:00' && !/\d:\d/.test(text) ? day : `${day}T${time}`;
}
