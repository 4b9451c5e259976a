import { parseHTML } from 'linkedom';

/** A parsed HTML page (linkedom's DOM, which Readability accepts). */
export type HtmlDom = ReturnType<typeof parseHTML>['document'];

/** Parses a whole page or a fragment; linkedom never throws on malformed markup. */
export function parseDom(html: string): HtmlDom {
  // linkedom treats input without <html> as a fragment with no body; wrap so `document.body` exists.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document;
}
