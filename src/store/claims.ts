/**
 * The claims ledger across articles: every figure and statement of every stored article (its
 * `claims` layer), with the article, outlet and story it appeared in. Read from the articles
 * themselves, so it is never out of step with them.
 */
import type { Claim } from '../document.js';
import { readArticles } from './articles.js';
import type { SqlExecutor } from './sql-client.js';

/** A claim of the ledger (`Claim` of the Analysis record, without its sentence) and where it appeared. */
export interface StoredClaim extends Omit<Claim, 'sentence'> {
  article: string;
  story: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  /** True when the article is a copy of another: the claim repeats the original's. */
  copy: boolean;
}

export async function* readClaims(db: SqlExecutor, batchSize: number): AsyncGenerator<StoredClaim> {
  for await (const article of readArticles(db, batchSize)) {
    for (const claim of article.claims ?? []) {
      yield {
        article: article.id,
        story: article.story,
        outlet: article.source?.name ?? article.source?.domain ?? null,
        url: article.url,
        published: article.published?.value ?? null,
        kind: claim.kind,
        subject: claim.subject,
        text: claim.text,
        start: claim.start,
        end: claim.end,
        value: claim.value,
        min: claim.min,
        max: claim.max,
        approx: claim.approx,
        unit: claim.unit,
        attribution: claim.attribution,
        asserted: claim.asserted,
        event: claim.event,
        copy: article.duplicate_of !== null,
      };
    }
  }
}
