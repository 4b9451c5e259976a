/** One story: summary, timeline, map, event cards, sources with lineage, framing. */
import { api, type CanonicalEvent, type StoryDetail } from './api.js';
import { Badge, Status } from './common.js';
import { EventCard } from './event-card.js';
import { FramingTables } from './framing.js';
import { count, eventTitle, timePrecision, when } from './format.js';
import { MapView } from './map-view.js';
import { href } from './route.js';
import { useLoad } from './use-load.js';

export function StoryPage({ id }: { id: string }) {
  const loaded = useLoad(id, () => api.story(id));
  return <Status loaded={loaded}>{(detail) => <StoryView detail={detail} />}</Status>;
}

const eventAnchor = (id: string): string => `event-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function StoryView({ detail }: { detail: StoryDetail }) {
  const { story, events, articles } = detail;
  const titles = new Map(articles.map((a) => [a.id, a.title ?? a.id]));
  return (
    <article class="story" aria-labelledby="story-heading">
      <header>
        <h1 id="story-heading">{story.title ?? story.id}</h1>
        <p class="meta">{when(story.first_seen)} – {when(story.last_seen)}</p>
        <p class="counts">
          <span>{count(story.articles.length, 'article')}</span>
          <span>{count(story.outlets.length, 'outlet')}</span>
          <span>{story.original_articles} original</span>
          <span>{count(story.independent_sources, 'independent source')}</span>
          {story.conflicting && <Badge kind="conflict" label="Sources give different figures or dates for an event">figures conflict</Badge>}
        </p>
      </header>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <ol class="summary">
          {story.summary.map((s) => (
            <li>
              <a href={href.article(s.article, s)} title={`From “${titles.get(s.article) ?? s.article}”`}>{s.text}</a>
            </li>
          ))}
        </ol>
      </section>

      <Timeline detail={detail} />

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">Where</h2>
        <MapView events={events} />
      </section>

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <p class="hint">Events with figures or conflicts first. Each source’s figure is shown as reported.</p>
        <div class="event-cards">
          {orderForReading(events).map((event) => <EventCard event={event} titles={titles} anchor={eventAnchor(event.id)} key={event.id} />)}
        </div>
      </section>

      <Sources detail={detail} />

      <section aria-labelledby="framing-heading">
        <h2 id="framing-heading">Framing</h2>
        <FramingTables framing={story.framing} events={events} titles={titles} />
      </section>
    </article>
  );
}

/** Conflicts first, then events with figures, then the rest, each group in story order. */
function orderForReading(events: CanonicalEvent[]): CanonicalEvent[] {
  const weight = (e: CanonicalEvent): number =>
    (e.conflicts.length > 0 ? 0 : 2) + (e.killed.reports.length + e.injured.reports.length > 0 ? 0 : 1);
  return events.map((e, i) => ({ e, i })).sort((a, b) => weight(a.e) - weight(b.e) || a.i - b.i).map(({ e }) => e);
}

function Timeline({ detail }: { detail: StoryDetail }) {
  const { story } = detail;
  const conflicted = new Set(detail.events.filter((e) => e.conflicts.length > 0).map((e) => e.id));
  const show = (id: string): void => {
    const card = document.getElementById(eventAnchor(id));
    card?.scrollIntoView({ block: 'start' });
    card?.focus();
  };
  const dated = story.timeline.filter((t) => t.date);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {dated.length === 0 ? <p class="status">No dated events.</p> : (
        <ol class="timeline">
          {dated.map((t) => (
            <li class={`precision-${t.precision}`}>
              <time dateTime={t.date ?? undefined}>{when(t.date)}</time>{' '}
              <span class={`precision precision-${t.precision}`}>{timePrecision(t.precision)}</span>{' '}
              <a href={href.event(t.event)}>{eventTitle(t)}</a>
              {t.location && <span class="where"> in {t.location}</span>}{' '}
              <button type="button" class="link show-card" onClick={() => show(t.event)} aria-label={`Show card of this ${t.type} event on this page`}>show card</button>
              <span class="sources"> — {t.sources.join(', ')} ({t.independent_sources} independent)</span>
              {conflicted.has(t.event) && <> <Badge kind="conflict">conflict</Badge></>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Sources({ detail }: { detail: StoryDetail }) {
  const copies = new Map<string, typeof detail.articles>();
  for (const a of detail.articles) if (a.duplicate_of) copies.set(a.duplicate_of, [...(copies.get(a.duplicate_of) ?? []), a]);
  const known = new Set(detail.articles.map((a) => a.id));
  const roots = detail.articles.filter((a) => !a.duplicate_of || !known.has(a.duplicate_of));
  const render = (a: (typeof detail.articles)[number]) => (
    <li>
      <a href={href.article(a.id)}>{a.title ?? a.id}</a>{' '}
      <span class="meta">{a.source ?? 'unknown outlet'}, {when(a.published)}</span>
      {a.duplicate_of && <> <Badge kind="copy" label={`copy of ${a.duplicate_of}`}>copy</Badge></>}
      {copies.has(a.id) && (
        <ul class="copies" aria-label="Copies of this article">
          {copies.get(a.id)!.map(render)}
        </ul>
      )}
    </li>
  );
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources and lineage</h2>
      <p class="hint">Copies are listed under the article they copy and count once as a source.</p>
      <ul class="sources-tree">{roots.map(render)}</ul>
    </section>
  );
}
