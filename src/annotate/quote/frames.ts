/**
 * Attributions inside one stretch of text (a sentence, or sentences joined by a quotation that
 * runs across them). Direct quotes bind to a cue right after them ("…,” Erdogan said) or right
 * before them (Erdogan said: “…”); cues that no quote took read as indirect speech, by frame:
 * - speech / tell: "X said (that) C", "C, X said", "C, said X", "C, X said, C";
 * - according: "according to X, C" / "C, according to X";
 * - participle: "Noting C, X said …" (X from the main clause), "…, saying C" (X = the subject);
 * - quoting: only next to a quotation ("Cruz continued: “…”");
 * - stance: "X endorsed C" (C up to the end of its clause, one word is enough);
 * - seeming: "C seemed to …", "C is expected to …" (no source; the subject is part of C).
 * A content that runs to the end of the sentence stops where a second attribution starts
 * ("Some said C1, while others said C2"); passive forms ("was accused of") are not cues.
 */
import type { Span } from '../../document.js';
import {
  ADJUNCT_OPENERS,
  ASKING_CUES,
  BE_FORMS,
  CUES_BY_FIRST_WORD,
  DETERMINERS,
  NOT_A_SPEAKER_AFTER_CUE,
  NOT_IN_SUBJECT,
  PERSONAL_PRONOUNS,
  type CueEntry,
} from './lexicon.js';
import type { QuotedSpan } from './marks.js';
import { phraseEndingAt, phraseStartingAt, skipAuxiliariesBefore, subjectBefore, type WordRange } from './phrases.js';
import type { Word } from './words.js';

export interface Candidate {
  /** One piece, or two for a quote split by its attribution. */
  contents: Span[];
  cue: Span | null;
  speaker: Span | null;
  direct: boolean;
  /** 'according' attributions yield to the attributions they contain. */
  outer: boolean;
}

export interface CueMatch {
  index: number;
  /** Index after the cue's last word. */
  end: number;
  entry: CueEntry;
}

const MIN_CONTENT_WORDS = 2;
const PREPOSITIONAL_ADJUNCTS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'early', 'late']);
const SHORT_TAIL_WORDS = 2;
/** How many words may stand between a quote and the cue that introduces or follows it. */
const QUOTE_CUE_REACH = 20;
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** Words that may follow an inverted speaker ("…,” said an adviser to the mayor, who …"). */
const AFTER_INVERTED_SPEAKER: ReadonlySet<string> = new Set(['to', 'with', 'from', 'who', 'whose']);
/** Words before a past participle that make it passive. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'get', 'got', 'gets', 'getting']);
/** Words that link a new clause rather than open a cue's content ("…, the agency said as fighting went on"). */
const CLAUSE_LINKS = new Set(['as', 'while', 'when', 'after', 'before', 'because', 'since', 'but', 'and', 'amid', 'although', 'though', 'whereas', 'until', 'if', 'or']);
const POSSESSIVE = /['’]s$/i;
/** Words that join a second verb to the subject of the first ("… and said"). */
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but']);
/** Punctuation trimmed off the end of a content. */
const TRAILING_PUNCTUATION: ReadonlySet<string> = new Set([...'.,;:—–-']);
/** Marks after which a word opens a sentence or clause. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([...'.:;!?“"\'(—–-']);
const CONTRACTED_PRONOUN = /^(?:he|she|it|that|who|what|there)['’]s$/i;

export class Stretch {
  readonly cues: CueMatch[];
  private readonly cueAt = new Map<number, CueMatch>();

  constructor(
    readonly body: string,
    readonly words: readonly Word[],
    readonly span: Span,
  ) {
    this.cues = findCues(words, isTitleCase(words));
    for (const cue of this.cues) this.cueAt.set(cue.index, cue);
  }

  /** First word index at or after an offset. */
  wordAtOrAfter(offset: number): number {
    let i = 0;
    while (i < this.words.length && this.words[i]!.start < offset) i++;
    return i;
  }

  /** Last word index that ends at or before an offset. */
  wordBefore(offset: number): number {
    let i = this.words.length - 1;
    while (i >= 0 && this.words[i]!.end > offset) i--;
    return i;
  }

  charSpan(range: WordRange): Span {
    return { start: this.words[range.start]!.start, end: this.words[range.end - 1]!.end };
  }

  cueSpan(cue: CueMatch): Span {
    return { start: this.words[cue.index]!.start, end: this.words[cue.end - 1]!.end };
  }

  /** The speaker of a speech cue: its subject, else the phrase after it ("…, said the ministry"). */
  speakerOf(cue: CueMatch, lowest: number): WordRange | null {
    if (cue.entry.frame === 'according') return phraseStartingAt(this.words, cue.end, this.words.length);
    if (cue.entry.frame === 'participle') return this.clauseSubject(cue.index);
    const subject = subjectBefore(this.words, cue.index, lowest);
    if (subject && isPossessiveOnly(this.words, subject)) return null;
    return subject ?? this.coordinatedSubject(cue) ?? this.invertedSubject(cue);
  }

  /** "Giles left the campaign and said …": a verb joined to an earlier one shares its subject. */
  coordinatedSubject(cue: CueMatch): WordRange | null {
    const link = skipAuxiliariesBefore(this.words, cue.index - 1, 0);
    if (link < 1 || !COORDINATORS.has(this.words[link]!.lower)) return null;
    return this.clauseSubject(link);
  }

  speakerAfter(cue: CueMatch): boolean {
    return this.invertedSubject(cue) !== null;
  }

  private invertedSubject(cue: CueMatch): WordRange | null {
    const next = this.words[cue.end];
    if (!next?.isWord || NOT_A_SPEAKER_AFTER_CUE.has(next.lower)) return null;
    const phrase = phraseStartingAt(this.words, cue.end, this.words.length);
    // "said he would" opens content; "said he" as an inverted subject is too rare to read so.
    if (!phrase || PERSONAL_PRONOUNS.has(next.lower)) return null;
    const after = this.words[phrase.end];
    const closes = !after || !after.isWord || ADJUNCT_OPENERS.has(after.lower) || AFTER_INVERTED_SPEAKER.has(after.lower);
    return closes ? phrase : null;
  }

  /** The subject of the clause a participle hangs on: an earlier cue's speaker, else the first phrase. */
  clauseSubject(before: number): WordRange | null {
    // The nearest earlier cue first: a stretch may hold several clauses.
    for (let c = this.cues.length - 1; c >= 0; c--) {
      const cue = this.cues[c]!;
      if (cue.index >= before || cue.entry.frame === 'participle') continue;
      const subject = subjectBefore(this.words, cue.index, 0);
      if (subject) return subject;
    }
    let first = 0;
    if (this.words[0] && NOT_IN_SUBJECT.has(this.words[0].lower)) {
      const comma = this.words.findIndex((w, i) => i < before && w.text === ',');
      if (comma < 0) return null;
      first = comma + 1;
    }
    return phraseStartingAt(this.words, first, before);
  }

  /** Where the clause that ends at `last` starts: after a colon or semicolon ("Agency: C, X said"), else the stretch start. */
  clauseStartBefore(last: number): number {
    for (let k = last; k >= 0; k--) if (this.words[k]!.text === ':' || this.words[k]!.text === ';') return k + 1;
    return 0;
  }

  cueAtIndex(index: number): CueMatch | undefined {
    return this.cueAt.get(index);
  }

  /** Trims a content span to its words (no surrounding spaces, commas or final period); null below `minWords` words. */
  content(from: number, to: number, minWords = MIN_CONTENT_WORDS): Span | null {
    let first = from;
    let last = to;
    while (first <= last && first < this.words.length && !this.words[first]!.isWord && !isOpeningMark(this.words[first]!.text)) first++;
    while (last >= first && last >= 0 && TRAILING_PUNCTUATION.has(this.words[last]!.text)) last--;
    let count = 0;
    for (let k = first; k <= last; k++) if (this.words[k]!.isWord) count++;
    if (count < minWords) return null;
    return { start: this.words[first]!.start, end: this.words[last]!.end };
  }
}

const isOpeningMark = (text: string): boolean => text === '“' || text === '"' || text === '«' || text === "'";

function isPossessiveOnly(words: readonly Word[], range: WordRange): boolean {
  const last = words[range.end - 1]!.text;
  return POSSESSIVE.test(last) && !CONTRACTED_PRONOUN.test(last);
}

function opensSentence(words: readonly Word[], i: number): boolean {
  const previous = words[i - 1];
  return previous === undefined || (!previous.isWord && SENTENCE_OPENERS.has(previous.text));
}

/** "was accused of", "echoed by", "got called to": a passive past form reports nobody's speech here. */
function isPassive(words: readonly Word[], i: number, entry: CueEntry): boolean {
  if (entry.frame === 'participle' || entry.frame === 'according' || entry.frame === 'seeming') return false;
  const next = words[i + entry.words.length]?.lower;
  if (next === 'by') return true;
  const before = words[i - 1]?.lower ?? '';
  return PASSIVE_AUXILIARIES.has(before) && entry.words[0] !== 'says';
}

/** Words of this length or more decide whether a line is in title case (short function words may stay lower-case). */
const TITLE_CASE_WORD_LENGTH = 4;
const MIN_TITLE_CASE_WORDS = 3;
const TITLE_CASE_SHARE = 0.8;

/** A headline in title case ("Senator Backs Farm Bill"): its capitalized verbs are still verbs. */
function isTitleCase(words: readonly Word[]): boolean {
  let long = 0;
  let capitalized = 0;
  for (const w of words) {
    if (!w.isWord || w.text.length < TITLE_CASE_WORD_LENGTH || !isLetter(w.text.charCodeAt(0))) continue;
    long++;
    if (w.capitalized) capitalized++;
  }
  return long >= MIN_TITLE_CASE_WORDS && capitalized >= TITLE_CASE_SHARE * long;
}

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;

function findCues(words: readonly Word[], titleCase: boolean): CueMatch[] {
  const cues: CueMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    // Cue words are words: a punctuation mark needs no look-up.
    const entries = words[i]!.isWord ? CUES_BY_FIRST_WORD.get(words[i]!.lower) : undefined;
    // A capitalized cue word inside a sentence is a name ("United States"); at its start it opens it ("According to").
    if (!entries || (words[i]!.capitalized && !titleCase && !opensSentence(words, i))) continue;
    const entry = entries.find((e) => e.words.every((w, k) => words[i + k]?.lower === w));
    if (!entry) continue;
    if (isPassive(words, i, entry)) continue;
    // "is predicting that …" reads like "predicted": the participle is the finite verb of its clause.
    const finite = entry.frame === 'participle' && BE_FORMS.has(words[i - 1]?.lower ?? '');
    cues.push({ index: i, end: i + entry.words.length, entry: finite ? { ...entry, frame: 'speech' } : entry });
    i += entry.words.length - 1;
  }
  return cues;
}

/** Participles, stances and seeming cues never introduce a quotation of their own. */
const bindsQuotes = (cue: CueMatch): boolean =>
  cue.entry.frame !== 'participle' && cue.entry.frame !== 'stance' && cue.entry.frame !== 'seeming';

/** Binds a quoted passage to a cue after or before it; the cue and its speaker, or null. */
export function cueOfQuote(stretch: Stretch, quote: QuotedSpan): { cue: CueMatch; speaker: WordRange | null } | null {
  return cueAfterQuote(stretch, quote) ?? cueBeforeQuote(stretch, quote);
}

function cueAfterQuote(stretch: Stretch, quote: QuotedSpan): { cue: CueMatch; speaker: WordRange | null } | null {
  const { words, body } = stretch;
  const first = stretch.wordAtOrAfter(quote.end);
  for (let c = first; c < words.length && c - first < QUOTE_CUE_REACH; c++) {
    if (words[c]!.text === '(') {
      while (c < words.length && words[c]!.text !== ')') c++;
      continue;
    }
    // Commas may stand inside the speaker ("…,” Ki Hong, 33, said), nothing else.
    if (!words[c]!.isWord && words[c]!.text !== ',') return null;
    const cue = stretch.cueAtIndex(c);
    if (!cue || !bindsQuotes(cue)) continue;
    // "“A.” He added, “B.”": a cue that introduces the next quote belongs to it, unless "A," runs on.
    if (!asksQuotedQuestion(stretch, cue, quote) && opensContent(stretch, cue)) return null;
    const speaker = stretch.speakerOf(cue, first);
    // The words between the quote and its cue are the speaker ("…,” the senator said), nothing else.
    if (c > first && (!speaker || speaker.start !== first)) return null;
    const endsSentence = quote.inner.end > quote.inner.start && body.charCodeAt(quote.inner.end - 1) === 46;
    const next = words[clauseEnd(words, cue.end)];
    if (endsSentence && next && (next.text === ',' || next.text === ':') && opensQuoteAfter(words, clauseEnd(words, cue.end))) return null;
    return { cue, speaker };
  }
  return null;
}

function cueBeforeQuote(stretch: Stretch, quote: QuotedSpan): { cue: CueMatch; speaker: WordRange | null } | null {
  const { words } = stretch;
  let last = stretch.wordBefore(quote.start);
  if (last < 0) return null;
  const introduced = words[last]!.text === ':' || words[last]!.text === ',';
  if (introduced) last--;
  for (let c = last; c >= 0 && last - c < QUOTE_CUE_REACH; c--) {
    if (!words[c]!.isWord) return null;
    const cue = stretch.cueAtIndex(c);
    if (!cue) continue;
    if (!bindsQuotes(cue)) return null;
    const between = words.slice(cue.end, last + 1);
    const bridged =
      between.length === 0 ||
      (between.length === 1 && between[0]!.lower === 'that') ||
      (introduced && (cue.entry.frame === 'tell' || ADJUNCT_OPENERS.has(between[0]!.lower)));
    if (!bridged) return null;
    return { cue, speaker: stretch.speakerOf(cue, 0) };
  }
  return null;
}

/** "“Ready?” she asked the crowd": after a quoted question, an asking verb's object is its addressee. */
function asksQuotedQuestion(stretch: Stretch, cue: CueMatch, quote: QuotedSpan): boolean {
  return ASKING_CUES.has(stretch.words[cue.index]!.lower) && stretch.body.charCodeAt(quote.inner.end - 1) === QUESTION_MARK;
}

const QUESTION_MARK = 63;

/** "…,” the senator said his campaign was strong": the cue has content of its own, so the quote is not its. */
function opensContent(stretch: Stretch, cue: CueMatch): boolean {
  let after = cue.end;
  if (cue.entry.frame === 'tell') after = phraseStartingAt(stretch.words, after, stretch.words.length)?.end ?? after;
  const next = stretch.words[after];
  if (!next?.isWord || next.capitalized) return false;
  return next.lower === 'that' || PERSONAL_PRONOUNS.has(next.lower) || (DETERMINERS.has(next.lower) && !stretch.speakerAfter(cue));
}

/** Index after a cue's clause: its inverted speaker or adjunct, up to punctuation. */
function clauseEnd(words: readonly Word[], from: number): number {
  let k = from;
  while (k < words.length && words[k]!.isWord && k - from < QUOTE_CUE_REACH) k++;
  return k;
}

function opensQuoteAfter(words: readonly Word[], punctuation: number): boolean {
  const next = words[punctuation + 1];
  return next !== undefined && isOpeningMark(next.text);
}

/** The indirect attribution read around a cue that no direct quote took. */
export function indirectAt(stretch: Stretch, cue: CueMatch): Candidate | null {
  switch (cue.entry.frame) {
    case 'according':
      return accordingTo(stretch, cue);
    case 'participle':
      return participle(stretch, cue);
    case 'quoting':
      return null;
    case 'stance':
      return stance(stretch, cue);
    case 'seeming':
      return seeming(stretch, cue);
    default:
      return reportingVerb(stretch, cue);
  }
}

function candidate(stretch: Stretch, cue: CueMatch, speaker: WordRange | null, contents: Array<Span | null>, outer = false): Candidate | null {
  const pieces = contents.filter((c): c is Span => c !== null);
  if (pieces.length === 0) return null;
  return { contents: pieces, cue: stretch.cueSpan(cue), speaker: speaker ? stretch.charSpan(speaker) : null, direct: false, outer };
}

function accordingTo(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const source = phraseStartingAt(words, cue.end, words.length);
  if (!source) return null;
  const opensSentence = cue.index === 0 || (cue.index === 1 && !words[0]!.isWord);
  if (opensSentence) {
    let k = source.end;
    while (k < words.length && words[k]!.text !== ',') k++;
    return candidate(stretch, cue, source, [stretch.content(k + 1, words.length - 1)], true);
  }
  const before = stretch.content(0, cue.index - 1);
  const after = words[source.end]?.text === ',' ? stretch.content(source.end + 1, words.length - 1) : null;
  return candidate(stretch, cue, source, [before, after], true);
}

/** Where the content after a cue starts: over "that", an addressee ("told reporters"), adjuncts ("on Saturday"). */
function contentStart(stretch: Stretch, cue: CueMatch, tell: boolean): number {
  const { words } = stretch;
  let k = cue.end;
  if (tell && words[k]?.isWord && words[k]!.lower !== 'that') {
    const addressee = phraseStartingAt(words, k, words.length);
    if (addressee) k = addressee.end;
  }
  for (let adjuncts = 0; adjuncts < 2 && words[k]?.isWord && ADJUNCT_OPENERS.has(words[k]!.lower); adjuncts++) {
    const thatAt = thatWithin(words, k);
    if (thatAt !== null) return thatAt + 1;
    k = adjunctEnd(words, k);
  }
  if (words[k]?.lower === 'that') k++;
  return k;
}

function thatWithin(words: readonly Word[], from: number): number | null {
  for (let j = from; j < words.length && j - from < QUOTE_CUE_REACH && words[j]!.isWord; j++) if (words[j]!.lower === 'that') return j;
  return null;
}

/** After "tonight" or "on Saturday" / "in a statement": a lone time word, or a preposition and its phrase. */
function adjunctEnd(words: readonly Word[], opener: number): number {
  const phrase = phraseStartingAt(words, opener + 1, words.length);
  const prepositional = PREPOSITIONAL_ADJUNCTS.has(words[opener]!.lower);
  return prepositional && phrase ? phrase.end : opener + 1;
}

function reportingVerb(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  if (words[cue.index]!.lower === 'asked' && opensAskedClause(words, cue.index)) return askedOpener(stretch, cue);
  const subject = stretch.speakerOf(cue, 0);
  if (!subject) return null;
  const subjectFirst = subject.start < cue.index ? subject.start : cue.index;
  const start = contentStart(stretch, cue, cue.entry.frame === 'tell');
  const opener = words[start];
  const contentFollows = opener !== undefined && opener.isWord && !CLAUSE_LINKS.has(opener.lower);
  const relative = RELATIVE_PRONOUNS.has(words[subject.start]!.lower);
  const reportsBefore = words[subjectFirst - 1]?.text === ',' && !relative;
  // "…, the directorate announced early Sunday": a short tail after the cue is an adjunct, not content.
  const shortTail = wordCountFrom(words, start) <= SHORT_TAIL_WORDS;
  if (contentFollows && subject.start < cue.index && !(reportsBefore && shortTail)) {
    return candidate(stretch, cue, subject, [stretch.content(start, nextAttributionComma(stretch, start) - 1)]);
  }
  if (!reportsBefore) return null;
  // "C, X said." / "C, said X." / "C, X said, C."
  const before = stretch.content(stretch.clauseStartBefore(subjectFirst - 1), subjectFirst - 2);
  const speakerEnd = Math.max(subject.end, cue.end);
  const after = words[speakerEnd]?.text === ',' ? stretch.content(speakerEnd + 1, words.length - 1) : null;
  return candidate(stretch, cue, subject, [before, after]);
}

/**
 * Where a content that runs to the end of the sentence stops for the next attribution:
 * "Some say C1, others say C2" ends C1 at the comma before "others say" (which has content of its own).
 */
/** "…, while others said …": words that may open a second attribution after a comma. */
const CONTRASTING: ReadonlySet<string> = new Set(['while', 'but', 'and', 'whereas', 'although', 'though', 'as']);

const CONTRAST_WITHOUT_COMMA: ReadonlySet<string> = new Set(['while', 'whereas']);

/** How many words (not marks) stand from index `from` to the end. */
function wordCountFrom(words: readonly Word[], from: number): number {
  let count = 0;
  for (let k = Math.max(0, from); k < words.length; k++) if (words[k]!.isWord) count++;
  return count;
}

function nextAttributionComma(stretch: Stretch, from: number): number {
  const { words } = stretch;
  for (const later of stretch.cues) {
    if (later.index <= from || later.entry.frame === 'quoting' || later.entry.frame === 'according') continue;
    const subject = subjectBefore(words, later.index, from);
    // "X said C, and called him Y": a second verb of the same subject starts an attribution of its own.
    const link = skipAuxiliariesBefore(words, later.index - 1, from);
    const coordinated = !subject && link > from && COORDINATORS.has(words[link]!.lower);
    // "X said C, saying D": a participle after a comma opens an attribution of its own.
    const participleClause = later.entry.frame === 'participle' && words[later.index - 1]?.text === ',';
    if (!subject && !coordinated && !participleClause) continue;
    const rest = wordCountFrom(words, later.end);
    if (rest <= SHORT_TAIL_WORDS) continue;
    if (participleClause) return later.index - 1;
    // "X said C and said D": the second verb's content needs no comma before it.
    if (coordinated) return words[link - 1]?.text === ',' ? link - 1 : link;
    let boundary = subject!.start - 1;
    // "Some backed C1 while others backed C2": a contrast needs no comma.
    if (CONTRAST_WITHOUT_COMMA.has(words[boundary]?.lower ?? '')) return boundary;
    if (CONTRASTING.has(words[boundary]?.lower ?? '')) boundary--;
    if (words[boundary]?.text === ',') return boundary;
  }
  return words.length;
}

function participle(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const opensClause = cue.index === 0 || words[cue.index - 1]!.text === ',';
  if (!opensClause) return null;
  const start = contentStart(stretch, cue, false);
  const main = mainClauseAfter(stretch, cue.index);
  if (main) return candidate(stretch, cue, main.speaker, [stretch.content(start, main.comma - 1)]);
  if (cue.index === 0) {
    const comma = words.findIndex((w, i) => i > start && w.text === ',');
    if (comma < 0) return null;
    const speaker = phraseStartingAt(words, comma + 1, words.length);
    return candidate(stretch, cue, speaker, [stretch.content(start, comma - 1)]);
  }
  return candidate(stretch, cue, stretch.clauseSubject(cue.index), [stretch.content(start, words.length - 1)]);
}

/** "Noting …, Erdogan said …": the comma that ends the participle clause and the main clause's speaker. */
function mainClauseAfter(stretch: Stretch, from: number): { comma: number; speaker: WordRange } | null {
  for (const later of stretch.cues) {
    if (later.index <= from || later.entry.frame === 'participle' || later.entry.frame === 'according') continue;
    const subject = subjectBefore(stretch.words, later.index, from + 1);
    if (subject && stretch.words[subject.start - 1]?.text === ',') return { comma: subject.start - 1, speaker: subject };
  }
  return null;
}

/** Words that open an "asked" clause without a subject ("When asked about C, …"). */
const ASKED_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['when', 'after', 'if', 'once', 'while', 'before', 'as']);

/** "Asked whether …" opening a sentence or clause, or after "when": a question with no asker named. */
function opensAskedClause(words: readonly Word[], index: number): boolean {
  if (opensSentence(words, index)) return true;
  const before = words[index - 1];
  return before !== undefined && ASKED_CLAUSE_OPENERS.has(before.lower) && (index === 1 || opensSentence(words, index - 1) || words[index - 2]?.text === ',');
}

/** "Asked whether C, X said …": the question is an attribution of its own, with no source named. */
function askedOpener(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const comma = words.findIndex((w, i) => i > cue.end && w.text === ',');
  if (comma < 0) return null;
  const content = stretch.content(cue.end, comma - 1);
  return content ? { contents: [content], cue: stretch.cueSpan(cue), speaker: null, direct: false, outer: false } : null;
}

/** Marks that end the clause a stance's content lies in. */
const CLAUSE_ENDS: ReadonlySet<string> = new Set([...',;:—–(']);

/** Index of the first clause-ending mark at or after `from`, else the stretch's end. */
function clauseEndFrom(words: readonly Word[], from: number): number {
  let k = from;
  while (k < words.length && (words[k]!.isWord || !CLAUSE_ENDS.has(words[k]!.text))) k++;
  return k;
}

/** "X endorsed C": the subject before the cue, C up to the end of the clause. */
function stance(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const subject = subjectBefore(words, cue.index, 0) ?? stretch.coordinatedSubject(cue);
  if (!subject || isPossessiveOnly(words, subject)) return null;
  let start = cue.end;
  if (words[start]?.lower === 'that') start++;
  const opener = words[start];
  if (!opener?.isWord || CLAUSE_LINKS.has(opener.lower) || opener.lower === 'by') return null;
  const end = Math.min(clauseEndFrom(words, start), nextAttributionComma(stretch, start));
  const content = stretch.content(start, end - 1, 1);
  return candidate(stretch, cue, subject, [content]);
}

/** What may follow a form of "seem" or "appear" for it to be a judgement ("seemed to", "appears that", "seems unlikely"). */
const SEEMING_NEXT_BLOCKED: ReadonlySet<string> = new Set(
  'on in at before with for from as at during after alongside onstage'.split(' '),
);

/** "C seemed to …" / "It appears that C" / "C is expected to …" / "C reportedly …": content, no source. */
function seeming(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const word = words[cue.index]!.lower;
  const next = words[cue.end];
  if (!next?.isWord) return null;
  if (word === 'expected') {
    if (!BE_FORMS.has(words[cue.index - 1]?.lower ?? '') || next.lower !== 'to') return null;
  } else if (word !== 'reportedly' && (SEEMING_NEXT_BLOCKED.has(next.lower) || DETERMINERS.has(next.lower) || next.capitalized)) {
    return null;
  }
  const start = next.lower === 'that' ? cue.end + 1 : cue.end;
  const after = stretch.content(start, nextAttributionComma(stretch, start) - 1);
  if (!after) return null;
  const last = skipAuxiliariesBefore(words, cue.index - 1, 0);
  const subject = last >= 0 ? phraseEndingAt(words, last, 0) : null;
  const impersonal = subject !== null && subject.end - subject.start === 1 && IMPERSONAL_SUBJECTS.has(words[subject.start]!.lower);
  const before = subject && !impersonal ? stretch.charSpan(subject) : null;
  return { contents: before ? [before, after] : [after], cue: stretch.cueSpan(cue), speaker: null, direct: false, outer: false };
}

/** "It seems …", "There appears …": no content of their own. */
const IMPERSONAL_SUBJECTS: ReadonlySet<string> = new Set(['it', 'there', 'this', 'that', 'which', 'who']);


/** At most this many words name the speaker of a labelled line ("Senate Leader: …"). */
const MAX_LABEL_WORDS = 4;
const MIN_LABELLED_WORDS = 3;

/**
 * "Mayor Vask: The bridge will reopen." A paragraph that opens with a short capitalized name and a
 * colon (the headline and interview convention) attributes the rest to that name. All-capital
 * labels ("UPDATE:", "WATCH:") are not speakers.
 */
export function labelledLine(stretch: Stretch): Candidate | null {
  const { words, body, span } = stretch;
  if (!opensParagraph(body, span.start)) return null;
  const colon = words.findIndex((w, i) => i <= MAX_LABEL_WORDS && w.text === ':');
  if (colon < 1) return null;
  const label = words.slice(0, colon);
  if (!label.every((w) => w.isWord) || !label[0]!.capitalized || !isLetter(label[0]!.text.charCodeAt(0))) return null;
  if (label.every((w) => w.text === w.text.toUpperCase() && w.text.length > 1)) return null;
  const content = stretch.content(colon + 1, words.length - 1);
  if (!content || wordCountFrom(words, colon + 1) < MIN_LABELLED_WORDS) return null;
  const cue = { start: words[colon]!.start, end: words[colon]!.end };
  return { contents: [content], cue, speaker: stretch.charSpan({ start: 0, end: colon }), direct: false, outer: false };
}

/** True at the start of the body or of a line. */
export function opensParagraph(body: string, offset: number): boolean {
  let k = offset - 1;
  while (k >= 0 && (body[k] === ' ' || body[k] === '\t')) k--;
  return k < 0 || body[k] === '\n';
}
