/**
 * Framing (issue 5, part 6): for one story, how each outlet labels each actor ("rebels",
 * "terrorists", "Turkey-backed fighters"), which verb it uses for the same act ("liberate" /
 * "capture" / "seize") and which verb it uses to attribute a speaker's words ("said" /
 * "claimed" / "admitted"), with counts and example spans. Copies are left out: they repeat their
 * original's words and would count one outlet's choice twice.
 *
 * A label names an actor when the text ties it to an entity, and every use says how it was tied
 * (`link`), so a reader can judge it:
 * - `adjacent`: the entity is in or next to the phrase ("VLF fighters", "Karvonian troops",
 *   "fighters of the VLF", "the separatist group VLF", "the VLF, a rebel group");
 * - `article`: the same article ties this label word to that entity elsewhere;
 * - `story`: one armed group is tied to labels in the story and the article names it;
 * otherwise the label is counted for its class of actor (`class:armed-group`,
 * `class:people-on-the-move`, …), which is how "migrants" and "illegal immigrants" meet.
 */
import type { AnalysisRecord, Entity } from '../document.js';
import type { CanonicalEvent } from './events.js';
import { LABEL_HEADS, LABEL_MODIFIERS, MODIFIER_SHAPES, type ActorClass } from './framing-lexicon.js';

export type FramingArticle = Pick<AnalysisRecord, 'id' | 'source' | 'body' | 'entities' | 'quotes' | 'events'> & { duplicate_of: string | null };

export interface Example {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface WordUse {
  outlet: string;
  word: string;
  count: number;
  examples: Example[];
}

export interface ActorFraming {
  /** An entity key, or `class:<actor class>` for labels not tied to a named actor. */
  actor: string;
  name: string;
  labels: Array<WordUse & { link: LabelLink }>;
}

export interface StoryFraming {
  actors: ActorFraming[];
  /** Per canonical event, the verbs (triggers) each outlet used for it. */
  acts: Array<{ event: string; verbs: WordUse[] }>;
  /** Per speaker, the attribution verbs each outlet used. */
  attributions: Array<{ speaker: string; name: string; cues: WordUse[] }>;
}

export type LabelLink = 'adjacent' | 'article' | 'story' | 'class';

const MAX_EXAMPLES = 3;

interface LabelUse {
  article: FramingArticle;
  start: number;
  end: number;
  text: string;
  head: string;
  actorClass: ActorClass;
  key: string | null;
  name: string | null;
  link: LabelLink;
}

const HEAD_CLASS = new Map<string, ActorClass>();
for (const [actorClass, heads] of Object.entries(LABEL_HEADS) as Array<[ActorClass, readonly string[]]>) {
  for (const head of heads) if (!HEAD_CLASS.has(head)) HEAD_CLASS.set(head, actorClass);
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const MODIFIER = `(?:${MODIFIER_SHAPES}|${alternatives(LABEL_MODIFIERS)}|\\p{Lu}\\p{L}+)`;
/** Up to three modifiers (capitalised words included: "Kurdish", "VLF"), then a head. */
const LABEL = new RegExp(`(?<![\\p{L}-])((?:${MODIFIER}[\\s]+){0,3})(${alternatives(HEAD_CLASS.keys())})(?![\\p{L}-])`, 'giu');

const actorEntity = (e: Entity): boolean => e.type === 'ORG' || e.type === 'MISC' || (e.type === 'LOC' && e.subtype === 'country');

/** The entity a label phrase is tied to in the text, if any. */
function adjacentEntity(body: string, entities: readonly Entity[], start: number, end: number): Entity | null {
  const inside = entities.find((e) => e.start >= start && e.end <= end && actorEntity(e));
  if (inside) return inside;
  const before = entities.find((e) => actorEntity(e) && e.end <= start && /^(?:['’]s)?\s*$/u.test(body.slice(e.end, start)));
  if (before) return before;
  const after = entities.find((e) => actorEntity(e) && e.start >= end && /^\s+(?:of|from|with|loyal to|backed by|(?:group|movement|organisation|organization|faction))?\s*(?:the\s+)?$/iu.test(body.slice(end, e.start)));
  if (after) return after;
  // Apposition: "the VLF, a separatist group,"
  const appositive = entities.find((e) => actorEntity(e) && e.end <= start && /^,\s+(?:an?|the)\s+$/iu.test(body.slice(e.end, start)));
  return appositive ?? null;
}

const KNOWN_MODIFIER = new RegExp(`^(?:${MODIFIER_SHAPES}|${alternatives(LABEL_MODIFIERS)})$`, 'iu');

/**
 * Where the label phrase really starts: capitalised words before the head count only when they are
 * a known modifier or part of an entity ("Kurdish", "VLF"), not "The" or "When" opening a sentence.
 */
function phraseStart(body: string, entities: readonly Entity[], start: number, headStart: number): number {
  let at = start;
  for (const word of body.slice(start, headStart).matchAll(/\S+/gu)) {
    const wordStart = start + word.index!;
    const inEntity = entities.some((e) => e.start <= wordStart && wordStart < e.end);
    if (inEntity || KNOWN_MODIFIER.test(word[0])) break;
    at = wordStart + word[0].length;
  }
  while (at < headStart && /\s/u.test(body[at]!)) at++;
  return at;
}

function labelUses(article: FramingArticle): LabelUse[] {
  const uses: LabelUse[] = [];
  const { body, entities } = article;
  for (const match of body.matchAll(LABEL)) {
    const end = match.index! + match[0].length;
    const headStart = end - match[2]!.length;
    const start = phraseStart(body, entities, match.index!, headStart);
    const head = match[2]!.toLowerCase();
    const actorClass = HEAD_CLASS.get(head)!;
    const entity = adjacentEntity(body, entities, start, end);
    // An entity inside the phrase is the actor, not part of the label ("VLF fighters" → "fighters").
    const from = entity && entity.start >= start && entity.end <= end ? skipSpace(body, entity.end, headStart) : start;
    uses.push({
      article, start: from, end, text: body.slice(from, end), head, actorClass,
      key: entity?.key ?? null, name: entity?.name ?? null, link: entity ? 'adjacent' : 'class',
    });
  }
  return uses;
}

/** Past an entity's possessive and the space after it: "Karvonia's troops" → "troops". */
function skipSpace(body: string, at: number, limit: number): number {
  return at + (/^(?:['’]s)?\s*/u.exec(body.slice(at, limit))?.[0].length ?? 0);
}

/** Untied labels inherit the entity their word is tied to in the same article, else the story's one labelled armed group. */
function inheritActors(uses: LabelUse[]): void {
  const byArticle = new Map<string, LabelUse[]>();
  for (const use of uses) byArticle.set(use.article.id, [...(byArticle.get(use.article.id) ?? []), use]);
  const armedGroups = new Map<string, string>();
  for (const use of uses) if (use.key && use.actorClass === 'armed-group' && !use.key.startsWith('loc:')) armedGroups.set(use.key, use.name!);
  const onlyGroup = armedGroups.size === 1 ? [...armedGroups][0]! : null;
  for (const [, articleUses] of byArticle) {
    const tied = new Map<string, LabelUse>();
    for (const use of articleUses) if (use.key && !tied.has(use.head)) tied.set(use.head, use);
    for (const use of articleUses) {
      if (use.key) continue;
      const sameWord = tied.get(use.head);
      if (sameWord) {
        Object.assign(use, { key: sameWord.key, name: sameWord.name, link: 'article' });
      } else if (onlyGroup && use.actorClass === 'armed-group' && use.article.entities.some((e) => e.key === onlyGroup[0])) {
        Object.assign(use, { key: onlyGroup[0], name: onlyGroup[1], link: 'story' });
      }
    }
  }
}

const outletOf = (article: FramingArticle): string => article.source.name ?? article.source.domain ?? article.id;

/** Counts per (outlet, word), most used first, with a few examples each. */
function tally<T extends { article: FramingArticle; start: number; end: number; text: string }>(items: readonly T[], word: (item: T) => string): Array<WordUse & { first: T }> {
  const cells = new Map<string, WordUse & { first: T }>();
  for (const item of items) {
    const outlet = outletOf(item.article);
    const w = word(item);
    const id = `${outlet}\u0000${w}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { outlet, word: w, count: 0, examples: [], first: item };
      cells.set(id, cell);
    }
    cell.count++;
    if (cell.examples.length < MAX_EXAMPLES) cell.examples.push({ article: item.article.id, start: item.start, end: item.end, text: item.text });
  }
  return [...cells.values()].sort((a, b) => a.outlet.localeCompare(b.outlet) || b.count - a.count || a.word.localeCompare(b.word));
}

const strip = <T extends { first: unknown }>({ first: _first, ...rest }: T): Omit<T, 'first'> => rest;

export function frameStory(articles: readonly FramingArticle[], events: readonly CanonicalEvent[] = []): StoryFraming {
  const originals = articles.filter((a) => a.duplicate_of === null);
  const uses = originals.flatMap(labelUses);
  inheritActors(uses);
  const byActor = new Map<string, LabelUse[]>();
  for (const use of uses) {
    const actor = use.key ?? `class:${use.actorClass}`;
    byActor.set(actor, [...(byActor.get(actor) ?? []), use]);
  }
  const actors: ActorFraming[] = [...byActor]
    .map(([actor, list]) => ({
      actor,
      name: list.find((u) => u.name)?.name ?? actor.replace(/^class:/, '').replace(/-/g, ' '),
      labels: tally(list, (u) => u.text.toLowerCase().replace(/\s+/g, ' ')).map((cell) => ({ ...strip(cell), link: cell.first.link })),
    }))
    .sort((a, b) => b.labels.reduce((n, l) => n + l.count, 0) - a.labels.reduce((n, l) => n + l.count, 0) || a.actor.localeCompare(b.actor));

  const articleById = new Map(originals.map((a) => [a.id, a]));
  const acts = events.map((event) => {
    const mentions = event.mentions
      .map((m) => ({ ...m, article: articleById.get(m.article) }))
      .filter((m): m is typeof m & { article: FramingArticle } => m.article !== undefined);
    return { event: event.id, verbs: tally(mentions, (m) => m.text.toLowerCase()).map(strip) };
  });

  const bySpeaker = new Map<string, { name: string; cues: Array<{ article: FramingArticle; start: number; end: number; text: string }> }>();
  for (const article of originals) {
    for (const quote of article.quotes) {
      const key = quote.speaker?.key;
      if (!key || !quote.cue) continue;
      const name = article.entities.find((e) => e.key === key)?.name ?? quote.speaker!.text;
      const entry = bySpeaker.get(key) ?? { name, cues: [] };
      entry.cues.push({ article, ...quote.cue });
      bySpeaker.set(key, entry);
    }
  }
  const attributions = [...bySpeaker].map(([speaker, { name, cues }]) => ({ speaker, name, cues: tally(cues, (c) => c.text.toLowerCase()).map(strip) }));
  return { actors, acts, attributions };
}
