/**
 * Sentences and tokens, from wink-nlp (tokeniser and sentence boundaries). Part-of-speech tagging
 * is off: no stage uses it yet and it costs about a third of wink's time; a stage that needs it
 * turns 'pos' back on here and fills `Token.pos`.
 *
 * wink-nlp gives token values, not offsets, so each token is located in `body` by a forward scan,
 * which keeps every span exact even where wink normalises or splits oddly. On top of wink's
 * boundaries we apply two rules of our own:
 * - a line break always ends a sentence (headlines and list items have no final period);
 * - a boundary inside an open quotation is removed, so that a quoted passage and its attribution
 *   ("What did we do yesterday? We opened the doors," Erdogan said) stay one sentence.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document, Span, Stage, Token } from '../document.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** Loaded lazily: the model costs ~100 ms, which `--help` should not pay. */
function wink(): Wink {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

export interface SentencesAndTokens {
  sentences: Span[];
  tokens: Token[];
}

export function splitSentences(body: string): SentencesAndTokens {
  if (body.trim() === '') return { sentences: [], tokens: [] };
  const engine = wink();
  const its = engine.its;
  const doc = engine.readDoc(body);
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const winkSentences = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  // Locate every wink token in the body; whitespace tokens (line breaks, tabs) are dropped from the layer.
  const located: Array<Token | null> = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const at = value.trim() === '' || types[i] === 'tabCRLF' ? -1 : body.indexOf(value, cursor);
    if (at < 0) {
      located.push(null);
      continue;
    }
    located.push({ start: at, end: at + value.length });
    cursor = at + value.length;
  }
  const tokens = located.filter((t): t is Token => t !== null);

  const raw: Span[] = [];
  for (const [first, last] of winkSentences) {
    let start = -1;
    let end = -1;
    for (let i = first; i <= last; i++) {
      const token = located[i];
      if (!token) continue;
      if (start < 0) start = token.start;
      end = token.end;
    }
    if (start >= 0) raw.push(...splitAtLineBreaks(body, start, end));
  }
  return { sentences: mergeOpenQuotes(body, raw), tokens };
}

function splitAtLineBreaks(body: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  for (let i = body.indexOf('\n', start); i >= 0 && i < end; i = body.indexOf('\n', i + 1)) {
    pushTrimmed(body, from, i, spans);
    from = i + 1;
  }
  pushTrimmed(body, from, end, spans);
  return spans;
}

function pushTrimmed(body: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);

/** True when `text` ends inside a quotation: an unclosed curly quote, or an odd number of straight ones. */
function endsInsideQuote(text: string): boolean {
  let curlyDepth = 0;
  let straight = 0;
  for (const ch of text) {
    if (OPENING.has(ch)) curlyDepth++;
    else if (CLOSING.has(ch)) curlyDepth = Math.max(0, curlyDepth - 1);
    else if (ch === '"') straight++;
  }
  return curlyDepth > 0 || straight % 2 === 1;
}

function mergeOpenQuotes(body: string, sentences: Span[]): Span[] {
  const merged: Span[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    const sameLine = previous !== undefined && !body.slice(previous.end, sentence.start).includes('\n');
    if (previous && sameLine && endsInsideQuote(body.slice(previous.start, previous.end))) {
      previous.end = sentence.end;
    } else {
      merged.push({ ...sentence });
    }
  }
  return merged;
}

export const annotateSentences: Stage = (doc: Document): Document => {
  const { sentences, tokens } = splitSentences(doc.body);
  return { ...doc, sentences, tokens };
};
