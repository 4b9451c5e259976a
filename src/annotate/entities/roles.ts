/**
 * Role references: "Turkey’s president", "the Turkish president", "his French counterpart" become
 * mentions of the one person in the document whose title gives that nationality (and, unless the
 * role is a wildcard such as "counterpart" or "leader", that role). With no or several candidates
 * nothing is added. An apposition ("Macron, the French president,") names its person directly.
 */
import { COUNTRIES } from '../ner/gazetteer/places.js';
import { DEMONYM_WORDS, demonymOf } from './demonyms.js';
import type { Mention } from './mention.js';
import type { PersonCluster } from './persons.js';
import { countryOfWord, roleOf, roleReferencePattern, WILDCARD_ROLE } from './titles.js';

let pattern: RegExp | null = null;

function referencePattern(): RegExp {
  const countries = [...COUNTRIES, 'U.S.', 'US', 'UK', 'Britain', 'America'];
  const demonyms = DEMONYM_WORDS.filter((w) => demonymOf(w)?.place);
  pattern ??= roleReferencePattern(countries, demonyms);
  return pattern;
}

const APPOSITION_GAP = /^,\s+(?:the\s+|a\s+)?$/iu;
const NOT_CURRENT = /\b(?:former|ex|late|then|previous|next|future)[\s-]+$/iu;

function resolve(clusters: readonly PersonCluster[], nationality: string, role: string): PersonCluster | undefined {
  const fitting = clusters.filter(
    (c) => c.nationalities.has(nationality) && (role === WILDCARD_ROLE || c.roles.has(role)),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** New PER mentions for resolvable role references; LOC and MISC mentions inside them give way. */
export function addRoleReferences(body: string, mentions: readonly Mention[], clusters: readonly PersonCluster[]): Mention[] {
  const persons = mentions.filter((m) => m.type === 'PER').sort((a, b) => a.start - b.start);
  const personByStart = new Map(persons.map((p) => [p.start, p]));
  const clusterByKey = new Map(clusters.map((c) => [c.key, c]));
  const added: Mention[] = [];
  for (const match of body.matchAll(referencePattern())) {
    const start = match.index;
    const end = start + match[0].length;
    // "Turkish President Recep Tayyip Erdogan": a title before the name, already evidence for that person.
    const gap = /^[^\S\r\n]*,?[^\S\r\n]*/u.exec(body.slice(end, end + 8))![0];
    if (personByStart.has(end + gap.length)) continue;
    if (NOT_CURRENT.test(body.slice(Math.max(0, start - 12), start))) continue;
    // Role references are few per document: a scan of the persons per reference is cheap.
    const previous = persons.filter((p) => p.end <= start && start - p.end <= 8).pop();
    const apposed = previous && APPOSITION_GAP.test(body.slice(previous.end, start)) ? clusterByKey.get(previous.key) : undefined;
    const nationality = countryOfWord(match[1] ?? match[2]!);
    const role = roleOf(match[3]!);
    const person = apposed ?? (nationality && role ? resolve(clusters, nationality, role) : undefined);
    if (person) added.push({ start, end, type: 'PER', key: person.key, name: person.name, subtype: null });
  }
  const overlapsName = (a: Mention): boolean =>
    mentions.some((m) => (m.type === 'PER' || m.type === 'ORG') && m.start < a.end && a.start < m.end);
  const kept = added.filter((a) => !overlapsName(a));
  const swallowed = (m: Mention): boolean =>
    (m.type === 'LOC' || m.type === 'MISC') && kept.some((a) => m.start >= a.start && m.end <= a.end);
  return [...mentions.filter((m) => !swallowed(m)), ...kept];
}
