import { Readability } from '@mozilla/readability';
import type { HtmlDom } from './dom.js';
import { NEVER_TEXT_TAGS, textOf, type WalkNode } from './text-of.js';
import { BOILERPLATE_ROLES, BOILERPLATE_TAGS, isBoilerplateName } from './html-rules.js';
import { countWords as wordCount } from './words.js';

type PageElement = ReturnType<HtmlDom['querySelectorAll']>[number];

/** Comment sections go when an article precedes them; when posts start the page, it is a thread (forum, Q&A). */
const COMMENT_MAX_SHARE = 0.9;
const COMMENT_MIN_LEAD_WORDS = 80;
/** Share of an element's words inside links above which it is a list of links (menus, "recent posts"). */
const LINK_LIST_DENSITY = 0.8;
/** A marked <main>/<article> holding less than this share of the body's words is a widget, not the content. */
const MIN_MARKED_CONTAINER_SHARE = 0.3;


function isHidden(element: PageElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function classAndId(element: PageElement): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

interface TextStats {
  words: number;
  linkWords: number;
  links: number;
}

/** Word and link-word counts of every element under `root`, in one bottom-up pass. */
function measure(root: PageElement): Map<PageElement, TextStats> {
  const stats = new Map<PageElement, TextStats>();
  const visit = (element: PageElement, inLink: boolean): TextStats => {
    const isLink = element.tagName.toUpperCase() === 'A';
    const own: TextStats = { words: 0, linkWords: 0, links: isLink ? 1 : 0 };
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 3) {
        const words = wordCount(child.nodeValue ?? '');
        own.words += words;
        if (inLink || isLink) own.linkWords += words;
      } else if (child.nodeType === 1) {
        const tag = (child as PageElement).tagName.toUpperCase();
        if (NEVER_TEXT_TAGS.has(tag)) continue;
        const sub = visit(child as PageElement, inLink || isLink);
        own.words += sub.words;
        own.linkWords += sub.linkWords;
        own.links += sub.links;
      }
    }
    stats.set(element, own);
    return own;
  };
  visit(root, false);
  return stats;
}

/** What the removal rules read of an element, read once per element: attributes do not change while stripping. */
interface ElementFacts {
  /** Upper-case tag name. */
  tag: string;
  /** Class and id, space-separated. */
  names: string;
}

/** A removal rule: what it matches, and the largest share of the container's words it may remove (so that a
 *  rule never deletes a wrapper holding most of the page, e.g. a <form> around everything or "has-sidebar"). */
interface RemovalRule {
  why: string;
  matches: (element: PageElement, stats: TextStats, facts: ElementFacts) => boolean;
  maxShare: number;
  /** Whether the share limit applies to all matches together (comment threads, tab panels, link grids) rather
   *  than to each match alone. */
  aggregate?: boolean;
  /** Words of other text that must come before the first match (an article above its comments). */
  minLeadWords?: number;
  /** Words the container must hold for the rule to apply at all. */
  minRootWords?: number;
}

const COMMENT_NAME = /(?:^|[\s_-])(?:comments?|commentlist|comment-list|respond|disqus|discussion|replies)(?=$|[\s_-])/i;

/** Captions and credits of pictures are not article text; a page made mostly of them is a gallery, so they stay.
 *  Whole class names only: "caption-wrapper" and the like also wrap a slider's text. */
const CAPTION_NAME = /(?:^|\s)(?:wp-caption-text|caption|caption-text|image-caption|photo-caption|img-caption|credit|image-credit|photo-credit)(?=$|\s)/i;
const CAPTION_MAX_SHARE = 0.25;
/** A class-named caption counts only next to its picture (a slider's "caption" holds the slide's text). */
const besideAPicture = (element: PageElement): boolean => element.parentElement?.querySelector('img, picture') != null;
/** On a short page a "caption" may be all there is (opening hours under a picture). */
const CAPTION_MIN_PAGE_WORDS = 150;

const REMOVAL_RULES: RemovalRule[] = [
  { why: 'never text', matches: (_e, _s, f) => NEVER_TEXT_TAGS.has(f.tag), maxShare: 1 },
  { why: 'furniture tag', matches: (_e, _s, f) => BOILERPLATE_TAGS.has(f.tag), maxShare: 0.4 },
  {
    why: 'furniture role',
    matches: (e) => BOILERPLATE_ROLES.has((e.getAttribute('role') ?? '').toLowerCase()),
    maxShare: 0.4,
  },
  { why: 'hidden', matches: (e) => isHidden(e), maxShare: 0.4, aggregate: true },
  {
    why: 'furniture name',
    matches: (_e, _s, f) => f.tag !== 'MAIN' && f.tag !== 'ARTICLE' && isBoilerplateName(f.names),
    maxShare: 0.4,
  },
  {
    why: 'caption',
    matches: (e, _s, f) => f.tag === 'FIGCAPTION' || (CAPTION_NAME.test(f.names) && besideAPicture(e)),
    maxShare: CAPTION_MAX_SHARE,
    aggregate: true,
    minRootWords: CAPTION_MIN_PAGE_WORDS,
  },
  {
    why: 'comment section',
    matches: (_e, _s, f) => COMMENT_NAME.test(f.names),
    maxShare: COMMENT_MAX_SHARE,
    aggregate: true,
    minLeadWords: COMMENT_MIN_LEAD_WORDS,
  },
  {
    why: 'link list',
    matches: (_e, s) => s.links >= 3 && s.linkWords >= LINK_LIST_DENSITY * s.words,
    maxShare: 0.45,
    aggregate: true,
  },
];

const NO_TEXT: TextStats = { words: 0, linkWords: 0, links: 0 };

/**
 * The element tree as the rules walk it, read from the DOM once per stripBoilerplate: each element's children and
 * facts. Elements removed by an earlier rule are remembered and skipped (their parent's list still holds them).
 */
class StripTree {
  private readonly children = new Map<PageElement, PageElement[]>();
  private readonly facts = new Map<PageElement, ElementFacts>();
  readonly removed = new Set<PageElement>();

  childrenOf(element: PageElement): PageElement[] {
    let list = this.children.get(element);
    if (!list) {
      list = Array.from(element.children);
      this.children.set(element, list);
    }
    return list;
  }

  factsOf(element: PageElement): ElementFacts {
    let facts = this.facts.get(element);
    if (!facts) {
      facts = { tag: element.tagName.toUpperCase(), names: classAndId(element) };
      this.facts.set(element, facts);
    }
    return facts;
  }
}

/** The outermost elements under `root` that a rule would remove, each small enough on its own. */
function ruleMatches(
  root: PageElement,
  rule: RemovalRule,
  stats: Map<PageElement, TextStats>,
  limit: number,
  tree: StripTree,
): PageElement[] {
  const found: PageElement[] = [];
  const visit = (parent: PageElement): void => {
    for (const child of tree.childrenOf(parent)) {
      if (tree.removed.has(child)) continue;
      const own = stats.get(child) ?? NO_TEXT;
      if (own.words <= limit && rule.matches(child, own, tree.factsOf(child))) found.push(child);
      else visit(child);
    }
  };
  visit(root);
  return found;
}

/** Words of text under `root` that come before `target` in document order. */
function wordsBefore(root: PageElement, target: PageElement | undefined, stats: Map<PageElement, TextStats>): number {
  if (!target) return 0;
  let words = 0;
  const visit = (parent: PageElement): boolean => {
    for (const child of Array.from(parent.childNodes)) {
      if (child === target) return true;
      if (child.nodeType === 3) words += wordCount(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as PageElement;
        if (!element.contains(target)) words += stats.get(element)?.words ?? 0;
        else if (visit(element)) return true;
      }
    }
    return false;
  };
  visit(root);
  return words;
}

/**
 * Removes what is never main content: scripts, hidden elements, navigation, banners, share/cookie/newsletter
 * boxes, comment sections under an article, lists of links. A rule whose matches add up to more than its share of
 * the container is skipped: then they are the content (a forum's posts, a product's tabs, a grid of links).
 */
export function stripBoilerplate(root: PageElement): void {
  const stats = measure(root);
  const rootWords = stats.get(root)?.words ?? 0;
  const tree = new StripTree();
  for (const rule of REMOVAL_RULES) {
    if (rule.minRootWords && rootWords < rule.minRootWords) continue;
    const limit = rule.maxShare * rootWords;
    const matches = ruleMatches(root, rule, stats, limit, tree);
    const total = matches.reduce((sum, e) => sum + (stats.get(e)?.words ?? 0), 0);
    if (rule.aggregate && total > limit) continue;
    if (rule.minLeadWords && wordsBefore(root, matches[0], stats) < rule.minLeadWords) continue;
    for (const element of matches) {
      element.remove();
      tree.removed.add(element);
    }
  }
}

/** The page's own main-content container when it marks one, else the body. */
export function mainContainer(dom: HtmlDom): PageElement | null {
  const body = dom.body as PageElement | null;
  if (!body) return null;
  const bodyWords = wordCount(body.textContent ?? '');
  const marked = Array.from(dom.querySelectorAll('main, [role="main"], article'));
  const articles = marked.filter((e) => e.tagName.toUpperCase() === 'ARTICLE');
  const candidates = marked.filter((e) => e.tagName.toUpperCase() !== 'ARTICLE' || articles.length === 1);
  for (const candidate of candidates) {
    if (wordCount(candidate.textContent ?? '') >= MIN_MARKED_CONTAINER_SHARE * bodyWords) return candidate;
  }
  return body;
}

/**
 * Readability gives up (throws) on pages with more elements than this; the page container is then
 * the main text. The largest of WCXB's 511 real pages has 4,182; Readability's passes grow faster
 * than the page.
 */
const READABILITY_MAX_ELEMENTS = 50_000;

/**
 * Readability is skipped on pages whose elements' depths add up to more than this: its clean-up
 * measures every container's text once per enclosing container, so its cost grows with nesting
 * times size (measured: 20,000 list items under 63 nested lists, 16 s; `bench/fuzz.ts` found
 * 2,575 nested list items, weight 494,528 once flattened to depth 128, taking 4–8 s). The heaviest
 * of WCXB's 511 real pages weighs 57,765.
 */
const READABILITY_MAX_NESTING_WEIGHT = 150_000;

/** The sum over all elements of their depth (= the number of ancestor–descendant pairs), without recursion. */
function nestingWeight(root: PageElement): number {
  let weight = 0;
  const stack: Array<[PageElement, number]> = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    weight += depth;
    for (const child of Array.from(element.children)) stack.push([child as PageElement, depth + 1]);
  }
  return weight;
}

/** Readability's article (run on a copy of the page), as text with our block layout; null when it finds none or is skipped. */
export function readabilityText(dom: HtmlDom): { text: string; title: string | null } | null {
  if (nestingWeight(dom.documentElement as unknown as PageElement) > READABILITY_MAX_NESTING_WEIGHT) return null;
  const clone = dom.cloneNode(true) as unknown as Document;
  // keepClasses: the furniture rules below match class names, which Readability strips by default.
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(clone, { charThreshold: 500, keepClasses: true, maxElemsToParse: READABILITY_MAX_ELEMENTS, serializer: (node) => node }).parse();
  } catch {
    // Third-party code on hostile markup (e.g. linkedom's innerHTML spreads every child into one
    // call and overflows the stack past ~100,000 siblings): the page container is the fallback.
    return null;
  }
  if (!article?.content) return null;
  const content = article.content as unknown as PageElement;
  // Readability keeps related-link lists and comment blocks inside the article node; the same furniture rules apply.
  stripBoilerplate(content);
  return { text: textOf(content as unknown as WalkNode), title: article.title?.trim() || null };
}

export function documentTitle(dom: HtmlDom): string | null {
  const og = dom.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  const h1 = dom.querySelector('h1')?.textContent?.trim();
  if (h1) return h1;
  return dom.querySelector('title')?.textContent?.trim() || null;
}

/** Every candidate text of a page, for the choice in extractMainText. Readability works on a copy; the
 *  container candidate strips furniture from `dom` itself. */
export function textCandidates(dom: HtmlDom): {
  readability: { text: string; title: string | null } | null;
  container: string;
  /** Whether the page marked its main content (<main>, role=main, a single <article>) rather than the body. */
  containerMarked: boolean;
} {
  const readability = readabilityText(dom);
  const container = mainContainer(dom);
  let text = '';
  if (container) {
    stripBoilerplate(container);
    text = textOf(container as unknown as WalkNode);
  }
  return { readability, container: text, containerMarked: container !== null && container.tagName.toUpperCase() !== 'BODY' };
}
