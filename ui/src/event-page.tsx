/**
 * One canonical event on its own page: what, when and where (each with its precision), who, every
 * source's killed / injured figure side by side with what reconciling them gave, the conflicts,
 * the words each outlet used for it, and every mention, linked to its span in the article reader.
 */
import type { Conflict, FigureReport, ReconciledFigure } from '../../src/link/events.js';
import type { WordUse } from '../../src/link/framing.js';
import { api, type CanonicalEvent, type StoryDetail } from './api.js';
import { Badge, Status } from './common.js';
import { CONFLICT_WORDS, Conflicts } from './event-card.js';
import { WordUseItem } from './framing.js';
import { count, hedged, placePrecision, range, timePrecision, when } from './format.js';
import { MapView } from './map-view.js';
import { href } from './route.js';
import { useLoad } from './use-load.js';

type FigureSlot = 'killed' | 'injured';
type ArticleInfo = StoryDetail['articles'][number];

export function EventPage({ id }: { id: string }) {
  // The story brings what the event record only names by id: article titles and outlets, the
  // story's title, and the verbs each outlet used for this event (the story's framing).
  const loaded = useLoad(id, async () => {
    const event = await api.event(id);
    return { event, detail: await api.story(event.story) };
  });
  return <Status loaded={loaded}>{({ event, detail }) => <EventView event={event} detail={detail} />}</Status>;
}

function EventView({ event, detail }: { event: CanonicalEvent; detail: StoryDetail }) {
  const articles = new Map(detail.articles.map((a) => [a.id, a]));
  const disputed = new Set(event.conflicts.filter((c) => c.kind === 'disagreement').map((c) => c.slot));
  const revised = new Set(event.conflicts.filter((c) => c.kind === 'revision').map((c) => c.slot));
  const verbs = detail.story.framing.acts.find((a) => a.event === event.id)?.verbs ?? [];
  const storyTitle = detail.story.title ?? detail.story.id;
  return (
    <article class="event-page" aria-labelledby="event-heading">
      <p class="meta">Event of the story <a href={href.story(event.story)}>{storyTitle}</a></p>
      <header>
        <h1 id="event-heading">{event.type}{event.subtype && <span class="subtype"> · {event.subtype}</span>}</h1>
        <p class="counts">
          <span>{count(event.sources.length, 'outlet')}</span>
          <span>{count(event.independent_sources, 'independent source')}</span>
          <span>{count(event.mentions.length, 'mention')}</span>
          <span>{event.modality}</span>
          {disputed.size > 0 && <Badge kind="conflict" label={CONFLICT_WORDS.disagreement.explain}>sources disagree on {[...disputed].join(', ')}</Badge>}
          {revised.size > 0 && <Badge kind="revision" label={CONFLICT_WORDS.revision.explain}>revised: {[...revised].join(', ')}</Badge>}
        </p>
      </header>

      <div class="event-overview">
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading">What, when, where, who</h2>
          <dl class="facts">
            <dt>Type</dt>
            <dd>{event.type}</dd>
            <dt>Subtype</dt>
            <dd>{event.subtype || '–'}</dd>
            <dt>When</dt>
            <dd>
              {event.date ? <><time dateTime={event.date.value}>{when(event.date.value)}</time> <span class={`precision precision-${event.date.precision}`}>{timePrecision(event.date.precision)}</span></> : 'undated'}
              {disputed.has('date') && <> <Badge kind="conflict">sources disagree</Badge></>}
            </dd>
            <dt>Where</dt>
            <dd>
              {event.location ? (
                <>
                  {event.location.name}{event.location.country ? `, ${event.location.country}` : ''}{' '}
                  <span class={`precision precision-${event.location.precision}`}>{placePrecision(event.location.precision)}</span>
                  {event.location.lat !== null && event.location.lon !== null && <span class="meta"> ({event.location.lat.toFixed(3)}, {event.location.lon.toFixed(3)})</span>}
                </>
              ) : 'unknown'}
              {disputed.has('location') && <> <Badge kind="conflict">sources disagree</Badge></>}
            </dd>
            <dt>Who</dt>
            <dd>
              {event.actors.length === 0 ? 'no actor named' : (
                <ul class="actors" aria-label="Actors and their roles">
                  {event.actors.map((a) => <li>{a.key ? <a href={href.entity(a.key)}>{a.text}</a> : a.text} <span class="role">({a.role})</span></li>)}
                </ul>
              )}
            </dd>
            <dt>Outlets</dt>
            <dd>{event.sources.join(', ') || '–'}</dd>
          </dl>
        </section>
        <section aria-labelledby="event-map-heading" class="event-map">
          <h2 id="event-map-heading">Map</h2>
          <MapView events={[event]} unlocated="This event has no place on the map." />
        </section>
      </div>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures by source</h2>
        {(['killed', 'injured'] as const).every((slot) => event[slot].reports.length === 0) ? <p class="status">No source gives a killed or injured figure.</p> : (
          <>
            <p class="hint">Each source’s figure as it reported it. Rows whose value disagrees with another origin’s are marked; copies repeat their original and are not counted.</p>
            {(['killed', 'injured'] as const).map((slot) => event[slot].reports.length > 0 && <FigureTable slot={slot} figure={event[slot]} conflicts={event.conflicts} articles={articles} />)}
          </>
        )}
        {event.conflicts.length > 0 && <Conflicts conflicts={event.conflicts} />}
      </section>

      {verbs.length > 0 && <ActWords verbs={verbs} articles={articles} />}

      <section aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">Mentions</h2>
        <p class="hint">Each link opens the article with the mention marked.</p>
        <ul class="mentions">
          {event.mentions.map((m) => {
            const article = articles.get(m.article);
            return (
              <li>
                <a href={href.article(m.article, m)} aria-label={`“${m.text}” in ${article?.title ?? m.article}`}>“{m.text}”</a>{' '}
                in <cite>{article?.title ?? m.article}</cite>
                <span class="meta"> — {article?.source ?? 'unknown outlet'}, {when(article?.published)}</span>
                {article?.duplicate_of && <> <Badge kind="copy" label={`copy of ${article.duplicate_of}`}>copy</Badge></>}
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}

/** The articles of a disagreement on this slot: their rows are the ones to check. */
function disagreeingArticles(slot: FigureSlot, conflicts: Conflict[]): Set<string> {
  return new Set(conflicts.filter((c) => c.slot === slot && c.kind === 'disagreement').flatMap((c) => c.values.map((v) => v.article)));
}

function FigureTable({ slot, figure, conflicts, articles }: { slot: FigureSlot; figure: ReconciledFigure; conflicts: Conflict[]; articles: Map<string, ArticleInfo> }) {
  const disagreeing = disagreeingArticles(slot, conflicts);
  const headingId = `figures-${slot}`;
  return (
    <div class="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
      <table class={`figure-table${disagreeing.size > 0 ? ' has-disagreement' : ''}`}>
        <caption id={headingId}>
          <strong>{slot}</strong>: range {range(figure.min, figure.max)}, conservative {range(figure.conservative, figure.conservative)}, latest {range(figure.latest, figure.latest)}
          {disagreeing.size > 0 && <> <Badge kind="conflict">sources disagree</Badge></>}
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Reported</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Hedge</th>
            <th scope="col">Attributed to</th>
            <th scope="col">Asserted</th>
            <th scope="col">Copy</th>
            <th scope="col">Revised</th>
          </tr>
        </thead>
        <tbody>
          {figure.reports.map((report) => <FigureRow report={report} disagrees={disagreeing.has(report.article)} article={articles.get(report.article)} />)}
        </tbody>
      </table>
    </div>
  );
}

function FigureRow({ report, disagrees, article }: { report: FigureReport; disagrees: boolean; article: ArticleInfo | undefined }) {
  const span = report.start !== null && report.end !== null ? { start: report.start, end: report.end } : undefined;
  const classes = [disagrees ? 'disagrees' : '', report.copy ? 'copy' : '', report.revised ? 'revised' : ''].filter(Boolean).join(' ');
  const number = (n: number | null): string => (n === null ? '–' : n.toLocaleString('en'));
  return (
    <tr class={classes || undefined}>
      <th scope="row">
        <a href={href.article(report.article, span)} title={article?.title ?? report.article}>{report.source ?? article?.source ?? report.article}</a>
      </th>
      <td class="figure">
        {hedged(report)}{report.text && <span class="quoted"> “{report.text}”</span>}
        {disagrees && <> <Badge kind="conflict" label={CONFLICT_WORDS.disagreement.explain}>disagrees</Badge></>}
      </td>
      <td class="number">{number(report.min)}</td>
      <td class="number">{number(report.max)}</td>
      <td>{report.hedge}</td>
      <td>{report.attribution ? <>{report.attribution.key ? <a href={href.entity(report.attribution.key)}>{report.attribution.text}</a> : report.attribution.text} <span class="role">({report.attribution.cue})</span></> : 'the outlet'}</td>
      <td>{when(report.asserted)}</td>
      <td>{report.copy ? 'copy, not counted' : 'no'}</td>
      <td>{report.revised ? 'revised figure' : 'no'}</td>
    </tr>
  );
}

/** The story's framing for this event: which words each outlet used for the act. */
function ActWords({ verbs, articles }: { verbs: WordUse[]; articles: Map<string, ArticleInfo> }) {
  const titles = new Map([...articles].map(([id, a]) => [id, a.title ?? id]));
  const outlets = [...new Set(verbs.map((v) => v.outlet))].sort();
  return (
    <section aria-labelledby="acts-heading">
      <h2 id="acts-heading">Words for the act</h2>
      <div class="table-scroll" role="region" aria-label="Words each outlet used for this event" tabIndex={0}>
        <table class="framing acts">
          <caption>The word each outlet used for this event, how often, with an example (copies left out)</caption>
          <thead>
            <tr><th scope="col">Outlet</th><th scope="col">Words</th></tr>
          </thead>
          <tbody>
            {outlets.map((outlet) => (
              <tr>
                <th scope="row">{outlet}</th>
                <td>
                  {verbs.filter((v) => v.outlet === outlet).map((v) => <WordUseItem use={v} titles={titles} />)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
