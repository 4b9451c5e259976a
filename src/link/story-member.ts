/**
 * What composing a story needs of each of its articles (`composeStory`): the record without the
 * layers no story field is built from (numbers, times, places) and with only the claims tied to an
 * event (the figures events reconcile). The store keeps it beside the full record, so that
 * recomposing a story reads about half the bytes of its articles' records.
 */
import type { AnalysisRecord } from '../document.js';

/** The fields of a record that story composition reads. */
export const STORY_MEMBER_FIELDS = ['id', 'url', 'source', 'title', 'published', 'lang', 'sentences', 'entities', 'quotes', 'events', 'claims'] as const;

export type StoryMemberRecord = Pick<AnalysisRecord, (typeof STORY_MEMBER_FIELDS)[number]>;

export function storyMemberOf(record: Omit<AnalysisRecord, 'body'>): StoryMemberRecord {
  const member = Object.fromEntries(STORY_MEMBER_FIELDS.map((field) => [field, record[field]])) as StoryMemberRecord;
  // Records written before the claims ledger existed have none.
  member.claims = Array.isArray(record.claims) ? record.claims.filter((claim) => claim.event !== null) : [];
  return member;
}
