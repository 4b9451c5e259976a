/**
 * Words of the claims ledger: which words end the noun phrase a figure counts, and which words
 * around a figure make it a count of the dead or the injured.
 */

/** Function words, auxiliaries and common verbs: the noun phrase after a figure ends before them. */
export const SUBJECT_STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'without',
  'into', 'onto', 'over', 'under', 'near', 'across', 'after', 'before', 'during', 'since', 'until', 'as', 'than',
  'who', 'whom', 'whose', 'which', 'that', 'this', 'these', 'those', 'there', 'here', 'where', 'when', 'while',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'not', 'no', 'also', 'still', 'now',
  'said', 'says', 'say', 'told', 'reported', 'according', 'including', 'among', 'between', 'per', 'each', 'every',
  'he', 'she', 'it', 'they', 'we', 'you', 'i', 'his', 'her', 'its', 'their', 'our', 'your', 'my', 'them', 'him',
  'more', 'less', 'fewer', 'most', 'least', 'about', 'around', 'some', 'up', 'down', 'out', 'off', 'yesterday',
  'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'next',
  'arrived', 'gathered', 'fled', 'crossed', 'remain', 'remained', 'took', 'take', 'make', 'made', 'came', 'went',
]);

/** A casualty word after the figure: "33 soldiers were killed", "five dead", "50 wounded". */
export const CASUALTY_AFTER: ReadonlyMap<string, 'killed' | 'injured'> = new Map([
  ['killed', 'killed'], ['dead', 'killed'], ['died', 'killed'], ['die', 'killed'], ['deaths', 'killed'],
  ['fatalities', 'killed'], ['slain', 'killed'], ['perished', 'killed'], ['lives', 'killed'], ['bodies', 'killed'],
  ['wounded', 'injured'], ['injured', 'injured'], ['hurt', 'injured'], ['injuries', 'injured'],
]);

/** A casualty verb just before the figure: "killing 26 soldiers", "wounded five". */
export const CASUALTY_BEFORE: ReadonlyMap<string, 'killed' | 'injured'> = new Map([
  ['killed', 'killed'], ['killing', 'killed'], ['kill', 'killed'], ['kills', 'killed'], ['toll', 'killed'],
  ['wounded', 'injured'], ['wounding', 'injured'], ['injured', 'injured'], ['injuring', 'injured'],
]);

/** "the death toll rose to 34": a figure whose noun phrase comes before it. */
export const TOLL_BEFORE = new Set(['toll', 'tally', 'count', 'total', 'number', 'figure']);
