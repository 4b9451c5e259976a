/**
 * Where entities are on the map: the `lat`, `lon`, `country` and `precision` of `entities`, from the
 * `places` of the Analysis records (one per geocoded LOC key of a document).
 *
 * The same key can be placed differently by different articles (the gazetteer reads each in its own
 * context: "Idlib" the city in one, the province in another). The rule: the reading given by the
 * most articles wins; a tie goes to the finer precision (1 town < 2 region < 3 country), then to the
 * smaller latitude, longitude and country name, so that the result never depends on ingest order.
 * When several per-document keys form one entity, their articles are counted together.
 *
 * As for mentions, ingest cost follows the batch: each article's places are kept
 * (`article_places`) so that an update can subtract them, and per-key counts of each reading
 * (`entity_key_places`) move by the delta; only the touched entities are re-decided.
 */
import type { AnalysisRecord } from '../document.js';
import { numberArray, textArray } from './sql-arrays.js';
import type { SqlExecutor } from './sql-client.js';
import type { ArticleScope } from './entities.js';

const inList = (param: number): string => `(SELECT jsonb_array_elements_text($${param}::text::jsonb))`;
const listParam = (values: Iterable<string>): string => JSON.stringify([...values]);

/** Unknown country is '' in the per-key table (a key column cannot be null) and null everywhere else. */
export const placeTables: readonly string[] = [
  `CREATE TABLE article_places (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    doc_key text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    country text NOT NULL,
    precision smallint NOT NULL
  )`,
  `COMMENT ON TABLE article_places IS 'the geocoded places of each article (usable ones: coordinates and a precision 1-3)'`,
  `CREATE INDEX article_places_article_idx ON article_places (article_id)`,
  `CREATE TABLE entity_key_places (
    doc_key text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    country text NOT NULL,
    precision smallint NOT NULL,
    articles integer NOT NULL,
    PRIMARY KEY (doc_key, lat, lon, country, precision)
  )`,
  `COMMENT ON TABLE entity_key_places IS 'per-document key: how many articles placed it at each reading'`,
  `COMMENT ON COLUMN entities.lat IS 'lat, lon, country, precision: the place most articles give the entity (ties: finer precision)'`,
];

const PLACE_COLUMNS = 'doc_key, lat, lon, country, precision';

interface UsablePlace {
  key: string;
  lat: number;
  lon: number;
  country: string;
  precision: number;
}

/** A place the index can use: a key, finite coordinates and an ACLED precision; anything else is not geocoded. */
export function usablePlace(place: unknown): UsablePlace | null {
  if (typeof place !== 'object' || place === null) return null;
  const p = place as Record<string, unknown>;
  if (typeof p.key !== 'string' || p.key === '') return null;
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) return null;
  if (p.precision !== 1 && p.precision !== 2 && p.precision !== 3) return null;
  const country = typeof p.country === 'string' ? p.country : '';
  return { key: p.key, lat: p.lat as number, lon: p.lon as number, country, precision: p.precision };
}

/**
 * Re-indexes the places of the articles in `scope` and re-decides the location of the touched
 * entities plus `alsoEntities` (those the entity index rebuilt: their keys may have moved).
 * `stored`: the records as just stored (as for `indexEntities`); without it they are read back.
 */
export async function indexPlaces(
  tx: SqlExecutor,
  scope: ArticleScope,
  alsoEntities: ReadonlySet<string>,
  stored?: readonly AnalysisRecord[],
): Promise<void> {
  if (scope !== 'all' && scope.length === 0) return;
  await tx.query(
    `CREATE TEMP TABLE place_delta ON COMMIT DROP AS SELECT ${PLACE_COLUMNS}, 0 AS sign FROM article_places WITH NO DATA`,
  );
  const removal = scope === 'all' ? { sql: 'TRUE', params: [] } : { sql: `article_id IN ${inList(1)}`, params: [listParam(scope)] };
  await tx.query(
    `WITH gone AS (DELETE FROM article_places WHERE ${removal.sql} RETURNING ${PLACE_COLUMNS})
     INSERT INTO place_delta SELECT ${PLACE_COLUMNS}, -1 FROM gone`,
    removal.params,
  );
  if (stored) await addPlacesOf(tx, stored);
  else await addPlacesFromStoredRecords(tx, scope);
  await tx.query(
    `INSERT INTO entity_key_places (${PLACE_COLUMNS}, articles)
     SELECT ${PLACE_COLUMNS}, sum(sign)::int FROM place_delta GROUP BY ${PLACE_COLUMNS}
     ON CONFLICT (${PLACE_COLUMNS}) DO UPDATE SET articles = entity_key_places.articles + EXCLUDED.articles`,
  );
  await tx.query(
    `DELETE FROM entity_key_places WHERE articles <= 0 AND doc_key IN (SELECT DISTINCT doc_key FROM place_delta)`,
  );
  const { rows } = await tx.query<{ key: string }>(
    `SELECT DISTINCT k.entity_key AS key FROM entity_keys k WHERE k.doc_key IN (SELECT doc_key FROM place_delta)`,
  );
  await tx.query('DROP TABLE place_delta');
  await locateEntities(tx, new Set([...alsoEntities, ...rows.map((row) => row.key)]));
}

async function addPlacesOf(tx: SqlExecutor, records: readonly AnalysisRecord[]): Promise<void> {
  const columns = { article: [] as string[], key: [] as string[], lat: [] as number[], lon: [] as number[],
    country: [] as string[], precision: [] as number[] };
  for (const record of records) {
    const seen = new Set<string>();
    for (const place of (record.places ?? []).map(usablePlace)) {
      // One reading per key and article: a repeated key keeps its first place.
      if (!place || seen.has(place.key)) continue;
      seen.add(place.key);
      columns.article.push(record.id);
      columns.key.push(place.key);
      columns.lat.push(place.lat);
      columns.lon.push(place.lon);
      columns.country.push(place.country);
      columns.precision.push(place.precision);
    }
  }
  if (columns.article.length === 0) return;
  await tx.query(
    `WITH added AS (
       INSERT INTO article_places (article_id, ${PLACE_COLUMNS})
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::smallint[])
       RETURNING ${PLACE_COLUMNS})
     INSERT INTO place_delta SELECT ${PLACE_COLUMNS}, 1 FROM added`,
    [textArray(columns.article), textArray(columns.key), numberArray(columns.lat), numberArray(columns.lon),
      textArray(columns.country), numberArray(columns.precision)],
  );
}

/** The same rows as `addPlacesOf`, read from the stored records (the migration's backfill). */
async function addPlacesFromStoredRecords(tx: SqlExecutor, scope: ArticleScope): Promise<void> {
  const filter = scope === 'all' ? { sql: 'TRUE', params: [] } : { sql: `a.id IN ${inList(1)}`, params: [listParam(scope)] };
  await tx.query(
    `WITH places AS (
       SELECT DISTINCT ON (a.id, p.value->>'key') a.id, p.value->>'key' AS doc_key,
              (p.value->>'lat')::float8 AS lat, (p.value->>'lon')::float8 AS lon,
              CASE WHEN jsonb_typeof(p.value->'country') = 'string' THEN p.value->>'country' ELSE '' END AS country,
              (p.value->>'precision')::smallint AS precision
       FROM articles a
       CROSS JOIN LATERAL (SELECT a.record::jsonb AS r) j
       CROSS JOIN LATERAL jsonb_array_elements(
         CASE WHEN jsonb_typeof(j.r->'places') = 'array' THEN j.r->'places' ELSE '[]'::jsonb END)
         WITH ORDINALITY AS p (value, n)
       WHERE ${filter.sql}
         AND jsonb_typeof(p.value->'key') = 'string' AND p.value->>'key' <> ''
         AND jsonb_typeof(p.value->'lat') = 'number' AND jsonb_typeof(p.value->'lon') = 'number'
         AND p.value->>'precision' IN ('1', '2', '3')
       ORDER BY a.id, p.value->>'key', p.n),
     added AS (
       INSERT INTO article_places (article_id, ${PLACE_COLUMNS}) SELECT * FROM places RETURNING ${PLACE_COLUMNS})
     INSERT INTO place_delta SELECT ${PLACE_COLUMNS}, 1 FROM added`,
    filter.params,
  );
}

/** Applies the rule of this module's comment to `entityKeys`; an entity with no usable place gets nulls. */
async function locateEntities(tx: SqlExecutor, entityKeys: ReadonlySet<string>): Promise<void> {
  if (entityKeys.size === 0) return;
  await tx.query(
    `UPDATE entities e SET lat = best.lat, lon = best.lon, country = nullif(best.country, ''), precision = best.precision
     FROM (
       SELECT w.key, b.lat, b.lon, b.country, b.precision
       FROM ${inList(1)} AS w (key)
       LEFT JOIN LATERAL (
         SELECT p.lat, p.lon, p.country, p.precision
         FROM entity_keys k JOIN entity_key_places p ON p.doc_key = k.doc_key
         WHERE k.entity_key = w.key
         GROUP BY p.lat, p.lon, p.country, p.precision
         ORDER BY sum(p.articles) DESC, p.precision, p.lat, p.lon, p.country COLLATE "C"
         LIMIT 1) b ON TRUE) best
     WHERE e.key = best.key
       AND (e.lat, e.lon, e.country, e.precision) IS DISTINCT FROM (best.lat, best.lon, nullif(best.country, ''), best.precision)`,
    [listParam(entityKeys)],
  );
}
