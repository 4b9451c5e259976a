/**
 * Word counting for extraction: the number of runs of letters and digits (`[\p{L}\p{N}]+` over code points),
 * counted in one pass without building the array of words that `text.match(…).length` would.
 */

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** ASCII letters and digits. */
const isAsciiWordChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);

/** Per BMP code unit: 0 not yet looked up, 1 letter or digit, 2 neither. Filled lazily, one regex test per unit. */
const bmpClass = new Uint8Array(0x10000);

function isBmpWordChar(code: number): boolean {
  let cls = bmpClass[code]!;
  if (cls === 0) {
    cls = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    bmpClass[code] = cls;
  }
  return cls === 1;
}

/** How many words (runs of letters and digits) `text` has: `text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0`. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    if (code < 128) {
      word = isAsciiWordChar(code);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // a surrogate pair is one code point (astral letters and digits count as word characters)
        word = WORD_CHAR.test(text.slice(i, i + 2));
        i++;
      } else {
        word = false;
      }
    } else {
      word = isBmpWordChar(code);
    }
    if (word) {
      if (!inWord) count++;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return count;
}
