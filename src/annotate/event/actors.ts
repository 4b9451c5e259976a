/**
 * Who did what to whom: actor noun phrases of the sentence (a head noun from the lexicon —
 * "forces", "soldiers", "drones" — with its modifiers: "33 Turkish soldiers", "government
 * forces") and the people and organisations named outside them. Roles come from voice and
 * position: before an active trigger → agent, after it → target, after "by" → agent, before a
 * passive one → target; symmetric sub-types (clashes, talks, protests) make everyone a participant.
 */
import type { Entity, EventActor, Span } from '../../document.js';
import { taxonomy } from './taxonomy.js';

const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|some|many|least|most|about|around|nearly|over|up|more|than|to)$/i;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$/i;
const BY_BEFORE = /\bby\s+(?:the\s+)?$/i;
const OF_GAP = /^\s+of\s+(?:the\s+)?$/;
const SOURCE_SUBTYPES = new Set(['news', 'agency']);

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && a.end > b.start;
}

const CAPITALIZED = /^\p{Lu}/u;
const AFFILIATION = /-(?:backed|led|allied|linked|affiliated|aligned|based)$/i;
const POSSESSIVE_END = /['’]s$/;
/** The word after a head, one space on: "government forces" is one head, not two. */
const NEXT_WORD = /^ (\p{L}+)/u;

function isModifier(word: string, modifiers: ReadonlySet<string>): boolean {
  if (modifiers.has(word.toLowerCase())) return true;
  if (CAPITALIZED.test(word)) return true;
  return NUMBER_WORD.test(word) || AFFILIATION.test(word);
}

let headPattern: RegExp | null = null;

function heads(): RegExp {
  headPattern ??= new RegExp(String.raw`\b(?:${[...taxonomy().actorHeads].join('|')})(?:['’]s)?\b`, 'gi');
  return headPattern;
}

const LEADING_HEDGE = /^(?:least|most|up|to|than|more)$/i;

/** What `\s` matches in a JavaScript regex: white space and line terminators. */
function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Characters a word before a head never spans: spaces, quotes, brackets and clause punctuation (`[\s"“”()[\];:!?]`). */
const WORD_FENCES: ReadonlySet<number> = new Set([...'"“”()[];:!?'].map((c) => c.charCodeAt(0)));
const endsWordLeftwards = (code: number): boolean => isRegexSpace(code) || WORD_FENCES.has(code);
/** Punctuation trimmed off the end of a word (`[.,'’-]`). */
const TRAILING_MARKS: ReadonlySet<number> = new Set([...".,'’-"].map((c) => c.charCodeAt(0)));
const isTrailingMark = (code: number): boolean => TRAILING_MARKS.has(code);

/** The word that ends right before `end` (one space between), or null at a boundary. */
function wordBefore(body: string, end: number, floor: number): Span | null {
  if (end - 1 < floor || body[end - 1] !== ' ') return null;
  let start = end - 1;
  while (start > floor && !endsWordLeftwards(body.charCodeAt(start - 1))) start--;
  let stop = end - 1;
  while (stop > start && isTrailingMark(body.charCodeAt(stop - 1))) stop--;
  return stop > start && stop === end - 1 ? { start, end: stop } : null;
}

/** Actor noun phrases: each head noun extended left over its modifiers ("33 Turkish soldiers"). */
export function nounPhrases(body: string, sentence: Span): Span[] {
  const { actorHeads, actorModifiers } = taxonomy();
  const pattern = heads();
  const text = body.slice(sentence.start, sentence.end);
  const phrases: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const possessive = POSSESSIVE_END.test(m[0]);
    const headEnd = sentence.start + m.index + m[0].length - (possessive ? 2 : 0);
    if (!possessive && text.charCodeAt(m.index + m[0].length) === 32) {
      const next = NEXT_WORD.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
      if (next && actorHeads.has(next[1]!.toLowerCase())) continue;
    }
    let first = sentence.start + m.index;
    const modifiers: Span[] = [];
    for (let word = wordBefore(body, first, sentence.start); word && isModifier(body.slice(word.start, word.end), actorModifiers); word = wordBefore(body, word.start, sentence.start)) {
      modifiers.push(word);
      if (modifiers.length >= 6) break;
    }
    while (modifiers.length > 0 && LEADING_HEDGE.test(body.slice(modifiers.at(-1)!.start, modifiers.at(-1)!.end))) modifiers.pop();
    if (modifiers.length > 0) first = modifiers.at(-1)!.start;
    phrases.push({ start: first, end: headEnd });
  }
  return phrases;
}

/** "Turkish President Recep Tayyip Erdogan": a title phrase and the name that follows it are one actor. */
/** True when `body.slice(from, to).trim()` is empty, read without slicing. */
function onlySpaceBetween(body: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isRegexSpace(body.charCodeAt(i))) return false;
  return true;
}

function withAppositions(body: string, phrases: readonly Span[], entities: readonly Entity[]): Span[] {
  return phrases.map((p) => {
    const name = entities.find((e) => e.type === 'PER' && e.start > p.end && onlySpaceBetween(body, p.end, e.start));
    return name ? { start: p.start, end: name.end } : p;
  });
}

/** "Turkish drone strikes", "government shelling", "the army's air strikes": the modifier is the agent. */
const PREMODIFIER_GAP = /^(?:['’]s)?\s+$/;

function isPremodifier(body: string, span: Span, trigger: Span): boolean {
  return span.end < trigger.start && PREMODIFIER_GAP.test(body.slice(span.end, trigger.start));
}

/** The key of the first person or organisation overlapping the span, else of the first entity that does. */
function keyOf(span: Span, entities: readonly Entity[]): string | null {
  let first: Entity | null = null;
  for (const e of entities) {
    if (!overlaps(e, span)) continue;
    if (e.type === 'PER' || e.type === 'ORG') return e.key;
    first ??= e;
  }
  return first?.key ?? null;
}

function roleOf(body: string, actor: Span, trigger: Span, symmetric: boolean, victims: readonly number[]): EventActor['role'] {
  if (symmetric) return 'participant';
  if (isPremodifier(body, actor, trigger)) return 'agent';
  if (victims.some((at) => at >= actor.start && at < actor.end)) return 'target';
  if (actor.start >= trigger.end) return BY_BEFORE.test(body.slice(Math.max(trigger.end, actor.start - 12), actor.start)) ? 'agent' : 'target';
  const passive = PASSIVE_BEFORE.test(body.slice(Math.max(0, trigger.start - 24), trigger.start));
  return passive ? 'target' : 'agent';
}

/** Actor candidates of one sentence, computed once for all its events. */
export interface SentenceActors {
  /** Noun phrases (with appositions) and named people / organisations outside them, in order. */
  spans: ReadonlyArray<Span & { key: string | null }>;
  /** Nationalities and places that may premodify a trigger ("Turkish drone strikes"). */
  modifiers: ReadonlyArray<Span & { key: string | null }>;
}

export function sentenceActors(body: string, sentence: Span, entities: readonly Entity[], exclude: readonly Span[]): SentenceActors {
  const inSentence = entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
  const phrases = withAppositions(body, nounPhrases(body, sentence), inSentence);
  const free = inSentence.filter((e) => !phrases.some((p) => overlaps(p, e)) && !SOURCE_SUBTYPES.has(e.subtype ?? '') && !exclude.some((x) => overlaps(x, e)));
  const named = free.filter((e) => e.type === 'PER' || e.type === 'ORG');
  const spans = [...phrases.filter((p) => !exclude.some((x) => overlaps(x, p))), ...named]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ start: s.start, end: s.end, key: keyOf(s, inSentence) }));
  const modifiers = free.filter((e) => e.type !== 'PER' && e.type !== 'ORG').map((e) => ({ start: e.start, end: e.end, key: e.key }));
  return { spans, modifiers };
}

export interface ActorContext {
  body: string;
  candidates: SentenceActors;
  trigger: Span;
  subtype: string;
  /** Offsets of casualty figures: the phrase holding one is a target ("33 Turkish soldiers were killed"). */
  victims: readonly number[];
}

export function eventActors(ctx: ActorContext): EventActor[] {
  const { body, trigger } = ctx;
  const premodifiers = ctx.candidates.modifiers.filter((m) => isPremodifier(body, m, trigger));
  const spans = [...ctx.candidates.spans, ...premodifiers].filter((s) => !overlaps(s, trigger));
  if (premodifiers.length > 0) spans.sort((a, b) => a.start - b.start);
  const symmetric = taxonomy().symmetricSubtypes.has(ctx.subtype);
  const actors: EventActor[] = [];
  for (const s of spans) {
    const previous = actors.at(-1);
    // "members of the Syrian army": the complement shares its head's role.
    const complement = previous && OF_GAP.test(body.slice(previous.end, s.start));
    const role = complement ? previous.role : roleOf(body, s, trigger, symmetric, ctx.victims);
    actors.push({ role, start: s.start, end: s.end, text: body.slice(s.start, s.end), key: s.key });
  }
  return actors;
}
