/**
 * The tagger predicts BILOU labels (Begin, Inside, Last, Unit-length, Outside), which Ratinov &
 * Roth found better than BIO for greedy decoding; the public API speaks BIO.
 */
import type { EntityType } from '../../document.js';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
export const LABEL_COUNT = 1 + ENTITY_TYPES.length * 4;
export const OUTSIDE = 0;

const BEGIN = 0;
const INSIDE = 1;
const LAST = 2;
const UNIT = 3;

export const label = (typeIndex: number, part: number): number => 1 + typeIndex * 4 + part;
export const typeOf = (labelId: number): number => (labelId === OUTSIDE ? -1 : (labelId - 1) >> 2);
const partOf = (labelId: number): number => (labelId - 1) & 3;

/** True when an entity is still open after `labelId`, so the next label must continue it. */
const opens = (labelId: number): boolean => labelId !== OUTSIDE && partOf(labelId) <= INSIDE;

/** ALLOWED[prev * LABEL_COUNT + next]; prev = OUTSIDE also stands for the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const allowed = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let prev = 0; prev < LABEL_COUNT; prev++) {
    for (let next = 0; next < LABEL_COUNT; next++) {
      const continues = next !== OUTSIDE && (partOf(next) === INSIDE || partOf(next) === LAST);
      const ok = opens(prev) ? continues && typeOf(next) === typeOf(prev) : !continues;
      allowed[prev * LABEL_COUNT + next] = ok ? 1 : 0;
    }
  }
  return allowed;
})();

/** True when `labelId` can end a sentence (no entity left open). */
export const canEnd = (labelId: number): boolean => !opens(labelId);

export interface LabelledSpan {
  /** First token index, inclusive. */
  start: number;
  /** Last token index, exclusive. */
  end: number;
  type: EntityType;
}

/** Entities from BILOU label ids; a broken sequence (I without B) still yields its span. */
export function spansFromLabels(labels: ArrayLike<number>, length: number): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: { start: number; type: number } | null = null;
  const close = (end: number): void => {
    if (open) spans.push({ start: open.start, end, type: ENTITY_TYPES[open.type]! });
    open = null;
  };
  for (let i = 0; i < length; i++) {
    const id = labels[i]!;
    if (id === OUTSIDE) {
      close(i);
      continue;
    }
    const type = typeOf(id);
    const part = partOf(id);
    if (part === BEGIN || part === UNIT || !open || open.type !== type) {
      close(i);
      open = { start: i, type };
    }
    if (part === LAST || part === UNIT) close(i + 1);
  }
  close(length);
  return spans;
}

/** BILOU label ids for the given spans (training targets). */
export function labelsFromSpans(spans: readonly LabelledSpan[], length: number): Uint8Array {
  const labels = new Uint8Array(length);
  for (const { start, end, type } of spans) {
    const t = ENTITY_TYPES.indexOf(type);
    if (end - start === 1) {
      labels[start] = label(t, UNIT);
      continue;
    }
    labels[start] = label(t, BEGIN);
    for (let i = start + 1; i < end - 1; i++) labels[i] = label(t, INSIDE);
    labels[end - 1] = label(t, LAST);
  }
  return labels;
}

/** IOB2 strings ("B-PER", "I-PER", "O") for the given spans. */
export function bioFromSpans(spans: readonly LabelledSpan[], length: number): string[] {
  const bio = new Array<string>(length).fill('O');
  for (const { start, end, type } of spans) {
    bio[start] = `B-${type}`;
    for (let i = start + 1; i < end; i++) bio[i] = `I-${type}`;
  }
  return bio;
}
