/**
 * wink-nlp, made to forget every text it reads, so that a text's tokens and sentences are the same
 * whatever the process read before it.
 *
 * wink numbers every token value it meets in tables kept in its core model: the lexicon, and one
 * table per derived feature it stores numbered (shape, prefix, suffix). Its tokeniser takes any
 * whitespace-delimited chunk already in the lexicon whole. So once some text has produced the
 * token "Sheriff’s" (out of "the Sheriff’s." or "Sheriff’s,"), every later "Sheriff’s" stays one
 * token, where a fresh instance splits it into "Sheriff" and "’s"; the tagger then reads other
 * words, and entities, quotes and events of a document depended on which documents its worker had
 * analysed before (47 of 3,100 GVA documents changed when the file was shuffled). Beyond that, the
 * feature tables grow without bound, and wink packs their numbers into a few bits with no overflow
 * check: after some 16,000 distinct shapes a new token's shape number spills into its "is an
 * abbreviation" bit (seen: a made-up word flagged an abbreviation), which the sentence boundary
 * detector reads.
 *
 * After each text, this module removes what the text added: its new lexicon entries from the
 * look-up hash, and its new feature values altogether. The lexicon's list itself cannot shrink
 * (wink keeps each entry's features in a private array in the same order), so a new instance is
 * made once it holds `MAX_LEXEMES` entries; that also keeps lexicon numbers, which wink's sentence
 * boundary detector reads, below the codes it reserves for its hints (1,080,000 and up).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;
export type WinkDocument = ReturnType<Wink['readDoc']>;

/** One of the numbering tables of wink's core model: `list[n]` is value n, `hash` its inverse, `index` the next number. */
interface NumberingTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
  /** How many values the model came with. */
  intrinsicSize: number;
}

interface CoreModel {
  features: Record<string, Partial<NumberingTable>>;
  /** The features wink derives and stores for every new token, by name. */
  packing: { efList: string[] };
}

/**
 * What wink runs: sentence boundaries only (part-of-speech tagging costs about a third of its
 * time and no stage reads it yet). A pipe added here may read stored features beyond
 * `FEATURES_READ`, which must then be added there.
 */
const PIPE = ['sbd'];
/**
 * Of the features wink derives for every new token (prefix, suffix, case, shape, abbreviation,
 * part of speech), the only one the sentence boundary detector reads besides the token itself.
 * Since every text now adds its new tokens afresh, computing only this one saves about a fifth of
 * the stage's time; tokens and sentences are unchanged (checked on the GVA dev documents).
 */
const FEATURES_READ = ['isAbbrev'];

interface Session {
  nlp: Wink;
  lexicon: NumberingTable;
  /** The tables of derived features (shape, prefix, suffix), which are reset to the model's values after each text. */
  featureValues: NumberingTable[];
}

/** A new instance past this many lexicon entries: well below 1,080,000, each new one costs ~0.3 s. */
const MAX_LEXEMES = 500_000;

/** Only a table with all four fields is one this module knows how to reset. */
function isNumberingTable(table: Partial<NumberingTable> | undefined): table is NumberingTable {
  return table !== undefined && typeof table.hash === 'object' && table.hash !== null && Array.isArray(table.list) &&
    typeof table.index === 'number' && typeof table.intrinsicSize === 'number';
}

// The custom-entity meta model's loader replaces its own data by its JSON text on each call, so a
// second instance would get that text encoded twice, and so on: it is loaded once for all instances.
let customEntityMetaModel: unknown;
const loadCustomEntityMetaModel = model.metaCER as () => unknown;
const loadCoreModel = model.core as () => CoreModel;

function newSession(): Session {
  let core: CoreModel | null = null;
  const observed = {
    ...model,
    core: (): CoreModel => {
      core = loadCoreModel();
      const derived = core.packing.efList;
      if (FEATURES_READ.every((name) => derived.includes(name))) derived.splice(0, derived.length, ...FEATURES_READ);
      return core;
    },
    metaCER: (): unknown => (customEntityMetaModel ??= loadCustomEntityMetaModel()),
  };
  const nlp = winkNLP(observed, PIPE);
  const features = (core as CoreModel | null)?.features;
  const lexicon = features?.['lexeme'];
  if (!features || !isNumberingTable(lexicon)) {
    throw new Error('wink-nlp: its core model no longer has the lexicon table this module resets between texts (see src/annotate/wink.ts)');
  }
  const featureValues = Object.entries(features)
    .filter((entry): entry is [string, NumberingTable] => entry[0] !== 'lexeme' && isNumberingTable(entry[1]))
    .map(([, table]) => table);
  return { nlp, lexicon, featureValues };
}

let session: Session | null = null;

/** Undoes what one text added: lexicon entries from `firstNew` on leave the hash, new feature values go. */
function forget(current: Session, firstNew: number): void {
  const { hash, list } = current.lexicon;
  for (let n = firstNew; n < list.length; n++) {
    if (hash[list[n]!] === n) delete hash[list[n]!];
  }
  for (const table of current.featureValues) {
    for (let n = table.intrinsicSize; n < table.list.length; n++) delete table.hash[table.list[n]!];
    table.list.length = table.intrinsicSize;
    table.index = table.intrinsicSize;
  }
}

/**
 * Reads `text` with wink-nlp (sentence boundaries on, nothing else) and returns what `use` takes
 * from the document; wink is left as it was before, so the result depends on `text` alone. The
 * document must not be used after `use` returns.
 */
export function readWithWink<T>(text: string, use: (doc: WinkDocument, its: Wink['its']) => T): T {
  if (session === null || session.lexicon.list.length > MAX_LEXEMES) session = newSession();
  const current = session;
  const firstNew = current.lexicon.list.length;
  try {
    return use(current.nlp.readDoc(text), current.nlp.its);
  } finally {
    forget(current, firstNew);
  }
}
