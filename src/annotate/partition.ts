/**
 * How many leading indexes of a sorted sequence of `length` satisfy `before`, which holds on a
 * prefix of it: a binary search. Shared by the layers that look spans up by offset instead of
 * scanning them all (times' refiners, the claims ledger, the quote frames).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
