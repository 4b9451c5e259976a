/**
 * Greedy left-to-right decoding with the averaged-perceptron weights: each token's label is the
 * best-scoring one given its features and the two labels before it. Training runs the same loop
 * with a learner that corrects the weights whenever the prediction differs from the gold label.
 */
import { ALLOWED, LABEL_COUNT, OUTSIDE, canEnd } from './labels.js';
import {
  ADJACENT_PAIR_FEATURES,
  LABEL_FEATURES,
  NEIGHBOUR_ROLES,
  REST_AND_SMALL_IDS,
  SMALL_FEATURES,
  WITHOUT_WORD_FEATURES,
  adjacentPairBuckets,
  documentMemory,
  labelFeatures,
  neighbourFeatureBuckets,
  prepareSentence,
  remember,
  sentenceFeatures,
  shapeTrigramBucket,
  smallFeatureBuckets,
  wordAt,
  wordFeatureBuckets,
  type DocumentMemory,
  type Sentence,
  type SentenceFeatures,
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

let smallScoresTable: WeightTable | null = null;
let smallScores = new Int32Array(0);
const smallBuckets = new Int32Array(4);

/** The summed weights of every small feature id (see `sentenceFeatures`), one row each: built once per table. */
function smallFeatureScores(table: WeightTable): Int32Array {
  if (smallScoresTable === table) return smallScores;
  smallScores = new Int32Array(SMALL_FEATURES * LABELS);
  for (let id = 0; id < SMALL_FEATURES; id++) {
    sumRows(table, smallBuckets, 0, smallFeatureBuckets(id, smallBuckets), smallScores, id * LABELS);
  }
  smallScoresTable = table;
  return smallScores;
}

/**
 * The word's own features plus the label features that involve the word (`labelFeatures` beyond
 * the first two) when the previous label is Outside, by far the most common case; cached with the word.
 */
function ownAfterOutsideScores(sentence: Sentence, i: number, table: WeightTable): Int32Array {
  const info = sentence.words[i]!;
  if (info.afterOutsideTable === table && info.afterOutsideScores !== null) return info.afterOutsideScores;
  const own = ownScores(info, table);
  labelFeatures(sentence, i, OUTSIDE, OUTSIDE, labelBuckets, 0);
  const sums = new Int32Array(LABELS);
  sumRows(table, labelBuckets, PAIR_FEATURES, LABEL_FEATURES, sums, 0);
  for (let l = 0; l < LABELS; l++) sums[l]! += own[l]!;
  info.afterOutsideScores = sums;
  info.afterOutsideTable = table;
  return sums;
}

/** Writes the summed rows of `buckets[from..to]` into `out[at..at + LABELS]`. */
function sumRows(table: WeightTable, buckets: Int32Array, from: number, to: number, out: Int32Array, at: number): void {
  const { values, index } = table;
  out.fill(0, at, at + LABELS);
  for (let f = from; f < to; f++) {
    const bucket = buckets[f]!;
    let base: number;
    if (index === null) base = bucket * LABELS;
    else {
      const word = (bucket >>> 5) << 1;
      const bits = index[word]!;
      const bit = 1 << (bucket & 31);
      if ((bits & bit) === 0) continue;
      base = (index[word + 1]! + popcount(bits & (bit - 1))) * LABELS;
    }
    for (let l = 0; l < LABELS; l++) out[at + l]! += values[base + l]!;
  }
}

/*
 * Window features, summed per pair of adjacent words and per trigram of short shapes: news
 * repeats its word pairs ("of the", "said on") and shape trigrams far more often than it repeats
 * whole contexts, and one remembered sum replaces three sparse look-ups. Sums are kept in pools of
 * rows (a pair's row: the second word's features, then the first word's), found through a map on
 * the first word (pairs) or a map from the three shape numbers (trigrams). When a pool is full,
 * everything is forgotten, between two sentences so that rows in use stay valid.
 */
const PAIR_LIMIT = 1 << 16; // at most ~9 MB of sums
const TRIGRAM_LIMIT = 1 << 14;
const SHAPE_BITS = 10;
let windowTable: WeightTable | null = null;
let pairRows = new Int32Array(0);
let pairCount = 0;
let pairOwners: WordInfo[] = [];
let trigramRows = new Int32Array(0);
const trigramRowByShapes = new Map<number, number>();
const pairBuckets = new Int32Array(ADJACENT_PAIR_FEATURES);
const HALF_PAIR = ADJACENT_PAIR_FEATURES / 2;
/** Rows of `neighbourScores`: as the previous, next, second previous, second next word. */
const AS_PREVIOUS_ROLE = 0;
const AS_NEXT_ROLE = 1;
const AS_PREVIOUS2_ROLE = 2;
const AS_NEXT2_ROLE = 3;

function forgetWindowSums(): void {
  for (const owner of pairOwners) owner.pairsAfter = null;
  pairOwners = [];
  pairCount = 0;
  trigramRowByShapes.clear();
}

/** Makes room for the pairs and trigrams of a sentence of `n` words (call before decoding it). */
function prepareWindowSums(table: WeightTable, n: number): void {
  if (windowTable !== table || pairCount + n + 1 > PAIR_LIMIT || trigramRowByShapes.size + n > TRIGRAM_LIMIT) {
    forgetWindowSums();
    windowTable = table;
  }
  const pairsNeeded = (pairCount + n + 1) * 2 * LABELS;
  if (pairRows.length < pairsNeeded) {
    const grown = new Int32Array(Math.max(pairsNeeded, Math.min(pairRows.length * 2, PAIR_LIMIT * 2 * LABELS)));
    grown.set(pairRows.subarray(0, pairCount * 2 * LABELS));
    pairRows = grown;
  }
  const trigramsNeeded = (trigramRowByShapes.size + n) * LABELS;
  if (trigramRows.length < trigramsNeeded) {
    const grown = new Int32Array(Math.max(trigramsNeeded, Math.min(trigramRows.length * 2, TRIGRAM_LIMIT * LABELS)));
    grown.set(trigramRows.subarray(0, trigramRowByShapes.size * LABELS));
    trigramRows = grown;
  }
}

/**
 * Offset in `pairRows` of the sums for adjacent words `a` `b`: their window features, plus each
 * one's features as the other's neighbour (`neighbourScores`, previous and next word).
 */
function pairRow(a: WordInfo, b: WordInfo, table: WeightTable): number {
  let pairs = a.pairsAfter;
  if (pairs === null) {
    pairs = new Map();
    a.pairsAfter = pairs;
    pairOwners.push(a);
  }
  let row = pairs.get(b);
  if (row === undefined) {
    row = pairCount++ * 2 * LABELS;
    adjacentPairBuckets(a, b, pairBuckets);
    sumRows(table, pairBuckets, 0, HALF_PAIR, pairRows, row);
    sumRows(table, pairBuckets, HALF_PAIR, ADJACENT_PAIR_FEATURES, pairRows, row + LABELS);
    const aAsNeighbour = neighbourScores(a, table);
    const bAsNeighbour = neighbourScores(b, table);
    for (let l = 0; l < LABELS; l++) {
      pairRows[row + l]! += aAsNeighbour[AS_PREVIOUS_ROLE * LABELS + l]!;
      pairRows[row + LABELS + l]! += bAsNeighbour[AS_NEXT_ROLE * LABELS + l]!;
    }
    pairs.set(b, row);
  }
  return row;
}

/** Offset in `trigramRows` of the weights of the shape trigram, or -1 when a shape has no number. */
function trigramRow(prev: WordInfo, w: WordInfo, next: WordInfo, table: WeightTable): number {
  if (prev.shortId < 0 || w.shortId < 0 || next.shortId < 0) return -1;
  const shapes = (((prev.shortId << SHAPE_BITS) | w.shortId) << SHAPE_BITS) | next.shortId;
  let row = trigramRowByShapes.get(shapes);
  if (row === undefined) {
    row = trigramRowByShapes.size * LABELS;
    pairBuckets[0] = shapeTrigramBucket(prev, w, next);
    sumRows(table, pairBuckets, 0, 1, trigramRows, row);
    trigramRowByShapes.set(shapes, row);
  }
  return row;
}

export function decodeSentence(
  sentence: Sentence,
  memory: DocumentMemory,
  weights: WeightTable,
  learner?: Learner,
): Uint8Array {
  if (learner === undefined && weights.values instanceof Int16Array && sentence.words.length > 0) {
    const features = sentenceFeatures(sentence, memory, REST_AND_SMALL_IDS);
    // Rarely, a token has more features than it keeps: the generic path reproduces which ones.
    if (!features.overflow) return decodeWithCachedScores(sentence, features, weights);
  }
  return decodeGeneric(sentence, memory, weights, learner);
}

/** Scores of the labels of one token, when decoding with an integer table. */
const intScores = new Int32Array(LABELS);

/** Adds the rows of `buckets[from..to]` of an integer table to `intScores`. */
function addIntScores(table: WeightTable, buckets: Int32Array, from: number, to: number): void {
  const values = table.values;
  const index = table.index!;
  for (let f = from; f < to; f++) {
    const bucket = buckets[f]!;
    const at = (bucket >>> 5) << 1;
    const bits = index[at]!;
    const bit = 1 << (bucket & 31);
    if ((bits & bit) === 0) continue;
    const base = (index[at + 1]! + popcount(bits & (bit - 1))) * LABELS;
    for (let l = 0; l < LABELS; l++) intScores[l]! += values[base + l]!;
  }
}

/**
 * Decoding with an integer table: a token's score is assembled from cached sums (its word's own
 * features, the previous labels', its adjacent pairs' and shape trigram's, its second neighbours'),
 * rows of the small-feature table, and sparse look-ups for the rest. Integer sums do not depend
 * on the order of addition, so the scores are exactly those of adding every feature's row in turn.
 */
function decodeWithCachedScores(sentence: Sentence, features: SentenceFeatures, weights: WeightTable): Uint8Array {
  const n = sentence.words.length;
  const labels = new Uint8Array(n);
  const pairs = labelPairScores(sentence, weights);
  const small = smallFeatureScores(weights);
  prepareWindowSums(weights, n);
  const windowPairs = pairRows;
  const windowTrigrams = trigramRows;
  const { buckets, offsets, small: smallIds, smallOffsets } = features;
  let previous = START;
  let previous2 = START;
  let withPrevious = pairRow(wordAt(sentence, -1), sentence.words[0]!, weights);
  for (let i = 0; i < n; i++) {
    const word = sentence.words[i]!;
    const own = previous === OUTSIDE ? ownAfterOutsideScores(sentence, i, weights) : ownScores(word, weights);
    const pair = (previous2 * START_STATES + previous) * LABELS;
    const before2 = neighbourScores(wordAt(sentence, i - 2), weights);
    const after2 = neighbourScores(wordAt(sentence, i + 2), weights);
    const withNext = pairRow(word, wordAt(sentence, i + 1), weights) + LABELS;
    const trigram = trigramRow(wordAt(sentence, i - 1), word, wordAt(sentence, i + 1), weights);
    for (let l = 0; l < LABELS; l++) {
      intScores[l] = own[l]! + pairs[pair + l]! + before2[AS_PREVIOUS2_ROLE * LABELS + l]! + after2[AS_NEXT2_ROLE * LABELS + l]! +
        windowPairs[withPrevious + l]! + windowPairs[withNext + l]!;
    }
    if (trigram >= 0) {
      for (let l = 0; l < LABELS; l++) intScores[l]! += windowTrigrams[trigram + l]!;
    } else {
      labelBuckets[0] = shapeTrigramBucket(wordAt(sentence, i - 1), word, wordAt(sentence, i + 1));
      addIntScores(weights, labelBuckets, 0, 1);
    }
    if (previous !== OUTSIDE) {
      labelFeatures(sentence, i, previous, previous2, labelBuckets, 0);
      addIntScores(weights, labelBuckets, PAIR_FEATURES, LABEL_FEATURES);
    }
    for (let k = smallOffsets[i]!, end = smallOffsets[i + 1]!; k < end; k++) {
      const row = smallIds[k]! * LABELS;
      for (let l = 0; l < LABELS; l++) intScores[l]! += small[row + l]!;
    }
    addIntScores(weights, buckets, offsets[i]!, offsets[i + 1]!);
    const predicted = constrainedArgmax(intScores, previous === START ? OUTSIDE : previous, i === n - 1);
    labels[i] = predicted;
    previous2 = previous;
    previous = predicted;
    withPrevious = withNext - LABELS;
  }
  return labels;
}

/** Decoding (and training) by adding every feature's row: any table, with or without a learner. */
function decodeGeneric(sentence: Sentence, memory: DocumentMemory, weights: WeightTable, learner?: Learner): Uint8Array {
  const n = sentence.words.length;
  const labels = new Uint8Array(n);
  learner?.begin();
  const cachedOwnScores = learner === undefined && weights.values instanceof Int16Array;
  const pairs = cachedOwnScores && n > 0 ? labelPairScores(sentence, weights) : null;
  const { buckets, offsets } = sentenceFeatures(sentence, memory, cachedOwnScores ? WITHOUT_WORD_FEATURES : undefined);
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
    const predicted = learner ? argmax() : constrainedArgmax(scores, previous === START ? OUTSIDE : previous, i === n - 1);
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

function constrainedArgmax(values: Float64Array | Int32Array, previous: number, last: boolean): number {
  let best = -1;
  const row = previous * LABELS;
  for (let l = 0; l < LABELS; l++) {
    if (ALLOWED_NEXT[row + l] === 0 || (last && CAN_END[l] === 0)) continue;
    if (best < 0 || values[l]! > values[best]!) best = l;
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
