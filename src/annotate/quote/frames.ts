/**
 * Attributions inside one stretch of text (a sentence, or sentences joined by a quotation that
 * runs across them). Direct quotes bind to a cue right after them ("…,” Erdogan said) or right
 * before them (Erdogan said: “…”); cues that no quote took read as indirect speech, by frame:
 * - speech / tell: "X said (that) C", "C, X said", "C, said X", "C, X said, C";
 * - according: "according to X, C" / "C, according to X";
 * - participle: "Noting C, X said …" (X from the main clause), "…, saying C" (X = the subject);
 * - quoting: only next to a quotation ("Cruz continued: “…”");
 * - stance: "X endorsed C" (C up to the end of its clause, one word is enough);
 * - seeming: "C seemed to …", "C is expected to …" (no source; the subject is part of C);
 * - noun: "X’s claim that C", "his criticism of C" (only after a possessive);
 * - passive: "C was endorsed by X" (the agent speaks), and for a few verbs with no agent named
 *   "C was accused of D" (no source; C and D are content).
 * A participle also reads after "by"/"while"/"and" ("drew fire by saying C": the clause's subject) and
 * right after a name or a speaking head ("with Olen calling C"); an infinitive cue ("went on to
 * say C", "appeared to suggest C") takes the subject of the verb it hangs on. "C, as X said" and
 * "As X said, C" report the clause beside them.
 * A content that runs to the end of the sentence stops where a second attribution starts
 * ("Some said C1, while others said C2"), and one inside a relative clause set off by commas
 * ("Vask, who said C, left") stops at its closing comma. A quotation is also signed by a dash and
 * a name that end its paragraph ("“…” ― Ana Vask"); a few capitalized words quoted after a
 * possessive or "on" are a title, not a quote ("NBC’s “Morning Show”").
 */
import type { Span } from '../../document.js';
import { partitionPoint } from '../partition.js';
import {
  ADJUNCT_OPENERS,
  AGENTLESS_PASSIVE_CUES,
  ASKING_CUES,
  BE_FORMS,
  CUES_BY_FIRST_WORD,
  DETERMINERS,
  NOT_A_SPEAKER_AFTER_CUE,
  NOMINAL_HEADS,
  NOT_IN_SUBJECT,
  NOUN_BEFORE,
  NOUN_CUES,
  PERSONAL_PRONOUNS,
  STANDALONE_DETERMINERS,
  TELL_PARTICIPLES,
  type CueEntry,
  type CueFrame,
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
  /**
   * "According to X, Y said C" opening a sentence: X only relays, so the attributions it holds win.
   * A trailing "C, according to X" is the outer report and holds what C says.
   */
  yields?: boolean;
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
const CLAUSE_LINKS = new Set(['as', 'while', 'when', 'after', 'before', 'because', 'since', 'but', 'and', 'amid', 'although', 'though', 'whereas', 'until', 'or']);
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
  /** Per cue position, the attribution boundary of the first cue from there on read far from a content's start (see nextAttributionComma). */
  farBoundaries: number[] | null = null;

  constructor(
    readonly body: string,
    readonly words: readonly Word[],
    readonly span: Span,
  ) {
    this.cues = findCues(words, isTitleCase(words));
    for (const cue of this.cues) this.cueAt.set(cue.index, cue);
  }

  private lastOpening: number | null = null;

  /** Index of the last word that opens a quotation, or -1: one pass per stretch, not one per cue. */
  lastOpeningMark(): number {
    if (this.lastOpening === null) {
      let k = this.words.length - 1;
      while (k >= 0 && !isOpeningMark(this.words[k]!.text)) k--;
      this.lastOpening = k;
    }
    return this.lastOpening;
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
    // "…, chanting “…”": a quoting verb's participle takes its clause's subject as a participle does.
    const participle = cue.entry.frame === 'participle' || (cue.entry.frame === 'quoting' && this.words[cue.index]!.lower.endsWith('ing'));
    const found = participle ? this.clauseSubject(cue.index) : this.subjectOf(cue, lowest);
    return found && isSpeakerLike(this.words, found) ? found : null;
  }

  private subjectOf(cue: CueMatch, lowest: number): WordRange | null {
    const subject = subjectBefore(this.words, cue.index, lowest);
    if (subject && isPossessiveOnly(this.words, subject)) return null;
    return subject ?? this.coordinatedSubject(cue) ?? this.controllingSubject(cue, lowest) ?? this.invertedSubject(cue);
  }

  /** "Olen went on to say …", "was prompted to add …": an infinitive cue takes the subject of the verb it hangs on. */
  controllingSubject(cue: CueMatch, lowest: number): WordRange | null {
    const { words } = this;
    if (words[cue.index - 1]?.lower !== 'to') return null;
    let verb = cue.index - 2;
    while (verb > lowest && INFINITIVE_PARTICLES.has(words[verb]!.lower)) verb--;
    const controlling = words[verb];
    if (verb <= lowest || !controlling?.isWord || controlling.capitalized || NOT_IN_SUBJECT.has(controlling.lower)) return null;
    const subject = subjectBefore(words, verb, lowest);
    return subject && !isPossessiveOnly(words, subject) ? subject : null;
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
    // Over introductory pieces: "However, …", "Speaking to reporters, …", "Hours later, …", a dateline "CITY (AP) — …".
    let first = 0;
    for (let step = 0; step < MAX_INTRODUCTIONS; step++) {
      const phrase = phraseStartingAt(this.words, first, before);
      if (phrase && !this.introduces(first, phrase)) return phrase;
      const boundary = this.words.findIndex((w, i) => i > first && i < before && (w.text === ',' || DASHES.has(w.text)));
      if (boundary < 0) return null;
      first = boundary + 1;
    }
    return null;
  }

  /** True when the phrase opening a clause is an introduction rather than its subject. */
  private introduces(first: number, phrase: WordRange): boolean {
    const word = this.words[first]!;
    if (NOT_IN_SUBJECT.has(word.lower) || (word.lower.length > 5 && word.lower.endsWith('ing'))) return true;
    const next = this.words[phrase.end];
    if (next && (DASHES.has(next.text) || next.text === '(')) return true;
    if (next?.text !== ',') return false;
    if (phrase.end - phrase.start > 1) return INTRODUCTORY_ENDS.has(this.words[phrase.end - 1]!.lower);
    return !word.capitalized || INTRODUCTORY_WORDS.has(word.lower);
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
    // Counted only up to `minWords`: a content may run to the end of a stretch of thousands of words.
    let count = 0;
    for (let k = first; k <= last && count < minWords; k++) if (this.words[k]!.isWord) count++;
    if (count < minWords) return null;
    return { start: this.words[first]!.start, end: this.words[last]!.end };
  }
}

const isOpeningMark = (text: string): boolean => text === '“' || text === '"' || text === '«' || text === "'";

/** Lower-case singular words that still name who speaks ("everyone said", "staff said"). */
const SINGULAR_SPEAKERS: ReadonlySet<string> = new Set(
  'everyone everybody someone somebody anyone anybody nobody none staff public media management leadership'.split(' '),
);
/** Words that a subject reading may pick up and that never speak ("they may well say", "Yet …"). */
const NEVER_SPEAKERS: ReadonlySet<string> = new Set('yet well still instead whenever however too so though'.split(' '));

/**
 * A one-word speaker must be able to speak: a name, a pronoun, a standalone determiner ("Most said"),
 * a speaking head ("officials") or a plural; not a verb form, an adverb or a discourse word picked up
 * by a subject reading gone astray ("he went to work seeking …", "they may well endorse …").
 */
function isSpeakerLike(words: readonly Word[], range: WordRange): boolean {
  if (range.end - range.start !== 1) return true;
  const word = words[range.start]!;
  const lower = word.lower;
  if (NEVER_SPEAKERS.has(lower)) return false;
  if (word.capitalized || !word.isWord || /\d/.test(lower)) return true;
  if (PERSONAL_PRONOUNS.has(lower) || STANDALONE_DETERMINERS.has(lower) || NOMINAL_HEADS.has(lower) || SINGULAR_SPEAKERS.has(lower)) return true;
  if (lower.endsWith('ing') || lower.endsWith('ed') || isAdverbWord(word)) return false;
  return lower.endsWith('s');
}

function isPossessiveOnly(words: readonly Word[], range: WordRange): boolean {
  const last = words[range.end - 1]!.text;
  return POSSESSIVE.test(last) && !CONTRACTED_PRONOUN.test(last);
}

function opensSentence(words: readonly Word[], i: number): boolean {
  const previous = words[i - 1];
  return previous === undefined || (!previous.isWord && SENTENCE_OPENERS.has(previous.text));
}

/** "was accused of", "echoed by", "got called to": a passive past form reports no speech of its subject. */
function isPassive(words: readonly Word[], i: number, entry: CueEntry): boolean {
  if (entry.frame === 'participle' || entry.frame === 'according' || entry.frame === 'seeming') return false;
  // "is seeking", "are backing": a present participle after "be" is progressive, never passive.
  if (words[i]!.lower.endsWith('ing')) return false;
  const next = words[i + entry.words.length]?.lower;
  if (next === 'by') return true;
  return followsAuxiliary(words, i) && entry.words[0] !== 'says';
}

/** A passive auxiliary before the participle at `i`; adverbs and "not" may stand between ("was widely reported", "weren’t disclosed"). */
function followsAuxiliary(words: readonly Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && words[k]!.isWord && (BETWEEN_BE_AND_PARTICIPLE.has(words[k]!.lower) || isAdverbWord(words[k]!))) k--;
  const before = (words[k]?.lower ?? '').replace('’', "'");
  return PASSIVE_AUXILIARIES.has(before) || NEGATED_BE_FORMS.has(before);
}

/** Frames whose verbs keep their meaning in the passive ("was told by", "was endorsed by"). */
const PASSIVE_FRAMES: ReadonlySet<CueFrame> = new Set(['speech', 'tell', 'stance']);

/** "was endorsed by the union": a full passive with its agent, which names the source. */
function hasAgent(words: readonly Word[], i: number, entry: CueEntry): boolean {
  const by = i + entry.words.length;
  return PASSIVE_FRAMES.has(entry.frame) && words[by]?.lower === 'by' && followsAuxiliary(words, i) && phraseStartingAt(words, by + 1, words.length) !== null;
}

const ADD_FORMS: ReadonlySet<string> = new Set('add added adds adding'.split(' '));

/** Particles between a verb and the infinitive it governs ("went on to say", "stepped up to warn"). */
const INFINITIVE_PARTICLES: ReadonlySet<string> = new Set('on up out ahead forward also then again'.split(' '));

/** How many introductory pieces may open a clause before its subject. */
const MAX_INTRODUCTIONS = 3;
const DASHES: ReadonlySet<string> = new Set(['—', '–']);
/** Last words of an introductory time phrase ("Hours later,", "Two weeks ago,"). */
const INTRODUCTORY_ENDS: ReadonlySet<string> = new Set('later earlier ago before after afterwards meanwhile'.split(' '));
/** Capitalized single words that open a sentence as an introduction ("However,", "Instead,", "Sunday,"). */
const INTRODUCTORY_WORDS: ReadonlySet<string> = new Set(
  ('however instead meanwhile still yet also moreover nevertheless later earlier afterwards today yesterday tonight ' +
    'monday tuesday wednesday thursday friday saturday sunday first second finally separately similarly indeed').split(' '),
);

/** Determiners that never stand alone as a subject: after one, a cue word is a noun or a modifier ("his claims", "the pledged votes"). */
const NOUN_DETERMINERS: ReadonlySet<string> = new Set('the a an his her their its our my your another every such'.split(' '));

function isNounOrModifier(words: readonly Word[], i: number, entry: CueEntry): boolean {
  if (NOUN_BEFORE.get(words[i]!.lower)?.has(words[i + 1]?.lower ?? '')) return true;
  return entry.frame !== 'seeming' && entry.frame !== 'according' && NOUN_DETERMINERS.has(words[i - 1]?.lower ?? '');
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
    const noun = nounCueAt(words, i);
    if (noun) {
      cues.push(noun);
      continue;
    }
    // Cue words are words: a punctuation mark needs no look-up.
    const entries = words[i]!.isWord ? CUES_BY_FIRST_WORD.get(words[i]!.lower) : undefined;
    // A capitalized cue word inside a sentence is a name ("United States"); at its start it opens it ("According to").
    if (!entries || (words[i]!.capitalized && !titleCase && !opensSentence(words, i))) continue;
    const entry = entries.find((e) => e.words.every((w, k) => words[i + k]?.lower === w));
    if (!entry) continue;
    if (isNounOrModifier(words, i, entry)) continue;
    if (isPassive(words, i, entry)) {
      // "The plan was backed by the council": the agent after "by" is the source, the subject the content.
      // "The plan was criticized": a few verbs report speech even with no agent named.
      const agentless = AGENTLESS_PASSIVE_CUES.has(words[i]!.lower) && followsAuxiliary(words, i);
      if (agentless || hasAgent(words, i, entry)) cues.push({ index: i, end: i + entry.words.length, entry: { ...entry, frame: 'passive' } });
      i += entry.words.length - 1;
      continue;
    }
    // "added to the list", "is adding to her lead": "add to" is increase, not speech.
    if (ADD_FORMS.has(entry.words[0]!) && words[i + 1]?.lower === 'to') continue;
    // "is predicting that …" reads like "predicted": the participle is the finite verb of its clause.
    const finite = entry.frame === 'participle' && isProgressive(words, i);
    cues.push({ index: i, end: i + entry.words.length, entry: finite ? { ...entry, frame: 'speech' } : entry });
    i += entry.words.length - 1;
  }
  return cues;
}

/** Words that may stand between "is" and its participle ("is not saying", "’s also praising"). */
const BETWEEN_BE_AND_PARTICIPLE: ReadonlySet<string> = new Set('not also still now already just again once first never long increasingly openly'.split(' '));

/** "is saying", "is not saying", "isn’t saying", "’s also praising": a form of "be" before the participle. */
function isProgressive(words: readonly Word[], participle: number): boolean {
  let k = participle - 1;
  while (k >= 0 && words[k]!.isWord && (BETWEEN_BE_AND_PARTICIPLE.has(words[k]!.lower) || isAdverbWord(words[k]!))) k--;
  const before = words[k]?.lower ?? '';
  return BE_FORMS.has(before) || NEGATED_BE_FORMS.has(before.replace('’', "'"));
}

const NEGATED_BE_FORMS: ReadonlySet<string> = new Set("isn't aren't wasn't weren't".split(' '));
const isAdverbWord = (w: Word): boolean => !w.capitalized && w.lower.length > 4 && w.lower.endsWith('ly');

const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set('his her their its our my your'.split(' '));
const NOUN_CUE_ENTRY: CueEntry = { words: [], frame: 'noun' };

/** "Olen’s claim", "their support", "the council’s earlier warning": a noun cue after a possessive (one modifier may stand between). */
function nounCueAt(words: readonly Word[], i: number): CueMatch | null {
  const word = words[i]!;
  if (!word.isWord || word.capitalized || !NOUN_CUES.has(word.lower)) return null;
  let owner = i - 1;
  if (owner >= 0 && words[owner]!.isWord && !isOwner(words[owner]!) && !NOT_IN_SUBJECT.has(words[owner]!.lower)) owner--;
  if (owner < 0 || !isOwner(words[owner]!)) return null;
  return { index: i, end: i + 1, entry: { ...NOUN_CUE_ENTRY, words: [word.lower] } };
}

const isOwner = (w: Word): boolean => w.isWord && (POSSESSIVE_PRONOUNS.has(w.lower) || (POSSESSIVE.test(w.text) && !CONTRACTED_PRONOUN.test(w.text)));

/** Prepositions between a noun cue and its content ("criticism of", "support for", "call for"). */
const NOUN_CUE_PREPOSITIONS: ReadonlySet<string> = new Set('of for on about against to over'.split(' '));

/** "Olen’s claim that C", "his support for C", "their plan to C": the owner speaks, C runs to the end of its clause. */
function nounCue(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  let ownerAt = cue.index - 1;
  if (!isOwner(words[ownerAt]!)) ownerAt--;
  const ownerWord = words[ownerAt]!;
  const owner = POSSESSIVE_PRONOUNS.has(ownerWord.lower) ? { start: ownerAt, end: ownerAt + 1 } : phraseEndingAt(words, ownerAt, 0);
  if (!owner) return null;
  const next = words[cue.end];
  if (!next?.isWord) return null;
  const clauseFrom = (start: number): Span | null =>
    stretch.content(start, Math.min(clauseEndFrom(words, start), nextAttributionComma(stretch, start)) - 1, 1);
  if (next.lower === 'that') return candidate(stretch, cue, owner, [clauseFrom(cue.end + 1)]);
  const verbFollows = next.lower === 'to' && words[cue.end + 1]?.isWord && !DETERMINERS.has(words[cue.end + 1]!.lower);
  if (verbFollows) return candidate(stretch, cue, owner, [clauseFrom(cue.end)]);
  if (!NOUN_CUE_PREPOSITIONS.has(next.lower)) return null;
  // "support for the plan grew": after a preposition the content is one noun phrase.
  const object = phraseStartingAt(words, cue.end + 1, words.length);
  return object ? candidate(stretch, cue, owner, [stretch.charSpan(object)]) : null;
}

/** Participles, stances, seeming cues, nouns and passives never introduce a quotation of their own. */
const NON_QUOTING_FRAMES: ReadonlySet<CueFrame> = new Set(['participle', 'stance', 'seeming', 'noun', 'passive']);
const bindsQuotes = (cue: CueMatch): boolean => !NON_QUOTING_FRAMES.has(cue.entry.frame);

/** Binds a quoted passage to a cue after or before it; the cue and its speaker, or null. */
export function cueOfQuote(stretch: Stretch, quote: QuotedSpan): { cue: CueMatch; speaker: WordRange | null } | null {
  if (isTitle(stretch, quote)) return null;
  return cueAfterQuote(stretch, quote) ?? cueBeforeQuote(stretch, quote) ?? signatureAfterQuote(stretch, quote);
}

/** At most this many capitalized words make a quoted title ("“Sunday Morning Brief”"). */
const MAX_QUOTED_TITLE_WORDS = 6;
/** Words after which a quotation in capitals names a work or a show ("on “Morning Joe”", "in “The Long Road”"). */
const BEFORE_TITLE: ReadonlySet<string> = new Set(['on', 'in', 'of', 'at']);

/** "Fox’s “Sunday Brief”", "on “Morning Joe”": a few capitalized words quoted after a possessive or a preposition are a title. */
function isTitle(stretch: Stretch, quote: QuotedSpan): boolean {
  const { words } = stretch;
  const open = stretch.wordAtOrAfter(quote.start);
  const before = words[open - 1];
  if (!before?.isWord || !(BEFORE_TITLE.has(before.lower) || POSSESSIVE.test(before.text))) return false;
  let count = 0;
  for (let k = open + 1; k < words.length && words[k]!.start < quote.inner.end; k++) {
    if (!words[k]!.isWord || !words[k]!.capitalized || ++count > MAX_QUOTED_TITLE_WORDS) return false;
  }
  return count > 0;
}

/** Dashes that sign a quotation with its author's name. */
const SIGNATURE_DASHES: ReadonlySet<string> = new Set(['―', '—', '–', '-']);
const MAX_SIGNATURE_WORDS = 4;
const SIGNATURE_CUE: CueEntry = { words: [], frame: 'speech' };

/**
 * "“We will rebuild.” ― Ana Vask": a dash and a short capitalized name that close the paragraph
 * after a quotation sign it, as under an epigraph or in a collection of readers' comments.
 */
function signatureAfterQuote(stretch: Stretch, quote: QuotedSpan): { cue: CueMatch; speaker: WordRange | null } | null {
  const { words, body } = stretch;
  const dash = stretch.wordAtOrAfter(quote.end);
  if (!SIGNATURE_DASHES.has(words[dash]?.text ?? '')) return null;
  let end = dash + 1;
  while (end < words.length && words[end]!.isWord && words[end]!.capitalized && end - dash <= MAX_SIGNATURE_WORDS) end++;
  if (end === dash + 1 || end - dash - 1 > MAX_SIGNATURE_WORDS) return null;
  // Only a closing period may follow the name, then the paragraph ends.
  const last = words[end]?.text === '.' ? end + 1 : end;
  if (last < words.length || !endsParagraph(body, words[last - 1]!.end)) return null;
  return { cue: { index: dash, end: dash + 1, entry: SIGNATURE_CUE }, speaker: { start: dash + 1, end } };
}

/** True at the end of the body or of a line. */
function endsParagraph(body: string, offset: number): boolean {
  let k = offset;
  while (k < body.length && (body[k] === ' ' || body[k] === '\t')) k++;
  return k >= body.length || body[k] === '\n' || body[k] === '\r';
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
    if (!asksQuotedQuestion(stretch, cue, quote) && opensContent(stretch, cue, endsWithPeriod(body, quote))) return null;
    const subject = stretch.speakerOf(cue, first);
    // "…,” Vask, who has proposed a toll, said": a cue inside a relative clause is not the quote's.
    if (subject && subject.start > first && RELATIVE_PRONOUNS.has(words[subject.start]!.lower)) continue;
    // "…,” retired general Ana Vask said": lower-case title words before the name belong to the speaker.
    const speaker = subject && subject.start > first && isTitleRun(words, first, subject.start) ? { start: first, end: subject.end } : subject;
    // The words between the quote and its cue are the speaker ("…,” the senator said), nothing else.
    if (c > first && (!speaker || speaker.start !== first)) return null;
    const endsSentence = endsWithPeriod(body, quote);
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
      (introduced && (cue.entry.frame === 'tell' || ADJUNCT_OPENERS.has(between[0]!.lower) || isInvertedName(words, cue.end, last + 1)));
    if (!bridged) return null;
    return { cue, speaker: stretch.speakerOf(cue, 0) };
  }
  return null;
}

/** How many lower-case words may lead a speaker after a quote ("retired army general", "retired officials"). */
const MAX_LEADING_TITLE_WORDS = 3;

/** Lower-case content words from `from` up to `to` (exclusive), few enough to be a title before a name. */
function isTitleRun(words: readonly Word[], from: number, to: number): boolean {
  if (to - from > MAX_LEADING_TITLE_WORDS) return false;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (!w.isWord || w.capitalized || NOT_IN_SUBJECT.has(w.lower) || PERSONAL_PRONOUNS.has(w.lower)) return false;
  }
  return true;
}

/** "Added Vask: “…”": the words between an inverted cue and its colon are one capitalized name. */
function isInvertedName(words: readonly Word[], from: number, to: number): boolean {
  return words[from]?.capitalized === true && phraseStartingAt(words, from, to)?.end === to;
}

/** "“Ready?” she asked the crowd": after a quoted question, an asking verb's object is its addressee. */
function asksQuotedQuestion(stretch: Stretch, cue: CueMatch, quote: QuotedSpan): boolean {
  return ASKING_CUES.has(stretch.words[cue.index]!.lower) && stretch.body.charCodeAt(quote.inner.end - 1) === QUESTION_MARK;
}

const QUESTION_MARK = 63;

/**
 * "…,” the senator said his campaign was strong": the cue has content of its own, so the quote is not its.
 * After a quote that ends its sentence ("“…” The agency said there was …") any word that is not an
 * adjunct opens such a content.
 */
function opensContent(stretch: Stretch, cue: CueMatch, afterFullSentence: boolean): boolean {
  let after = cue.end;
  if (cue.entry.frame === 'tell') after = phraseStartingAt(stretch.words, after, stretch.words.length)?.end ?? after;
  const next = stretch.words[after];
  if (!next?.isWord || next.capitalized) return false;
  if (next.lower === 'that' || next.lower === 'there' || PERSONAL_PRONOUNS.has(next.lower) || (DETERMINERS.has(next.lower) && !stretch.speakerAfter(cue))) return true;
  return afterFullSentence && !NOT_IN_SUBJECT.has(next.lower) && !ADJUNCT_OPENERS.has(next.lower) && !isAdverbWord(next);
}

/** "“We are done.”": a quotation whose last sentence ends inside it. */
function endsWithPeriod(body: string, quote: QuotedSpan): boolean {
  return quote.inner.end > quote.inner.start && body.charCodeAt(quote.inner.end - 1) === 46;
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
    case 'noun':
      return nounCue(stretch, cue);
    case 'passive':
      return passiveReport(stretch, cue);
    default:
      return reportingVerb(stretch, cue);
  }
}

function candidate(stretch: Stretch, cue: CueMatch, speaker: WordRange | null, contents: Array<Span | null>): Candidate | null {
  const pieces = contents.filter((c): c is Span => c !== null);
  if (pieces.length === 0) return null;
  return { contents: pieces, cue: stretch.cueSpan(cue), speaker: speaker ? stretch.charSpan(speaker) : null, direct: false };
}

function accordingTo(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const source = phraseStartingAt(words, cue.end, words.length);
  if (!source) return null;
  const opensSentence = cue.index === 0 || (cue.index === 1 && !words[0]!.isWord);
  if (opensSentence) {
    let k = source.end;
    while (k < words.length && words[k]!.text !== ',') k++;
    const opening = candidate(stretch, cue, source, [stretch.content(k + 1, words.length - 1)]);
    return opening ? { ...opening, yields: true } : null;
  }
  const before = stretch.content(0, cue.index - 1);
  const after = words[source.end]?.text === ',' ? stretch.content(source.end + 1, words.length - 1) : null;
  return candidate(stretch, cue, source, [before, after]);
}

/**
 * "758 pledged delegates", "a group called Forward": a past form after a bare number, or "called"
 * naming what an indefinite phrase is, modifies a noun and reports nobody's speech.
 */
function isModifierReading(words: readonly Word[], cue: CueMatch, subject: WordRange): boolean {
  if (subject.end !== cue.index) return false;
  const first = words[subject.start]!;
  const next = words[cue.end];
  if (next === undefined) return false;
  // "3 in 10 said they …" reports; "58 pledged delegates" describes: only a past form modifies.
  const nounAfter = next.isWord && !next.capitalized && !NOT_IN_SUBJECT.has(next.lower) && !PERSONAL_PRONOUNS.has(next.lower) &&
    !CONTRACTED_PRONOUN.test(next.text) && !DETERMINERS.has(next.lower);
  const pastForm = words[cue.index]!.lower.endsWith('ed');
  if (pastForm && /^\d[\d,.]*$/.test(words[subject.end - 1]!.text) && nounAfter) return true;
  if (words[cue.index]!.lower !== 'called' || !INDEFINITES.has(first.lower)) return false;
  return next.capitalized || isOpeningMark(next.text);
}

const INDEFINITES: ReadonlySet<string> = new Set(['a', 'an', 'one']);

/** Where the content after a cue starts: over "that", an addressee ("told reporters"), adjuncts ("on Saturday"). */
function contentStart(stretch: Stretch, cue: CueMatch, tell: boolean): number {
  const { words } = stretch;
  let k = cue.end;
  if (tell && words[k]?.isWord && words[k]!.lower !== 'that') {
    const addressee = phraseStartingAt(words, k, words.length);
    if (addressee) k = titleEnd(words, addressee.end) ?? addressee.end;
  }
  for (let adjuncts = 0; adjuncts < 2 && words[k]?.isWord && ADJUNCT_OPENERS.has(words[k]!.lower); adjuncts++) {
    const thatAt = thatWithin(words, k);
    if (thatAt !== null) return thatAt + 1;
    k = adjunctEnd(words, k);
  }
  // "said that is wrong": a "that" right before a verb is the content's subject, not its conjunction.
  if (words[k]?.lower === 'that' && !VERBS_AFTER_DEMONSTRATIVE.has(words[k + 1]?.lower ?? '')) {
    k++;
    // "said that, if elected, he would …": a parenthetical after "that" opens the content.
    if (words[k]?.text === ',' && words[k + 1]?.isWord) k++;
  }
  return k;
}

/** Verbs that show a "that" after a cue is a demonstrative subject ("said that is a distortion"). */
const VERBS_AFTER_DEMONSTRATIVE: ReadonlySet<string> = new Set("is was 's ’s would will could has had".split(' '));

/** "told NBC’s “Morning Show” that …": the index after a short quoted title in capitals at `from`, else null. */
function titleEnd(words: readonly Word[], from: number): number | null {
  if (!isOpeningMark(words[from]?.text ?? '')) return null;
  for (let k = from + 1; k < words.length && k - from <= MAX_QUOTED_TITLE_WORDS + 1; k++) {
    const w = words[k]!;
    if (w.isWord && w.capitalized) continue;
    if (k === from + 1 || !CLOSING_MARKS.has(w.text)) return null;
    return k + 1;
  }
  return null;
}

const CLOSING_MARKS: ReadonlySet<string> = new Set(['”', '"', '»', "'"]);

/** "said at a rally in Akron, Ohio, that …": the "that" after an adjunct, which may hold commas. */
function thatWithin(words: readonly Word[], from: number): number | null {
  for (let j = from; j < words.length && j - from < QUOTE_CUE_REACH && (words[j]!.isWord || words[j]!.text === ','); j++) {
    if (words[j]!.lower === 'that') return j;
  }
  return null;
}

/** After "tonight" or "on Saturday" / "in a statement": a lone time word, or a preposition and its phrase. */
function adjunctEnd(words: readonly Word[], opener: number): number {
  const phrase = phraseStartingAt(words, opener + 1, words.length);
  const prepositional = PREPOSITIONAL_ADJUNCTS.has(words[opener]!.lower);
  if (prepositional && phrase) return phrase.end;
  // "said Friday afternoon": a part of the day after a day.
  return PARTS_OF_DAY.has(words[opener + 1]?.lower ?? '') ? opener + 2 : opener + 1;
}

const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night']);

function reportingVerb(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  if (words[cue.index]!.lower === 'asked' && opensAskedClause(words, cue.index)) return askedOpener(stretch, cue);
  const subject = stretch.speakerOf(cue, 0);
  if (!subject || isModifierReading(words, cue, subject)) return null;
  const subjectFirst = subject.start < cue.index ? subject.start : cue.index;
  let start = contentStart(stretch, cue, cue.entry.frame === 'tell');
  // "Olen says, win or lose, he is staying": a comma right after the cue may open the content.
  // Not in "C, she said, C": a subject after a comma reports the clause before it.
  const interrupts = words[subject.start - 1]?.text === ',';
  if (start === cue.end && words[start]?.text === ',' && subject.start < cue.index && !interrupts && opensCommaContent(stretch, start + 1)) start++;
  // "Vask writes: the film never names him": a colon right after the cue opens the content.
  if (start === cue.end && words[start]?.text === ':' && words[start + 1]?.isWord && subject.start < cue.index) start++;
  const opener = words[start];
  // After "that" a clause link opens the content ("argued that as voters learn more, …").
  const afterThat = start > cue.end && (words[start - 1]!.lower === 'that' || (words[start - 1]!.text === ',' && words[start - 2]?.lower === 'that'));
  // "said that “a bomb” had gone off": a content may open with a quotation mark.
  const contentFollows =
    opener !== undefined && (isOpeningMark(opener.text) || (opener.isWord && (afterThat || !CLAUSE_LINKS.has(opener.lower) || asksWhen(words, cue, start))));
  const relative = RELATIVE_PRONOUNS.has(words[subject.start]!.lower);
  const reportsBefore = words[subjectFirst - 1]?.text === ',' && !relative;
  // "…, the directorate announced early Sunday": a short tail after the cue is an adjunct, not content.
  // A quotation in the tail is content ("called Olen “unhinged.”").
  const shortTail = !hasMoreWordsThan(words, start, SHORT_TAIL_WORDS) && !holdsOpeningMark(words, start) && opensAdjunct(words, start);
  if (words[subjectFirst - 1]?.lower === 'as' && !relative && (shortTail || words[start]?.text === ',')) {
    const asReport = reportAroundAs(stretch, cue, subject, subjectFirst - 1, start);
    if (asReport) return asReport;
  }
  if (contentFollows && subject.start < cue.index && !(reportsBefore && shortTail)) {
    const end = Math.min(nextAttributionComma(stretch, start), relativeClauseEnd(words, subject, start));
    // "Olen decried that plan": a "that" before a lone noun is its determiner, and part of the content.
    const content = stretch.content(start, end - 1) ?? (words[start - 1]?.lower === 'that' ? stretch.content(start - 1, end - 1) : null);
    return candidate(stretch, cue, subject, [content]);
  }
  if (!reportsBefore) return null;
  // "C, X said." / "C, said X." / "C, X said, C."; not "On Monday, X said.": an opening adjunct is no content.
  const clauseStart = stretch.clauseStartBefore(subjectFirst - 1);
  const before = isIntroductoryAdjunct(words, clauseStart, subjectFirst - 1) ? null : stretch.content(clauseStart, subjectFirst - 2);
  const speakerEnd = Math.max(subject.end, cue.end);
  const after = words[speakerEnd]?.text === ',' ? stretch.content(speakerEnd + 1, words.length - 1) : null;
  return candidate(stretch, cue, subject, [before, after]);
}

/**
 * "Vask, who said he would run, did not show up": a cue in a relative clause set off by commas has
 * a content that ends at the clause's closing comma (with a closing quotation mark right after it).
 */
function relativeClauseEnd(words: readonly Word[], subject: WordRange, start: number): number {
  if (!RELATIVE_PRONOUNS.has(words[subject.start]!.lower) || words[subject.start - 1]?.text !== ',') return words.length;
  for (let k = start; k < words.length; k++) {
    if (words[k]!.text !== ',') continue;
    return CLOSING_MARKS.has(words[k + 1]?.text ?? '') ? k + 2 : k;
  }
  return words.length;
}

/** Words that negate a cue ("have not said", "never said", "wouldn't say"). */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never']);

/** "have not said when …", "refused to say when …": after a negated or infinitive cue, "when" opens an indirect question. */
function asksWhen(words: readonly Word[], cue: CueMatch, start: number): boolean {
  if (words[start]?.lower !== 'when' || start !== cue.end) return false;
  const before = words[cue.index - 1];
  if (!before?.isWord) return false;
  return before.lower === 'to' || NEGATIONS.has(before.lower) || /n['’]t$/.test(before.lower);
}

/** "C, as police have said." / "As Olen said, C.": the clause that an "as"-report stands beside is the content. */
function reportAroundAs(stretch: Stretch, cue: CueMatch, subject: WordRange, as: number, afterCue: number): Candidate | null {
  const { words } = stretch;
  if (words[as - 1]?.text === ',') {
    const before = stretch.content(stretch.clauseStartBefore(as - 1), as - 2);
    return before ? candidate(stretch, cue, subject, [before]) : null;
  }
  // `afterCue`: past the cue's adjuncts ("As Olen said on Monday, …").
  const comma = Math.max(subject.end, afterCue);
  if (!opensSentence(words, as) || words[comma]?.text !== ',') return null;
  return candidate(stretch, cue, subject, [stretch.content(comma + 1, nextAttributionComma(stretch, comma + 1) - 1)]);
}

/** Words that open a short time adjunct after a cue ("early Sunday", "late last week", "overnight"). */
const TIME_ADJUNCT_OPENERS: ReadonlySet<string> = new Set('early late overnight shortly soon'.split(' '));

/**
 * "…, the agency announced early Sunday": a short tail is an adjunct when it opens like one (a time
 * word, an adverb, a preposition, a capitalized day); "…, he barely mentioned climate change" is content.
 */
function opensAdjunct(words: readonly Word[], from: number): boolean {
  const first = words[from];
  if (!first?.isWord) return true;
  return first.capitalized || ADJUNCT_OPENERS.has(first.lower) || TIME_ADJUNCT_OPENERS.has(first.lower) || NOT_IN_SUBJECT.has(first.lower) || isAdverbWord(first);
}

function holdsOpeningMark(words: readonly Word[], from: number): boolean {
  for (let k = Math.max(0, from); k < words.length; k++) if (isOpeningMark(words[k]!.text)) return true;
  return false;
}

/** Prepositions that open a sentence's introductory adjunct ("On Twitter,", "In a statement,"). */
const INTRODUCTORY_PREPOSITIONS: ReadonlySet<string> = new Set('on in at during after before from with via through'.split(' '));
const MAX_INTRODUCTION_WORDS = 5;

/** "On Twitter, …", "In a statement on Monday, …": a short prepositional phrase from `from` to the comma at `comma`. */
function isIntroductoryAdjunct(words: readonly Word[], from: number, comma: number): boolean {
  if (!INTRODUCTORY_PREPOSITIONS.has(words[from]?.lower ?? '') || comma - from > MAX_INTRODUCTION_WORDS + 1) return false;
  for (let k = from; k < comma; k++) if (!words[k]!.isWord) return false;
  return true;
}

/** After "X says,": a word that is neither a clause link nor another cue, with no quotation further on. */
function opensCommaContent(stretch: Stretch, from: number): boolean {
  const next = stretch.words[from];
  if (!next?.isWord || CLAUSE_LINKS.has(next.lower) || stretch.cueAtIndex(from)) return false;
  // "He added, that there is …": a "that" after the comma opens the content whatever follows.
  if (next.lower === 'that') return true;
  return stretch.lastOpeningMark() < from;
}

/** "…, while others said …": words that may open a second attribution after a comma. */
const CONTRASTING: ReadonlySet<string> = new Set(['while', 'but', 'and', 'whereas', 'although', 'though', 'as']);

const CONTRAST_WITHOUT_COMMA: ReadonlySet<string> = new Set(['while', 'whereas']);

/**
 * Whether more than `count` words (not marks) stand from index `from` to the end. It stops counting
 * there: counting them all, for every later cue of a stretch, made a sentence of thousands of cues
 * cost the cube of their number.
 */
function hasMoreWordsThan(words: readonly Word[], from: number, count: number): boolean {
  let seen = 0;
  for (let k = Math.max(0, from); k < words.length; k++) if (words[k]!.isWord && ++seen > count) return true;
  return false;
}

/**
 * How many words before a later cue its subject, or the conjunction that joins it to the first
 * verb, is looked for: far beyond any noun phrase, auxiliaries and adverbs (a phrase is at most 12 words).
 */
const ATTRIBUTION_LOOKBACK = 64;

/**
 * Where a content that starts at word `from` stops for the attribution of a later cue: the first
 * later cue that opens one (see attributionBoundary). "Some say C1, others say C2" ends C1 at the
 * comma before "others say", which has content of its own. A cue further than ATTRIBUTION_LOOKBACK words
 * after `from` is read without looking back to `from`, so that its answer is the same for every
 * content before it: computed once per stretch, these answers make a stretch of thousands of cues
 * cost their number, not its square (reading every later cue for every cue took seconds).
 */
function nextAttributionComma(stretch: Stretch, from: number): number {
  const { cues } = stretch;
  let c = partitionPoint(cues.length, (i) => cues[i]!.index <= from);
  for (; c < cues.length && cues[c]!.index - ATTRIBUTION_LOOKBACK <= from; c++) {
    const boundary = attributionBoundary(stretch, cues[c]!, from);
    if (boundary !== null) return boundary;
  }
  stretch.farBoundaries ??= farBoundaries(stretch);
  return stretch.farBoundaries[c]!;
}

/** Per cue position c: the boundary of the first cue from c on, each read from ATTRIBUTION_LOOKBACK words before it. */
function farBoundaries(stretch: Stretch): number[] {
  const { cues, words } = stretch;
  const boundaries = new Array<number>(cues.length + 1);
  boundaries[cues.length] = words.length;
  for (let c = cues.length - 1; c >= 0; c--) {
    const cue = cues[c]!;
    boundaries[c] = (cue.index - ATTRIBUTION_LOOKBACK >= 0 ? attributionBoundary(stretch, cue, cue.index - ATTRIBUTION_LOOKBACK) : null) ?? boundaries[c + 1]!;
  }
  return boundaries;
}

/**
 * Whether a later cue opens an attribution of its own that ends the content before it, reading
 * no further back than word `lowest`; where that content ends, or null.
 */
function attributionBoundary(stretch: Stretch, later: CueMatch, lowest: number): number | null {
  const { words } = stretch;
  if (later.index <= lowest || later.entry.frame === 'quoting' || later.entry.frame === 'according') return null;
  const subject = subjectBefore(words, later.index, lowest);
  // "X said C, and called him Y": a second verb of the same subject starts an attribution of its own.
  const link = skipAuxiliariesBefore(words, later.index - 1, lowest);
  const coordinated = !subject && link > lowest && COORDINATORS.has(words[link]!.lower);
  // "X said C, saying D" (also "X said “C,” saying D"): a participle after a comma opens an attribution of its own.
  const setOff = later.entry.frame === 'participle' ? setOffAt(words, later.index) : null;
  if (!subject && !coordinated && setOff === null) return null;
  if (!hasMoreWordsThan(words, later.end, SHORT_TAIL_WORDS)) return null;
  if (setOff !== null) return setOff;
  // "X said C and said D": the second verb's content needs no comma before it.
  if (coordinated) return words[link - 1]?.text === ',' ? link - 1 : link;
  let boundary = subject!.start - 1;
  // "Some backed C1 while others backed C2": a contrast needs no comma.
  if (CONTRAST_WITHOUT_COMMA.has(words[boundary]?.lower ?? '')) return boundary;
  if (CONTRASTING.has(words[boundary]?.lower ?? '')) boundary--;
  if (words[boundary]?.text === ',') return boundary;
  return null;
}

/**
 * Where a clause ends before the word at `index` when a comma sets that word off: at the comma, or
 * after the closing quotation mark that follows one ("“C,” saying …"); null when no comma does.
 */
function setOffAt(words: readonly Word[], index: number): number | null {
  if (words[index - 1]?.text === ',') return index - 1;
  return CLOSING_MARKS.has(words[index - 1]?.text ?? '') && words[index - 2]?.text === ',' ? index : null;
}

/** Words after which a participle's subject is the subject of the clause ("by saying …", "while noting …"). */
const PARTICIPLE_LINKS: ReadonlySet<string> = new Set('by while when after before without in since and'.split(' '));

function participle(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const before = words[cue.index - 1];
  const opensClause = cue.index === 0 || setOffAt(words, cue.index) !== null;
  const start = contentStart(stretch, cue, TELL_PARTICIPLES.has(words[cue.index]!.lower));
  if (!opensClause) {
    if (PARTICIPLE_LINKS.has(before!.lower)) {
      // "Olen drew fire by saying C": the speaker is the subject of the clause.
      return candidate(stretch, cue, stretch.clauseSubject(cue.index - 1), [stretch.content(start, nextAttributionComma(stretch, start) - 1)]);
    }
    // "with Olen calling the plan a sham": the noun phrase just before is the speaker.
    // Only a name or a speaking head ("officials saying"): "a strong showing", "falsely suggesting" are not speakers.
    const speakerLike = before!.isWord && !NOT_IN_SUBJECT.has(before!.lower) && (before!.capitalized || NOMINAL_HEADS.has(before!.lower));
    const subject = speakerLike && cue.entry.words[0] !== 'showing' ? phraseEndingAt(words, cue.index - 1, 0) : null;
    if (!subject) return null;
    return candidate(stretch, cue, subject, [stretch.content(start, nextAttributionComma(stretch, start) - 1)]);
  }
  const main = mainClauseAfter(stretch, cue.index);
  if (main) return candidate(stretch, cue, main.speaker, [stretch.content(start, main.comma - 1)]);
  if (cue.index === 0) {
    const comma = words.findIndex((w, i) => i > start && w.text === ',');
    if (comma < 0) return null;
    const speaker = phraseStartingAt(words, comma + 1, words.length);
    return candidate(stretch, cue, speaker, [stretch.content(start, comma - 1)]);
  }
  return candidate(stretch, cue, stretch.clauseSubject(cue.index), [stretch.content(start, nextAttributionComma(stretch, start) - 1)]);
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
  if (before === undefined || !ASKED_CLAUSE_OPENERS.has(before.lower)) return false;
  // "…,” Olen said when asked whether …": "when asked" has no subject wherever it stands.
  return before.lower === 'when' || index === 1 || opensSentence(words, index - 1) || words[index - 2]?.text === ',';
}

/** "Asked whether C, X said …": the question is an attribution of its own, with no source named. */
function askedOpener(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const comma = words.findIndex((w, i) => i > cue.end && w.text === ',');
  // "… when asked whether C." at the end of a sentence: the question runs to its end.
  const end = comma < 0 ? nextAttributionComma(stretch, cue.end) : comma;
  const content = stretch.content(cue.end, end - 1);
  return content ? { contents: [content], cue: stretch.cueSpan(cue), speaker: null, direct: false } : null;
}

/** Marks that end the clause a stance's content lies in. */
const CLAUSE_ENDS: ReadonlySet<string> = new Set([...',;:—–(']);

/** Index of the first clause-ending mark at or after `from`, else the stretch's end. */
function clauseEndFrom(words: readonly Word[], from: number): number {
  let k = from;
  while (k < words.length && (words[k]!.isWord || !CLAUSE_ENDS.has(words[k]!.text))) k++;
  return k;
}

/** "C was endorsed by X": the agent is the source, the passive subject the content. */
function passiveReport(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const source = words[cue.end]?.lower === 'by' ? phraseStartingAt(words, cue.end + 1, words.length) : null;
  const subject = subjectBefore(words, cue.index, 0);
  if (!subject) return null;
  // "He was accused of lying about the budget": with no agent, what he is accused of is content too.
  const complement = source ? null : stretch.content(cue.end, Math.min(clauseEndFrom(words, cue.end), nextAttributionComma(stretch, cue.end)) - 1, 1);
  return candidate(stretch, cue, source, [stretch.charSpan(subject), complement]);
}

/** "X endorsed C": the subject before the cue, C up to the end of the clause. */
function stance(stretch: Stretch, cue: CueMatch): Candidate | null {
  const { words } = stretch;
  const subject = subjectBefore(words, cue.index, 0) ?? stretch.coordinatedSubject(cue) ?? stretch.controllingSubject(cue, 0);
  if (!subject || isPossessiveOnly(words, subject) || !isSpeakerLike(words, subject)) return null;
  let start = cue.end;
  if (words[start]?.lower === 'that') start++;
  const opener = words[start];
  if (!opener?.isWord || CLAUSE_LINKS.has(opener.lower) || opener.lower === 'by') return null;
  const end = Math.min(clauseEndFrom(words, start), nextAttributionComma(stretch, start), secondPredicate(words, start));
  const content = stretch.content(start, end - 1, 1);
  return candidate(stretch, cue, subject, [content]);
}

/** Auxiliaries that open a second predicate of the same subject after "and" ("… and has been a critic"). */
const PREDICATE_AUXILIARIES: ReadonlySet<string> = new Set('has have had is was are were will would did does'.split(' '));

/** "X endorsed C and has been a critic of D": where "and"/"but" and an auxiliary start a second predicate, else the end. */
function secondPredicate(words: readonly Word[], from: number): number {
  for (let k = from + 1; k + 1 < words.length; k++) {
    if (COORDINATORS.has(words[k]!.lower) && PREDICATE_AUXILIARIES.has(words[k + 1]!.lower)) return k;
  }
  return words.length;
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
  // "Olen appeared to suggest that …": the verb of speech after "to" reports, with the subject as its speaker.
  const infinitive = next.lower === 'to' ? stretch.cueAtIndex(cue.end + 1) : undefined;
  if (infinitive && infinitive.entry.frame !== 'seeming') return null;
  if (word === 'expected') {
    // "Olen expected that the bill would pass": with a subject and "that", a verb of belief.
    if (next.lower === 'that' && !BE_FORMS.has(words[cue.index - 1]?.lower ?? '')) return reportingVerb(stretch, cue);
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
  return { contents: before ? [before, after] : [after], cue: stretch.cueSpan(cue), speaker: null, direct: false };
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
export function labelledLine(stretch: Stretch, transcriptLabels: ReadonlySet<string>): Candidate | null {
  const { words, body, span } = stretch;
  if (!opensParagraph(body, span.start)) return null;
  const colon = words.findIndex((w, i) => i <= MAX_LABEL_WORDS && w.text === ':');
  if (colon < 1) return null;
  const label = words.slice(0, colon);
  if (!label.every((w) => w.isWord) || !label[0]!.capitalized || !isLetter(label[0]!.text.charCodeAt(0))) return null;
  const capitals = label.every((w) => w.text === w.text.toUpperCase() && w.text.length > 1);
  if (capitals && !transcriptLabels.has(body.slice(words[0]!.start, words[colon - 1]!.end))) return null;
  const content = stretch.content(colon + 1, words.length - 1);
  if (!content || !hasMoreWordsThan(words, colon + 1, MIN_LABELLED_WORDS - 1)) return null;
  const cue = { start: words[colon]!.start, end: words[colon]!.end };
  return { contents: [content], cue, speaker: stretch.charSpan({ start: 0, end: colon }), direct: false };
}

/**
 * "“SMITH: We will win.”": a quotation that opens its paragraph with a transcript's label is that
 * speaker's turn, the colon its cue.
 */
export function labelledQuote(stretch: Stretch, quote: QuotedSpan, transcriptLabels: ReadonlySet<string>): Candidate | null {
  const { words, body } = stretch;
  if (transcriptLabels.size === 0 || !opensParagraph(body, quote.start)) return null;
  const first = stretch.wordAtOrAfter(quote.inner.start);
  const colon = words.findIndex((w, i) => i > first && i <= first + MAX_LABEL_WORDS && w.text === ':');
  if (colon < 0 || !transcriptLabels.has(body.slice(words[first]!.start, words[colon - 1]!.end))) return null;
  const next = words[colon + 1];
  if (!next || next.start >= quote.inner.end) return null;
  const content = { start: next.start, end: quote.inner.end };
  const cue = { start: words[colon]!.start, end: words[colon]!.end };
  return { contents: [content], cue, speaker: { start: words[first]!.start, end: words[colon - 1]!.end }, direct: true };
}

/** How many paragraphs an all-capital label must open to be a transcript's speaker ("SMITH: …"). */
const MIN_TRANSCRIPT_TURNS = 2;
const MAX_TRANSCRIPT_LABEL = 30;
/** All-capital labels that head notices, not speech turns. */
const NOTICE_LABELS: ReadonlySet<string> = new Set(
  'UPDATE UPDATED WATCH READ BREAKING CORRECTION RELATED VIDEO PHOTOS PHOTO NOTE EDITOR’S NOTE EDITOR\'S NOTE CLICK HERE SEE ALSO MORE'.split(' '),
);

/**
 * All-capital labels that open paragraphs of a transcript ("SMITH: …" … "JONES: …" … "SMITH: …"):
 * its speakers, once one of them opens two paragraphs. A one-off capital label ("UPDATE: …") is a notice.
 */
export function transcriptLabels(body: string): Set<string> {
  const counts = new Map<string, number>();
  // A transcript quoted paragraph by paragraph opens each turn with a quotation mark ("“SMITH: …").
  for (const match of body.matchAll(/^[ \t]*["“]?([A-Z][A-Z.'’ -]*[A-Z.]):/gm)) {
    const label = match[1]!;
    if (label.length > MAX_TRANSCRIPT_LABEL || NOTICE_LABELS.has(label)) continue;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  // One recurring label makes the text a transcript: then every capital label opens a turn.
  const isTranscript = [...counts.values()].some((n) => n >= MIN_TRANSCRIPT_TURNS);
  return new Set(isTranscript ? counts.keys() : []);
}

/** True at the start of the body or of a line. */
export function opensParagraph(body: string, offset: number): boolean {
  let k = offset - 1;
  while (k >= 0 && (body[k] === ' ' || body[k] === '\t')) k--;
  return k < 0 || body[k] === '\n';
}
