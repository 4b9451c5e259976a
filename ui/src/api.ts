/** Typed reads of the crosscheck HTTP API (same origin: the server that serves this UI). */
import type { CanonicalEvent } from '../../src/link/events.js';
import type { StoryListItem, StoryRecord } from '../../src/link/story-record.js';
import type { SearchHit, StoredArticle } from '../../src/store/articles.js';
import type { Page, StoryDetail, StoryFilter } from '../../src/store/queries.js';

export type { CanonicalEvent, Page, SearchHit, StoredArticle, StoryDetail, StoryFilter, StoryListItem, StoryRecord };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new ApiError(response.status, body?.message ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

export const STORY_PAGE_SIZE = 30;

export const api = {
  stories: (filter: StoryFilter, cursor?: string): Promise<Page<StoryListItem>> =>
    getJson(`/api/stories?${query({ ...filter, limit: STORY_PAGE_SIZE, cursor })}`),
  story: (id: string): Promise<StoryDetail> => getJson(`/api/stories/${encodeURIComponent(id)}`),
  event: (id: string): Promise<CanonicalEvent> => getJson(`/api/events/${encodeURIComponent(id)}`),
  article: (id: string): Promise<StoredArticle> => getJson(`/api/articles/${encodeURIComponent(id)}`),
  search: (q: string): Promise<{ hits: SearchHit[] }> => getJson(`/api/search?${query({ q, limit: 50 })}`),
};
