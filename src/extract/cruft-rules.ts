/**
 * Data for cleanText: which lines of plain text are web furniture rather than article text. Every rule is anchored
 * at the start of the line and limited in length, so a real paragraph that merely mentions the same words survives.
 */

export interface LineRule {
  name: string;
  pattern: RegExp;
  /** Lines longer than this (in words) are never dropped by the rule. */
  maxWords: number;
}

/** Single lines dropped wherever they appear. */
export const CRUFT_LINE_RULES: LineRule[] = [
  { name: 'posted on … by …', pattern: /^(?:date \d{4}-\d{2}-\d{2}\s+)?posted on\b[^.!?]*\bby\b[^.!?]*$/i, maxWords: 20 },
  { name: 'posted in / filed under', pattern: /^(?:posted in\b|filed under\b|categories\s*:|category\s*:)/i, maxWords: 25 },
  { name: 'tag list', pattern: /^tags?\s*:/i, maxWords: 40 },
  {
    name: 'share box',
    pattern:
      /^(?:share(?: this(?: article| story| post)?| on \w+| via \w+| with a friend)?|tweet|pin(?: it)?|print(?: this(?: article| page)?)?|e-?mail(?: this(?: article| story)?)?|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|message)\s*:?$/i,
    maxWords: 5,
  },
  { name: 'click to share', pattern: /^click to (?:share|email|print)\b/i, maxWords: 20 },
  {
    name: 'captcha',
    pattern: /^(?:you must enter the characters|enter the (?:code|characters) (?:shown|you see)|type the characters|i'?m not a robot)/i,
    maxWords: 40,
  },
  {
    name: 'photo credit',
    pattern:
      /^\(?(?:photos?|images?|pictures?|photograph|video)(?:\s+by|\s*:|\s+credits?\s*:?|\s+source\s*:?|\s+copyright)\s*\S.*$|^(?:getty images|image copyright\b.*|image source\b.*|image caption\b.*|credit\s*:.*)$/i,
    maxWords: 12,
  },
  {
    name: 'cookie banner',
    pattern: /^(?:.*\b(?:we|this (?:web)?site) uses? cookies\b|.*\baccept (?:all )?cookies\b|cookie (?:policy|settings|preferences)\b)/i,
    maxWords: 80,
  },
  {
    name: 'agency credit',
    pattern: /^[^.]{0,80}\/\s*(?:getty images|shutterstock|reuters|afp|ap|alamy|istock(?:photo)?|epa|bloomberg)(?: via getty images)?$|\bcredit\s*:$/i,
    maxWords: 40,
  },
  { name: 'copyright', pattern: /^(?:©|\(c\)\s*\d{4}|copyright\b\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b/i, maxWords: 30 },
  {
    name: 'newsletter prompt',
    pattern:
      /^(?:sign up|subscribe|get the latest|join our|enter your e-?mail)\b.*\b(?:newsletter|inbox|e-?mail|alerts)\b/i,
    maxWords: 30,
  },
  {
    name: 'advertisement',
    pattern:
      /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?)(?:\s*[-–—:]\s*(?:(?:page|story|article) continues below|continue reading below))?$/i,
    maxWords: 6,
  },
  { name: 'skip link', pattern: /^(?:skip to (?:main )?content|skip navigation|jump to (?:content|recipe|navigation)|[<^↑]?\s*back to top)$/i, maxWords: 5 },
  {
    name: 'comment prompt',
    pattern:
      /^(?:leave a (?:comment|reply)|comments are closed\.?|log ?in to (?:comment|reply)|you must be logged in to post a comment\.?|post a comment|add a comment|no comments(?: yet)?\.?|\d+ comments?:?|comments?(?: \(\d+\))?|reply|replydelete|join the discussion)$/i,
    maxWords: 12,
  },
  { name: 'follow us', pattern: /^follow us\b/i, maxWords: 12 },
  {
    name: 'forum and Q&A chrome',
    pattern:
      /^(?:ask question|start asking to get answers|find the answer to your question by asking\.?|explore related questions|see similar questions with these tags\.?|add a comment\s*\|?|you must (?:log ?in|be logged in|sign in)(?: or register)? to (?:answer|post|reply|comment)\b.*|click to expand\.*|search forums|new posts|no posts(?: found)?\.?|view attachment \d+|viewing \d+ posts? - \d+ through \d+ \(of \d+ total\)|table of contents|sticky|locked|joined|moderator|guest|messages|location|contact:|(?:new|well-known|senior|junior|active|registered|established|valued|premium|platinum|gold|silver|bronze) member|member|(?:posts|messages|joined|reaction score|points|views|replies)\s*:\s*[\d,.]+k?)$/i,
    maxWords: 20,
  },
  { name: 'reputation badges', pattern: /^[\d.,k\s]*(?:\d+\s*(?:gold|silver|bronze) badges?\s*)+$/i, maxWords: 12 },
  {
    name: 'post timestamp',
    pattern: /^(?:#\d+\s*·\s*)?(?:(?:asked|answered|commented|edited|modified|posted|updated|last updated|published|last modified|date|dated)(?: on)?\s*:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[+-]\d{2}:?\d{2})?)?$/i,
    maxWords: 10,
  },
  {
    name: 'shop chrome',
    pattern:
      /^(?:sale|sold out|sale sold out|quantity:?|unit price\s*\/?\s*per|slide \d+ of \d+|\d+ of \d+|\(?\d+\)? reviews?|reviews|add to (?:cart|bag|basket|wishlist)|buy now|in stock|out of stock|regular price|sale price|compare|filters?|sort by\b.*)$/i,
    maxWords: 8,
  },
  { name: 'bare number', pattern: /^#?\d{1,4}$/, maxWords: 1 },
  {
    name: 'teaser link',
    pattern: /^(?:read (?:more about|the full)\b|(?:view|see) all (?:posts|articles|stories) by\b|more (?:posts|articles|stories) by\b)[^.!?]*$/i,
    maxWords: 20,
  },
  {
    // a byline is metadata, not article text; names are capitalised, and a sentence ("By Monday, … left.") ends
    name: 'byline',
    pattern:
      /^(?:(?:[Ww]ritten|[Rr]eviewed|[Mm]edically [Rr]eviewed|[Ff]act[- ][Cc]hecked|[Ee]dited) )?(?:[Bb]y|BY)\s*:?\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|and|&))*(?:\s*[,|(–—-]\s*[^.!?]*)?$/u,
    maxWords: 20,
  },
  { name: 'reading time', pattern: /^(?:[^.!?]{0,40}[,·|•-]\s*)?\d{1,3} min(?:ute)?s?\.? read$/i, maxWords: 10 },
  { name: 'media placeholder', pattern: /^(?:image|photo|video|gallery|image credit|image alt|play video|watch video)\s*:?$/i, maxWords: 2 },
  { name: 'source credit', pattern: /^(?:image |photo )?source\s*:\s*[^.!?]+$/i, maxWords: 8 },
  {
    name: 'video player notice',
    pattern: /^(?:please )?(?:enable|turn on) javascript to (?:watch|view|play) this video\.?$|^(?:your browser does not support (?:html5 )?video|this video (?:is )?(?:not available|unavailable))\b.*$/i,
    maxWords: 16,
  },
  {
    // registration and sign-in modals that crawlers capture instead of (or around) the article
    name: 'account box',
    pattern:
      /^(?:just one more thing\.*|we have sent (?:you )?a (?:verification|confirmation) (?:e-?mail|link)\b.*|if you do not receive the (?:verification|confirmation) (?:message|e-?mail)\b.*|please check your (?:e-?mail|spam)\b.*|thank you for registering!?|we look forward to seeing you\b.*|sign in using (?:you|your)r? (?:account|\w+ profile)\b.*|welcome back\.? please sign in\.?|why are we asking this\??|by submitting your registration information\b.*|already have an account\??|already a subscriber\??|click (?:on )?the button below to set up your account\b.*|you are the owner of this article\.?|click here to return to the page you were visiting\.?|close|log ?in|sign ?in|register|sign up|create an account|forgot (?:your )?password\??)$/i,
    maxWords: 40,
  },
  {
    name: 'social follow line',
    pattern: /^(?:follow|like|find) [\w.-]+(?:\.com)?\s*:\s*(?:facebook|twitter|instagram)\b[\w\s|,]*$/i,
    maxWords: 10,
  },
  {
    name: 'newsletter heading',
    pattern: /^(?:e-?mail )?newsletters?\b.{0,20}\bsign up\b[^.!?]*(?:newsletters?|alerts)\.?$/i,
    maxWords: 14,
  },
  { name: 'read more inline', pattern: /^(?:read more|read also|also read|related|see also|more)\s*:\s*\S[^.]*$/i, maxWords: 25 },
];

/**
 * Headings of related-link blocks; the heading and the run of short link-title lines that follows it are dropped,
 * up to the next real paragraph.
 */
export const LINK_BLOCK_HEADING =
  /^(?:read more|read also|also read|read next|up next|what to read next|keep reading|more to read|read these next|related|related (?:articles|posts|stories|news|content|links|coverage|reading|topics|resources|guides|videos)|more (?:from|in|on) .{1,60}|more like this|more (?:articles|stories|news|posts)|other (?:articles|stories|posts)|recommended(?: for you| stories| articles| reading| posts)?|editor'?s picks|you (?:may|might|will) also (?:like|enjoy)|you (?:may|might) (?:also )?be interested in|don'?t miss|in case you missed it|most (?:read|viewed|shared)|popular (?:posts|stories|articles)|recent (?:posts|articles|stories)|trending(?: now| stories)?|latest (?:news|stories|posts|articles))\s*[:.…]*$/i;

/**
 * Headings of sections that close an article page without being its text: author and reviewer bios, disclaimers,
 * footnotes. Reference lists stay (readers and the benchmark both often count them as content). Such a heading and
 * everything after it are dropped, but only when what follows is a tail of the text (a long section after one of
 * these headings is content that happens to carry the name).
 */
export const TRAILING_SECTION_HEADING =
  /^(?:about the (?:authors?|reviewers?|writers?|contributors?|editors?)|about our (?:authors?|experts?)|meet the (?:authors?|writer)|author bio(?:graphy)?|disclaimers?(?: (?:and|&) disclosures?)?|disclosures?|footnotes)\s*:?$/i;

/** Openers of photo captions, which are not article text. */
export const CAPTION_OPENER =
  /^(?:(?:a|this|an undated) (?:picture|photo|photograph|handout picture|handout photo|file photo|image|screen ?grab|video grab)\b[^.]*\b(?:taken|shows|released|made|obtained|provided)\b|file photo\b|pictured\s*:|in this (?:photo|picture|image|file photo)\b)/i;

/** A trailing credit in parentheses: "(Photo by AFP)", "(AFP)", "(Reuters/John Doe)". */
export const TRAILING_CREDIT =
  /\s*\((?:(?:photo|image|picture|file photo)s?\s*(?:by|:|credit:?)\s*[^()]{1,60}|afp|reuters|ap|getty images|epa|anadolu agency)(?:\s*\/\s*[^()]{1,40})?\)$/i;
