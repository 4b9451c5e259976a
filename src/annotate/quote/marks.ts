/**
 * Quoted passages: text between quotation marks, curly (“…”, «…») or straight ("…"). A passage
 * never crosses a paragraph break; an opening mark left unclosed at the end of its paragraph (the
 * news convention for a quote that runs on into the next paragraph) quotes the rest of it. A
 * closing mark typed where a paragraph opens, before a letter, opens a quotation ("”Fear. …”").
 */
import type { Span } from '../../document.js';

export interface QuotedSpan extends Span {
  /** The text inside the marks, trimmed of spaces and of a trailing comma. */
  inner: Span;
  closed: boolean;
}

/** Typewriter-style sources write a straight double quote as two apostrophes (''…''). */
const MARK = /[“”"«»\n]|''/g;
const OPENERS = new Set(['“', '«']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = new Set(['"', "''"]);

export function findQuotedSpans(body: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open = -1;
  let openLength = 1;
  MARK.lastIndex = 0;
  for (let match = MARK.exec(body); match !== null; match = MARK.exec(body)) {
    const mark = match[0];
    const at = match.index;
    if (mark === '\n') {
      if (open >= 0) push(body, spans, open, openLength, at, 0);
      open = -1;
    } else if (OPENERS.has(mark) || (open < 0 && (STRAIGHT.has(mark) || opensParagraphWithCloser(body, at, mark)))) {
      open = at;
      openLength = mark.length;
    } else if (open >= 0 && (CLOSERS.has(mark) || STRAIGHT.has(mark))) {
      push(body, spans, open, openLength, at + mark.length, mark.length);
      open = -1;
    }
  }
  if (open >= 0) push(body, spans, open, openLength, body.length, 0);
  return spans;
}

/** "”Fear. I am afraid …”": a closing mark typed at the start of a paragraph, before a letter, opens the quotation. */
function opensParagraphWithCloser(body: string, at: number, mark: string): boolean {
  return CLOSERS.has(mark) && (at === 0 || body[at - 1] === '\n') && /\p{L}/u.test(body[at + 1] ?? '');
}

/** `closeLength` 0: the paragraph ended with the quotation still open. */
function push(body: string, spans: QuotedSpan[], start: number, openLength: number, end: number, closeLength: number): void {
  const closed = closeLength > 0;
  let innerStart = start + openLength;
  let innerEnd = end - closeLength;
  while (innerStart < innerEnd && /\s/.test(body[innerStart]!)) innerStart++;
  while (innerEnd > innerStart && /[\s,]/.test(body[innerEnd - 1]!)) innerEnd--;
  if (innerEnd <= innerStart) return;
  let spanEnd = end;
  while (!closed && spanEnd > innerEnd && /\s/.test(body[spanEnd - 1]!)) spanEnd--;
  spans.push({ start, end: spanEnd, inner: { start: innerStart, end: innerEnd }, closed });
}
