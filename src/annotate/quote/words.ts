/**
 * A small tokenizer of one sentence: words (with inner apostrophes, hyphens and the period of
 * known abbreviations) and single punctuation marks, each with its offsets in `body` and its
 * lower-case form. The quotes stage reads only the sentences that hold a cue or a quote mark, so
 * it tokenizes those alone instead of relying on another stage's token layer. Letters are told by
 * character code (ASCII, Latin-1 and beyond count as letters): this runs on most of every document.
 */
import { ABBREVIATIONS } from './lexicon.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** A word (letters or digits), as opposed to a punctuation mark. */
  isWord: boolean;
  /** Starts with an upper-case letter. */
  capitalized: boolean;
}

/** Characters that join two runs of letters into one word: apostrophes, hyphen, period, ampersand. */
const JOINERS = new Set([39, 8217, 45, 46, 38]);

export function tokenize(body: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  while (i < end) {
    const code = body.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (!isLetterOrDigit(code)) {
      const text = body[i]!;
      words.push({ start: i, end: i + 1, text, lower: text, isWord: false, capitalized: false });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const next = body.charCodeAt(j);
      if (isLetterOrDigit(next)) j++;
      else if (JOINERS.has(next) && j + 1 < end && isLetterOrDigit(body.charCodeAt(j + 1))) j += 2;
      else break;
    }
    let text = body.slice(i, j);
    let lower = text.toLowerCase();
    if (body.charCodeAt(j) === 46 && j < end && isAbbreviation(text, lower)) {
      text += '.';
      lower += '.';
      j++;
    }
    words.push({ start: i, end: j, text, lower, isWord: true, capitalized: text[0] !== lower[0] });
    i = j;
  }
  return words;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x370 && code <= 0x1fff) || (code >= 0x2c00 && code <= 0x2fff) || code >= 0x3040;
}

function isAbbreviation(text: string, lower: string): boolean {
  return ABBREVIATIONS.has(lower) || (text.length === 1 && text !== lower);
}
