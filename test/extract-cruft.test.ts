import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText } from '../src/extract/cruft.js';
import { readSeed, seedsPresent } from './support/seeds.js';

/** A fictional article paragraph that every case keeps around the cruft. */
const LEAD =
  'The harbour council of Westmarch voted on Tuesday to rebuild the old stone pier, which storms damaged last winter.';
const TAIL = 'Work is expected to begin in the spring and to last about eighteen months, the council said.';

interface CruftCase {
  rule: string;
  cruft: string;
  /** A real paragraph using the rule's words that must survive. */
  survivor: string;
}

const CASES: CruftCase[] = [
  {
    rule: 'Read More block',
    cruft: 'Read More:\n\nMayor opens new ferry terminal in Westmarch\n\nFishermen protest quota cuts\n\nStorm warning for the coast',
    survivor: 'Read more about the plan in the council minutes, which were published on Monday evening.',
  },
  {
    rule: 'Related articles block',
    cruft: 'Related articles\n\nPier repairs delayed again\n\nCouncil budget approved',
    survivor: 'Related articles in the local paper have questioned the cost of the repairs for months.',
  },
  {
    rule: 'More from block',
    cruft: 'More from Westmarch Gazette\n\nHarbour master retires after 30 years\n\nNew lighthouse keeper named',
    survivor: 'More from the harbour fund will go to dredging the channel next year, officials said.',
  },
  {
    rule: 'You may also like block',
    cruft: 'You may also like\n\nTen best beaches near Westmarch\n\nWhere to eat fresh fish this summer',
    survivor: 'You may also like the new promenade, the mayor told residents at the meeting.',
  },
  {
    rule: 'Related resources / might be interested block',
    cruft: 'Related Resources\n\nHow to repair a stone pier\n\nYou might also be interested in…\n\nTen harbours worth a visit',
    survivor: 'Related resources, such as the old harbour plans, were handed to the engineers in March.',
  },
  {
    rule: 'Recommended block',
    cruft: 'Recommended\n\nWhy piers matter to small towns',
    survivor: 'Recommended by engineers, the new design uses granite blocks instead of concrete.',
  },
  {
    rule: 'Posted on … by …',
    cruft: 'Posted on March 3, 2021 by harbourwatch',
    survivor: 'Posted on the town hall door, the notice listed the dates by which objections were due.',
  },
  { rule: 'Posted on by (empty date)', cruft: 'Posted on by harbourwatch', survivor: LEAD },
  { rule: 'date … Posted on by header', cruft: 'date 2021-03-03 Posted on by harbourwatch', survivor: LEAD },
  {
    rule: 'share box',
    cruft: 'Share this:\n\nClick to share on Twitter (Opens in new window)\n\nFacebook\n\nPrint\n\nEmail',
    survivor: 'Share prices of the local ferry company rose after the vote, traders in the port said.',
  },
  {
    rule: 'Message box',
    cruft: 'Message:',
    survivor: 'Message boards in the town were full of complaints about the noise of the works.',
  },
  {
    rule: 'captcha',
    cruft: 'You must enter the characters with black color that stand out from the other characters\n\nEnter the code shown above',
    survivor: 'You must enter the harbour through the eastern gate while the pier is closed, the notice says.',
  },
  {
    rule: 'photo credit line',
    cruft: 'Photo: Westmarch Gazette\n\n(Photo by Harbour Pictures)\n\nGetty Images\n\nImage copyright Harbour Pictures',
    survivor: 'Photo archives show the pier was first rebuilt in 1890 after a similar storm.',
  },
  {
    rule: 'caption with opener and credit',
    cruft: 'A picture taken on March 2, 2021 shows the damaged pier in Westmarch. (Photo by Harbour Pictures)',
    survivor: 'A picture of the old pier hangs in the council chamber, where the vote took place.',
  },
  {
    rule: 'cookie banner',
    cruft: 'We use cookies to improve your experience. By continuing you accept our cookie policy.',
    survivor: 'Cookies and tea were served to the residents who came to watch the vote.',
  },
  {
    rule: 'copyright line',
    cruft: '© 2021 Westmarch Gazette. All rights reserved.',
    survivor: 'Copyright lawyers advised the council on the use of the original architect’s drawings.',
  },
  {
    rule: 'newsletter prompt',
    cruft: 'Sign up for our daily newsletter\n\nSubscribe to get the latest updates in your inbox',
    survivor: 'Sign up sheets for volunteers were handed out at the end of the meeting, which ran late.',
  },
  {
    rule: 'advertisement label',
    cruft: 'Advertisement\n\nAdvertisement - Page continues below\n\nAdvertisement - Continue Reading Below',
    survivor: 'Advertisement boards along the promenade will be removed during the works.',
  },
  { rule: 'skip and back-to-top links', cruft: 'Skip to content\n\n< Back to top', survivor: LEAD },
  {
    rule: 'comment prompts',
    cruft: 'Leave a comment\n\nComments are closed.\n\nLog in to comment\n\n12 comments',
    survivor: 'Leave a comment was the only option for residents who could not attend, the clerk said.',
  },
  {
    rule: 'follow us',
    cruft: 'Follow us on Twitter and Facebook',
    survivor: 'Follow the money, one councillor said, arguing the fund had been mismanaged for years.',
  },
  {
    rule: 'tag list and filed under',
    cruft: 'Tags: pier, harbour, council\n\nFiled under: Local news',
    survivor: 'Tags on the old stones will help the builders put every block back in its place.',
  },
  {
    rule: 'forum and Q&A chrome',
    cruft: 'Ask Question\n\nClick to expand...\n\nYou must log in or register to reply here.\n\nPosts: 1,204\n\nAdd a comment',
    survivor: 'Ask questions early, the harbour master advised, because the permits take months to arrive.',
  },
  {
    rule: 'reputation badges',
    cruft: '12.3k 4 gold badges 21 silver badges 40 bronze badges',
    survivor: 'Badges of the old fishing guild, some of them gold, were found under the pier in 1998.',
  },
  {
    rule: 'post timestamp',
    cruft: 'answered Mar 3, 2021 at 14:05\n\n2021-03-03 12:00:00 +00:00\n\nLast Updated on March 4, 2021\n\ndate 2021-03-05',
    survivor: 'On Mar 3, 2021 the council first discussed the pier, and the debate lasted until 2 a.m.',
  },
  {
    rule: 'forum member chrome',
    cruft: 'Well-known member\n\nMessages\n\nLocation\n\nGuest\n\n#12 · Mar 3, 2021\n\n03-03-2021, 2:14 pm',
    survivor: 'Members of the harbour club were given a say in the design, and most of them liked it.',
  },
  {
    rule: 'shop chrome',
    cruft: 'Sale Sold out\n\nQuantity:\n\nAdd to cart\n\n12 reviews\n\nSlide 2 of 5\n\nSort by: Featured',
    survivor: 'Sale of the old pier stones raised money for the new ferry landing, the treasurer said.',
  },
  { rule: 'bare number', cruft: '42', survivor: '42 residents signed the petition against the design, which was then changed.' },
  {
    rule: 'agency credit',
    cruft: 'Workers on the damaged pier. Credit:\n\nJane Doe/Getty Images',
    survivor: 'Credit for the design goes to a local engineer, who grew up in a house by the harbour.',
  },
  {
    rule: 'teaser links',
    cruft: 'Read more about Harbour Pier Wins Design Award\n\nRead the full Westmarch ferry review\n\nView all posts by Jane Doe',
    survivor: 'Read more about the pier in the council minutes, which were published on Monday evening.',
  },
  {
    rule: 'byline',
    cruft: 'By Jane Doe\n\nWritten By Jane van Doe, Harbour Correspondent\n\nReviewed by: Tom Smith, MD',
    survivor: 'By Monday, most of the boats had left the harbour for their winter moorings up the river.',
  },
  {
    rule: 'reading time',
    cruft: 'November 2021, 3 min read\n\n5 min read',
    survivor: 'A 5 min read of the report shows the pier was never properly insured, the auditor said.',
  },
  {
    rule: 'media placeholders',
    cruft: 'Image\n\nImage Credit\n\nVideo',
    survivor: 'Image problems have dogged the harbour since the storm, the tourism office admitted.',
  },
  {
    rule: 'source credit',
    cruft: 'Source: Westmarch Gazette\n\nImage source: Harbour Pictures',
    survivor: 'Source: a council report published on Monday says the pier will cost twice the estimate.',
  },
  {
    rule: 'video player notice',
    cruft: 'Please enable Javascript to watch this video',
    survivor: 'Please enable Javascript to watch this video, the council told residents whose browsers showed a blank page.',
  },
  {
    rule: 'account box',
    cruft:
      'Just One More Thing...\n\nWe have sent you a verification email. Please check your email and click on the link to activate your profile.\n\nAlready a subscriber?\n\nThank you for registering!\n\nClose',
    survivor: 'Thank you for registering the pier as a heritage site, the mayor wrote to the ministry on Friday.',
  },
  {
    rule: 'social follow line',
    cruft: 'Follow WESTMARCHNEWS.COM: Facebook | Twitter',
    survivor: 'Follow the money, the auditor said: the pier fund paid twice for the same stones.',
  },
  {
    rule: 'newsletter heading',
    cruft: 'Email Newsletters Sign up for one of our email newsletters.',
    survivor: 'Email newsletters sign up readers for the ferry timetable, and the council wants more of them this year.',
  },
];

const wrap = (middle: string): string => `${LEAD}\n\n${middle}\n\n${TAIL}`;

describe('cleanText drops web cruft', () => {
  it.each(CASES)('$rule is dropped', ({ cruft }) => {
    const { body } = cleanText(wrap(cruft), { title: null });
    expect(body).toBe(`${LEAD}\n\n${TAIL}`);
  });

  it.each(CASES)('$rule: a real paragraph with the same words survives', ({ survivor }) => {
    const input = `${LEAD}\n\n${survivor}\n\n${TAIL}`;
    expect(cleanText(input, { title: null }).body).toBe(input);
  });

  it('drops a closing author bio or disclaimer section with its heading', () => {
    const bio = 'About the Author\n\nJane Doe\n\nJane Doe has covered the Westmarch harbour for ten years.';
    const disclaimer = 'Disclaimer:\n\nThis article is for information only and is not legal advice.';
    for (const section of [bio, disclaimer]) {
      expect(cleanText(`${LEAD}\n\n${TAIL}\n\n${section}`, { title: null }).body).toBe(`${LEAD}\n\n${TAIL}`);
    }
  });

  it('keeps a long section under a closing heading, and the heading words inside a paragraph', () => {
    const long = `About the author\n\n${LEAD}\n\n${TAIL}\n\n${LEAD}`;
    expect(cleanText(`${TAIL}\n\n${long}`, { title: null }).body).toBe(`${TAIL}\n\n${long}`);
    const mention = 'About the author of the plan, little is known except that she lives by the harbour.';
    const input = `${LEAD}\n\n${TAIL}\n\n${mention}`;
    expect(cleanText(input, { title: null }).body).toBe(input);
  });

  it('drops a link block at the very end of the text', () => {
    const { body } = cleanText(`${LEAD}\n\nRelated\n\nPier repairs delayed again\n\nCouncil budget approved`, {
      title: null,
    });
    expect(body).toBe(LEAD);
  });

  it('keeps a caption sentence without an opener but drops its trailing credit', () => {
    const caption = 'Workers inspect the damaged pier in Westmarch on March 2, 2021.';
    const { body } = cleanText(`${LEAD}\n\n${caption} (Photo by Harbour Pictures)\n\n${TAIL}`, { title: null });
    expect(body).toBe(`${LEAD}\n\n${caption}\n\n${TAIL}`);
  });

  it('cuts run-together link titles glued to the end of a paragraph', () => {
    const glued =
      'The mayor said the town could not wait any longer.Ferry strike ends after two daysFishermen welcome new quota rules';
    const { body } = cleanText(`${LEAD}\n\n${glued}\n\n${TAIL}`, { title: null });
    expect(body).toBe(`${LEAD}\n\nThe mayor said the town could not wait any longer.\n\n${TAIL}`);
  });

  it('never cuts a glued real sentence', () => {
    const paragraph = 'The mayor said the town could not wait.Nobody in the hall disagreed with her on that point.';
    expect(cleanText(paragraph, { title: null }).body).toBe(paragraph);
  });
});

describe('cleanText headlines', () => {
  it('takes a headline-like first line as the title when none is known', () => {
    const { body, title } = cleanText(`Westmarch votes to rebuild its pier\n\n${LEAD}\n\n${TAIL}`, { title: null });
    expect(title).toBe('Westmarch votes to rebuild its pier');
    expect(body).toBe(`${LEAD}\n\n${TAIL}`);
  });

  it('takes a headline followed by a byline line as the title', () => {
    const { body, title } = cleanText(`Westmarch votes to rebuild its pier\nBy Ana Reyes, Harbour Press\n\n${LEAD}`, { title: null });
    expect(title).toBe('Westmarch votes to rebuild its pier');
    expect(body.endsWith(LEAD)).toBe(true);
    expect(body).not.toContain('Westmarch votes');
  });

  it('does not take the first line of a two-line paragraph of prose as the title', () => {
    const input = `Ships Left The Harbour At Dawn\nand the pier was closed to walkers for the rest of the day.\n\n${LEAD}`;
    expect(cleanText(input, { title: null }).title).toBeNull();
  });

  it('does not take a sentence as the title', () => {
    const { body, title } = cleanText(`${LEAD}\n\n${TAIL}`, { title: null });
    expect(title).toBeNull();
    expect(body).toBe(`${LEAD}\n\n${TAIL}`);
  });

  it('drops repeated headlines when the title is known', () => {
    const title = 'Westmarch votes to rebuild its pier';
    const { body } = cleanText(`${title}\n\n${LEAD}\n\nWestmarch Votes To Rebuild Its Pier\n\n${TAIL}`, { title });
    expect(body).toBe(`${LEAD}\n\n${TAIL}`);
  });

  it('normalises whitespace inside lines and joins paragraphs with a blank line', () => {
    const { body } = cleanText(`  The  pier\u00a0is  old.  \n\n\n\t It will be   rebuilt. `, { title: 'Pier' });
    expect(body).toBe('The pier is old.\n\nIt will be rebuilt.');
  });
});

const squash = (text: string): string => text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');

describe('cleanText properties', () => {
  const lineArbitrary = fc.oneof(
    fc.string(),
    fc.constantFrom('Read More:', 'Related', 'Share this:', 'Posted on by x', 'Photo: X', '', '  ', 'Advertisement'),
    fc.lorem({ maxCount: 30, mode: 'sentences' }),
  );
  const textArbitrary = fc.array(lineArbitrary, { maxLength: 20 }).map((lines) => lines.join('\n'));

  it('never throws and never invents text', () => {
    fc.assert(
      fc.property(textArbitrary, fc.option(fc.string(), { nil: null }), (text, title) => {
        const { body } = cleanText(text, { title });
        const source = squash(text);
        for (const line of body.split('\n')) expect(source.includes(line)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!seedsPresent)('cleanText on the seed articles', () => {
  const seeds = seedsPresent ? ['000', '002'].map((prefix) => ({ prefix, raw: readSeed(prefix) })) : [];
  const squashed = (text: string): string => text.replace(/\s+/g, ' ').trim();

  it.each(seeds)('seed $prefix loses its link block and blog header', ({ raw }) => {
    const { body } = cleanText(raw, { title: null });
    for (const cruft of [
      'Read More',
      'Putin and Erdogan agree to meet next week',
      'UN Security Council holds emergency meeting',
      'Airstrike kills 33 Turkish soldiers in Syria',
      'Posted on by',
    ]) {
      expect(body).not.toContain(cruft);
    }
  });

  it.each(seeds)('seed $prefix keeps every real paragraph verbatim', ({ raw }) => {
    const { body } = cleanText(raw, { title: null });
    const kept = squashed(body);
    const openers = ['At least 33 Turkish soldiers', 'Turkey first sent troops', '“What did we do yesterday?', 'He was referring to a 2016 deal'];
    const paragraphs = raw
      .split(/\n\s*\n/)
      .map(squashed)
      .filter((p) => openers.some((opener) => p.startsWith(opener)));
    for (const paragraph of paragraphs) expect(kept).toContain(paragraph);
  });

  it('every paragraph of the seeds that reads as article text survives', () => {
    for (const { raw } of seeds) {
      const kept = squashed(cleanText(raw, { title: null }).body);
      const articleParagraphs = raw
        .split(/\n\s*\n/)
        .map(squashed)
        .filter((p) => p.split(' ').length > 25 && !/^A picture taken/.test(p));
      for (const paragraph of articleParagraphs) {
        // Where link titles were glued on, the paragraph must survive up to its last sentence end.
        expect(kept).toContain(paragraph.replace(/([.!?…]["”’]?)[^.!?…]*$/u, '$1'));
      }
    }
  });

  it('seed 000 yields its headline as the title and not in the body', () => {
    const { body, title } = cleanText(readSeed('000'), { title: null });
    expect(title).toBe('Turkish, French presidents confer on Syria, Idlib');
    expect(body).not.toContain('Turkish, French presidents confer on Syria, Idlib');
  });
});
