/**
 * Serves the built web UI (dist/ui, see ui/vite.config.ts) next to the API, with security headers
 * on every response: the UI renders untrusted article text, so a strict Content-Security-Policy
 * (same-origin scripts only, no inline script, nothing from elsewhere) is a second wall behind
 * rendering that text as text. The UI uses hash routes; other unknown GET paths that are not API
 * paths answer with index.html so that a bookmarked path still opens the app.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export interface UiOptions {
  /** The directory Vite built the UI into (holds index.html). */
  root: string;
}

/** Paths that belong to the API: an unknown one is a JSON 404, never the app's page. */
const API_PATH = /^\/(api(\/|$)|openapi\.json)/;

/**
 * The UI plugin. It is not encapsulated (like fastify-plugin's wrapper), so its security-header
 * hook covers the API's responses too. Register it before the instance is ready.
 */
export const uiPlugin: FastifyPluginAsync<UiOptions> = async (app, options) => {
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`no built UI in ${root}: run "vite build --config ui/vite.config.ts" first`);
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  // wildcard: false lists the built files once at start, so the catch-all route below stays ours.
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: true, maxAge: 0 });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (API_PATH.test(request.url)) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no API route ${request.method} ${request.url.split('?')[0]}` });
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
};
(uiPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

/** Registers the UI on an instance that is not yet ready (buildApi's instance is: see uiPlugin). */
export async function registerUi(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(uiPlugin, { root: distDir });
}

/** Where `npm run build` puts the UI, relative to this module in dist/serve or src/serve. */
export const defaultUiDir = (): string => fileURLToPath(new URL('../../dist/ui', import.meta.url));

/**
 * A front instance that serves the UI and forwards `/api/*` and `/openapi.json` to `api`, an
 * instance that is already ready (as `buildApi` returns it). For the end-to-end tests and dev
 * scripts; `crosscheck serve` registers `uiPlugin` inside buildApi instead.
 */
export async function serveUiBeside(api: FastifyInstance, distDir: string): Promise<FastifyInstance> {
  const front = Fastify({ logger: false });
  await front.register(uiPlugin, { root: distDir });
  const forward = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const { host: _host, 'content-length': _length, ...headers } = request.headers;
    const answer = await api.inject({ method: request.method as 'GET', url: request.url, headers, payload: request.body === undefined ? undefined : JSON.stringify(request.body) });
    const { 'content-length': _answerLength, 'transfer-encoding': _encoding, connection: _connection, ...answerHeaders } = answer.headers;
    return reply.code(answer.statusCode).headers(answerHeaders).send(answer.rawPayload);
  };
  front.all('/api/*', forward);
  front.get('/openapi.json', forward);
  await front.ready();
  return front;
}
