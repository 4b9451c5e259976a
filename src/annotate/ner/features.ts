/**
 * Feature extraction, shared by training and tagging so that both hash exactly the same features.
 *
 * No feature string is ever built: each word's intrinsic properties (form, lower case, shape,
 * affixes) are hashed once into integer "atoms" and cached per word; a feature is then a template
 * id mixed with one to three atoms, reduced to a bucket of the weight table.
 */
import { GAZETTEERS, gazetteerMatches, normaliseWord } from './gazetteer/index.js';
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
  /**
   * `ownScores` plus the summed weights of the label features that involve the word
   * (`labelFeatures` beyond the first two) when the previous label is Outside, by far the most
   * common case; filled in by the decoder and cached like `ownScores`.
   */
  afterOutsideScores: Int32Array | null;
  afterOutsideTable: object | null;
  /** A small number for the word's short shape (`shortShapeId`), or -1 when there are too many shapes to number. */
  shortId: number;
  /** Filled in by the decoder: where the summed weights of the pair with each following word are kept. */
  pairsAfter: Map<WordInfo, number> | null;
  /** The entry of the document being tagged (`DocumentMemory.stamp` = `documentStamp`), saving a look-up per use. */
  documentWord: DocumentWord | null;
  documentStamp: number;
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

/** Short shapes are few ("Xx", "x", "d.d", …): each gets a small number, up to a bound. */
const SHORT_SHAPE_IDS = 1024;
const shortShapeIds = new Map<number, number>();

function shortShapeId(atom: number): number {
  let id = shortShapeIds.get(atom);
  if (id === undefined) {
    if (shortShapeIds.size >= SHORT_SHAPE_IDS) return -1;
    id = shortShapeIds.size;
    shortShapeIds.set(atom, id);
  }
  return id;
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
    afterOutsideScores: null, afterOutsideTable: null, shortId: shortShapeId(atoms[A_SHORT]!), pairsAfter: null,
    documentWord: null, documentStamp: 0,
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
PAD_BEFORE.shortId = shortShapeId(PAD_BEFORE.atoms[A_SHORT]!);
PAD_AFTER.shortId = shortShapeId(PAD_AFTER.atoms[A_SHORT]!);

/** What one document says about a word (all words with the same lower-case form share it). */
export interface DocumentWord {
  /** Bits: 1 = capitalised mid-sentence, 2 = lower case, 4 = all caps in a mixed-case sentence. */
  casing: number;
  /**
   * For capitalised words seen more than once: the words around all their occurrences (lower-case
   * atoms, before and after), so that a name's clearest context informs every mention.
   */
  context: { before: number[]; after: number[] } | null;
  /** Counts per label (BILOU id) of earlier predictions covering the word. */
  history: Int32Array | null;
  /** Capitalised occurrences seen so far (while the memory is built). */
  capitalised: number;
}

/** Document-level memory: how each word is cased across the document, and how it was tagged before. */
export interface DocumentMemory {
  /** By lower-case form. */
  words: Map<string, DocumentWord>;
  /** Tells this document's entries apart from earlier ones left on `WordInfo.documentWord`. */
  stamp: number;
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

let lastStamp = 0;

/** The document's entry for a word: on the word itself when this memory put it there, else by its lower-case form. */
function documentWord(memory: DocumentMemory, w: WordInfo): DocumentWord {
  if (w.documentStamp === memory.stamp) return w.documentWord!;
  let entry = memory.words.get(w.lower);
  if (!entry) {
    entry = { casing: 0, context: null, history: null, capitalised: 0 };
    memory.words.set(w.lower, entry);
  }
  w.documentWord = entry;
  w.documentStamp = memory.stamp;
  return entry;
}

export function documentMemory(sentences: readonly Sentence[]): DocumentMemory {
  const memory: DocumentMemory = { words: new Map(), stamp: ++lastStamp };
  const withContext: DocumentWord[] = [];
  for (const { words, allCaps } of sentences) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const entry = documentWord(memory, w);
      if (allCaps) continue;
      const bit =
        w.caseClass === CASE_LOWER ? 2 : w.caseClass === CASE_INITIAL && i > 0 ? 1 : w.caseClass === CASE_ALLCAPS ? 4 : 0;
      entry.casing |= bit;
      if (isCapitalised(w)) addContext(entry, words, i, withContext);
    }
  }
  // A context seen once says nothing the word's own neighbours do not.
  for (const entry of withContext) if (entry.capitalised < 2) entry.context = null;
  return memory;
}

const MAX_CONTEXTS = 8;
const HISTORY_SIZE = 1 + ENTITY_TYPES.length * 4;

function isCapitalised(w: WordInfo): boolean {
  return w.caseClass === CASE_INITIAL || w.caseClass === CASE_ALLCAPS || w.caseClass === CASE_MIXED;
}

/** Adds the words around the capitalised word `i` to its entry's context. */
function addContext(entry: DocumentWord, words: readonly WordInfo[], i: number, withContext: DocumentWord[]): void {
  let context = entry.context;
  if (context === null) {
    context = { before: [], after: [] };
    entry.context = context;
    withContext.push(entry);
  }
  entry.capitalised++;
  const before = (i > 0 ? words[i - 1]! : PAD_BEFORE).atoms[A_LOWER]!;
  const after = (i + 1 < words.length ? words[i + 1]! : PAD_AFTER).atoms[A_LOWER]!;
  if (context.before.length < MAX_CONTEXTS && !context.before.includes(before)) context.before.push(before);
  if (context.after.length < MAX_CONTEXTS && !context.after.includes(after)) context.after.push(after);
}

/** Adds a tagged sentence's labels (BILOU ids, 0 = outside) to the history of its capitalised words. */
export function remember(memory: DocumentMemory, sentence: Sentence, labels: ArrayLike<number>): void {
  for (let i = 0; i < sentence.words.length; i++) {
    const labelId = labels[i]!;
    if (labelId === 0) continue;
    const w = sentence.words[i]!;
    if (w.caseClass === CASE_LOWER || w.caseClass === CASE_OTHER) continue;
    const entry = documentWord(memory, w);
    entry.history ??= new Int32Array(HISTORY_SIZE);
    entry.history[labelId]!++;
  }
}

/** Static features of one sentence (those that do not depend on the labels being decided); valid until the next call. */
export interface SentenceFeatures {
  /** Flat buckets; the features of token i are `buckets[offsets[i]..offsets[i+1]]`. */
  buckets: Int32Array;
  offsets: Int32Array;
  /** With `REST_AND_SMALL_IDS`: the small feature ids of token i, `small[smallOffsets[i]..smallOffsets[i+1]]`; else empty. */
  small: Int32Array;
  smallOffsets: Int32Array;
  /**
   * With `REST_AND_SMALL_IDS`: true when some token has more features than it may keep. Which
   * ones it keeps depends on the order they are written in, so the caller must then ask again in
   * another mode.
   */
  overflow: boolean;
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
let smallBuffer: Int32Array = new Int32Array(64 * MAX_FEATURES_PER_TOKEN);
let smallOffsetBuffer = new Int32Array(65);

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

/*
 * Small features: those whose values come from a small set (document casing × case class, the
 * position flags, word length, history counts, gazetteer codes). Each combination of values has a
 * small id, and its bucket is hashed once here. A decoder may ask for these features as ids
 * (`REST_AND_SMALL_IDS`), to add one row of a small table of summed weights per feature instead of
 * looking each bucket up in the large sparse weight table; the features are the same either way.
 */
const CASINGS = 8; // `DocumentMemory.casing` bits 1 | 2 | 4
const CASE_CLASSES = 6;
const POSITIONS = 4; // first word of the sentence (1) + all-caps sentence (2)
const LENGTHS = 13; // word length, capped at 12
const GAZETTEER_CODES = GAZETTEERS.length * 4;
const S_DOC_CASE = 0;
const S_DOC_CASE_INITIAL = S_DOC_CASE + CASINGS * CASE_CLASSES;
const S_LENGTH = S_DOC_CASE_INITIAL + CASINGS * CASE_CLASSES * POSITIONS;
const S_HISTORY_LABEL = S_LENGTH + LENGTHS * CASE_CLASSES;
const S_HISTORY_TYPE = S_HISTORY_LABEL + HISTORY_SIZE;
const S_HISTORY_MAJORITY = S_HISTORY_TYPE + ENTITY_TYPES.length;
const S_GAZ = S_HISTORY_MAJORITY + ENTITY_TYPES.length * CASE_CLASSES;
const S_GAZ_PREV = S_GAZ + GAZETTEER_CODES;
const S_GAZ_NEXT = S_GAZ_PREV + GAZETTEER_CODES;
const SINGLE_SMALL_FEATURES = S_GAZ_NEXT + GAZETTEER_CODES;
/**
 * Ids for the three small features every token has (document casing, the same with the position
 * flags, length) together: one id, one row for the decoder to add instead of three.
 */
const S_DOC_WORD = SINGLE_SMALL_FEATURES;
/** Number of small feature ids. */
export const SMALL_FEATURES = S_DOC_WORD + CASINGS * CASE_CLASSES * POSITIONS * LENGTHS;

/** The bucket of each small feature id: exactly what `emit1`/`emit2`/`emit3` hash for those values. */
const SMALL_BUCKETS: Int32Array = (() => {
  const buckets = new Int32Array(SINGLE_SMALL_FEATURES);
  for (let casing = 0; casing < CASINGS; casing++) {
    for (let caseClass = 0; caseClass < CASE_CLASSES; caseClass++) {
      buckets[S_DOC_CASE + casing * CASE_CLASSES + caseClass] = bucket(mix(mix(T.docCase, casing), caseClass));
      for (let position = 0; position < POSITIONS; position++) {
        buckets[S_DOC_CASE_INITIAL + (casing * CASE_CLASSES + caseClass) * POSITIONS + position] =
          bucket(mix(mix(mix(T.docCaseInitial, casing), caseClass), position));
      }
    }
  }
  for (let length = 0; length < LENGTHS; length++) {
    for (let caseClass = 0; caseClass < CASE_CLASSES; caseClass++) {
      buckets[S_LENGTH + length * CASE_CLASSES + caseClass] = bucket(mix(mix(T.length, length), caseClass));
    }
  }
  for (let l = 0; l < HISTORY_SIZE; l++) buckets[S_HISTORY_LABEL + l] = bucket(mix(T.historyLabel, l));
  for (let t = 0; t < ENTITY_TYPES.length; t++) {
    buckets[S_HISTORY_TYPE + t] = bucket(mix(T.history, t));
    for (let caseClass = 0; caseClass < CASE_CLASSES; caseClass++) {
      buckets[S_HISTORY_MAJORITY + t * CASE_CLASSES + caseClass] = bucket(mix(mix(T.historyMajority, t), caseClass));
    }
  }
  for (let code = 0; code < GAZETTEER_CODES; code++) {
    buckets[S_GAZ + code] = bucket(mix(T.gaz, code));
    buckets[S_GAZ_PREV + code] = bucket(mix(T.gazPrev, code));
    buckets[S_GAZ_NEXT + code] = bucket(mix(T.gazNext, code));
  }
  return buckets;
})();

/** The id of the three small features on a word's casing in the document, its position and its length, together. */
function documentWordId(casing: number, caseClass: number, position: number, length: number): number {
  return S_DOC_WORD + ((casing * CASE_CLASSES + caseClass) * POSITIONS + position) * LENGTHS + length;
}

/** The buckets a small feature id stands for (one, or three for a `documentWordId`): written into `out`; returns how many. */
export function smallFeatureBuckets(id: number, out: Int32Array): number {
  if (id < S_DOC_WORD) {
    out[0] = SMALL_BUCKETS[id]!;
    return 1;
  }
  let rest = id - S_DOC_WORD;
  const length = rest % LENGTHS;
  rest = (rest - length) / LENGTHS;
  const position = rest % POSITIONS;
  rest = (rest - position) / POSITIONS;
  const caseClass = rest % CASE_CLASSES;
  const casing = (rest - caseClass) / CASE_CLASSES;
  out[0] = SMALL_BUCKETS[S_DOC_CASE + casing * CASE_CLASSES + caseClass]!;
  out[1] = SMALL_BUCKETS[S_DOC_CASE_INITIAL + (casing * CASE_CLASSES + caseClass) * POSITIONS + position]!;
  out[2] = SMALL_BUCKETS[S_LENGTH + length * CASE_CLASSES + caseClass]!;
  return 3;
}

/** True while `sentenceFeatures` writes small features as ids into `smallBuffer` rather than as buckets. */
let splitSmall = false;
let smallWritten = 0;
function emitSmall(id: number): void {
  if (splitSmall) smallBuffer[smallWritten++] = id;
  else bucketBuffer[written++] = SMALL_BUCKETS[id]!;
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

/*
 * Window features: three on the word and the one before it, three on the word and the one after
 * it, and one on the shapes of all three. (Their order among a token's features does not matter:
 * they come early, and only a token's last features are ever cut.)
 */
const WINDOW_FEATURES = 7;

/** The window features of word `w` that involve the word before it, `prev`. */
function emitWithPrevious(prev: Int32Array, w: Int32Array): void {
  emit2(T.bigramPrev, prev[A_LOWER]!, w[A_LOWER]!);
  emit2(T.lowerPrevShort, prev[A_LOWER]!, w[A_SHORT]!);
  emit2(T.shapePrevLower, prev[A_SHORT]!, w[A_LOWER]!);
}

/** The window features of word `w` that involve the word after it, `next`. */
function emitWithNext(w: Int32Array, next: Int32Array): void {
  emit2(T.bigramNext, w[A_LOWER]!, next[A_LOWER]!);
  emit2(T.shortLowerNext, w[A_SHORT]!, next[A_LOWER]!);
  emit2(T.lowerShapeNext, w[A_LOWER]!, next[A_SHORT]!);
}

function emitShapeTrigram(prev: Int32Array, w: Int32Array, next: Int32Array): void {
  emit3(T.shortTrigram, prev[A_SHORT]!, w[A_SHORT]!, next[A_SHORT]!);
}

/** Number of buckets `adjacentPairBuckets` writes; the first half are the second word's. */
export const ADJACENT_PAIR_FEATURES = 6;

/**
 * The window features on two adjacent words `a` `b` (written into `out`): first those `b` has
 * with `a` before it, then those `a` has with `b` after it. A pair's features are the same
 * wherever it occurs, so that a decoder can keep their summed weights.
 */
export function adjacentPairBuckets(a: WordInfo, b: WordInfo, out: Int32Array): void {
  writeInto(out, () => {
    emitWithPrevious(a.atoms, b.atoms);
    emitWithNext(a.atoms, b.atoms);
  });
}

/** The bucket of the window feature on the shapes of three consecutive words. */
export function shapeTrigramBucket(prev: WordInfo, w: WordInfo, next: WordInfo): number {
  return bucket(mix(mix(mix(T.shortTrigram, prev.atoms[A_SHORT]!), w.atoms[A_SHORT]!), next.atoms[A_SHORT]!));
}

function emitWindow(w: Int32Array, prev: Int32Array, next: Int32Array, prev2: Int32Array, next2: Int32Array, withNeighbours: boolean): void {
  if (withNeighbours) {
    emitNeighbour(AS_PREVIOUS, prev);
    emitNeighbour(AS_NEXT, next);
    emitNeighbour(AS_PREVIOUS2, prev2);
    emitNeighbour(AS_NEXT2, next2);
  }
  emitWithPrevious(prev, w);
  emitWithNext(w, next);
  emitShapeTrigram(prev, w, next);
}

function emitSentenceKind(sentence: Sentence, w: Int32Array, first: boolean): void {
  const short = w[A_SHORT]!;
  if (sentence.numeric) emit1(T.numericSentence, short);
  if (first) emit1(T.initial, short);
  if (sentence.allCaps) emit2(T.capsSentence, short, w[A_LOWER]!);
}

function emitGazetteers(gaz: readonly number[][], i: number, short: number): void {
  for (const code of gaz[i]!) {
    emitSmall(S_GAZ + code);
    emit2(T.gazShape, code, short);
  }
  if (i > 0) for (const code of gaz[i - 1]!) emitSmall(S_GAZ_PREV + code);
  if (i + 1 < gaz.length) for (const code of gaz[i + 1]!) emitSmall(S_GAZ_NEXT + code);
}

function emitDocument(memory: DocumentMemory, info: WordInfo, first: boolean, allCaps: boolean): void {
  const { casing, context, history } = documentWord(memory, info);
  const caseClass = info.caseClass;
  const position = (first ? 1 : 0) + (allCaps ? 2 : 0);
  const length = Math.min(info.length, LENGTHS - 1);
  // As ids, the three features every token has go together (`DOCUMENT_WORD_EXTRA` counts the two saved).
  if (splitSmall) emitSmall(documentWordId(casing, caseClass, position, length));
  else {
    emitSmall(S_DOC_CASE + casing * CASE_CLASSES + caseClass);
    emitSmall(S_DOC_CASE_INITIAL + (casing * CASE_CLASSES + caseClass) * POSITIONS + position);
  }
  if (context) {
    for (const h of context.before) emit1(T.contextBefore, h);
    for (const h of context.after) emit1(T.contextAfter, h);
  }
  if (history) emitHistory(history, caseClass);
  if (!splitSmall) emitSmall(S_LENGTH + length * CASE_CLASSES + caseClass);
}

/** Features a `documentWordId` stands for beyond the one id written. */
const DOCUMENT_WORD_EXTRA = 2;

function emitHistory(counts: Int32Array, caseClass: number): void {
  typeCounts.fill(0);
  for (let l = 1; l < HISTORY_SIZE; l++) {
    if (counts[l]! === 0) continue;
    emitSmall(S_HISTORY_LABEL + l);
    typeCounts[(l - 1) >> 2]! += counts[l]!;
  }
  let best = 0;
  for (let t = 0; t < typeCounts.length; t++) {
    if (typeCounts[t]! > 0) emitSmall(S_HISTORY_TYPE + t);
    if (typeCounts[t]! > typeCounts[best]!) best = t;
  }
  emitSmall(S_HISTORY_MAJORITY + best * CASE_CLASSES + caseClass);
}

/** Which of a token's features `sentenceFeatures` writes, for decoders that have the scores of some already. */
export const ALL_FEATURES = 0;
/** Without the word's own features and those of its neighbours alone (`wordFeatureBuckets`, `neighbourFeatureBuckets`). */
export const WITHOUT_WORD_FEATURES = 1;
/** Also without the window features (`adjacentPairBuckets`, `shapeTrigramBucket`), and the small features as ids. */
export const REST_AND_SMALL_IDS = 2;

/**
 * The features of each token of a sentence that do not depend on the labels, all of them or
 * (`mode`) those a decoder with cached scores still needs; either way, which ones a token keeps
 * when it has too many is decided as if all were written.
 */
export function sentenceFeatures(sentence: Sentence, memory: DocumentMemory, mode = ALL_FEATURES): SentenceFeatures {
  const { words } = sentence;
  const n = words.length;
  const gaz = gazetteerMatches(words.map((w) => w.lower));
  if (bucketBuffer.length < n * MAX_FEATURES_PER_TOKEN) {
    bucketBuffer = new Int32Array(n * MAX_FEATURES_PER_TOKEN * 2);
    offsetBuffer = new Int32Array(n * 2 + 1);
    smallBuffer = new Int32Array(n * MAX_FEATURES_PER_TOKEN * 2);
    smallOffsetBuffer = new Int32Array(n * 2 + 1);
  }
  const atoms = (i: number): Int32Array => (i < 0 ? PAD_BEFORE : i >= n ? PAD_AFTER : words[i]!).atoms;
  const withWordFeatures = mode === ALL_FEATURES;
  const withWindow = mode !== REST_AND_SMALL_IDS;
  written = 0;
  smallWritten = 0;
  splitSmall = !withWindow;
  let overflow = false;
  for (let i = 0; i < n; i++) {
    const start = written;
    const smallStart = smallWritten;
    offsetBuffer[i] = start;
    smallOffsetBuffer[i] = smallStart;
    const info = words[i]!;
    // A token keeps at most `kept` features; without the word's own, that many fewer of the rest.
    let kept = MAX_FEATURES_PER_TOKEN - 8;
    if (withWordFeatures) emitWord(info.atoms);
    else kept -= wordFeatureCount(info.atoms) + NEIGHBOUR_FEATURES;
    if (withWindow) emitWindow(info.atoms, atoms(i - 1), atoms(i + 1), atoms(i - 2), atoms(i + 2), withWordFeatures);
    else kept -= WINDOW_FEATURES + DOCUMENT_WORD_EXTRA;
    emitSentenceKind(sentence, info.atoms, i === 0);
    emitGazetteers(gaz, i, info.atoms[A_SHORT]!);
    emitDocument(memory, info, i === 0, sentence.allCaps);
    if (written - start + smallWritten - smallStart > kept) {
      if (splitSmall) overflow = true;
      else written = start + kept;
    }
  }
  splitSmall = false;
  offsetBuffer[n] = written;
  smallOffsetBuffer[n] = smallWritten;
  return { buckets: bucketBuffer, offsets: offsetBuffer, small: smallBuffer, smallOffsets: smallOffsetBuffer, overflow };
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
