/**
 * Word tables for number mentions. Everything is keyed by lower-case word; phrase tables list
 * their words so the scanner can match them token by token without rescanning the text.
 */

export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/** Words that scale what precedes them ("3.6 million", "two dozen", "a hundred"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['dozen', 12], ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/** Scales written straight after digits: "3.6m", "$2bn", "50k". A bare "m" is read as million, as news does. */
export const ATTACHED_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['b', 1e9], ['bn', 1e9], ['bln', 1e9], ['tn', 1e12], ['trn', 1e12],
]);

/**
 * How a hedge word bounds the number it precedes. Exclusive bounds ("more than 10", "fewer than
 * 10") are treated as inclusive: the reported figure is the bound, not figure ± 1, because that
 * is how the figures are compared across reports.
 */
export type HedgeEffect = 'min' | 'max' | 'approx' | 'min-approx' | 'max-approx';

export const PREFIX_HEDGES: ReadonlyArray<readonly [string, HedgeEffect]> = [
  ['at least', 'min'], ['no fewer than', 'min'], ['no less than', 'min'], ['not less than', 'min'],
  ['more than', 'min'], ['over', 'min'], ['well over', 'min'], ['upwards of', 'min'], ['upward of', 'min'],
  ['in excess of', 'min'], ['a minimum of', 'min'], ['greater than', 'min'], ['above', 'min'],
  ['just over', 'min-approx'], ['just more than', 'min-approx'], ['slightly more than', 'min-approx'],
  ['up to', 'max'], ['as many as', 'max'], ['at most', 'max'], ['no more than', 'max'], ['not more than', 'max'],
  ['fewer than', 'max'], ['less than', 'max'], ['under', 'max'], ['a maximum of', 'max'], ['below', 'max'],
  ['just under', 'max-approx'], ['just below', 'max-approx'], ['slightly less than', 'max-approx'],
  ['nearly', 'max-approx'], ['almost', 'max-approx'],
  ['around', 'approx'], ['about', 'approx'], ['some', 'approx'], ['roughly', 'approx'],
  ['approximately', 'approx'], ['approx', 'approx'], ['an estimated', 'approx'], ['estimated', 'approx'],
  ['close to', 'approx'], ['circa', 'approx'], ['in the region of', 'approx'], ['on the order of', 'approx'],
  ['more or less', 'approx'],
];

/** Hedges written after the number ("30 or more", "40 or so"). */
export const SUFFIX_HEDGES: ReadonlyArray<readonly [string, HedgeEffect]> = [
  ['or more', 'min'], ['and more', 'min'], ['or so', 'approx'], ['or fewer', 'max'], ['or less', 'max'],
];

export interface VagueAmount {
  min: number;
  max: number | null;
  /** "several", "a few": a following scale word multiplies the bounds ("several thousand" → 3000). */
  scalable: boolean;
  /** "scores" is a count only in "scores of …", otherwise it is usually sports scores. */
  needsOf: boolean;
}

/**
 * Vague counts. Plurals of a scale mean "at least two of them" (dozens → 24, thousands → 2000,
 * tens of thousands → 20000); "several" means at least 3; "a few" 2 to 4; "a handful" 2 to 5.
 */
export const VAGUE_AMOUNTS: ReadonlyArray<readonly [string, VagueAmount]> = [
  ['tens of thousands', vague(2e4)], ['hundreds of thousands', vague(2e5)], ['tens of millions', vague(2e7)],
  ['hundreds of millions', vague(2e8)], ['tens of billions', vague(2e10)], ['hundreds of billions', vague(2e11)],
  ['dozens', vague(24)], ['scores', { ...vague(40), needsOf: true }], ['hundreds', vague(200)],
  ['thousands', vague(2000)], ['millions', vague(2e6)], ['billions', vague(2e9)], ['trillions', vague(2e12)],
  ['several', { ...vague(3), scalable: true }], ['a few', { min: 2, max: 4, scalable: true, needsOf: false }],
  ['a handful', { min: 2, max: 5, scalable: false, needsOf: false }],
];

function vague(min: number): VagueAmount {
  return { min, max: null, scalable: false, needsOf: false };
}

export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'], ['₺', 'TRY'], ['₪', 'ILS'],
  ['₩', 'KRW'], ['₦', 'NGN'],
]);

/** Letters written against a `$`: "US$", "A$", "HK$". */
export const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['hk', 'HKD'], ['nz', 'NZD'], ['s', 'SGD'],
]);

export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'CHF', 'INR', 'RUB', 'TRY', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'ILS',
  'SAR', 'AED', 'NGN', 'ZAR', 'KRW', 'BRL', 'MXN',
]);

export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['sterling', 'GBP'],
  ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['rupee', 'INR'], ['rupees', 'INR'],
  ['rouble', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'], ['rubles', 'RUB'], ['lira', 'TRY'], ['liras', 'TRY'],
  ['riyal', 'SAR'], ['riyals', 'SAR'], ['dirham', 'AED'], ['dirhams', 'AED'], ['shekel', 'ILS'], ['shekels', 'ILS'],
  ['naira', 'NGN'], ['rand', 'ZAR'], ['reais', 'BRL'], ['pesos', 'MXN'], ['francs', 'CHF'], ['guilders', 'NLG'],
  ['dlrs', 'USD'], ['cent', 'cent'], ['cents', 'cent'], ['pence', 'penny'], ['penny', 'penny'],
]);

/** Dollars other than the US one: "16 Canadian dollars". */
export const DOLLAR_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['u.s', 'USD'], ['american', 'USD'], ['canadian', 'CAD'], ['australian', 'AUD'],
  ['hong kong', 'HKD'], ['new zealand', 'NZD'], ['singapore', 'SGD'], ['taiwan', 'TWD'],
]);

/** "pounds" is money after a scale ("5 million pounds") and weight otherwise ("40 pounds of cocaine"). */
export const POUNDS = new Set(['pound', 'pounds']);

/** Units after a number; time units make durations ("three days") measures, not head counts. */
export const MEASURE_UNITS: ReadonlyMap<string, string> = new Map([
  ['km', 'km'], ['kilometre', 'km'], ['kilometres', 'km'], ['kilometer', 'km'], ['kilometers', 'km'],
  ['mile', 'mi'], ['miles', 'mi'], ['metre', 'm'], ['metres', 'm'], ['meter', 'm'], ['meters', 'm'],
  ['cm', 'cm'], ['centimetres', 'cm'], ['centimeters', 'cm'], ['mm', 'mm'], ['millimetres', 'mm'], ['millimeters', 'mm'],
  ['kg', 'kg'], ['kilogram', 'kg'], ['kilograms', 'kg'], ['kilos', 'kg'], ['gram', 'g'], ['grams', 'g'],
  ['tonne', 't'], ['tonnes', 't'], ['ton', 't'], ['tons', 't'], ['lb', 'lb'], ['lbs', 'lb'],
  ['foot', 'ft'], ['feet', 'ft'], ['ft', 'ft'], ['inch', 'in'], ['inches', 'in'], ['yards', 'yd'],
  ['acre', 'acre'], ['acres', 'acre'], ['hectare', 'ha'], ['hectares', 'ha'], ['ha', 'ha'],
  ['litre', 'l'], ['litres', 'l'], ['liter', 'l'], ['liters', 'l'], ['gallon', 'gal'], ['gallons', 'gal'],
  ['barrel', 'bbl'], ['barrels', 'bbl'], ['degree', 'deg'], ['degrees', 'deg'], ['mph', 'mph'], ['kph', 'km/h'],
  ['km/h', 'km/h'], ['mw', 'MW'], ['megawatts', 'MW'], ['gw', 'GW'], ['gigawatts', 'GW'], ['kw', 'kW'],
  ['second', 'second'], ['seconds', 'second'], ['minute', 'minute'], ['minutes', 'minute'],
  ['hour', 'hour'], ['hours', 'hour'], ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'],
  ['month', 'month'], ['months', 'month'], ['year', 'year'], ['years', 'year'], ['decade', 'decade'],
  ['decades', 'decade'], ['century', 'century'], ['centuries', 'century'],
]);

export const TWO_WORD_UNITS: ReadonlyMap<string, string> = new Map([
  ['square kilometres', 'km2'], ['square kilometers', 'km2'], ['square miles', 'mi2'], ['square metres', 'm2'],
  ['square meters', 'm2'], ['square feet', 'ft2'], ['cubic metres', 'm3'], ['cubic meters', 'm3'],
]);

export const PERCENT_WORDS = new Set(['percent', 'pct', 'percentage']);

export const MONTHS = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Words after a number that make it a clock time ("8 pm", "0800 GMT"). */
export const CLOCK_WORDS = new Set([
  'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'ist',
  'hrs', "o'clock", 'o’clock',
]);

/** Nouns whose following number names a thing rather than counting ("Route 66", "Resolution 2254"). */
export const IDENTIFIER_NOUNS = new Set([
  'route', 'resolution', 'article', 'flight', 'chapter', 'section', 'room', 'highway', 'interstate', 'proposition',
  'prop', 'terminal', 'gate', 'platform', 'page', 'paragraph', 'clause', 'level', 'phase', 'category', 'grade',
  'class', 'type', 'model', 'version', 'episode', 'season', 'volume', 'vol', 'no', 'number', 'unit', 'apartment',
  'apt', 'suite', 'building', 'lot', 'district', 'ward', 'precinct', 'bus', 'line', 'channel', 'bill', 'exit',
  'pier', 'hangar', 'sector', 'zone', 'area', 'windows', 'apollo', 'boeing', 'airbus', 'iphone', 'galaxy', 'covid',
  'fig', 'figure', 'table', 'step', 'stage', 'tier', 'floor', 'bay', 'door', 'box', 'cell', 'seat', 'decree',
  'amendment', 'code', 'item', 'question', 'verse', 'psalm', 'camp', 'block', 'lane', 'road', 'street', 'avenue',
  'km', 'mile', 'kilometre', 'kilometer', 'plot', 'battalion', 'brigade', 'regiment', 'squadron', 'mark', 'mk',
  'xbox', 'hall', 'studio', 'tower', 'pavilion', 'runway', 'news', 'image', 'photo', 'slide', 'picture', 'tv',
]);

/** Emergency numbers are never counts. */
export const EMERGENCY_NUMBERS = new Set(['911', '999', '112']);

/** Words after a number and capitalised words that make it a street address ("1600 Pennsylvania Avenue"). */
export const STREET_WORDS = new Set([
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'way', 'place',
  'pl', 'court', 'ct', 'highway', 'hwy', 'parkway', 'pkwy', 'terrace', 'square', 'circle', 'trail', 'pike',
]);

/** Words before a four-digit number that make it a year ("in 2016", "a 2018 deal", "autumn 2018"). */
export const YEAR_CUES = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'during', 'before', 'after', 'the', 'a', 'an', 'its', 'their',
  'his', 'her', 'our', 'this', 'that', 'mid', 'early', 'late', 'circa', 'year', 'season', 'fiscal', 'summer',
  'winter', 'spring', 'autumn', 'fall', 'through', 'to', 'and', 'between', 'for', 'than', 'at', 'on',
]);

/** Nouns that a four-digit head count is usually followed by ("2000 people" is a count, "2016 deal" a year). */
export const COUNTED_NOUNS = new Set([
  'people', 'persons', 'residents', 'troops', 'soldiers', 'police', 'officers', 'migrants', 'refugees', 'civilians',
  'children', 'protesters', 'demonstrators', 'fighters', 'militants', 'workers', 'students', 'families', 'homes',
  'houses', 'cases', 'deaths', 'dead', 'victims', 'members', 'voters', 'votes', 'jobs', 'employees', 'prisoners',
  'inmates', 'patients', 'casualties', 'supporters', 'rebels', 'personnel', 'staff', 'men', 'women', 'vehicles',
  'buildings', 'others', 'were', 'are', 'have', 'had',
]);

/** Words just before a score ("won 3-1", "a 2-2 draw"). */
export const SCORE_CUES = new Set([
  'won', 'win', 'wins', 'beat', 'beats', 'defeated', 'defeat', 'lost', 'lose', 'loses', 'victory', 'draw', 'drew',
  'scored', 'score', 'led', 'leads', 'trailed', 'trail', 'edged', 'thrashed', 'routed', 'vote', 'voted',
  'loss', 'lead', 'scoreline', 'margin', 'tie',
]);

/** Context of "one" that makes it a pronoun or "one of", not a count. */
export const ONE_PRONOUN_BEFORE = new Set([
  'no', 'the', 'this', 'that', 'any', 'every', 'each', 'which', 'someone', 'anyone', 'everyone', 'little', 'big',
  'last', 'other', 'another', 'such', 'new', 'old', 'right', 'wrong', 'same', 'a',
]);
export const ONE_PRONOUN_AFTER = new Set([
  'another', 'of', 'who', 'whom', 'whose', 'which', 'that', "'s", '’s', 'day', 'time', 'point', 'way', 'thing',
  'hand', 'side', 'by', 'after', 'else', 'in', 'on', 'to', 'another’s', "another's",
]);

/** Words before a number that make it an age ("aged 45"). */
export const AGE_CUES = new Set(['aged', 'age', 'ages']);
