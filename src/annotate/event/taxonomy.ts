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
}

interface TriggerData {
  match: string;
  senses: SenseData[];
  weak?: boolean;
}

interface RefinementData {
  from: [string, string];
  scope?: 'context' | 'victim';
  cue: string;
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
  };
}

function validate(data: TaxonomyData): void {
  const known = (type: string, subtype: string): boolean => data.types[type]?.includes(subtype) ?? false;
  for (const trigger of data.triggers) {
    for (const sense of trigger.senses) {
      if (!known(sense.type, sense.subtype)) throw new Error(`event taxonomy: unknown ${sense.type} / ${sense.subtype} in trigger ${trigger.match}`);
    }
  }
  for (const r of data.refinements) {
    if (!known(...r.from) || !known(...r.to)) throw new Error(`event taxonomy: unknown type in refinement ${r.cue}`);
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
    refinements: data.refinements.map((r) => ({
      scope: r.scope ?? 'context', fromType: r.from[0], fromSubtype: r.from[1], cue: new RegExp(r.cue, 'i'), toType: r.to[0], toSubtype: r.to[1],
    })),
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
