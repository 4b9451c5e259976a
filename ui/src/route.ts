/**
 * Hash routes, so that serving the UI needs no server-side rewrites:
 * `#/` (stories, filters in the query), `#/story/ID`, `#/event/ID`, `#/article/ID?hl=START-END`,
 * `#/search?q=…`, `#/entity/KEY`. Ids are URI-encoded: they may hold `/`, `:` and `#`.
 */
export type Route =
  | { page: 'stories'; params: URLSearchParams }
  | { page: 'story'; id: string }
  | { page: 'event'; id: string }
  | { page: 'article'; id: string; highlight: { start: number; end: number } | null }
  | { page: 'search'; q: string }
  | { page: 'entity'; key: string }
  | { page: 'missing'; path: string };

const PATTERNS: Array<[RegExp, (m: RegExpExecArray, params: URLSearchParams) => Route]> = [
  [/^\/?$/, (_m, params) => ({ page: 'stories', params })],
  [/^\/story\/(.+)$/, (m) => ({ page: 'story', id: decodeURIComponent(m[1]!) })],
  [/^\/event\/(.+)$/, (m) => ({ page: 'event', id: decodeURIComponent(m[1]!) })],
  [/^\/article\/(.+)$/, (m, params) => ({ page: 'article', id: decodeURIComponent(m[1]!), highlight: parseHighlight(params.get('hl')) })],
  [/^\/search$/, (_m, params) => ({ page: 'search', q: params.get('q') ?? '' })],
  [/^\/entity\/(.+)$/, (m) => ({ page: 'entity', key: decodeURIComponent(m[1]!) })],
];

function parseHighlight(value: string | null): { start: number; end: number } | null {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split(/\?(.*)/s, 2);
  const params = new URLSearchParams(search);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return build(match, params);
  }
  return { page: 'missing', path };
}

export const href = {
  stories: (params?: Record<string, string>): string => {
    const search = new URLSearchParams(Object.entries(params ?? {}).filter(([, v]) => v !== '')).toString();
    return search ? `#/?${search}` : '#/';
  },
  story: (id: string): string => `#/story/${encodeURIComponent(id)}`,
  event: (id: string): string => `#/event/${encodeURIComponent(id)}`,
  article: (id: string, span?: { start: number; end: number }): string =>
    `#/article/${encodeURIComponent(id)}${span ? `?hl=${span.start}-${span.end}` : ''}`,
  search: (q: string): string => `#/search?${new URLSearchParams({ q }).toString()}`,
  entity: (key: string): string => `#/entity/${encodeURIComponent(key)}`,
};
