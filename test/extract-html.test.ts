import { describe, expect, it } from 'vitest';
import { parseDom } from '../src/extract/dom.js';
import { extractMainText } from '../src/extract/html.js';
import { textOf, type WalkNode } from '../src/extract/text-of.js';
import { repairMojibake } from '../src/extract/mojibake.js';

const PARAGRAPHS = [
  'The harbour council of Westmarch voted on Tuesday to rebuild the old stone pier, which storms damaged badly last winter and which fishermen have used for more than a century.',
  'The work will cost about four million crowns, according to the council’s engineers, who presented three designs to residents at a packed meeting in the town hall on Monday evening.',
  'Councillor Anna Brix said the vote was the most important decision the council had taken in a decade, and that the town could not afford to lose its fishing fleet to the larger ports in the south.',
  'Opponents argued that the money should be spent on the flood defences instead, pointing to the two floods that reached the market square in the past five years and the cost of the clean-up.',
  'Work is expected to begin in the spring and to last about eighteen months, the council said, during which the ferry to the islands will leave from a temporary landing north of the harbour.',
];

const articlePage = `<!DOCTYPE html><html><head><title>Westmarch votes to rebuild its pier | Westmarch Gazette</title>
<meta property="og:title" content="Westmarch votes to rebuild its pier"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Westmarch votes to rebuild its pier</h1>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<div class="share-box"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry strike ends</a></li><li><a href="/b">Quota rules change</a></li><li><a href="/c">New lighthouse keeper</a></li></ul></aside>
<footer><p>© 2021 Westmarch Gazette. All rights reserved.</p></footer>
<script>var tracking = "never text";</script>
</body></html>`;

describe('extractMainText', () => {
  it('returns the article paragraphs separated by blank lines, without furniture', () => {
    const { text, title } = extractMainText(parseDom(articlePage), 'https://gazette.example/pier');
    expect(title).toBe('Westmarch votes to rebuild its pier');
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    expect(text).toContain(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
    for (const furniture of ['Home', 'Ferry strike ends', 'All rights reserved', 'tracking']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('keeps every card of a listing page, not just the biggest one', () => {
    const cards = Array.from({ length: 12 }, (_, i) => ({
      name: `Harbour walk number ${i + 1}`,
      blurb: `A gentle coastal route of ${i + 3} kilometres past the old pier, the lighthouse and the dunes north of town.`,
    }));
    const page = `<html><head><title>Coastal walks</title></head><body>
      <nav><a href="/">Home</a> <a href="/walks">Walks</a> <a href="/maps">Maps</a></nav>
      <main><h1>Coastal walks around Westmarch</h1>
      ${cards.map((c) => `<div class="card"><h2>${c.name}</h2><p>${c.blurb}</p></div>`).join('\n')}
      </main><footer>Contact us</footer></body></html>`;
    const { text } = extractMainText(parseDom(page), null);
    for (const card of cards) {
      expect(text).toContain(card.name);
      expect(text).toContain(card.blurb);
    }
    expect(text).not.toContain('Contact us');
  });

  it('drops the comment section under an article but keeps the posts of a thread', () => {
    const comments = Array.from(
      { length: 6 },
      (_, i) => `<div class="comment" id="comment-${i}"><p>Reader ${i + 1} wrote: I walked on that pier every summer as a child, and I am glad the council finally decided to save it.</p></div>`,
    ).join('');
    const blog = articlePage.replace('</article>', `</article><section id="comments"><h2>6 comments</h2>${comments}</section>`);
    const blogText = extractMainText(parseDom(blog), null).text;
    expect(blogText).toContain(PARAGRAPHS[4]);
    expect(blogText).not.toContain('Reader 1 wrote');

    const thread = `<html><head><title>Pier vote thread</title></head><body><nav><a href="/">Forum index</a></nav><main>
      <h1>Pier vote thread</h1>${comments}</main></body></html>`;
    const threadText = extractMainText(parseDom(thread), null).text;
    for (let i = 1; i <= 6; i++) expect(threadText).toContain(`Reader ${i} wrote`);
  });

  it('drops picture captions and author boxes from an article', () => {
    const figure =
      '<figure><img src="pier.jpg" alt=""><figcaption>Waves break over the damaged pier last winter.</figcaption></figure>';
    const authorBox =
      '<div class="author-box"><p>Jane Doe has reported on the Westmarch harbour and its fishing fleet for more than ten years.</p></div>';
    const recommended =
      '<div class="recommended"><h3>Pier repairs delayed</h3><p>The work on the old pier has been put off for a year.</p></div>';
    const page = articlePage
      .replace(`<p>${PARAGRAPHS[2]}</p>`, `${figure}<p>${PARAGRAPHS[2]}</p>`)
      .replace('</article>', `${authorBox}${recommended}</article>`);
    const { text } = extractMainText(parseDom(page), null);
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    expect(text).not.toContain('Waves break over');
    expect(text).not.toContain('Jane Doe has reported');
    expect(text).not.toContain('put off for a year');
  });

  it('keeps a caption on a short page, where it may be all the text there is', () => {
    const page = '<html><body><figure><img src="m.jpg"><figcaption>Market open Thursdays from 9 to 1.</figcaption></figure></body></html>';
    expect(extractMainText(parseDom(page), null).text).toContain('Market open Thursdays');
  });

  it('falls back to the page text when Readability finds nothing', () => {
    const page = '<html><head><title>Opening hours</title></head><body><div>Open daily from 9 to 5.</div></body></html>';
    const { text, title } = extractMainText(parseDom(page), null);
    expect(text).toBe('Open daily from 9 to 5.');
    expect(title).toBe('Opening hours');
  });

  it('never throws on malformed or empty markup', () => {
    for (const html of ['', '<p>unclosed <b>bold', '<html><body></body></html>', '<table><tr><td>x']) {
      expect(() => extractMainText(parseDom(html), null)).not.toThrow();
    }
  });
});

describe('repairMojibake', () => {
  it('decodes UTF-8 read as Latin-1 and leaves real Latin-1 text alone', () => {
    const broken = Buffer.from('Westmarch’s pier — café', 'utf8').toString('latin1');
    expect(repairMojibake(broken)).toBe('Westmarch’s pier — café');
    expect(repairMojibake('Ça coûte 5 € à Zürich')).toBe('Ça coûte 5 € à Zürich');
  });
});

describe('textOf keeps block structure', () => {
  it('puts headings, list items and table rows on their own lines', () => {
    const dom = parseDom(`<div><h2>Prices</h2><ul><li>Day ticket</li><li>Week   ticket</li></ul>
      <table><tr><td>Adult</td><td>12</td></tr><tr><td>Child</td><td>6</td></tr></table>
      <p>Line one<br>line two</p></div>`);
    expect(textOf(dom.body as unknown as WalkNode)).toBe(
      'Prices\n\nDay ticket\n\nWeek ticket\n\nAdult 12\n\nChild 6\n\nLine one\nline two',
    );
  });
});
