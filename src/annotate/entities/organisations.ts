/**
 * One key per organisation in a document: acronyms defined in the text ("Syrian Observatory for
 * Human Rights (SOHR)"), known acronyms and alternative names (EU → European Union), and short
 * forms of a longer name in the same text ("Syrian Observatory") all take the long form's key.
 */
import { isAcronym, organisationAlias, type AliasTarget } from './aliases.js';
import { fold, keyOf, mentionAt, type Mention } from './mention.js';

const ACRONYM_AFTER = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}.&-]{1,9})\s*\)/u;
/**
 * Words that end a complete institution's name: "United Nations" or "European Union" is a body of
 * its own, not a short form of "United Nations Security Council" or "European Union Naval Force".
 */
const INSTITUTION_HEADS = new Set(
  ('union council committee commission ministry agency party organization organisation army forces force front court ' +
    'bank fund assembly parliament office department bureau authority institute association federation league ' +
    'movement nations group government police service').split(' '),
);

/** Subtypes by the words of the name, in order: the first pattern that matches wins. */
const SUBTYPE_PATTERNS: ReadonlyArray<readonly [pattern: RegExp, subtype: string]> = [
  [/\b(?:Army|Armed Forces|Military|Navy|Air Force|Marines|Forces|National Guard|Revolutionary Guards?|Militia|Brigades?)\b/u, 'military'],
  [/\b(?:News Agency|Press Agency|Presse)\b/u, 'agency'],
  [/\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|TV|Television|Radio|Broadcasting|Telegraph)\b/u, 'news'],
  [/^(?:UN|U\.N\.|United Nations)\s/u, 'igo'],
];

function initials(words: readonly string[], capitalisedOnly: boolean): string {
  return words
    .filter((w) => !capitalisedOnly || /^\p{Lu}/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** "SOHR" abbreviates "Syrian Observatory for Human Rights": its letters are the words' initials. */
export function abbreviates(acronym: string, longForm: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}\p{N}]/gu, '');
  const words = longForm.split(/[\s-]+/).filter((w) => w !== '');
  if (words.length < 2 || letters.length < 2) return false;
  return letters === initials(words, true) || letters === initials(words, false);
}

/** The ORG mention of a defined acronym, added when the tagger missed it; returns the definitions. */
function acronymDefinitions(body: string, orgs: Mention[]): Map<string, Mention> {
  const defined = new Map<string, Mention>();
  const starts = new Set(orgs.map((m) => m.start));
  for (const m of [...orgs]) {
    const match = ACRONYM_AFTER.exec(body.slice(m.end, m.end + 16));
    if (!match || !abbreviates(match[1]!, body.slice(m.start, m.end))) continue;
    defined.set(match[1]!, m);
    const start = m.end + match[0].indexOf(match[1]!);
    if (!starts.has(start)) orgs.push(mentionAt(body, start, start + match[1]!.length, 'ORG'));
  }
  return defined;
}

/** "Syrian Observatory" is short for "Syrian Observatory for Human Rights" when the long form is in the text. */
function longerForm(text: string, longForms: readonly string[]): string | undefined {
  const words = text.split(/\s+/);
  if (words.length < 2 || INSTITUTION_HEADS.has(fold(words[words.length - 1]!)) || organisationAlias(text)) return undefined;
  const matches = longForms.filter((long) => long.length > text.length && long.startsWith(`${text} `));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Words that end a company's name without changing which company it is ("Ford Motor Company" is Ford). */
const CORPORATE_WORDS = new Set(
  ('inc inc. corp corp. corporation co co. company ltd ltd. limited plc llc ag gmbh sa s.a. nv n.v. bv spa ab group ' +
    'holdings holding motor motors computer computers airlines airways international').split(' '),
);

/** "Fiat Group SpA" → "fiat": the name with its trailing corporate words left off (one word at least). */
function companyStem(text: string): string {
  const words = fold(text).split(/\s+/);
  while (words.length > 1 && CORPORATE_WORDS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Texts of one company ("Apple", "Apple Inc.", "Apple Computer"): groups of two or more. */
function companyGroups(texts: readonly string[]): string[][] {
  const byStem = new Map<string, string[]>();
  for (const text of texts) byStem.set(companyStem(text), [...(byStem.get(companyStem(text)) ?? []), text]);
  return [...byStem.values()].filter((group) => group.length > 1);
}

/** "GM" for "General Motors" when that is the one name in the text with those initials. */
function expandedInText(acronym: string, texts: readonly string[]): string | undefined {
  const matches = texts.filter((t) => t !== acronym && (abbreviates(acronym, t) || abbreviates(acronym, withoutCorporateWords(t))));
  return matches.length === 1 ? matches[0] : undefined;
}

function withoutCorporateWords(text: string): string {
  const words = text.split(/\s+/);
  while (words.length > 2 && CORPORATE_WORDS.has(fold(words[words.length - 1]!))) words.pop();
  return words.join(' ');
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

function isLetterOrDigit(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  if (codePoint < 128) {
    return (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `index` (a surrogate pair counts as one, as in a `u` regex). */
function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/**
 * Starts of the non-overlapping occurrences of `phrase` not glued to a letter or digit on either
 * side, left to right: what `(?<![\p{L}\p{N}])phrase(?![\p{L}\p{N}])` finds with the `gu` flags,
 * without compiling a regular expression per phrase (phrases with surrogates still take that path).
 */
function standaloneOccurrences(body: string, phrase: string): number[] {
  if (SURROGATE.test(phrase)) {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
    return [...body.matchAll(pattern)].map((match) => match.index);
  }
  const starts: number[] = [];
  for (let at = body.indexOf(phrase); at >= 0; ) {
    const end = at + phrase.length;
    if (!isLetterOrDigit(codePointBefore(body, at)) && !isLetterOrDigit(body.codePointAt(end))) {
      starts.push(at);
      at = body.indexOf(phrase, end);
    } else {
      at = body.indexOf(phrase, at + 1);
    }
  }
  return starts;
}

/**
 * Short forms the tagger did not see as organisations: with "Syrian Observatory for Human Rights"
 * in the text, a later "the Syrian Observatory war monitor" names it too (the tagger saw only the
 * demonym). The first two words of a name of three or more, when they are not a complete body
 * of their own, are searched for; mentions of other types inside them give way.
 */
export function organisationShortForms(body: string, mentions: readonly Mention[]): Mention[] {
  const longForms = new Set(mentions.filter((m) => m.type === 'ORG').map((m) => body.slice(m.start, m.end)));
  const added: Mention[] = [];
  for (const long of longForms) {
    const words = long.split(/\s+/);
    if (words.length < 3) continue;
    const short = `${words[0]} ${words[1]}`;
    const sameKnownBody = aliasOf(short) !== undefined && aliasOf(short)?.name === aliasOf(long)?.name;
    if (!/^\p{Lu}/u.test(words[1]!) || (longerForm(short, [long]) !== long && !sameKnownBody)) continue;
    for (const start of standaloneOccurrences(body, short)) {
      const end = start + short.length;
      const taken = mentions.some((m) => m.start < end && start < m.end && (m.type !== 'MISC' || m.end > end || m.start < start));
      if (!taken && !added.some((a) => a.start === start)) added.push(mentionAt(body, start, end, 'ORG'));
    }
  }
  return added;
}

function subtypeByName(name: string): string | null {
  for (const [pattern, subtype] of SUBTYPE_PATTERNS) if (pattern.test(name)) return subtype;
  return null;
}

/** The other text of the document this one names: by definition, as an acronym of it, or as its short form. */
function linkedForm(body: string, text: string, texts: readonly string[], defined: Map<string, Mention>): string | undefined {
  const definition = isAcronym(text) ? defined.get(text) : undefined;
  if (definition) return body.slice(definition.start, definition.end);
  if (organisationAlias(text)) return undefined;
  return isAcronym(text) ? expandedInText(text, texts) : longerForm(text, texts);
}

function aliasOf(text: string): AliasTarget | undefined {
  return organisationAlias(text) ?? organisationAlias(text.replace(/^the\s+/iu, ''));
}

/** A known name's canonical form wins; otherwise the fullest written form that is not an acronym. */
function canonicalOfGroup(group: readonly string[], counts: ReadonlyMap<string, number>): { name: string; subtype: string | null } {
  const wordCount = (t: string): number => t.split(/\s+/).length;
  const ordered = [...group].sort(
    (a, b) => Number(isAcronym(a)) - Number(isAcronym(b)) || wordCount(b) - wordCount(a) || counts.get(b)! - counts.get(a)!,
  );
  for (const text of ordered) {
    const alias = aliasOf(text);
    if (alias) return { name: alias.name, subtype: alias.subtype ?? subtypeByName(alias.name) };
  }
  return { name: ordered[0]!, subtype: subtypeByName(ordered[0]!) };
}

/** Union-find over the texts of one document's organisations. */
class TextGroups {
  private readonly parent = new Map<string, string>();

  root(text: string): string {
    let at = text;
    while (this.parent.has(at)) at = this.parent.get(at)!;
    if (at !== text) this.parent.set(text, at);
    return at;
  }

  join(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Writes keys, names and subtypes of the ORG mentions; returns them with any acronym mentions added. */
export function canonicalizeOrganisations(body: string, mentions: readonly Mention[]): Mention[] {
  const orgs = [...mentions];
  const defined = acronymDefinitions(body, orgs);
  const counts = new Map<string, number>();
  for (const m of orgs) counts.set(body.slice(m.start, m.end), (counts.get(body.slice(m.start, m.end)) ?? 0) + 1);
  const texts = [...counts.keys()];
  const groups = new TextGroups();
  for (const text of texts) {
    const linked = linkedForm(body, text, texts, defined);
    if (linked !== undefined) groups.join(text, linked);
  }
  for (const group of companyGroups(texts.filter((t) => !aliasOf(t)))) for (const text of group) groups.join(text, group[0]!);
  const members = new Map<string, string[]>();
  for (const text of texts) members.set(groups.root(text), [...(members.get(groups.root(text)) ?? []), text]);
  const resolved = new Map<string, { name: string; subtype: string | null }>();
  for (const group of members.values()) {
    const canonical = canonicalOfGroup(group, counts);
    for (const text of group) resolved.set(text, canonical);
  }
  for (const m of orgs) {
    const { name, subtype } = resolved.get(body.slice(m.start, m.end))!;
    Object.assign(m, { key: keyOf('ORG', name), name, subtype });
  }
  return orgs;
}
