/**
 * `npm run train:ner`: trains the named-entity tagger on CoNLL-2003 eng.train and writes
 * models/ner-conll2003.bin.gz.
 *
 * An averaged perceptron over hashed features, greedy BILOU decoding. Deterministic: documents
 * are shuffled with a fixed seed. The number of epochs is chosen on a held-out 10% of eng.train's
 * documents (never on testa); the final model is then retrained on all of eng.train for that many
 * epochs (`--no-retrain` keeps the 90% model).
 *
 * Several perceptrons (--models, default 4) are trained in lockstep on differently shuffled
 * document orders and their averaged weights averaged again: a cheap ensemble that costs
 * nothing at tagging time.
 *
 * Options: --max-epochs N (default 20), --patience N (default 4), --models N, --no-retrain.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir } from '../eval/datasets.js';
import { parseConll, type ConllDocument } from '../src/annotate/ner/conll.js';
import { decodeDocument, denseTable, type Learner } from '../src/annotate/ner/decode.js';
import { BUCKETS } from '../src/annotate/ner/features.js';
import { LABEL_COUNT, labelsFromSpans, spansFromLabels } from '../src/annotate/ner/labels.js';
import { MODEL_URL, encodeModel } from '../src/annotate/ner/model.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const maxEpochs = option('max-epochs', 20);
const patience = option('patience', 4);
const retrain = !process.argv.includes('--no-retrain');
const modelCount = option('models', 4);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Averaged perceptron with the "w − u/c" trick: u accumulates each update times the clock. */
class Perceptron {
  readonly weights = new Float32Array(BUCKETS * LABEL_COUNT);
  private readonly timed = new Float64Array(BUCKETS * LABEL_COUNT);
  clock = 1;

  learner(gold: Uint8Array): Learner {
    return {
      gold,
      begin: () => {
        this.clock++;
      },
      update: (features, from, to, goldLabel, predicted) => {
        for (let f = from; f < to; f++) {
          const base = features[f]! * LABEL_COUNT;
          this.weights[base + goldLabel]! += 1;
          this.weights[base + predicted]! -= 1;
          this.timed[base + goldLabel]! += this.clock;
          this.timed[base + predicted]! -= this.clock;
        }
      },
    };
  }

  averaged(into: Float32Array): Float32Array {
    for (let i = 0; i < into.length; i++) into[i] = this.weights[i]! - this.timed[i]! / this.clock;
    return into;
  }
}

function trainEpoch(model: Perceptron, documents: readonly ConllDocument[]): void {
  for (const document of documents) {
    const learners = document.map((s) => model.learner(labelsFromSpans(s.entities, s.tokens.length)));
    decodeDocument(
      document.map((s) => s.tokens),
      denseTable(model.weights),
      learners,
    );
  }
}

class Ensemble {
  private readonly members: Array<{ model: Perceptron; order: () => number }>;
  private scratch: Float32Array | null = null;

  constructor(count: number) {
    this.members = Array.from({ length: count }, (_, k) => ({ model: new Perceptron(), order: mulberry32(42 + k) }));
  }

  trainEpoch(documents: readonly ConllDocument[]): void {
    for (const { model, order } of this.members) trainEpoch(model, shuffle([...documents], order));
  }

  averaged(into: Float32Array): Float32Array {
    this.members[0]!.model.averaged(into);
    if (this.members.length === 1) return into;
    this.scratch ??= new Float32Array(into.length);
    for (const { model } of this.members.slice(1)) {
      model.averaged(this.scratch);
      for (let i = 0; i < into.length; i++) into[i]! += this.scratch[i]!;
    }
    for (let i = 0; i < into.length; i++) into[i]! /= this.members.length;
    return into;
  }
}

function entityF1(weights: Float32Array, documents: readonly ConllDocument[]): number {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  for (const document of documents) {
    const labels = decodeDocument(
      document.map((s) => s.tokens),
      denseTable(weights),
    );
    document.forEach((sentence, s) => {
      const found = spansFromLabels(labels[s]!, sentence.tokens.length);
      const wanted = new Set(sentence.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
      predicted += found.length;
      gold += wanted.size;
      for (const e of found) if (wanted.has(`${e.start}:${e.end}:${e.type}`)) correct++;
    });
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

function main(): void {
  const dir = datasetDir('ner-conll2003');
  if (!dir) {
    process.stderr.write('train:ner needs ../shared/datasets/ner-conll2003/eng.train (or $CROSSCHECK_DATASETS)\n');
    process.exit(1);
  }
  const documents = parseConll(readFileSync(join(dir, 'eng.train'), 'utf8'));
  const split = shuffle(documents, mulberry32(2003));
  const heldOutCount = Math.round(split.length / 10);
  const heldOut = split.slice(0, heldOutCount);
  const training = split.slice(heldOutCount);
  process.stdout.write(`eng.train: ${documents.length} documents; training on ${training.length}, held out ${heldOut.length}\n`);

  const averaged = new Float32Array(BUCKETS * LABEL_COUNT);
  let best: { epoch: number; f1: number; weights: Float32Array } = { epoch: 0, f1: -1, weights: new Float32Array(0) };
  const ensemble = new Ensemble(modelCount);
  for (let epoch = 1; epoch <= maxEpochs && epoch - best.epoch <= patience; epoch++) {
    const started = Date.now();
    ensemble.trainEpoch(training);
    const f1 = entityF1(ensemble.averaged(averaged), heldOut);
    process.stdout.write(`epoch ${epoch}: held-out F1 ${f1.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    if (f1 > best.f1) best = { epoch, f1, weights: retrain ? best.weights : averaged.slice() };
  }
  process.stdout.write(`best: epoch ${best.epoch}, held-out F1 ${best.f1.toFixed(4)}\n`);

  let final: Float32Array = best.weights;
  if (retrain) {
    const full = new Ensemble(modelCount);
    for (let epoch = 1; epoch <= best.epoch; epoch++) full.trainEpoch(documents);
    final = full.averaged(averaged);
    process.stdout.write(`retrained on all ${documents.length} documents for ${best.epoch} epochs\n`);
  }
  let nonZero = 0;
  for (const w of final) if (w !== 0) nonZero++;
  process.stdout.write(`non-zero weights: ${nonZero}\n`);
  const file = encodeModel(final);
  mkdirSync(join(fileURLToPath(MODEL_URL), '..'), { recursive: true });
  writeFileSync(MODEL_URL, file);
  process.stdout.write(`wrote ${fileURLToPath(MODEL_URL)} (${(file.length / 1e6).toFixed(1)} MB)\n`);
}

main();
