/**
 * `npm run eval -- NAME [NAME...]`: runs the evaluation scripts `eval/NAME.ts`, each of which
 * prints its metrics. Datasets are read from `$CROSSCHECK_DATASETS` or `../shared/datasets`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'datasets.ts', 'metrics.ts', 'csv.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (names.length === 0) {
  process.stderr.write(`usage: npm run eval -- NAME...   (available: ${available.join(', ')})\n`);
  process.exit(2);
}
for (const name of names) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`unknown evaluation "${name}" (available: ${available.join(', ')})\n`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<void> };
  await mod.default();
}
