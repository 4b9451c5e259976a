import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The seed articles live outside the repo (never committed); tests skip when they are absent. */
export const seedsDir = resolve(process.env.CROSSCHECK_SEEDS ?? join(process.cwd(), '..', 'shared', 'seeds'));

export const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) process.stderr.write(`seed tests skipped: no seeds at ${seedsDir} (set CROSSCHECK_SEEDS)\n`);

/** The seed whose file name starts with `prefix` ("000", "002"). */
export function seedPath(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}* in ${seedsDir}`);
  return join(seedsDir, name);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}
