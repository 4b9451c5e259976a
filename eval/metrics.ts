/** Shared scoring helpers for the evaluation scripts. */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(truePositives: number, predicted: number, gold: number): PRF {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = gold === 0 ? 0 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const fmt = (x: number): string => x.toFixed(3);
