import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../src/extract/words.js';

describe('countWords', () => {
  it('counts what /[\\p{L}\\p{N}]+/gu matches, astral letters and lone surrogates included', () => {
    const text = fc
      .array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('𝟘', '𝐀', '\ud800', '\udc00', 'é', '٣', ' ', '-', '\u00a0')), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, (s) => {
      expect(countWords(s)).toBe(s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
    }), { numRuns: 5000 });
  });
});
