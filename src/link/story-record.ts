/**
 * Everything crosscheck says about one story, composed from its articles: title, summary (with
 * spans), canonical events (figures reconciled), timeline, framing, and how many articles, outlets
 * and independent sources stand behind it. The store keeps the result; the API and the UI read it.
 */
import { linkEvents, type CanonicalEvent } from './events.js';
import { frameStory, type StoryFraming } from './framing.js';
import { storyTimeline, storyTitle, summarizeStory, type SummarySentence, type TimelineEntry } from './summary.js';

import type { StoryMemberRecord } from './story-member.js';

/** An article of a story, with what composing it reads (`story-member.ts`). */
export type StoryMember = StoryMemberRecord & { body: string; duplicate_of: string | null };

export interface StoryRecord {
  id: string;
  title: string | null;
  summary: SummarySentence[];
  articles: string[];
  events: string[];
  first_seen: string | null;
  last_seen: string | null;
  outlets: string[];
  /** Articles that are not copies of another. */
  original_articles: number;
  /** Distinct tellers: copies count once, and outlets relaying the same attributed origin count as one. */
  independent_sources: number;
  /** Event types, most frequent first. */
  event_types: string[];
  /** True when any event's figures or dates disagree between sources (revisions are not conflicts). */
  conflicting: boolean;
  timeline: TimelineEntry[];
  framing: StoryFraming;
}

/** What a list of stories carries of each: the record without the parts only its own page shows. */
export type StoryListItem = Omit<StoryRecord, (typeof STORY_PAGE_ONLY)[number]>;

/** The heaviest parts of a story record (a large story's framing and timeline run to 100 kB and more). */
export const STORY_PAGE_ONLY = ['summary', 'timeline', 'framing'] as const;

/** `story` as a list item. */
export function storyListItem(story: StoryRecord): StoryListItem {
  const { summary: _summary, timeline: _timeline, framing: _framing, ...item } = story;
  return item;
}

export interface ComposedStory {
  story: StoryRecord;
  events: CanonicalEvent[];
}

const SUMMARY_SENTENCES = 3;

export function composeStory(id: string, members: readonly StoryMember[]): ComposedStory {
  const ordered = [...members].sort((a, b) => (a.published?.value ?? '').localeCompare(b.published?.value ?? '') || (a.id < b.id ? -1 : 1));
  const events = linkEvents(id, ordered);
  const dates = ordered.map((a) => a.published?.value).filter((v): v is string => typeof v === 'string').sort();
  const originals = ordered.filter((a) => a.duplicate_of === null);
  const types = new Map<string, number>();
  for (const event of events) types.set(event.type, (types.get(event.type) ?? 0) + 1);
  const story: StoryRecord = {
    id,
    title: storyTitle(ordered),
    summary: summarizeStory(ordered, SUMMARY_SENTENCES),
    articles: ordered.map((a) => a.id),
    events: events.map((e) => e.id),
    first_seen: dates[0] ?? null,
    last_seen: dates.at(-1) ?? null,
    outlets: [...new Set(ordered.map(outletOf))],
    original_articles: originals.length,
    independent_sources: new Set(originals.map(originOf)).size,
    event_types: [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type),
    conflicting: events.some((e) => e.conflicts.some((c) => c.kind === 'disagreement')),
    timeline: storyTimeline(events),
    framing: frameStory(ordered, events),
  };
  return { story, events };
}

const outletOf = (a: StoryMember): string => a.source.name ?? a.source.domain ?? a.id;

/**
 * Who tells an article's story: when every event it reports is attributed to one origin, that
 * origin (two outlets both citing the same monitor are one source); else the outlet itself.
 */
function originOf(a: StoryMember): string {
  const origins = new Set(a.events.map((e) => (e.attribution ? e.attribution.key ?? e.attribution.text.toLowerCase().replace(/^the\s+/, '') : null)));
  if (origins.size === 1) {
    const only = [...origins][0];
    if (only) return only;
  }
  return outletOf(a).toLowerCase();
}
