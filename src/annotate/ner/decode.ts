/**
 * Greedy left-to-right decoding with the averaged-perceptron weights: each token's label is the
 * best-scoring one given its features and the two labels before it. Training runs the same loop
 * with a learner that corrects the weights whenever the prediction differs from the gold label.
 */
import { ALLOWED, LABEL_COUNT, OUTSIDE, canEnd } from './labels.js';
import {
  LABEL_FEATURES,
  documentMemory,
  labelFeatures,
  prepareSentence,
  remember,
  sentenceFeatures,
  type DocumentMemory,
  type Sentence,
} from './features.js';

/**
 * Weights, `LABEL_COUNT` per feature bucket. Dense while training (`values[bucket * LABEL_COUNT +
 * label]`); sparse when loaded, because only a small share of the 2^21 buckets has a row: a bit set
 * says which do, and a rank per 32-bucket word locates the row, so that the many features never
 * seen in training cost one look-up in a table small enough to stay in cache.
 */
export interface WeightTable {
  values: Float32Array | Int16Array;
  present: Uint32Array | null;
  rank: Int32Array | null;
}

export function denseTable(values: Float32Array): WeightTable {
  return { values, present: null, rank: null };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

export interface Learner {
  gold: Uint8Array;
  /** Called before the sentence is decoded (the averaging clock counts sentences). */
  begin(): void;
  /** Corrects the weights of `features[from..to]` towards `gold` and away from `predicted`. */
  update(features: Int32Array, from: number, to: number, gold: number, predicted: number): void;
}

// Module-local copies: under tsx an imported binding is a getter call, too slow for the inner loop.
const LABELS = LABEL_COUNT;
const ALLOWED_NEXT = ALLOWED;
const START = LABELS;
const CAN_END = Uint8Array.from({ length: LABELS }, (_, l) => (canEnd(l) ? 1 : 0));
const scores = new Float64Array(LABELS);
const labelBuckets = new Int32Array(LABEL_FEATURES);

function addScores(table: WeightTable, buckets: Int32Array, from: number, to: number): void {
  const { values, present, rank } = table;
  if (present === null || rank === null) {
    for (let f = from; f < to; f++) addRow(values, buckets[f]! * LABELS);
    return;
  }
  for (let f = from; f < to; f++) {
    const bucket = buckets[f]!;
    const word = bucket >>> 5;
    const bits = present[word]!;
    const bit = 1 << (bucket & 31);
    if ((bits & bit) !== 0) addRow(values, (rank[word]! + popcount(bits & (bit - 1))) * LABELS);
  }
}

function addRow(values: Float32Array | Int16Array, base: number): void {
  for (let l = 0; l < LABELS; l++) scores[l]! += values[base + l]!;
}

export function decodeSentence(
  sentence: Sentence,
  memory: DocumentMemory,
  weights: WeightTable,
  learner?: Learner,
): Uint8Array {
  const n = sentence.words.length;
  const labels = new Uint8Array(n);
  learner?.begin();
  const { buckets, offsets } = sentenceFeatures(sentence, memory);
  let previous = START;
  let previous2 = START;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    labelFeatures(sentence, i, previous, previous2, labelBuckets, 0);
    scores.fill(0);
    addScores(weights, buckets, from, to);
    addScores(weights, labelBuckets, 0, LABEL_FEATURES);
    const predicted = learner ? argmax() : constrainedArgmax(previous === START ? OUTSIDE : previous, i === n - 1);
    if (learner && predicted !== learner.gold[i]) {
      learner.update(buckets, from, to, learner.gold[i]!, predicted);
      learner.update(labelBuckets, 0, LABEL_FEATURES, learner.gold[i]!, predicted);
    }
    labels[i] = predicted;
    previous2 = previous;
    previous = predicted;
  }
  return labels;
}

function argmax(): number {
  let best = 0;
  for (let l = 1; l < LABELS; l++) if (scores[l]! > scores[best]!) best = l;
  return best;
}

function constrainedArgmax(previous: number, last: boolean): number {
  let best = -1;
  const row = previous * LABELS;
  for (let l = 0; l < LABELS; l++) {
    if (ALLOWED_NEXT[row + l] === 0 || (last && CAN_END[l] === 0)) continue;
    if (best < 0 || scores[l]! > scores[best]!) best = l;
  }
  return best;
}

/** Tags every sentence of one document in order, remembering earlier predictions. */
export function decodeDocument(
  tokenSentences: readonly (readonly string[])[],
  weights: WeightTable,
  learners?: readonly Learner[],
): Uint8Array[] {
  const sentences = tokenSentences.map(prepareSentence);
  const memory = documentMemory(sentences);
  const results = new Array<Uint8Array>(sentences.length);
  // Headlines in capitals carry little case information: they are tagged last, with the whole
  // document's history available.
  for (const wantCaps of [false, true]) {
    sentences.forEach((sentence, s) => {
      if (sentence.allCaps !== wantCaps) return;
      const labels = decodeSentence(sentence, memory, weights, learners?.[s]);
      remember(memory, sentence, labels);
      results[s] = labels;
    });
  }
  return results;
}
