/**
 * Copies and reposts. An exact copy has the same normalised text; a near copy shares most of its
 * word 5-grams ("shingles") with an earlier article. Containment, not only resemblance: a wire
 * story trimmed at the end, or a repost wrapped in extra furniture, is mostly contained in the
 * other even when their Jaccard resemblance is modest. Both are estimated from MinHash signatures;
 * candidates come from locality-sensitive hashing over bands of the signature, so the cost per
 * article does not grow with the number stored. `duplicate_of` names the earliest copy (the
 * original): every copy in a lineage points to it, never to another copy.
 */
import { createHash } from 'node:crypto';
import { topCandidates } from './stories.js';

const SHINGLE_WORDS = 5;
const HASHES = 120;
const BANDS = 30;
const ROWS = HASHES / BANDS;

export interface CopyOptions {
  /** Jaccard resemblance from which two articles are copies. */
  resemblance: number;
  /** Share of the shorter article's shingles found in the longer from which it is a copy of it. */
  containment: number;
  /** Texts shorter than this many shingles are only ever exact copies: a few shared lines prove nothing. */
  minShingles: number;
  /**
   * How many of the articles sharing an LSH band are compared: those sharing the most bands. A
   * copy shares about a dozen of the 30 bands; reports written from one template share one or two
   * with hundreds of others, which would make every look-up read them all.
   */
  candidates: number;
}

export const DEFAULT_COPY_OPTIONS: CopyOptions = { resemblance: 0.8, containment: 0.8, minShingles: 25, candidates: 10 };

export interface Fingerprint {
  /** Hash of the text with case, punctuation and spacing normalised. */
  exact: string;
  shingles: number;
  minhash: Uint32Array;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Odd multipliers and offsets of the hash family, fixed so that fingerprints are stable across runs and machines. */
const SEEDS = Array.from({ length: HASHES }, (_, i) => [Math.imul(2 * i + 1, 0x9e3779b1) | 1, Math.imul(i + 7, 0x85ebca6b)] as const);

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function remix(x: number, multiplier: number, offset: number): number {
  let h = Math.imul(x ^ offset, multiplier);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

export function fingerprint(body: string): Fingerprint {
  const words = (body.toLowerCase().match(WORD) ?? []) as string[];
  const exact = createHash('sha1').update(words.join(' ')).digest('hex');
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(fnv(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  if (shingles.size === 0 && words.length > 0) shingles.add(fnv(words.join(' ')));
  const minhash = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < HASHES; k++) {
      const [multiplier, offset] = SEEDS[k]!;
      const h = remix(shingle, multiplier, offset);
      if (h < minhash[k]!) minhash[k] = h;
    }
  }
  return { exact, shingles: shingles.size, minhash };
}

/** Estimated Jaccard resemblance of two fingerprints. */
export function resemblance(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.minhash[k] === b.minhash[k]) same++;
  return same / HASHES;
}

/** Estimated share of the smaller text's shingles that the other holds. */
export function containment(a: Fingerprint, b: Fingerprint): number {
  const j = resemblance(a, b);
  const smaller = Math.min(a.shingles, b.shingles);
  if (smaller === 0) return 0;
  return Math.min(1, (j * (a.shingles + b.shingles)) / ((1 + j) * smaller));
}

export interface CopyMatch {
  /** The original (earliest) article of the lineage this article belongs to, or null when it is an original. */
  duplicateOf: string | null;
  /** The stored article it was matched with, and how. */
  matched: string | null;
  kind: 'exact' | 'near' | null;
  resemblance: number | null;
  containment: number | null;
}

/** The match of an article that copies nothing. */
export const NO_COPY: CopyMatch = Object.freeze({ duplicateOf: null, matched: null, kind: null, resemblance: null, containment: null });

interface Stored {
  fingerprint: Fingerprint;
  /** The original of its lineage (itself for an original). */
  original: string;
}

export class CopyIndex {
  private readonly options: CopyOptions;
  private readonly stored = new Map<string, Stored>();
  private readonly exact = new Map<string, string>();
  private readonly bands = new Map<number, string[]>();

  constructor(options: Partial<CopyOptions> = {}) {
    this.options = { ...DEFAULT_COPY_OPTIONS, ...options };
  }

  /** Adds an article (articles should arrive oldest first: the first of a lineage is its original). */
  add(id: string, print: Fingerprint): CopyMatch {
    const match = this.find(print);
    const original = match ? this.stored.get(match.matched!)!.original : id;
    this.remember(id, print, original);
    return match ? { ...match, duplicateOf: original } : { ...NO_COPY };
  }

  /** Adds an article whose lineage is already known (linked earlier), without looking for its copies. */
  seed(id: string, print: Fingerprint, original: string | null): void {
    this.remember(id, print, original ?? id);
  }

  private remember(id: string, print: Fingerprint, original: string): void {
    this.stored.set(id, { fingerprint: print, original });
    if (!this.exact.has(print.exact)) this.exact.set(print.exact, id);
    for (const key of bandHashes(print)) {
      const list = this.bands.get(key);
      if (list) list.push(id);
      else this.bands.set(key, [id]);
    }
  }

  private find(print: Fingerprint): CopyMatch | null {
    const same = this.exact.get(print.exact);
    if (same !== undefined) return { duplicateOf: null, matched: same, kind: 'exact', resemblance: 1, containment: 1 };
    if (print.shingles < this.options.minShingles) return null;
    let best: CopyMatch | null = null;
    const shared = new Map<string, number>();
    for (const key of bandHashes(print)) for (const id of this.bands.get(key) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    for (const id of topCandidates(shared, this.options.candidates)) {
      const other = this.stored.get(id)!.fingerprint;
      if (other.shingles < this.options.minShingles) continue;
      const r = resemblance(print, other);
      const c = containment(print, other);
      if (r < this.options.resemblance && c < this.options.containment) continue;
      if (!best || r > best.resemblance!) best = { duplicateOf: null, matched: id, kind: 'near', resemblance: r, containment: c };
    }
    return best;
  }
}

/**
 * The LSH bands of a fingerprint as 52-bit integers (exact in a JavaScript number and in a SQL
 * bigint, so that a store can index them): two fingerprints are candidate copies when they share
 * one. Each is a hash of the band's number and its rows' MinHash values, computed from the
 * integers without building strings (the index keeps one per band of every article).
 */
export function bandHashes(print: Fingerprint): number[] {
  const hashes: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let low = Math.imul(band + 1, 0x9e3779b1) >>> 0;
    let high = Math.imul(band + 1, 0x85ebca6b) >>> 0;
    for (let r = 0; r < ROWS; r++) {
      const value = print.minhash[band * ROWS + r]!;
      low = remix(low ^ value, 0x01000193 | 1, r);
      high = remix(high ^ value, 0x2c1b3c6d | 1, r + ROWS);
    }
    hashes.push((high % 0x100000) * 0x100000000 + low);
  }
  return hashes;
}
