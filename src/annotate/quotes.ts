/**
 * Quotes: direct (between quotation marks, bound to a cue next to them, or running on from the
 * previous quote of the same speaker) and indirect (a reporting verb or "according to" with its
 * clause), each with its content span, its cue and its speaker resolved to an entity key.
 *
 * Only the sentences that hold a cue word or a quotation mark are read: one regex finds them, a
 * small tokenizer splits them, and the frames of src/annotate/quote/frames.ts read them. Quotes
 * never overlap: direct quotes come first; an indirect attribution inside another's content
 * yields to it (the outer one reports it: "Most voters say C, according to the poll" is the poll's),
 * except that a sentence-opening "According to X, …" yields to what it holds.
 * A line opened by a name and a colon ("Mayor Vask: …", also when a quotation follows the colon) is
 * that name's, a quoted paragraph opened by a transcript's label ("“SMITH: …") is that speaker's
 * turn, and a paragraph ending in "X replied:" hands its speaker to the quote that opens the next one.
 */
import type { Document, Quote, Span, Stage } from '../document.js';
import { cueOfQuote, indirectAt, labelledLine, labelledQuote, opensParagraph, Stretch, transcriptLabels, type Candidate } from './quote/frames.js';
import { CUES_BY_FIRST_WORD, NOUN_CUES } from './quote/lexicon.js';
import { findQuotedSpans, type QuotedSpan } from './quote/marks.js';
import { SpeakerResolver } from './quote/speakers.js';
import { tokenize } from './quote/words.js';

const CUE_WORD = new RegExp(`\\b(?:${[...CUES_BY_FIRST_WORD.keys(), ...NOUN_CUES].join('|')})\\b`, 'gi');
/** A quote without a cue continues the previous speaker's quote when it opens a sentence this close after it. */
const CONTINUATION_REACH = 400;
const MIN_CONTINUATION_WORDS = 4;

export function findQuotes(doc: Pick<Document, 'body' | 'sentences' | 'entities'>): Quote[] {
  const { body } = doc;
  const quoted = findQuotedSpans(body);
  const stretches = stretchesToRead(body, sentencesOf(doc), quoted);
  const speakerEntities = doc.entities.filter((e) => e.type === 'PER' || e.type === 'ORG');
  const turns = transcriptLabels(body);
  /** Last words of the people and organisations named in the text ("Sanders" of "Bernie Sanders"). */
  const speakerNames = new Set(speakerEntities.map((e) => lastWordOf(e.text)));
  /**
   * A label ("Mayor Vask: …") speaks when it names a person or an organisation, or heads a
   * transcript's turns; in a headline the tagger may miss the name, so a label ending in the last
   * word of a name found elsewhere in the text speaks too ("Sanders: …").
   */
  const namesSpeaker = (span: Span): boolean =>
    turns.has(body.slice(span.start, span.end)) ||
    speakerEntities.some((e) => e.start < span.end && span.start < e.end) ||
    speakerNames.has(lastWordOf(body.slice(span.start, span.end)));
  const direct: Candidate[] = [];
  const indirect: Candidate[] = [];
  let firstQuote = 0;
  let previous: Candidate | null = null;
  for (const span of stretches) {
    while (firstQuote < quoted.length && quoted[firstQuote]!.start < span.start) firstQuote++;
    let lastQuote = firstQuote;
    while (lastQuote < quoted.length && quoted[lastQuote]!.start < span.end) lastQuote++;
    const stretch = new Stretch(body, tokenize(body, span.start, span.end), span);
    previous = readStretch(stretch, quoted.slice(firstQuote, lastQuote), previous, direct, indirect, namesSpeaker, turns);
  }
  const kept = resolveOverlaps(body, direct, indirect);
  if (kept.length === 0) return [];
  const speakers = new SpeakerResolver(body, doc.entities);
  const inTextOrder = kept.sort((a, b) => anchor(a) - anchor(b));
  // A quotation with neither a cue nor a speaker near it is not an attribution (a title, a slogan).
  const attributed = inTextOrder.filter((c) => c.cue !== null || c.speaker !== null);
  return attributed.flatMap((c) => toQuotes(body, c, speakers)).sort((a, b) => a.start - b.start);
}

export const annotateQuotes: Stage = (doc: Document): Document => ({ ...doc, quotes: findQuotes(doc) });

function lastWordOf(text: string): string {
  return text.slice(text.lastIndexOf(' ') + 1);
}

function sentencesOf(doc: Pick<Document, 'body' | 'sentences'>): Span[] {
  if (doc.sentences.length > 0) return doc.sentences;
  const spans: Span[] = [];
  for (const match of doc.body.matchAll(/[^\n]+/g)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

/** A sentence split after a title ("… said Sen. | Bernie Sanders") is one stretch with the next. */
const TITLE_AT_END = /\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|St)\.$/;

function endsWithTitle(body: string, last: Span, next: Span): boolean {
  return TITLE_AT_END.test(body.slice(Math.max(last.start, last.end - 6), last.end)) && !body.slice(last.end, next.start).includes('\n');
}

/** Sentences joined where a quotation crosses their boundary, kept when they hold a cue word or a quote. */
function stretchesToRead(body: string, sentences: readonly Span[], quoted: readonly QuotedSpan[]): Span[] {
  const cueOffsets: number[] = [];
  CUE_WORD.lastIndex = 0;
  for (let m = CUE_WORD.exec(body); m !== null; m = CUE_WORD.exec(body)) cueOffsets.push(m.index);
  const quoteStarts = quoted.map((q) => q.start);
  /** Closed quotations by start: a sentence that is one whole quotation may be followed by its attribution ("“Ready?” | Olen asked."). */
  const closedQuoteEnd = new Map(quoted.filter((q) => q.closed).map((q) => [q.start, q.end]));
  const isWholeQuote = (span: Span): boolean => closedQuoteEnd.get(span.start) === trimmedEnd(body, span);
  let nextCue = 0;
  let nextQuote = 0;
  /** Advances a cursor over sorted offsets; true when one falls inside the span. */
  const holds = (offsets: readonly number[], cursor: number, span: Span): [boolean, number] => {
    while (cursor < offsets.length && offsets[cursor]! < span.start) cursor++;
    return [cursor < offsets.length && offsets[cursor]! < span.end, cursor];
  };
  let crossing = 0;
  const stretches: Array<Span & { read: boolean }> = [];
  for (const sentence of sentences) {
    const last = stretches[stretches.length - 1];
    while (crossing < quoted.length && quoted[crossing]!.end <= (last?.end ?? 0)) crossing++;
    const crosses = last !== undefined && crossing < quoted.length && quoted[crossing]!.start < last.end && quoted[crossing]!.end > last.end;
    const attributionFollows = last !== undefined && isWholeQuote(last) && !body.slice(last.end, sentence.end).includes('\n');
    if (last && (crosses || attributionFollows || endsWithTitle(body, last, sentence) || opensInLowerCase(body, last, sentence))) {
      last.end = Math.max(last.end, sentence.end);
      last.read = true;
      continue;
    }
    const [hasCue, cueCursor] = holds(cueOffsets, nextCue, sentence);
    const [hasQuote, quoteCursor] = holds(quoteStarts, nextQuote, sentence);
    nextCue = cueCursor;
    nextQuote = quoteCursor;
    stretches.push({ start: sentence.start, end: sentence.end, read: hasCue || hasQuote || mayBeLabelled(body, sentence) });
  }
  return stretches.filter((s) => s.read).map(({ start, end }) => ({ start, end }));
}

/** How far into a paragraph the colon of a label ("Mayor Vask: …") may stand, in characters. */
const LABEL_REACH = 40;

/** A paragraph's opening sentence with a colon near its start may be a labelled line. */
function mayBeLabelled(body: string, sentence: Span): boolean {
  const reach = Math.min(sentence.end, sentence.start + LABEL_REACH);
  for (let k = sentence.start + 1; k < reach; k++) if (body.charCodeAt(k) === COLON) return opensParagraph(body, sentence.start);
  return false;
}

const COLON = 58;

/**
 * A sentence never opens in lower case, nor inside a parenthesis: one that does was split off
 * after an abbreviation ("Sen. Mara Olen (R-Ky.) | said …", "(D-N.| D.)") and is read with the
 * sentence before it.
 */
function opensInLowerCase(body: string, last: Span, next: Span): boolean {
  const code = body.charCodeAt(next.start);
  return ((code >= 97 && code <= 122) || endsInsideParenthesis(body, last)) && !body.slice(last.end, next.start).includes('\n');
}

/** How far back a sentence end may lie inside a short parenthesis ("(D-N.| D.)"). */
const PARENTHESIS_REACH = 8;

/** True when a sentence was cut inside a short parenthesis opened just before its end. */
function endsInsideParenthesis(body: string, last: Span): boolean {
  for (let k = last.end - 1; k >= Math.max(last.start, last.end - PARENTHESIS_REACH); k--) {
    const code = body.charCodeAt(k);
    if (code === CLOSING_PARENTHESIS) return false;
    if (code === OPENING_PARENTHESIS) return true;
  }
  return false;
}

const OPENING_PARENTHESIS = 40;
const CLOSING_PARENTHESIS = 41;

/** A span's end with trailing white space left out. */
function trimmedEnd(body: string, span: Span): number {
  let end = span.end;
  while (end > span.start && isRegexSpace(body.charCodeAt(end - 1))) end--;
  return end;
}

/** `inside`: the quoted passages that start in the stretch; `previous`: the last attribution read before it. */
function readStretch(
  stretch: Stretch,
  inside: readonly QuotedSpan[],
  previous: Candidate | null,
  direct: Candidate[],
  indirect: Candidate[],
  namesSpeaker: (span: Span) => boolean,
  turns: ReadonlySet<string>,
): Candidate | null {
  const used = new Set<number>();
  let last = previous;
  const line = labelledLine(stretch, turns);
  const labelled = line?.speaker && namesSpeaker(line.speaker) ? line : null;
  for (const quote of inside) {
    // "Ana Vask: “The bridge will reopen.”": the label speaks the quotation that opens its line.
    const turn = labelledQuote(stretch, quote, turns) ?? (labelled?.contents[0]!.start === quote.start ? { ...labelled, contents: [quote.inner], direct: true } : null);
    if (turn) {
      last = turn;
      direct.push(turn);
      continue;
    }
    const binding = cueOfQuote(stretch, quote);
    if (binding) {
      used.add(binding.cue.index);
      const speaker = binding.speaker ? stretch.charSpan(binding.speaker) : null;
      last = { contents: [quote.inner], cue: stretch.cueSpan(binding.cue), speaker, direct: true };
      direct.push(last);
    } else if (opensStretch(stretch, quote)) {
      last = continuation(quote, last);
      direct.push(last);
    }
  }
  if (labelled && inside.length === 0) {
    indirect.push(labelled);
    last = labelled;
  }
  for (const cue of stretch.cues) {
    if (used.has(cue.index)) continue;
    const at = stretch.words[cue.index]!.start;
    if (inside.some((q) => at >= q.start && at < q.end)) continue;
    const found = indirectAt(stretch, cue);
    if (!found) continue;
    indirect.push(found);
    if (!last || end(found) > end(last)) last = found;
  }
  return introducerAtEnd(stretch) ?? last;
}

/** How many words may stand between an introducing cue and its colon ("said on Tuesday:"). */
const INTRODUCER_REACH = 6;

/**
 * "The council replied: ¶ “…”": a stretch that ends in a cue and a colon introduces the quote that
 * opens the next paragraph. Returned as the attribution that quote continues (it has no content).
 */
function introducerAtEnd(stretch: Stretch): Candidate | null {
  const { words } = stretch;
  const colon = words.length - 1;
  if (colon < 1 || words[colon]!.text !== ':') return null;
  for (let k = stretch.cues.length - 1; k >= 0; k--) {
    const cue = stretch.cues[k]!;
    if (cue.end > colon || colon - cue.end > INTRODUCER_REACH) continue;
    if (words.slice(cue.end, colon).some((w) => !w.isWord && w.text !== ',')) return null;
    const speaker = stretch.speakerOf(cue, 0);
    if (!speaker) return null;
    return { contents: [], cue: stretch.cueSpan(cue), speaker: stretch.charSpan(speaker), direct: true };
  }
  return null;
}

/** Where a candidate's last piece (cue or content) ends. */
function end(c: Candidate): number {
  let last = c.cue?.end ?? 0;
  for (const content of c.contents) if (content.end > last) last = content.end;
  return last;
}

function opensStretch(stretch: Stretch, quote: QuotedSpan): boolean {
  if (stretch.wordBefore(quote.start) >= 0) return false;
  return wordsIn(stretch.body, quote.inner) >= MIN_CONTINUATION_WORDS;
}

/** The pieces of `text.split(/\s+/)` for the span's text: one more than its runs of white space. */
function wordsIn(body: string, span: Span): number {
  let pieces = 1;
  for (let i = span.start; i < span.end; i++) {
    if (!isRegexSpace(body.charCodeAt(i))) continue;
    pieces++;
    while (i + 1 < span.end && isRegexSpace(body.charCodeAt(i + 1))) i++;
  }
  return pieces;
}

/** What `\s` matches in a regex: white space and line terminators (all in the BMP). */
function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * A quote that opens its sentence without a cue goes on from the attribution just before it (within
 * a few sentences): the same speaker and cue, as in "“A,” she said. “B.”" and its next paragraph.
 */
function continuation(quote: QuotedSpan, previous: Candidate | null): Candidate {
  const close = previous !== null && previous.speaker !== null && quote.start - end(previous) <= CONTINUATION_REACH;
  return {
    contents: [quote.inner],
    cue: close ? previous.cue : null,
    speaker: close ? previous.speaker : null,
    direct: true,
  };
}

const anchor = (c: Candidate): number => c.speaker?.start ?? c.cue?.start ?? c.contents[0]!.start;

const contains = (candidate: Candidate, offset: number): boolean =>
  candidate.contents.some((c) => offset >= c.start && offset < c.end);

function resolveOverlaps(body: string, direct: readonly Candidate[], indirect: readonly Candidate[]): Candidate[] {
  const all = [...direct, ...indirect];
  const heldBy = (a: Candidate): boolean =>
    a.cue !== null &&
    all.some((b) => b !== a && !b.yields && contains(b, a.cue!.start) && !(b.cue && contains(a, b.cue.start) && winsMutual(a, b)));
  const holdsOthers = (a: Candidate): boolean => all.some((b) => b !== a && b.cue !== null && contains(a, b.cue.start));
  const survivors = indirect.filter((a) => (a.yields ? !holdsOthers(a) : !heldBy(a)));
  const kept: Candidate[] = [];
  for (const candidate of [...direct, ...survivors]) {
    const overlapping = kept.filter((k) => k.contents.some((x) => candidate.contents.some((y) => x.start < y.end && y.start < x.end)));
    if (overlapping.length === 0) kept.push(candidate);
    else if (!candidate.direct) {
      const clipped = clipBefore(body, candidate, overlapping);
      if (clipped) kept.push(clipped);
    }
  }
  return kept;
}

/** A clipped content keeps at least this many characters. */
const MIN_CLIPPED_LENGTH = 12;

/**
 * "Olen said it was great to be home, a man yelled “Stay!”": an indirect content that runs into a
 * later attribution ends where that attribution starts, instead of the whole being dropped.
 */
function clipBefore(body: string, candidate: Candidate, later: readonly Candidate[]): Candidate | null {
  if (candidate.contents.length !== 1) return null;
  const content = candidate.contents[0]!;
  let end = content.end;
  for (const other of later) {
    const first = Math.min(other.speaker?.start ?? Infinity, other.cue?.start ?? Infinity, ...other.contents.map((c) => c.start));
    if (first <= content.start) return null;
    end = Math.min(end, first);
  }
  while (end > content.start && /[\s,;:—–(“"-]/.test(body[end - 1]!)) end--;
  if (end - content.start < MIN_CLIPPED_LENGTH) return null;
  return { ...candidate, contents: [{ start: content.start, end }] };
}

/** "C, X said." at the end of a sentence: the content comes before the cue, and only there. */
const reportsBefore = (a: Candidate): boolean => a.cue !== null && a.contents.length === 1 && a.contents[0]!.start < a.cue.start;

/**
 * Of two attributions that hold each other's cue, the outer one is the sentence-final reporter
 * ("Trump said C, officials said."), else the one whose cue comes first.
 */
function winsMutual(a: Candidate, b: Candidate): boolean {
  if (reportsBefore(a) !== reportsBefore(b)) return reportsBefore(a);
  return a.cue!.start < b.cue!.start;
}

function toQuotes(body: string, candidate: Candidate, speakers: SpeakerResolver): Quote[] {
  const { cue: cueSpan, speaker: speakerSpan } = candidate;
  const cue = cueSpan ? { start: cueSpan.start, end: cueSpan.end, text: body.slice(cueSpan.start, cueSpan.end) } : null;
  const speaker = speakerSpan
    ? { start: speakerSpan.start, end: speakerSpan.end, text: body.slice(speakerSpan.start, speakerSpan.end), key: speakers.key(speakerSpan) }
    : null;
  const quotes: Quote[] = [];
  for (const content of candidate.contents) {
    quotes.push({ start: content.start, end: content.end, text: body.slice(content.start, content.end), direct: candidate.direct, cue, speaker });
  }
  return quotes;
}
