import { parseHTML } from 'linkedom';

/** A parsed HTML page (linkedom's DOM, which Readability accepts). */
export type HtmlDom = ReturnType<typeof parseHTML>['document'];

const PAGE_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i;

/** Parses a whole page or a fragment; linkedom never throws on malformed markup. */
export function parseDom(html: string): HtmlDom {
  // linkedom treats input without a leading <html> as a fragment (or makes <head> the root), leaving
  // no body; wrap unless <html> opens the page (after an optional doctype and comments).
  const page = PAGE_START.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document;
}
