/**
 * Many rows in one parameter each per column: PostgreSQL array literals, cast in SQL
 * (`unnest($1::text[], $2::int[])`). Both drivers pass text through untouched, and array_in parses
 * far faster than a JSON document of the same rows. Every element is quoted, so no text can be
 * mistaken for NULL or break the literal.
 */
import type { SqlValue } from './sql-client.js';

const quoteElement = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

export function textArray(values: ReadonlyArray<string | null>): SqlValue {
  return `{${values.map((value) => (value === null ? 'NULL' : quoteElement(value))).join(',')}}`;
}

/** Finite numbers only (callers validate); null stays NULL. */
export function numberArray(values: ReadonlyArray<number | null>): SqlValue {
  return `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
}
