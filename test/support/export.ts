/** Runs `crosscheck export` in this process against one database, with captured output. */
import { Writable } from 'node:stream';
import { runExport } from '../../src/cli/export.js';
import type { StoreOptions } from '../../src/store/index.js';

export function sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** `options.databaseUrl` is passed as DATABASE_URL (restored afterwards), `options.dbDir` as --db. */
export async function exportWith(options: StoreOptions, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const saved = process.env.DATABASE_URL;
  if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
  else delete process.env.DATABASE_URL;
  try {
    const dbArgs = options.dbDir ? ['--db', options.dbDir] : [];
    const code = await runExport([...args, ...dbArgs], { stdout: out.stream, stderr: err.stream });
    return { code, out: out.text(), err: err.text() };
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}
