/**
 * How the text holds an event: denied, threatened, planned, alleged, reported (attributed or
 * hedged), else asserted. Cues are looked for before the trigger in its sentence, nearest first
 * in the order of this table ("threatened reprisals" is a threat, not an attack).
 */
import type { Modality, Span } from '../../document.js';

const BEFORE_WINDOW = 60;

const RULES: ReadonlyArray<{ modality: Modality; cue: RegExp; anywhere?: boolean }> = [
  { modality: 'denied', cue: /\b(?:den(?:ied|ies|y|ying)|rejected (?:claims|reports|allegations) (?:of|that)|did not|didn['’]t|never)\b/i },
  { modality: 'threatened', cue: /\b(?:threat(?:en(?:ed|s|ing)?)?(?: to)?|vow(?:ed|s)? to|warn(?:ed|s) (?:of|that|it would)|ultimatum)\b/i },
  { modality: 'planned', cue: /\b(?:will|would|shall|plan(?:s|ned|ning)? to|planned|to be held|scheduled|set to|intend(?:s|ed)? to|expected to|going to|agree(?:d|s)? to|prepar(?:ing|es) to|could|might)\b/i },
  { modality: 'alleged', cue: /\b(?:alleged(?:ly)?|accused of|suspected(?: of)?|purported(?:ly)?|claimed responsibility)\b/i, anywhere: true },
  { modality: 'reported', cue: /\b(?:reportedly|reported|according to|said|says|claimed|announced|apparent(?:ly)?|stated|told)\b/i, anywhere: true },
];

/** The sentence-wide cue (alleged / reported) of a sentence, computed once for all its events. */
export function sentenceModality(body: string, sentence: Span): Modality | null {
  const whole = body.slice(sentence.start, sentence.end);
  return RULES.find((rule) => rule.anywhere === true && rule.cue.test(whole))?.modality ?? null;
}

/** Modality of one event; `sentenceWide` comes from `sentenceModality`. */
export function eventModality(body: string, sentence: Span, trigger: Span, attributed: boolean, isStatement: boolean, sentenceWide: Modality | null): Modality {
  const before = body.slice(Math.max(sentence.start, trigger.start - BEFORE_WINDOW), trigger.start);
  for (const rule of RULES) {
    if (isStatement && rule.modality !== 'reported') continue;
    if (rule.cue.test(before) || (rule.anywhere === true && sentenceWide === rule.modality)) return rule.modality;
  }
  return attributed ? 'reported' : 'asserted';
}
