/**
 * What an article is about, as weighted terms for story clustering: the content words of its
 * title and body, and the canonical keys of the people, organisations and places it names. Keys
 * carry more weight than words: two reports of one incident share names and places even when
 * they share few words. A key term is `key:` and the key's name without its type: taggers of
 * different reports disagree on whether "Waitrose" or "Milwaukee" is an ORG or a LOC, and the
 * name is the evidence, not the type.
 */
import type { AnalysisRecord } from '../document.js';

/** Word counts are damped (1 + log tf); these multiply them. */
export interface TermWeights {
  title: number;
  /** Per entity type; a person's full name (two words or more) weighs `fullName` instead. */
  keys: Record<string, number>;
  fullName: number;
  /** Only the first words of a long body: the lead says what the story is; the tail drifts. */
  bodyWords: number;
}

export const DEFAULT_TERM_WEIGHTS: TermWeights = {
  title: 2,
  keys: { PER: 3, ORG: 1.5, LOC: 2, MISC: 1 },
  fullName: 3,
  bodyWords: 400,
};

const WORD = /\p{L}[\p{L}'’-]*\p{L}/gu;

/** Function words and the vocabulary of every news report; they say nothing about which story it is. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are around as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having he her
  here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
  off on once only or other our ours out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself said says say told according would could also one two
  three four five six seven eight nine ten first last new year years time monday tuesday wednesday thursday friday
  saturday sunday today yesterday tonight week weeks month months day days people news report reports reported
  story stories read more share email comments comment click video photo image copyright rights reserved told like
  get got going went still even back many much well made make including since later early late near another`.split(/\s+/),
);

export type TermVector = Map<string, number>;

/** Entity key terms start with this; every other term is a word. */
export const KEY_PREFIX = 'key:';

export function isKeyTerm(term: string): boolean {
  return term.startsWith(KEY_PREFIX);
}

/** `per:maurice-cheeks` → `key:maurice-cheeks`. */
export function keyTerm(key: string): string {
  return KEY_PREFIX + key.replace(/^[a-z]+:/, '');
}

/**
 * Tf-idf uses the idf to this power. Reports of one event and reports of another event of the
 * same kind share the vocabulary of that kind (a shooting, a fire, a coach fired); what tells them
 * apart are the rarer terms (names, streets, towns), which the squared idf lets count for more.
 */
export const IDF_EXPONENT = 2;

/** Light stemming: enough that "shooting"/"shootings" and "police"/"police's" meet. */
function stem(word: string): string {
  let w = word.replace(/['’]s$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}

function addWords(text: string, weight: number, counts: Map<string, number>, limit: number): void {
  let seen = 0;
  for (const [raw] of text.matchAll(WORD)) {
    if (seen++ >= limit) break;
    const word = raw.toLowerCase();
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    const term = stem(word);
    counts.set(term, (counts.get(term) ?? 0) + weight);
  }
}

/**
 * Raw term weights of one article (before idf): damped counts of title and lead words, plus entity
 * keys. Nationality adjectives carry their country's key and so count as the country.
 */
export function articleTerms(
  record: Pick<AnalysisRecord, 'title' | 'body' | 'entities'>,
  weights: TermWeights = DEFAULT_TERM_WEIGHTS,
): TermVector {
  const words = new Map<string, number>();
  if (record.title) addWords(record.title, weights.title, words, Infinity);
  addWords(record.body, 1, words, weights.bodyWords);
  const terms: TermVector = new Map();
  for (const [term, count] of words) terms.set(term, 1 + Math.log(count));
  const keys = new Map<string, { weight: number; mentions: number }>();
  for (const entity of record.entities) {
    const fullName = entity.type === 'PER' && entity.key.includes('-');
    const weight = fullName ? weights.fullName : weights.keys[entity.type] ?? 1;
    const term = keyTerm(entity.key);
    const seen = keys.get(term);
    keys.set(term, { weight: Math.max(seen?.weight ?? 0, weight), mentions: (seen?.mentions ?? 0) + 1 });
  }
  for (const [term, { weight, mentions }] of keys) terms.set(term, weight * (1 + Math.log(mentions)));
  return terms;
}

/** Document frequencies seen so far, for inverse-document-frequency weights that grow with the collection. */
export class DocumentFrequencies {
  private readonly df = new Map<string, number>();
  private documents = 0;

  /** Frequencies counted elsewhere (the store's `link_terms`): `documents` in all, `counts` per term. */
  static of(documents: number, counts: Iterable<readonly [string, number]>): DocumentFrequencies {
    const frequencies = new DocumentFrequencies();
    frequencies.documents = documents;
    for (const [term, n] of counts) frequencies.df.set(term, n);
    return frequencies;
  }

  add(terms: TermVector): void {
    this.documents++;
    for (const term of terms.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  idf(term: string): number {
    return Math.log((this.documents + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  get size(): number {
    return this.documents;
  }

  /** The tf-idf vector of `terms` (idf to the power `IDF_EXPONENT`), of unit length. */
  weigh(terms: TermVector): TermVector {
    const out: TermVector = new Map();
    let norm = 0;
    for (const [term, tf] of terms) {
      const w = tf * this.idf(term) ** IDF_EXPONENT;
      out.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of out) out.set(term, w / norm);
    return out;
  }
}

/**
 * A unit vector for fast, repeated cosines: term ids ascending with their weights. Clustering
 * compares each article with hundreds of candidates; typed arrays compared through a
 * `ScatteredQuery` do that several times faster than Map look-ups, and allocate nothing.
 */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Numbers terms as they are first seen, so that vectors can be sorted arrays of ids. */
export class TermIds {
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.ids.size;
  }

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  sparse(vector: TermVector): SparseVector {
    const pairs: Array<[number, number]> = [];
    for (const [term, w] of vector) pairs.push([this.idOf(term), w]);
    pairs.sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(pairs.length);
    const weights = new Float64Array(pairs.length);
    pairs.forEach(([id, w], i) => {
      ids[i] = id;
      weights[i] = w;
    });
    return { ids, weights };
  }
}

/**
 * One vector compared with many: its weights are scattered into a dense array indexed by term id,
 * so that each cosine is a branch-free gather over the other vector's ids (several times faster
 * than merging two sorted lists, whose compares the processor cannot predict).
 */
export class ScatteredQuery {
  private dense = new Float64Array(1024);
  private loaded: SparseVector | null = null;

  /** `termCount`: how many term ids exist (every id of every vector compared is below it). */
  load(query: SparseVector, termCount: number): void {
    if (this.loaded) this.clear();
    if (termCount > this.dense.length) this.dense = new Float64Array(Math.max(termCount, this.dense.length * 2));
    for (let i = 0; i < query.ids.length; i++) this.dense[query.ids[i]!] = query.weights[i]!;
    this.loaded = query;
  }

  dot(other: SparseVector): number {
    const { ids, weights } = other;
    const dense = this.dense;
    let sum = 0;
    for (let i = 0; i < ids.length; i++) sum += dense[ids[i]!]! * weights[i]!;
    return sum;
  }

  clear(): void {
    if (!this.loaded) return;
    for (const id of this.loaded.ids) this.dense[id] = 0;
    this.loaded = null;
  }
}
