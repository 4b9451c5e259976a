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

function senseFits(sense: Sense, body: string, start: number, end: number, sentence: Span): boolean {
  if (sense.self && !sense.self.test(body.slice(start, end))) return false;
  if (!sense.near && !sense.notNear) return true;
  const left = body.slice(Math.max(sentence.start, start - sense.window), start);
  const right = body.slice(end, Math.min(sentence.end, end + sense.window));
  if (sense.near && !sense.near.test(left) && !sense.near.test(right)) return false;
  return !sense.notNear || (!sense.notNear.test(left) && !sense.notNear.test(right));
}

export function findTriggers(body: string, sentences: readonly Span[]): TriggerMention[] {
  const { triggerPattern, triggers } = taxonomy();
  const found: TriggerMention[] = [];
  const strong = new Set<number>();
  /** Sentences with a strong trigger other than a demand: "workers gathered, demanding pay" is still a gathering. */
  const strongBesidesDemands = new Set<number>();
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
      found.push({ start: m.index, end, text: m[0], type: sense.type, subtype: sense.subtype, weak: rule.weak, sentenceIndex });
      if (!rule.weak) {
        strong.add(sentenceIndex);
        if (sense.subtype !== 'Demand') strongBesidesDemands.add(sentenceIndex);
        if (VIOLENT_TYPES.has(sense.type)) strongViolent.add(sentenceIndex);
        if (SPEECH_TYPES.has(sense.type) && !firstSpeech.has(sentenceIndex)) firstSpeech.set(sentenceIndex, m.index);
      }
      break;
    }
  }
  return found.filter((t) => !t.weak || !redundant(t));

  /**
   * A bare casualty word is redundant beside a violent trigger, or after a statement that it is
   * the object of; a weak gathering gives way to any strong trigger but a demand; other weak
   * triggers give way to any strong one.
   */
  function redundant(t: TriggerMention): boolean {
    if (t.type === 'Protests') return strongBesidesDemands.has(t.sentenceIndex);
    if (!VIOLENT_TYPES.has(t.type)) return strong.has(t.sentenceIndex);
    return strongViolent.has(t.sentenceIndex) || t.start > (firstSpeech.get(t.sentenceIndex) ?? Infinity);
  }
}
