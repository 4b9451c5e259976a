/** A canonical event: what, when, where, who, and each source's figures side by side. */
import type { Conflict, FigureReport, ReconciledFigure } from '../../src/link/events.js';
import type { CanonicalEvent } from './api.js';
import { Badge } from './common.js';
import { hedged, placePrecision, range, timePrecision, when } from './format.js';
import { href } from './route.js';

export const CONFLICT_WORDS: Record<Conflict['kind'], { badge: string; explain: string }> = {
  disagreement: { badge: 'sources disagree', explain: 'Different origins give different values.' },
  revision: { badge: 'revised', explain: 'The same origin updated its value later; not a conflict.' },
};

export function EventCard({ event, titles, anchor }: { event: CanonicalEvent; titles: Map<string, string>; anchor: string }) {
  const kinds = new Set(event.conflicts.map((c) => c.kind));
  const classes = ['event-card', kinds.has('disagreement') ? 'has-disagreement' : '', kinds.has('revision') ? 'has-revision' : ''].join(' ');
  return (
    <section class={classes} id={anchor} tabIndex={-1} aria-label={`Event: ${event.type}${event.subtype ? `, ${event.subtype}` : ''}`}>
      <h3>
        <a href={href.event(event.id)} title="Open this event's page">
          {event.type}{event.subtype && <span class="subtype"> · {event.subtype}</span>}
        </a>
        {kinds.has('disagreement') && <> <Badge kind="conflict">{CONFLICT_WORDS.disagreement.badge}</Badge></>}
        {kinds.has('revision') && <> <Badge kind="revision">{CONFLICT_WORDS.revision.badge}</Badge></>}
      </h3>
      <dl class="facts">
        <dt>When</dt>
        <dd>{event.date ? <>{when(event.date.value)} <span class={`precision precision-${event.date.precision}`}>{timePrecision(event.date.precision)}</span></> : 'undated'}</dd>
        <dt>Where</dt>
        <dd>{event.location ? <>{event.location.name}{event.location.country ? `, ${event.location.country}` : ''} <span class={`precision precision-${event.location.precision}`}>{placePrecision(event.location.precision)}</span></> : 'unknown'}</dd>
        {event.actors.length > 0 && (
          <>
            <dt>Who</dt>
            <dd>{event.actors.map((a, i) => <>{i > 0 && '; '}{a.key ? <a href={href.entity(a.key)}>{a.text}</a> : a.text} <span class="role">({a.role})</span></>)}</dd>
          </>
        )}
        <dt>Reported</dt>
        <dd>{event.modality}; {event.sources.length} outlet{event.sources.length === 1 ? '' : 's'}, {event.independent_sources} independent</dd>
      </dl>
      {(['killed', 'injured'] as const).map((slot) => event[slot].reports.length > 0 && <Figures slot={slot} figure={event[slot]} titles={titles} />)}
      {event.conflicts.length > 0 && <Conflicts conflicts={event.conflicts} />}
      <details>
        <summary>Mentions ({event.mentions.length})</summary>
        <ul>
          {event.mentions.map((m) => <li><a href={href.article(m.article, m)}>“{m.text}”</a> in {titles.get(m.article) ?? m.article}</li>)}
        </ul>
      </details>
    </section>
  );
}

function Figures({ slot, figure, titles }: { slot: 'killed' | 'injured'; figure: ReconciledFigure; titles: Map<string, string> }) {
  return (
    <div class="figures">
      <table>
        <caption>
          {slot}: range <strong>{range(figure.min, figure.max)}</strong>, conservative <strong>{range(figure.conservative, figure.conservative)}</strong>, latest <strong>{range(figure.latest, figure.latest)}</strong>
        </caption>
        <thead>
          <tr><th scope="col">Source</th><th scope="col">Figure</th><th scope="col">Attributed to</th><th scope="col">Asserted</th><th scope="col">Note</th></tr>
        </thead>
        <tbody>
          {figure.reports.map((r) => <ReportRow report={r} titles={titles} />)}
        </tbody>
      </table>
    </div>
  );
}

function ReportRow({ report, titles }: { report: FigureReport; titles: Map<string, string> }) {
  const span = report.start !== null && report.end !== null ? { start: report.start, end: report.end } : undefined;
  return (
    <tr class={report.copy ? 'copy' : report.revised ? 'revised' : ''}>
      <td><a href={href.article(report.article, span)} title={titles.get(report.article)}>{report.source ?? report.article}</a></td>
      <td class="figure">{hedged(report)}{report.text && <span class="quoted"> “{report.text}”</span>}</td>
      <td>{report.attribution ? `${report.attribution.text} (${report.attribution.cue})` : 'the outlet'}</td>
      <td>{when(report.asserted)}</td>
      <td>{[report.copy ? 'copy, not counted' : '', report.revised ? 'revised figure' : ''].filter(Boolean).join('; ')}</td>
    </tr>
  );
}

export function Conflicts({ conflicts }: { conflicts: Conflict[] }) {
  return (
    <ul class="conflicts" aria-label="Conflicts and revisions">
      {conflicts.map((c) => (
        <li class={`conflict conflict-${c.kind}`}>
          <strong>{c.slot}: {CONFLICT_WORDS[c.kind].badge}</strong> — {CONFLICT_WORDS[c.kind].explain}
          <ul>
            {c.values.map((v) => <li>{String(v.value)} — {v.source ?? v.article} citing {v.origin}{v.asserted ? `, ${when(v.asserted)}` : ''}</li>)}
          </ul>
        </li>
      ))}
    </ul>
  );
}
