/**
 * The framing tables: labels per actor per outlet, the words for each event's act per outlet, and
 * attribution verbs per speaker per outlet.
 */
import type { ComponentChildren } from 'preact';
import type { StoryFraming, WordUse } from '../../src/link/framing.js';
import type { CanonicalEvent } from './api.js';
import { eventTitle, when } from './format.js';
import { href } from './route.js';

/** How a label was tied to its actor: a short tag in the cell, the full reason on hover and in the legend. */
const LINK_WORDS: Record<string, { tag: string; reason: string }> = {
  adjacent: { tag: 'named', reason: 'the actor is named in or next to the label' },
  article: { tag: 'article', reason: 'the same article ties this label to the actor elsewhere' },
  story: { tag: 'story', reason: 'the one armed group that the story ties to labels, named in this article' },
  class: { tag: '', reason: 'no named actor: counted for the class of actor' },
};

export function FramingTables({ framing, events, titles }: { framing: StoryFraming; events: CanonicalEvent[]; titles: Map<string, string> }) {
  const acts = actRows(framing.acts, events);
  if (framing.actors.length === 0 && acts.length === 0 && framing.attributions.length === 0) return <p class="status">No labels, words for events or attribution verbs found.</p>;
  return (
    <>
      {framing.actors.length > 0 && (
        <WordTable
          caption="How each outlet labels each actor: the label, how often, and how it was tied to the actor (named: next to the label; article: elsewhere in the same article; story: the story's one armed group). Rows in italics are classes of actor, not named ones."
          rowHeading="Actor"
          rows={framing.actors.map((a) => ({
            key: a.actor,
            header: a.actor.startsWith('class:') ? <em>{a.name}</em> : <a href={href.entity(a.actor)}>{a.name}</a>,
            uses: a.labels.map((l) => ({ ...l, note: LINK_WORDS[l.link]?.tag ?? l.link, reason: LINK_WORDS[l.link]?.reason ?? l.link })),
          }))}
          titles={titles}
          label="Framing: labels per actor and outlet"
        />
      )}
      {acts.length > 0 && <ActTables acts={acts} titles={titles} />}
      {framing.attributions.length > 0 && (
        <WordTable
          caption="Which verb each outlet uses to attribute a speaker's words"
          rowHeading="Speaker"
          rows={framing.attributions.map((a) => ({ key: a.speaker, header: <a href={href.entity(a.speaker)}>{a.name}</a>, uses: a.cues.map((c) => ({ ...c, note: '', reason: '' })) }))}
          titles={titles}
          label="Framing: attribution verbs per speaker and outlet"
        />
      )}
    </>
  );
}

/**
 * The words for each event's act. Events told by several outlets are the comparison and come
 * first, in a table of their own; those told by one outlet only are folded away below it, so that
 * a story of many events does not bury the comparison.
 */
function ActTables({ acts, titles }: { acts: ActRow[]; titles: Map<string, string> }) {
  const compared = acts.filter((a) => a.outlets > 1);
  const single = acts.filter((a) => a.outlets <= 1);
  return (
    <>
      {compared.length > 0 ? (
        <WordTable
          caption="Which word each outlet uses for the same event (the act itself, e.g. “captured” against “liberated”), how often; “words differ” marks an event the outlets name with different words."
          rowHeading="Event"
          rows={compared}
          titles={titles}
          label="Framing: words for each event per outlet"
        />
      ) : <p class="status">No event is told by more than one outlet: there are no words for the same act to compare.</p>}
      {single.length > 0 && (
        <details class="single-outlet-acts">
          <summary>Words for {single.length} event{single.length === 1 ? '' : 's'} told by one outlet only</summary>
          <WordTable caption="The word the one outlet uses for each of these events, how often" rowHeading="Event" rows={single} titles={titles} label="Framing: words for events told by one outlet" />
        </details>
      )}
    </>
  );
}

type ActRow = Row & { outlets: number };

/** One row per event that has words, headed by what, when and where and linked to the event's page; most outlets first, then story order. */
function actRows(acts: StoryFraming['acts'], events: CanonicalEvent[]): ActRow[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return acts
    .filter((act) => act.verbs.length > 0)
    .map((act, order) => {
      const outlets = new Set(act.verbs.map((v) => v.outlet)).size;
      const differ = outlets > 1 && new Set(act.verbs.map((v) => v.word)).size > 1;
      const event = byId.get(act.event);
      const header = (
        <>
          <a href={href.event(act.event)}>{event ? eventTitle(event) : act.event}</a>
          {event && (event.date || event.location) && (
            <span class="act-context">{[event.date ? when(event.date.value) : '', event.location?.name ?? ''].filter(Boolean).join(', ')}</span>
          )}
          {differ && <span class="link-kind words-differ">words differ</span>}
        </>
      );
      return { row: { key: act.event, header, uses: act.verbs.map((v) => ({ ...v, note: '', reason: '' })), outlets }, order };
    })
    .sort((a, b) => b.row.outlets - a.row.outlets || a.order - b.order)
    .map(({ row }) => row);
}

interface Row {
  key: string;
  header: ComponentChildren;
  uses: Array<WordUse & { note: string; reason: string }>;
}

function WordTable({ caption, rowHeading, rows, titles, label }: { caption: string; rowHeading: string; rows: Row[]; titles: Map<string, string>; label: string }) {
  const outlets = [...new Set(rows.flatMap((r) => r.uses.map((u) => u.outlet)))].sort();
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table class="framing">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">{rowHeading}</th>{outlets.map((o) => <th scope="col">{o}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {outlets.map((outlet) => (
                <td>
                  {row.uses.filter((u) => u.outlet === outlet).map((u) => <WordUseItem use={u} titles={titles} />)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One word in a cell: linked to its first example's span, its count, and how it was tied (labels only). */
export function WordUseItem({ use, titles }: { use: WordUse & { note?: string; reason?: string }; titles: Map<string, string> }) {
  const example = use.examples[0];
  return (
    <span class="word-use" title={use.reason || undefined}>
      {example ? <a href={href.article(example.article, example)} title={`e.g. in ${titles.get(example.article) ?? example.article}`}>{use.word}</a> : use.word}
      {' '}<span class="count">×{use.count}</span>
      {use.note && <> <span class={`link-kind link-${use.note}`}>{use.note}</span></>}
    </span>
  );
}
