/**
 * Builds the offline web UI into dist/ui, which `crosscheck serve` serves (src/serve/static.ts).
 * Everything is bundled: no CDN, no web fonts, no map tiles; the world map's TopoJSON is a lazily
 * loaded chunk so the first load stays small.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: here('../dist/ui'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The strict Content-Security-Policy allows no inline script: keep the preload helper in a file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
});
