/**
 * Span repairs before canonicalisation: possessives ("Erdogan’s" → "Erdogan"), words glued by text
 * extraction ("belligerentRussia" → "Russia"), the Arabic article joined by a hyphen ("al-" +
 * "Lirmoun"), and place names the tagger typed as persons although the text says "the area of X".
 */
import type { Mention } from './mention.js';

const POSSESSIVE_END = /['’]s$/u;
/** No dot here: a final dot belongs to abbreviations ("U.S.", "Inc."), and tokens never end a sentence with one. */
const TRAILING_JUNK = /[\s,;:!?'’"“”)\]-]+$/u;
const LEADING_JUNK = /^[\s'’"“”(\[-]+/u;
/** A run of 3+ lower-case letters glued to a capitalised word: two words whose space was lost. */
const GLUED_PREFIX = /^\p{Ll}{3,}(?=\p{Lu}\p{Ll})/u;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])((?:al|el|Al|El|ad|ar|as|an|ash|az|at)-)$/u;
/** "Maarat al-Numan", "Deir ez-Zor", "Ras al-Ain": the name goes on after the article. */
const ARTICLE_NAME_AFTER = /^ (?:al|el|ad|ar|as|an|ash|az|at|ez|es|ed|er|en|et)-\p{Lu}[\p{L}'’]*/u;
const PLACE_NOUN_BEFORE =
  /\b(?:area|areas|town|village|city|district|province|region|suburb|outskirts|countryside|governorate|neighbou?rhood|camp)\s+of\s+$/iu;

/** Repairs one mention's span in place; returns false when nothing is left of it. */
export function repairSpan(body: string, m: Mention): boolean {
  let text = body.slice(m.start, m.end);
  const lead = LEADING_JUNK.exec(text)?.[0].length ?? 0;
  m.start += lead;
  text = text.slice(lead);
  const glued = GLUED_PREFIX.exec(text)?.[0].length ?? 0;
  m.start += glued;
  text = text.slice(glued);
  for (let pass = 0; pass < 2; pass++) text = text.replace(POSSESSIVE_END, '').replace(TRAILING_JUNK, '');
  m.end = m.start + text.length;
  const article = ARTICLE_BEFORE.exec(body.slice(Math.max(0, m.start - 5), m.start));
  if (article && (m.type === 'LOC' || m.type === 'PER')) m.start -= article[1]!.length;
  const rest = m.type === 'LOC' || m.type === 'PER' ? ARTICLE_NAME_AFTER.exec(body.slice(m.end, m.end + 40)) : null;
  if (rest) m.end += rest[0].length;
  return m.end > m.start && /\p{L}|\p{N}/u.test(body.slice(m.start, m.end));
}

/** An administrative unit named with its kind: "Idlib Province", "Aleppo Governorate", "Kherson Oblast". */
const ADMIN_UNIT_AFTER = /\s(?:Province|Governorate|Oblast|Prefecture|Region|District|County|Municipality)$/u;

/**
 * "the area of al-Lirmoun": a name after a place noun is a place, whatever the tagger thought; so
 * is a name ending in an administrative unit ("Idlib Province" is a region, not an organisation).
 */
export function retypeByPlaceNoun(body: string, m: Mention): void {
  if (m.type === 'ORG' || m.type === 'PER' || m.type === 'MISC') {
    if (ADMIN_UNIT_AFTER.test(body.slice(m.start, m.end))) {
      m.type = 'LOC';
      return;
    }
  }
  if (m.type !== 'PER' && m.type !== 'MISC') return;
  const before = body.slice(Math.max(0, m.start - 40), m.start);
  if (PLACE_NOUN_BEFORE.test(before)) m.type = 'LOC';
}
