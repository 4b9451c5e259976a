/**
 * Canonical entities within one document (issue 3): every mention of one real entity gets the same
 * `key` and a canonical `name`, plus a `subtype`.
 *
 * Runs after the NER tagger (`annotateEntities`) and replaces `doc.entities`. In order:
 * 1. span repairs: possessives, glued words, the "al-" article, places after "the area of"; one
 *    type per surface form (the most frequent one the tagger gave it);
 * 2. a gazetteer safety net for known places, organisations and nationalities the tagger missed,
 *    and short forms of organisations named in full elsewhere in the text ("the Syrian Observatory");
 * 3. persons: titles leave the span and become evidence; full name, surname and misspelt forms
 *    cluster to the longest full form ("Erdogan" → per:recep-tayyip-erdogan);
 * 4. organisations: defined and known acronyms, aliases, short forms of a longer name;
 * 5. places: aliases, subtypes (country / city / region), compass regions ("northwestern Syria");
 * 6. nationalities: MISC demonyms keep type MISC, subtype 'nationality', and take the country's
 *    key ("Turkish" → loc:turkey, name "Turkey") so that linking joins them to the country;
 * 7. role references ("Turkey’s president", "his French counterpart") become PER mentions of
 *    the one matching person; the country or demonym inside such a reference gives way, because
 *    the entity layer stays flat (no overlapping mentions).
 */
import type { Entity, Stage } from '../../document.js';
import { byStart, mentionAt, toEntity, withoutOverlaps, type Mention } from './mention.js';
import { demonymOf } from './demonyms.js';
import { canonicalizeOrganisations, organisationShortForms } from './organisations.js';
import { canonicalizePersons } from './persons.js';
import { canonicalizeMisc, canonicalizePlaces } from './places.js';
import { addRoleReferences } from './roles.js';
import { safetyNet } from './safety-net.js';
import { repairSpan, retypeByPlaceNoun } from './spans.js';

export { abbreviates } from './organisations.js';
export { jaroWinkler } from './typos.js';

/**
 * One surface form, one type: the tagger sometimes types the same name differently in one text
 * ("Ryanair" as ORG and PER); the most frequent type wins, ties going to the first mention's.
 * Demonyms stay MISC whatever else happens.
 */
function harmoniseTypes(body: string, mentions: readonly Mention[]): void {
  const votes = new Map<string, Map<Mention['type'], number>>();
  for (const m of mentions) {
    const text = body.slice(m.start, m.end);
    const tally = votes.get(text) ?? new Map<Mention['type'], number>();
    tally.set(m.type, (tally.get(m.type) ?? 0) + 1);
    votes.set(text, tally);
  }
  for (const m of mentions) {
    const tally = votes.get(body.slice(m.start, m.end))!;
    if (tally.size < 2 || demonymOf(body.slice(m.start, m.end))) continue;
    let best = m.type;
    for (const [type, count] of tally) if (count > tally.get(best)!) best = type;
    m.type = best;
  }
}

function repaired(body: string, entities: readonly Entity[]): Mention[] {
  const mentions: Mention[] = [];
  for (const e of entities) {
    if (!(e.start >= 0 && e.end <= body.length && e.start < e.end)) continue;
    const m = mentionAt(body, e.start, e.end, e.type);
    if (!repairSpan(body, m)) continue;
    retypeByPlaceNoun(body, m);
    mentions.push(m);
  }
  const kept = withoutOverlaps(mentions);
  harmoniseTypes(body, kept);
  return kept;
}

/** Assigns canonical keys, names and subtypes to the NER mentions of one document and adds the mentions the tagger cannot see. */
export function canonicalizeEntities(body: string, entities: Entity[]): Entity[] {
  const tagged = repaired(body, entities);
  const found = [...tagged, ...safetyNet(body, tagged)];
  const shortForms = organisationShortForms(body, found);
  const inShortForm = (m: Mention): boolean => shortForms.some((o) => m.start >= o.start && m.end <= o.end);
  const mentions = [...found.filter((m) => !inShortForm(m)), ...shortForms];
  const ofType = (type: Mention['type']): Mention[] => mentions.filter((m) => m.type === type);
  const clusters = canonicalizePersons(body, ofType('PER'));
  const organisations = canonicalizeOrganisations(body, ofType('ORG'));
  canonicalizePlaces(body, ofType('LOC'));
  canonicalizeMisc(body, ofType('MISC'));
  const all = [...mentions.filter((m) => m.type !== 'ORG'), ...organisations];
  const withRoles = addRoleReferences(body, withoutOverlaps(all), clusters);
  return withoutOverlaps(withRoles).sort(byStart).map((m) => toEntity(body, m));
}

export const annotateCanonicalEntities: Stage = (doc) => ({
  ...doc,
  entities: canonicalizeEntities(doc.body, doc.entities),
});
