/**
 * A deliberately local tense test: is the clause leading up to `index` clearly about the future?
 * It looks back to the nearest clause boundary (at most ~70 characters) for a future marker
 * ("will", "is scheduled to", …) that is not followed by a reporting verb in the past.
 */
const FUTURE_MARKER = /\b(?:will|won't|'ll|shall|going\s+to|as\s+(?:soon|early)\s+as|scheduled|planned|planning|postponed|(?:would|could|might)\s+be\s+\w+(?:ing|ed)|(?:scheduled|due|set|expected|slated|planned|planning|plans?|poised|intends?|intended|hopes?|hoped|likely|ready|agreed|promised|vowed|threatened|preparing)\s+to|(?:is|are)\s+to|to\s+be\s+held|(?:would|could|might)\s+(?:be\s+held|take\s+place|meet|start|begin|resume|hold|vote|visit|travel|announce))\b/i;
const PAST_REPORTING = /\b(?:said|told|announced|reported|added|stated|wrote|declared|confirmed|denied|claimed)\b/i;
const PAST_PERFECT_BEFORE = /\bhad\s+(?:been\s+|previously\s+|originally\s+)*$/i;
/** The characters that end a clause: . ! ? ; : " “ ” ( ) and the line break. */
const isClauseBoundary = (code: number): boolean =>
  code === 46 || code === 33 || code === 63 || code === 59 || code === 58 || code === 34 || code === 0x201c || code === 0x201d ||
  code === 40 || code === 41 || code === 10;

export function clauseBefore(body: string, index: number, maxLength = 70): string {
  let start = index;
  const limit = Math.max(0, index - maxLength);
  while (start > limit && !isClauseBoundary(body.charCodeAt(start - 1))) start -= 1;
  return body.slice(start, index);
}

/** Words right before an expression that point ahead ("as soon as Tuesday", "effective June 1"). */
const FUTURE_PREPOSITION = /\b(?:as\s+(?:soon|early)\s+as|starting|beginning|effective)\s+$/i;

export function isFutureContext(body: string, index: number): boolean {
  const clause = clauseBefore(body, index);
  if (FUTURE_PREPOSITION.test(clause.slice(-24))) return true;
  const marker = FUTURE_MARKER.exec(clause);
  if (!marker) return false;
  // A plan in the past perfect was overtaken by events ("had been scheduled to expire Friday").
  if (PAST_PERFECT_BEFORE.test(clause.slice(0, marker.index))) return false;
  return !PAST_REPORTING.test(clause.slice(marker.index + marker[0].length));
}
