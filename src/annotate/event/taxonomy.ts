/**
 * The event taxonomy and its trigger lexicon, loaded once from `data/event-taxonomy.json` (the
 * file documents its own format). Everything about which words make which events lives there, so
 * that tuning the lexicon never touches code.
 */
import { readFileSync } from 'node:fs';

interface SenseData {
  type: string;
  subtype: string;
  self?: string;
  near?: string;
  notNear?: string;
  window?: number;
  scope?: 'context' | 'victim' | 'agent';
  weak?: boolean;
}

interface TriggerData {
  match: string;
  senses: SenseData[];
  weak?: boolean;
}

interface RefinementData {
  /** One [type, sub-type], or several that the same cue turns into `to`. */
  from: [string, string] | Array<[string, string]>;
  scope?: 'context' | 'victim';
  cue: string;
  unless?: string;
  to: [string, string];
}

interface TaxonomyData {
  types: Record<string, string[]>;
  triggers: TriggerData[];
  refinements: RefinementData[];
  actorHeads: string[];
  actorModifiers: string[];
  symmetric: string[];
}

export interface Sense {
  type: string;
  subtype: string;
  self: RegExp | null;
  near: RegExp | null;
  notNear: RegExp | null;
  window: number;
  /** `context`: `near`/`notNear` are looked for on both sides; `victim` / `agent`: only where the trigger's victim / agent is named. */
  scope: 'context' | 'victim' | 'agent';
  /** This reading is weak even if its trigger's others are not ("fired" bullets, like "shot"); null: as its trigger. */
  weak: boolean | null;
}

export interface TriggerRule {
  senses: Sense[];
  weak: boolean;
}

export interface Refinement {
  /** `context`: the sentence and the next; `victim`: the object of an active trigger or the subject of a passive one. */
  scope: 'context' | 'victim';
  fromType: string;
  fromSubtype: string;
  cue: RegExp;
  /** A cue in the same scope that keeps the event as it is ("an off-duty soldier" is a civilian victim). */
  unless: RegExp | null;
  toType: string;
  toSubtype: string;
}

export interface Taxonomy {
  /** Event type → its sub-types, in main-event order. */
  types: ReadonlyMap<string, readonly string[]>;
  /** Rank of each type (0 = most salient) for picking a document's main event. */
  typeRank: ReadonlyMap<string, number>;
  triggers: readonly TriggerRule[];
  /** One global regex with one capture group per trigger, in lexicon order. */
  triggerPattern: RegExp;
  refinements: readonly Refinement[];
  actorHeads: ReadonlySet<string>;
  actorModifiers: ReadonlySet<string>;
  symmetricSubtypes: ReadonlySet<string>;
}

const DEFAULT_WINDOW = 80;

function compileSense(sense: SenseData): Sense {
  return {
    type: sense.type,
    subtype: sense.subtype,
    self: sense.self ? new RegExp(sense.self, 'i') : null,
    near: sense.near ? new RegExp(sense.near, 'i') : null,
    notNear: sense.notNear ? new RegExp(sense.notNear, 'i') : null,
    window: sense.window ?? DEFAULT_WINDOW,
    scope: sense.scope ?? 'context',
    weak: sense.weak ?? null,
  };
}

const isPair = (from: RefinementData['from']): from is [string, string] => typeof from[0] === 'string';
/** The [type, sub-type] pairs a refinement applies to. */
const sources = (r: RefinementData): Array<[string, string]> => (isPair(r.from) ? [r.from] : r.from);

function validate(data: TaxonomyData): void {
  const known = (type: string, subtype: string): boolean => data.types[type]?.includes(subtype) ?? false;
  for (const trigger of data.triggers) {
    for (const sense of trigger.senses) {
      if (!known(sense.type, sense.subtype)) throw new Error(`event taxonomy: unknown ${sense.type} / ${sense.subtype} in trigger ${trigger.match}`);
    }
  }
  for (const r of data.refinements) {
    if (!sources(r).every((from) => known(...from)) || !known(...r.to)) throw new Error(`event taxonomy: unknown type in refinement ${r.cue}`);
  }
}

export function compileTaxonomy(data: TaxonomyData): Taxonomy {
  validate(data);
  const typeNames = Object.keys(data.types);
  const alternatives = data.triggers.map((t) => `(${t.match.replace(/\((?!\?)/g, '(?:')})`).join('|');
  return {
    types: new Map(Object.entries(data.types)),
    typeRank: new Map(typeNames.map((name, i) => [name, i])),
    triggers: data.triggers.map((t) => ({ senses: t.senses.map(compileSense), weak: t.weak ?? false })),
    triggerPattern: new RegExp(`\\b(?:${alternatives})\\b`, 'gi'),
    refinements: data.refinements.flatMap((r) => {
      const cue = new RegExp(r.cue, 'i');
      const unless = r.unless ? new RegExp(r.unless, 'i') : null;
      return sources(r).map(([fromType, fromSubtype]) => ({ scope: r.scope ?? 'context', fromType, fromSubtype, cue, unless, toType: r.to[0], toSubtype: r.to[1] }));
    }),
    actorHeads: new Set(data.actorHeads),
    actorModifiers: new Set(data.actorModifiers),
    symmetricSubtypes: new Set(data.symmetric),
  };
}

let cached: Taxonomy | null = null;

export function taxonomy(): Taxonomy {
  if (!cached) {
    const text = readFileSync(new URL('../../../data/event-taxonomy.json', import.meta.url), 'utf8');
    cached = compileTaxonomy(JSON.parse(text) as TaxonomyData);
  }
  return cached;
}
