/**
 * The one seam between the store and a database engine. Every statement in the store is written
 * once against this interface and runs unchanged on embedded PGlite and on a PostgreSQL server.
 *
 * Parameters are scalars only: JSON goes in as text and is cast in SQL (`$1::text::jsonb`),
 * because the two drivers serialise objects and arrays differently.
 */
export type SqlValue = string | number | boolean | null;

export type SqlRow = Record<string, unknown>;

export interface SqlResult<Row extends SqlRow = SqlRow> {
  rows: Row[];
}

export interface SqlExecutor {
  query<Row extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<SqlResult<Row>>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
