import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Third-party datasets are never in the repo: they are read at run time from
 * `$CROSSCHECK_DATASETS` or `../shared/datasets` (relative to the repo root).
 */
export function datasetsRoot(): string {
  return resolve(process.env.CROSSCHECK_DATASETS ?? join(process.cwd(), '..', 'shared', 'datasets'));
}

/** The folder of one dataset, or null (with a message on stderr) when it is not here. */
export function datasetDir(name: string): string | null {
  const dir = join(datasetsRoot(), name);
  if (!existsSync(dir)) {
    process.stderr.write(`skipped: dataset ${name} not found at ${dir} (set CROSSCHECK_DATASETS)\n`);
    return null;
  }
  return dir;
}
