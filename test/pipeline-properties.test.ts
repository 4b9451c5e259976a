import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../src/document.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';

/** Fragments of news prose (fictional) to build random documents that exercise every stage. */
const FRAGMENT = fc.constantFrom(
  'At least 33', 'up to 50', 'dozens of', 'Twenty-six', '“', '”', '"', 'said', 'on Thursday', 'in December',
  'this week', 'a 34th soldier', '3.6 million', '$2bn', 'Around 13,000', 'autumn 2018', 'Read More:', 'Posted on by x',
  '\n', '\n\n', '. ', ', ', ' ', 'Marvale', 'the ministry', 'killed', '8:18 PM EST', '2020-03-01', 'é', '😀', '\u00a0',
);

describe('the whole pipeline (property)', () => {
  it('never throws anything but RejectedInput, and every span is exact', () => {
    fc.assert(
      fc.property(
        fc.array(FRAGMENT, { maxLength: 60 }).map((parts) => parts.join(' ')),
        fc.constantFrom('2020-03-01', '2025-03-09T08:00', undefined),
        fc.boolean(),
        (text, published, asHtml) => {
          const record = asHtml ? { html: `<html><body><article><p>${text}</p></article></body></html>`, published } : { text, published };
          let result;
          try {
            result = analyzeRecord('property', record, new Date('2026-11-24T00:00:00Z'));
          } catch (error) {
            expect(error).toBeInstanceOf(RejectedInput);
            return;
          }
          const { body } = result;
          for (const s of result.sentences) expect(s.start >= 0 && s.start < s.end && s.end <= body.length).toBe(true);
          for (const t of [...result.times, ...result.numbers, ...result.entities, ...result.quotes]) {
            expect(body.slice(t.start, t.end)).toBe(t.text);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
