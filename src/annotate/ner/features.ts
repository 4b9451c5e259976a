/**
 * Feature extraction, shared by training and tagging so that both hash exactly the same features.
 *
 * No feature string is ever built: each word's intrinsic properties (form, lower case, shape,
 * affixes) are hashed once into integer "atoms" and cached per word; a feature is then a template
 * id mixed with one to three atoms, reduced to a bucket of the weight table.
 */
import { gazetteerMatches, normaliseWord } from './gazetteer/index.js';
import { ENTITY_TYPES } from './labels.js';

export const HASH_BITS = 21;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;

/** Word atoms: indices into `WordInfo.atoms`. */
const A_WORD = 0;
const A_LOWER = 1;
const A_SHAPE = 2;
const A_SHORT = 3;
const A_PREFIX = 4; // 4..7: prefixes of length 1..4
const A_SUFFIX = 8; // 8..11: suffixes of length 1..4
const ATOM_COUNT = 12;

/** Capitalisation classes. */
export const CASE_LOWER = 0;
export const CASE_INITIAL = 1;
export const CASE_ALLCAPS = 2;
const CASE_MIXED = 3;
const CASE_DIGIT = 4;
const CASE_OTHER = 5;

export interface WordInfo {
  lower: string;
  atoms: Int32Array;
  caseClass: number;
  length: number;
  /** Summed weights of the word-only features in `ownScoresTable` (filled in by the decoder, cached with the word). */
  ownScores: Int32Array | null;
  ownScoresTable: object | null;
  /**
   * Summed weights of the features this word contributes to a neighbour's score, per position
   * (`NEIGHBOUR_ROLES`: as the previous, next, second previous, second next word), in
   * `neighbourScoresTable`; filled in by the decoder and cached with the word like `ownScores`.
   */
  neighbourScores: Int32Array | null;
  neighbourScoresTable: object | null;
}

export function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}

function bucket(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & MASK;
}

/** Letters become X or x (any script), digits d; other characters stand for themselves. */
function shapeChar(c: string): string {
  if (c >= '0' && c <= '9') return 'd';
  const upper = c.toUpperCase();
  if (c.toLowerCase() === upper) return c;
  return c === upper ? 'X' : 'x';
}

function shapeOf(word: string, collapse: boolean): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < word.length && shape.length < 12; i++) {
    const s = shapeChar(word[i]!);
    if (collapse && s === last) continue;
    shape += s;
    last = s;
  }
  return shape;
}

function caseClassOf(word: string): number {
  const hasUpper = word !== word.toLowerCase();
  const hasLower = word !== word.toUpperCase();
  if (/^[\d.,:/-]+$/.test(word) && /\d/.test(word)) return CASE_DIGIT;
  if (!hasUpper && !hasLower) return CASE_OTHER;
  if (!hasUpper) return CASE_LOWER;
  if (!hasLower) return CASE_ALLCAPS;
  const first = word[0]!;
  const restLower = word.slice(1) === word.slice(1).toLowerCase();
  return first !== first.toLowerCase() && restLower ? CASE_INITIAL : CASE_MIXED;
}

function describeWord(word: string): WordInfo {
  const normal = word.replace(/’/g, "'");
  const lower = normaliseWord(word);
  const digitless = lower.replace(/\d/g, '0');
  const atoms = new Int32Array(ATOM_COUNT);
  atoms[A_WORD] = fnv(normal);
  atoms[A_LOWER] = fnv(digitless);
  atoms[A_SHAPE] = fnv(shapeOf(normal, false));
  atoms[A_SHORT] = fnv(shapeOf(normal, true));
  for (let k = 1; k <= 4; k++) {
    atoms[A_PREFIX + k - 1] = lower.length > k ? fnv(lower.slice(0, k)) : 0;
    atoms[A_SUFFIX + k - 1] = lower.length > k ? fnv(lower.slice(-k)) : 0;
  }
  return {
    lower, atoms, caseClass: caseClassOf(word), length: word.length,
    ownScores: null, ownScoresTable: null, neighbourScores: null, neighbourScoresTable: null,
  };
}

const WORD_CACHE_LIMIT = 200_000;
const wordCache = new Map<string, WordInfo>();

export function wordInfo(word: string): WordInfo {
  let info = wordCache.get(word);
  if (!info) {
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    info = describeWord(word);
    wordCache.set(word, info);
  }
  return info;
}

/** For benchmarks: forget cached word atoms so a timed run pays for them. */
export function clearWordCache(): void {
  wordCache.clear();
}

const PAD_BEFORE = describeWord('<s>');
const PAD_AFTER = describeWord('</s>');
PAD_BEFORE.atoms.fill(fnv('<s>'));
PAD_AFTER.atoms.fill(fnv('</s>'));

/** Document-level memory: how each word is cased across the document, and how it was tagged before. */
export interface DocumentMemory {
  /** Bits: 1 = capitalised mid-sentence, 2 = lower case, 4 = all caps in a mixed-case sentence. */
  casing: Map<string, number>;
  /**
   * For capitalised words seen more than once: the words around all their occurrences (lower-case
   * atoms, before and after), so that a name's clearest context informs every mention.
   */
  contexts: Map<string, { before: number[]; after: number[] }>;
  /** Counts per label (BILOU id) of earlier predictions covering the word. */
  history: Map<string, Int32Array>;
}

export interface Sentence {
  words: WordInfo[];
  allCaps: boolean;
  /** Tables of results and prices: a third or more of the tokens are numbers. */
  numeric: boolean;
}

function isAllCapsSentence(words: readonly WordInfo[]): boolean {
  let capitals = 0;
  for (const w of words) {
    if (w.caseClass === CASE_LOWER || w.caseClass === CASE_INITIAL || w.caseClass === CASE_MIXED) return false;
    if (w.caseClass === CASE_ALLCAPS && w.length > 1) capitals++;
  }
  return capitals >= 2;
}

export function prepareSentence(tokens: readonly string[]): Sentence {
  const words = tokens.map(wordInfo);
  let numbers = 0;
  for (const w of words) if (w.caseClass === CASE_DIGIT) numbers++;
  return { words, allCaps: isAllCapsSentence(words), numeric: numbers * 3 >= words.length && numbers >= 2 };
}

export function documentMemory(sentences: readonly Sentence[]): DocumentMemory {
  const casing = new Map<string, number>();
  for (const { words, allCaps } of sentences) {
    if (allCaps) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const bit =
        w.caseClass === CASE_LOWER ? 2 : w.caseClass === CASE_INITIAL && i > 0 ? 1 : w.caseClass === CASE_ALLCAPS ? 4 : 0;
      if (bit) casing.set(w.lower, (casing.get(w.lower) ?? 0) | bit);
    }
  }
  return { casing, contexts: aggregateContexts(sentences), history: new Map() };
}

const MAX_CONTEXTS = 8;
const HISTORY_SIZE = 1 + ENTITY_TYPES.length * 4;

function isCapitalised(w: WordInfo): boolean {
  return w.caseClass === CASE_INITIAL || w.caseClass === CASE_ALLCAPS || w.caseClass === CASE_MIXED;
}

function aggregateContexts(sentences: readonly Sentence[]): Map<string, { before: number[]; after: number[] }> {
  const contexts = new Map<string, { before: number[]; after: number[]; count: number }>();
  for (const { words, allCaps } of sentences) {
    if (allCaps) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isCapitalised(w)) continue;
      let entry = contexts.get(w.lower);
      if (!entry) {
        entry = { before: [], after: [], count: 0 };
        contexts.set(w.lower, entry);
      }
      entry.count++;
      const before = (i > 0 ? words[i - 1]! : PAD_BEFORE).atoms[A_LOWER]!;
      const after = (i + 1 < words.length ? words[i + 1]! : PAD_AFTER).atoms[A_LOWER]!;
      if (entry.before.length < MAX_CONTEXTS && !entry.before.includes(before)) entry.before.push(before);
      if (entry.after.length < MAX_CONTEXTS && !entry.after.includes(after)) entry.after.push(after);
    }
  }
  for (const [word, entry] of contexts) if (entry.count < 2) contexts.delete(word);
  return contexts;
}

/** Adds a tagged sentence's labels (BILOU ids, 0 = outside) to the history of its capitalised words. */
export function remember(memory: DocumentMemory, sentence: Sentence, labels: ArrayLike<number>): void {
  for (let i = 0; i < sentence.words.length; i++) {
    const labelId = labels[i]!;
    if (labelId === 0) continue;
    const { lower, caseClass } = sentence.words[i]!;
    if (caseClass === CASE_LOWER || caseClass === CASE_OTHER) continue;
    let counts = memory.history.get(lower);
    if (!counts) {
      counts = new Int32Array(HISTORY_SIZE);
      memory.history.set(lower, counts);
    }
    counts[labelId]!++;
  }
}

/** Static features of one sentence (those that do not depend on the labels being decided); valid until the next call. */
export interface SentenceFeatures {
  /** Flat buckets; the features of token i are `buckets[offsets[i]..offsets[i+1]]`. */
  buckets: Int32Array;
  offsets: Int32Array;
}

const T = {
  bias: 1, word: 2, lower: 3, shape: 4, short: 5, prefix: 6, suffix: 10,
  lowerPrev: 14, lowerNext: 15, lowerPrev2: 16, lowerNext2: 17,
  shapePrev: 18, shapeNext: 19, shortPrev2: 20, shortNext2: 21,
  bigramPrev: 22, bigramNext: 23, shortTrigram: 24, initial: 25, capsSentence: 26,
  gaz: 28, gazShape: 29, gazPrev: 30, gazNext: 31, docCase: 32, docCaseInitial: 33,
  history: 34, historyMajority: 35, lowerPrevShort: 38, shortLowerNext: 39,
  wordPrev: 40, wordNext: 41, suffixPrev: 42, suffixNext: 43, lowerShapeNext: 44, shapePrevLower: 45, numericSentence: 46, contextBefore: 47, contextAfter: 48, historyLabel: 49, length: 54,
  prevLabel: 50, prevTwoLabels: 51, prevLabelLower: 52, prevLabelShort: 53,
} as const;

const MAX_FEATURES_PER_TOKEN = 128;
const typeCounts = new Int32Array(ENTITY_TYPES.length);
// Reused across sentences (the result is only valid until the next call): saves garbage collection.
let bucketBuffer: Int32Array = new Int32Array(64 * MAX_FEATURES_PER_TOKEN);
let offsetBuffer = new Int32Array(65);

/** The emitter: feature groups append buckets at `written` (module state keeps the hot path closure-free). */
let written = 0;
function emit1(template: number, a: number): void {
  bucketBuffer[written++] = bucket(mix(template, a));
}
function emit2(template: number, a: number, b: number): void {
  bucketBuffer[written++] = bucket(mix(mix(template, a), b));
}
function emit3(template: number, a: number, b: number, c: number): void {
  bucketBuffer[written++] = bucket(mix(mix(mix(template, a), b), c));
}

function wordFeatureCount(w: Int32Array): number {
  let count = 5;
  for (let a = 0; a < 4; a++) count += (w[A_PREFIX + a] !== 0 ? 1 : 0) + (w[A_SUFFIX + a] !== 0 ? 1 : 0);
  return count;
}

function emitWord(w: Int32Array): void {
  emit1(T.bias, 0);
  emit1(T.word, w[A_WORD]!);
  emit1(T.lower, w[A_LOWER]!);
  emit1(T.shape, w[A_SHAPE]!);
  emit1(T.short, w[A_SHORT]!);
  for (let a = 0; a < 4; a++) {
    if (w[A_PREFIX + a] !== 0) emit1(T.prefix + a, w[A_PREFIX + a]!);
    if (w[A_SUFFIX + a] !== 0) emit1(T.suffix + a, w[A_SUFFIX + a]!);
  }
}

/**
 * The buckets of the features of a word on its own (form, case, shape, affixes), the first ones
 * `sentenceFeatures` writes for each token: written into `out`; returns how many.
 */
export function wordFeatureBuckets(info: WordInfo, out: Int32Array): number {
  return writeInto(out, () => emitWord(info.atoms));
}

/** Runs an emitter against `out` instead of the sentence buffer; returns how many buckets it wrote. */
function writeInto(out: Int32Array, emitter: () => void): number {
  const saved = bucketBuffer;
  const savedWritten = written;
  bucketBuffer = out;
  written = 0;
  emitter();
  const count = written;
  bucketBuffer = saved;
  written = savedWritten;
  return count;
}

/** Positions of a neighbour relative to the token being tagged, in `neighbourScores` order. */
export const NEIGHBOUR_ROLES = 4;
const AS_PREVIOUS = 0;
const AS_NEXT = 1;
const AS_PREVIOUS2 = 2;
const AS_NEXT2 = 3;

/** Features that depend on one neighbouring word and its position only (none on the word being tagged). */
function emitNeighbour(role: number, n: Int32Array): void {
  switch (role) {
    case AS_PREVIOUS:
      emit1(T.lowerPrev, n[A_LOWER]!);
      emit1(T.shapePrev, n[A_SHAPE]!);
      emit1(T.wordPrev, n[A_WORD]!);
      emit1(T.suffixPrev, n[A_SUFFIX + 2]!);
      break;
    case AS_NEXT:
      emit1(T.lowerNext, n[A_LOWER]!);
      emit1(T.shapeNext, n[A_SHAPE]!);
      emit1(T.wordNext, n[A_WORD]!);
      emit1(T.suffixNext, n[A_SUFFIX + 2]!);
      break;
    case AS_PREVIOUS2:
      emit1(T.lowerPrev2, n[A_LOWER]!);
      emit1(T.shortPrev2, n[A_SHORT]!);
      break;
    default:
      emit1(T.lowerNext2, n[A_LOWER]!);
      emit1(T.shortNext2, n[A_SHORT]!);
  }
}

const NEIGHBOUR_FEATURES = 12;

/** The buckets of the features `info` contributes as the neighbour in `role`: written into `out`; returns how many. */
export function neighbourFeatureBuckets(info: WordInfo, role: number, out: Int32Array): number {
  return writeInto(out, () => emitNeighbour(role, info.atoms));
}

/** The word at `i` of the sentence, or the sentence-boundary pads outside it. */
export function wordAt(sentence: Sentence, i: number): WordInfo {
  return i < 0 ? PAD_BEFORE : i >= sentence.words.length ? PAD_AFTER : sentence.words[i]!;
}

function emitWindow(w: Int32Array, prev: Int32Array, next: Int32Array, prev2: Int32Array, next2: Int32Array, withNeighbours: boolean): void {
  const short = w[A_SHORT]!;
  if (withNeighbours) {
    emitNeighbour(AS_PREVIOUS, prev);
    emitNeighbour(AS_NEXT, next);
    emitNeighbour(AS_PREVIOUS2, prev2);
    emitNeighbour(AS_NEXT2, next2);
  }
  emit2(T.bigramPrev, prev[A_LOWER]!, w[A_LOWER]!);
  emit2(T.bigramNext, w[A_LOWER]!, next[A_LOWER]!);
  emit3(T.shortTrigram, prev[A_SHORT]!, short, next[A_SHORT]!);
  emit2(T.lowerPrevShort, prev[A_LOWER]!, short);
  emit2(T.shortLowerNext, short, next[A_LOWER]!);
  emit2(T.lowerShapeNext, w[A_LOWER]!, next[A_SHORT]!);
  emit2(T.shapePrevLower, prev[A_SHORT]!, w[A_LOWER]!);
}

function emitSentenceKind(sentence: Sentence, w: Int32Array, first: boolean): void {
  const short = w[A_SHORT]!;
  if (sentence.numeric) emit1(T.numericSentence, short);
  if (first) emit1(T.initial, short);
  if (sentence.allCaps) emit2(T.capsSentence, short, w[A_LOWER]!);
}

function emitGazetteers(gaz: readonly number[][], i: number, short: number): void {
  for (const code of gaz[i]!) {
    emit1(T.gaz, code);
    emit2(T.gazShape, code, short);
  }
  if (i > 0) for (const code of gaz[i - 1]!) emit1(T.gazPrev, code);
  if (i + 1 < gaz.length) for (const code of gaz[i + 1]!) emit1(T.gazNext, code);
}

function emitDocument(memory: DocumentMemory, info: WordInfo, first: boolean, allCaps: boolean): void {
  const casing = memory.casing.get(info.lower) ?? 0;
  emit2(T.docCase, casing, info.caseClass);
  emit3(T.docCaseInitial, casing, info.caseClass, (first ? 1 : 0) + (allCaps ? 2 : 0));
  const context = memory.contexts.get(info.lower);
  if (context) {
    for (const h of context.before) emit1(T.contextBefore, h);
    for (const h of context.after) emit1(T.contextAfter, h);
  }
  const counts = memory.history.get(info.lower);
  if (counts) emitHistory(counts, info.caseClass);
  emit2(T.length, Math.min(info.length, 12), info.caseClass);
}

function emitHistory(counts: Int32Array, caseClass: number): void {
  typeCounts.fill(0);
  for (let l = 1; l < HISTORY_SIZE; l++) {
    if (counts[l]! === 0) continue;
    emit1(T.historyLabel, l);
    typeCounts[(l - 1) >> 2]! += counts[l]!;
  }
  let best = 0;
  for (let t = 0; t < typeCounts.length; t++) {
    if (typeCounts[t]! > 0) emit1(T.history, t);
    if (typeCounts[t]! > typeCounts[best]!) best = t;
  }
  emit2(T.historyMajority, best, caseClass);
}

/**
 * With `withWordFeatures` false, each token's word-only features (`wordFeatureBuckets`) and the
 * features of its neighbours alone (`neighbourFeatureBuckets`) are left out, for a caller that has
 * their scores already; the same features as otherwise remain.
 */
export function sentenceFeatures(sentence: Sentence, memory: DocumentMemory, withWordFeatures = true): SentenceFeatures {
  const { words } = sentence;
  const n = words.length;
  const gaz = gazetteerMatches(words.map((w) => w.lower));
  if (bucketBuffer.length < n * MAX_FEATURES_PER_TOKEN) {
    bucketBuffer = new Int32Array(n * MAX_FEATURES_PER_TOKEN * 2);
    offsetBuffer = new Int32Array(n * 2 + 1);
  }
  const atoms = (i: number): Int32Array => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : words[i]!).atoms;
  written = 0;
  for (let i = 0; i < n; i++) {
    const start = written;
    offsetBuffer[i] = start;
    const info = words[i]!;
    // A token keeps at most `kept` features; without the word's own, that many fewer of the rest.
    let kept = MAX_FEATURES_PER_TOKEN - 8;
    if (withWordFeatures) emitWord(info.atoms);
    else kept -= wordFeatureCount(info.atoms) + NEIGHBOUR_FEATURES;
    emitWindow(info.atoms, atoms(i - 1), atoms(i + 1), atoms(i - 2), atoms(i + 2), withWordFeatures);
    emitSentenceKind(sentence, info.atoms, i === 0);
    emitGazetteers(gaz, i, info.atoms[A_SHORT]!);
    emitDocument(memory, info, i === 0, sentence.allCaps);
    if (written - start > kept) written = start + kept;
  }
  offsetBuffer[n] = written;
  return { buckets: bucketBuffer, offsets: offsetBuffer };
}

/** Number of label-dependent features `labelFeatures` writes. */
export const LABEL_FEATURES = 4;

/** Features on the labels already decided: written into `out` from `from`. */
export function labelFeatures(
  sentence: Sentence,
  i: number,
  previous: number,
  previous2: number,
  out: Int32Array,
  from: number,
): void {
  const w = sentence.words[i]!.atoms;
  out[from] = bucket(mix(T.prevLabel, previous));
  out[from + 1] = bucket(mix(mix(T.prevTwoLabels, previous2), previous));
  out[from + 2] = bucket(mix(mix(T.prevLabelLower, previous), w[A_LOWER]!));
  out[from + 3] = bucket(mix(mix(T.prevLabelShort, previous), w[A_SHORT]!));
}
