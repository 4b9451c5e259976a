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
  NEIGHBOUR_ROLES,
  neighbourFeatureBuckets,
  prepareSentence,
  remember,
  sentenceFeatures,
  wordAt,
  wordFeatureBuckets,
  type DocumentMemory,
  type Sentence,
  type WordInfo,
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
  /** `present` and `rank` interleaved (bits of word w at 2w, its rank at 2w + 1): one cache miss per look-up, not two. */
  index: Int32Array | null;
}

export function denseTable(values: Float32Array): WeightTable {
  return { values, present: null, rank: null, index: null };
}

export function sparseTable(values: Int16Array, present: Uint32Array, rank: Int32Array): WeightTable {
  const index = new Int32Array(present.length * 2);
  for (let word = 0; word < present.length; word++) {
    index[2 * word] = present[word]! | 0;
    index[2 * word + 1] = rank[word]!;
  }
  return { values, present, rank, index };
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
  const { values, index } = table;
  if (index === null) {
    for (let f = from; f < to; f++) addRow(values, buckets[f]! * LABELS);
    return;
  }
  for (let f = from; f < to; f++) {
    const bucket = buckets[f]!;
    const at = (bucket >>> 5) << 1;
    const bits = index[at]!;
    const bit = 1 << (bucket & 31);
    if ((bits & bit) !== 0) addRow(values, (index[at + 1]! + popcount(bits & (bit - 1))) * LABELS);
  }
}

function addRow(values: Float32Array | Int16Array, base: number): void {
  for (let l = 0; l < LABELS; l++) scores[l]! += values[base + l]!;
}

const ownBuckets = new Int32Array(32);

/**
 * The summed rows of a word's own features (form, shape, affixes), cached with the word: they are
 * the same wherever it occurs. Only for an integer table, whose sums do not depend on the order
 * of addition, so that scores stay exactly what adding every feature in turn gives.
 */
function ownScores(info: WordInfo, table: WeightTable): Int32Array {
  if (info.ownScoresTable === table && info.ownScores !== null) return info.ownScores;
  const count = wordFeatureBuckets(info, ownBuckets);
  scores.fill(0);
  addScores(table, ownBuckets, 0, count);
  info.ownScores = Int32Array.from(scores);
  info.ownScoresTable = table;
  return info.ownScores;
}

/**
 * The summed rows of the features a word contributes as each kind of neighbour (previous, next,
 * second previous, second next word), cached with the word like `ownScores`: four small vector
 * additions per token instead of twelve sparse look-ups.
 */
function neighbourScores(info: WordInfo, table: WeightTable): Int32Array {
  if (info.neighbourScoresTable === table && info.neighbourScores !== null) return info.neighbourScores;
  const all = new Int32Array(NEIGHBOUR_ROLES * LABELS);
  for (let role = 0; role < NEIGHBOUR_ROLES; role++) {
    const count = neighbourFeatureBuckets(info, role, ownBuckets);
    scores.fill(0);
    addScores(table, ownBuckets, 0, count);
    all.set(scores, role * LABELS);
  }
  info.neighbourScores = all;
  info.neighbourScoresTable = table;
  return all;
}

/** The previous-labels features are the first two `labelFeatures` writes; the other two involve the word. */
const PAIR_FEATURES = 2;
const START_STATES = LABELS + 1;
let pairScoresTable: WeightTable | null = null;
let pairScores = new Int32Array(0);

/**
 * Summed rows of the two features on the previous labels alone, for every pair of previous labels:
 * a small table that replaces two sparse look-ups per token (integer tables only, as `ownScores`).
 */
function labelPairScores(sentence: Sentence, table: WeightTable): Int32Array {
  if (pairScoresTable === table) return pairScores;
  pairScores = new Int32Array(START_STATES * START_STATES * LABELS);
  for (let previous2 = 0; previous2 < START_STATES; previous2++) {
    for (let previous = 0; previous < START_STATES; previous++) {
      labelFeatures(sentence, 0, previous, previous2, labelBuckets, 0);
      scores.fill(0);
      addScores(table, labelBuckets, 0, PAIR_FEATURES);
      pairScores.set(scores, (previous2 * START_STATES + previous) * LABELS);
    }
  }
  pairScoresTable = table;
  return pairScores;
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
  const cachedOwnScores = learner === undefined && weights.values instanceof Int16Array;
  const pairs = cachedOwnScores && n > 0 ? labelPairScores(sentence, weights) : null;
  const { buckets, offsets } = sentenceFeatures(sentence, memory, !cachedOwnScores);
  let previous = START;
  let previous2 = START;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    labelFeatures(sentence, i, previous, previous2, labelBuckets, 0);
    if (pairs !== null) {
      const own = ownScores(sentence.words[i]!, weights);
      const pair = (previous2 * START_STATES + previous) * LABELS;
      const before = neighbourScores(wordAt(sentence, i - 1), weights);
      const after = neighbourScores(wordAt(sentence, i + 1), weights);
      const before2 = neighbourScores(wordAt(sentence, i - 2), weights);
      const after2 = neighbourScores(wordAt(sentence, i + 2), weights);
      for (let l = 0; l < LABELS; l++) {
        scores[l] = own[l]! + pairs[pair + l]! + before[l]! + after[LABELS + l]! + before2[2 * LABELS + l]! + after2[3 * LABELS + l]!;
      }
      addScores(weights, labelBuckets, PAIR_FEATURES, LABEL_FEATURES);
    } else {
      scores.fill(0);
      addScores(weights, labelBuckets, 0, LABEL_FEATURES);
    }
    addScores(weights, buckets, from, to);
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
