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

/**
 * B-cubed precision, recall and F1 of a clustering against gold clusters, over `items` (default:
 * every item of `gold`). Predicted clusters are restricted to those items.
 */
export function bcubed<T>(predicted: ReadonlyMap<T, string>, gold: ReadonlyMap<T, string>, items: readonly T[] = [...gold.keys()]): PRF {
  const byPredicted = new Map<string, T[]>();
  const byGold = new Map<string, T[]>();
  for (const item of items) {
    const p = predicted.get(item) ?? `singleton:${String(item)}`;
    byPredicted.set(p, [...(byPredicted.get(p) ?? []), item]);
    const g = gold.get(item)!;
    byGold.set(g, [...(byGold.get(g) ?? []), item]);
  }
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const p = byPredicted.get(predicted.get(item) ?? `singleton:${String(item)}`)!;
    const g = byGold.get(gold.get(item)!)!;
    const both = p.filter((other) => gold.get(other) === gold.get(item)).length;
    precision += both / p.length;
    recall += both / g.length;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
