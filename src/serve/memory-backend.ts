/**
 * An API backend held in memory: the articles are analysed and linked exactly as `ingest` does
 * (same pipeline, `linkAll`, `composeStory`), but nothing is stored. For developing the web UI and
 * for tests that need real stories without a database; `crosscheck serve` uses the store.
 */
import type { AnalysisRecord, InputRecord } from '../document.js';
import type { CanonicalEvent } from '../link/events.js';
import { linkAll, linkItemOf } from '../link/index.js';
import { composeStory, storyListItem, type StoryListItem, type StoryMember, type StoryRecord } from '../link/story-record.js';
import type { EntityFilter, SearchHit, StoredArticle, StoredEntity } from '../store/index.js';
import type { EventFilter, Page, StoryDetail, StoryFilter } from '../store/queries.js';
import type { ApiBackend, IngestResult } from './app.js';
import { analyzeInputs } from './store-backend.js';

export class MemoryBackend implements ApiBackend {
  private readonly records = new Map<string, AnalysisRecord>();
  private articlesById = new Map<string, StoredArticle>();
  private storiesById = new Map<string, StoryRecord>();
  private eventsByStory = new Map<string, CanonicalEvent[]>();

  constructor(private readonly now: Date = new Date()) {}

  /** Adds analysed records and re-links everything. */
  add(records: readonly AnalysisRecord[]): void {
    for (const record of records) this.records.set(record.id, record);
    const links = linkAll([...this.records.values()].map(linkItemOf));
    this.articlesById = new Map();
    for (const link of links) {
      const record = this.records.get(link.id)!;
      this.articlesById.set(link.id, { ...record, story: link.story, duplicate_of: link.duplicate_of });
    }
    const members = new Map<string, StoryMember[]>();
    for (const article of this.articlesById.values()) members.set(article.story!, [...(members.get(article.story!) ?? []), article]);
    this.storiesById = new Map();
    this.eventsByStory = new Map();
    for (const [id, list] of members) {
      const { story, events } = composeStory(id, list);
      this.storiesById.set(id, story);
      this.eventsByStory.set(id, events);
    }
  }

  async ingest(inputs: InputRecord[]): Promise<IngestResult> {
    const { analysed, rejected } = analyzeInputs(inputs, this.now);
    const unchanged = analysed.filter((r) => JSON.stringify(this.records.get(r.id)) === JSON.stringify(r)).length;
    this.add(analysed);
    return { stored: analysed.length - unchanged, unchanged, rejected };
  }

  async stories(filter: StoryFilter, limit: number, cursor?: string): Promise<Page<StoryListItem>> {
    const matches = [...this.storiesById.values()].filter((s) => this.storyMatches(s, filter));
    matches.sort((a, b) => (b.last_seen ?? '').localeCompare(a.last_seen ?? '') || (a.id < b.id ? 1 : -1));
    const found = pageOf(matches, limit, cursor);
    return { ...found, items: found.items.map(storyListItem) };
  }

  async story(id: string): Promise<StoryDetail | null> {
    const story = this.storiesById.get(id);
    if (!story) return null;
    const articles = story.articles
      .map((a) => this.articlesById.get(a)!)
      .map((a) => ({ id: a.id, title: a.title, url: a.url, source: a.source.name ?? a.source.domain, published: a.published?.value ?? null, duplicate_of: a.duplicate_of }));
    return { story, events: this.eventsByStory.get(id) ?? [], articles };
  }

  async event(id: string): Promise<CanonicalEvent | null> {
    for (const events of this.eventsByStory.values()) for (const event of events) if (event.id === id) return event;
    return null;
  }

  async events(filter: EventFilter, limit: number, cursor?: string): Promise<Page<CanonicalEvent>> {
    const all = [...this.eventsByStory.values()].flat().filter((e) =>
      (!filter.story || e.story === filter.story) && (!filter.type || e.type === filter.type) &&
      (!filter.from || (e.date?.value ?? '') >= filter.from) && (!filter.to || (e.date?.value ?? '').slice(0, 10) <= filter.to));
    all.sort((a, b) => (b.date?.value ?? '').localeCompare(a.date?.value ?? '') || (a.id < b.id ? 1 : -1));
    return pageOf(all, limit, cursor);
  }

  async article(id: string): Promise<StoredArticle | null> {
    return this.articlesById.get(id) ?? null;
  }

  /** A plain substring search (the store uses PostgreSQL full-text search). */
  async search(query: string, limit: number): Promise<SearchHit[]> {
    const needle = query.toLowerCase();
    const hits: SearchHit[] = [];
    for (const a of this.articlesById.values()) {
      const at = a.body.toLowerCase().indexOf(needle);
      if (at < 0) continue;
      const snippet = `${a.body.slice(Math.max(0, at - 60), at)}<b>${a.body.slice(at, at + needle.length)}</b>${a.body.slice(at + needle.length, at + needle.length + 60)}`;
      hits.push({ id: a.id, title: a.title, snippet, rank: 1 });
    }
    return hits.slice(0, limit);
  }

  async entities(filter: EntityFilter, limit: number, cursor?: string): Promise<Page<StoredEntity>> {
    const all = [...this.entityTable().values()]
      .filter((e) => (!filter.type || e.type === filter.type) && (!filter.prefix || e.name.toLowerCase().startsWith(filter.prefix.toLowerCase())))
      .sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : 1));
    return pageOf(all.map((e) => ({ ...e, id: e.key })), limit, cursor) as unknown as Page<StoredEntity>;
  }

  async entity(key: string): Promise<StoredEntity | null> {
    return this.entityTable().get(key) ?? null;
  }

  /** Entities across the articles, as the store aggregates them (by document key; no surname joins). */
  private entityTable(): Map<string, StoredEntity> {
    const table = new Map<string, StoredEntity & { seen: Set<string>; forms: Map<string, number> }>();
    for (const a of this.articlesById.values()) {
      const day = a.published?.value ?? null;
      for (const e of a.entities) {
        const entry = table.get(e.key) ?? {
          key: e.key, type: e.type, subtype: e.subtype, name: e.name, aliases: [], mentions: 0, articles: 0, first_seen: day, last_seen: day,
          lat: null, lon: null, country: null, precision: null, seen: new Set<string>(), forms: new Map<string, number>(),
        };
        entry.mentions++;
        entry.forms.set(e.text, (entry.forms.get(e.text) ?? 0) + 1);
        if (!entry.seen.has(a.id)) {
          entry.seen.add(a.id);
          entry.articles++;
          if (day && (!entry.first_seen || day < entry.first_seen)) entry.first_seen = day;
          if (day && (!entry.last_seen || day > entry.last_seen)) entry.last_seen = day;
        }
        const place = a.places.find((p) => p.key === e.key);
        if (place && entry.lat === null) Object.assign(entry, { lat: place.lat, lon: place.lon, country: place.country, precision: place.precision });
        table.set(e.key, entry);
      }
    }
    return new Map([...table].map(([key, { seen: _seen, forms, ...entity }]) => [key, {
      ...entity, aliases: [...forms].sort((x, y) => y[1] - x[1]).map(([text, count]) => ({ text, count })),
    }]));
  }

  private storyMatches(story: StoryRecord, filter: StoryFilter): boolean {
    const articles = story.articles.map((a) => this.articlesById.get(a)!);
    if (filter.q && !articles.some((a) => `${a.title ?? ''} ${a.body}`.toLowerCase().includes(filter.q!.toLowerCase()))) return false;
    if (filter.entity && !articles.some((a) => a.entities.some((e) => e.key === filter.entity))) return false;
    if (filter.place && !articles.some((a) => a.places.some((p) => p.key === filter.place))) return false;
    if (filter.from && (story.last_seen ?? '') < filter.from) return false;
    if (filter.to && (story.first_seen ?? '').slice(0, 10) > filter.to) return false;
    if (filter.type && !story.event_types.includes(filter.type)) return false;
    return true;
  }
}

function pageOf<T extends { id: string }>(sorted: T[], limit: number, cursor?: string): Page<T> {
  const from = cursor ? sorted.findIndex((item) => item.id === Buffer.from(cursor, 'base64url').toString('utf8')) + 1 : 0;
  const items = sorted.slice(from, from + limit);
  const more = from + limit < sorted.length;
  return { items, next: more ? Buffer.from(items.at(-1)!.id).toString('base64url') : null };
}
