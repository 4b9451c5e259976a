/**
 * Plain text of a DOM subtree with the block structure kept: every block element (paragraph, heading, list item,
 * table row, ...) becomes its own paragraph, `<br>` a line break, and runs of whitespace inside a line collapse to
 * one space. Paragraphs are joined with a blank line.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
  'OPTION', 'LEGEND',
]);

/** Elements whose text is never page content. */
export const NEVER_TEXT_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'META',
  'LINK', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON', 'MATH',
]);

const CELL_TAGS = new Set(['TD', 'TH']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The subset of DOM `Node` the walker needs (linkedom and browser nodes both fit). */
export interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
}

const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

function walk(node: WalkNode, out: string[], inPre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const value = node.nodeValue ?? '';
    out.push(inPre ? value.replace(/\r?\n/g, LINE) : value);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toUpperCase();
  if (NEVER_TEXT_TAGS.has(tag)) return;
  if (tag === 'BR') {
    out.push(LINE);
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push(PARAGRAPH);
  else if (CELL_TAGS.has(tag)) out.push(' ');
  const pre = inPre || tag === 'PRE';
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) walk(child, out, pre);
  }
  if (block) out.push(PARAGRAPH);
  else if (CELL_TAGS.has(tag)) out.push(' ');
}

/** Joins raw pieces into paragraphs and lines, collapsing whitespace inside each line. */
export function layoutText(raw: string): string {
  const paragraphs: string[] = [];
  for (const paragraph of raw.split(PARAGRAPH)) {
    const lines = paragraph
      .split(LINE)
      .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
      .filter((line) => line.length > 0);
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n\n');
}

export function textOf(root: WalkNode): string {
  const out: string[] = [];
  walk(root, out, false);
  return layoutText(out.join(''));
}
