import { parseHTML } from 'linkedom';

/** A parsed HTML page (linkedom's DOM, which Readability accepts). */
export type HtmlDom = ReturnType<typeof parseHTML>['document'];

const PAGE_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i;

/** Parses a whole page or a fragment; linkedom never throws on malformed markup. */
export function parseDom(html: string): HtmlDom {
  // linkedom treats input without a leading <html> as a fragment (or makes <head> the root), leaving
  // no body; wrap unless <html> opens the page (after an optional doctype and comments).
  const bounded = flattenDeepNesting(withoutComments(html));
  const page = PAGE_START.test(bounded) ? bounded : `<!DOCTYPE html><html><head></head><body>${bounded}</body></html>`;
  return parseHTML(page).document;
}

const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Comments never hold a page's text, and hostile pages use them by the hundred thousand: each is a
 * node for linkedom and Readability (measured: 400,000 of them took 4 s to parse and overflowed
 * the stack in Readability). A comment left unclosed stays, as the parser would read it.
 */
export function withoutComments(html: string): string {
  return html.includes('<!--') ? html.replace(COMMENT, '') : html;
}

/**
 * Deepest element nesting kept. The deepest of WCXB's 511 real pages is 39 levels; past this limit
 * a page is hostile or broken, and deeper elements lose their tags (not their text), much as
 * Chromium's parser stops nesting at 512. Readability's list clean-up costs the cube of the
 * nesting depth (measured: 200 nested <ul><li> pairs, 1 s; 256 pairs, 86 s), and our own tree
 * walks recurse once per level.
 */
export const MAX_HTML_DEPTH = 128;

/** Elements with no end tag. */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'isindex']);
/** Elements whose content is raw text: their tags are not markup. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements that an opening tag of the same name closes (`<p>a<p>b` is two siblings, not nested). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

/**
 * Drops the start and end tags of elements nested deeper than MAX_HTML_DEPTH, keeping their text.
 * Pages within the limit are returned unchanged (one scan of their tags). The scan approximates the
 * HTML parser (void elements, raw-text elements, implied end of p/li/td…); where it overestimates
 * depth, only tags are dropped, never text.
 */
export function flattenDeepNesting(html: string): string {
  if (maxDepth(html) <= MAX_HTML_DEPTH) return html;
  const stack = new OpenElements();
  const droppedOpen = new Map<string, number>();
  let out = '';
  let copiedTo = 0;
  forEachTag(html, (closing, name, start, end) => {
    let drop = false;
    if (closing) {
      const dropped = droppedOpen.get(name) ?? 0;
      if (dropped > 0) {
        droppedOpen.set(name, dropped - 1);
        drop = true;
      } else {
        stack.close(name);
      }
    } else if (!VOID_TAGS.has(name) && !html.startsWith('/>', end - 2)) {
      if (SELF_CLOSING_SIBLINGS.has(name) && stack.top() === name) stack.close(name);
      if (stack.depth >= MAX_HTML_DEPTH) {
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
        drop = true;
      } else {
        stack.push(name);
      }
    }
    if (drop) {
      out += html.slice(copiedTo, start);
      copiedTo = end;
    }
  });
  return out + html.slice(copiedTo);
}

function maxDepth(html: string): number {
  const stack = new OpenElements();
  let deepest = 0;
  forEachTag(html, (closing, name, _start, end) => {
    if (closing) {
      stack.close(name);
    } else if (!VOID_TAGS.has(name) && !html.startsWith('/>', end - 2)) {
      if (SELF_CLOSING_SIBLINGS.has(name) && stack.top() === name) stack.close(name);
      stack.push(name);
      if (stack.depth > deepest) deepest = stack.depth;
    }
  });
  return deepest;
}

/**
 * The stack of open elements, with a count per name so that a stray end tag is recognised at once
 * (a plain search down the stack would cost depth × tags on hostile pages).
 */
class OpenElements {
  private readonly names: string[] = [];
  private readonly open = new Map<string, number>();

  get depth(): number {
    return this.names.length;
  }

  top(): string | undefined {
    return this.names[this.names.length - 1];
  }

  push(name: string): void {
    this.names.push(name);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  /** Closes the innermost open `name` and everything opened inside it; a stray end tag changes nothing. */
  close(name: string): void {
    if (!this.open.get(name)) return;
    for (;;) {
      const popped = this.names.pop()!;
      this.open.set(popped, this.open.get(popped)! - 1);
      if (popped === name) return;
    }
  }
}

const isLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
const isNameCode = (code: number): boolean => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x3a || code === 0x2d;

const rawTextEnds = new Map<string, RegExp>();
/** Where the end tag of the raw-text element `name` starts, searching from `from`; -1 when it is missing. */
function rawTextEnd(html: string, name: string, from: number): number {
  let pattern = rawTextEnds.get(name);
  if (!pattern) rawTextEnds.set(name, (pattern = new RegExp(`</${name}`, 'gi')));
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/**
 * Calls `visit` for each start and end tag in document order, skipping the content of raw-text
 * elements. Linear in the page's length: the next `>` is found once and reused by every `<` before
 * it (a regex would rescan to it from each `<` of "<a<a<a…").
 */
function forEachTag(html: string, visit: (closing: boolean, name: string, start: number, end: number) => void): void {
  let nextGt = -1;
  for (let at = html.indexOf('<'); at >= 0; ) {
    const closing = html.charCodeAt(at + 1) === 0x2f;
    const nameStart = closing ? at + 2 : at + 1;
    let nameEnd = nameStart;
    if (isLetter(html.charCodeAt(nameStart))) while (nameEnd < html.length && isNameCode(html.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (nextGt < nameEnd) nextGt = html.indexOf('>', nameEnd);
    if (nextGt < 0) return;
    const end = nextGt + 1;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    visit(closing, name, at, end);
    let next = end;
    if (!closing && RAW_TEXT_TAGS.has(name)) {
      next = rawTextEnd(html, name, end);
      if (next < 0) return;
    }
    at = html.indexOf('<', next);
  }
}
