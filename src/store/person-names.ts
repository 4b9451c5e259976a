/**
 * Which person names are full names and which are surnames only, and the surname both share:
 * the store merges a document's surname-only key ("Erdogan") into the one full-name entity with
 * that surname ("Recep Tayyip Erdogan"). Pure functions, no database.
 */
import { slug } from '../annotate/ner/index.js';

export type NameKind = 'full' | 'surname' | 'other';

export interface ClassifiedName {
  kind: NameKind;
  /** Folded surname (slug form); null for `other`. */
  surname: string | null;
}

/** Lower-case words that begin a multi-word surname: "Ursula von der Leyen" → "von der Leyen". */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'le', 'la', 'ter', 'ten', 'zu',
  'bin', 'ibn', 'al', 'el', 'abu',
]);

/** Dropped from the end before finding the surname: "Martin Luther King Jr." → King. */
const GENERATIONAL_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** "al-Assad" and "Assad" name the same family: the hyphenated Arabic article is not part of the match. */
const HYPHENATED_ARTICLE = /^(?:al|el|ad|as|ash|at|ar|an|az|ud|ul)-(?=[\p{L}\p{N}])/u;

/** Same folding as entity keys: accents off, lower case, apostrophes dropped, other runs → "-". */
export const foldName: (text: string) => string = slug;

function surnameOf(words: readonly string[]): string | null {
  const folded = foldName(words.join(' ')).replace(HYPHENATED_ARTICLE, '');
  return folded || null;
}

const isParticle = (word: string): boolean => /^\p{Ll}/u.test(word) && SURNAME_PARTICLES.has(word);

function nameWords(name: string): string[] {
  const words = name.trim().split(/[\s,]+/).filter(Boolean);
  while (words.length > 1 && GENERATIONAL_SUFFIXES.has(foldName(words.at(-1) as string))) words.pop();
  return words;
}

/**
 * A full name has a given name before the surname; a surname-only name is one word, or particles
 * then one word ("von der Leyen"). Only persons have surnames.
 */
export function classifyName(type: string, name: string): ClassifiedName {
  if (type !== 'PER') return { kind: 'other', surname: null };
  const words = nameWords(name);
  if (words.length === 0) return { kind: 'other', surname: null };
  const first = words[0] as string;
  if (words.length === 1 || isParticle(first)) {
    const surname = surnameOf(words);
    return surname ? { kind: 'surname', surname } : { kind: 'other', surname: null };
  }
  const particleAt = words.findIndex((word, i) => i > 0 && i < words.length - 1 && isParticle(word));
  const surname = surnameOf(particleAt > 0 ? words.slice(particleAt) : words.slice(-1));
  return surname ? { kind: 'full', surname } : { kind: 'other', surname: null };
}
