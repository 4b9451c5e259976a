/**
 * The web UI end to end in real Chromium (Debian's /usr/bin/chromium through playwright-core)
 * against the API over an in-memory analysis of the fictional demo corpus, plus one hostile
 * article of our own. Skips with a message when Chromium or the built UI (dist/ui) is absent.
 * `CROSSCHECK_SCREENSHOTS=1` also writes docs/screenshots/*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import type { CanonicalEvent } from '../src/link/events.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { readInputs } from '../src/read/index.js';
import { buildApi } from '../src/serve/app.js';
import { MemoryBackend } from '../src/serve/memory-backend.js';
import { SECURITY_HEADERS, serveUiBeside } from '../src/serve/static.js';
import { segmentBody, splitSnippet } from '../ui/src/segments.js';

const CHROMIUM = '/usr/bin/chromium';
const uiDir = fileURLToPath(new URL('../dist/ui', import.meta.url));
const demoDir = fileURLToPath(new URL('../examples/demo', import.meta.url));
const screenshotDir = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
const takeScreenshots = process.env.CROSSCHECK_SCREENSHOTS === '1';

const missing = [!existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install chromium)`, !existsSync(`${uiDir}/index.html`) && `${uiDir} (vite build --config ui/vite.config.ts)`].filter(Boolean);
if (missing.length > 0 && process.env.CROSSCHECK_REQUIRE_BROWSER === '1') {
  // CI installs Chromium and builds the UI: there, a missing piece is a failure, not a skip.
  throw new Error(`web UI end-to-end tests cannot run: missing ${missing.join(' and ')}`);
}
if (missing.length > 0) process.stderr.write(`web UI end-to-end tests skipped: missing ${missing.join(' and ')}\n`);

/** Fictional: markup that must stay text. */
const HOSTILE = {
  id: 'hostile-markup',
  title: 'Council of Varnholt publishes <b>notice</b> about the ferry',
  source: 'Varnholt Gazette',
  published: '2025-03-12',
  text: [
    'The council of Varnholt said on Tuesday that the harbour ferry will stop for two days. <script>alert(1)</script>',
    'A notice pinned to the ferry office read <img src=x onerror=alert(2)> and nothing else, the harbour master said.',
    'At least 40 passengers were waiting at the pier when the notice went up.',
  ].join('\n\n'),
};

describe('segmentBody', () => {
  it('never loses or duplicates text, whatever the spans', () => {
    const spans = fc.array(fc.record({ start: fc.integer({ min: -5, max: 80 }), end: fc.integer({ min: -5, max: 80 }), info: fc.constantFrom('entity', 'number', 'quote') }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), spans, (body, annotations) => {
        const segments = segmentBody(body, annotations);
        expect(segments.map((s) => s.text).join('')).toBe(body);
        for (const s of segments) {
          expect(body.slice(s.start, s.end)).toBe(s.text);
          for (const a of s.covering) expect(a.start <= s.start && a.end >= s.end).toBe(true);
        }
        for (const a of annotations.filter((x) => x.start >= 0 && x.end <= body.length && x.start < x.end)) {
          expect(segments.filter((s) => s.covering.includes(a)).map((s) => s.text).join('')).toBe(body.slice(a.start, a.end));
        }
      }),
    );
  });

  it('splits search snippets on the match markers only', () => {
    expect(splitSnippet('a <b>fire</b> near <img src=x> <b>x</b>')).toEqual([
      { text: 'a ', match: false }, { text: 'fire', match: true }, { text: ' near <img src=x> ', match: false }, { text: 'x', match: true },
    ]);
  });
});

describe.skipIf(missing.length > 0)('web UI in Chromium', () => {
  let api: FastifyInstance;
  let front: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const now = new Date('2025-03-20T12:00:00Z');
    const records: AnalysisRecord[] = [];
    for await (const item of readInputs([demoDir])) {
      if (item.kind !== 'record') continue;
      try {
        records.push(analyzeRecord(item.origin, item.record, now));
      } catch {
        // the demo holds deliberately rejected inputs
      }
    }
    records.push(analyzeRecord('hostile fixture', HOSTILE, now));
    const backend = new MemoryBackend(now);
    backend.add(records);
    api = await buildApi(backend, { token: null });
    front = await serveUiBeside(api, uiDir);
    base = await front.listen({ port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    if (takeScreenshots) mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await front?.close();
    await api?.close();
  });

  const shoot = async (name: string, target: Page | ReturnType<Page['locator']> = page): Promise<void> => {
    if (takeScreenshots) await target.screenshot({ path: `${screenshotDir}/${name}.png`, ...(target === page ? { fullPage: false } : {}) });
  };

  it('serves the app with strict security headers', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const apiResponse = await fetch(`${base}/api/stories?limit=1`);
    expect(apiResponse.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(404);
  });

  it('lists stories with counts, event types and a conflict badge; filters by event type', async () => {
    await page.goto(`${base}/#/`);
    const cards = page.locator('li.story-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    await expect.poll(() => cards.first().locator('.counts').textContent()).toMatch(/\d+ articles.*\d+ outlets.*\d+ independent sources/);
    expect(await page.locator('li.story-card .badge-conflict', { hasText: 'figures conflict' }).count()).toBeGreaterThan(0);
    await shoot('story-list');
    await page.selectOption('select[name="type"]', 'Protests');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/type=Protests/);
    await cards.first().waitFor();
    const tags = await cards.locator('ul.tags').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toContain('Protests');
  });

  it('opens a conflicting story: timeline with precision, conflicts vs revisions, framing table, sources, map', async () => {
    await page.goto(`${base}/#/`);
    await page.locator('li.story-card', { has: page.locator('.badge-conflict') }).first().locator('h2 a').click();
    await page.locator('#story-heading').waitFor();
    const timeline = page.locator('ol.timeline > li');
    expect(await timeline.count()).toBeGreaterThan(0);
    expect(await page.locator('ol.timeline .precision').first().textContent()).toMatch(/exact day|approximate|vague/);
    expect(await page.locator('.event-card.has-disagreement').count()).toBeGreaterThan(0);
    expect(await page.locator('.conflict-disagreement').count()).toBeGreaterThan(0);
    const framingRows = page.locator('table.framing tbody tr');
    expect(await framingRows.count()).toBeGreaterThan(0);
    expect(await page.locator('table.framing .count').first().textContent()).toMatch(/^×\d+$/);
    expect(await page.locator('ul.sources-tree li').count()).toBeGreaterThan(0);
    const map = page.locator('figure.map svg[role="img"]');
    await map.locator('path.country').first().waitFor();
    expect(await map.getAttribute('aria-label')).toMatch(/^Map of \d+ located events? at \d+ places?$/);
    expect(await map.locator('path.country').count()).toBeGreaterThan(100);
    expect(await map.locator('circle.point').count()).toBeGreaterThan(0);
    await shoot('story');
    if (takeScreenshots) await map.screenshot({ path: `${screenshotDir}/map.png` });
    const card = page.locator('.event-card.has-disagreement').first();
    await card.scrollIntoViewIfNeeded();
    if (takeScreenshots) await card.screenshot({ path: `${screenshotDir}/event-card.png` });
    await page.locator('table.framing').first().scrollIntoViewIfNeeded();
    if (takeScreenshots) await page.locator('section[aria-labelledby="framing-heading"] .table-scroll').first().screenshot({ path: `${screenshotDir}/framing.png` });
  });

  it('shows the words each outlet uses for the same event, and links timeline rows and event cards to event pages', async () => {
    const acts = page.locator('[role="region"][aria-label="Framing: words for each event per outlet"] table.framing');
    await acts.scrollIntoViewIfNeeded();
    expect(await acts.locator('thead th[scope="col"]').first().textContent()).toBe('Event');
    const actRows = acts.locator('tbody tr');
    expect(await actRows.count()).toBeGreaterThan(0);
    expect(await actRows.first().locator('th[scope="row"] a').getAttribute('href')).toMatch(/^#\/event\//);
    expect(await actRows.locator('td .count').first().textContent()).toMatch(/^×\d+$/);
    const timelineRows = page.locator('ol.timeline > li');
    expect(await page.locator('ol.timeline > li a[href^="#/event/"]').count()).toBe(await timelineRows.count());
    expect(await page.locator('.event-card h3 a[href^="#/event/"]').count()).toBe(await page.locator('.event-card').count());
    if (takeScreenshots) await page.locator('[role="region"][aria-label="Framing: words for each event per outlet"]').screenshot({ path: `${screenshotDir}/acts.png` });
  });

  it('opens an event page from a story card by keyboard: figures per source side by side, conflicts marked, map, mentions to the reader', async () => {
    const storyUrl = page.url();
    const card = page.locator('.event-card.has-disagreement', { has: page.locator('.figures') }).first();
    await card.locator('h3 a').focus();
    await page.keyboard.press('Enter');
    await page.locator('#event-heading').waitFor();
    const id = decodeURIComponent(/#\/event\/(.+)$/.exec(page.url())![1]!);
    const event = (await (await fetch(`${base}/api/events/${encodeURIComponent(id)}`)).json()) as CanonicalEvent;
    expect(await page.locator('#event-heading').textContent()).toBe(`${event.type}${event.subtype ? ` · ${event.subtype}` : ''}`);
    expect(await page.locator(`a[href="#/story/${encodeURIComponent(event.story)}"]`).count()).toBe(1);

    const slots = (['killed', 'injured'] as const).filter((slot) => event[slot].reports.length > 0);
    const tables = page.locator('table.figure-table');
    expect(await tables.count()).toBe(slots.length);
    for (const [index, slot] of slots.entries()) {
      const reports = event[slot].reports;
      const table = tables.nth(index);
      expect(await table.locator('caption strong').textContent()).toBe(slot);
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(reports.length);
      // Columns: source, reported, min, max, hedge, attributed to, asserted, copy, revised.
      for (const [row, report] of reports.entries()) {
        const cells = await rows.nth(row).locator('td').allTextContents();
        expect(cells.slice(1, 3)).toEqual([report.min, report.max].map((n) => (n === null ? '–' : n.toLocaleString('en'))));
        expect(cells[3]).toBe(report.hedge);
        expect(cells[6]).toBe(report.copy ? 'copy, not counted' : 'no');
        expect(cells[7]).toBe(report.revised ? 'revised figure' : 'no');
      }
      const disagreeing = new Set(event.conflicts.filter((c) => c.slot === slot && c.kind === 'disagreement').flatMap((c) => c.values.map((v) => v.article)));
      expect(await table.locator('tbody tr.disagrees').count()).toBe(reports.filter((r) => disagreeing.has(r.article)).length);
    }
    expect(await page.locator('tr.disagrees').count()).toBeGreaterThan(0);
    expect(await page.locator('.conflict-disagreement').count()).toBeGreaterThan(0);
    if (event.location?.lat != null) {
      await page.locator('figure.map path.country').first().waitFor();
      expect(await page.locator('figure.map svg[role="img"] circle.point').count()).toBe(1);
    }
    await shoot('event');

    const mentions = page.locator('ul.mentions > li > a');
    expect(await mentions.count()).toBe(event.mentions.length);
    const mention = event.mentions[0]!;
    expect(await mentions.first().textContent()).toBe(`“${mention.text}”`);
    await mentions.first().click();
    await page.locator('#article-heading').waitFor();
    await page.locator('mark.hl-highlight').first().waitFor();
    expect(decodeURIComponent(/#\/article\/([^?]+)/.exec(page.url())![1]!)).toBe(mention.article);
    expect((await page.locator('mark.hl-highlight').allTextContents()).join('')).toBe(mention.text);
    await page.goto(storyUrl);
    await page.locator('#story-heading').waitFor();
  });

  it('follows a summary sentence to the article reader, highlighted and explained, with the text intact', async () => {
    const link = page.locator('ol.summary a').first();
    const sentence = (await link.textContent()) ?? '';
    await link.click();
    await page.locator('#article-heading').waitFor();
    await page.locator('mark.hl-highlight').first().waitFor();
    expect((await page.locator('mark.hl-highlight').allTextContents()).join('')).toBe(sentence);
    for (const layer of ['entity', 'time', 'number']) expect(await page.locator(`.body mark.hl-${layer}`).count(), layer).toBeGreaterThan(0);
    const id = decodeURIComponent(/#\/article\/([^?]+)/.exec(page.url())![1]!);
    const article = (await (await fetch(`${base}/api/articles/${encodeURIComponent(id)}`)).json()) as AnalysisRecord;
    expect(await page.locator('.body').evaluate((el) => el.textContent)).toBe(article.body);
    // Park the pointer on the header: scrolling under a resting pointer fires mouseenter on marks.
    await page.mouse.move(1, 1);
    const number = page.locator('.body mark.hl-number').first();
    await number.focus();
    await expect.poll(() => page.locator('aside.explain').textContent()).toMatch(/Number \((count|money|percent|measure)\)/);
    await page.locator('mark.hl-highlight').first().scrollIntoViewIfNeeded();
    await shoot('article');
    await page.locator('.body mark.hl-entity').first().focus();
    await page.locator('aside.explain a', { hasText: 'Stories that mention it' }).first().click();
    await page.locator('#entity-heading').waitFor();
    await page.locator('li.story-card').first().waitFor();
    expect(await page.locator('li.story-card').count()).toBeGreaterThan(0);
  });

  it('searches and renders snippet markers as marks, the rest as text', async () => {
    await page.goto(`${base}/#/search`);
    await page.fill('form.search input[name="q"]', 'ceasefire');
    await page.press('form.search input[name="q"]', 'Enter');
    const hits = page.locator('ol.hits > li');
    await hits.first().waitFor();
    const snippet = (await hits.first().locator('.snippet').textContent()) ?? '';
    expect(snippet.toLowerCase()).toContain('ceasefire');
    expect(snippet).not.toContain('<b>');
    expect((await hits.first().locator('.snippet mark').first().textContent())?.toLowerCase()).toBe('ceasefire');
  });

  it('renders an article holding <script> and onerror= markup inert, as visible text', async () => {
    await page.goto(`${base}/#/article/${encodeURIComponent(HOSTILE.id)}`);
    const body = page.locator('.body');
    await body.waitFor();
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('#article-heading').textContent()).toContain('<b>notice</b>');
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('main script, #app script').length)).toBe(0);
    await page.goto(`${base}/#/search?q=${encodeURIComponent('onerror')}`);
    await page.locator('ol.hits > li').first().waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('fits a 390 px wide screen without horizontal scrolling and is keyboard navigable', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${base}/#/`);
      await phone.locator('li.story-card h2 a').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.locator('li.story-card', { has: phone.locator('.badge-conflict') }).first().locator('h2 a').focus();
      await phone.keyboard.press('Enter');
      await phone.locator('#story-heading').waitFor();
      await phone.locator('figure.map path.country').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (takeScreenshots) await phone.screenshot({ path: `${screenshotDir}/story-390.png` });
      await phone.locator('.event-card h3 a').first().focus();
      await phone.keyboard.press('Enter');
      await phone.locator('#event-heading').waitFor();
      await phone.locator('ul.mentions a').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (takeScreenshots) await phone.screenshot({ path: `${screenshotDir}/event-390.png` });
      await phone.goBack();
      await phone.locator('#story-heading').waitFor();
      await phone.locator('ol.summary a').first().focus();
      await phone.keyboard.press('Enter');
      await phone.locator('#article-heading').waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.close();
    }
    expect(consoleErrors.filter((m) => /Content Security Policy|Refused/i.test(m))).toEqual([]);
  });
});
