/**
 * JSON schemas of the API's requests and responses. They validate what comes in, shape what goes
 * out (fields not listed are not sent, except inside the records marked open), and are the source
 * of the OpenAPI document.
 */

import { STORY_PAGE_ONLY } from '../link/story-record.js';

const nullable = (type: string): { type: string[] } => ({ type: [type, 'null'] });
const span = {
  type: 'object',
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
} as const;
/** Nested records whose full shape is the contract's (docs/contract.md): passed through as they are. */
const open = (description: string): { type: string; additionalProperties: true; description: string } => ({ type: 'object', additionalProperties: true, description });

export const errorSchema = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
} as const;

const figureSchema = {
  type: 'object',
  properties: {
    min: nullable('number'),
    max: nullable('number'),
    conservative: nullable('number'),
    latest: nullable('number'),
    reports: { type: 'array', items: open('one source’s figure: article, source, min, max, hedge, text, span, attribution, asserted, copy, revised') },
  },
} as const;

export const eventSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    story: { type: 'string' },
    type: { type: 'string' },
    subtype: { type: 'string' },
    date: { anyOf: [{ type: 'null' }, { type: 'object', properties: { value: { type: 'string' }, precision: { type: 'integer' } } }] },
    location: { anyOf: [{ type: 'null' }, open('name, country, lat, lon, precision')] },
    actors: { type: 'array', items: { type: 'object', properties: { role: { type: 'string' }, key: nullable('string'), text: { type: 'string' } } } },
    killed: figureSchema,
    injured: figureSchema,
    articles: { type: 'array', items: { type: 'string' } },
    sources: { type: 'array', items: { type: 'string' } },
    independent_sources: { type: 'integer' },
    mentions: { type: 'array', items: { type: 'object', properties: { article: { type: 'string' }, ...span.properties } } },
    conflicts: { type: 'array', items: open('slot, kind (disagreement | revision), values with article, source, origin, asserted') },
    modality: { type: 'string' },
  },
} as const;

const summarySentence = { type: 'object', properties: { article: { type: 'string' }, ...span.properties } } as const;

export const storySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: nullable('string'),
    summary: { type: 'array', items: summarySentence },
    articles: { type: 'array', items: { type: 'string' } },
    events: { type: 'array', items: { type: 'string' } },
    first_seen: nullable('string'),
    last_seen: nullable('string'),
    outlets: { type: 'array', items: { type: 'string' } },
    original_articles: { type: 'integer' },
    independent_sources: { type: 'integer' },
    event_types: { type: 'array', items: { type: 'string' } },
    conflicting: { type: 'boolean' },
    timeline: { type: 'array', items: open('event, date, precision, type, subtype, location, sources, independent_sources') },
    framing: open('actors (labels per outlet), acts (verbs per event), attributions (cue verbs per speaker)'),
  },
} as const;

const listOf = (items: object): object => ({
  type: 'object',
  properties: { items: { type: 'array', items }, next: { ...nullable('string'), description: 'cursor of the next page, null on the last' } },
});

/** A story in a list: its record without summary, timeline and framing (the story's own endpoint has them). */
const storyListItemSchema = {
  type: 'object',
  description: 'a story without its summary, timeline and framing: GET /api/stories/{id} has them',
  properties: Object.fromEntries(Object.entries(storySchema.properties).filter(([key]) => !(STORY_PAGE_ONLY as readonly string[]).includes(key))),
} as const;

export const storyListSchema = listOf(storyListItemSchema);
export const eventListSchema = listOf(eventSchema);

export const storyDetailSchema = {
  type: 'object',
  properties: {
    story: storySchema,
    events: { type: 'array', items: eventSchema },
    articles: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, title: nullable('string'), url: nullable('string'), source: nullable('string'),
          published: nullable('string'), duplicate_of: nullable('string'),
        },
      },
    },
  },
} as const;

export const entitySchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    type: { type: 'string' },
    subtype: nullable('string'),
    name: { type: 'string' },
    aliases: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, count: { type: 'integer' } } } },
    mentions: { type: 'integer' },
    articles: { type: 'integer' },
    first_seen: nullable('string'),
    last_seen: nullable('string'),
    lat: nullable('number'),
    lon: nullable('number'),
    country: nullable('string'),
    precision: nullable('integer'),
  },
} as const;

export const entityListSchema = listOf(entitySchema);

export const articleSchema = open('the Analysis record of docs/contract.md plus story and duplicate_of');

export const searchSchema = {
  type: 'object',
  properties: {
    hits: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, title: nullable('string'), snippet: { type: 'string' }, rank: { type: 'number' } } },
    },
  },
} as const;

const inputRecord = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string', maxLength: 300 },
    url: { type: 'string', maxLength: 4000 },
    title: { type: 'string', maxLength: 2000 },
    published: { type: 'string', maxLength: 100 },
    source: { type: 'string', maxLength: 300 },
    text: { type: 'string' },
    html: { type: 'string' },
  },
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
} as const;

export const ingestBodySchema = { anyOf: [inputRecord, { type: 'array', minItems: 1, maxItems: 1000, items: inputRecord }] } as const;

export const ingestResultSchema = {
  type: 'object',
  properties: {
    stored: { type: 'integer' },
    unchanged: { type: 'integer' },
    rejected: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, reason: { type: 'string' } } } },
  },
} as const;
