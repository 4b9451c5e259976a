/**
 * The claims ledger of one article (issue 4, part 3): every reported figure and every statement,
 * with what it is about, who the article attributes it to and when it was asserted. It is built
 * from the layers before it and adds no reading of its own beyond the subject phrase of a figure:
 * - figures are the `numbers`; their attribution is the quote whose content holds them, else the
 *   attribution of the event whose killed / injured figure they are, else the quote cued in the
 *   same sentence ("…, according to the IOM"); with none the outlet asserts it in its own voice;
 * - statements are the `quotes`, attributed to their speaker;
 * - a claim was asserted at the time expression next to its cue ("said on Thursday"), else on
 *   the publication date.
 * Needs sentences, entities, times, numbers, quotes and events before it.
 */
import type { Attribution, Claim, Document, Entity, NewsEvent, NumberMention, Quote, Span, TimeExpression } from '../document.js';
import { CASUALTY_AFTER, CASUALTY_BEFORE, SUBJECT_STOP_WORDS, TOLL_BEFORE } from './claim/lexicon.js';
import { Containing, OffsetIndex, SpanCoverage } from './claim/lookup.js';
import { firstWords, lastWords, nextWordAfterSpaces, wordEnd } from './claim/words.js';

export function annotateClaims(doc: Document): Document {
  const ledger = new Ledger(doc);
  const claims = [...doc.numbers.map((n) => ledger.figure(n)), ...doc.quotes.map((q) => ledger.statement(q))];
  claims.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...doc, claims };
}

/** Words read after a figure for a casualty word ("33 soldiers were killed"), and before it ("killing 26"). */
const CASUALTY_WORDS_AFTER = 7;
const CASUALTY_WORDS_BEFORE = 3;
/** Words read before a figure for its subject ("the death toll rose to 34"). */
const SUBJECT_WORDS_BEFORE = 4;
/** How far after a figure its subject phrase may run, in characters. */
const SUBJECT_REACH = 60;
/** "33 soldiers wounded": a lower-case past form after the first word ends the phrase. */
const PARTICIPLE = /^\p{Ll}{3,}ed$/u;
const MAX_SUBJECT_WORDS = 4;
/** Nearest distance, in characters, between a cue and the time expression that dates it. */
const CUE_TIME_REACH = 25;

class Ledger {
  constructor(private readonly doc: Document) {}

  figure(number: NumberMention): Claim {
    const sentence = this.sentenceOf(number);
    // The last words before the figure serve both readings below; tokenized once, and only that far back.
    const before = lastWords(this.doc.body, sentence.start, number.start, SUBJECT_WORDS_BEFORE);
    const casualty = this.casualtyOf(number, sentence, before);
    const base = this.subjectOf(number, sentence, before);
    const counted = base === '' || TOLL_BEFORE.has(base.split(' ').pop()!) ? 'people' : base;
    const subject = casualty === null ? base : `${counted} ${casualty}`;
    const event = casualty === null ? null : this.eventOf(number, sentence, casualty);
    const quote = this.quoteHolding(number) ?? this.quoteCuedIn(sentence);
    const eventAttribution = event === null ? null : this.doc.events[event]!.attribution;
    const attribution = quote ? attributionOf(quote) : eventAttribution;
    return {
      kind: 'figure',
      start: number.start,
      end: number.end,
      text: number.text,
      subject,
      value: number.value,
      min: number.min,
      max: number.max,
      approx: number.approx,
      unit: number.unit,
      attribution,
      asserted: this.assertedAt(quote),
      sentence,
      event,
    };
  }

  statement(quote: Quote): Claim {
    const speakerKey = quote.speaker?.key ?? null;
    const named = speakerKey === null ? undefined : this.firstEntityWithKey(speakerKey);
    return {
      kind: 'statement',
      start: quote.start,
      end: quote.end,
      text: quote.text,
      subject: named?.name ?? quote.speaker?.text ?? 'unnamed source',
      value: null,
      min: null,
      max: null,
      approx: false,
      unit: null,
      attribution: attributionOf(quote),
      asserted: this.assertedAt(quote),
      sentence: this.sentenceOf(quote),
      event: null,
    };
  }

  private entitiesByKey: Map<string, Entity> | null = null;

  private firstEntityWithKey(key: string): Entity | undefined {
    if (!this.entitiesByKey) {
      this.entitiesByKey = new Map();
      for (const e of this.doc.entities) if (!this.entitiesByKey.has(e.key)) this.entitiesByKey.set(e.key, e);
    }
    return this.entitiesByKey.get(key);
  }

  private sentenceOf(span: Span): Span {
    const { sentences } = this.doc;
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (s.end <= span.start) lo = mid + 1;
      else if (s.start > span.start) hi = mid - 1;
      else return { start: s.start, end: Math.max(s.end, Math.min(span.end, this.doc.body.length)) };
    }
    return { start: span.start, end: span.end };
  }

  /** "killed" / "injured" when the figure counts casualties: "33 soldiers were killed", "killing 26 soldiers". */
  private casualtyOf(number: NumberMention, sentence: Span, before: readonly string[]): 'killed' | 'injured' | null {
    if (number.kind !== 'count') return null;
    for (const word of firstWords(this.doc.body, number.end, sentence.end, CASUALTY_WORDS_AFTER)) {
      const found = CASUALTY_AFTER.get(word);
      if (found) return found;
    }
    for (let k = before.length - 1; k >= Math.max(0, before.length - CASUALTY_WORDS_BEFORE); k--) {
      const found = CASUALTY_BEFORE.get(before[k]!);
      if (found) return found;
    }
    return null;
  }

  /**
   * The noun phrase the figure counts: the words after it up to the first function word, verb or
   * punctuation ("33 Turkish soldiers were killed" → "Turkish soldiers"); "the death toll rose to
   * 34" → "death toll".
   */
  private subjectOf(number: NumberMention, sentence: Span, before: readonly string[]): string {
    const { body } = this.doc;
    const toll = before.findIndex((w) => TOLL_BEFORE.has(w));
    if (toll >= 0) return before.slice(Math.max(0, toll - 1), toll + 1).filter((w) => !SUBJECT_STOP_WORDS.has(w)).join(' ');
    const phrase: string[] = [];
    const to = Math.min(sentence.end, number.end + SUBJECT_REACH);
    // Words up to the first punctuation mark, which ends the phrase.
    for (let start = nextWordAfterSpaces(body, number.end, to); start >= 0; ) {
      const end = wordEnd(body, start, to);
      const token = body.slice(start, end);
      const word = token.toLowerCase();
      if (phrase.length > 0 || word !== 'of') {
        const participle = phrase.length > 0 && PARTICIPLE.test(token);
        const stop = SUBJECT_STOP_WORDS.has(word) || CASUALTY_AFTER.has(word) || participle;
        if (stop || this.inTimeExpression(start)) break;
        phrase.push(token);
        if (phrase.length === MAX_SUBJECT_WORDS) break;
      }
      start = nextWordAfterSpaces(body, end, to);
    }
    if (phrase.length > 0) return phrase.join(' ');
    return before.filter((w) => !SUBJECT_STOP_WORDS.has(w)).slice(-2).join(' ');
  }

  // The layers are indexed on first use (see claim/lookup.ts): every lookup below answers what a scan
  // of the layer in order would, without reading the whole layer for every figure.
  private timeCoverage: SpanCoverage | null = null;
  private quoteSpans: Containing<Quote> | null = null;
  private cuedQuotes: { quotes: Quote[]; byCueStart: OffsetIndex<Quote> } | null = null;
  private readonly quoteCuedBySentence = new Map<string, Quote | null>();
  private dates: { times: TimeExpression[]; byStart: OffsetIndex<TimeExpression>; byEnd: OffsetIndex<TimeExpression> } | null = null;
  private eventsByFigure: Map<number, EventsByFigure> | null = null;

  private inTimeExpression(offset: number): boolean {
    this.timeCoverage ??= new SpanCoverage(this.doc.times);
    return this.timeCoverage.covers(offset);
  }

  /** The event in the same sentence that reports this figure as its killed or injured count. */
  private eventOf(number: NumberMention, sentence: Span, casualty: 'killed' | 'injured'): number | null {
    this.eventsByFigure ??= indexEventsByFigure(this.doc.events);
    const byValue = this.eventsByFigure.get(sentence.start)?.[casualty];
    if (!byValue) return null;
    let first: number | null = null;
    for (const value of [number.value, number.min, number.max]) {
      const index = value === null ? undefined : byValue.get(value);
      if (index !== undefined && (first === null || index < first)) first = index;
    }
    return first;
  }

  private quoteHolding(span: Span): Quote | null {
    this.quoteSpans ??= new Containing(this.doc.quotes);
    return this.quoteSpans.first(span.start, span.end);
  }

  /** An indirect quote whose cue is in the sentence ("…, according to the IOM", "the ministry said"). */
  private quoteCuedIn(sentence: Span): Quote | null {
    const key = `${sentence.start}:${sentence.end}`;
    const known = this.quoteCuedBySentence.get(key);
    if (known !== undefined) return known;
    if (!this.cuedQuotes) {
      const quotes = this.doc.quotes.filter((q) => q.cue !== null);
      this.cuedQuotes = { quotes, byCueStart: new OffsetIndex(quotes, (q) => q.cue!.start) };
    }
    const { quotes, byCueStart } = this.cuedQuotes;
    const index = byCueStart.firstIn(sentence.start, sentence.end, (q) => q.cue!.end <= sentence.end);
    const quote = index < 0 ? null : quotes[index]!;
    this.quoteCuedBySentence.set(key, quote);
    return quote;
  }

  /** The first date (in text order of the layer) within CUE_TIME_REACH after or before the cue. */
  private assertedAt(quote: Quote | null): string | null {
    const cue = quote?.cue;
    let near: TimeExpression | undefined;
    if (cue) {
      if (!this.dates) {
        const times = this.doc.times.filter((t) => t.type === 'DATE');
        this.dates = { times, byStart: new OffsetIndex(times, (t) => t.start), byEnd: new OffsetIndex(times, (t) => t.end) };
      }
      const { times, byStart, byEnd } = this.dates;
      const starting = byStart.firstIn(cue.end, cue.end + CUE_TIME_REACH);
      const ending = byEnd.firstIn(cue.start - CUE_TIME_REACH, cue.start);
      const index = starting < 0 ? ending : ending < 0 ? starting : Math.min(starting, ending);
      near = index < 0 ? undefined : times[index];
    }
    return near?.value ?? this.doc.published?.value ?? null;
  }
}

/** Per sentence start, per casualty kind: the first event (by index) whose range has this bound. */
type EventsByFigure = Record<'killed' | 'injured', Map<number, number>>;

/**
 * `sameFigure` as a lookup: an event reports a figure when one of the figure's values equals its
 * range's min or max. NaN equals nothing, as under `===`.
 */
function indexEventsByFigure(events: readonly NewsEvent[]): Map<number, EventsByFigure> {
  const index = new Map<number, EventsByFigure>();
  events.forEach((event, i) => {
    let bySentence = index.get(event.sentence.start);
    if (!bySentence) index.set(event.sentence.start, (bySentence = { killed: new Map(), injured: new Map() }));
    for (const casualty of ['killed', 'injured'] as const) {
      for (const bound of [event[casualty].min, event[casualty].max]) {
        if (bound !== null && !Number.isNaN(bound) && !bySentence[casualty].has(bound)) bySentence[casualty].set(bound, i);
      }
    }
  });
  return index;
}

function attributionOf(quote: Quote): Attribution | null {
  if (!quote.speaker) return null;
  return { text: quote.speaker.text, key: quote.speaker.key, cue: quote.cue?.text ?? '' };
}

