/**
 * Articles as an older crosscheck stored them, for migration tests: only the columns of schema
 * step 1 (today's writer, `upsertArticles`, also fills columns later steps added).
 */
import type { AnalysisRecord } from '../../src/document.js';
import type { SqlExecutor } from '../../src/store/sql-client.js';

export async function insertSchema1Articles(db: SqlExecutor, records: readonly AnalysisRecord[]): Promise<string[]> {
  for (const record of records) {
    const { body, ...rest } = record;
    await db.query(
      `INSERT INTO articles (id, url, source_name, source_domain, title, published_value, published_origin, lang, body, content_hash, record)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb)`,
      [record.id, record.url, record.source?.name ?? null, record.source?.domain ?? null, record.title, record.published?.value ?? null,
        record.published?.origin ?? null, record.lang, body, `schema-1:${record.id}`, JSON.stringify(rest)],
    );
  }
  return records.map((record) => record.id);
}
