/**
 * Reader for the CoNLL-2003 column format (token POS chunk NER, IOB1), used by training and
 * evaluation. Documents are separated by -DOCSTART- lines, sentences by blank lines.
 */
import type { EntityType } from '../../document.js';
import { ENTITY_TYPES, type LabelledSpan } from './labels.js';

export interface ConllSentence {
  tokens: string[];
  entities: LabelledSpan[];
}

export type ConllDocument = ConllSentence[];

/**
 * Entities from IOB1 tags: I-X continues an entity of type X or starts one after anything else;
 * B-X only appears to start an entity right after another of the same type.
 */
export function spansFromIob1(tags: readonly string[]): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: { start: number; type: string } | null = null;
  const close = (end: number): void => {
    if (open) spans.push({ start: open.start, end, type: open.type as EntityType });
    open = null;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3) {
      close(i);
      return;
    }
    const type = tag.slice(2);
    if (!ENTITY_TYPES.includes(type as EntityType)) throw new Error(`unknown entity type in tag ${tag}`);
    if (tag.startsWith('B-') || !open || open.type !== type) {
      close(i);
      open = { start: i, type };
    }
  });
  close(tags.length);
  return spans;
}

export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (tokens.length > 0) document.push({ tokens, entities: spansFromIob1(tags) });
    tokens = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (document.length > 0) documents.push(document);
    document = [];
  };
  for (const line of text.split('\n')) {
    const columns = line.trim().split(/\s+/);
    if (columns[0] === '') endSentence();
    else if (columns[0] === '-DOCSTART-') endDocument();
    else {
      tokens.push(columns[0]!);
      tags.push(columns[columns.length - 1]!);
    }
  }
  endDocument();
  return documents;
}
