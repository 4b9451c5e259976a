/**
 * Trigger detection: one pass of the lexicon's combined regex over the body, then the first sense
 * whose context constraints hold in the trigger's sentence. Weak triggers (bare "killed",
 * "refugees") are kept only in sentences without any strong trigger.
 */
import type { Span } from '../../document.js';
import { taxonomy, type Sense } from './taxonomy.js';

const VIOLENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);
const SPEECH_TYPES = new Set(['Statement', 'Diplomacy']);

export interface TriggerMention {
  start: number;
  end: number;
  text: string;
  type: string;
  subtype: string;
  weak: boolean;
  sentenceIndex: number;
}

/** Case-sensitive: "an IS attack" names a group, not an auxiliary. */
const PASSIVE_BEFORE = /\b(?:[Ww]as|[Ww]ere|[Bb]een|[Bb]eing|[Ii]s|[Aa]re)\s+(?:\w+ly\s+)?$/;
/** A reduced passive names its agent next: "the girl murdered by gang members". */
const AGENT_AFTER = /^\s+(?:\w+ly\s+)?by\b/i;
/** Triggers whose victim is their subject: "three militants were found dead", "a guard died". */
const SUBJECT_VICTIM = /^(?:dead|died|dies)$/i;

/** Where a telling ends before what it tells: "Police say | a boy has died", "told police | her son died". */
const TELLING = /\b(?:says?|said|told(?:\s+\w+)?|reported|believe[sd]?)\b|[:\u2013\u2014]/gi;
/** Where a clause ends, a telling or a conjunction: "… and | a guard died". */
const CLAUSE_BOUNDARY = /\b(?:says?|said|told(?:\s+\w+)?|reported|believe[sd]?|that|and|but|after|before|when|where|while|as|because|until)\b|[,;:\u2013\u2014]/gi;

/** The text after the last boundary: the subject side of a passive (after a telling) or intransitive (after any clause) trigger. */
function afterLast(boundaries: RegExp, before: string): string {
  let start = 0;
  for (const boundary of before.matchAll(boundaries)) start = boundary.index + boundary[0].length;
  return before.slice(start);
}

/**
 * Where the victim and the agent of a trigger are named: the victim after an active verb or a
 * noun ("attacked the base", "an attack on the base") and the agent before it; the other way round
 * for a passive verb, a reduced one ("a girl murdered by gang members") or a state of the victim
 * ("the base was attacked by rebels", "two guards were found dead"). `window` characters of the
 * sentence on each side; a victim before the trigger is read after the telling that introduces it.
 */
export function participantSides(body: string, sentence: Span, trigger: Span, window: number): { victim: string; agent: string } {
  const before = body.slice(Math.max(sentence.start, trigger.start - window), trigger.start);
  const after = body.slice(trigger.end, Math.min(sentence.end, trigger.end + window));
  if (SUBJECT_VICTIM.test(body.slice(trigger.start, trigger.end))) return { victim: afterLast(CLAUSE_BOUNDARY, before), agent: after };
  if (AGENT_AFTER.test(after)) {
    // "an attack by rebels on the base": the target follows the agent.
    const target = /\b(?:on|against)\b/i.exec(after);
    return { victim: target ? `${afterLast(TELLING, before)} ${after.slice(target.index)}` : afterLast(TELLING, before), agent: after };
  }
  return PASSIVE_BEFORE.test(before) ? { victim: afterLast(TELLING, before), agent: after } : { victim: after, agent: before };
}

function senseFits(sense: Sense, body: string, start: number, end: number, sentence: Span): boolean {
  if (sense.self && !sense.self.test(body.slice(start, end))) return false;
  if (!sense.near && !sense.notNear) return true;
  if (sense.scope !== 'context') {
    const side = participantSides(body, sentence, { start, end }, sense.window)[sense.scope];
    return (!sense.near || sense.near.test(side)) && (!sense.notNear || !sense.notNear.test(side));
  }
  const left = body.slice(Math.max(sentence.start, start - sense.window), start);
  const right = body.slice(end, Math.min(sentence.end, end + sense.window));
  if (sense.near && !sense.near.test(left) && !sense.near.test(right)) return false;
  return !sense.notNear || (!sense.notNear.test(left) && !sense.notNear.test(right));
}

export function findTriggers(body: string, sentences: readonly Span[]): TriggerMention[] {
  const { triggerPattern, triggers } = taxonomy();
  const found: TriggerMention[] = [];
  const strong = new Set<number>();
  /** Sentences with a strong trigger other than a statement: "workers gathered, demanding pay" is still a gathering. */
  const strongBesidesStatements = new Set<number>();
  const strongViolent = new Set<number>();
  /** Sentence → start of its first statement or diplomacy trigger ("threatened reprisals for the killing"). */
  const firstSpeech = new Map<number, number>();
  triggerPattern.lastIndex = 0;
  let sentenceIndex = 0;
  for (let m = triggerPattern.exec(body); m; m = triggerPattern.exec(body)) {
    while (sentenceIndex < sentences.length && sentences[sentenceIndex]!.end <= m.index) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    if (!sentence || sentence.start > m.index) continue;
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const rule = triggers[group - 1];
    if (!rule) continue;
    const end = m.index + m[0].length;
    for (const sense of rule.senses) {
      if (!senseFits(sense, body, m.index, end, sentence)) continue;
      const weak = sense.weak ?? rule.weak;
      found.push({ start: m.index, end, text: m[0], type: sense.type, subtype: sense.subtype, weak, sentenceIndex });
      if (!weak) {
        strong.add(sentenceIndex);
        if (sense.type !== 'Statement') strongBesidesStatements.add(sentenceIndex);
        if (VIOLENT_TYPES.has(sense.type)) strongViolent.add(sentenceIndex);
        if (SPEECH_TYPES.has(sense.type) && !firstSpeech.has(sentenceIndex)) firstSpeech.set(sentenceIndex, m.index);
      }
      break;
    }
  }
  return found.filter((t) => !t.weak || !redundant(t));

  /**
   * A bare casualty word is redundant beside a violent trigger, or after a statement that it is
   * the object of; a weak gathering gives way to any strong trigger but a statement (what the
   * gathered say: a demand, an appeal, a condemnation); other weak
   * triggers give way to any strong one.
   */
  function redundant(t: TriggerMention): boolean {
    if (t.type === 'Protests') return strongBesidesStatements.has(t.sentenceIndex);
    if (!VIOLENT_TYPES.has(t.type)) return strong.has(t.sentenceIndex);
    return strongViolent.has(t.sentenceIndex) || t.start > (firstSpeech.get(t.sentenceIndex) ?? Infinity);
  }
}
