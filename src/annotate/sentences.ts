/**
 * Sentences and tokens, from wink-nlp (tokeniser and sentence boundaries), read through ./wink.ts
 * so that they depend on the text alone. Part-of-speech tagging is off: no stage uses it yet and it
 * costs about a third of wink's time; a stage that needs it turns 'pos' back on in ./wink.ts and
 * fills `Token.pos`.
 *
 * wink-nlp gives token values, not offsets, so each token is located in `body` by a forward scan,
 * which keeps every span exact even where wink normalises or splits oddly. On top of wink's
 * boundaries we apply two rules of our own:
 * - a line break always ends a sentence (headlines and list items have no final period);
 * - a boundary inside an open quotation is removed, so that a quoted passage and its attribution
 *   ("What did we do yesterday? We opened the doors," Erdogan said) stay one sentence.
 *
 * Everything after wink is one left-to-right pass over the body: token location, line-break
 * splitting, trimming and the open-quote merge each look at a character at most a few times, and
 * the quote state of the sentence being built is carried forward rather than recomputed.
 */
import type { Document, Span, Stage, Token } from '../document.js';
import { readWithWink } from './wink.js';

export interface SentencesAndTokens {
  sentences: Span[];
  tokens: Token[];
}

const LINE_FEED = 0x0a;

/**
 * The characters of JavaScript's `\s` (and of `String.prototype.trim`), by code unit: a switch on
 * the code is much cheaper than a regex test per character.
 */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  switch (code) {
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200a;
  }
}

/** True when `text` is empty or only whitespace, like `text.trim() === ''` without building a string. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Runs of non-space characters longer than this are not words (real text has none above ~550:
 * long URLs), and wink-nlp must not see them: its abbreviation feature tests each token with
 * `/[a-z].*\.$/i`, which costs the square of the token's length (81 s for one 200,000-character
 * "word", measured). Such a run becomes one token and a sentence of its own.
 */
export const MAX_WORD_CHARS = 1000;

export function splitSentences(body: string): SentencesAndTokens {
  if (isBlank(body)) return { sentences: [], tokens: [] };
  const runs = overlongRuns(body);
  if (runs.length === 0) return splitWithWink(body, 0, body.length);
  // Rare, hostile input: wink reads the text between the runs; each run stands alone.
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  let from = 0;
  for (const run of [...runs, { start: body.length, end: body.length }]) {
    if (run.start > from) {
      const part = splitWithWink(body, from, run.start);
      sentences.push(...part.sentences);
      tokens.push(...part.tokens);
    }
    if (run.end > run.start) {
      sentences.push({ start: run.start, end: run.end });
      tokens.push({ start: run.start, end: run.end });
    }
    from = run.end;
  }
  return { sentences, tokens };
}

/** Runs of more than MAX_WORD_CHARS non-space characters, in body order. */
function overlongRuns(body: string): Span[] {
  const runs: Span[] = [];
  let start = -1;
  for (let i = 0; i <= body.length; i++) {
    const space = i === body.length || isSpaceCode(body.charCodeAt(i));
    if (!space) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > MAX_WORD_CHARS) runs.push({ start, end: i });
    start = -1;
  }
  return runs;
}

/** Sentences and tokens of body[from, to) (offsets in `body`), by wink-nlp and the rules above. */
function splitWithWink(body: string, from: number, to: number): SentencesAndTokens {
  const text = from === 0 && to === body.length ? body : body.slice(from, to);
  if (isBlank(text)) return { sentences: [], tokens: [] };
  // Loaded on first use (the model costs ~100 ms, which `--help` should not pay); forgets `text` after.
  const { values, winkSentences } = readWithWink(text, (doc, its) => ({
    values: doc.tokens().out(its.value) as string[],
    winkSentences: doc.sentences().out(its.span) as unknown as Array<[number, number]>,
  }));

  // Locate every wink token in the body. Whitespace tokens (line breaks, tabs: wink's `tabCRLF`,
  // and any other all-space value) are dropped from the layer, as are values not found verbatim;
  // such tokens keep offset -1 in `startOf` so sentence bounds skip them.
  const count = values.length;
  const startOf = new Int32Array(count);
  const endOf = new Int32Array(count);
  const tokens: Token[] = [];
  let cursor = from;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const found = isBlank(value) ? -1 : body.indexOf(value, cursor);
    const at = found >= 0 && found + value.length <= to ? found : -1;
    startOf[i] = at;
    if (at < 0) continue;
    cursor = at + value.length;
    endOf[i] = cursor;
    tokens.push({ start: at, end: cursor });
  }

  const builder = new SentenceBuilder(body);
  for (const [first, last] of winkSentences) {
    let start = -1;
    let end = -1;
    for (let i = first; i <= last; i++) {
      if (startOf[i]! < 0) continue;
      if (start < 0) start = startOf[i]!;
      end = endOf[i]!;
    }
    if (start >= 0) builder.addSplitAtLineBreaks(start, end);
  }
  return { sentences: builder.sentences, tokens };
}

/**
 * Collects sentence spans in body order, splitting at line breaks, trimming whitespace and merging
 * a span into the previous one when that one ends inside a quotation on the same line.
 */
class SentenceBuilder {
  readonly sentences: Span[] = [];
  /** Quote state of the last sentence, over body[last.start, quoteScannedTo). */
  private curlyDepth = 0;
  private straightCount = 0;
  private quoteScannedTo = 0;

  constructor(private readonly body: string) {}

  /** Adds the wink sentence body[start, end), cut at every line feed. */
  addSplitAtLineBreaks(start: number, end: number): void {
    const body = this.body;
    let from = start;
    for (let i = start; i < end; i++) {
      if (body.charCodeAt(i) !== LINE_FEED) continue;
      this.addTrimmed(from, i);
      from = i + 1;
    }
    this.addTrimmed(from, end);
  }

  private addTrimmed(start: number, end: number): void {
    const body = this.body;
    while (start < end && isSpaceCode(body.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(body.charCodeAt(end - 1))) end--;
    if (end > start) this.add(start, end);
  }

  private add(start: number, end: number): void {
    const previous = this.sentences[this.sentences.length - 1];
    if (previous && !this.hasLineFeed(previous.end, start) && this.endsInsideQuote()) {
      previous.end = end;
    } else {
      this.sentences.push({ start, end });
      this.curlyDepth = 0;
      this.straightCount = 0;
      this.quoteScannedTo = start;
    }
    this.scanQuotes(end);
  }

  private hasLineFeed(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.body.charCodeAt(i) === LINE_FEED) return true;
    return false;
  }

  /** True when the last sentence ends inside a quotation: an unclosed curly quote, or an odd number of straight ones. */
  private endsInsideQuote(): boolean {
    return this.curlyDepth > 0 || this.straightCount % 2 === 1;
  }

  /** Extends the quote state of the last sentence up to `to` (it only ever grows rightwards). */
  private scanQuotes(to: number): void {
    const body = this.body;
    for (let i = this.quoteScannedTo; i < to; i++) {
      switch (body.charCodeAt(i)) {
        case 0x201c: // “
        case 0xab: // «
        case 0x201e: // „
          this.curlyDepth++;
          break;
        case 0x201d: // ”
        case 0xbb: // »
          if (this.curlyDepth > 0) this.curlyDepth--;
          break;
        case 0x22: // "
          this.straightCount++;
          break;
      }
    }
    this.quoteScannedTo = to;
  }
}

export const annotateSentences: Stage = (doc: Document): Document => {
  const { sentences, tokens } = splitSentences(doc.body);
  return { ...doc, sentences, tokens };
};
