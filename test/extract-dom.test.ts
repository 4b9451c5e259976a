import { describe, expect, it } from 'vitest';
import { parseDom } from '../src/extract/dom.js';

describe('parseDom', () => {
  it.each([
    ['a whole page', '<!DOCTYPE html><html><head><title>T</title></head><body><p>Flood text</p></body></html>'],
    ['a page with a comment before <html>', '<!-- saved --><html><body><p>Flood text</p></body></html>'],
    ['a fragment', '<p>Flood text</p>'],
    ['a page without <html> but with <head>', '<!DOCTYPE html><head><title>T</title></head><body><p>Flood text</p><div data-x="<html>"></div></body>'],
  ])('%s has a body with its text', (_name, html) => {
    expect(parseDom(html).body?.textContent).toContain('Flood text');
  });
});
