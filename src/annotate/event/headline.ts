/**
 * The toll a headline states ("3 killed, 12 wounded in Xton shooting", "Toddler killed, adult
 * critically injured", "Two shot in Xton"): news headlines give the main incident's casualties in
 * few words, and a web page's body does not always repeat them (a follow-up, a photo caption, a
 * lead that names the victim but not the count). Headlines drop articles and auxiliaries, so a
 * bare victim noun before a participle ("Teen wounded", "Man dead") is one victim, and a bare noun
 * after an active verb ("shoots wife", "hurts Xton child") one too.
 *
 * The figures only fill what the story's lead violent event lacks: a toll the body tells wins.
 */
import type { NewsEvent, Range } from '../../document.js';
import { findNumbers } from '../numbers.js';
import { sentenceCasualties, survivors, tally, type Casualty, type CasualtyKind } from './casualties.js';
import { VICTIM_NOUN_SOURCE } from './victim-lexicon.js';

/** Where a headline clause may open: its start, or after a colon, comma, semicolon, dash or "and". */
const CLAUSE_OPEN = String.raw`(?:^|[:;,–—|]\s*|\s-\s+|\band\s+)`;
/** Up to three modifiers before the noun: "17-year-old", "Xton County", "off-duty". */
const HEADLINE_MODIFIERS = String.raw`(?:[\w'’-]+\s+){0,3}?`;
/** A singular victim noun (not "men", "teens": a plural comes with a figure or tells none). */
const SINGULAR_NOUN = String.raw`${VICTIM_NOUN_SOURCE}(?![\w'’-])`;
/** "Teen killed", "Man dies", "Woman critically injured", "Boy, 7, shot": a bare subject (perhaps with an age) and its participle. */
const BARE_VICTIM = new RegExp(
  `${CLAUSE_OPEN}${HEADLINE_MODIFIERS}${SINGULAR_NOUN}(?:,\\s*\\d{1,2},)?\\s+(?:(?:is|was)\\s+)?(?:(?!fatally)\\w+ly\\s+)?` +
    String.raw`(?:(killed|dies|died|dead|shot dead|shot,? (?:and )?killed|shot to death|fatally shot|fatally wounded|slain|murdered|gunned down)|(wounded|injured|hurt|hospitali[sz]ed|grazed)|(shot|hit|struck))\b`,
  'gi',
);
/** "Man shoots wife in shoulder", "Accidental shooting hurts Xton child", "Father kills son": one victim after an active verb. */
const ACTIVE_BARE_VICTIM = new RegExp(
  String.raw`\b(?:(kills|fatally shoots|shoots and kills|shoots, kills|murders)|(wounds|injures|hurts)|(shoots))\s+${HEADLINE_MODIFIERS}${SINGULAR_NOUN}`,
  'gi',
);

const kindOf = (m: RegExpMatchArray): CasualtyKind => (m[1] ? 'killed' : m[2] ? 'injured' : 'hit');

/** Bare victims of a headline, each once, where the figures of the common rules found none of that kind. */
function bareVictims(title: string, found: readonly Casualty[]): Casualty[] {
  const bare: Casualty[] = [];
  for (const pattern of [BARE_VICTIM, ACTIVE_BARE_VICTIM]) {
    for (const m of title.matchAll(pattern)) {
      const kind = kindOf(m);
      if (found.some((c) => c.kind === kind) || bare.some((c) => c.kind === kind)) continue;
      bare.push({ kind, range: { min: 1, max: 1 }, at: m.index, revision: false });
    }
  }
  return bare;
}

/** The casualty figures of a headline: those the sentence rules read, plus its bare victims. */
export function headlineCasualties(title: string): Casualty[] {
  const span = { start: 0, end: title.length };
  const found = sentenceCasualties(title, span, findNumbers(title));
  return [...found, ...bareVictims(title, found)];
}

const isEmpty = (r: Range): boolean => r.min === null && r.max === null;

/**
 * Fills the event's missing killed / injured figures from the headline's. Those the headline says
 * were shot are the injured once the dead (the event's, or the headline's) are taken out: "Man
 * shot in Xton" over a story of a man shot dead adds no injured. Dead the body does not tell of
 * died of the wounds it does tell of, unless the headline counts the hurt itself.
 */
export function fillFromHeadline(event: NewsEvent, casualties: readonly Casualty[]): void {
  if (casualties.length === 0) return;
  const told = tally(casualties);
  const toldHurt = casualties.some((c) => c.kind !== 'killed');
  if (isEmpty(event.killed) && !isEmpty(told.killed)) {
    event.killed = told.killed;
    // "Teen fatally shot" over a body that tells only of a teen shot and hurt: the one hurt is the one who died.
    if (!isEmpty(event.injured) && !toldHurt) event.injured = survivors(event.injured, told.killed);
  }
  if (!isEmpty(event.injured)) return;
  if (told.shot) event.injured = survivors(told.shot, isEmpty(event.killed) ? told.killed : event.killed);
  else if (!isEmpty(told.injured)) event.injured = told.injured;
}
