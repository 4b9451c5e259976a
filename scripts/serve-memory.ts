/**
 * `npx tsx scripts/serve-memory.ts [PATH...] [--port N]`: the HTTP API over an in-memory analysis
 * of PATH (default: the demo corpus), with no database. For developing the web UI.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { AnalysisRecord } from '../src/document.js';
import { analyzeRecord } from '../src/pipeline/analyze.js';
import { readInputs } from '../src/read/index.js';
import { buildApi } from '../src/serve/app.js';
import { MemoryBackend } from '../src/serve/memory-backend.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '8787' } } });
const paths = positionals.length > 0 ? positionals : [fileURLToPath(new URL('../examples/demo', import.meta.url))];
const records: AnalysisRecord[] = [];
for await (const item of readInputs(paths)) {
  if (item.kind !== 'record') continue;
  try {
    records.push(analyzeRecord(item.origin, item.record));
  } catch {
    // rejected inputs are skipped here; `crosscheck analyze` reports them
  }
}
const backend = new MemoryBackend();
backend.add(records);
const app = await buildApi(backend, { token: process.env.CROSSCHECK_TOKEN ?? null, logger: false });
const address = await app.listen({ port: Number(values.port), host: '127.0.0.1' });
process.stderr.write(`${records.length} articles analysed; API on ${address}/api (OpenAPI: ${address}/openapi.json)\n`);
