/**
 * One key per person in a document. Full names are taken longest first; a shorter or misspelt form
 * joins the one full name it fits ("Tayyip Erdogan", "Erdogan", "Emanuelle Macron"), and stays
 * apart when it fits none or several ("Clinton" with both Hillary and Bill Clinton in the text).
 */
import { FIRST_NAMES } from '../ner/gazetteer/people.js';
import { fold, keyOf, type Mention } from './mention.js';
import { countryOfWord, isTitleWord, titleBefore, type TitleEvidence } from './titles.js';
import { isNameTypo, jaroWinkler } from './typos.js';

export interface PersonCluster {
  key: string;
  name: string;
  /** Folded name tokens of the canonical (longest) form. */
  tokens: string[];
  nationalities: Set<string>;
  roles: Set<string>;
  mentions: Mention[];
}

const KNOWN_FIRST_NAMES = new Set(FIRST_NAMES.map(fold));
const NAME_SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/;
/**
 * Words that end tagger "persons" which are really streets or institutions ("Devon Avenue",
 * "Rescue Squad"): a lone "Avenue" must not become that person.
 */
const NOT_SURNAMES = new Set(
  ('avenue street road drive boulevard lane highway square bridge south north east west squad sheriff college ' +
    'university school bus department county police station center centre hospital church court park city office')
    .split(' '),
);
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|an|ash|az|at)-/;

function nameTokens(text: string): string[] {
  return fold(text).split(/\s+/).filter((t) => t !== '');
}

/** Where the surname is: the last token, or the one before a suffix ("Jr.", "III"). */
function surnameIndex(tokens: readonly string[]): number {
  return tokens.length > 1 && NAME_SUFFIX.test(tokens[tokens.length - 1]!) ? tokens.length - 2 : tokens.length - 1;
}

function surnameOf(tokens: readonly string[]): string {
  return tokens[surnameIndex(tokens)]!;
}

/** "al-Assad" is also written "Assad": both forms index the person. */
function surnameKeys(surname: string): string[] {
  const bare = surname.replace(ARTICLE_PREFIX, '');
  return bare === surname ? [surname] : [surname, bare];
}

/**
 * Leading titles inside the span ("President Vladimir Putin", "French President Emmanuel Macron")
 * leave the span; they are evidence instead. A country word goes only before a title, so that
 * "Jordan Henderson" keeps his given name.
 */
function stripTitles(body: string, m: Mention): void {
  for (;;) {
    const match = /^(\S+)\s+(\S+)\s+(?=\S)|^(\S+)\s+(?=\S)/u.exec(body.slice(m.start, m.end));
    if (!match) return;
    const word = match[1] ?? match[3]!;
    const possessive = /^(.+?)['’]s$/u.exec(word);
    const nationalityBeforeTitle =
      match[2] !== undefined && isTitleWord(match[2]) && countryOfWord(possessive ? possessive[1]! : word) !== null;
    if (!isTitleWord(word) && !nationalityBeforeTitle) return;
    m.start += /^\S+\s+/u.exec(body.slice(m.start, m.end))![0].length;
  }
}

/** Given names agree: equal, an initial of the other, or a typo of it (never two different known names). */
function givenNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const initial = (t: string): boolean => /^\p{L}\.?$/u.test(t);
  if (initial(a) || initial(b)) return a[0] === b[0];
  if (KNOWN_FIRST_NAMES.has(a) && KNOWN_FIRST_NAMES.has(b)) return false;
  return isNameTypo(a, b);
}

function surnamesAgree(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a[0] === b[0] && jaroWinkler(a, b) >= 0.93);
}

/** The form's given names appear, in order, among the cluster's, and the surnames agree. */
function fits(form: readonly string[], cluster: readonly string[]): boolean {
  if (!surnamesAgree(surnameOf(form), surnameOf(cluster))) return false;
  const given = form.slice(0, surnameIndex(form));
  const clusterGiven = cluster.slice(0, surnameIndex(cluster));
  let j = 0;
  for (const name of given) {
    while (j < clusterGiven.length && !givenNamesAgree(name, clusterGiven[j]!)) j++;
    if (j === clusterGiven.length) return false;
    j++;
  }
  return true;
}

interface Form {
  tokens: string[];
  mentions: Mention[];
  firstKnown: boolean;
}

/** Longest first; among equally long, a known given name first (the right spelling), then the most frequent. */
function formOrder(a: Form, b: Form): number {
  return (
    b.tokens.length - a.tokens.length ||
    Number(b.firstKnown) - Number(a.firstKnown) ||
    b.mentions.length - a.mentions.length ||
    a.mentions[0]!.start - b.mentions[0]!.start
  );
}

function groupForms(mentions: readonly Mention[], body: string): Form[] {
  const forms = new Map<string, Form>();
  for (const m of mentions) {
    const tokens = nameTokens(body.slice(m.start, m.end));
    const id = tokens.join(' ');
    const form = forms.get(id);
    if (form) form.mentions.push(m);
    else forms.set(id, { tokens, mentions: [m], firstKnown: tokens.length > 1 && KNOWN_FIRST_NAMES.has(tokens[0]!) });
  }
  return [...forms.values()].sort(formOrder);
}

function candidatesFor(form: Form, bySurname: Map<string, PersonCluster[]>, all: readonly PersonCluster[]): PersonCluster[] {
  const surname = surnameOf(form.tokens);
  const exact = surnameKeys(surname).flatMap((s) => bySurname.get(s) ?? []);
  const pool = exact.length > 0 ? exact : all.filter((c) => surnamesAgree(surname, surnameOf(c.tokens)));
  if (form.tokens.length === 1 && NOT_SURNAMES.has(surname)) return [];
  return [...new Set(pool)].filter((c) => c.tokens.length > 1 && fits(form.tokens, c.tokens));
}

/** Clusters the PER mentions of one document and writes their keys and names. */
export function canonicalizePersons(body: string, mentions: readonly Mention[]): PersonCluster[] {
  const evidence = new Map<Mention, TitleEvidence>();
  for (const m of mentions) {
    stripTitles(body, m);
    const title = titleBefore(body, m.start);
    if (title) evidence.set(m, title.evidence);
  }
  const clusters: PersonCluster[] = [];
  const bySurname = new Map<string, PersonCluster[]>();
  for (const form of groupForms(mentions, body)) {
    const candidates = candidatesFor(form, bySurname, clusters);
    let cluster = candidates.length === 1 ? candidates[0]! : undefined;
    if (!cluster) {
      const first = form.mentions[0]!;
      const name = body.slice(first.start, first.end);
      cluster = { key: keyOf('PER', name), name, tokens: form.tokens, nationalities: new Set(), roles: new Set(), mentions: [] };
      clusters.push(cluster);
      for (const s of surnameKeys(surnameOf(form.tokens))) bySurname.set(s, [...(bySurname.get(s) ?? []), cluster]);
    }
    for (const m of form.mentions) {
      cluster.mentions.push(m);
      const title = evidence.get(m);
      if (title?.nationality) cluster.nationalities.add(title.nationality);
      if (title?.role) cluster.roles.add(title.role);
    }
  }
  for (const cluster of clusters) {
    for (const m of cluster.mentions) Object.assign(m, { key: cluster.key, name: cluster.name, subtype: null });
  }
  return clusters;
}
