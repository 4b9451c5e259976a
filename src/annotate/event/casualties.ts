/**
 * Killed / injured figures of a sentence, from the numbers layer (hedges kept: "at least 33" →
 * min 33) and from singular victims without a number ("a man was shot and killed" → 1).
 * A number is a casualty figure when a casualty word follows it in its clause ("33 soldiers were
 * killed", "50 wounded") or an active casualty verb directly precedes it ("killed 26 soldiers").
 */
import type { NumberMention, Range, Span } from '../../document.js';

export type CasualtyKind = 'killed' | 'injured' | 'hit';

export interface Casualty {
  kind: CasualtyKind;
  range: Range;
  /** Offset of the figure, to attach it to the nearest event of the sentence. */
  at: number;
  /** "A 34th soldier later died": replaces the event's lower bound instead of adding to it. */
  revision: boolean;
}

interface CueRule {
  pattern: RegExp;
  kind: CasualtyKind;
}

/** Casualty words after the figure, in their clause (passive or nominal forms). */
const AFTER_CUES: readonly CueRule[] = [
  { pattern: /\b(?:shot (?:to death|dead|and killed)|killed|dead|died|deaths?|fatalities|lost their lives|perished|bodies|fatally|lifeless|murdered|slain|shot dead|casualties)\b/i, kind: 'killed' },
  { pattern: /\b(?:wounded|injured|hurt|injuries|hospitali[sz]ed|wounds|in (?:critical|serious|stable|grave|fair) condition|treated for)\b/i, kind: 'injured' },
  { pattern: /\b(?:shot|struck by (?:gunfire|bullets))\b/i, kind: 'hit' },
];

/** Active verbs and nouns right before the figure ("killing 26", "death toll rose to 12"). */
const BEFORE_CUES: readonly CueRule[] = [
  { pattern: /\b(?:kill(?:ed|ing|s)?|claimed the lives of|death toll (?:\w+ ){0,3}(?:to|of|at)|left|leaving)\s+(?:a total of\s+|some\s+|about\s+)?$/i, kind: 'killed' },
  { pattern: /\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hurt(?:ing)?)\s+(?:a total of\s+|some\s+|about\s+)?$/i, kind: 'injured' },
  { pattern: /\b(?:shoot(?:ing|s)?|shot)\s+$/i, kind: 'hit' },
];

/** The figure is part of another figure's description ("including 2 children"). */
const SUBSET_BEFORE = /\b(?:including|among them|among whom|of whom|of them|of which)\s+$/i;
/** "leaving 3 dead" / "left 3 injured": the cue after the figure decides, not "left". */
const CLAUSE_END = /[;:!?]|\.\s|\band\s+(?=\S*\s*(?:others?|more)\b)/;
const RIGHT_WINDOW = 90;

const SINGULAR_VICTIM = /\b(?:was|has been|had been|is|got)\s+(?:(?:\w+ly|also|then|later)\s+)?(fatally (?:shot|wounded|stabbed)|shot and (?:later )?died|shot and killed|shot dead|shot to death|stabbed to death|beaten to death|found dead|pronounced dead|killed|murdered|shot|wounded|injured|hurt|stabbed|hospitali[sz]ed)\b/gi;
/** "shot dead a pastor", "killing an officer", "injuring a child": one victim, active voice. */
const ACTIVE_SINGULAR = /\b(?:(kill(?:ed|ing|s)|shot dead|shot and killed|shot to death|assassinat(?:ed|ing)|murder(?:ed|ing)|execut(?:ed|ing)|behead(?:ed|ing)|stabbed to death|beat to death|lynched)|(injur(?:ed|ing)|wound(?:ed|ing)|shot|stabbed))\s+(?:a|an|one|another)\b\s*(?!number\b|total\b|unknown\b|few\b|lot\b|dozen\b)/gi;
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
  { pattern: /\b(?:fatal (?:shooting|stabbing)|shooting death|(?:murder|killing|slaying|death) of (?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|teen|teenager|child|toddler|student|father|mother|son|daughter|brother|sister|nephew|niece|friend|officer|person|victim|husband|wife))\b/i, kind: 'killed', requires: null },
  { pattern: /\b(?:left|leaving)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:dead)\b/i, kind: 'killed', requires: ['left', 'leaving'] },
  { pattern: /\b(?:left|leaving)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:injured|wounded|hurt|hospitali[sz]ed)\b/i, kind: 'injured', requires: ['left', 'leaving'] },
  { pattern: /\b(?:kill(?:ed|ing)|shot and killed|shot dead|murdered)\s+(?:a\s+)?\d+-year-old\b/i, kind: 'killed', requires: ['-year-old'] },
  { pattern: /\b(?:a|an)\s+[\w-]+-year-old(?:\s+[\w-]+){0,3}?\s+(?:has\s+|had\s+|later\s+)?(?:died|is dead|was dead|was found dead|succumbed)\b/i, kind: 'killed', requires: ['-year-old'] },
  { pattern: /\b(?:a|an)\s+[\w-]+-year-old(?:\s+[\w-]+){0,3}?\s+(?:is|was)\s+(?:recovering|in (?:critical|serious|stable|fair|good) condition|hospitali[sz]ed|rushed to (?:the|a) hospital)\b/i, kind: 'injured', requires: ['-year-old'] },
  { pattern: /\bsuffered (?:a |an )?(?:[\w-]+ )?(?:gunshot|stab) wounds?\b/i, kind: 'injured', requires: ['suffered'] },
];
const SINGULAR_DEATH = /\b(?:he|she|the (?:man|woman|victim|boy|girl|teen|teenager|child|driver|officer|soldier))\s+(?:later\s+|also\s+)?(?:died|succumbed)\b/gi;
const SINGULAR_DEATH_REQUIRES: readonly string[] = ['died', 'succumbed'];
const FATAL_VERB = /dead|death|killed|murdered|fatally/;
const ORDINAL_SUFFIX = /\d(?:st|nd|rd|th)\b/;
const ORDINAL_REVISION = /\b(?:a|the)\s+(\d+)(?:st|nd|rd|th)\s+[\p{L}-]+\s+(?:\w+\s+){0,2}?(?:died|succumbed|was killed)\b/giu;

/**
 * False when the sentence (in lower case) holds none of the words a rule requires, so its pattern
 * cannot match: the patterns ignore case only for ASCII letters, which lower-casing maps alike.
 */
const mayMatch = (lower: string, requires: readonly string[] | null): boolean => requires === null || requires.some((word) => lower.includes(word));

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
const FATAL_AFTER = /^\s*(?:\(\w+\)\s*)?(?:were|was|have been|had been|are)?\s*(?:\w+\s+)?(?:fatally|dead)\b/i;
const LEFT_BEFORE = /\b(?:left|leaving)\s+$/i;

function kindOf(before: string, after: string): CasualtyKind | null {
  if (SUBSET_BEFORE.test(before)) return null;
  const leading = BEFORE_CUES.find((rule) => rule.pattern.test(before));
  if (leading && !LEFT_BEFORE.test(before.slice(-12))) return leading.kind === 'hit' && FATAL_AFTER.test(after) ? 'killed' : leading.kind;
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
  return first?.kind ?? null;
}

/** "12 militants and 3 soldiers were killed": a figure joined by "and" to the next shares its kind. */
const COORDINATED = /^\s+[\p{L}' -]{0,40}?\band\s+$/u;

function numberCasualties(body: string, sentence: Span, numbers: readonly NumberMention[]): Casualty[] {
  const inSentence = numbers.filter((n) => n.kind === 'count' && n.start >= sentence.start && n.end <= sentence.end);
  const kinds = inSentence.map((n, i) => {
    const next = inSentence[i + 1]?.start ?? sentence.end;
    const previous = inSentence[i - 1]?.end ?? sentence.start;
    const before = body.slice(Math.max(previous, n.start - 40), n.start);
    return kindOf(before, clauseAfter(body, n, next));
  });
  for (let i = inSentence.length - 2; i >= 0; i--) {
    if (kinds[i] === null && kinds[i + 1] !== null && COORDINATED.test(body.slice(inSentence[i]!.end, inSentence[i + 1]!.start))) kinds[i] = kinds[i + 1]!;
  }
  const found: Casualty[] = [];
  inSentence.forEach((n, i) => {
    const kind = kinds[i];
    if (kind) found.push({ kind, range: rangeOf(n), at: n.start, revision: false });
  });
  return found;
}

/** `text` is the sentence's text, starting at `sentence.start`. */
function singularCasualties(text: string, sentence: Span): Casualty[] {
  const found: Casualty[] = [];
  for (const m of text.matchAll(SINGULAR_VICTIM)) {
    const verb = m[1]!.toLowerCase();
    const kind: CasualtyKind = FATAL_VERB.test(verb) ? 'killed' : verb === 'shot' ? 'hit' : 'injured';
    found.push({ kind, range: { min: 1, max: 1 }, at: sentence.start + m.index, revision: false });
  }
  const lower = text.toLowerCase();
  if (mayMatch(lower, SINGULAR_DEATH_REQUIRES)) {
    for (const m of text.matchAll(SINGULAR_DEATH)) found.push({ kind: 'killed', range: { min: 1, max: 1 }, at: sentence.start + m.index, revision: false });
  }
  for (const { pattern, kind, requires } of SINGULAR_BY_NOUN) {
    if (!mayMatch(lower, requires)) continue;
    const m = pattern.exec(text);
    if (m) found.push({ kind, range: { min: 1, max: 1 }, at: sentence.start + m.index, revision: false });
  }
  found.sort((a, b) => a.at - b.at);
  // One singular victim per sentence, but a death and an injury are two ("left a man dead and a woman injured").
  return [found.find((c) => c.kind === 'killed'), found.find((c) => c.kind !== 'killed')].filter((c) => c !== undefined);
}

function activeSingular(text: string, sentence: Span, numbered: readonly Casualty[]): Casualty[] {
  const found: Casualty[] = [];
  for (const m of text.matchAll(ACTIVE_SINGULAR)) {
    const at = sentence.start + m.index + m[0].length;
    // The numbers layer may already hold "one" as a figure.
    if (numbered.some((c) => c.at >= sentence.start + m.index && c.at <= at)) continue;
    found.push({ kind: m[1] ? 'killed' : 'injured', range: { min: 1, max: 1 }, at, revision: false });
  }
  return found;
}

function revisions(text: string, sentence: Span): Casualty[] {
  if (!ORDINAL_SUFFIX.test(text)) return [];
  return [...text.matchAll(ORDINAL_REVISION)].map((m) => ({
    kind: 'killed' as const, range: { min: Number(m[1]), max: null }, at: sentence.start + m.index, revision: true,
  }));
}

export function sentenceCasualties(body: string, sentence: Span, numbers: readonly NumberMention[]): Casualty[] {
  const text = body.slice(sentence.start, sentence.end);
  const numbered = numberCasualties(body, sentence, numbers);
  const active = activeSingular(text, sentence, numbered);
  // A sentence with a figure of its own names no single victim besides.
  const singular = numbered.length === 0 && active.length === 0 ? singularCasualties(text, sentence) : [];
  return [...numbered, ...active, ...singular, ...revisions(text, sentence)];
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
 * ("four people were shot, two fatally" → killed 2, injured 2).
 */
export function tally(casualties: readonly Casualty[]): { killed: Range; injured: Range } {
  const of = (kind: CasualtyKind): Range => sumRanges(casualties.filter((c) => c.kind === kind && !c.revision).map((c) => c.range));
  let killed = of('killed');
  let injured = of('injured');
  const hit = of('hit');
  if (hit.min !== null || hit.max !== null) {
    const minus = (a: number | null): number | null => (a === null ? null : Math.max(0, a - (killed.min ?? 0)));
    if (injured.min === null && injured.max === null) injured = { min: minus(hit.min), max: minus(hit.max) };
  }
  const revision = casualties.filter((c) => c.revision).map((c) => c.range.min ?? 0);
  if (revision.length > 0) killed = { min: Math.max(killed.min ?? 0, ...revision), max: killed.max === null ? null : Math.max(killed.max, ...revision) };
  return { killed, injured };
}
