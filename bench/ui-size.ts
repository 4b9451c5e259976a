/**
 * `npx tsx bench/ui-size.ts` (after `npm run build`): how much JavaScript the web UI sends, gzip
 * compressed as a server would, on first load (the scripts `dist/ui/index.html` names) and in all
 * (chunks loaded later, such as the map's). Issue 6's target: first load ≤ 300 KB.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist/ui';
if (!existsSync(join(dir, 'index.html'))) throw new Error(`no ${dir}/index.html: run npm run build first`);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const firstLoad = new Set([...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)].map((m) => m[1]!));
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
let first = 0;
let all = 0;
for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).sort()) {
  const path = `assets/${file}`;
  const bytes = readFileSync(join(dir, path));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const loaded = firstLoad.has(path);
  if (loaded) first += gzipped;
  all += gzipped;
  console.log(`${path}: ${kb(bytes.length)} KB, ${kb(gzipped)} KB gzip${loaded ? ' (first load)' : ' (loaded when needed)'}`);
}
console.log(`JavaScript on first load: ${kb(first)} KB gzip; all chunks: ${kb(all)} KB gzip`);
