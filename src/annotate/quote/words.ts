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

/** Characters that join two runs of letters into one word: apostrophes, hyphen, period, ampersand, slash ("CNN/ORC"). */
const isJoiner = (code: number): boolean => code === 39 || code === 8217 || code === 45 || code === 46 || code === 38 || code === 47;

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
    // Only upper-case ASCII or non-ASCII letters can change in lower case: most words need no copy.
    let mayHaveCapitals = mayBeCapital(code);
    while (j < end) {
      const next = body.charCodeAt(j);
      if (isLetterOrDigit(next)) {
        if (mayBeCapital(next)) mayHaveCapitals = true;
        j++;
      } else if (isJoiner(next) && j + 1 < end && isLetterOrDigit(body.charCodeAt(j + 1))) {
        if (mayBeCapital(body.charCodeAt(j + 1))) mayHaveCapitals = true;
        j += 2;
      } else if (next === COMMA && isDigit(body.charCodeAt(j - 1)) && isThousandsGroup(body, j + 1, end)) {
        // "1,100 donors": a comma between digit groups is inside the number.
        j += 4;
      } else if (next === PERCENT && isDigit(body.charCodeAt(j - 1))) {
        // "42% say": a share is one word.
        j++;
        break;
      } else break;
    }
    let text = body.slice(i, j);
    let lower = mayHaveCapitals ? text.toLowerCase() : text;
    // "Mitch Vell, R-Ky., said": a period right before a comma never ends a sentence, so it is the abbreviation's.
    if (body.charCodeAt(j) === 46 && j < end && (isAbbreviation(text, lower) || body.charCodeAt(j + 1) === COMMA)) {
      j++;
      text = body.slice(i, j);
      lower += '.';
    }
    words.push({ start: i, end: j, text, lower, isWord: true, capitalized: text[0] !== lower[0] });
    i = j;
  }
  return words;
}

const COMMA = 44;
const PERCENT = 37;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Three digits from `from`, not followed by a fourth. */
function isThousandsGroup(body: string, from: number, end: number): boolean {
  if (from + 3 > end) return false;
  for (let k = from; k < from + 3; k++) if (!isDigit(body.charCodeAt(k))) return false;
  return !isDigit(body.charCodeAt(from + 3));
}

const mayBeCapital = (code: number): boolean => (code >= 65 && code <= 90) || code >= 128;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f) || (code >= 0x370 && code <= 0x1fff) || (code >= 0x2c00 && code <= 0x2fff) || code >= 0x3040;
}

function isAbbreviation(text: string, lower: string): boolean {
  return ABBREVIATIONS.has(lower) || (text.length === 1 && text !== lower);
}
