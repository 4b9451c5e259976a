import { describe, expect, it } from 'vitest';
import { FOLDS_TO_ASCII, isSpace } from '../src/link/characters.js';

describe('character facts the linking scanners rely on', () => {
  it('isSpace agrees with \\s on every UTF-16 code unit', () => {
    const disagree: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) if (isSpace(unit) !== /\s/u.test(String.fromCharCode(unit))) disagree.push(unit);
    expect(disagree).toEqual([]);
  });

  it('no character beyond ASCII but those of FOLDS_TO_ASCII matches an ASCII letter under /iu', () => {
    const folding: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (/^[a-z]$/iu.test(char) && !FOLDS_TO_ASCII.test(char)) folding.push(char);
    }
    expect(folding).toEqual([]);
    expect(/^s$/iu.test('\u017f') && /^k$/iu.test('\u212a')).toBe(true);
  });
});
