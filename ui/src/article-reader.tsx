/**
 * The article reader: the clean body rendered as text nodes only (never as HTML), with entities,
 * times, numbers, quotes and event triggers marked. Hover or focus on a mark explains it in the
 * panel beside the text. Layers overlap, so the body is cut into segments (segments.ts) and each
 * segment carries every layer that covers it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Claim, Entity, NewsEvent, NumberMention, Quote, TimeExpression } from '../../src/document.js';
import { api, type StoredArticle } from './api.js';
import { Status } from './common.js';
import { when } from './format.js';
import { href } from './route.js';
import { segmentBody, type Annotation, type Segment } from './segments.js';
import { useLoad } from './use-load.js';

type Layer = 'entity' | 'time' | 'number' | 'quote' | 'event' | 'highlight';

const LAYER_NAMES: Record<Layer, string> = { entity: 'entities', time: 'times', number: 'numbers', quote: 'quotes', event: 'events', highlight: 'followed passage' };

interface Note {
  layer: Layer;
  title: string;
  details: Array<[string, string]>;
  link?: { href: string; text: string };
}

const hedgeOf = (n: NumberMention): string =>
  n.min !== null && n.max !== null && n.min !== n.max ? `between ${n.min} and ${n.max}` : n.min !== null && n.value === null ? `at least ${n.min}` : n.max !== null && n.value === null ? `up to ${n.max}` : n.approx ? 'approximate' : 'exact';

/** One table row per layer: where its spans are and what to say about each. */
const LAYERS: Array<{ layer: Layer; spans: (a: StoredArticle) => Array<Annotation<Note>> }> = [
  { layer: 'quote', spans: (a) => a.quotes.map((q: Quote) => ({ start: q.start, end: q.end, info: { layer: 'quote', title: q.direct ? 'Direct quote' : 'Reported speech', details: [['speaker', q.speaker?.text ?? 'unknown'], ['speaker key', q.speaker?.key ?? '–'], ['cue', q.cue?.text ?? '–']] } })) },
  { layer: 'event', spans: (a) => a.events.map((e: NewsEvent) => ({ start: e.trigger.start, end: e.trigger.end, info: { layer: 'event', title: `Event: ${e.type}${e.subtype ? ` · ${e.subtype}` : ''}`, details: [['modality', e.modality], ['date', e.date ? when(e.date.value) : 'undated'], ['place', e.location?.name ?? '–'], ['killed', rangeText(e.killed)], ['injured', rangeText(e.injured)], ['attributed to', e.attribution?.text ?? 'the outlet']] } })) },
  { layer: 'entity', spans: (a) => a.entities.map((e: Entity) => ({ start: e.start, end: e.end, info: { layer: 'entity', title: `${e.type}${e.subtype ? ` (${e.subtype})` : ''}: ${e.name}`, details: [['key', e.key]], link: { href: href.entity(e.key), text: 'Stories that mention it' } } })) },
  { layer: 'time', spans: (a) => a.times.map((t: TimeExpression) => ({ start: t.start, end: t.end, info: { layer: 'time', title: `Time (${t.type})`, details: [['value', t.value]] } })) },
  { layer: 'number', spans: (a) => a.numbers.map((n: NumberMention) => ({ start: n.start, end: n.end, info: { layer: 'number', title: `Number (${n.kind})`, details: [['value', n.value === null ? '–' : String(n.value)], ['hedge', hedgeOf(n)], ['min', n.min === null ? '–' : String(n.min)], ['max', n.max === null ? '–' : String(n.max)], ['unit', n.unit ?? '–']] } })) },
];

function rangeText(r: { min: number | null; max: number | null }): string {
  if (r.min === null && r.max === null) return '–';
  return r.min === r.max ? String(r.min) : `${r.min ?? '?'}–${r.max ?? '?'}`;
}

export function ArticlePage({ id, highlight }: { id: string; highlight: { start: number; end: number } | null }) {
  const loaded = useLoad(id, () => api.article(id));
  return <Status loaded={loaded}>{(article) => <ArticleView article={article} highlight={highlight} />}</Status>;
}

function ArticleView({ article, highlight }: { article: StoredArticle; highlight: { start: number; end: number } | null }) {
  const [shown, setShown] = useState<Layer[]>(['entity', 'time', 'number', 'quote', 'event']);
  const [note, setNote] = useState<Note[] | null>(null);
  const annotations = LAYERS.filter((l) => shown.includes(l.layer)).flatMap((l) => l.spans(article));
  if (highlight) annotations.push({ ...highlight, info: { layer: 'highlight', title: 'The passage you followed here', details: [] } });
  const segments = segmentBody(article.body, annotations);
  useEffect(() => {
    document.querySelector('.hl-highlight')?.scrollIntoView({ block: 'center' });
  }, [article.id, highlight?.start]);
  const toggle = (layer: Layer): void => setShown((old) => (old.includes(layer) ? old.filter((l) => l !== layer) : [...old, layer]));
  return (
    <article class="reader" aria-labelledby="article-heading">
      <header>
        <h1 id="article-heading">{article.title ?? article.id}</h1>
        <p class="meta">
          {article.source.name ?? article.source.domain ?? 'unknown outlet'}, {when(article.published?.value)}
          {article.url && <> · <a href={article.url} rel="noreferrer noopener">original</a></>}
          {article.story && <> · <a href={href.story(article.story)}>its story</a></>}
          {article.duplicate_of && <> · copy of <a href={href.article(article.duplicate_of)}>{article.duplicate_of}</a></>}
        </p>
        <fieldset class="layers">
          <legend>Highlight</legend>
          {LAYERS.map(({ layer }) => (
            <label class={`hl-${layer}`}><input type="checkbox" checked={shown.includes(layer)} onChange={() => toggle(layer)} /> {LAYER_NAMES[layer]}</label>
          ))}
        </fieldset>
      </header>
      <div class="reader-columns">
        <div class="body" aria-label="Article text">
          {paragraphs(segments).map((paragraph) => <p>{paragraph.map((s) => <SegmentView segment={s} onExplain={setNote} />)}</p>)}
        </div>
        <aside class="explain" aria-label="What the marked text is" aria-live="polite">
          {note ? note.map((n) => <NoteView note={n} />) : <p class="hint">Hover over or focus on marked text to see what it is.</p>}
        </aside>
      </div>
      {article.claims.length > 0 && <ClaimsLedger claims={article.claims} />}
    </article>
  );
}

/** Splits segments at blank lines so the text keeps its paragraphs; text is only ever cut, never changed. */
function paragraphs(segments: Array<Segment<Note>>): Array<Array<Segment<Note>>> {
  const result: Array<Array<Segment<Note>>> = [[]];
  for (const segment of segments) {
    if (segment.covering.length > 0 || !/\n\s*\n/.test(segment.text)) {
      result.at(-1)!.push(segment);
      continue;
    }
    const pieces = segment.text.split(/(\n\s*\n)/);
    let offset = segment.start;
    for (const piece of pieces) {
      const part = { start: offset, end: offset + piece.length, text: piece, covering: [] };
      offset += piece.length;
      if (/^\n\s*\n$/.test(piece)) {
        result.at(-1)!.push(part);
        result.push([]);
      } else if (piece) result.at(-1)!.push(part);
    }
  }
  return result.filter((p) => p.length > 0);
}

function SegmentView({ segment, onExplain }: { segment: Segment<Note>; onExplain: (notes: Note[]) => void }) {
  if (segment.covering.length === 0) return <>{segment.text}</>;
  const notes = segment.covering.map((a) => a.info);
  const layers = [...new Set(notes.map((n) => n.layer))];
  const label = notes.map((n) => n.title).join('; ');
  const explain = (): void => onExplain(notes);
  const interactive = layers.some((l) => l !== 'highlight');
  return (
    <mark
      class={layers.map((l) => `hl-${l}`).join(' ')}
      data-layers={layers.join(' ')}
      title={label}
      tabIndex={interactive ? 0 : undefined}
      onMouseEnter={explain}
      onFocus={explain}
    >
      {segment.text}
    </mark>
  );
}

function NoteView({ note }: { note: Note }) {
  return (
    <div class={`note hl-${note.layer}`}>
      <h2>{note.title}</h2>
      {note.details.length > 0 && (
        <dl>{note.details.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl>
      )}
      {note.link && <a href={note.link.href}>{note.link.text}</a>}
    </div>
  );
}

function ClaimsLedger({ claims }: { claims: Claim[] }) {
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims ledger</h2>
      <div class="table-scroll" role="region" aria-label="Claims ledger" tabIndex={0}>
        <table>
          <thead><tr><th scope="col">Claim</th><th scope="col">About</th><th scope="col">Value</th><th scope="col">Attributed to</th><th scope="col">Asserted</th></tr></thead>
          <tbody>
            {claims.map((c) => (
              <tr>
                <td>“{c.text}”</td>
                <td>{c.subject}</td>
                <td>{c.kind === 'figure' ? (c.value !== null ? String(c.value) : rangeText(c)) : 'statement'}</td>
                <td>{c.attribution?.text ?? 'the outlet'}</td>
                <td>{when(c.asserted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
