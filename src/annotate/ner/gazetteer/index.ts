/**
 * The gazetteers as one longest-match index over lower-cased token sequences. A token covered by
 * a match gets a feature naming the list and its position in the match (Begin, Inside, Last, Unit).
 */
import { CITIES, COUNTRIES, REGIONS } from './places.js';
import { FIRST_NAMES, TITLES } from './people.js';
import { ORGANISATIONS, ORG_SUFFIXES } from './organisations.js';
import { DEMONYMS, NAMED_EVENTS } from './misc.js';

/** List ids are small integers so that features can be hashed without building strings. */
export const GAZETTEERS: ReadonlyArray<readonly [name: string, entries: readonly string[]]> = [
  ['country', COUNTRIES],
  ['city', CITIES],
  ['region', REGIONS],
  ['org', ORGANISATIONS],
  ['orgSuffix', ORG_SUFFIXES],
  ['firstName', FIRST_NAMES],
  ['title', TITLES],
  ['demonym', DEMONYMS],
  ['event', NAMED_EVENTS],
];

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bit set of the lists whose entry ends here. */
  lists: number;
}

const newNode = (): TrieNode => ({ next: new Map(), lists: 0 });

/** Lower-cases and folds the typographic apostrophe, as the tagger's word features do. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

function entryTokens(entry: string): string[] {
  // "Turkey's"-style entries do not occur; hyphens and dots stay inside a token as in news tokenisers.
  return entry.split(/\s+/).filter((t) => t !== '').map(normaliseWord);
}

function buildTrie(): TrieNode {
  const root = newNode();
  GAZETTEERS.forEach(([, entries], listId) => {
    for (const entry of entries) {
      let node = root;
      for (const token of entryTokens(entry)) {
        let child = node.next.get(token);
        if (!child) {
          child = newNode();
          node.next.set(token, child);
        }
        node = child;
      }
      node.lists |= 1 << listId;
    }
  });
  return root;
}

let trie: TrieNode | null = null;
const NO_MATCHES: number[] = [];

/** Position codes of a token inside a match, combined with the list id into one small integer. */
export const MATCH_BEGIN = 0;
export const MATCH_INSIDE = 1;
export const MATCH_LAST = 2;
export const MATCH_UNIT = 3;

/**
 * For every token, the codes `listId * 4 + position` of the longest matches that cover it (a
 * match starts at each token where one exists; matches may overlap).
 */
export function gazetteerMatches(lowerTokens: readonly string[]): number[][] {
  trie ??= buildTrie();
  // Most tokens match nothing: they share one empty list instead of allocating their own.
  const covered: number[][] = new Array<number[]>(lowerTokens.length).fill(NO_MATCHES);
  for (let start = 0; start < lowerTokens.length; start++) {
    let node: TrieNode | undefined = trie;
    let bestEnd = -1;
    let bestLists = 0;
    for (let i = start; i < lowerTokens.length; i++) {
      node = node.next.get(lowerTokens[i]!);
      if (!node) break;
      if (node.lists !== 0) {
        bestEnd = i;
        bestLists = node.lists;
      }
    }
    if (bestEnd < 0) continue;
    for (let listId = 0; listId < GAZETTEERS.length; listId++) {
      if ((bestLists & (1 << listId)) === 0) continue;
      for (let i = start; i <= bestEnd; i++) {
        const position =
          start === bestEnd ? MATCH_UNIT : i === start ? MATCH_BEGIN : i === bestEnd ? MATCH_LAST : MATCH_INSIDE;
        if (covered[i] === NO_MATCHES) covered[i] = [];
        covered[i]!.push(listId * 4 + position);
      }
    }
  }
  return covered;
}
