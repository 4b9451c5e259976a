/**
 * The one data structure that flows through the pipeline.
 *
 * read → extract → annotate → (link) → store → serve. Readers produce `InputRecord`s, extraction
 * turns one into a `Document` with a clean `body`, and every annotation stage is a function
 * `Document → Document` that adds one offset-based layer. All offsets are UTF-16 code-unit
 * indices into `body`, `start` inclusive, `end` exclusive, so that for every span
 * `body.slice(start, end) === text`.
 *
 * `AnalysisRecord` is the machine interface of `docs/contract.md`; `toAnalysisRecord` projects a
 * `Document` onto it (internal layers such as tokens stay out).
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** One input document as described by the contract ("Input record"). */
export interface InputRecord {
  id?: string;
  url?: string;
  source?: string;
  title?: string;
  published?: string;
  text?: string;
  html?: string;
  lang?: string;
}

/** Where a record came from, for error messages: a path, plus `#line 12` / `item 3` when inside a file. */
export type Origin = string;

export type PublishedOrigin = 'input' | 'meta' | 'text' | 'url';

export interface Published {
  /** TIMEX3 value: `2020-03-01`, `2020-03-01T08:00`, or coarser (`2020-03`). */
  value: string;
  origin: PublishedOrigin;
}

export interface Source {
  name: string | null;
  domain: string | null;
}

/** Internal layer: wink-nlp tokens (whitespace excluded). `pos` (Universal POS tag) is filled only when a stage needs it. */
export interface Token extends Span {
  pos?: string;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: `2020-02-27`, `2019-12`, `2020-W09`, `2018-FA`, `P3D`, `PXW`, `PRESENT_REF`, … */
  value: string;
}

/**
 * What a number measures. Only `count`s are head counts (people, things); the others are
 * quantities that carry a unit. Ordinals, years, dates, clock times, phone numbers and ages are
 * never in `numbers`.
 */
export type NumberKind = 'count' | 'money' | 'percent' | 'measure';

export interface NumberMention extends TextSpan {
  /** The point value when there is one ("33", "Around 13,000" → 13000); null for pure bounds ("dozens"). */
  value: number | null;
  /** Lower bound from the hedge ("at least 33" → 33, "dozens" → 24). */
  min: number | null;
  /** Upper bound from the hedge ("up to 50" → 50). */
  max: number | null;
  /** True for approximations: "around", "some", "an estimated", "dozens", "thousands". */
  approx: boolean;
  kind: NumberKind;
  /** Currency code or unit for money / measures (`USD`, `EUR`, `km`), else null. */
  unit: string | null;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Entity extends TextSpan {
  type: EntityType;
  subtype: string | null;
  key: string;
  name: string;
}

export interface Quote extends TextSpan {
  direct: boolean;
  cue: TextSpan | null;
  speaker: (TextSpan & { key: string | null }) | null;
}

export type Modality = 'asserted' | 'reported' | 'alleged' | 'denied' | 'threatened' | 'planned';

export interface EventActor extends TextSpan {
  role: 'agent' | 'target' | 'participant';
  key: string | null;
}

export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: 1 | 2 | 3;
}

/**
 * A geocoded place of the document: one per LOC entity key the gazetteer (or the text, "north of
 * Aleppo") could place. `precision` follows ACLED: 1 town or village, 2 district / region / near a
 * place, 3 country or vaguer; never finer than the text says.
 */
export interface DocumentPlace {
  key: string;
  name: string;
  country: string | null;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
  precision: 1 | 2 | 3;
  geonameid: number | null;
}

export interface Range {
  min: number | null;
  max: number | null;
}

export interface NewsEvent {
  type: string;
  subtype: string;
  trigger: TextSpan;
  sentence: Span;
  actors: EventActor[];
  location: EventLocation | null;
  date: { value: string; precision: 1 | 2 | 3 } | null;
  killed: Range;
  injured: Range;
  attribution: Attribution | null;
  modality: Modality;
}

export interface Attribution {
  text: string;
  key: string | null;
  cue: string;
}

export type ClaimKind = 'figure' | 'statement';

/**
 * One entry of the article's claims ledger: a reported figure (a count, sum or share, with its
 * hedge) or a statement (a quote), what it is about, who it is attributed to and when it was
 * asserted. `text`/`start`/`end` span the figure or the quoted content.
 */
export interface Claim extends TextSpan {
  kind: ClaimKind;
  /** What the claim is about: "Turkish soldiers killed", "migrants", or the speaker's name for a statement. */
  subject: string;
  value: number | null;
  min: number | null;
  max: number | null;
  approx: boolean;
  unit: string | null;
  /** The source the article credits, or null when the outlet asserts it in its own voice. */
  attribution: Attribution | null;
  /** When it was asserted: the time of the attribution ("said on Thursday"), else the publication date. */
  asserted: string | null;
  sentence: Span;
  /** Index in `events` of the event whose killed / injured figure this is, else null. */
  event: number | null;
}

/** The contract's Analysis record: exactly these fields, none left out. */
export interface AnalysisRecord {
  id: string;
  url: string | null;
  source: Source;
  title: string | null;
  published: Published | null;
  lang: string;
  body: string;
  sentences: Span[];
  entities: Entity[];
  times: TimeExpression[];
  numbers: NumberMention[];
  places: DocumentPlace[];
  quotes: Quote[];
  events: NewsEvent[];
  claims: Claim[];
}

/** The pipeline's working object: the Analysis record plus internal layers. */
export interface Document extends AnalysisRecord {
  tokens: Token[];
}

/** An annotation stage: adds or replaces one layer, never touches `body`. */
export type Stage = (doc: Document) => Document;

export function toAnalysisRecord(doc: Document): AnalysisRecord {
  return {
    id: doc.id,
    url: doc.url,
    source: doc.source,
    title: doc.title,
    published: doc.published,
    lang: doc.lang,
    body: doc.body,
    sentences: doc.sentences,
    entities: doc.entities,
    times: doc.times,
    numbers: doc.numbers,
    places: doc.places,
    quotes: doc.quotes,
    events: doc.events,
    claims: doc.claims,
  };
}

/** A document that could not be processed, with the reason a user can act on. */
export class RejectedInput extends Error {
  constructor(
    readonly origin: Origin,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`);
    this.name = 'RejectedInput';
  }
}
