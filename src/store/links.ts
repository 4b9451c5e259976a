/**
 * Linking in the store: which articles are copies of which, which story each belongs to, and the
 * composed stories and canonical events (src/link). Runs in the ingest transaction, after the
 * articles are stored, so that articles and their links are never out of step.
 *
 * Each article's linking features (fingerprint and weighted terms) are stored when it is; when it
 * is linked, also its story vector, its postings under its heaviest terms and its LSH bands, and
 * its terms are counted into the collection's frequencies (`linkPending`). Articles linked earlier
 * keep their stories; new ones join, bridge or start stories. A story keeps its id across linking
 * (the id most of its articles had before); a story that loses all its articles is deleted with
 * its events.
 */
import type { AnalysisRecord } from '../document.js';
import { bandHashes, DEFAULT_COPY_OPTIONS, type Fingerprint } from '../link/copies.js';
import { linkIncrementally, linkItemOf, lookupTerms, queryTerms, storyVector, type ArticleLinks, type LinkedItem, type LinkItem, type LinkOptions } from '../link/index.js';
import { DocumentFrequencies, type TermVector } from '../link/terms.js';
import type { StoryMemberRecord } from '../link/story-member.js';
import { composeStory, storyListItem, type StoryMember, type StoryRecord } from '../link/story-record.js';
import type { CanonicalEvent } from '../link/events.js';
import { DEFAULT_STORY_OPTIONS, dayOf } from '../link/stories.js';
import { orderKeys, parseRecord, type Shape } from './record-shape.js';
import { textArray } from './sql-arrays.js';
import type { SqlExecutor } from './sql-client.js';

const textSpan = { keys: ['start', 'end', 'text'] };
const figure: Shape = {
  keys: ['min', 'max', 'conservative', 'latest', 'reports'],
  fields: { reports: { keys: ['article', 'source', 'min', 'max', 'hedge', 'text', 'start', 'end', 'attribution', 'asserted', 'copy', 'revised'] } },
};
/** jsonb stores keys in its own order; these restore the order of the records as composed (docs/contract.md). */
export const storyShape: Shape = {
  keys: ['id', 'title', 'summary', 'articles', 'events', 'first_seen', 'last_seen', 'outlets', 'original_articles',
    'independent_sources', 'event_types', 'conflicting', 'timeline', 'framing'],
  fields: {
    summary: { keys: ['article', ...textSpan.keys] },
    timeline: { keys: ['event', 'date', 'precision', 'type', 'subtype', 'location', 'sources', 'independent_sources'] },
    framing: { keys: ['actors', 'acts', 'attributions'] },
  },
};
export const eventShape: Shape = {
  keys: ['id', 'story', 'type', 'subtype', 'date', 'location', 'actors', 'killed', 'injured', 'articles', 'sources',
    'independent_sources', 'mentions', 'conflicts', 'modality'],
  fields: {
    date: { keys: ['value', 'precision'] },
    location: { keys: ['name', 'country', 'lat', 'lon', 'precision'] },
    actors: { keys: ['role', 'key', 'text'] },
    killed: figure,
    injured: figure,
    mentions: { keys: ['article', ...textSpan.keys] },
    conflicts: { keys: ['slot', 'kind', 'values'], fields: { values: { keys: ['value', 'article', 'source', 'origin', 'asserted'] } } },
  },
};

export const LINK_SCHEMA: readonly string[] = [
  `CREATE TABLE link_features (
    article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    published text,
    day integer,
    exact text NOT NULL,
    shingles integer NOT NULL,
    minhash text NOT NULL,
    terms jsonb NOT NULL,
    pending boolean NOT NULL DEFAULT true
  )`,
  `COMMENT ON COLUMN link_features.pending IS 'stored or changed since the last linking: linkPending links it'`,
  `CREATE INDEX link_features_pending_idx ON link_features (pending) WHERE pending`,
  `COMMENT ON TABLE link_features IS 'what linking needs of each article: MinHash fingerprint and weighted terms'`,
  `CREATE INDEX link_features_day_idx ON link_features (day)`,
  `CREATE TABLE stories (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    title text,
    first_seen text,
    last_seen text,
    record jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX stories_last_seen_idx ON stories (last_seen)`,
  `CREATE TABLE events (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    story text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    type text NOT NULL,
    subtype text,
    date text,
    record jsonb NOT NULL
  )`,
  `CREATE INDEX events_story_idx ON events (story)`,
  `CREATE INDEX events_type_date_idx ON events (type, date)`,
];

/**
 * Step 10: what lets a link read only what the new articles can match (see `linkPending`). Every
 * stored article is linked again once, with the frequencies counted over all of them.
 */
export const LINK_INDEX_SCHEMA: readonly string[] = [
  `ALTER TABLE link_features ADD COLUMN vector json`,
  `COMMENT ON COLUMN link_features.vector IS 'story vector (term → weight) computed when the article was linked, with the frequencies of then'`,
  `ALTER TABLE link_features ADD COLUMN counted text[]`,
  `COMMENT ON COLUMN link_features.counted IS 'the terms counted for this article in link_terms; null until it is linked'`,
  `ALTER TABLE link_features ADD COLUMN bands bigint[]`,
  `COMMENT ON COLUMN link_features.bands IS 'LSH bands of the MinHash fingerprint: articles sharing one are candidate copies'`,
  `CREATE INDEX link_features_bands_idx ON link_features USING gin (bands)`,
  `CREATE INDEX link_features_exact_idx ON link_features (exact)`,
  `CREATE TABLE link_terms (
    term text PRIMARY KEY,
    documents integer NOT NULL
  )`,
  `COMMENT ON TABLE link_terms IS 'in how many linked articles each term occurs (tf-idf); the empty term counts the articles'`,
  `CREATE TABLE link_postings (
    term text NOT NULL,
    day integer,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    weight double precision NOT NULL
  )`,
  `COMMENT ON TABLE link_postings IS 'each linked article under its story vector''s heaviest terms: where a new article finds its candidates'`,
  `CREATE INDEX link_postings_term_day_idx ON link_postings (term, day)`,
  `CREATE INDEX link_postings_article_idx ON link_postings (article_id)`,
  `UPDATE link_features SET pending = true`,
];

/**
 * Step 12: copy bands as rows under a b-tree. Kept as an array column under a GIN index (step 11),
 * the planner joined each new band against every article in the window (`@>` per pair): 2,000 new
 * articles into 2,000 stored took 85 s in PGlite. An equality join on a b-tree visits only the
 * articles sharing a band.
 */
export const LINK_BANDS_SCHEMA: readonly string[] = [
  `CREATE TABLE link_bands (
    band bigint NOT NULL,
    day integer,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE
  )`,
  `COMMENT ON TABLE link_bands IS 'each linked article under the LSH bands of its MinHash fingerprint: where a new article finds its candidate copies'`,
  `INSERT INTO link_bands (band, day, article_id)
   SELECT DISTINCT b.band, f.day, f.article_id FROM link_features f CROSS JOIN LATERAL unnest(f.bands) AS b(band)
   WHERE NOT f.pending AND f.bands IS NOT NULL`,
  `CREATE INDEX link_bands_band_day_idx ON link_bands (band, day)`,
  `CREATE INDEX link_bands_article_idx ON link_bands (article_id)`,
  `DROP INDEX link_features_bands_idx`,
  `ALTER TABLE link_features DROP COLUMN bands`,
];

interface FeatureRow {
  article_id: string;
  published: string | null;
  day: number | null;
  exact: string;
  shingles: number;
  minhash: string;
  story: string | null;
  duplicate_of: string | null;
}

interface PendingRow extends FeatureRow {
  terms: Record<string, number> | string;
  counted: string[] | null;
}

interface LinkedRow extends FeatureRow {
  vector: Record<string, number> | string | null;
}

const encodeMinhash = (minhash: Uint32Array): string => Buffer.from(minhash.buffer, minhash.byteOffset, minhash.byteLength).toString('base64');

function decodeMinhash(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}


const fingerprintOf = (row: FeatureRow): Fingerprint => ({ exact: row.exact, shingles: Number(row.shingles), minhash: decodeMinhash(row.minhash) });

/**
 * Stores what linking needs of `records` (just inserted or updated) and marks them as waiting to be
 * linked: `linkPending` links them, once per ingest run rather than once per batch.
 */
export async function saveLinkFeatures(tx: SqlExecutor, records: readonly AnalysisRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((record) => {
    const item = linkItemOf(record);
    return {
      article_id: item.id, published: item.published, day: dayOf(item.published), exact: item.fingerprint.exact,
      shingles: item.fingerprint.shingles, minhash: encodeMinhash(item.fingerprint.minhash), terms: Object.fromEntries(item.terms),
    };
  });
  await tx.query(
    `INSERT INTO link_features (article_id, published, day, exact, shingles, minhash, terms)
     SELECT article_id, published, day, exact, shingles, minhash, terms
     FROM jsonb_to_recordset($1::text::jsonb) AS x(article_id text, published text, day integer, exact text, shingles integer, minhash text, terms jsonb)
     ON CONFLICT (article_id) DO UPDATE SET published = EXCLUDED.published, day = EXCLUDED.day, exact = EXCLUDED.exact,
       shingles = EXCLUDED.shingles, minhash = EXCLUDED.minhash, terms = EXCLUDED.terms, pending = true`,
    [JSON.stringify(rows)],
  );
}

/**
 * Counts the pending articles' terms into `link_terms` (an article stored again has its former
 * terms taken out first) and returns the frequencies of the terms they use.
 */
async function countTerms(tx: SqlExecutor, pending: readonly PendingRow[], terms: ReadonlyMap<string, TermVector>): Promise<DocumentFrequencies> {
  const delta = new Map<string, number>([['', 0]]);
  const bump = (term: string, by: number): void => {
    delta.set(term, (delta.get(term) ?? 0) + by);
  };
  for (const row of pending) {
    if (row.counted === null) bump('', 1);
    else for (const term of row.counted) bump(term, -1);
    for (const term of terms.get(row.article_id)!.keys()) bump(term, 1);
  }
  // In one order, so that two linkers could never wait on each other's rows (they are serialised anyway).
  const changes = [...delta].filter(([, by]) => by !== 0).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (changes.length > 0) {
    await tx.query(
      `INSERT INTO link_terms (term, documents) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET documents = link_terms.documents + EXCLUDED.documents`,
      [textArray(changes.map(([term]) => term)), `{${changes.map(([, by]) => by).join(',')}}`],
    );
  }
  const used = new Set<string>(['']);
  for (const vector of terms.values()) for (const term of vector.keys()) used.add(term);
  const { rows } = await tx.query<{ term: string; documents: number }>(`SELECT term, documents FROM link_terms WHERE term = ANY($1::text[])`, [
    textArray([...used]),
  ]);
  const counts = new Map(rows.map((row) => [row.term, Number(row.documents)]));
  return DocumentFrequencies.of(counts.get('') ?? 0, counts);
}

/** The day range of the window around `days` (the dated ones), or null when none is dated. */
function windowAround(days: ReadonlyArray<number | null>, windowDays: number): [number, number] | null {
  const dated = days.filter((d): d is number => d !== null);
  if (dated.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const day of dated) {
    lo = Math.min(lo, day);
    hi = Math.max(hi, day);
  }
  return [lo - windowDays, hi + windowDays];
}

/**
 * The linked articles a new one may join or copy: those that share a lookup term with it
 * (`lookupTerms`; the most recent `postingsVisited` per term within the window, as the clusterer
 * visits them), and those that may be its copies (same text, or a shared LSH band, within the window).
 */
async function candidateArticles(
  tx: SqlExecutor,
  fresh: readonly LinkItem[],
  lookups: ReadonlyMap<string, string[]>,
  bands: ReadonlyMap<string, number[]>,
  options: { windowDays: number; postingsVisited: number; candidates: number; copyCandidates: number },
): Promise<string[]> {
  const queries: Array<[string, string, number, number | null]> = [];
  for (const item of fresh) {
    const day = dayOf(item.published);
    for (const term of lookups.get(item.id)!) queries.push([item.id, term, item.vector!.get(term)!, day]);
  }
  const window = windowAround(fresh.map((item) => dayOf(item.published)), options.windowDays);
  const bandPairs = fresh.flatMap((item) => [...new Set(bands.get(item.id)!)].map((band) => [item.id, band] as const));
  const { rows } = await tx.query<{ article_id: string }>(
    // Each new article's candidates as the clusterer finds them (`StoryClusterer.storyScores`): the
    // most recent postings of each lookup term within the window, ranked by the dot product over
    // those terms, the best `candidates` kept.
    `WITH q AS (SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::int[]) AS q(item, term, weight, day)),
     hits AS (
       SELECT q.item, c.article_id, q.weight * c.weight AS part FROM q CROSS JOIN LATERAL (
         SELECT p.article_id, p.weight FROM link_postings p
         WHERE p.term = q.term AND p.day BETWEEN q.day - $5 AND q.day + $5
         ORDER BY p.day DESC LIMIT $6) c
       WHERE q.day IS NOT NULL
       UNION ALL
       SELECT q.item, c.article_id, q.weight * c.weight FROM q CROSS JOIN LATERAL (
         SELECT p.article_id, p.weight FROM link_postings p WHERE p.term = q.term ORDER BY p.day DESC NULLS LAST LIMIT $6) c
       WHERE q.day IS NULL
       UNION ALL
       SELECT q.item, c.article_id, q.weight * c.weight FROM q CROSS JOIN LATERAL (
         SELECT p.article_id, p.weight FROM link_postings p WHERE p.term = q.term AND p.day IS NULL LIMIT $6) c
       WHERE q.day IS NOT NULL
     ),
     ranked AS (
       SELECT article_id, row_number() OVER (PARTITION BY item ORDER BY sum(part) DESC, article_id) AS rank
       FROM hits GROUP BY item, article_id
     )
     SELECT article_id FROM ranked WHERE rank <= $7
     UNION
     SELECT f.article_id FROM link_features f
     WHERE NOT f.pending AND f.exact = ANY($8::text[]) AND ($10::int IS NULL OR f.day BETWEEN $10 AND $11 OR f.day IS NULL)
     UNION
     -- Copies as \`CopyIndex\` finds them: those sharing the most LSH bands with the new article.
     SELECT article_id FROM (
       SELECT shared.article_id, row_number() OVER (PARTITION BY shared.item ORDER BY shared.n DESC, shared.article_id) AS rank
       FROM (
         SELECT b.item, l.article_id, count(*) AS n
         FROM unnest($12::text[], $9::bigint[]) AS b(item, band)
         JOIN link_bands l ON l.band = b.band
         WHERE $10::int IS NULL OR l.day BETWEEN $10 AND $11 OR l.day IS NULL
         GROUP BY b.item, l.article_id
       ) shared
     ) ranked_copies WHERE rank <= $13`,
    [
      textArray(queries.map(([item]) => item)),
      textArray(queries.map(([, term]) => term)),
      `{${queries.map(([, , weight]) => weight).join(',')}}`,
      `{${queries.map(([, , , day]) => (day === null ? 'NULL' : day)).join(',')}}`,
      options.windowDays,
      options.postingsVisited,
      options.candidates,
      textArray(fresh.map((item) => item.fingerprint.exact)),
      `{${bandPairs.map(([, band]) => band).join(',')}}`,
      window?.[0] ?? null,
      window?.[1] ?? null,
      textArray(bandPairs.map(([item]) => item)),
      options.copyCandidates,
    ],
  );
  return rows.map((row) => row.article_id);
}

async function readLinked(tx: SqlExecutor, where: string, values: readonly string[]): Promise<LinkedRow[]> {
  if (values.length === 0) return [];
  const { rows } = await tx.query<LinkedRow & Record<string, unknown>>(
    `SELECT f.article_id, f.published, f.day, f.exact, f.shingles, f.minhash, f.vector::text AS vector, a.story, a.duplicate_of
     FROM articles a JOIN link_features f ON f.article_id = a.id
     WHERE ${where} AND NOT f.pending AND a.story IS NOT NULL`,
    [textArray(values)],
  );
  return rows;
}

function linkedItemOf(row: LinkedRow): LinkedItem {
  return {
    id: row.article_id,
    published: row.published,
    fingerprint: fingerprintOf(row),
    // Seeded articles are weighed by their stored vectors, not their terms.
    terms: new Map<string, number>(),
    // An article linked before vectors were stored has none: an empty vector matches nothing.
    vector: new Map(Object.entries(row.vector === null ? {} : parseRecord(row.vector))),
    story: row.story!,
    duplicate_of: row.duplicate_of,
  };
}

/** How many articles of each story are not copies (what the clusterer counts as a story's size). */
async function storySizes(tx: SqlExecutor, stories: readonly string[]): Promise<Map<string, number>> {
  if (stories.length === 0) return new Map();
  const { rows } = await tx.query<{ story: string; size: number | string }>(
    `SELECT story, count(*) FILTER (WHERE duplicate_of IS NULL OR duplicate_of = id) AS size
     FROM articles WHERE story = ANY($1::text[]) GROUP BY story`,
    [textArray(stories)],
  );
  return new Map(rows.map((row) => [row.story, Number(row.size)]));
}

/**
 * The stored stories a link changes: those of the linked articles that end up in a cluster with a
 * new article (joined, merged, split), or in another cluster than the rest of their stored story.
 */
function touchedStories(links: readonly ArticleLinks[], read: ReadonlyMap<string, LinkedRow>, pending: readonly PendingRow[]): Set<string> {
  const fresh = new Set(pending.map((row) => row.article_id));
  const withNew = new Set(links.filter((link) => fresh.has(link.id)).map((link) => link.story));
  const clusterOf = new Map<string, string>();
  const touched = new Set<string>();
  for (const link of links) {
    const row = read.get(link.id);
    if (row === undefined) continue;
    const stored = row.story!;
    if (withNew.has(link.story)) touched.add(stored);
    const seen = clusterOf.get(stored);
    if (seen === undefined) clusterOf.set(stored, link.story);
    else if (seen !== link.story) touched.add(stored);
  }
  return touched;
}

/**
 * New clusters keep the story id most of their articles had (ties: the smaller id); a cluster with
 * no previous id, or whose id a larger cluster took, is named after its first article.
 */function storyIds(links: readonly ArticleLinks[], previous: ReadonlyMap<string, string | null>): Map<string, string> {
  const clusters = new Map<string, string[]>();
  for (const link of links) {
    const members = clusters.get(link.story);
    if (members) members.push(link.id);
    else clusters.set(link.story, [link.id]);
  }
  const ordered = [...clusters].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const [cluster, members] of ordered) {
    const votes = new Map<string, number>();
    for (const m of members) {
      const old = previous.get(m);
      if (old) votes.set(old, (votes.get(old) ?? 0) + 1);
    }
    const choice = [...votes].filter(([id]) => !taken.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    // A cluster's own id is an article's (the one that started it) unless linking had to make one up.
    let id = choice ?? (taken.has(cluster) || !members.includes(cluster) ? members[0]! : cluster);
    // An article linked again away from the story named after it: that story keeps the name.
    for (let n = 2; taken.has(id); n++) id = `${members[0]!}#${n}`;
    taken.add(id);
    ids.set(cluster, id);
  }
  return ids;
}

export interface RelinkResult {
  /** Articles whose story or original changed. */
  relinked: number;
  /** Stories recomposed (created, grown, merged or split). */
  stories: number;
  /** Linked articles read to link the pending ones: the members of the stories they can join. */
  read?: number;
  /** How many times the new articles were clustered: once, plus once per round of stories read whole. */
  passes?: number;
  /** Milliseconds spent in each phase, for benchmarks. */
  phases?: Record<'load' | 'cluster' | 'update' | 'recompose', number>;
}

/** Linking runs one at a time per database, whichever process (ingest, workers) asks for it. */
const LINK_LOCK_KEY = 7_240_518_313;

/**
 * Links the articles waiting to be linked (stored with `saveLinkFeatures`) into the stored stories,
 * and recomposes the stories that changed.
 *
 * A link reads what the new articles can match, not the window: their terms are counted into
 * `link_terms` and weighed with the frequencies over everything stored; each new article's story
 * vector looks up candidates in `link_postings` (its heaviest terms, within the window) and copies
 * by text hash and LSH band; the stories of those candidates are read whole, with the story vectors
 * their articles were given when linked, and `linkIncrementally` puts the new articles in. The
 * cost follows the new articles and the stories they touch, not the number stored.
 */
export async function linkPending(tx: SqlExecutor, options: LinkOptions = {}): Promise<RelinkResult> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LINK_LOCK_KEY})`);
  const storyOptions = { ...DEFAULT_STORY_OPTIONS, ...options.stories };
  let started = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const ms = now - started;
    started = now;
    return ms;
  };
  const { rows: pending } = await tx.query<PendingRow & Record<string, unknown>>(
    // Locked, so that an article stored again meanwhile (pending once more) waits for this commit and
    // is then linked by the next call; only these rows are marked linked below, not ones stored since.
    `SELECT f.article_id, f.published, f.day, f.exact, f.shingles, f.minhash, f.terms, f.counted, a.story, a.duplicate_of
     FROM link_features f JOIN articles a ON a.id = f.article_id
     WHERE f.pending ORDER BY f.article_id FOR UPDATE OF f`,
  );
  if (pending.length === 0) return { relinked: 0, stories: 0 };
  const terms = new Map(pending.map((row) => [row.article_id, new Map(Object.entries(parseRecord(row.terms)))]));
  const frequencies = await countTerms(tx, pending, terms);
  const fresh: LinkItem[] = pending.map((row) => {
    const vector = storyVector(terms.get(row.article_id)!, frequencies, storyOptions);
    return { id: row.article_id, published: row.published, fingerprint: fingerprintOf(row), terms: terms.get(row.article_id)!, vector };
  });
  const queries = new Map(fresh.map((item) => [item.id, queryTerms(item.vector!, storyOptions)]));
  const lookups = new Map(fresh.map((item) => [item.id, lookupTerms(item.vector!, frequencies, storyOptions)]));
  const bands = new Map(fresh.map((item) => [item.id, bandHashes(item.fingerprint)]));
  // The candidates are read alone first (their stories' sizes counted); a story that a new article
  // joins or merges is then read whole and the articles linked again, until every story that
  // changes was read whole. The stories the new articles were in before (stored again) are read
  // whole from the start, so that their other articles keep their story.
  const read = new Map<string, LinkedRow>();
  const add = (rows: readonly LinkedRow[]): void => {
    for (const row of rows) read.set(row.article_id, row);
  };
  const copyCandidates = { ...DEFAULT_COPY_OPTIONS, ...options.copies }.candidates;
  add(await readLinked(tx, 'a.id = ANY($1::text[])', await candidateArticles(tx, fresh, lookups, bands, { ...storyOptions, copyCandidates })));
  const whole = new Set(pending.map((row) => row.story).filter((story): story is string => story !== null));
  add(await readLinked(tx, 'a.story = ANY($1::text[])', [...whole]));
  const sizes = await storySizes(tx, [...new Set([...read.values()].map((row) => row.story!))]);
  let links: ArticleLinks[];
  let clustering = 0;
  let passes = 0;
  for (;;) {
    passes++;
    const linking = performance.now();
    links = linkIncrementally([...read.values()].map(linkedItemOf), fresh, options, frequencies, sizes);
    const missing = [...touchedStories(links, read, pending)].filter((story) => !whole.has(story));
    clustering += performance.now() - linking;
    if (missing.length === 0) break;
    for (const story of missing) whole.add(story);
    add(await readLinked(tx, 'a.story = ANY($1::text[])', missing));
  }
  const load = lap() - clustering;
  started -= clustering;
  const members = [...read.values()];
  const clustered = new Set(links.filter((link) => link.clustered).map((link) => link.id));
  const before = new Map<string, FeatureRow>([...members, ...pending].map((row) => [row.article_id, row]));
  const ids = storyIds(links, new Map([...before].map(([id, row]) => [id, row.story])));
  const updates = links
    .map((l) => ({ id: l.id, story: ids.get(l.story)!, duplicate_of: l.duplicate_of }))
    .filter((u) => before.get(u.id)?.story !== u.story || before.get(u.id)?.duplicate_of !== u.duplicate_of);
  const cluster = lap();
  if (updates.length > 0) {
    await tx.query(
      `UPDATE articles SET story = x.story, duplicate_of = x.duplicate_of
       FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, story text, duplicate_of text)
       WHERE articles.id = x.id`,
      [JSON.stringify(updates)],
    );
  }
  await saveLinked(tx, fresh, queries, bands, clustered);
  const affected = new Set<string>();
  for (const u of updates) {
    affected.add(u.story);
    const old = before.get(u.id)?.story;
    if (old) affected.add(old);
  }
  const updated = new Map(updates.map((u) => [u.id, u.story]));
  for (const row of pending) {
    const story = updated.get(row.article_id) ?? row.story;
    if (story) affected.add(story);
  }
  const update = lap();
  await recompose(tx, [...affected]);
  return { relinked: updates.length, stories: affected.size, read: members.length, passes, phases: { load, cluster, update, recompose: lap() } };
}

/**
 * Marks the new articles linked, with what the next links look up: their story vectors, the terms
 * counted for them, their LSH bands, and (for those the clusterer compares, `clustered`) their
 * postings under their query terms.
 */
async function saveLinked(
  tx: SqlExecutor,
  items: readonly LinkItem[],
  queries: ReadonlyMap<string, string[]>,
  bands: ReadonlyMap<string, number[]>,
  clustered: ReadonlySet<string>,
): Promise<void> {
  const ids = textArray(items.map((item) => item.id));
  await tx.query(
    `UPDATE link_features SET pending = false, vector = x.vector, counted = ARRAY(SELECT jsonb_object_keys(link_features.terms))
     FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, vector json)
     WHERE link_features.article_id = x.id`,
    [JSON.stringify(items.map((item) => ({ id: item.id, vector: Object.fromEntries(item.vector!) })))],
  );
  await tx.query(`DELETE FROM link_postings WHERE article_id = ANY($1::text[])`, [ids]);
  await tx.query(`DELETE FROM link_bands WHERE article_id = ANY($1::text[])`, [ids]);
  const banded = items.flatMap((item) => [...new Set(bands.get(item.id)!)].map((band) => [band, dayOf(item.published), item.id] as const));
  if (banded.length > 0) {
    await tx.query(`INSERT INTO link_bands (band, day, article_id) SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[])`, [
      `{${banded.map(([band]) => band).join(',')}}`,
      `{${banded.map(([, day]) => (day === null ? 'NULL' : day)).join(',')}}`,
      textArray(banded.map(([, , id]) => id)),
    ]);
  }
  const postings = items
    .filter((item) => clustered.has(item.id))
    .flatMap((item) => queries.get(item.id)!.map((term) => [term, dayOf(item.published), item.id, item.vector!.get(term)!] as const));
  if (postings.length === 0) return;
  await tx.query(`INSERT INTO link_postings (term, day, article_id, weight) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[])`, [
    textArray(postings.map(([term]) => term)),
    `{${postings.map(([, day]) => (day === null ? 'NULL' : day)).join(',')}}`,
    textArray(postings.map(([, , id]) => id)),
    `{${postings.map(([, , , weight]) => weight).join(',')}}`,
  ]);
}

interface MemberRow {
  seq: string | number;
  body: string;
  member: StoryMemberRecord | string;
  story: string;
  duplicate_of: string | null;
}

/** Rebuilds the stored story and event records of `storyIds` from their current articles. */
async function recompose(tx: SqlExecutor, storyIds: readonly string[]): Promise<void> {
  if (storyIds.length === 0) return;
  const { rows } = await tx.query<MemberRow & Record<string, unknown>>(
    // Sorted here, not by the server: sorting the rows with their bodies and records spilled to disk.
    // An article stored before step 10 and not yet filled in has only its full record, a superset.
    `SELECT seq, body, coalesce(story_member, record)::text AS member, story, duplicate_of FROM articles
     WHERE story = ANY($1::text[])`,
    [textArray(storyIds)],
  );
  rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  const members = new Map<string, StoryMember[]>();
  for (const row of rows) {
    const record = parseRecord(row.member);
    const member: StoryMember = { ...record, body: row.body, duplicate_of: row.duplicate_of };
    const list = members.get(row.story);
    if (list) list.push(member);
    else members.set(row.story, [member]);
  }
  await tx.query(`DELETE FROM stories WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb))`, [JSON.stringify(storyIds)]);
  const stories: StoryRecord[] = [];
  const events: CanonicalEvent[] = [];
  for (const [id, list] of members) {
    const composed = composeStory(id, list);
    stories.push(composed.story);
    events.push(...composed.events);
  }
  if (stories.length === 0) return;
  // Short columns as arrays (sql-arrays.ts), the records as one JSON array joined on position:
  // measured on 11k events (13.5 MB), a json[] array parameter cost three times as much.
  await tx.query(
    `INSERT INTO stories (id, title, first_seen, last_seen, event_types, record, list_item)
     SELECT c.id, c.title, c.first_seen, c.last_seen, ARRAY(SELECT json_array_elements_text(r.record->'event_types')), r.record, l.item
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c(id, title, first_seen, last_seen, n)
     JOIN json_array_elements($5::text::json) WITH ORDINALITY AS r(record, n) USING (n)
     JOIN json_array_elements($6::text::json) WITH ORDINALITY AS l(item, n) USING (n)`,
    [
      textArray(stories.map((s) => s.id)),
      textArray(stories.map((s) => s.title)),
      textArray(stories.map((s) => s.first_seen)),
      textArray(stories.map((s) => s.last_seen)),
      JSON.stringify(stories),
      JSON.stringify(stories.map(storyListItem)),
    ],
  );
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO events (id, story, type, subtype, date, record)
     SELECT c.id, c.story, c.type, c.subtype, c.date, r.record
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS c(id, story, type, subtype, date, n)
     JOIN json_array_elements($6::text::json) WITH ORDINALITY AS r(record, n) USING (n)`,
    [
      textArray(events.map((e) => e.id)),
      textArray(events.map((e) => e.story)),
      textArray(events.map((e) => e.type)),
      textArray(events.map((e) => e.subtype)),
      textArray(events.map((e) => e.date?.value ?? null)),
      JSON.stringify(events),
    ],
  );
}

/** Keyset pages over a table's `record` column in `seq` order. */
async function* readRecords<T>(db: SqlExecutor, table: 'stories' | 'events', batchSize: number): AsyncGenerator<T> {
  const shape = table === 'stories' ? storyShape : eventShape;
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ seq: number | string; record: T | string }>(
      `SELECT seq, record::text AS record FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) yield orderKeys(parseRecord(row.record), shape) as T;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = Number(last.seq);
  }
}

export const readStories = (db: SqlExecutor, batchSize: number): AsyncGenerator<StoryRecord> => readRecords<StoryRecord>(db, 'stories', batchSize);
export const readEvents = (db: SqlExecutor, batchSize: number): AsyncGenerator<CanonicalEvent> => readRecords<CanonicalEvent>(db, 'events', batchSize);

/**
 * Stores the link features of every stored article again, waiting to be linked (migrations that
 * change them run it; the last migration's `linkPending` links them).
 */
export async function refreshLinkFeatures(tx: SqlExecutor): Promise<void> {
  const { rows } = await tx.query<{ body: string; record: Omit<AnalysisRecord, 'body'> | string }>('SELECT body, record::text AS record FROM articles ORDER BY seq');
  const records = rows.map((row) => ({ ...parseRecord(row.record), body: row.body }) as AnalysisRecord);
  await saveLinkFeatures(tx, records);
}
