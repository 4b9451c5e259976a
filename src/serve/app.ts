/**
 * The HTTP API (issue 6): Fastify with JSON-schema-validated requests and responses, and the
 * OpenAPI document generated from those schemas at `/openapi.json`. Reads go to the store; writes
 * (`POST /api/documents`) need the token `crosscheck serve` was started with. Lists page with
 * opaque cursors; GET responses carry an ETag and answer `If-None-Match` with 304; errors are
 * `{statusCode, error, message}` with a reason a client can act on.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { InputRecord } from '../document.js';
import type { CanonicalEvent } from '../link/events.js';
import type { StoryListItem } from '../link/story-record.js';
import type { EntityFilter, SearchHit, StoredArticle, StoredEntity } from '../store/index.js';
import { BadCursor, type EventFilter, type Page, type StoryDetail, type StoryFilter } from '../store/queries.js';
import {
  articleSchema,
  entityListSchema,
  entitySchema,
  errorSchema,
  eventListSchema,
  eventSchema,
  ingestBodySchema,
  ingestResultSchema,
  searchSchema,
  storyDetailSchema,
  storyListSchema,
} from './schemas.js';
import { uiPlugin } from './static.js';

/** What the API reads and writes; the store provides it (`storeBackend`), tests may fake it. */
export interface ApiBackend {
  stories(filter: StoryFilter, limit: number, cursor?: string): Promise<Page<StoryListItem>>;
  story(id: string): Promise<StoryDetail | null>;
  event(id: string): Promise<CanonicalEvent | null>;
  events(filter: EventFilter, limit: number, cursor?: string): Promise<Page<CanonicalEvent>>;
  article(id: string): Promise<StoredArticle | null>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  entities(filter: EntityFilter, limit: number, cursor?: string): Promise<Page<StoredEntity>>;
  entity(key: string): Promise<StoredEntity | null>;
  ingest(records: InputRecord[]): Promise<IngestResult>;
}

export interface IngestResult {
  stored: number;
  unchanged: number;
  rejected: Array<{ index: number; reason: string }>;
}

export interface ApiOptions {
  /** The bearer token that `POST /api/documents` requires; null turns HTTP ingest off. */
  token: string | null;
  /** Largest request body in bytes. */
  bodyLimit?: number;
  version?: string;
  logger?: boolean;
  /** The built web UI to serve at `/`, or null for the API alone. */
  uiDir?: string | null;
  /**
   * Requests one client (IP address) may make per minute before it is answered 429 with a
   * `retry-after` header; null turns the limit off. Default `DEFAULT_RATE_LIMIT`.
   */
  requestsPerMinute?: number | null;
}

/** Generous for a person in the web UI (a story page is a handful of requests), tight for a scraper loop. */
export const DEFAULT_RATE_LIMIT = 600;

const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
const DEFAULT_PAGE = 20;
const MAX_PAGE = 200;

const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: 'items per page' },
  cursor: { type: 'string', maxLength: 512, description: 'the `next` value of the previous page' },
} as const;
const dateParam = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export async function buildApi(backend: ApiBackend, options: ApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // An unknown parameter is a mistake to report ("colour=red"), not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });
  const perMinute = options.requestsPerMinute === undefined ? DEFAULT_RATE_LIMIT : options.requestsPerMinute;
  // Registered before the routes, so that every route (the UI's files included) is counted.
  if (perMinute !== null) {
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`more than ${context.max} requests in a minute from this client; retry in ${context.after}`), { statusCode: 429 }),
    });
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'crosscheck', description: 'Sourced, de-duplicated, cross-checked news events.', version: options.version ?? '0' },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, _request, reply) => {
    if (error instanceof BadCursor) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message });
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'internal error: see the server log' : error.message;
    if (status === 500) app.log.error(error);
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  });

  app.addHook('onSend', async (request, reply, payload) => withEtag(request, reply, payload));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  app.get<{ Querystring: StoryFilter & { limit: number; cursor?: string } }>(
    '/api/stories',
    {
      schema: {
        summary: 'Stories, most recently active first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 500, description: 'full-text query (websearch syntax)' },
            entity: { type: 'string', maxLength: 200, description: 'entity key, e.g. per:recep-tayyip-erdogan' },
            place: { type: 'string', maxLength: 200, description: 'place key, e.g. loc:idlib' },
            from: { ...dateParam, description: 'active on or after' },
            to: { ...dateParam, description: 'active on or before' },
            type: { type: 'string', maxLength: 100, description: 'event type, e.g. Battles' },
            ...pageQuery,
          },
        },
        response: { 200: storyListSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return backend.stories(filter, limit, cursor);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id',
    { schema: { summary: 'One story: its record, canonical events and articles', params: idParams, response: { 200: storyDetailSchema, 404: errorSchema } } },
    async (request, reply) => (await backend.story(request.params.id)) ?? notFound(reply, 'story', request.params.id),
  );

  app.get<{ Querystring: EventFilter & { limit: number; cursor?: string } }>(
    '/api/events',
    {
      schema: {
        summary: 'Canonical events, latest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { story: { type: 'string', maxLength: 300 }, type: { type: 'string', maxLength: 100 }, from: dateParam, to: dateParam, ...pageQuery },
        },
        response: { 200: eventListSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return backend.events(filter, limit, cursor);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/events/:id',
    { schema: { summary: 'One canonical event', params: idParams, response: { 200: eventSchema, 404: errorSchema } } },
    async (request, reply) => (await backend.event(request.params.id)) ?? notFound(reply, 'event', request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/api/articles/:id',
    { schema: { summary: 'One article with all its annotation layers', params: idParams, response: { 200: articleSchema, 404: errorSchema } } },
    async (request, reply) => (await backend.article(request.params.id)) ?? notFound(reply, 'article', request.params.id),
  );

  app.get<{ Querystring: EntityFilter & { limit: number; cursor?: string } }>(
    '/api/entities',
    {
      schema: {
        summary: 'Canonical entities across all articles, most mentioned first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] },
            prefix: { type: 'string', minLength: 1, maxLength: 200, description: 'canonical names starting with this text' },
            ...pageQuery,
          },
        },
        response: { 200: entityListSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return backend.entities(filter, limit, cursor);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/entities/:id',
    { schema: { summary: 'One canonical entity by key (e.g. loc:idlib)', params: idParams, response: { 200: entitySchema, 404: errorSchema } } },
    async (request, reply) => (await backend.entity(request.params.id)) ?? notFound(reply, 'entity', request.params.id),
  );

  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/search',
    {
      schema: {
        summary: 'Full-text search over articles (websearch syntax); snippets mark matches with <b>…</b> around raw text',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, limit: pageQuery.limit },
        },
        response: { 200: searchSchema, 400: errorSchema },
      },
    },
    async (request) => ({ hits: await backend.search(request.query.q, request.query.limit) }),
  );

  app.post<{ Body: InputRecord | InputRecord[] }>(
    '/api/documents',
    {
      schema: {
        summary: 'Ingest documents (input records of the contract); needs the bearer token',
        security: [{ token: [] }],
        body: ingestBodySchema,
        response: { 200: ingestResultSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
      preHandler: async (request, reply) => authorise(request, reply, options.token),
    },
    async (request) => backend.ingest(Array.isArray(request.body) ? request.body : [request.body]),
  );

  if (options.uiDir) await app.register(uiPlugin, { root: options.uiDir });
  await app.ready();
  return app;
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 300 } } } as const;

function notFound(reply: FastifyReply, what: string, id: string): FastifyReply {
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no ${what} with id "${id}"` });
}

async function authorise(request: FastifyRequest, reply: FastifyReply, token: string | null): Promise<void> {
  if (token === null) {
    await reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'ingest over HTTP is off: start crosscheck serve with CROSSCHECK_TOKEN set' });
    return;
  }
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const expected = createHash('sha256').update(token).digest();
  const actual = createHash('sha256').update(given).digest();
  if (given === '' || !timingSafeEqual(expected, actual)) {
    await reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'a valid "Authorization: Bearer <token>" header is required' });
  }
}

function withEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) {
    reply.code(304);
    return '';
  }
  return payload;
}
