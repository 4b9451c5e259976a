/**
 * Hostile input: each case once, checking behaviour (no crash, a clear rejection, exact spans, the
 * text kept). How long each takes and how much memory it uses is measured by bench/fuzz.ts, not here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../src/document.js';
import { splitSentences, MAX_WORD_CHARS } from '../src/annotate/sentences.js';
import { cleanText } from '../src/extract/cruft.js';
import { flattenDeepNesting, MAX_HTML_DEPTH, parseDom, withoutComments } from '../src/extract/dom.js';
import { extractDocument, MAX_BODY_CHARS } from '../src/extract/index.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { readBytes } from '../src/read/index.js';

const now = new Date('2026-11-24T00:00:00Z');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RejectedInput) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('oversized input', () => {
  it('rejects a 10 MB single line by its size, naming the limit', () => {
    const [item] = readBytes('line.txt', encode('x'.repeat(10 * 1024 * 1024)));
    expect(item).toMatchObject({ kind: 'rejected', origin: 'line.txt', reason: 'document is 10 MB, over the 5 MB limit' });
  });

  it('refuses to analyse a clean text over the analysis limit, with both lengths in the reason', () => {
    const text = 'Word after word. '.repeat(Math.ceil((MAX_BODY_CHARS + 10) / 17));
    expect(rejection(() => extractDocument('long.txt', { text }, { now }))).toMatch(/^the clean text is [\d,]+ characters, over the 200,000-character limit for analysis$/);
    const huge = 'w '.repeat(MAX_BODY_CHARS * 2);
    expect(rejection(() => extractDocument('huge.txt', { text: huge }, { now }))).toBe('the text is 800,000 characters, over the 200,000-character limit for analysis');
  });

  it('analyses a text just under the limit', () => {
    const text = 'Rain fell on Monday. '.repeat(Math.floor(MAX_BODY_CHARS / 21));
    expect(analyzeRecord('under.txt', { text, published: '2020-03-01' }, now).body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  });
});

describe('overlong "words"', () => {
  it('makes a run of non-space characters longer than a word its own token and sentence, and reads the text around it', () => {
    const run = '7'.repeat(MAX_WORD_CHARS + 500);
    const body = `Ten people were killed. ${run} Officials said on Monday that 12 were hurt.`;
    const { sentences, tokens } = splitSentences(body);
    const texts = sentences.map((s) => body.slice(s.start, s.end));
    expect(texts).toEqual(['Ten people were killed.', run, 'Officials said on Monday that 12 were hurt.']);
    expect(tokens.some((t) => body.slice(t.start, t.end) === run)).toBe(true);
    expect(tokens.map((t) => body.slice(t.start, t.end))).toContain('Officials');
  });

  it('keeps a line of 30,000 digits (no cruft rule looks at lines that long)', () => {
    const line = '1'.repeat(30_000);
    expect(cleanText(`A real paragraph about the flood, which reached the town on Monday.\n\n${line}`, { title: null }).body).toContain(line);
  });
});

describe('hostile HTML', () => {
  it('keeps the text of a page nested 5,000 elements deep, flattening what is deeper than the limit', () => {
    const depth = 5_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The river rose two metres overnight, officials said on Monday, and the old bridge was closed.</p>${'</div>'.repeat(depth)}</body></html>`;
    const flat = flattenDeepNesting(html);
    expect((flat.match(/<div>/g) ?? []).length).toBe(MAX_HTML_DEPTH - 2); // html and body are two of the levels
    expect((flat.match(/<\/div>/g) ?? []).length).toBe(MAX_HTML_DEPTH - 2);
    const doc = extractDocument('deep.html', { html }, { now });
    expect(doc.body).toContain('The river rose two metres overnight');
  });

  it('leaves pages within the depth limit untouched, including implied end tags, void elements and script text', () => {
    const paragraphs = '<p>one'.repeat(2_000); // <p> closes the open <p>: depth stays flat
    const page = `<html><body><script>if (a < b) { x = "<div><div><div>"; }</script>${'<br>'.repeat(1_000)}${paragraphs}<img src=x></body></html>`;
    expect(flattenDeepNesting(page)).toBe(page);
  });

  it('drops comments before parsing, even 400,000 of them, and keeps the text', () => {
    const html = `<html><body>${'<!-- x -->'.repeat(400_000)}<p>The ferry sank near the harbour on Tuesday and all passengers were rescued by fishermen.</p></body></html>`;
    expect(withoutComments(html)).not.toContain('<!--');
    expect(parseDom(html).body.textContent).toContain('The ferry sank');
    expect(extractDocument('comments.html', { html }, { now }).body).toContain('The ferry sank near the harbour');
  });

  it('does not expand a "billion laughs" feed', () => {
    let entities = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    const feed = `<?xml version="1.0"?><!DOCTYPE r [${entities}]><rss><channel><item><title>&l9;</title><description>&l9; and real text</description></item></channel></rss>`;
    const items = readBytes('laughs.xml', encode(feed));
    const size = JSON.stringify(items).length;
    expect(size).toBeLessThan(10 * feed.length);
  });

  it('rejects JSON nested 100,000 deep with a reason, and reads the next line', () => {
    const items = readBytes('deep.jsonl', encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}\n{"text":"A second line that is fine."}`));
    expect(items[0]).toMatchObject({ kind: 'rejected', origin: 'deep.jsonl:1', reason: 'expected a JSON object, got an array' });
    expect(items[1]).toMatchObject({ kind: 'record', record: { text: 'A second line that is fine.' } });
  });
});

describe('hostile text through the whole pipeline (property)', () => {
  const FRAGMENTS = ['"', '“', '”', '1,000,', '9', '.', 'Foo ', 'on Monday ', 'at least ', 'said ', '\n', 'a\n', '12-year-old ', '$2bn ', 'Macron ', '(Reuters) - '];
  const run = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 400 })).map(([piece, n]) => piece.repeat(n));
  it('never throws anything but a rejection, and every span is exact', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(run, fc.string({ unit: 'binary', maxLength: 40 })), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        let result;
        try {
          result = analyzeRecord('hostile', { text, published: '2020-03-01' }, now);
        } catch (error) {
          expect(error).toBeInstanceOf(RejectedInput);
          return;
        }
        const { body } = result;
        for (const span of [...result.times, ...result.numbers, ...result.entities, ...result.quotes]) expect(body.slice(span.start, span.end)).toBe(span.text);
      }),
      { numRuns: 60 },
    );
  });
});
