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
import { FOLDS_TO_ASCII, isSpace } from './characters.js';

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
/** Up to three modifiers (capitalised words included: "Kurdish", "VLF"), then a head; tried at one position (sticky). */
const LABEL_AT = new RegExp(`(?<![\\p{L}-])((?:${MODIFIER}[\\s]+){0,3})(${alternatives(HEAD_CLASS.keys())})(?![\\p{L}-])`, 'iuy');
/**
 * Where a head can begin: the first run of letters of some head ("armed" of "armed groups", "asylum"
 * of "asylum-seekers") as a whole run of letters, not after a hyphen. Every head of a label begins
 * at such a place, so the label pattern need only be tried just before them.
 */
const HEAD_FIRST_RUNS = alternatives(new Set([...HEAD_CLASS.keys()].map((head) => /^\p{L}+/u.exec(head)![0])));
const HEAD_START = new RegExp(`(?<![\\p{L}-])(?:${HEAD_FIRST_RUNS})(?!\\p{L})`, 'giu');
const HEAD_START_AT = new RegExp(HEAD_START.source, 'iuy');
/**
 * The same places, and some more, found by an ASCII pattern, several times faster than the Unicode
 * one on news text: the heads are ASCII, and a head's letters are ASCII letters unless spelt with
 * one of the characters Unicode case folding makes ASCII (`FOLDS_TO_ASCII`).
 */
const ASCII_HEAD_START = new RegExp(`(?<![A-Za-z])(?:${HEAD_FIRST_RUNS})(?![A-Za-z])`, 'gi');
const MAX_MODIFIERS = 3;

/** Where `HEAD_START` matches in `body`. */
function headStarts(body: string): number[] {
  const starts: number[] = [];
  if (FOLDS_TO_ASCII.test(body)) {
    for (const match of body.matchAll(HEAD_START)) starts.push(match.index!);
    return starts;
  }
  ASCII_HEAD_START.lastIndex = 0;
  for (let match = ASCII_HEAD_START.exec(body); match; match = ASCII_HEAD_START.exec(body)) {
    HEAD_START_AT.lastIndex = match.index;
    if (HEAD_START_AT.test(body)) starts.push(match.index);
  }
  return starts;
}

/** Where a label whose head begins at `head` can begin: up to three space-separated chunks before it. */
function labelWindowStart(body: string, head: number): number {
  let at = head;
  for (let k = 0; k < MAX_MODIFIERS; k++) {
    let chunkEnd = at;
    while (chunkEnd > 0 && isSpace(body.charCodeAt(chunkEnd - 1))) chunkEnd--;
    if (chunkEnd === at || chunkEnd === 0) break;
    let chunkStart = chunkEnd;
    while (chunkStart > 0 && !isSpace(body.charCodeAt(chunkStart - 1))) chunkStart--;
    at = chunkStart;
  }
  return at;
}

/** An ASCII letter or a hyphen before `at`: no label begins there (the pattern's look-behind). */
function wordGoesOn(body: string, at: number): boolean {
  if (at === 0) return false;
  const c = body.charCodeAt(at - 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * The matches of the label pattern over the whole body, left to right and not overlapping, as a
 * global scan would find them; the pattern is tried only at the few places a label can begin
 * (before a head word), which spares scanning every position of every article with it.
 */
function labelMatches(body: string): RegExpExecArray[] {
  const windows: Array<[start: number, end: number]> = [];
  for (const head of headStarts(body)) windows.push([labelWindowStart(body, head), head]);
  windows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const matches: RegExpExecArray[] = [];
  let next = 0;
  let untried = 0;
  for (const [start, end] of windows) {
    for (let at = Math.max(start, next, untried); at <= end; at++) {
      if (wordGoesOn(body, at)) continue;
      LABEL_AT.lastIndex = at;
      const match = LABEL_AT.exec(body);
      if (!match) continue;
      matches.push(match);
      next = at + match[0].length;
      at = next - 1;
    }
    untried = Math.max(untried, end + 1);
  }
  return matches;
}

const POSSESSIVE_OR_SPACE = /['’\s]/u;

const actorEntity = (e: Entity): boolean => e.type === 'ORG' || e.type === 'MISC' || (e.type === 'LOC' && e.subtype === 'country');

/** The entity a label phrase is tied to in the text, if any. */
function adjacentEntity(body: string, entities: readonly Entity[], start: number, end: number): Entity | null {
  const inside = entities.find((e) => e.start >= start && e.end <= end && actorEntity(e));
  if (inside) return inside;
  // Each test below first checks the one character the text between must begin with, so that the
  // text is cut out only for the few entities that can pass (they are many, and far from the label).
  const before = entities.find((e) => actorEntity(e) && e.end <= start && (e.end === start || POSSESSIVE_OR_SPACE.test(body[e.end]!)) && /^(?:['’]s)?\s*$/u.test(body.slice(e.end, start)));
  if (before) return before;
  const spaceAfter = end < body.length && isSpace(body.charCodeAt(end));
  const after = spaceAfter ? entities.find((e) => actorEntity(e) && e.start > end && /^\s+(?:of|from|with|loyal to|backed by|(?:group|movement|organisation|organization|faction))?\s*(?:the\s+)?$/iu.test(body.slice(end, e.start))) : undefined;
  if (after) return after;
  // Apposition: "the VLF, a separatist group,"
  const appositive = entities.find((e) => actorEntity(e) && e.end < start && body[e.end] === ',' && /^,\s+(?:an?|the)\s+$/iu.test(body.slice(e.end, start)));
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
  for (const match of labelMatches(body)) {
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
  for (const use of uses) {
    const list = byArticle.get(use.article.id);
    if (list) list.push(use);
    else byArticle.set(use.article.id, [use]);
  }
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
    const list = byActor.get(actor);
    if (list) list.push(use);
    else byActor.set(actor, [use]);
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
