/**
 * One rule on top of the tagger: an organisation named as "<head> of/for <Name>" ("Ministry of
 * Defence", "International Organization for Migration", "Syrian Observatory for Human Rights")
 * is one organisation. The tagger, trained on 1996 Reuters where "Defence Ministry" is the usual
 * order, tends to stop at the head noun and tag the rest separately.
 */
import type { LabelledSpan } from './labels.js';

const ORGANISATION_HEADS = new Set([
  'ministry', 'department', 'organization', 'organisation', 'observatory', 'council', 'commission',
  'committee', 'office', 'agency', 'institute', 'bank', 'university', 'academy', 'union', 'federation',
  'association', 'league', 'party', 'front', 'movement', 'court', 'board', 'authority', 'bureau',
  'foundation', 'society', 'centre', 'center', 'fund', 'corps', 'forces', 'army', 'directorate',
]);
const LINKS = new Set(['of', 'for']);
const INNER_LINKS = new Set(['of', 'for', 'and', '&', 'the']);
const DETERMINERS = new Set(['the', 'a', 'an']);

const capitalised = (token: string | undefined): boolean => token !== undefined && /^\p{Lu}/u.test(token);

/** End (exclusive) of the name after "<head> of": capitalised tokens, joined by small inner words. */
function nameEnd(tokens: readonly string[], from: number): number {
  let end = from;
  let i = from;
  while (i < tokens.length) {
    if (capitalised(tokens[i])) end = ++i;
    else if (INNER_LINKS.has(tokens[i]!.toLowerCase()) && capitalised(tokens[i + 1])) i++;
    else break;
  }
  return end;
}

/** Start of the capitalised words before the head ("Syrian Observatory"), without a leading determiner. */
function nameStart(tokens: readonly string[], head: number): number {
  let start = head;
  while (start > 0 && capitalised(tokens[start - 1]) && !DETERMINERS.has(tokens[start - 1]!.toLowerCase())) start--;
  return start;
}

/** Candidate "<Name> <Head> of/for <Name>" spans, as token ranges. */
function organisationNames(tokens: readonly string[]): Array<{ start: number; end: number }> {
  const names: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    // Cheapest test first: most tokens are not followed by "of"/"for".
    if (!LINKS.has(tokens[i + 1]!)) continue;
    const token = tokens[i]!;
    if (!ORGANISATION_HEADS.has(token.toLowerCase()) || !capitalised(token) || !capitalised(tokens[i + 2])) continue;
    const end = nameEnd(tokens, i + 2);
    names.push({ start: nameStart(tokens, i), end });
    i = end - 1;
  }
  return names;
}

/**
 * Replaces the entities inside each candidate name by one ORG, when the tagger found at least one
 * entity there and none crossing its edges. Headlines in capitals are left alone (every word is
 * capitalised there, so the name's end cannot be seen).
 */
export function mergeOrganisationNames(tokens: readonly string[], spans: readonly LabelledSpan[]): LabelledSpan[] {
  if (!tokens.some((t) => /\p{Ll}/u.test(t))) return [...spans];
  let result = [...spans];
  for (const name of organisationNames(tokens)) {
    const inside = result.filter((e) => e.start < name.end && name.start < e.end);
    const contained = inside.every((e) => e.start >= name.start && e.end <= name.end);
    if (inside.length === 0 || !contained) continue;
    result = result.filter((e) => !inside.includes(e));
    result.push({ start: name.start, end: name.end, type: 'ORG' });
    result.sort((x, y) => x.start - y.start);
  }
  return result;
}
