/** The story list with its filters, and the entity page (the same list, filtered by an entity key). */
import { useEffect, useState } from 'preact/hooks';
import { api, type Page, type StoryFilter, type StoryListItem } from './api.js';
import { Badge, Status } from './common.js';
import { count, when } from './format.js';
import { href } from './route.js';
import { useLoad } from './use-load.js';

/** ACLED's event types, offered in the filter even before a story of that type exists. */
const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments', 'Displacement', 'Diplomacy', 'Statement'];
const FILTER_KEYS = ['q', 'type', 'from', 'to'] as const;

export function StoryListPage({ params }: { params: URLSearchParams }) {
  const filter: StoryFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return (
    <section aria-labelledby="stories-heading">
      <h1 id="stories-heading">Stories</h1>
      <Filters filter={filter} key={JSON.stringify(filter)} />
      <StoryResults filter={filter} />
    </section>
  );
}

function Filters({ filter }: { filter: StoryFilter }) {
  const submit = (event: Event): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const params: Record<string, string> = {};
    for (const key of FILTER_KEYS) params[key] = String(form.get(key) ?? '').trim();
    location.hash = href.stories(params);
  };
  return (
    <form class="filters" role="search" aria-label="Filter stories" onSubmit={submit}>
      <label>Text <input name="q" type="search" defaultValue={filter.q ?? ''} placeholder="words in the articles" /></label>
      <label>
        Event type
        <select name="type">
          <option value="">any</option>
          {EVENT_TYPES.map((type) => <option value={type} selected={type === filter.type}>{type}</option>)}
        </select>
      </label>
      <label>From <input name="from" type="date" defaultValue={filter.from ?? ''} /></label>
      <label>To <input name="to" type="date" defaultValue={filter.to ?? ''} /></label>
      <div class="filter-actions">
        <button type="submit">Apply</button>
        <a href="#/">Clear</a>
      </div>
    </form>
  );
}

export function StoryResults({ filter }: { filter: StoryFilter }) {
  const key = JSON.stringify(filter);
  const first = useLoad(key, () => api.stories(filter));
  const [more, setMore] = useState<StoryListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setNext(first.state === 'ready' ? first.value.next : null);
  }, [first]);
  const loadMore = async (): Promise<void> => {
    if (!next) return;
    const page: Page<StoryListItem> = await api.stories(filter, next);
    setMore((old) => [...old, ...page.items]);
    setNext(page.next);
  };
  return (
    <Status loaded={first}>
      {(page) => {
        const stories = [...page.items, ...more];
        if (stories.length === 0) return <p class="status">No story matches.</p>;
        return (
          <>
            <ol class="story-list" aria-label="Stories, most recently active first">
              {stories.map((story) => <StoryCard story={story} key={story.id} />)}
            </ol>
            {next && <button type="button" onClick={() => void loadMore()}>More stories</button>}
          </>
        );
      }}
    </Status>
  );
}

export function StoryCard({ story }: { story: StoryListItem }) {
  return (
    <li class="story-card">
      <h2><a href={href.story(story.id)}>{story.title ?? story.id}</a></h2>
      <p class="meta">
        <span>First seen {when(story.first_seen)}</span> · <span>last {when(story.last_seen)}</span>
      </p>
      <p class="counts">
        <span>{count(story.articles.length, 'article')}</span>
        <span>{count(story.outlets.length, 'outlet')}</span>
        <span>{count(story.independent_sources, 'independent source')}</span>
        {story.conflicting && <Badge kind="conflict" label="Sources give different figures or dates for an event">figures conflict</Badge>}
      </p>
      {story.event_types.length > 0 && (
        <ul class="tags" aria-label="Event types">
          {story.event_types.map((type) => <li>{type}</li>)}
        </ul>
      )}
    </li>
  );
}

export function EntityPage({ entityKey }: { entityKey: string }) {
  return (
    <section aria-labelledby="entity-heading">
      <h1 id="entity-heading">Stories mentioning <code>{entityKey}</code></h1>
      <StoryResults filter={{ entity: entityKey }} />
    </section>
  );
}
