/**
 * Geocoding on ACLED dev rows: each row's `location` is geocoded with the row's country as context
 * and compared with ACLED's coordinates (share within 25 km, share found at all, median error),
 * overall and per ACLED `geo_precision`. Then the same from the `notes` text alone: canonical
 * entities → `placesOf`, taking the first LOC mention placed at precision 1 (else the first placed one).
 * `GEO_EVAL_LIMIT=N` caps the notes part (the tagger is the slow step).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import { parseCsv } from './csv.js';
import { fmt } from './metrics.js';
import { splitSentences } from '../src/annotate/sentences.js';
import { findEntities } from '../src/annotate/ner/index.js';
import { canonicalizeEntities } from '../src/annotate/entities/index.js';
import { countryByCode, countryByName, gazetteer, gazetteerLoadMs, geocode, kmBetween, placesOf, type Place } from '../src/annotate/geo/index.js';

interface Row { country: string; admin1: string; location: string; lat: number; lon: number; precision: string; notes: string }

class Tally {
  rows = 0;
  found = 0;
  within = 0;
  errors: number[] = [];
  add(place: Place | null | undefined, gold: Row): void {
    this.rows++;
    if (!place || place.lat === null || place.lon === null) return;
    this.found++;
    const km = kmBetween(place.lat, place.lon, gold.lat, gold.lon);
    this.errors.push(km);
    if (km <= 25) this.within++;
  }
  line(label: string): string {
    const sorted = [...this.errors].sort((a, b) => a - b);
    const median = sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
    return `${label}: rows ${this.rows}  within 25 km ${fmt(this.within / this.rows)}  found ${fmt(this.found / this.rows)}  median error km ${median.toFixed(1)}`;
  }
}

function report(title: string, rows: readonly Row[], placeOf: (row: Row) => Place | null | undefined): void {
  const all = new Tally();
  const byPrecision = new Map<string, Tally>();
  for (const row of rows) {
    const place = placeOf(row);
    all.add(place, row);
    const tally = byPrecision.get(row.precision) ?? new Tally();
    tally.add(place, row);
    byPrecision.set(row.precision, tally);
  }
  console.log(all.line(`${title} all`));
  for (const p of [...byPrecision.keys()].sort()) console.log(byPrecision.get(p)!.line(`${title} geo_precision ${p}`));
}

function fromNotes(row: Row): Place | undefined {
  const { sentences, tokens } = splitSentences(row.notes);
  const entities = canonicalizeEntities(row.notes, findEntities(row.notes, sentences, tokens));
  const places = placesOf(row.notes, entities);
  const ordered = entities.filter((e) => e.type === 'LOC').map((e) => places.get(e.key)).filter((p) => p !== undefined);
  return ordered.find((p) => p.precision === 1) ?? ordered[0];
}

export default async function evaluate(): Promise<void> {
  const dir = datasetDir('events-acled');
  if (!dir) return;
  const file = readdirSync(dir).find((f) => f.endsWith('.csv'));
  if (!file) return void process.stderr.write(`skipped: no CSV in ${dir}\n`);
  const [header, ...records] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const col = (name: string): number => header!.indexOf(name);
  const rows: Row[] = records
    .filter((r) => r.length === header!.length && r[col('latitude')] !== '')
    .map((r) => ({
      country: countryByCode(r[col('iso3')]!)?.iso2 ?? countryByName(r[col('country')]!)?.iso2 ?? '',
      admin1: r[col('admin1')]!, location: r[col('location')]!, lat: Number(r[col('latitude')]), lon: Number(r[col('longitude')]),
      precision: r[col('geo_precision')]!, notes: r[col('notes')]!,
    }));
  const before = process.memoryUsage().rss;
  gazetteer();
  console.log(`geo gazetteer: load ms ${gazetteerLoadMs.toFixed(0)}  extra RSS MB ${((process.memoryUsage().rss - before) / 1e6).toFixed(0)}`);
  const unknownCountry = rows.filter((r) => r.country === '').length;
  if (unknownCountry > 0) console.log(`geo rows without a known country: ${unknownCountry}`);
  const countriesOf = (r: Row): string[] => (r.country ? [r.country] : []);
  report('geo location', rows, (r) => geocode(r.location, { countries: countriesOf(r) }));
  // The same, with the row's admin1 as a nearby place (as a story naming the province would give).
  const nearAdmin1 = (r: Row): Array<{ lat: number; lon: number }> => {
    const region = geocode(r.admin1, { countries: countriesOf(r), hint: 'region' });
    return region && region.lat !== null && region.lon !== null && region.precision <= 2 ? [{ lat: region.lat, lon: region.lon }] : [];
  };
  report('geo location+admin1', rows, (r) => geocode(r.location, { countries: countriesOf(r), near: nearAdmin1(r) }));
  const limit = Number(process.env.GEO_EVAL_LIMIT ?? rows.length);
  report('geo notes', rows.slice(0, limit), fromNotes);
}
