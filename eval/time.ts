/**
 * TempEval-3 Task A (timex extraction and normalisation) on TBAQ-cleaned (TimeBank + AQUAINT).
 *
 * Each .tml document's TEXT element, with its tags stripped, is the body; the TIMEX3 with
 * functionInDocument="CREATION_TIME" (outside TEXT) is the anchor. Scores: strict span P/R/F1,
 * relaxed (overlap) span P/R/F1, and over relaxed matches value accuracy and the TE3 value F1.
 * chrono-node's casual parser is measured in the same run as the peer.
 *
 * `TIME_EVAL_VERBOSE=1` prints a sample of misses, spurious answers, extent and value errors to
 * stderr (`TIME_EVAL_SAMPLE=n` per kind, `TIME_EVAL_KINDS=missed,spurious,span,value`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { datasetDir } from './datasets.js';
import { fmt, prf } from './metrics.js';
import { findTimes } from '../src/annotate/times.js';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface TmlDocument {
  id: string;
  corpus: string;
  anchor: string | null;
  body: string;
  gold: GoldTimex[];
}

interface Prediction {
  start: number;
  end: number;
  text: string;
  value: string;
}

type System = (body: string, anchor: string | null) => Prediction[];

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match ? (match[1] ?? null) : null;
}

/** Strips the tags of a TEXT element keeping offsets into the stripped text for every TIMEX3. */
function stripText(xml: string): { body: string; gold: GoldTimex[] } {
  const pieces: string[] = [];
  const gold: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  let length = 0;
  const tokenPattern = /<[^>]*>|&(\w+);|[^<&]+|&/g;
  for (const match of xml.matchAll(tokenPattern)) {
    const token = match[0];
    if (token.startsWith('<')) {
      if (/^<TIMEX3\b/.test(token)) {
        open.push({ start: length, type: attribute(token, 'type') ?? '', value: attribute(token, 'value') ?? '' });
      } else if (token.startsWith('</TIMEX3')) {
        const started = open.pop();
        if (started) gold.push({ start: started.start, end: length, text: '', type: started.type, value: started.value });
      }
      continue;
    }
    const piece = match[1] !== undefined ? (XML_ENTITIES[match[1]] ?? token) : token;
    pieces.push(piece);
    length += piece.length;
  }
  const body = pieces.join('');
  for (const timex of gold) timex.text = body.slice(timex.start, timex.end);
  return { body, gold };
}

function readTml(path: string, corpus: string): TmlDocument | null {
  const xml = readFileSync(path, 'utf8');
  const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!text?.[1]) return null;
  const dctTag = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const anchor = dctTag ? attribute(dctTag[0], 'value') : null;
  const { body, gold } = stripText(text[1]);
  const id = path.split('/').pop() ?? path;
  return { id, corpus, anchor, body, gold };
}

function loadCorpus(root: string): TmlDocument[] {
  const docs: TmlDocument[] = [];
  for (const corpus of ['TimeBank', 'AQUAINT']) {
    const dir = join(root, corpus);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()) {
      const doc = readTml(join(dir, file), corpus);
      if (doc) docs.push(doc);
    }
  }
  return docs;
}

interface Tally {
  gold: number;
  predicted: number;
  strict: number;
  relaxed: number;
  relaxedGold: number;
  valueCorrect: number;
}

const emptyTally = (): Tally => ({ gold: 0, predicted: 0, strict: 0, relaxed: 0, relaxedGold: 0, valueCorrect: 0 });

interface Miss {
  kind: 'missed' | 'spurious' | 'span' | 'value';
  doc: string;
  gold: string;
  predicted: string;
  context: string;
}

/**
 * Two spellings of one TIMEX3 value count as equal: week numbers with and without the leading
 * zero (`2000-W7` = `2000-W07`; part of the gold data uses the short form).
 */
const canonicalValue = (value: string): string => value.replace(/-W(\d)(?!\d)/, '-W0$1');

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function context(body: string, start: number, end: number): string {
  return `${body.slice(Math.max(0, start - 50), start)}[${body.slice(start, end)}]${body.slice(end, end + 40)}`.replace(/\s+/g, ' ');
}

/** Scores one document; each gold timex is matched to at most one prediction (greedy by overlap order). */
function scoreDocument(doc: TmlDocument, predictions: Prediction[], tally: Tally, misses: Miss[]): void {
  tally.gold += doc.gold.length;
  tally.predicted += predictions.length;
  const used = new Set<number>();
  for (const gold of doc.gold) {
    const index = predictions.findIndex((p, i) => !used.has(i) && overlaps(p, gold));
    const show = (g: string, p: string, kind: Miss['kind']): void => {
      misses.push({ kind, doc: doc.id, gold: g, predicted: p, context: context(doc.body, gold.start, gold.end) });
    };
    const prediction = index >= 0 ? predictions[index] : undefined;
    if (!prediction) {
      show(`${gold.text} = ${gold.value}`, '', 'missed');
      continue;
    }
    used.add(index);
    tally.relaxed += 1;
    tally.relaxedGold += 1;
    const strict = prediction.start === gold.start && prediction.end === gold.end;
    if (strict) tally.strict += 1;
    else show(`${gold.text} = ${gold.value}`, `${prediction.text} = ${prediction.value}`, 'span');
    if (canonicalValue(prediction.value) === canonicalValue(gold.value)) tally.valueCorrect += 1;
    else show(`${gold.text} = ${gold.value}`, `${prediction.text} = ${prediction.value}`, 'value');
  }
  predictions.forEach((p, i) => {
    if (!used.has(i)) {
      misses.push({ kind: 'spurious', doc: doc.id, gold: '', predicted: `${p.text} = ${p.value}`, context: context(doc.body, p.start, p.end) });
    }
  });
}

function report(label: string, tally: Tally): void {
  const strict = prf(tally.strict, tally.predicted, tally.gold);
  const relaxed = prf(tally.relaxed, tally.predicted, tally.gold);
  const value = prf(tally.valueCorrect, tally.predicted, tally.gold);
  const accuracy = tally.relaxed === 0 ? 0 : tally.valueCorrect / tally.relaxed;
  const line = (metric: string, text: string): void => {
    process.stdout.write(`time ${label} ${metric}: ${text}\n`);
  };
  line('strict span', `P=${fmt(strict.precision)} R=${fmt(strict.recall)} F1=${fmt(strict.f1)}`);
  line('relaxed span', `P=${fmt(relaxed.precision)} R=${fmt(relaxed.recall)} F1=${fmt(relaxed.f1)}`);
  line('value', `accuracy=${fmt(accuracy)} P=${fmt(value.precision)} R=${fmt(value.recall)} F1=${fmt(value.f1)}`);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** chrono's answer formatted to day precision, the way a caller using chrono alone would store it. */
function chronoSystem(body: string, anchor: string | null): Prediction[] {
  const reference = anchor && /^\d{4}-\d{2}-\d{2}/.test(anchor) ? new Date(`${anchor.slice(0, 10)}T12:00:00Z`) : new Date();
  return chrono.casual.parse(body, { instant: reference, timezone: 0 }).map((result) => {
    const date = result.start.date();
    const value = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    return { start: result.index, end: result.index + result.text.length, text: result.text, value };
  });
}

const ourSystem: System = (body, anchor) => findTimes(body, anchor);

function evaluate(label: string, docs: TmlDocument[], system: System, verbose: boolean): void {
  const byCorpus = new Map<string, Tally>();
  const total = emptyTally();
  const misses: Miss[] = [];
  for (const doc of docs) {
    const tally = byCorpus.get(doc.corpus) ?? emptyTally();
    byCorpus.set(doc.corpus, tally);
    const predictions = system(doc.body, doc.anchor);
    const docTally = emptyTally();
    scoreDocument(doc, predictions, docTally, misses);
    for (const key of Object.keys(total) as (keyof Tally)[]) {
      total[key] += docTally[key];
      tally[key] += docTally[key];
    }
  }
  report(`${label} all`, total);
  for (const [corpus, tally] of byCorpus) report(`${label} ${corpus}`, tally);
  if (verbose) printMisses(label, misses);
}

/** Milliseconds per document on a warm second pass (the first pass above paid for compilation). */
function timePerDocument(docs: TmlDocument[], system: System): number {
  const started = performance.now();
  for (const doc of docs) system(doc.body, doc.anchor);
  return (performance.now() - started) / docs.length;
}

function printMisses(label: string, misses: Miss[]): void {
  const limit = Number(process.env.TIME_EVAL_SAMPLE ?? 60);
  const kinds = (process.env.TIME_EVAL_KINDS ?? 'missed,spurious,span,value').split(',');
  for (const kind of kinds) {
    const ofKind = misses.filter((m) => m.kind === kind);
    process.stderr.write(`\n== ${label}: ${kind} (${ofKind.length}) ==\n`);
    const step = Math.max(1, Math.floor(ofKind.length / limit));
    for (let i = 0; i < ofKind.length && i / step < limit; i += step) {
      const m = ofKind[i];
      if (m) process.stderr.write(`${m.doc}\t${m.gold}\t|| ${m.predicted}\t|| ${m.context}\n`);
    }
  }
}

export default async function evaluateTime(): Promise<void> {
  const root = datasetDir('time-tempeval3');
  if (!root) return;
  const docs = loadCorpus(join(root, 'TBAQ-cleaned'));
  const verbose = process.env.TIME_EVAL_VERBOSE === '1';
  const words = docs.reduce((n, d) => n + d.body.split(/\s+/).length, 0);
  process.stdout.write(`time: ${docs.length} documents, ${docs.reduce((n, d) => n + d.gold.length, 0)} gold TIMEX3, ${words} words\n`);
  evaluate('crosscheck', docs, ourSystem, verbose);
  evaluate('chrono-casual', docs, chronoSystem, false);
  const ours = timePerDocument(docs, ourSystem);
  const peer = timePerDocument(docs, chronoSystem);
  const perWords = (ms: number): string => fmt((ms * docs.length * 600) / words);
  process.stdout.write(`time speed: crosscheck ${fmt(ours)} ms/doc (${perWords(ours)} ms per 600 words), chrono-casual ${fmt(peer)} ms/doc\n`);
}
