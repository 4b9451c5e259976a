/**
 * The committed model file: a gzip of a small JSON header and the non-zero int16 weights as
 * (gap, value) pairs, which keeps a sparse 2^21 × 17 table to a few megabytes. Loaded once, lazily.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUCKETS, HASH_BITS } from './features.js';
import { LABEL_COUNT } from './labels.js';
import { sparseTable, type WeightTable } from './decode.js';

export const MODEL_URL = new URL('../../../models/ner-conll2003.bin.gz', import.meta.url);
const FORMAT = 'crosscheck-ner/1';

interface Header {
  format: string;
  hashBits: number;
  labels: number;
  scale: number;
  nonZero: number;
}

export function encodeModel(weights: Float32Array): Buffer {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs === 0 ? 1 : 32767 / maxAbs;
  const gaps: number[] = [];
  const values: number[] = [];
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! * scale);
    if (q === 0) continue;
    gaps.push(i - last);
    values.push(q);
    last = i;
  }
  const header: Header = { format: FORMAT, hashBits: HASH_BITS, labels: LABEL_COUNT, scale, nonZero: values.length };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const body = Buffer.alloc(4 + headerBytes.length + values.length * 6);
  body.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(body, 4);
  let at = 4 + headerBytes.length;
  for (const gap of gaps) at = body.writeUInt32LE(gap, at);
  for (const value of values) at = body.writeInt16LE(value, at);
  return gzipSync(body, { level: 9 });
}

export function decodeModel(file: Buffer): WeightTable {
  const body = gunzipSync(file);
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.format !== FORMAT || header.hashBits !== HASH_BITS || header.labels !== LABEL_COUNT) {
    throw new Error(`NER model ${MODEL_URL.pathname} does not match this code (${header.format}); run npm run train:ner`);
  }
  const gapsAt = 4 + headerLength;
  const valuesAt = gapsAt + header.nonZero * 4;
  // A DataView reads the millions of little-endian numbers several times faster than Buffer's
  // bounds-checked readers: this runs in every worker thread at start-up.
  const data = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const indices = new Int32Array(header.nonZero);
  let index = -1;
  for (let k = 0; k < header.nonZero; k++) {
    index += data.getUint32(gapsAt + k * 4, true);
    indices[k] = index;
  }
  const present = new Uint32Array(BUCKETS >>> 5);
  for (const i of indices) {
    const bucket = Math.floor(i / LABEL_COUNT);
    present[bucket >>> 5]! |= 1 << (bucket & 31);
  }
  const rank = new Int32Array(present.length);
  let rows = 0;
  for (let word = 0; word < present.length; word++) {
    rank[word] = rows;
    for (let bits = present[word]!; bits !== 0; bits &= bits - 1) rows++;
  }
  const values = new Int16Array(rows * LABEL_COUNT);
  let row = -1;
  let lastBucket = -1;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    const bucket = Math.floor(i / LABEL_COUNT);
    if (bucket !== lastBucket) {
      row++;
      lastBucket = bucket;
    }
    values[row * LABEL_COUNT + (i % LABEL_COUNT)] = data.getInt16(valuesAt + k * 2, true);
  }
  return sparseTable(values, present, rank);
}

let loaded: WeightTable | null = null;
let loadCount = 0;

export function modelWeights(): WeightTable {
  if (!loaded) {
    loaded = decodeModel(readFileSync(MODEL_URL));
    loadCount++;
  }
  return loaded;
}

/** How many times the model file has been read (tests check it is once). */
export function modelLoadCount(): number {
  return loadCount;
}
