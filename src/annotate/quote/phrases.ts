/**
 * Noun phrases around a cue, read from words alone (no tagger: the stage must stay cheap). A
 * subject is read backwards from the cue over auxiliaries and adverbs, then over the words of the
 * phrase until a boundary: punctuation, a function word or verb, or a determiner (which it keeps).
 * A phrase after a cue ("said the ministry", "according to officials") is read forwards the same way.
 */
import {
  BETWEEN_SUBJECT_AND_CUE,
  DETERMINERS,
  NOMINAL_HEADS,
  NOT_IN_SUBJECT,
  PERSONAL_PRONOUNS,
  STANDALONE_DETERMINERS,
  SUBJECT_PREPOSITIONS,
} from './lexicon.js';
import type { Word } from './words.js';

/** Word indices, `end` exclusive. */
export interface WordRange {
  start: number;
  end: number;
}

const MAX_PHRASE_WORDS = 12;
const TIME_WORDS: ReadonlySet<string> = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night ' +
    'week weekend month year january february march april june july august september october november december').split(' '),
);
const TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'earlier', 'later', 'last', 'this']);
/** Prepositions inside a phrase read forwards: "the head of the agency", not "Erdogan in Istanbul". */
const FORWARD_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for']);

const isAdverb = (w: Word): boolean => !w.capitalized && w.lower.length > 4 && w.lower.endsWith('ly');
/** A lower-case past form before a subject's head ends it ("POLITICO interviewed | analysts predicted"). */
const isPastVerb = (w: Word): boolean => !w.capitalized && w.lower.length > 4 && w.lower.endsWith('ed');
/** "don't", "hasn’t", "won't": negated auxiliaries. */
const isNegatedAuxiliary = (w: Word): boolean => /n['’]t$/.test(w.lower);

/** Skips auxiliaries and adverbs leftwards from `index`; returns the first index that is not one. */
export function skipAuxiliariesBefore(words: readonly Word[], index: number, lowest: number): number {
  let j = index;
  while (j >= lowest && words[j]!.isWord && (BETWEEN_SUBJECT_AND_CUE.has(words[j]!.lower) || isAdverb(words[j]!) || isNegatedAuxiliary(words[j]!))) j--;
  return j;
}

/** True when the word before a preposition can head a subject ("the head of", "Officials in"). */
function headBefore(words: readonly Word[], preposition: number): boolean {
  const before = words[preposition - 1];
  if (before === undefined || !before.isWord) return false;
  // "6 in 10 voters": a ratio is the head of a poll's subject.
  if (/^\d+$/.test(before.text) && words[preposition]!.lower === 'in') return true;
  return before.capitalized || NOMINAL_HEADS.has(before.lower);
}

/** A function word, unless it is capitalized inside the sentence (a name such as "May"). */
function isFunctionWord(words: readonly Word[], k: number, sentenceStart: number): boolean {
  const w = words[k]!;
  if (!NOT_IN_SUBJECT.has(w.lower)) return false;
  return !w.capitalized || k === sentenceStart;
}

/** Index of the "(" that opens the parenthesis closed at `close`, or -1. */
function openingParenthesis(words: readonly Word[], close: number, lowest: number): number {
  for (let k = close - 1; k >= lowest && close - k < 12; k--) if (words[k]!.text === '(') return k;
  return -1;
}

/** The noun phrase that ends at `last` (inclusive), read backwards; null when there is none. */
export function phraseEndingAt(words: readonly Word[], last: number, lowest: number): WordRange | null {
  let start = last + 1;
  let contentWords = 0;
  for (let k = last; k >= lowest && last - k < MAX_PHRASE_WORDS; k--) {
    const w = words[k]!;
    if (w.text === ')' && contentWords === 0) {
      const open = openingParenthesis(words, k, lowest);
      if (open <= lowest) break;
      k = open;
      continue;
    }
    if (!w.isWord) break;
    if (PERSONAL_PRONOUNS.has(w.lower)) {
      if (contentWords === 0) return { start: k, end: last + 1 };
      break;
    }
    if (DETERMINERS.has(w.lower)) {
      if (contentWords === 0) {
        if (!STANDALONE_DETERMINERS.has(w.lower)) break;
        // "Some say", "One in three said": the determiner is the whole head.
        start = k;
        contentWords++;
        continue;
      }
      start = k;
      // "a spokesman for the port": go on over the preposition to the head before it.
      const preposition = words[k - 1];
      if (k - 1 > lowest && preposition && SUBJECT_PREPOSITIONS.has(preposition.lower) && headBefore(words, k - 1)) continue;
      break;
    }
    if (w.lower === 'and' && contentWords > 0 && words[k - 1]?.capitalized && words[k + 1]?.capitalized) {
      continue;
    }
    if (SUBJECT_PREPOSITIONS.has(w.lower) && contentWords > 0 && k > lowest) {
      if (headBefore(words, k)) continue;
      break;
    }
    if (isFunctionWord(words, k, lowest) || isPastVerb(w)) break;
    start = k;
    contentWords++;
  }
  if (contentWords === 0) return null;
  return { start, end: last + 1 };
}

/**
 * The subject of the cue at `cue`: the phrase before it, over auxiliaries and adverbs; for
 * "John Smith, a spokesman for the agency, said" the name and its apposition together.
 */
export function subjectBefore(words: readonly Word[], cue: number, lowest: number): WordRange | null {
  let last = skipAuxiliariesBefore(words, cue - 1, lowest);
  if (last < lowest) return null;
  if (words[last]!.text === ',') return appositiveSubject(words, last, lowest);
  // "Vask, who calls the plan a “fraud,” said": a comma inside the closing quotation mark ends the apposition.
  if (CLOSING_QUOTES.has(words[last]!.text) && words[last - 1]?.text === ',' && last - 1 > lowest) return appositiveSubject(words, last - 1, lowest);
  if (DASHES.has(words[last]!.text)) return dashedSubject(words, last, lowest);
  const phrase = phraseEndingAt(words, last, lowest);
  const beyond = phrase ? adverbialBefore(words, phrase, lowest) : null;
  if (beyond !== null) return phraseEndingAt(words, beyond, lowest);
  if (!phrase) return phrase;
  const timeStart = trailingTimeStart(words, phrase);
  if (timeStart === phrase.end) return phrase;
  // "A poll last month showed …", "Olen Wednesday said …": the time words end the phrase, the subject is before them.
  if (timeStart > phrase.start) return phraseEndingAt(words, timeStart - 1, phrase.start);
  // "Sanders on Wednesday morning called …": the time phrase stands between the subject and its cue.
  last = phrase.start - 1;
  if (last >= lowest && TIME_PREPOSITIONS.has(words[last]!.lower)) last--;
  // "A report published Monday said …": a participle before the time phrase qualifies the subject.
  if (last > lowest && isPastVerb(words[last]!)) last--;
  last = skipAuxiliariesBefore(words, last, lowest);
  if (last < lowest || !words[last]!.isWord) return null;
  return phraseEndingAt(words, last, lowest);
}

const DASHES: ReadonlySet<string> = new Set(['—', '–']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '"', '»']);
const ADVERBIAL_PREPOSITIONS: ReadonlySet<string> = new Set('in at on to from with during for by'.split(' '));

/**
 * "Olen has in the past said", "who in particular noted": a phrase after a preposition that
 * follows an auxiliary or a relative pronoun is an adverbial; returns the index where the subject
 * ends before it, else null.
 */
function adverbialBefore(words: readonly Word[], phrase: WordRange, lowest: number): number | null {
  const preposition = phrase.start - 1;
  if (preposition <= lowest || !ADVERBIAL_PREPOSITIONS.has(words[preposition]!.lower)) return null;
  const before = skipAuxiliariesBefore(words, preposition - 1, lowest);
  if (before < lowest || !words[before]!.isWord) return null;
  const skipped = before < preposition - 1;
  return skipped || RELATIVE_OPENERS.has(words[before]!.lower) ? before : null;
}

/** "Ana Vask — a teacher from Elm Grove — said": the name before a dashed apposition, with it. */
function dashedSubject(words: readonly Word[], dash: number, lowest: number): WordRange | null {
  for (let k = dash - 1; k > lowest && dash - k < APPOSITION_REACH; k--) {
    if (!DASHES.has(words[k]!.text)) continue;
    const name = phraseEndingAt(words, k - 1, lowest);
    return name ? { start: name.start, end: dash } : null;
  }
  return null;
}

/** Where the time words that end a phrase start ("last month", "Wednesday morning"); the phrase's end when none do. */
function trailingTimeStart(words: readonly Word[], phrase: WordRange): number {
  let k = phrase.end;
  while (k > phrase.start && TIME_WORDS.has(words[k - 1]!.lower)) k--;
  if (k === phrase.end) return k;
  while (k > phrase.start && TIME_PREPOSITIONS.has(words[k - 1]!.lower)) k--;
  return k;
}

const RELATIVE_OPENERS: ReadonlySet<string> = new Set(['who', 'which', 'whose']);
const MAX_APPOSITIONS = 3;
/** How far back, in words, the commas of an apposition may lie. */
const APPOSITION_REACH = 40;

/**
 * A subject interrupted by commas: "John Smith, a spokesman for the agency, said", "Her rival,
 * Sen. Bernie Sanders, said", "Marley Anderson, 21, a student, said" (all the parts), and
 * "Sanders, who has sent pleas, said" (the name before the relative clause).
 */
function appositiveSubject(words: readonly Word[], comma: number, lowest: number): WordRange | null {
  let boundary = comma;
  for (let part = 0; part < MAX_APPOSITIONS; part++) {
    const previous = commaBefore(words, boundary - 1, Math.max(lowest, comma - APPOSITION_REACH));
    if (previous === null) break;
    const name = phraseEndingAt(words, previous - 1, lowest);
    const opensClause = name !== null && (name.start === lowest || !words[name.start - 1]!.isWord || leadsClause(words, name.start - 1, lowest));
    if (name && opensClause && words.slice(name.start, comma).some((w) => w.capitalized)) {
      return RELATIVE_OPENERS.has(words[previous + 1]?.lower ?? '') ? name : { start: name.start, end: comma };
    }
    boundary = previous;
  }
  return nameBetweenCommas(words, comma, lowest);
}

/** "A lawyer for the family, Ana Vask, said": a capitalized name set off by commas just before the cue is its speaker. */
function nameBetweenCommas(words: readonly Word[], comma: number, lowest: number): WordRange | null {
  const previous = commaBefore(words, comma - 1, Math.max(lowest, comma - APPOSITION_REACH));
  if (previous === null) return null;
  const name = phraseEndingAt(words, comma - 1, previous + 1);
  if (!name || name.start !== previous + 1) return null;
  for (let k = name.start; k < name.end; k++) if (!words[k]!.capitalized) return null;
  return name;
}

/** "Even China, its only ally, said": a function word alone at the start of the clause leads the name. */
function leadsClause(words: readonly Word[], k: number, lowest: number): boolean {
  return (k === lowest || !words[k - 1]!.isWord) && NOT_IN_SUBJECT.has(words[k]!.lower);
}

function commaBefore(words: readonly Word[], from: number, lowest: number): number | null {
  for (let k = from; k > lowest; k--) if (words[k]!.text === ',') return k;
  return null;
}

/** How many lower-case words a title before a name may have ("GOP strategist", "top foreign policy aide"). */
const MAX_TITLE_WORDS = 4;

/** "Ohio delegate Ana Vask": lower-case words that lead, before any mark, to a capitalized name. */
function titleBeforeName(words: readonly Word[], from: number, highest: number): boolean {
  for (let k = from; k < highest && k - from <= MAX_TITLE_WORDS; k++) {
    const w = words[k]!;
    if (!w.isWord || NOT_IN_SUBJECT.has(w.lower) || DETERMINERS.has(w.lower)) return false;
    if (w.capitalized) return true;
  }
  return false;
}

/** The noun phrase that starts at `first`, read forwards; null when there is none. */
export function phraseStartingAt(words: readonly Word[], first: number, highest: number): WordRange | null {
  if (first >= highest) return null;
  const w = words[first]!;
  if (!w.isWord) return null;
  if (PERSONAL_PRONOUNS.has(w.lower)) return { start: first, end: first + 1 };
  let end = first;
  let contentWords = 0;
  for (let k = first; k < highest && k - first < MAX_PHRASE_WORDS; k++) {
    const word = words[k]!;
    if (word.text === '(') {
      const close = words.findIndex((x, i) => i > k && i < highest && x.text === ')');
      if (close < 0 || contentWords === 0) break;
      k = close;
      end = close + 1;
      continue;
    }
    if (!word.isWord) break;
    // "told reporters he would …": a pronoun opens the next clause.
    if (k > first && PERSONAL_PRONOUNS.has(word.lower)) break;
    if (DETERMINERS.has(word.lower)) {
      // A determiner opens a phrase; after the first word it opens the next one ("told reporters the talks …"),
      // unless a preposition of the phrase stands before it ("the head of the agency").
      if (k > first && !FORWARD_PREPOSITIONS.has(words[k - 1]!.lower)) break;
      end = k + 1;
      // "some of the miners", "one of his aides": a determiner that stands alone heads the phrase.
      if (STANDALONE_DETERMINERS.has(word.lower) && words[k + 1]?.lower === 'of') contentWords++;
      continue;
    }
    if (FORWARD_PREPOSITIONS.has(word.lower) && contentWords > 0) {
      const next = words[k + 1];
      if (next?.isWord && (next.capitalized || DETERMINERS.has(next.lower))) continue;
      break;
    }
    if (word.lower === 'and' && contentWords > 0 && words[k + 1]?.capitalized && words[k - 1]?.capitalized) continue;
    if (isFunctionWord(words, k, -1) || (contentWords > 0 && isAdverb(word))) break;
    if (k > first && !word.capitalized && words[k - 1]!.capitalized && !DETERMINERS.has(words[k - 1]!.lower)) {
      // A lower-case word after a name ends the phrase ("said Erdogan yesterday"), except a head
      // such as "spokesman" ("said Pentagon spokesman …" is handled by the capital run).
      if (!NOMINAL_HEADS.has(word.lower) && !titleBeforeName(words, k, highest)) break;
    }
    end = k + 1;
    contentWords++;
  }
  if (contentWords === 0) return null;
  return { start: first, end };
}
