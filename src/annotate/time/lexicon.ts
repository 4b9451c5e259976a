/** Word tables and the regular-expression fragments built from them. */

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Month names: full names, or abbreviations (with their optional period). */
export const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)`;
/** Month names that stand alone as a month ("in May" is handled separately: "may" is a verb). */
export const MONTH_ALONE = String.raw`(?:january|february|march|april|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.)`;
export const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
export const DAY_OF_MONTH = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
export const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d)`;
export const PART_OF_DAY = String.raw`(?:morning|afternoon|evening|night)`;

export const PART_OF_DAY_CODE: Record<string, string> = {
  morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI', tonight: 'TNI', overnight: 'TNI',
};

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, a: 1, an: 1, single: 1,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Amount words that mean "an unknown number of" (`PXY`). */
const VAGUE_AMOUNT = /^(?:a\s+few|few|several|many|some|a\s+number\s+of|dozens\s+of|hundreds\s+of|a\s+handful\s+of)$/i;

/** A count of units: digits, number words, or vague amounts ("several"). */
export const AMOUNT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1\/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single|a\s+few|few|several|many|a\s+couple\s+of|couple\s+of|a\s+number\s+of|dozens\s+of|hundreds\s+of|a\s+handful\s+of|some)(?:\s+and\s+a\s+half)?`;

/** A year read out as words, as in broadcast transcripts ("nineteen ninety-four", "two thousand and one"). */
export const SPOKEN_YEAR = String.raw`(?:nineteen[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)?)(?![\w-])`;

/** "nineteen ninety-four" → "1994"; "two thousand and one" → "2001"; null when the words are no year. */
export function spokenYearValue(text: string): string | null {
  const words = text.toLowerCase().split(/[\s-]+/).filter((word) => word !== 'and');
  if (words[0] === 'nineteen') {
    const rest = parseAmount(words.slice(1).join(' '));
    return typeof rest === 'number' && rest >= 20 && rest < 100 ? String(1900 + rest) : null;
  }
  if (words[0] === 'two' && words[1] === 'thousand') {
    const rest = words.length > 2 ? parseAmount(words.slice(2).join(' ')) : 0;
    return typeof rest === 'number' && rest < 100 ? String(2000 + rest) : null;
  }
  return null;
}

/** Hedges that TimeML keeps inside a duration's extent ("more than four hours"). */
export const APPROXIMATOR = String.raw`(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|over|under|up\s+to|just\s+over|just\s+under|well\s+over)`;

export const UNIT = String.raw`(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|quarters?)`;

export interface UnitInfo {
  /** TIMEX3 designator. */
  code: string;
  /** Hours, minutes and seconds go after the `T`. */
  clock: boolean;
  /** How many of `code` one unit is (a fortnight is 2 weeks, a quarter 3 months). */
  factor: number;
}

export function unitInfo(word: string): UnitInfo | null {
  const stem = word.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const table: Record<string, UnitInfo> = {
    second: { code: 'S', clock: true, factor: 1 },
    minute: { code: 'M', clock: true, factor: 1 },
    hour: { code: 'H', clock: true, factor: 1 },
    day: { code: 'D', clock: false, factor: 1 },
    week: { code: 'W', clock: false, factor: 1 },
    fortnight: { code: 'W', clock: false, factor: 2 },
    month: { code: 'M', clock: false, factor: 1 },
    quarter: { code: 'Q', clock: false, factor: 1 },
    year: { code: 'Y', clock: false, factor: 1 },
    decade: { code: 'E', clock: false, factor: 1 },
    century: { code: 'C', clock: false, factor: 1 },
  };
  return table[stem] ?? null;
}

/** The amount as a number, `'X'` for vague amounts, or null when it is not an amount. */
export function parseAmount(text: string): number | 'X' | null {
  const normal = text.toLowerCase().trim().replace(/\s+/g, ' ');
  const half = /\s+and a half$/.test(normal) || /\s1\/2$/.test(normal) ? 0.5 : 0;
  const core = normal.replace(/\s+and a half$/, '').replace(/\s1\/2$/, '');
  if (VAGUE_AMOUNT.test(core)) return 'X';
  if (/^(?:a\s+)?couple\s+of$/.test(core)) return 2 + half;
  if (/^[\d,]+(?:\.\d+)?$/.test(core)) return Number(core.replace(/,/g, '')) + half;
  const words = core.split(/[\s-]+/);
  let total = 0;
  for (const word of words) {
    const value = UNITS_WORDS[word] ?? TENS_WORDS[word];
    if (value === undefined) return null;
    total += value;
  }
  return total + half;
}

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

/** Words after a number that make it a head count rather than a year ("2016 people"). */
export const COUNT_NOUNS = new Set([
  'people', 'persons', 'men', 'women', 'children', 'police', 'troops', 'soldiers', 'residents', 'refugees',
  'migrants', 'students', 'workers', 'employees', 'jobs', 'cases', 'deaths', 'dead', 'killed', 'injured',
  'wounded', 'votes', 'shares', 'units', 'cars', 'homes', 'houses', 'km', 'kilometers', 'kilometres', 'miles',
  'meters', 'metres', 'feet', 'tons', 'tonnes', 'barrels', 'dollars', 'euros', 'pounds', 'yen', 'points',
  'members', 'delegates', 'seats', 'patients', 'civilians', 'fighters', 'militants', 'protesters', 'families',
  'individuals', 'victims', 'passengers', 'prisoners', 'hostages', 'vehicles', 'flights', 'times', 'percent',
  'acres', 'hectares', 'pages', 'words', 'rounds', 'shots',
]);

/** Words ending in "s" that do not make the preceding number a count. */
export const NOT_PLURAL = new Set([
  'was', 'is', 'has', 'as', 'this', 'its', 'his', 'us', 'plus', 'versus', 'across', 'thus', 'whereas', 'status',
  'crisis', 'always', 'perhaps', 'basis', 'elections', 'olympics', 'games', 'levels', 'figures', 'results',
  'earnings', 'sales', 'talks', 'accords', 'agreements', 'deals', 'laws', 'rules', 'regulations', 'forecasts',
  'estimates', 'prices', 'rates', 'budgets', 'plans', 'negotiations', 'polls', 'protests', 'attacks', 'riots',
  'losses', 'profits', 'revenues', 'operations', 'hearings', 'campaigns', 'discussions', 'proceedings',
  'amendments', 'series', 'news', 'economics', 'politics', 'census', 'congress', 'sanctions', 'reforms',
]);
