/** The two real seed articles through the whole pipeline (read at run time; never committed). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../src/document.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { readBytes } from '../src/read/index.js';
import { seedPath, seedsPresent } from './support/seeds.js';

const NOW = new Date('2026-11-24T00:00:00Z');

function analyzeSeed(prefix: string): AnalysisRecord {
  const path = seedPath(prefix);
  const [item] = readBytes(path, readFileSync(path));
  if (item?.kind !== 'record') throw new Error(`seed ${prefix} was not read: ${JSON.stringify(item)}`);
  return analyzeRecord(item.origin, item.record, NOW);
}

const timeValue = (r: AnalysisRecord, text: string): string | undefined => r.times.find((t) => t.text.includes(text))?.value;
const numberAt = (r: AnalysisRecord, text: string) => r.numbers.find((n) => n.text.includes(text));

describe.skipIf(!seedsPresent)('seed 000 (Iran Press / Anadolu relay)', () => {
  const r = seedsPresent ? analyzeSeed('000') : (null as unknown as AnalysisRecord);

  it('has a clean body, its title and a publication date inferred from "early Sunday 1 March"', () => {
    expect(r.title).toBe('Turkish, French presidents confer on Syria, Idlib');
    expect(r.published).toEqual({ value: '2020-03-01', origin: 'text' });
    expect(r.body).not.toMatch(/Read More/);
    expect(r.body).not.toMatch(/Putin and Erdogan agree to meet next week/);
    expect(r.body).not.toMatch(/UN Security Council holds emergency meeting/);
    expect(r.body).toMatch(/^Turkey’s president spoke via telephone/);
    expect(r.body).toContain('Turkish President Recep Tayyip Erdogan has threatened the Syrian government in recent days');
  });

  it('resolves its time expressions against 2020-03-01', () => {
    expect(timeValue(r, 'December')).toBe('2019-12');
    expect(timeValue(r, 'Thursday 27 February')).toBe('2020-02-27');
    expect(timeValue(r, 'this week')).toBe('2020-W09');
    expect(timeValue(r, 'recent weeks')).toBe('PXW');
    expect(timeValue(r, 'recent days')).toBe('PXD');
    expect(r.times.some((t) => t.value === '2016')).toBe(true);
    expect(r.times.some((t) => t.value === '2018')).toBe(true);
  });

  it('reads the hedged figures', () => {
    expect(numberAt(r, 'At least 33')).toMatchObject({ min: 33, value: 33 });
    expect(numberAt(r, 'up to 50')).toMatchObject({ max: 50 });
    expect(r.numbers.some((n) => n.value === 2016 || n.value === 2018)).toBe(false);
  });
});

describe.skipIf(!seedsPresent)('seed 002 (blog repost)', () => {
  const r = seedsPresent ? analyzeSeed('002') : (null as unknown as AnalysisRecord);

  it('is published 2020-03-01 and free of the blog cruft', () => {
    expect(r.published).toEqual({ value: '2020-03-01', origin: 'text' });
    expect(r.body).not.toMatch(/Posted on by/);
    expect(r.body).toContain('He was referring to a 2016 deal with the European Union');
  });

  it('leans weekdays to the past', () => {
    expect(r.times.filter((t) => t.text.includes('Thursday')).map((t) => t.value)).toContain('2020-02-27');
    expect(r.times.filter((t) => t.text.includes('Saturday')).map((t) => t.value)).toContain('2020-02-29');
    expect(timeValue(r, 'autumn 2018')).toBe('2018-FA');
  });

  it('reads number words, multipliers and approximations, and not ordinals', () => {
    expect(numberAt(r, 'Twenty-six')).toMatchObject({ value: 26 });
    expect(numberAt(r, '13,000')).toMatchObject({ value: 13000, approx: true });
    expect(numberAt(r, '3.6 million')).toMatchObject({ value: 3_600_000 });
    expect(r.numbers.some((n) => n.value === 34)).toBe(false);
  });

  it('every span is exact', () => {
    for (const layer of [r.sentences, r.times, r.numbers]) {
      for (const s of layer) expect(s.end).toBeGreaterThan(s.start);
    }
    for (const t of [...r.times, ...r.numbers]) expect(r.body.slice(t.start, t.end)).toBe(t.text);
  });
});

describe.skipIf(!seedsPresent)('entities in the seeds', () => {
  const records = seedsPresent ? [analyzeSeed('000'), analyzeSeed('002')] : [];
  const keysOf = (text: string): Set<string> =>
    new Set(records.flatMap((r) => r.entities.filter((e) => e.text.includes(text)).map((e) => e.key)));

  it.each([['Erdogan'], ['Macron'], ['Putin']])('every mention of %s has one person key', (name) => {
    const keys = keysOf(name);
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^per:/);
  });

  it('"Emanuelle Macron" is Emmanuel Macron', () => {
    const typo = records[0]!.entities.find((e) => e.text === 'Emanuelle Macron');
    expect(typo?.name).toBe('Emmanuel Macron');
  });

  it.each([['Turkey'], ['Syria'], ['Idlib'], ['Aleppo'], ['Saraqeb'], ['Damascus'], ['Istanbul'], ['Ankara'], ['Moscow'], ['Russia']])('%s is a place', (name) => {
    expect([...keysOf(name)].some((k) => k.startsWith('loc:'))).toBe(true);
  });

  it('SOHR and IOM resolve to their long forms', () => {
    const sohr = records[1]!.entities.filter((e) => e.text === 'SOHR' || e.text.startsWith('Syrian Observatory for Human Rights'));
    expect(new Set(sohr.map((e) => e.key)).size).toBe(1);
    const iom = records[1]!.entities.find((e) => e.text === 'IOM');
    expect(iom?.name).toBe('International Organization for Migration');
  });

  it('entity spans are exact', () => {
    for (const r of records) for (const e of r.entities) expect(r.body.slice(e.start, e.end)).toBe(e.text);
  });
});
