/**
 * Splits an article body into consecutive, non-overlapping segments, each with every annotation
 * that covers it. Layers overlap (a number inside a quote, an entity inside an event's sentence),
 * so a segment may carry several; the segments' texts always concatenate back to the body, and
 * annotations with spans outside the body or empty are ignored rather than trusted.
 */
export interface Annotation<Info> {
  start: number;
  end: number;
  info: Info;
}

export interface Segment<Info> {
  start: number;
  end: number;
  text: string;
  /** Covering annotations, longest first (the outermost when rendered as nested marks). */
  covering: Array<Annotation<Info>>;
}

export function segmentBody<Info>(body: string, annotations: ReadonlyArray<Annotation<Info>>): Array<Segment<Info>> {
  const valid = annotations.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.end <= body.length && a.start < a.end);
  const cuts = new Set<number>([0, body.length]);
  for (const a of valid) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const offsets = [...cuts].sort((x, y) => x - y);
  const segments: Array<Segment<Info>> = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const covering = valid.filter((a) => a.start <= start && a.end >= end).sort((x, y) => y.end - y.start - (x.end - x.start));
    segments.push({ start, end, text: body.slice(start, end), covering });
  }
  return segments;
}

/** Splits a search snippet (raw text with `<b>`…`</b>` around matches) into plain and matched parts. */
export function splitSnippet(snippet: string): Array<{ text: string; match: boolean }> {
  const parts: Array<{ text: string; match: boolean }> = [];
  let match = false;
  for (const piece of snippet.split(/(<\/?b>)/)) {
    if (piece === '<b>') match = true;
    else if (piece === '</b>') match = false;
    else if (piece !== '') parts.push({ text: piece, match });
  }
  return parts;
}
