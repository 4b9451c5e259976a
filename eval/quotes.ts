/**
 * Attribution extraction on PolNeAR (brat standoff: Source / Cue / Content spans linked as
 * attribution events). Extraction is bypassed: each article's raw text is the Document's `body`
 * as it stands, so the gold offsets apply unchanged, and the annotation STAGES then the quotes
 * stage run on it.
 *
 * Predicted quotes that share a cue form one attribution (a quote split by "…,” X said, “…" is one
 * attribution with two content pieces, as in PolNeAR). Matching is one-to-one and greedy by
 * overlap: content P/R/F1 (contents overlap), cue P/R/F1 (cues overlap), attribution P/R/F1
 * (contents overlap and the speaker overlaps the gold source, or both have none). A regex
 * direct-quote baseline (a quotation next to "X said" / "said X") is measured in the same run.
 *
 * `QUOTES_EVAL_SPLIT=train` scores the train half; `QUOTES_EVAL_VERBOSE=n` prints n misses and
 * n spurious attributions to stderr.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import { fmt, prf, type PRF } from './metrics.js';
import type { Document, Quote, Span } from '../src/document.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { annotateQuotes } from '../src/annotate/quotes.js';

interface Attribution {
  content: Span[];
  cue: Span[];
  source: Span[];
}

interface Article {
  name: string;
  body: string;
  gold: Attribution[];
}

function parseAnn(ann: string): Attribution[] {
  const spans = new Map<string, Span[]>();
  for (const line of ann.split('\n')) {
    const match = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!match) continue;
    const pieces = match[3]!.split(';').map((p) => p.trim().split(' ').map(Number));
    spans.set(match[1]!, pieces.map(([start, end]) => ({ start: start!, end: end! })));
  }
  const attributions: Attribution[] = [];
  for (const line of ann.split('\n')) {
    if (!/^E\d+\tAttribution/.test(line)) continue;
    const roles = new Map<string, string>();
    for (const part of line.split('\t')[1]!.split(' ')) {
      const [role, id] = part.split(':');
      if (role && id) roles.set(role, id);
    }
    const get = (role: string): Span[] => spans.get(roles.get(role) ?? '') ?? [];
    const content = get('Content');
    if (content.length > 0) attributions.push({ content, cue: get('Cue'), source: get('Source') });
  }
  return attributions;
}

const nameOf = (annotationFile: string): string => annotationFile.replace(/_[0-9a-f]+\.ann$/, '');

function loadArticles(root: string): Article[] {
  const textDir = join(root, 'text');
  const annDir = join(root, 'attributions');
  const seen = new Set<string>();
  // Articles annotated by several annotators (agreement checks) are scored once, on the first annotation.
  const annotations = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort()
    .filter((f) => !seen.has(nameOf(f)) && seen.add(nameOf(f)) !== undefined);
  return annotations.map((file) => {
    const name = nameOf(file);
    return { name, body: readFileSync(join(textDir, `${name}.txt`), 'utf8'), gold: parseAnn(readFileSync(join(annDir, file), 'utf8')) };
  });
}

function documentOf(id: string, body: string): Document {
  return {
    id, url: null, source: { name: null, domain: null }, title: null, published: null, lang: 'en', body,
    sentences: [], tokens: [], entities: [], times: [], numbers: [], places: [], quotes: [], events: [], claims: [],
  };
}

/** Quotes that share a cue are one attribution. */
function attributionsOf(quotes: readonly Quote[]): Attribution[] {
  const byCue = new Map<string, Attribution>();
  const out: Attribution[] = [];
  for (const q of quotes) {
    const content = { start: q.start, end: q.end };
    const key = q.cue ? `${q.cue.start}:${q.cue.end}` : null;
    const existing = key ? byCue.get(key) : undefined;
    if (existing) {
      existing.content.push(content);
      continue;
    }
    const attribution = { content: [content], cue: q.cue ? [q.cue] : [], source: q.speaker ? [q.speaker] : [] };
    out.push(attribution);
    if (key) byCue.set(key, attribution);
  }
  return out;
}

const overlap = (a: readonly Span[], b: readonly Span[]): number => {
  let total = 0;
  for (const x of a) for (const y of b) total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return total;
};

/** Greedy one-to-one matching by overlap of the `part` spans, with an extra condition; returns matched pairs. */
function match(
  predicted: readonly Attribution[],
  gold: readonly Attribution[],
  part: (a: Attribution) => Span[],
  accept: (p: Attribution, g: Attribution) => boolean = () => true,
): Array<[Attribution, Attribution]> {
  const pairs: Array<{ p: number; g: number; size: number }> = [];
  predicted.forEach((p, i) =>
    gold.forEach((g, j) => {
      const size = overlap(part(p), part(g));
      if (size > 0 && accept(p, g)) pairs.push({ p: i, g: j, size });
    }),
  );
  pairs.sort((a, b) => b.size - a.size);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matched: Array<[Attribution, Attribution]> = [];
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    matched.push([predicted[p]!, gold[g]!]);
  }
  return matched;
}

const speakerAgrees = (p: Attribution, g: Attribution): boolean =>
  (p.source.length === 0 && g.source.length === 0) || overlap(p.source, g.source) > 0;

interface Tally {
  content: [number, number, number];
  cue: [number, number, number];
  attribution: [number, number, number];
}

const emptyTally = (): Tally => ({ content: [0, 0, 0], cue: [0, 0, 0], attribution: [0, 0, 0] });

interface Scored {
  /** Pairs whose contents and speakers agree. */
  full: Array<[Attribution, Attribution]>;
  /** Pairs whose contents agree. */
  content: Array<[Attribution, Attribution]>;
}

function score(tally: Tally, predicted: readonly Attribution[], gold: readonly Attribution[]): Scored {
  const add = (slot: [number, number, number], tp: number, p: number, g: number): void => {
    slot[0] += tp;
    slot[1] += p;
    slot[2] += g;
  };
  const withCue = (xs: readonly Attribution[]): Attribution[] => xs.filter((x) => x.cue.length > 0);
  const content = match(predicted, gold, (a) => a.content);
  add(tally.content, content.length, predicted.length, gold.length);
  add(tally.cue, match(withCue(predicted), withCue(gold), (a) => a.cue).length, withCue(predicted).length, withCue(gold).length);
  const full = match(predicted, gold, (a) => a.content, speakerAgrees);
  add(tally.attribution, full.length, predicted.length, gold.length);
  return { full, content };
}

const line = (label: string, r: PRF): string => `${label} P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)}`;

function report(name: string, tally: Tally): void {
  const [content, cue, attribution] = [tally.content, tally.cue, tally.attribution].map(([tp, p, g]) => prf(tp, p, g));
  process.stdout.write(
    `${name.padEnd(28)} ${line('content', content!)} | ${line('cue', cue!)} | ${line('attribution', attribution!)}\n`,
  );
}

const CUE = String.raw`(?:said|says|told|added|asked|wrote)`;
const NAME = String.raw`(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}|he|she|they|I|we)`;
const NAME_CUE_AFTER = new RegExp(String.raw`^,?\s*(${NAME}) (${CUE})\b`, 'd');
const CUE_NAME_AFTER = new RegExp(String.raw`^,?\s*(${CUE}) (${NAME})`, 'd');
const NAME_CUE_BEFORE = new RegExp(String.raw`(${NAME}) (${CUE})[,:]?\s*$`, 'd');

/** The yardstick: a quotation with "X said" / "said X" right after it or "X said:" right before it. */
function regexBaseline(body: string): Attribution[] {
  const out: Attribution[] = [];
  const at = (m: RegExpExecArray, group: number, base: number): Span => ({ start: base + m.indices![group]![0], end: base + m.indices![group]![1] });
  for (const m of body.matchAll(/[“"]([^”"\n]{3,})[”"]/g)) {
    const content = [{ start: m.index + 1, end: m.index + 1 + m[1]!.length }];
    const end = m.index + m[0].length;
    const tail = body.slice(end, end + 80);
    const nameFirst = NAME_CUE_AFTER.exec(tail);
    const cueFirst = nameFirst ? null : CUE_NAME_AFTER.exec(tail);
    const from = Math.max(0, m.index - 60);
    const before = nameFirst || cueFirst ? null : NAME_CUE_BEFORE.exec(body.slice(from, m.index));
    if (nameFirst) out.push({ content, source: [at(nameFirst, 1, end)], cue: [at(nameFirst, 2, end)] });
    else if (cueFirst) out.push({ content, cue: [at(cueFirst, 1, end)], source: [at(cueFirst, 2, end)] });
    else if (before) out.push({ content, source: [at(before, 1, from)], cue: [at(before, 2, from)] });
  }
  return out;
}

function describe(body: string, a: Attribution): string {
  const text = (spans: readonly Span[]): string => spans.map((s) => body.slice(s.start, s.end)).join(' … ');
  return `[${text(a.source)}] <${text(a.cue)}> ${JSON.stringify(text(a.content).slice(0, 140))}`;
}

export default async function evaluate(): Promise<void> {
  const root = datasetDir('quotes-polnear');
  if (!root) return;
  const split = process.env.QUOTES_EVAL_SPLIT ?? 'dev';
  const articles = loadArticles(join(root, split));
  const verbose = Number(process.env.QUOTES_EVAL_VERBOSE ?? 0);
  const ours = emptyTally();
  const baseline = emptyTally();
  const misses: string[] = [];
  const spurious: string[] = [];
  const wrongSpeaker: string[] = [];
  let goldCount = 0;
  for (const article of articles) {
    let doc = documentOf(article.name, article.body);
    for (const stage of STAGES) doc = stage(doc);
    doc = annotateQuotes(doc);
    const predicted = attributionsOf(doc.quotes);
    const { full: matched, content: contentMatched } = score(ours, predicted, article.gold);
    score(baseline, regexBaseline(article.body), article.gold);
    goldCount += article.gold.length;
    if (verbose > 0) {
      const hitP = new Set(matched.map(([p]) => p));
      const hitG = new Set(matched.map(([, g]) => g));
      for (const g of article.gold) if (!hitG.has(g)) misses.push(describe(article.body, g));
      for (const p of predicted) if (!hitP.has(p)) spurious.push(describe(article.body, p));
      for (const [p, g] of contentMatched) {
        if (!hitP.has(p)) wrongSpeaker.push(`${describe(article.body, p)}\n    gold: ${describe(article.body, g)}`);
      }
    }
  }
  process.stdout.write(`quotes (PolNeAR ${split}: ${articles.length} articles, ${goldCount} gold attributions; overlap matching)\n`);
  report('crosscheck', ours);
  report('regex direct-quote baseline', baseline);
  if (verbose > 0) {
    const sample = (xs: string[]): string[] => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / verbose)) === 0).slice(0, verbose);
    process.stderr.write(`\nmissed (${misses.length}):\n${sample(misses).join('\n')}\n\nspurious (${spurious.length}):\n${sample(spurious).join('\n')}\n`);
    process.stderr.write(`\ncontent found, speaker wrong (${wrongSpeaker.length}):\n${sample(wrongSpeaker).join('\n')}\n`);
  }
}
