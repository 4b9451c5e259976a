/**
 * Shootings on GVA dev articles (`npm run eval -- incidents`): real crawled news articles (with
 * their web cruft) about US gun-violence incidents, each scored against its incident's gold facts.
 * Records: `{id: doc_id, published: dct, title, url: uri, text: content}`.
 *
 * The per-article figure: the document's main shooting event is its first event of a violent type
 * (Violence against civilians, Battles, Explosions/Remote violence, Riots) after merging that carries
 * a casualty figure, else its first violent event — news leads with the incident and its toll
 * ("Teen charged in fatal shooting" headlines come without one); its killed / injured are `min`
 * (else `max`), and an article with no such event or no figure counts as 0 killed / 0 injured. The date is that event's date (day precision
 * value) against the incident date; the city is that event's location name against GVA's
 * `city_or_county` (case- and accent-insensitive; "X County" matches "X", "The Bronx" "Bronx",
 * "Washington, D.C." "Washington"; "Pittsburgh (Wilkinsburg)" accepts either name).
 *
 * The baseline, in the same run on the same documents: the first number (or "a man …") before a
 * death / injury word, the publication date, the first geocoded town of the places layer.
 * `INCIDENTS_EVAL_LIMIT=N` caps the documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import { fmt } from './metrics.js';
import type { Document, NewsEvent } from '../src/document.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { annotateEvents } from '../src/annotate/events.js';
import { RejectedInput } from '../src/document.js';

const VIOLENT_TYPES = new Set(['Violence against civilians', 'Battles', 'Explosions/Remote violence', 'Riots']);
const NOW = new Date('2026-11-24T00:00:00Z');
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface Article {
  doc_id: string;
  incident_id: string;
  dct: string;
  title: string;
  uri: string;
  content: string;
}

interface Incident {
  incident_uri: string;
  date: string;
  city_or_county: string;
  num_killed: number;
  num_injured: number;
}

interface Prediction {
  killed: number;
  injured: number;
  date: string | null;
  city: string | null;
}

/** "April 9, 2017" → "2017-04-09". */
function gvaDate(value: string): string | null {
  const m = /^(\w+)\s+(\d{1,2}),\s*(\d{4})$/.exec(value.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  return month > 0 ? `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
}

export function normalizePlace(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*\(.*\)$/, '')
    // "Washington, D.C.": the district after a comma qualifies the city's name.
    .replace(/,\s*d\.?\s*c\.?$/, '')
    .replace(/\s+(?:county|parish|city|township|borough)$/, '')
    .replace(/^(?:city|town|village) of\s+/, '')
    // "The Bronx" is GVA's "Bronx".
    .replace(/^the\s+/, '')
    .replace(/^(?:st\.?|saint)\s+/, 'saint ')
    .trim();
}

/**
 * The names GVA's `city_or_county` accepts: "Pittsburgh (Wilkinsburg)" and "New York (Manhattan)"
 * name the city and, in brackets, the borough, suburb or neighbourhood it was in; either is the place.
 */
export function goldPlaces(cityOrCounty: string): string[] {
  const bracket = /\(([^()]+)\)\s*$/.exec(cityOrCounty);
  return bracket ? [normalizePlace(cityOrCounty), normalizePlace(bracket[1]!)] : [normalizePlace(cityOrCounty)];
}

export function placeMatches(predicted: string | null, cityOrCounty: string): boolean {
  return predicted !== null && goldPlaces(cityOrCounty).includes(normalizePlace(predicted));
}

const hasFigure = (e: NewsEvent): boolean => [e.killed.min, e.killed.max, e.injured.min, e.injured.max].some((v) => v !== null);

export function mainShooting(events: readonly NewsEvent[]): NewsEvent | null {
  const violent = events.filter((e) => VIOLENT_TYPES.has(e.type));
  return violent.find(hasFigure) ?? violent[0] ?? null;
}

const figure = (r: { min: number | null; max: number | null } | undefined): number => r?.min ?? r?.max ?? 0;

function ours(doc: Document): Prediction {
  const event = mainShooting(doc.events);
  return {
    killed: figure(event?.killed),
    injured: figure(event?.injured),
    date: event?.date ? event.date.value.slice(0, 10) : null,
    city: event?.location?.name ?? null,
  };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function baselineCount(body: string, cue: RegExp): number {
  const m = new RegExp(String.raw`\b(\d+|${NUMBER_WORDS.join('|')}|a|an)\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was|have been|has been)\s+)?(?:\w+\s+)?${cue.source}`, 'i').exec(body);
  if (!m) return 0;
  const word = m[1]!.toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : word === 'a' || word === 'an' ? 1 : NUMBER_WORDS.indexOf(word);
}

function baseline(doc: Document): Prediction {
  const town = doc.places.find((p) => p.precision === 1);
  return {
    killed: baselineCount(doc.body, /(?:killed|dead|died)/),
    injured: baselineCount(doc.body, /(?:wounded|injured|hurt)/),
    date: doc.published?.value.slice(0, 10) ?? null,
    city: town?.name ?? null,
  };
}

class Score {
  rows = 0;
  killed = 0;
  injured = 0;
  dated = 0;
  city = 0;
  add(p: Prediction, gold: Incident, goldDate: string | null): void {
    this.rows++;
    if (p.killed === gold.num_killed) this.killed++;
    if (p.injured === gold.num_injured) this.injured++;
    if (goldDate !== null && p.date === goldDate) this.dated++;
    if (placeMatches(p.city, gold.city_or_county)) this.city++;
  }
  line(label: string): string {
    return `${label}: articles ${this.rows}  killed exact ${fmt(this.killed / this.rows)}  injured exact ${fmt(this.injured / this.rows)}  date exact ${fmt(this.dated / this.rows)}  city ${fmt(this.city / this.rows)}`;
  }
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

export default async function evaluate(): Promise<void> {
  const dir = datasetDir('incidents-gva');
  if (!dir) return;
  const incidents = new Map(readJsonl<Incident>(join(dir, 'incidents.jsonl')).map((i) => [i.incident_uri, i]));
  const articles = readJsonl<Article>(join(dir, 'documents.jsonl'))
    .filter((a) => incidents.has(a.incident_id))
    .slice(0, Number(process.env.INCIDENTS_EVAL_LIMIT ?? Infinity));
  const mine = new Score();
  const base = new Score();
  let rejected = 0;
  let eventMs = 0;
  const debug = process.env.INCIDENTS_EVAL_DEBUG;
  for (const a of articles) {
    let doc: Document;
    try {
      doc = extractDocument(`gva:${a.doc_id}`, { id: a.doc_id, published: a.dct, title: a.title, url: a.uri, text: a.content }, { now: NOW });
    } catch (error) {
      if (!(error instanceof RejectedInput)) throw error;
      rejected++;
      continue;
    }
    for (const stage of STAGES) doc = stage(doc);
    const t0 = performance.now();
    doc = annotateEvents(doc);
    eventMs += performance.now() - t0;
    const gold = incidents.get(a.incident_id)!;
    const goldDate = gvaDate(gold.date);
    const p = ours(doc);
    mine.add(p, gold, goldDate);
    base.add(baseline(doc), gold, goldDate);
    if (debug && (debug === 'all' || (debug === 'killed' && p.killed !== gold.num_killed) || (debug === 'injured' && p.injured !== gold.num_injured) || (debug === 'date' && p.date !== goldDate) || (debug === 'city' && !placeMatches(p.city, gold.city_or_county)))) {
      const e = mainShooting(doc.events);
      console.log(`G k=${gold.num_killed} i=${gold.num_injured} d=${goldDate} c=${gold.city_or_county} | P k=${p.killed} i=${p.injured} d=${p.date} c=${p.city} [${e?.type}/${e?.trigger.text}] pub=${doc.published?.value}\n   ${e ? doc.body.slice(e.sentence.start, e.sentence.end).slice(0, 250) : doc.body.slice(0, 250)}`);
    }
  }
  console.log(mine.line('incidents gva crosscheck'));
  console.log(base.line('incidents gva baseline  '));
  console.log(`incidents gva: rejected ${rejected}  events stage ms/doc ${(eventMs / Math.max(1, mine.rows)).toFixed(3)}`);
}
