/**
 * Character facts the text scanners of linking rely on when they avoid a Unicode pattern in a hot
 * loop (`test/link-characters.test.ts` checks both against the engine over every code point).
 */

const SPACE = /\s/u;

/** `\s` for one UTF-16 code unit (every character `\s` matches is one code unit). */
export function isSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return SPACE.test(String.fromCharCode(unit));
}

/**
 * The characters beyond ASCII that Unicode case folding (`/iu` patterns) matches with an ASCII
 * letter: the long s (ſ, as s) and the Kelvin sign (as k). In a text without them, an `/iu` pattern
 * of ASCII letters matches only where the same pattern matches under plain ASCII `/i`.
 */
export const FOLDS_TO_ASCII = /[\u017f\u212a]/;
