import pg from 'pg';
import { StoreError, messageOf, redactUrl } from './errors.js';
import type { SqlClient, SqlExecutor, SqlResult, SqlRow, SqlValue } from './sql-client.js';

export async function openPostgresClient(url: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 15_000, max: 4 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${describePgError(error)}`, {
      cause: error,
    });
  }
  return new PostgresClient(pool);
}

class PostgresClient implements SqlClient {
  readonly kind = 'postgres' as const;
  constructor(private readonly pool: pg.Pool) {}

  query<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    return runOn<Row>(this.pool, sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    let broken = false;
    // The pool watches only idle connections. This one, checked out, may lose its server between
    // statements (a restart): without a listener that 'error' event would end the process; the
    // next statement fails instead and the caller decides (workers wait and try again).
    const onLost = (): void => {
      broken = true;
    };
    connection.on('error', onLost);
    try {
      await connection.query('BEGIN');
      const result = await work({ query: (sql, params = []) => runOn(connection, sql, params) });
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await connection.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      connection.off('error', onLost);
      connection.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

async function runOn<Row extends SqlRow>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly SqlValue[],
): Promise<SqlResult<Row>> {
  const result = await target.query<Row>(sql, [...params]);
  return { rows: result.rows };
}

/** AggregateError (IPv4 + IPv6 both refused) has an empty message; its parts say what happened. */
function describePgError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(messageOf).join('; ');
  return messageOf(error) || String((error as NodeJS.ErrnoException).code ?? error);
}
