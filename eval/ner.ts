/**
 * Named-entity recognition on CoNLL-2003 eng.testa (the development half; IOB1 in the file):
 * conlleval-style entity-level micro P/R/F1 overall and per type, and the tagger's throughput
 * (features + decoding, model already loaded, one core). Sentences are tagged document by
 * document, as the pipeline does. compromise (dev dependency) is measured as the peer in the
 * same run on the same documents and scorer: people → PER, organizations → ORG, places → LOC; it
 * has no MISC, so the fair overall comparison is the PER+ORG+LOC side-by-side line.
 *
 * MEANTIME (English Wikinews, intra-document annotation): named (NAM) entity mentions whose
 * entity is PER, ORG or LOC, scored by exact token span and type; predicted MISC is left out, and
 * so are predictions that exactly cover a NAM mention of a type we do not have (PRO, FIN, MIX).
 * MEANTIME's name spans include a leading determiner ("the GAO"), which CoNLL's do not: it is
 * dropped from the gold span. A relaxed line also counts same-type overlaps ("Mobile , Alabama").
 * Only the first sentences of each article are annotated: whole documents are tagged, and scored
 * up to the last sentence that holds any annotation (any markable's token anchor).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import { fmt, prf, type PRF } from './metrics.js';
import { parseConll, type ConllDocument } from '../src/annotate/ner/conll.js';
import { entitySpans } from '../src/annotate/ner/index.js';
import { clearWordCache } from '../src/annotate/ner/features.js';
import { ENTITY_TYPES, type LabelledSpan } from '../src/annotate/ner/labels.js';
import { modelWeights } from '../src/annotate/ner/model.js';

interface Tally {
  correct: number;
  predicted: number;
  gold: number;
}

const key = (s: LabelledSpan): string => `${s.start}:${s.end}:${s.type}`;

function score(documents: readonly ConllDocument[], predictions: LabelledSpan[][][]): Map<string, Tally> {
  const tallies = new Map<string, Tally>([['ALL', { correct: 0, predicted: 0, gold: 0 }]]);
  for (const type of ENTITY_TYPES) tallies.set(type, { correct: 0, predicted: 0, gold: 0 });
  documents.forEach((document, d) => {
    document.forEach((sentence, s) => {
      const found = predictions[d]![s]!;
      const wanted = new Set(sentence.entities.map(key));
      for (const e of sentence.entities) {
        tallies.get('ALL')!.gold++;
        tallies.get(e.type)!.gold++;
      }
      for (const e of found) {
        const hit = wanted.has(key(e)) ? 1 : 0;
        for (const name of ['ALL', e.type]) {
          tallies.get(name)!.predicted++;
          tallies.get(name)!.correct += hit;
        }
      }
    });
  });
  return tallies;
}

function tagAll(documents: readonly ConllDocument[], tagger: DocumentTagger = entitySpans): LabelledSpan[][][] {
  return documents.map((document) => tagger(document.map((s) => s.tokens)));
}

const scores = (t: Tally): string => {
  const { precision, recall, f1 } = prf(t.correct, t.predicted, t.gold);
  return `P ${fmt(precision)} R ${fmt(recall)} F1 ${fmt(f1)}`;
};
const counts = (t: Tally): string => `gold ${t.gold}, predicted ${t.predicted}, correct ${t.correct}`;

function line(name: string, t: Tally): string {
  return `ner conll-testa ${name.padEnd(4)} ${scores(t)} (${counts(t)})`;
}

/** The types both taggers have: compromise has no MISC, so this is the fair overall comparison. */
const SHARED_TYPES = ['PER', 'ORG', 'LOC'] as const;

function sharedTally(tallies: ReadonlyMap<string, Tally>): Tally {
  const sum: Tally = { correct: 0, predicted: 0, gold: 0 };
  for (const type of SHARED_TYPES) {
    const t = tallies.get(type)!;
    sum.correct += t.correct;
    sum.predicted += t.predicted;
    sum.gold += t.gold;
  }
  return sum;
}

function sideBySide(corpus: string, ours: ReadonlyMap<string, Tally>, peer: ReadonlyMap<string, Tally>): void {
  const rows: Array<[string, Tally, Tally]> = [
    ['PER+ORG+LOC', sharedTally(ours), sharedTally(peer)],
    ...SHARED_TYPES.map((type): [string, Tally, Tally] => [type, ours.get(type)!, peer.get(type)!]),
  ];
  for (const [name, a, b] of rows) {
    process.stdout.write(`ner side-by-side ${corpus} ${name.padEnd(11)} ours ${scores(a)} | compromise ${scores(b)}\n`);
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string): string => text.replace(/&(\w+);/g, (m, name: string) => XML_ENTITIES[name] ?? m);

interface MeantimeDocument {
  sentences: string[][];
  /** Gold NAM mentions: sentence index, token span, MEANTIME entity type. */
  mentions: Array<{ sentence: number; start: number; end: number; type: string }>;
  /** The last sentence holding any annotation. */
  annotatedUpTo: number;
}

function parseMeantime(xml: string): MeantimeDocument {
  const sentences: string[][] = [];
  const where = new Map<string, { sentence: number; index: number }>();
  for (const m of xml.matchAll(/<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const sentence = Number(m[1]);
    while (sentences.length <= sentence) sentences.push([]);
    where.set(m[2]!, { sentence, index: sentences[sentence]!.length });
    sentences[sentence]!.push(unescapeXml(m[3]!));
  }
  const entityType = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY [^>]*?ent_type="(\w*)"[^>]*?m_id="(\d+)"/g)) entityType.set(m[2]!, m[1]!);
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    if (!target) continue;
    for (const source of m[1]!.matchAll(/<source m_id="(\d+)"/g)) refersTo.set(source[1]!, target);
  }
  const mentions: MeantimeDocument['mentions'] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION [^>]*?m_id="(\d+)" syntactic_type="NAM">([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const anchors = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((a) => where.get(a[1]!)).filter((a) => a !== undefined);
    const type = entityType.get(refersTo.get(m[1]!) ?? '');
    if (anchors.length === 0 || !type || anchors.some((a) => a.sentence !== anchors[0]!.sentence)) continue;
    const indices = anchors.map((a) => a.index);
    const sentence = anchors[0]!.sentence;
    let start = Math.min(...indices);
    const end = Math.max(...indices) + 1;
    if (end - start > 1 && /^(?:the|a|an)$/i.test(sentences[sentence]![start]!)) start++;
    mentions.push({ sentence, start, end, type });
  }
  let annotatedUpTo = -1;
  for (const a of xml.matchAll(/<token_anchor t_id="(\d+)"/g)) {
    annotatedUpTo = Math.max(annotatedUpTo, where.get(a[1]!)?.sentence ?? -1);
  }
  return { sentences, mentions, annotatedUpTo };
}

interface MeantimeScores {
  tallies: Map<string, Tally>;
  relaxed: PRF;
  documents: number;
}

function scoreMeantime(dir: string, tagger: DocumentTagger): MeantimeScores {
  const ours = ['PER', 'ORG', 'LOC'];
  const tallies = new Map<string, Tally>(['ALL', ...ours].map((name) => [name, { correct: 0, predicted: 0, gold: 0 }]));
  const relaxed: Tally = { correct: 0, predicted: 0, gold: 0 };
  let relaxedGoldFound = 0;
  let documents = 0;
  for (const corpus of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, corpus)).filter((f) => f.endsWith('.xml'))) {
      const { sentences, mentions, annotatedUpTo } = parseMeantime(readFileSync(join(dir, corpus, file), 'utf8'));
      documents++;
      const spanKey = (sentence: number, start: number, end: number): string => `${sentence}:${start}:${end}`;
      const gold = new Map(mentions.filter((m) => ours.includes(m.type)).map((m) => [spanKey(m.sentence, m.start, m.end), m.type]));
      const otherTypes = new Set(mentions.filter((m) => !ours.includes(m.type)).map((m) => spanKey(m.sentence, m.start, m.end)));
      for (const type of gold.values()) {
        tallies.get('ALL')!.gold++;
        tallies.get(type)!.gold++;
      }
      const nonEmpty = sentences.map((s, i) => ({ s, i })).filter(({ s }) => s.length > 0);
      const predicted = tagger(nonEmpty.map(({ s }) => s));
      const goldMentions = mentions.filter((m) => ours.includes(m.type));
      relaxed.gold += goldMentions.length;
      const found: Array<{ sentence: number; start: number; end: number; type: string }> = [];
      nonEmpty.forEach(({ i }, k) => {
        if (i > annotatedUpTo) return;
        for (const e of predicted[k]!) {
          const key = spanKey(i, e.start, e.end);
          if (!ours.includes(e.type) || otherTypes.has(key)) continue;
          found.push({ sentence: i, start: e.start, end: e.end, type: e.type });
          const hit = gold.get(key) === e.type ? 1 : 0;
          for (const name of ['ALL', e.type]) {
            tallies.get(name)!.predicted++;
            tallies.get(name)!.correct += hit;
          }
        }
      });
      const overlaps = (a: (typeof found)[number], b: (typeof found)[number]): boolean =>
        a.sentence === b.sentence && a.type === b.type && a.start < b.end && b.start < a.end;
      relaxed.predicted += found.length;
      relaxed.correct += found.filter((p) => goldMentions.some((g) => overlaps(p, g))).length;
      relaxedGoldFound += goldMentions.filter((g) => found.some((p) => overlaps(p, g))).length;
    }
  }
  const precision = relaxed.predicted ? relaxed.correct / relaxed.predicted : 0;
  const recall = relaxed.gold ? relaxedGoldFound / relaxed.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tallies, relaxed: { precision, recall, f1 }, documents };
}

function printMeantime(tagger: string, { tallies, relaxed, documents }: MeantimeScores): void {
  for (const name of ['ALL', ...SHARED_TYPES]) {
    const t = tallies.get(name)!;
    process.stdout.write(`ner meantime-nam ${tagger}${name.padEnd(4)} ${scores(t)} (${counts(t)}; ${documents} documents)\n`);
  }
  process.stdout.write(
    `ner meantime-nam ${tagger}relaxed (same type, overlapping span) P ${fmt(relaxed.precision)} R ${fmt(relaxed.recall)} F1 ${fmt(relaxed.f1)}\n`,
  );
}

function evaluateMeantime(peer: DocumentTagger | null): void {
  const root = datasetDir('meantime');
  if (!root) return;
  const dir = join(root, 'intra-doc_annotation');
  const ours = scoreMeantime(dir, entitySpans);
  printMeantime('', ours);
  if (!peer) return;
  const theirs = scoreMeantime(dir, peer);
  printMeantime('compromise ', theirs);
  sideBySide('meantime-nam', ours.tallies, theirs.tallies);
}

/** Tags sentences (token lists) of one document; one list of spans per sentence. */
type DocumentTagger = (sentences: readonly (readonly string[])[]) => LabelledSpan[][];

/** compromise's entity methods and the CoNLL type each stands for; compromise has no MISC. */
const COMPROMISE_METHODS = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']] as const;
const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u;

interface CompromiseMatch {
  offset?: { start: number; length: number };
}
type CompromiseView = Record<(typeof COMPROMISE_METHODS)[number][0], () => { json: (options: object) => CompromiseMatch[] }>;

/**
 * compromise as a tagger over given tokens: a document's sentences become one text (tokens joined
 * by spaces, sentences by newlines, which compromise treats as sentence breaks), and each match's
 * character range is mapped back to whole tokens. Punctuation tokens at a match's edges are
 * dropped: the space-separated text makes compromise attach " ." to a name, which a real text would not.
 */
/** Index of the first token (sorted by position) that ends after character `offset`. */
function firstEndingAfter(tokens: ReadonlyArray<{ end: number }>, offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function compromiseTagger(nlp: (text: string) => CompromiseView): DocumentTagger {
  return (sentences) => {
    const where: Array<{ sentence: number; token: number; start: number; end: number }> = [];
    let text = '';
    sentences.forEach((tokens, sentence) => {
      if (sentence > 0) text += '\n';
      tokens.forEach((token, index) => {
        if (index > 0) text += ' ';
        where.push({ sentence, token: index, start: text.length, end: text.length + token.length });
        text += token;
      });
    });
    const spans: LabelledSpan[][] = sentences.map(() => []);
    const seen = new Set<string>();
    const view = nlp(text);
    for (const [method, type] of COMPROMISE_METHODS) {
      for (const match of view[method]().json({ offset: true, terms: false })) {
        if (!match.offset) continue;
        const from = match.offset.start;
        const to = from + match.offset.length;
        const covered: typeof where = [];
        for (let i = firstEndingAfter(where, from); i < where.length && where[i]!.start < to; i++) {
          if (!PUNCTUATION_ONLY.test(sentences[where[i]!.sentence]![where[i]!.token]!)) covered.push(where[i]!);
        }
        const first = covered[0];
        const last = covered[covered.length - 1];
        if (!first || !last || first.sentence !== last.sentence) continue;
        const id = `${first.sentence}:${first.token}:${last.token + 1}:${type}`;
        if (seen.has(id)) continue;
        seen.add(id);
        spans[first.sentence]!.push({ start: first.token, end: last.token + 1, type });
      }
    }
    return spans;
  };
}

async function loadCompromise(): Promise<DocumentTagger | null> {
  try {
    const module = (await import('compromise')) as unknown as { default: (text: string) => CompromiseView };
    return compromiseTagger(module.default);
  } catch {
    return null;
  }
}

function compromiseVersion(): string {
  try {
    return (JSON.parse(readFileSync(join('node_modules', 'compromise', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export default async function evaluateNer(): Promise<void> {
  const dir = datasetDir('ner-conll2003');
  if (!dir) return;
  const documents = parseConll(readFileSync(join(dir, 'eng.testa'), 'utf8'));
  const tokenCount = documents.reduce((n, d) => n + d.reduce((m, s) => m + s.tokens.length, 0), 0);

  const loadStarted = performance.now();
  modelWeights();
  const loadMs = performance.now() - loadStarted;
  let predictions = tagAll(documents); // JIT warm-up
  // The machine is shared: time three cold-cache runs and keep the median, in wall and CPU time.
  const runs: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < 3; run++) {
    clearWordCache();
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    predictions = tagAll(documents);
    runs.push({ wall: (performance.now() - started) / 1000, cpu: process.cpuUsage(cpuStarted).user / 1e6 });
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[1]!;
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));

  const tallies = score(documents, predictions);
  for (const name of ['ALL', ...ENTITY_TYPES]) process.stdout.write(`${line(name, tallies.get(name)!)}\n`);
  process.stdout.write(
    `ner speed: ${tokenCount} tokens, median of 3 runs: ${wall.toFixed(3)} s wall = ${Math.round(tokenCount / wall)} tokens/s, ` +
      `${cpu.toFixed(3)} s CPU = ${Math.round(tokenCount / cpu)} tokens/CPU-s (one thread, cold word cache, model load ${loadMs.toFixed(0)} ms not included)\n`,
  );
  const peer = await loadCompromise();
  if (peer) evaluatePeerOnConll(documents, tokenCount, { tallies, cpu }, peer);
  else process.stdout.write('ner peer: compromise not installed, skipped\n');
  evaluateMeantime(peer);
}

/**
 * compromise on the same documents, fed the same way (a document at a time). It is slow, so it is
 * timed on one run after a short warm-up; its time includes its own tokenising and tagging, which
 * it cannot skip.
 */
function evaluatePeerOnConll(
  documents: readonly ConllDocument[],
  tokenCount: number,
  ours: { tallies: ReadonlyMap<string, Tally>; cpu: number },
  peer: DocumentTagger,
): void {
  tagAll(documents.slice(0, 20), peer);
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const predictions = tagAll(documents, peer);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted).user / 1e6;
  const tallies = score(documents, predictions);
  const version = compromiseVersion();
  for (const name of ['ALL', ...SHARED_TYPES]) {
    process.stdout.write(`ner peer compromise ${version} conll-testa ${name.padEnd(4)} ${scores(tallies.get(name)!)} (${counts(tallies.get(name)!)})\n`);
  }
  process.stdout.write('ner peer compromise: no MISC type (people → PER, organizations → ORG, places → LOC); its ALL counts the MISC gold as missed\n');
  process.stdout.write(
    `ner peer compromise speed: ${tokenCount} tokens, 1 run: ${wall.toFixed(3)} s wall = ${Math.round(tokenCount / wall)} tokens/s, ` +
      `${cpu.toFixed(3)} s CPU = ${Math.round(tokenCount / cpu)} tokens/CPU-s (one thread, its own tokenising included)\n`,
  );
  sideBySide('conll-testa', ours.tallies, tallies);
  process.stdout.write(`ner side-by-side conll-testa speed      ours ${Math.round(tokenCount / ours.cpu)} | compromise ${Math.round(tokenCount / cpu)} tokens/CPU-s\n`);
}
