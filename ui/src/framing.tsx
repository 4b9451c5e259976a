/** The framing tables: labels per actor per outlet, and attribution verbs per speaker per outlet. */
import type { StoryFraming, WordUse } from '../../src/link/framing.js';
import { href } from './route.js';

/** How a label was tied to its actor: a short tag in the cell, the full reason on hover and in the legend. */
const LINK_WORDS: Record<string, { tag: string; reason: string }> = {
  adjacent: { tag: 'named', reason: 'the actor is named in or next to the label' },
  article: { tag: 'article', reason: 'the same article ties this label to the actor elsewhere' },
  story: { tag: 'story', reason: 'the one armed group that the story ties to labels, named in this article' },
  class: { tag: '', reason: 'no named actor: counted for the class of actor' },
};

export function FramingTables({ framing, titles }: { framing: StoryFraming; titles: Map<string, string> }) {
  if (framing.actors.length === 0 && framing.attributions.length === 0) return <p class="status">No labels or attribution verbs found.</p>;
  return (
    <>
      {framing.actors.length > 0 && (
        <WordTable
          caption="How each outlet labels each actor: the label, how often, and how it was tied to the actor (named: next to the label; article: elsewhere in the same article; story: the story's one armed group). Rows in italics are classes of actor, not named ones."
          rows={framing.actors.map((a) => ({ key: a.actor, name: a.name, uses: a.labels.map((l) => ({ ...l, note: LINK_WORDS[l.link]?.tag ?? l.link, reason: LINK_WORDS[l.link]?.reason ?? l.link })) }))}
          titles={titles}
          label="Framing: labels per actor and outlet"
        />
      )}
      {framing.attributions.length > 0 && (
        <WordTable
          caption="Which verb each outlet uses to attribute a speaker's words"
          rows={framing.attributions.map((a) => ({ key: a.speaker, name: a.name, uses: a.cues.map((c) => ({ ...c, note: '', reason: '' })) }))}
          titles={titles}
          label="Framing: attribution verbs per speaker and outlet"
        />
      )}
    </>
  );
}

interface Row {
  key: string;
  name: string;
  uses: Array<WordUse & { note: string; reason: string }>;
}

function WordTable({ caption, rows, titles, label }: { caption: string; rows: Row[]; titles: Map<string, string>; label: string }) {
  const outlets = [...new Set(rows.flatMap((r) => r.uses.map((u) => u.outlet)))].sort();
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table class="framing">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">Actor</th>{outlets.map((o) => <th scope="col">{o}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.key.startsWith('class:') ? <em>{row.name}</em> : <a href={href.entity(row.key)}>{row.name}</a>}</th>
              {outlets.map((outlet) => (
                <td>
                  {row.uses.filter((u) => u.outlet === outlet).map((u) => (
                    <span class="word-use" title={u.reason || undefined}>
                      {u.examples[0] ? <a href={href.article(u.examples[0].article, u.examples[0])} title={`e.g. in ${titles.get(u.examples[0].article) ?? u.examples[0].article}`}>{u.word}</a> : u.word}
                      {' '}<span class="count">×{u.count}</span>
                      {u.note && <> <span class={`link-kind link-${u.note}`}>{u.note}</span></>}
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
