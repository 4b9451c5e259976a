/**
 * Killed / injured figures of a sentence, from the numbers layer (hedges kept: "at least 33" →
 * min 33) and from singular victims without a number ("a man was shot and killed" → 1).
 * A number is a casualty figure when a casualty word follows it in its clause ("33 soldiers were
 * killed", "50 wounded") or an active casualty verb directly precedes it ("killed 26 soldiers").
 */
import type { NumberMention, Range, Span } from '../../document.js';
import { VICTIM_NOUN_SOURCE } from './victim-lexicon.js';

export type CasualtyKind = 'killed' | 'injured' | 'hit';

export interface Casualty {
  kind: CasualtyKind;
  range: Range;
  /** Offset of the figure, to attach it to the nearest event of the sentence. */
  at: number;
  /** "A 34th soldier later died": replaces the event's lower bound instead of adding to it. */
  revision: boolean;
  /** "4 militants were also killed", "two other policemen": victims beside those already told. */
  additional?: boolean;
}

interface CueRule {
  pattern: RegExp;
  kind: CasualtyKind;
}

/** Casualty words after the figure, in their clause (passive or predicate forms). */
const AFTER_CUES: readonly CueRule[] = [
  { pattern: /\b(?:shot (?:to death|dead|and killed)|killed|dead|died|lost their lives|perished|fatally|lifeless|murdered|slain|shot dead|casualties|did(?: not|n't) survive)\b/i, kind: 'killed' },
  { pattern: /\b(?:wounded|injured|hurt|injuries|hospitali[sz]ed|wounds|in (?:critical|serious|stable|grave|fair) condition|critical(?:ly)?|treated for|recovering|fighting for (?:his|her|their) li(?:fe|ves)|(?:to|in) (?:the |a |an )?(?:[\w-]+ )?hospitals?)\b/i, kind: 'injured' },
  { pattern: /\b(?:shot|(?:struck|hit) by (?:stray\s+)?(?:gunfire|bullets?|a bullet|a stray bullet))\b/i, kind: 'hit' },
];
/** A death noun counts the figure only when it heads the figure's own phrase: "12 deaths", not "turned 21 in the death of". */
const DEATH_NOUN_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:deaths?|fatalit(?:y|ies)|bodies|corpses|homicides|murders)\b/i;
/** After "shot", a fuller word for the same victims: "shot and killed", "shot in the head and later died". */
const HIT_OUTCOME = /^[^,;]{0,40}?\b(?:(killed|died|dead|fatally|succumbed)|(wounded|injured|hurt|hospitali[sz]ed))\b/i;

/** Active verbs and nouns right before the figure ("killing 26", "death toll rose to 12"). */
const BEFORE_CUES: readonly CueRule[] = [
  { pattern: /\b(?:kill(?:ed|ing|s)?|killing of|deaths? of|claimed the lives of|death toll (?:\w+ ){0,3}(?:to|of|at)|left|leaving|shot dead|shot and killed|fatally (?:shot|stabbed)|gunned down|execut(?:ed|ing)|behead(?:ed|ing)|murder(?:ed|ing)|assassinat(?:ed|ing)|lynch(?:ed|ing)|massacr(?:ed|ing)|slaughter(?:ed|ing)|(?:bodies|corpses) of)\s+(?:a total of\s+|some\s+|about\s+|around\s+|at least\s+)?$/i, kind: 'killed' },
  { pattern: /\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing)?|(?:wounding|injuring) of)\s+(?:a total of\s+|some\s+|about\s+|(?:his|her|their)\s+)?$/i, kind: 'injured' },
  { pattern: /\b(?:shoot(?:ing|s)?|shot|hitting|striking)\s+$/i, kind: 'hit' },
  // "killing his two sons" (not "left his two children", which tells survivors).
  { pattern: /\b(?:kill(?:ed|ing|s)|shot and killed|murder(?:ed|ing))\s+(?:his|her|their)\s+$/i, kind: 'killed' },
];

/** The figure is part of another figure's description ("including 2 children"). */
const SUBSET_BEFORE = /\b(?:including|among them|among whom|of whom|of them|of which)\s+$/i;
/**
 * Where a figure's clause ends: punctuation, "and N others", or a word that opens another clause
 * ("400 people … ended in gunfire that killed one man"; "five days after the shooting").
 */
const CLAUSE_END = /[;:!?]|\.\s|\band\s+(?=\S*\s*(?:others?|more)\b)|\b(?:that|which|when|after|before|while|because|since|until|where|but|if)\b/i;
const RIGHT_WINDOW = 90;

const SINGULAR_VICTIM = /\b(?:was|has been|had been|is|got)\s+(?:(?:(?!fatally)\w+ly|also|then|later)\s+)?(fatally (?:shot|wounded|stabbed)|shot and (?:later )?died|shot and killed|shot dead|shot to death|stabbed to death|beaten to death|found dead|pronounced dead|killed|murdered|shot|wounded|injured|hurt|stabbed|hospitali[sz]ed)\b/gi;
/** "shot dead a pastor", "killing an officer", "injuring a child": one victim, active voice. */
const ACTIVE_SINGULAR = /\b(?:(kill(?:ed|ing|s)|shot dead|shot and killed|shot to death|fatally (?:shot|stabbed|wounded)|gunned down|assassinat(?:ed|ing)|murder(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|stabbed to death|beat to death|lynched)|(injur(?:ed|ing)|wound(?:ed|ing)|shot|stabbed))\s+(?:a|an|one|another|him|her|the(?=\s+(?!\d|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)[\w-]*[^s\W]\b))\b\s*(?!number\b|total\b|unknown\b|few\b|lot\b|dozen\b)/gi;
/**
 * One victim after an active verb, named by kinship or age rather than an article: "shot his
 * uncle", "killed her 19-year-old boyfriend", "shot himself in the hand", "shot 15-year-old Ana
 * Ruiz". Nouns are singular, so "shot his two sons" is left to the numbers layer.
 */
const ACTIVE_OWN_VICTIM = new RegExp(
  String.raw`\b(?:(kill(?:ed|ing|s)|shot dead|shot and killed|shot to death|fatally (?:shot|shooting|stabbed|stabbing|wounded)|murder(?:ed|ing)|stabbed to death)|(injur(?:ed|ing|es)|wound(?:ed|ing|s)|shot|shoots|shooting|stabbed))\s+` +
    String.raw`(?:(?:his|her|their)\s+(?:[\w'’-]+\s+){0,3}?${VICTIM_NOUN_SOURCE}(?!['’]s)\b|(?:him|her)self\b|\d{1,2}-year-old\b)`,
  'gi',
);

/**
 * A pattern read over a whole sentence, with words every match of it holds (`requires`, lower
 * case): a sentence that holds none of them is not searched. Keep them in step with the pattern.
 */
interface SentenceRule {
  pattern: RegExp;
  kind: CasualtyKind;
  requires: readonly string[] | null;
}

/** One victim named by a death noun or a resultative: "the fatal shooting of a teen", "left a man dead". */
const SINGULAR_BY_NOUN: readonly SentenceRule[] = [
  { pattern: /\b(?:(?<!non-)(?:fatal|deadly) (?:shooting|stabbing)|shooting death|(?:murder|killing|slaying|death) of (?:a|an|another|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|teen|teenager|child|toddler|student|father|mother|son|daughter|brother|sister|nephew|niece|friend|officer|person|victim|husband|wife))\b/i, kind: 'killed', requires: null },
  { pattern: /\b(?:left|leaving)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:dead)\b/i, kind: 'killed', requires: ['left', 'leaving'] },
  { pattern: /\b(?:left|leaving)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:injured|wounded|hurt|hospitali[sz]ed)\b/i, kind: 'injured', requires: ['left', 'leaving'] },
  { pattern: /\b(?:kill(?:ed|ing)|shot and killed|shot dead|murdered)\s+(?:a\s+)?\d+-year-old\b/i, kind: 'killed', requires: ['-year-old'] },
  { pattern: /\b(?:a|an)\s+[\w-]+-year-old(?:\s+[\w-]+){0,3}?\s+(?:has\s+|had\s+|later\s+)?(?:died|is dead|was dead|was found dead|succumbed)\b/i, kind: 'killed', requires: ['-year-old'] },
  { pattern: /\b(?:a|an)\s+[\w-]+-year-old(?:\s+[\w-]+){0,3}?\s+(?:is|was)\s+(?:recovering|in (?:critical|serious|stable|fair|good) condition|hospitali[sz]ed|rushed to (?:the|a) hospital)\b/i, kind: 'injured', requires: ['-year-old'] },
  // A wound says someone was hit, not that they lived: "suffered a gunshot wound to the chest and died".
  { pattern: /\bsuffer(?:ed|ing) (?:from )?(?:a |an )?(?:[\w-]+ )?(?:gunshot|stab) wounds?\b/i, kind: 'hit', requires: ['suffer'] },
  { pattern: /\b(?:body|corpse) of (?:a|an)\s+/i, kind: 'killed', requires: ['body of', 'corpse of'] },
  { pattern: /\b(?:where|but)\s+(?:(?:he|she|the (?:victim|man|woman|boy|girl|child|teen))\s+)?(?:later\s+)?(?:died|succumbed|was (?:later )?pronounced dead|did(?: not|n't) (?:make it|survive))\b/i, kind: 'killed', requires: ['died', 'succumbed', 'pronounced dead', 'make it', 'survive'] },
  { pattern: /\b(?:beat|beaten|stabbed|hacked|stoned|burned|burnt|shot)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+to death\b/i, kind: 'killed', requires: ['to death'] },
];
const SINGULAR_DEATH = /\b(?:he|she|the other|the (?:man|woman|victim|boy|girl|teen|teenager|child|driver|officer|soldier))\s+(?:later\s+|also\s+)?(?:died|succumbed)\b/gi;
const SINGULAR_DEATH_REQUIRES: readonly string[] = ['died', 'succumbed'];
const V = VICTIM_NOUN_SOURCE;
/** Words between an article and its victim noun: "a 24-year-old Mission District man". */
const MODIFIERS = String.raw`(?:[\w'’-]+\s+){0,4}?`;
/** A relative clause or an apposition after the victim: "who was shot Saturday", ", 24,". */
const POSTMODIFIER = String.raw`(?:\s+(?:who|that)\b[^,.;]{0,100}?|\s+(?:shot|wounded|injured|stabbed|hurt)\s+[^,.;]{0,90}?|,[^,;]{1,60},)?`;
const DIED = String.raw`(?:has\s+|had\s+)?(?:(?:since|later|also|now|eventually|subsequently)\s+)?(?:died|succumbed|passed away|is dead|was pronounced dead|was declared dead)`;
/** After a reduced relative the clause goes on with a place, a time or punctuation: "the boy killed in …", not "the man killed his wife". */
const NO_OBJECT = String.raw`(?=\s+(?:in|on|at|near|during|by|outside|inside|early|late|last|this|when|while|after|overnight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s*[,.;])`;

/**
 * One victim as the subject of a state only the living are in: "the boy is recovering", "a
 * bystander was listed in stable condition". (Not "was taken to a hospital", where many die.)
 */
const VICTIM_RECOVERING_REQUIRES: readonly string[] = ['recovering', 'condition', 'hospitali', 'fighting for'];
const VICTIM_RECOVERING = new RegExp(String.raw`\b(?:a|an|the|another)\s+${MODIFIERS}${V}${POSTMODIFIER}\s+(?:is|was|remains|remained)\s+(?:(?:now|still|listed)\s+)?(?:recovering|fighting\s+for\s+(?:his|her)\s+life|in\s+(?:critical|serious|stable|fair|good|grave|guarded)(?:\s+but\s+stable)?\s+condition|hospitali[sz]ed)\b`, 'i');
/** One victim as the subject of a death ("A teenage boy has died", "a 16-year-old student died from a gunshot wound"). */
const SUBJECT_DIED = new RegExp(String.raw`\b(?:a|an|one|the)\s+${MODIFIERS}${V}${POSTMODIFIER}\s+${DIED}\b`, 'i');
/** One victim in a reduced relative: "a 2-year-old boy shot and killed near his home", "the 15-year-old killed in a shooting". */
const REDUCED_RELATIVE = new RegExp(String.raw`\b(?:a|an|the)\s+${MODIFIERS}${V}\s+(?:(shot and killed|shot dead|shot to death|fatally (?:shot|wounded)|killed|slain|murdered|gunned down)|(wounded|injured|hurt)|(shot))${NO_OBJECT}`, 'i');
/** Two victims joined by "and": "a man and a woman were found dead", "an adolescent and a woman were shot to death". */
const VICTIM_PAIR = new RegExp(String.raw`\b(?:a|an|one|the)\s+${MODIFIERS}${V}\s+and\s+(?:(?:a|an|his|her|their|one|another)\s+)?${MODIFIERS}${V}(?:,[^,;]{1,60},)?\s+(?:were|have been|had been|are)\s+(?:(?:\w+ly|also|both|found|later|then)\s+)*(?:(shot (?:to death|dead|and killed)|killed|dead|murdered|slain|fatally shot|stabbed to death)|(wounded|injured|hurt|hospitali[sz]ed)|(shot))\b`, 'gi');
/** "Both men inside the car were killed", "both died". */
const BOTH = /\bboth(?:\s+(?:of\s+them|victims|men|women|boys|girls|teens|brothers|sisters|officers|deputies))?(?:\s+[\w-]+){0,3}?\s+(?:(?:were|have|had)\s+)?(?:(?:been|later|also|reportedly)\s+)*(?:(killed|died|dead|pronounced dead|shot dead|shot and killed|fatally shot|slain)|(wounded|injured|hurt|hospitali[sz]ed)|(shot))\b/gi;
const SUBJECT_DIED_REQUIRES: readonly string[] = ['died', 'succumbed', 'passed away', 'dead'];
const REDUCED_RELATIVE_REQUIRES: readonly string[] = ['shot', 'kill', 'slain', 'murdered', 'gunned', 'wounded', 'injured', 'hurt'];
const PAIR_RULES: ReadonlyArray<{ pattern: RegExp; requires: readonly string[] }> = [
  { pattern: VICTIM_PAIR, requires: [' were ', ' have been ', ' had been ', ' are '] },
  { pattern: BOTH, requires: ['both'] },
];
/** "… and another injured", "while a third man was wounded", "and a fourth wounded": one more victim beside a figure. */
const ANOTHER_VICTIM = /\b(?:and|while|with)\s+(?:another|a (?:second|third|fourth|fifth|sixth)(?: (?:person|man|woman|victim|teen|boy|girl))?)(?:\s+(?:person|man|woman|victim|was|is|has been|later|also|\w+ly)){0,3}\s+(?:(killed|died|dead|fatally shot|succumbed)|(wounded|injured|hurt|hospitali[sz]ed|critical(?:ly)?|in\s+(?:critical|serious|stable|fair|grave)\s+condition|fighting\s+for\s+(?:his|her|their)\s+life)|(shot))\b/gi;
/** "a triple shooting" (three hit), "a double homicide" (two dead). */
const MULTIPLE_VICTIMS = /\b(double|triple|quadruple|quintuple)[- ](?:(homicides?|murders?|killings?|slayings?|fatal shootings?)|(shootings?|stabbings?))\b/i;
const MULTIPLES: ReadonlyMap<string, number> = new Map([['double', 2], ['triple', 3], ['quadruple', 4], ['quintuple', 5]]);
/** A single victim joined to a figure: "a man and two girls were shot to death" (before), "four men and a woman were killed" (after). */
const SINGLE_AND_BEFORE = new RegExp(String.raw`\b(?:a|an)\s+${MODIFIERS}${V}\s+and\s+$`, 'i');
const AND_SINGLE_AFTER = new RegExp(String.raw`^\s+(?:[\w'’-]+\s+){0,3}?and\s+(?:a|an|another)\s+${MODIFIERS}${V}\b`, 'i');

/** After "shot a": "man and a teenager", "woman and her son". */
const ACTIVE_PAIR_AFTER = new RegExp(String.raw`^${MODIFIERS}${V}\s+and\s+(?:a|an|another|his|her|their)\s+${MODIFIERS}${V}\b`, 'i');

const FATAL_VERB = /dead|death|killed|murdered|fatally|died/;
const ORDINAL_SUFFIX = /\d(?:st|nd|rd|th)\b/;
const ORDINAL_REVISION = /\b(?:a|the)\s+(\d+)(?:st|nd|rd|th)\s+[\p{L}-]+\s+(?:\w+\s+){0,2}?(?:died|succumbed|was killed)\b/giu;

/**
 * False when the sentence (in lower case) holds none of the words a rule requires, so its pattern
 * cannot match: the patterns ignore case only for ASCII letters, which lower-casing maps alike.
 */
const mayMatch = (lower: string, requires: readonly string[] | null): boolean => requires === null || requires.some((word) => lower.includes(word));

const plusOne = (r: Range): Range => ({ min: r.min === null ? null : r.min + 1, max: r.max === null ? null : r.max + 1 });

function rangeOf(n: NumberMention): Range {
  if (n.min !== null || n.max !== null) return { min: n.min, max: n.max };
  return { min: n.value, max: n.value };
}

function clauseAfter(body: string, n: NumberMention, limit: number): string {
  const text = body.slice(n.end, Math.min(limit, n.end + RIGHT_WINDOW));
  const end = text.search(CLAUSE_END);
  return end < 0 ? text : text.slice(0, end);
}

/** "were fatally …", "dead": a figure hit by a shot that killed. */
const FATAL_AFTER = /^\s*(?:\(\w+\)\s*)?(?:were|was|have been|had been|are)?\s*(?:\w+\s+)?(?:fatally|dead|to death)\b/i;
const LEFT_BEFORE = /\b(?:left|leaving)\s+$/i;
/** Figures that count things, not people: "shot eight times", "three rounds", "two hours", "one count of murder". */
const NOT_PEOPLE_AFTER = /^\s*(?:[\w-]+\s+)?(?:times|rounds|shots|bullets|(?:shell )?casings|counts?|charges|years?|months?|weeks?|days?|hours?|minutes?|seconds?|miles?|feet|yards|blocks?|cars?|vehicles?|homes|houses|guns|handguns|rifles|weapons|cents|dollars|percent|a\.m|p\.m)\b/i;
/** An age in apposition: "Vincent Holt, 27, was shot", "two men, 25 and 31, were wounded". */
const AGE_BEFORE = /(?:,|\(|\bage[sd]?)\s*$/i;
const AGE_AFTER = /^\s*(?:,|\)|\.(?:\s|$)|;|and\s+\d{1,3}\s*[,)])/;

/** Ages listed before the last one: ", ages 11 and", "(7, 9 and". */
const AGE_LIST_BEFORE = /(?:,|\(|\bage[sd]?)\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s*and\s+$/i;

function isAge(before: string, after: string, n: NumberMention): boolean {
  return /^\d{1,3}$/.test(n.text) && AGE_BEFORE.test(before) && AGE_AFTER.test(after);
}

function firstCue(after: string): CueRule | null {
  // The cue found first after the figure decides; on a tie, the earlier rule.
  let first: CueRule | null = null;
  let firstAt = Infinity;
  for (const rule of AFTER_CUES) {
    const at = after.search(rule.pattern);
    if (at >= 0 && at < firstAt) {
      first = rule;
      firstAt = at;
    }
  }
  if (first?.kind !== 'hit') return first;
  // "were shot and killed", "who was shot in the head later died": the outcome tells more than "shot".
  const outcome = HIT_OUTCOME.exec(after.slice(firstAt + 4));
  if (!outcome) return first;
  return { pattern: first.pattern, kind: outcome[1] ? 'killed' : 'injured' };
}

/** "… and died", "…, who later died": the outcome a clause tells of victims it says were shot. */
function outcomeOfHit(after: string): CasualtyKind | null {
  const outcome = HIT_OUTCOME.exec(after);
  return outcome ? (outcome[1] ? 'killed' : 'injured') : null;
}

function kindOf(before: string, after: string): CasualtyKind | null {
  if (SUBSET_BEFORE.test(before) || NOT_PEOPLE_AFTER.test(after)) return null;
  const leading = BEFORE_CUES.find((rule) => rule.pattern.test(before));
  if (leading && !LEFT_BEFORE.test(before.slice(-12))) return leading.kind === 'hit' && FATAL_AFTER.test(after) ? 'killed' : leading.kind;
  if (DEATH_NOUN_AFTER.test(after)) return 'killed';
  return firstCue(after)?.kind ?? null;
}

/** "12 militants and 3 soldiers were killed": a figure joined by "and" to the next shares its kind. */
const COORDINATED = /^\s+[\p{L}' -]{0,40}?\band\s+$/u;
/** A list that goes on: "2 men, 2 women, and 1 child". */
const COORDINATED_LIST = /^\s+[\p{L}' -]{0,40}?(?:,\s*(?:and\s+)?|\band\s+)$/u;
/** A verb or casualty word between two figures: each has its own predicate ("3 were killed and 4 arrested"). */
const PREDICATE_BETWEEN = /\b(?:were|was|are|is|have|has|had|been|kill\w*|dead|died|dies|wound\w*|injur\w*|hurt|shot|hospitali\w*|arrest\w*|charg\w*|detain\w*)\b/i;
/** Words that add victims to those already counted. */
const ADDITIONAL = /\b(?:also|other|others|more|additional|further)\b/i;
/** "one of four women wounded … has died": the first figure is part of the second. */
const PART_OF = /^\s+of\s+(?:the\s+)?$/i;
/** "one of four women …", where the numbers layer leaves "one of" out. */
const PART_WORD_BEFORE = /\b(one|two|three|four|five)\s+of\s+(?:the\s+)?$/i;
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5]]);
const exactly = (n: number): Range => ({ min: n, max: n });
/** "One of them has since died": part of the victims told before. */
const PART_OF_THEM_DIED = /\b(one|two|three|four|five)\s+of\s+(?:them|those|whom|the victims|the wounded|the injured)\s+(?:[\w-]+\s+){0,4}?(?:(?:has|have|had)\s+)?(?:(?:since|later|now|subsequently)\s+)?(?:died|succumbed)\b/i;
/** The part's own predicate, after the whole's phrase. */
const PART_DIED = /\b(?:(?:has|have|had)\s+(?:since\s+|now\s+|later\s+)?died|(?:later\s+)?died|succumbed|(?:was|were|has been|have been)\s+(?:\w+ly\s+)?killed|(?:is|was)\s+(?:now\s+)?dead)\b/i;

/**
 * Figures that break down another figure, and so do not add to it: "including one policeman and
 * four soldiers", "5 civilians (2 men, 2 women and 1 child)".
 */
function subsetFigures(body: string, sentence: Span, figures: readonly NumberMention[]): boolean[] {
  const subset: boolean[] = [];
  const depthAt = (at: number): number => {
    const text = body.slice(sentence.start, at);
    return text.split('(').length - text.split(')').length;
  };
  let headDepth = 0;
  figures.forEach((n, i) => {
    const previous = figures[i - 1];
    const before = body.slice(Math.max(previous?.end ?? sentence.start, n.start - 40), n.start);
    const between = body.slice(previous?.end ?? sentence.start, n.start);
    const depth = depthAt(n.start);
    const isSubset = previous !== undefined && (SUBSET_BEFORE.test(before) || depth > headDepth || (subset[i - 1]! && COORDINATED_LIST.test(between)));
    if (!isSubset) headDepth = depth;
    subset.push(isSubset);
  });
  return subset;
}

function numberCasualties(body: string, sentence: Span, numbers: readonly NumberMention[]): Casualty[] {
  const all = numbers.filter((n) => n.kind === 'count' && n.start >= sentence.start && n.end <= sentence.end);
  const inSentence = all.filter((n, i) => {
    const before = body.slice(Math.max(all[i - 1]?.end ?? sentence.start, n.start - 12), n.start);
    const after = body.slice(n.end, Math.min(sentence.end, n.end + 12));
    // "two brothers, ages 11 and 16, were shot": the last age of a list is one too.
    const listedAge = /^\d{1,3}$/.test(n.text) && AGE_LIST_BEFORE.test(body.slice(Math.max(sentence.start, n.start - 30), n.start)) && AGE_AFTER.test(after);
    return !listedAge && !isAge(before, after, n);
  });
  const subset = subsetFigures(body, sentence, inSentence);
  const kinds = inSentence.map((n, i) => {
    if (subset[i]) return null;
    // "Five members of a family, including three children, were found shot dead": the head figure reads past its subset.
    let following = i + 1;
    while (subset[following]) following++;
    const next = inSentence[following]?.start ?? sentence.end;
    const previous = inSentence[i - 1]?.end ?? sentence.start;
    const before = body.slice(Math.max(previous, n.start - 40), n.start);
    return kindOf(before, clauseAfter(body, n, next));
  });
  for (let i = inSentence.length - 2; i >= 0; i--) {
    if (kinds[i] === null && kinds[i + 1] !== null && !subset[i] && COORDINATED_LIST.test(body.slice(inSentence[i]!.end, inSentence[i + 1]!.start))) kinds[i] = kinds[i + 1]!;
  }
  // "injuring his two children and four other people": objects joined to a verb's figure share its kind.
  for (let i = 1; i < inSentence.length; i++) {
    const between = body.slice(inSentence[i - 1]!.end, inSentence[i]!.start);
    if (kinds[i] === null && kinds[i - 1] !== null && !subset[i] && COORDINATED_LIST.test(between) && !PREDICATE_BETWEEN.test(between)) kinds[i] = kinds[i - 1]!;
  }
  const found: Casualty[] = [];
  for (let i = 0; i < inSentence.length; i++) {
    const whole = inSentence[i]!;
    const rest = body.slice(whole.end, inSentence[i + 1]?.start ?? sentence.end);
    const between = body.slice(inSentence[i - 1]?.end ?? sentence.start, whole.start);
    const partWord = PART_WORD_BEFORE.exec(between);
    const partFigure = i > 0 && PART_OF.test(between);
    if ((!partWord && !partFigure) || !PART_DIED.test(rest)) continue;
    if (partFigure) kinds[i - 1] = 'killed';
    else found.push({ kind: 'killed', range: exactly(NUMBER_WORDS.get(partWord![1]!.toLowerCase())!), at: sentence.start + partWord!.index, revision: false });
    // The whole was hit; those not dead of it are the injured.
    if (kinds[i] !== 'killed') kinds[i] = 'hit';
  }
  inSentence.forEach((n, i) => {
    const kind = kinds[i];
    if (!kind) return;
    const before = body.slice(Math.max(inSentence[i - 1]?.end ?? sentence.start, n.start - 60), n.start);
    const after = body.slice(n.end, Math.min(inSentence[i + 1]?.start ?? sentence.end, n.end + 60));
    const withSingle = SINGLE_AND_BEFORE.test(before) || AND_SINGLE_AFTER.test(after);
    const additional = ADDITIONAL.test(before.slice(-25)) || ADDITIONAL.test(clauseAfter(body, n, inSentence[i + 1]?.start ?? sentence.end));
    const range = withSingle ? plusOne(rangeOf(n)) : rangeOf(n);
    if (!additional && restates(body, found, kind, range, n.start)) return;
    found.push({ kind, range, at: n.start, revision: false, additional });
  });
  return found;
}

/** Text between a figure and a later one that does not join them as parts of one list or sum. */
const RESTATEMENT_GAP_CHARS = 30;
const JOINED_BEFORE = /(?:,|;|\band|\bwhile|\bwhereas|\bplus)\s*$/i;

/**
 * "5 injured in Xton shooting … Five people were injured early Sunday": a headline run into its
 * first sentence (or a lead restating its figure) tells the same victims twice. A later equal
 * figure of the same kind, far from and not joined to the earlier one, adds no one.
 */
function restates(body: string, found: readonly Casualty[], kind: CasualtyKind, range: Range, at: number): boolean {
  return found.some((c) => {
    if (c.kind !== kind || c.range.min !== range.min || c.range.max !== range.max) return false;
    const between = body.slice(c.at, at);
    return between.length > RESTATEMENT_GAP_CHARS && !JOINED_BEFORE.test(between);
  });
}

const kindOfGroups = (m: RegExpMatchArray, first: number): CasualtyKind => (m[first] ? 'killed' : m[first + 1] ? 'injured' : 'hit');

/** `text` is the sentence's text, starting at `sentence.start`. */
function singularCasualties(text: string, sentence: Span): Casualty[] {
  const found: Casualty[] = [];
  const one = { min: 1, max: 1 };
  for (const m of text.matchAll(SINGULAR_VICTIM)) {
    const verb = m[1]!.toLowerCase();
    const kind: CasualtyKind = FATAL_VERB.test(verb) ? 'killed' : verb === 'shot' ? 'hit' : 'injured';
    found.push({ kind, range: one, at: sentence.start + m.index, revision: false });
  }
  const lower = text.toLowerCase();
  if (mayMatch(lower, SINGULAR_DEATH_REQUIRES)) {
    for (const m of text.matchAll(SINGULAR_DEATH)) found.push({ kind: 'killed', range: one, at: sentence.start + m.index, revision: false });
  }
  for (const { pattern, kind, requires } of SINGULAR_BY_NOUN) {
    if (!mayMatch(lower, requires)) continue;
    const m = pattern.exec(text);
    if (m) found.push({ kind, range: one, at: sentence.start + m.index, revision: false });
  }
  const died = mayMatch(lower, SUBJECT_DIED_REQUIRES) ? SUBJECT_DIED.exec(text) : null;
  if (died) found.push({ kind: 'killed', range: one, at: sentence.start + died.index, revision: false });
  const reduced = mayMatch(lower, REDUCED_RELATIVE_REQUIRES) ? REDUCED_RELATIVE.exec(text) : null;
  if (reduced) found.push({ kind: kindOfGroups(reduced, 1), range: one, at: sentence.start + reduced.index, revision: false });
  const recovering = mayMatch(lower, VICTIM_RECOVERING_REQUIRES) ? VICTIM_RECOVERING.exec(text) : null;
  if (recovering) found.push({ kind: 'injured', range: one, at: sentence.start + recovering.index, revision: false });
  found.sort((a, b) => a.at - b.at);
  // Two victims at once come first: "a man and a woman were killed" is one figure of 2, not 1.
  const pairs: Casualty[] = [];
  for (const { pattern, requires } of PAIR_RULES) {
    if (!mayMatch(lower, requires) || (pattern === VICTIM_PAIR && !lower.includes(' and '))) continue;
    for (const m of text.matchAll(pattern)) pairs.push({ kind: kindOfGroups(m, 1), range: { min: 2, max: 2 }, at: sentence.start + m.index, revision: false });
  }
  const all = [...pairs, ...found];
  // One singular victim per sentence, but a death and an injury are two ("left a man dead and a woman injured").
  return [all.find((c) => c.kind === 'killed'), all.find((c) => c.kind !== 'killed')].filter((c) => c !== undefined);
}

function activeSingular(text: string, sentence: Span, numbered: readonly Casualty[]): Casualty[] {
  const found: Casualty[] = [];
  // "shot her daughter" is read by both patterns ("shot her", "shot her daughter"): one victim.
  const verbs = new Set<number>();
  for (const pattern of [ACTIVE_SINGULAR, ACTIVE_OWN_VICTIM]) {
    for (const m of text.matchAll(pattern)) {
      const at = sentence.start + m.index + m[0].length;
      // The numbers layer may already hold "one" as a figure.
      if (verbs.has(m.index) || numbered.some((c) => c.at >= sentence.start + m.index && c.at <= at)) continue;
      verbs.add(m.index);
      const kind: CasualtyKind = m[1] ? 'killed' : /^shoot|^shot\b/i.test(m[2]!) ? 'hit' : 'injured';
      // "injured a man and a teenager": two victims of the one verb.
      const victims = pattern === ACTIVE_SINGULAR && ACTIVE_PAIR_AFTER.test(text.slice(m.index + m[0].length)) ? 2 : 1;
      found.push({ kind, range: { min: victims, max: victims }, at, revision: false });
      // "shot himself and died": the one shot is the one who died (so none of those shot survived).
      if (kind === 'hit' && outcomeOfHit(text.slice(m.index + m[0].length)) === 'killed') found.push({ kind: 'killed', range: { min: 1, max: 1 }, at, revision: false });
    }
  }
  return found;
}

function anotherVictims(text: string, sentence: Span): Casualty[] {
  if (!text.includes('another') && !/ a (?:second|third|fourth|fifth|sixth) /.test(text)) return [];
  return [...text.matchAll(ANOTHER_VICTIM)].map((m) => ({ kind: kindOfGroups(m, 1), range: { min: 1, max: 1 }, at: sentence.start + m.index, revision: false }));
}

function partOfThemDied(text: string, sentence: Span): Casualty[] {
  const m = text.includes(' of ') && /died|succumbed/i.test(text) ? PART_OF_THEM_DIED.exec(text) : null;
  return m ? [{ kind: 'killed', range: exactly(NUMBER_WORDS.get(m[1]!.toLowerCase())!), at: sentence.start + m.index, revision: false }] : [];
}

/** The victims a "triple shooting" counts, unless the sentence has a figure of that kind already. */
function multipleVictims(text: string, sentence: Span, counted: readonly Casualty[]): Casualty | null {
  const m = MULTIPLE_VICTIMS.exec(text);
  if (!m) return null;
  const kind: CasualtyKind = m[2] ? 'killed' : 'hit';
  if (counted.some((c) => (kind === 'killed' ? c.kind === 'killed' : c.kind !== 'killed'))) return null;
  const count = MULTIPLES.get(m[1]!.toLowerCase())!;
  return { kind, range: { min: count, max: count }, at: sentence.start + m.index, revision: false };
}

function revisions(text: string, sentence: Span): Casualty[] {
  if (!ORDINAL_SUFFIX.test(text)) return [];
  return [...text.matchAll(ORDINAL_REVISION)].map((m) => ({
    kind: 'killed' as const, range: { min: Number(m[1]), max: null }, at: sentence.start + m.index, revision: true,
  }));
}

/** Every cue above holds one of these: a sentence without any tells no casualties (a cheap test first). */
const ANY_CASUALTY_WORD = /kill|dead|die|death|fatal|wound|injur|hurt|hospital|condition|shot|shoot|slain|murder|stab|beat|behead|execut|assassin|lynch|massacr|slaughter|bod(?:y|ies)|corpse|casualt|perish|lifeless|lives|surviv|succumb|homicide|gunfire|bullet|critical|treated|recovering|fighting for|tortur|gunned|passed away|to death/i;

export function sentenceCasualties(body: string, sentence: Span, numbers: readonly NumberMention[]): Casualty[] {
  const text = body.slice(sentence.start, sentence.end);
  if (!ANY_CASUALTY_WORD.test(text)) return [];
  const numbered = numberCasualties(body, sentence, numbers);
  const active = activeSingular(text, sentence, numbered);
  // A sentence with a figure of its own names no single victim of that kind besides; but "a man was
  // killed and three others were wounded" has one of each.
  const counted = [...numbered, ...active, ...anotherVictims(text, sentence), ...partOfThemDied(text, sentence)];
  const multiple = multipleVictims(text, sentence, counted);
  if (multiple) counted.push(multiple);
  const hasDeaths = counted.some((c) => c.kind === 'killed');
  const hasHurt = counted.some((c) => c.kind !== 'killed');
  const singular = hasDeaths && hasHurt ? [] : singularCasualties(text, sentence).filter((c) => (c.kind === 'killed' ? !hasDeaths : !hasHurt));
  return [...counted, ...singular, ...revisions(text, sentence)];
}

const add = (a: number | null, b: number | null): number | null => (a === null || b === null ? (a ?? b) : a + b);

/** Sums figures of one kind ("3 soldiers and 2 civilians were killed" → 5). */
export function sumRanges(ranges: readonly Range[]): Range {
  if (ranges.length === 0) return { min: null, max: null };
  const max = ranges.every((r) => r.max !== null) ? ranges.reduce((s, r) => s + r.max!, 0) : null;
  const min = ranges.reduce<number | null>((s, r) => add(s, r.min), null);
  return { min, max };
}

/**
 * Killed and injured of a set of figures: "shot" counts as injured unless also counted as killed
 * ("four people were shot, two fatally" → killed 2, injured 2). `shot` is the count of those shot
 * when the injured were derived from it, so that deaths told later can be taken out of it.
 */
export function tally(casualties: readonly Casualty[]): { killed: Range; injured: Range; shot: Range | null } {
  const of = (kind: CasualtyKind): Range => sumRanges(casualties.filter((c) => c.kind === kind && !c.revision).map((c) => c.range));
  let killed = of('killed');
  let injured = of('injured');
  const hit = of('hit');
  let shot: Range | null = null;
  // "Six people were shot; one died and another is in critical condition": the survivors of those
  // shot are the injured, of whom the one in critical condition is but a part.
  const hitSurvivors = survivors(hit, killed);
  const onlyPartOfSurvivors = injured.min !== null && hitSurvivors.min !== null && hitSurvivors.min > injured.min;
  if ((hit.min !== null || hit.max !== null) && ((injured.min === null && injured.max === null) || onlyPartOfSurvivors)) {
    injured = hitSurvivors;
    shot = hit;
  }
  const revision = casualties.filter((c) => c.revision).map((c) => c.range.min ?? 0);
  if (revision.length > 0) killed = { min: Math.max(killed.min ?? 0, ...revision), max: killed.max === null ? null : Math.max(killed.max, ...revision) };
  return { killed, injured, shot };
}

/** Those shot who did not die: the injured. */
export function survivors(shot: Range, killed: Range): Range {
  const minus = (a: number | null): number | null => (a === null ? null : Math.max(0, a - (killed.min ?? 0)));
  return { min: minus(shot.min), max: minus(shot.max) };
}

/**
 * A coder's tally note closing a report ("2 fatalities.", "Unknown fatalities coded as 10.",
 * "Fatalities split between 2 events."): the toll of the report's main event, or how it is shared
 * out among several events. `at` is where the note starts, so that its figures are not read twice.
 */
export interface TallyNote {
  at: number;
  total: number | null;
  /** The toll is split among this many events, this one getting `share` when stated, else an even part. */
  splitInto: number | null;
  share: number | null;
}

const NOTE_TOTAL = /(?:^|\[)\s*(\d+)\s+(?:reported\s+)?fatalit(?:y|ies)\b|\bfatalit\w*\s+(?:(?:are|were|was|is)\s+)?coded as\s+(\d+)/i;
const NOTE_SPLIT = /\b(?:split|spread)(?:\s+up)?\s+(?:evenly\s+)?(?:between|across|among|over)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:events|locations|incidents)\b(?:\s*\((\d+)\))?/i;
const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10]]);

export function tallyNote(text: string, sentence: Span): TallyNote | null {
  if (!/fatalit/i.test(text)) return null;
  const total = NOTE_TOTAL.exec(text);
  const split = NOTE_SPLIT.exec(text);
  if (!total && !split) return null;
  const into = split ? (SMALL_NUMBERS.get(split[1]!.toLowerCase()) ?? Number(split[1])) : null;
  return {
    at: sentence.start + Math.min(total?.index ?? Infinity, split ? Math.max(0, text.lastIndexOf('.', split.index) + 1) : Infinity),
    total: total ? Number(total[1] ?? total[2]) : null,
    splitInto: into !== null && into > 1 ? into : null,
    share: split?.[2] ? Number(split[2]) : null,
  };
}
