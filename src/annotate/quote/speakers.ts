/**
 * Speaker keys from the document's canonical entities. A named speaker takes the key of the
 * person (else organisation) it holds; "he"/"she" the nearest preceding person of that gender
 * (from titles and first names where known, else the nearest person); "who" the entity just
 * before it. A nominal speaker ("the defence ministry", "officials") keeps a null key unless it
 * is an organisation's own name or its spokesperson ("a Pentagon spokesman"): a ministry of a
 * country is not the country, and places never speak for themselves here.
 */
import type { Entity, Span } from '../../document.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SPOKESPERSON_HEADS, TITLE_GENDER } from './lexicon.js';

type Gender = 'male' | 'female';

const GENDERED_PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'], ['him', 'male'], ['his', 'male'], ['she', 'female'], ['her', 'female'],
]);
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** How far back a pronoun looks for its person, in characters (a few paragraphs). */
const PRONOUN_REACH = 1500;
/** How far the last speaker stays the default referent of "he"/"she". */
const SPEAKER_REACH = 800;
/** Entities longer than this may start before a speaker span they overlap and be missed; names are shorter. */
const LONGEST_NAME = 200;

export class SpeakerResolver {
  private readonly speakers: readonly Entity[];
  private readonly genders = new Map<string, Gender | null>();
  private readonly personKeys: ReadonlySet<string>;
  /** The last person resolved as a speaker: "he said" most often goes on about them. */
  private lastPerson: { key: string; end: number } | null = null;

  constructor(
    private readonly body: string,
    entities: readonly Entity[],
  ) {
    this.speakers = entities.filter((e) => e.type === 'PER' || e.type === 'ORG').sort((a, b) => a.start - b.start);
    this.personKeys = new Set(this.speakers.filter((e) => e.type === 'PER').map((e) => e.key));
  }

  /** Call in text order: pronouns lean on the speakers resolved before them. */
  key(span: Span): string | null {
    const key = this.resolve(span);
    if (key && this.personKeys.has(key)) this.lastPerson = { key, end: span.end };
    return key;
  }

  private resolve(span: Span): string | null {
    const lower = this.body.slice(span.start, span.end).toLowerCase();
    const gender = GENDERED_PRONOUNS.get(lower);
    if (gender) return this.previousSpeaker(span.start, gender) ?? this.nearestPerson(span.start, gender);
    if (RELATIVE_PRONOUNS.has(lower)) return this.entityJustBefore(span.start);
    return this.namedKey(span, lower);
  }

  private previousSpeaker(position: number, gender: Gender): string | null {
    const last = this.lastPerson;
    if (!last || position - last.end > SPEAKER_REACH || last.end > position) return null;
    const known = this.genderOf(last.key);
    return known === null || known === gender ? last.key : null;
  }

  private namedKey(span: Span, lower: string): string | null {
    let person: Entity | null = null;
    let organisation: Entity | null = null;
    for (let i = this.firstEndingAfter(span.start); i < this.speakers.length; i++) {
      const entity = this.speakers[i]!;
      if (entity.start >= span.end) break;
      if (entity.end <= span.start) continue;
      if (entity.type === 'PER') person = entity;
      else organisation = entity;
    }
    if (person) return person.key;
    if (!organisation) return null;
    const head = lower.slice(lower.lastIndexOf(' ') + 1);
    const headInside = organisation.end >= span.end - head.length;
    return headInside || SPOKESPERSON_HEADS.has(head) ? organisation.key : null;
  }

  /** Index of the first speaker entity that starts at or after `offset` minus a long name's length (binary search). */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.speakers.length;
    const from = offset - LONGEST_NAME;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.speakers[mid]!.start < from) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private entityJustBefore(position: number): string | null {
    const before = this.speakers.filter((e) => e.end <= position && position - e.end <= 3).pop();
    return before?.key ?? null;
  }

  private nearestPerson(position: number, gender: Gender): string | null {
    let fallback: string | null = null;
    for (let i = this.speakers.length - 1; i >= 0; i--) {
      const entity = this.speakers[i]!;
      if (entity.end > position || entity.type !== 'PER') continue;
      if (position - entity.end > PRONOUN_REACH) break;
      const known = this.genderOf(entity.key);
      if (known === gender) return entity.key;
      if (known === null) fallback ??= entity.key;
    }
    return fallback;
  }

  private genderOf(key: string): Gender | null {
    if (this.genders.has(key)) return this.genders.get(key)!;
    let found: Gender | null = null;
    for (const entity of this.speakers) {
      if (entity.key !== key) continue;
      found = titleGender(this.body, entity.start) ?? firstNameGender(entity.name) ?? firstNameGender(entity.text);
      if (found) break;
    }
    this.genders.set(key, found);
    return found;
  }
}

function titleGender(body: string, start: number): Gender | null {
  const before = /([A-Za-z]+\.?)\s+$/.exec(body.slice(Math.max(0, start - 8), start));
  return before ? (TITLE_GENDER.get(before[1]!.toLowerCase()) ?? null) : null;
}

function firstNameGender(name: string): Gender | null {
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (TITLE_GENDER.has(first)) return TITLE_GENDER.get(first)!;
  if (FEMALE_FIRST_NAMES.has(first)) return 'female';
  if (MALE_FIRST_NAMES.has(first)) return 'male';
  return null;
}
