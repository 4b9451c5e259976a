/**
 * Events on ACLED dev rows (`npm run eval -- events`). Each row's `notes` is analysed with
 * `published` = the UTC date of the row's `timestamp` (when ACLED recorded it, so the event date
 * must come from the text), then compared with the row's coding.
 *
 * The row's main event: ACLED notes describe one event, first. We take the earliest sentence that
 * holds an event of an ACLED type (not Diplomacy / Statement / Displacement) and, in it, the event
 * whose trigger comes first. Rows where we find no ACLED-type event count as misses everywhere.
 * Scores: type and sub-type accuracy; fatalities exact (`killed.min`, null counting as 0) on the
 * rows with deaths (answering 0 everywhere already scores ≈0.77 over all rows, printed too) and
 * mean absolute error; location within 25 km of ACLED's point; date exact.
 *
 * The baseline, measured in the same run on the same documents: an ordered keyword table for the
 * type, the first number before a death word for fatalities, the first geocoded place of the
 * places layer for the location, the first full date of the times layer for the date.
 * `EVENTS_EVAL_LIMIT=N` caps the rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import { fmt } from './metrics.js';
import type { Document, NewsEvent } from '../src/document.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { annotateEvents } from '../src/annotate/events.js';
import { kmBetween } from '../src/annotate/geo/index.js';
import { parseCsv } from './csv.js';

const ACLED_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NOW = new Date('2026-11-24T00:00:00Z');

interface Row {
  id: string;
  type: string;
  subtype: string;
  fatalities: number;
  date: string;
  lat: number;
  lon: number;
  notes: string;
  published: string;
}

/** "3-May-20" → "2020-05-03". */
function acledDate(value: string): string {
  const [day, month, year] = value.split('-');
  return `20${year}-${String(MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

function readRows(dir: string): Row[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.csv'));
  if (!file) return [];
  const [header, ...records] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const col = (name: string): number => header!.indexOf(name);
  return records
    .filter((r) => r.length === header!.length && /^\d+$/.test(r[col('fatalities')]!))
    .map((r) => ({
      id: r[col('data_id')]!,
      type: r[col('event_type')]!,
      subtype: r[col('sub_event_type')]!,
      fatalities: Number(r[col('fatalities')]),
      date: acledDate(r[col('event_date')]!),
      lat: Number(r[col('latitude')]),
      lon: Number(r[col('longitude')]),
      notes: r[col('notes')]!,
      published: new Date(Number(r[col('timestamp')]) * 1000).toISOString().slice(0, 10),
    }));
}

export function mainAcledEvent(events: readonly NewsEvent[]): NewsEvent | null {
  const acled = events.filter((e) => ACLED_TYPES.has(e.type));
  if (acled.length === 0) return null;
  const firstSentence = Math.min(...acled.map((e) => e.sentence.start));
  return acled.filter((e) => e.sentence.start === firstSentence).sort((a, b) => a.trigger.start - b.trigger.start)[0]!;
}

interface Prediction {
  type: string | null;
  subtype: string | null;
  fatalities: number;
  lat: number | null;
  lon: number | null;
  date: string | null;
}

const BASELINE_TYPES: ReadonlyArray<[RegExp, string, string]> = [
  [/\b(?:air ?strikes?|airstrikes?|drones?|warplanes?)\b/i, 'Explosions/Remote violence', 'Air/drone strike'],
  [/\b(?:shell(?:ed|ing)|artillery|mortars?|rockets?|missiles?)\b/i, 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  [/\b(?:IEDs?|landmines?|explosive devices?|bombs?)\b/i, 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  [/\b(?:clash(?:ed|es)?|fighting|attacked positions)\b/i, 'Battles', 'Armed clash'],
  [/\b(?:riot(?:s|ers)?|stones|vandali[sz]ed)\b/i, 'Riots', 'Violent demonstration'],
  [/\b(?:protest(?:ed|s|ers)?|demonstrat(?:ed|ion|ors))\b/i, 'Protests', 'Peaceful protest'],
  [/\b(?:killed|shot|kidnapped|abducted)\b/i, 'Violence against civilians', 'Attack'],
  [/\b(?:arrested|looted|reinforcements)\b/i, 'Strategic developments', 'Arrests'],
];

function baseline(doc: Document): Prediction {
  const type = BASELINE_TYPES.find(([pattern]) => pattern.test(doc.body));
  const deaths = /(\d+)\s+(?:\w+\s+){0,3}(?:were\s+)?(?:killed|dead)/i.exec(doc.body);
  const place = doc.places.find((p) => p.lat !== null);
  const date = doc.times.find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value));
  return {
    type: type?.[1] ?? null, subtype: type?.[2] ?? null, fatalities: deaths ? Number(deaths[1]) : 0,
    lat: place?.lat ?? null, lon: place?.lon ?? null, date: date?.value ?? null,
  };
}

function ours(doc: Document): Prediction {
  const event = mainAcledEvent(doc.events);
  return {
    type: event?.type ?? null, subtype: event?.subtype ?? null, fatalities: event?.killed.min ?? 0,
    lat: event?.location?.lat ?? null, lon: event?.location?.lon ?? null, date: event?.date?.value ?? null,
  };
}

class Score {
  rows = 0;
  type = 0;
  subtype = 0;
  deathRows = 0;
  deathExact = 0;
  fatalExact = 0;
  absError = 0;
  located = 0;
  dated = 0;
  add(p: Prediction, gold: Row): void {
    this.rows++;
    if (p.type === gold.type) this.type++;
    if (p.type === gold.type && p.subtype === gold.subtype) this.subtype++;
    if (p.fatalities === gold.fatalities) this.fatalExact++;
    this.absError += Math.abs(p.fatalities - gold.fatalities);
    if (gold.fatalities > 0) {
      this.deathRows++;
      if (p.fatalities === gold.fatalities) this.deathExact++;
    }
    if (p.lat !== null && p.lon !== null && kmBetween(p.lat, p.lon, gold.lat, gold.lon) <= 25) this.located++;
    if (p.date === gold.date) this.dated++;
  }
  line(label: string): string {
    return `${label}: rows ${this.rows}  type ${fmt(this.type / this.rows)}  sub-type ${fmt(this.subtype / this.rows)}  fatalities exact (rows with deaths, ${this.deathRows}) ${fmt(this.deathExact / this.deathRows)}  fatalities exact (all) ${fmt(this.fatalExact / this.rows)}  fatalities MAE ${(this.absError / this.rows).toFixed(2)}  location ≤25 km ${fmt(this.located / this.rows)}  date exact ${fmt(this.dated / this.rows)}`;
  }
}

export default async function evaluate(): Promise<void> {
  const dir = datasetDir('events-acled');
  if (!dir) return;
  const rows = readRows(dir).slice(0, Number(process.env.EVENTS_EVAL_LIMIT ?? Infinity));
  const mine = new Score();
  const base = new Score();
  const confusion = new Map<string, number>();
  let eventMs = 0;
  const started = performance.now();
  for (const row of rows) {
    let doc = extractDocument(`acled:${row.id}`, { id: row.id, text: row.notes, published: row.published }, { now: NOW });
    for (const stage of STAGES) doc = stage(doc);
    const t0 = performance.now();
    doc = annotateEvents(doc);
    eventMs += performance.now() - t0;
    const p = ours(doc);
    mine.add(p, row);
    base.add(baseline(doc), row);
    if (process.env.EVENTS_EVAL_DEBUG) {
      const key = `${row.type} / ${row.subtype}  ←  ${p.type} / ${p.subtype}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
      if (process.env.EVENTS_EVAL_DEBUG === 'rows' && (p.subtype !== row.subtype || p.fatalities !== row.fatalities || p.date !== row.date)) {
        console.log(`${row.type}/${row.subtype} f=${row.fatalities} d=${row.date} ← ${p.type}/${p.subtype} f=${p.fatalities} d=${p.date}\n   ${row.notes.slice(0, 300)}`);
      }
    }
  }
  console.log(mine.line('events acled crosscheck'));
  console.log(base.line('events acled baseline  '));
  console.log(`events acled: events stage ms/doc ${(eventMs / rows.length).toFixed(3)}  whole run s ${((performance.now() - started) / 1000).toFixed(1)}`);
  if (process.env.EVENTS_EVAL_DEBUG) {
    for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(n).padStart(5)}  ${k}`);
  }
}
