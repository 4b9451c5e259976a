/** `crosscheck export` without a database: usage, honesty about pending kinds, and CSV quoting rules. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvLine, runExport } from '../src/cli/export.js';
import { sink } from './support/export.js';

/** Runs the command with the environment as the test left it (some tests set DATABASE_URL themselves). */
async function exportCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await runExport(args, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('crosscheck export (command line)', () => {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-export-'));
  let savedUrl: string | undefined;
  beforeEach(() => {
    savedUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints help on stdout and exits 0', async () => {
    const result = await exportCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Usage: crosscheck export KIND/);
    expect(result.out).toContain('--format');
    expect(result.out).toMatch(/^  entities  /m);
    expect(result.out).toContain('key,type,subtype,name,aliases,mentions,articles,first_seen,last_seen,lat,lon,country,precision');
    expect(result.err).toBe('');
  });

  it.each([
    [[], /exactly one KIND/],
    [['articles', 'stories'], /exactly one KIND/],
    [['posts'], /unknown KIND "posts"/],
    [['articles', '--format', 'xml'], /--format xml is not available/],
    [['articles', '--format', 'geojson'], /--format geojson is not available/],
    [['articles', '--bogus'], /Unknown option '--bogus'/],
    [['entities', '--format', 'geojson'], /--format geojson is not available for entities/],
  ])('exits 2 with a usage message for %j', async (args, message) => {
    const result = await exportCli(args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it.each([['stories', 'geojson'], ['claims', 'acled-csv']])('refuses a format that %s does not have (%s)', async (kind, format) => {
    const result = await exportCli([kind, '--format', format]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--format ${format} is not available for ${kind}`);
    expect(result.out).toBe('');
  });

  it('exits 2 for a missing database and does not create one', async () => {
    const dbDir = join(root, 'nothing-here');
    const result = await exportCli(['articles', '--db', dbDir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`no database in ${dbDir}`);
    expect(existsSync(dbDir)).toBe(false);
  });

  it('exits 2 with the reason when DATABASE_URL names an unreachable server', async () => {
    process.env.DATABASE_URL = 'postgres://nobody:pw@127.0.0.1:1/crosscheck';
    const result = await exportCli(['articles']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/crosscheck/);
  });
});

describe('csvLine (RFC 4180)', () => {
  it('leaves plain fields bare, writes null as empty, ends with CRLF', () => {
    expect(csvLine(['a', null, 'b c', ''])).toBe('a,,b c,\r\n');
  });

  it('quotes exactly the fields holding a comma, quote, CR or LF, doubling inner quotes', () => {
    expect(csvLine(['x,y', 'say "hi"', 'two\nlines', 'cr\r'])).toBe('"x,y","say ""hi""","two\nlines","cr\r"\r\n');
  });

  it('every field can be recovered by undoing the quoting (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '😀') });
    fc.assert(
      fc.property(field, (value) => {
        const line = csvLine([value]);
        expect(line.endsWith('\r\n')).toBe(true);
        const encoded = line.slice(0, -2);
        const needsQuotes = /[",\r\n]/.test(value);
        expect(encoded.startsWith('"')).toBe(needsQuotes);
        const decoded = needsQuotes ? encoded.slice(1, -1).replaceAll('""', '"') : encoded;
        expect(decoded).toBe(value);
        if (needsQuotes) expect(encoded.slice(1, -1).replaceAll('""', '')).not.toContain('"');
      }),
    );
  });
});
