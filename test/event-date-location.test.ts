/**
 * Event dates and places (`src/annotate/event/date.ts`, `src/annotate/event/location.ts`):
 * which times date the happening and which date its telling, the document's lead date as the
 * fallback, and place names the tagger left out. All texts are invented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, Entity, TimeExpression } from '../src/document.js';
import { datedTimes, eventDate, type DateContext } from '../src/annotate/event/date.js';
import { eventLocation, headlinePlace, mainPlace, placeMentions, type PlaceMention } from '../src/annotate/event/location.js';
import { gazetteer, geocode, placeKey } from '../src/annotate/geo/index.js';
import { annotateEvents } from '../src/annotate/events.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';

beforeAll(() => void gazetteer(), 120_000);

const NOW = new Date('2026-11-24T00:00:00Z');

/** A time expression at the first occurrence of `text` in `body`. */
function timeAt(body: string, text: string, value: string): TimeExpression {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`fixture: "${text}" is not in the body`);
  return { start, end: start + text.length, text, type: 'DATE', value };
}

function contextFor(body: string, triggerWord: string, published: string | null): DateContext {
  const trigger = body.indexOf(triggerWord);
  const sentenceEnd = body.indexOf('.', trigger) + 1;
  const sentenceStart = body.lastIndexOf('.', trigger) + 1;
  const sentence = { start: sentenceStart, end: sentenceEnd };
  return { sentence, paragraph: sentence, next: null, trigger, siblings: [trigger], published };
}

describe('time roles', () => {
  const cases: ReadonlyArray<[body: string, time: string, role: string]> = [
    ['A man was shot in Dalton, police said Sunday.', 'Sunday', 'reporting'],
    ['The suspect was arrested Friday after the robbery.', 'Friday', 'reporting'],
    ['Officials announced on Monday that the road is closed.', 'Monday', 'reporting'],
    ['Posted: Tuesday, March 4, 2014 Two men were hurt.', 'Tuesday, March 4, 2014', 'stamp'],
    ['Last updated on 5 June 2019: a fire broke out.', '5 June 2019', 'stamp'],
    ['As reported on 2 May 2020, rebels attacked a convoy.', '2 May 2020', 'event'],
    ['Two men were shot Sunday night near the park.', 'Sunday night', 'event'],
    ['Gunfire broke out early Saturday outside a bar.', 'Saturday', 'event'],
    // The occasions of the aftermath: a court date, a news conference, a vigil.
    ['Dana Pruitt appeared in court Monday in the shooting of a neighbor.', 'Monday', 'reporting'],
    ['The chief gave details in a Saturday night press conference.', 'Saturday night', 'reporting'],
    ['Friends held a vigil Sunday night for the boy.', 'Sunday night', 'reporting'],
    // A state of the wounded dates that state, not the shooting it followed.
    ['A girl remained in critical condition Friday after a shooting.', 'Friday', 'reporting'],
  ];
  it.each(cases)('%s → %s is %s', (body, time, role) => {
    const [dated] = datedTimes([timeAt(body, time, '2020-05-03')], body);
    expect(dated?.role).toBe(role);
  });
});

describe('event dates', () => {
  it('skips the time of the telling for the time of the happening', () => {
    const body = 'A woman was shot Saturday night in a parking lot, police said Sunday.';
    const times = datedTimes([timeAt(body, 'Saturday night', '2020-05-02TNI'), timeAt(body, 'Sunday', '2020-05-03')], body);
    expect(eventDate(times, contextFor(body, 'shot', '2020-05-03'))?.value).toBe('2020-05-02');
  });

  it('takes the lead date of the document when the sentence and paragraph have none', () => {
    const body = 'Gunfire erupted late Friday outside a diner.\n\nA teenager was wounded in the shooting.';
    const times = datedTimes([timeAt(body, 'late Friday', '2020-05-01')], body);
    const date = eventDate(times, contextFor(body, 'wounded', '2020-05-03'));
    expect(date).toEqual({ value: '2020-05-01', precision: 2 });
  });

  it('never takes a lead date after publication, nor a page stamp', () => {
    const body = 'Posted: Sunday, May 3, 2020\n\nA trial is set for Friday.\n\nA teenager was wounded in the shooting.';
    const times = datedTimes([timeAt(body, 'Sunday, May 3, 2020', '2020-05-03'), timeAt(body, 'Friday', '2020-05-08')], body);
    expect(eventDate(times, contextFor(body, 'wounded', '2020-05-03'))).toEqual({ value: '2020-05-03', precision: 3 });
  });

  it('takes a page stamp with its weekday ("Posted: Sunday, May 3, 2020") for a stamp', () => {
    const body = 'Two hurt in bar fight Posted: Sunday, May 3, 2020 9:10 AM EDT';
    const [weekday, date] = datedTimes([timeAt(body, 'Sunday', '2020-05-03'), timeAt(body, 'May 3, 2020 9:10 AM EDT', '2020-05-03T09:10')], body);
    expect([weekday?.role, date?.role]).toEqual(['stamp', 'stamp']);
  });

  it('takes the story\'s lead day when it falls on or before the day of a later telling or arrest', () => {
    const body = 'Gunfire erupted late Friday outside a diner.\n\nThe suspect was arrested Sunday. A teenager was wounded in the shooting.';
    const times = datedTimes([timeAt(body, 'late Friday', '2020-05-01'), timeAt(body, 'Sunday', '2020-05-03')], body);
    const paragraphStart = body.indexOf('The suspect');
    const trigger = body.indexOf('wounded');
    const sentence = { start: body.indexOf('A teenager'), end: body.length };
    const context: DateContext = { sentence, paragraph: { start: paragraphStart, end: body.length }, next: null, trigger, siblings: [trigger], published: '2020-05-03' };
    expect(eventDate(times, context)).toEqual({ value: '2020-05-01', precision: 2 });
    // A lead day after the telling is something that followed, not the happening.
    const later = datedTimes([timeAt(body, 'late Friday', '2020-05-04'), timeAt(body, 'Sunday', '2020-05-03')], body);
    expect(eventDate(later, { ...context, published: '2020-05-05' })).toEqual({ value: '2020-05-03', precision: 2 });
  });

  it('dates a shooting told as "overnight" by the day after that night', () => {
    const body = 'Two men were shot overnight outside a club.';
    const times = datedTimes([timeAt(body, 'overnight', '2020-05-02TNI')], body);
    expect(eventDate(times, contextFor(body, 'shot', '2020-05-03'))).toEqual({ value: '2020-05-03', precision: 1 });
    // "Saturday night" stays Saturday's.
    const named = 'Two men were shot Saturday night outside a club.';
    expect(eventDate(datedTimes([timeAt(named, 'Saturday night', '2020-05-02TNI')], named), contextFor(named, 'shot', '2020-05-03'))?.value).toBe('2020-05-02');
  });

  it('keeps an opening "as reported on" date', () => {
    const body = 'As reported on 2 May 2020, militants attacked a checkpoint.';
    const times = datedTimes([timeAt(body, '2 May 2020', '2020-05-02')], body);
    expect(eventDate(times, contextFor(body, 'attacked', '2020-05-05'))?.value).toBe('2020-05-02');
  });
});

/** An invented text through the real stages, then stripped of entities and places: what is left is the scan for names the tagger missed. */
function untagged(text: string): Document {
  const doc = STAGES.reduce((d, stage) => stage(d), extractDocument('test', { text, title: 'Fictional report', published: '2020-05-05' }, { now: NOW }));
  return { ...doc, entities: [], places: [] };
}

describe('place mentions the tagger left out', () => {
  const found: ReadonlyArray<[text: string, mention: string, name: string]> = [
    ['On 3 May 2020, in Manaus, two men were shot to death by unknown gunmen.', 'Manaus', 'Manaus'],
    ['Unknown gunmen attacked a market near Yaounde on Friday.', 'Yaounde', 'Yaoundé'],
    ['A protest was held in the town of Kakamega on Friday.', 'Kakamega', 'Kakamega'],
    ['Rebels shelled Kakamega village (Lurambi, Kakamega) at dawn.', 'Kakamega', 'Kakamega'],
  ];
  it.each(found)('%s → %s is %s', (text, mention, name) => {
    const doc = untagged(text);
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => m.place.name)).toContain(name);
    for (const m of mentions) expect(doc.body.slice(m.start, m.end)).toBe(mention);
  });

  const notPlaces: readonly string[] = [
    'Unknown gunmen attacked a market in May and fled.',
    'The men appeared in Court on Friday.',
    'The bill was passed in Congress on Tuesday.',
    'Manaus fans cheered loudly.',
  ];
  it.each(notPlaces)('%s → no place', (text) => {
    expect(placeMentions(untagged(text))).toEqual([]);
  });
});

describe('datelines, towns read as institutions, strays', () => {
  it('takes a dateline town as the story\'s main place, in the state it names', () => {
    const doc = untagged('Two hurt in shooting\nSPRINGFIELD, Ill. (AP) — Two men were wounded outside a bar, police said.');
    const mentions = placeMentions(doc);
    const dateline = mentions.find((m) => m.dateline);
    expect(doc.body.slice(dateline!.start, dateline!.end)).toBe('SPRINGFIELD');
    expect(dateline!.place.country_code).toBe('US');
    expect(dateline!.place.lat).toBeCloseTo(39.8, 0);
    expect(mainPlace(mentions)?.key).toBe(dateline!.place.key);
  });

  const institutions: ReadonlyArray<[text: string, name: string]> = [
    ['Memphis police arrested a man on Friday.', 'Memphis'],
    ['A boy was shot on Milwaukee\'s north side overnight.', 'Milwaukee'],
    ['The Tulsa Police Department is asking for tips after a shooting.', 'Tulsa'],
    ['Denver Mayor Jane Holloway visited the wounded officer.', 'Denver'],
    ['A woman was wounded in southwest Houston on Saturday night.', 'Houston'],
  ];
  it.each(institutions)('%s → %s', (text, name) => {
    expect(placeMentions(untagged(text)).map((m) => m.place.name)).toContain(name);
  });

  it('a police force\'s name tagged as one organisation still places its town', () => {
    const doc = taggedAs('The Tulsa Police Department is asking for tips after a shooting.', 'Tulsa Police Department', 'ORG');
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => m.place.name)).toEqual(['Tulsa']);
    expect(doc.body.slice(mentions[0]!.start, mentions[0]!.end)).toBe('Tulsa');
  });

  it('a state or county force names no town', () => {
    for (const text of ['Virginia State Police closed the road on Friday.', 'The Fairfield County Sheriff said two men were hurt.']) {
      expect(placeMentions(untagged(text)).filter((m) => m.place.precision === 1)).toEqual([]);
    }
  });

  it('leaves the side of town out of the town found after a locative', () => {
    const doc = untagged('Two men were hurt in North Tulsa on Friday.');
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => doc.body.slice(m.start, m.end))).toEqual(['Tulsa']);
    expect(mentions[0]!.place.name).toBe('Tulsa');
  });

  it('reports a neighbourhood (a section of a city in the gazetteer) by its city, at its own point', () => {
    const englewood = geocode('Englewood', { countries: ['US'], hint: 'city' });
    expect(englewood).not.toBeNull();
    const section = { key: 'loc:englewood', name: 'Englewood', country: 'United States', country_code: 'US', lat: 41.77976, lon: -87.64588, precision: 1 as const, geonameid: 4891176 };
    const location = eventLocation([{ start: 0, end: 9, place: section }], { start: 0, end: 40 }, { start: 0, end: 40 }, 20, null);
    expect(location).toMatchObject({ name: 'Chicago', lat: 41.77976, precision: 1 });
  });

  it('reports a side of town placed at the town\'s point by the town\'s name, and a state by its own', () => {
    const place = (name: string) => ({ key: `loc:${name}`, name, country: 'United States', country_code: 'US', lat: 39.95, lon: -75.16, precision: 2 as const, geonameid: 4560349 });
    const at = (name: string) => eventLocation([{ start: 0, end: name.length, place: place(name) }], { start: 0, end: 40 }, { start: 0, end: 40 }, 20, null)?.name;
    expect(at('South Philadelphia')).toBe('Philadelphia');
    expect(at('West Virginia')).toBe('West Virginia');
  });

  it('takes the headline\'s town when the body names none', () => {
    const doc = { ...untagged('A man was wounded in a shooting on Friday night, officers said.'), title: 'Man Wounded In Dayton Shooting' };
    expect(headlinePlace(doc)?.name).toBe('Dayton');
    const [event] = annotateEvents(doc).events;
    expect(event?.location).toMatchObject({ name: 'Dayton', precision: 2 });
  });

  it('passes over a town abroad when the story\'s other places agree on one country', () => {
    const mentions: PlaceMention[] = [
      { start: 0, end: 5, place: { key: 'loc:a', name: 'A', country: 'Spain', country_code: 'ES', lat: 41.6, lon: -0.9, precision: 1, geonameid: 1 }, stray: true },
      { start: 7, end: 12, place: { key: 'loc:b', name: 'B', country: 'Mexico', country_code: 'MX', lat: 19.0, lon: -98.2, precision: 1, geonameid: 2 } },
    ];
    const location = eventLocation(mentions, { start: 0, end: 40 }, { start: 0, end: 40 }, 20, null);
    expect(location?.name).toBe('B');
  });
});

/** `untagged(text)` with one entity the tagger might have made over the first `name` in the text. */
function taggedAs(text: string, name: string, type: Entity['type']): Document {
  const doc = untagged(text);
  const start = doc.body.indexOf(name);
  const entity: Entity = { start, end: start + name.length, text: name, type, subtype: null, key: `${type.toLowerCase()}:${name.toLowerCase()}`, name };
  return { ...doc, entities: [entity] };
}

describe('streets and counties', () => {
  /** A fictional story through every stage: its first violent event's place. */
  function placeOf(text: string): string | undefined {
    const doc = STAGES.reduce((d, stage) => stage(d), extractDocument('test', { text, title: 'Fictional report', published: '2020-05-05' }, { now: NOW }));
    return annotateEvents(doc).events.find((e) => e.type === 'Violence against civilians')?.location?.name;
  }

  it('a street is no town, though a town bears its first word', () => {
    expect(placeOf('A man was wounded in a shooting on Sunset Road in Charlotte on Monday.')).toBe('Charlotte');
  });

  it('a side of town is part of the story\'s town, not a town of that name', () => {
    expect(placeOf('DAYTON, Ohio (AP) — Police are looking for a gunman.\n\nA man was shot and wounded outside a store on the West Side on Monday, police said.')).toBe('Dayton');
  });

  it('reports a side of a city named by its abbreviation by the city\'s name', () => {
    expect(placeOf('A teenager was shot and wounded in Southeast D.C. on Monday night, police said.')).toBe('Washington, D.C.');
  });

  it('reports the story\'s town rather than the county the sentence names', () => {
    expect(placeOf('OCALA, Fla. (AP) — Deputies are looking for a gunman.\n\nA woman was wounded in a shooting in Marion County on Monday, deputies said.')).toBe('Ocala');
  });
});

describe('names the tagger typed or cut wrongly', () => {
  it('a name typed a person is a place after "in" when the gazetteer knows the town', () => {
    const doc = taggedAs('On 4 June 2021, in Juiz de Fora, a shop owner was robbed by two armed men.', 'Juiz de Fora', 'PER');
    expect(placeMentions(doc).map((m) => m.place.name)).toContain('Juiz de Fora');
  });
  it('a name typed a person stays a person after "and"', () => {
    const doc = taggedAs('The mayor met Fora and Manaus to discuss the budget.', 'Manaus', 'PER');
    expect(placeMentions(doc)).toEqual([]);
  });
  it('a tagged place the tagger cut before a particle gets its full name', () => {
    const doc = taggedAs('Residents of Lauro de Freitas blocked a road on Monday.', 'Lauro', 'LOC');
    const [mention] = placeMentions(doc);
    expect(doc.body.slice(mention!.start, mention!.end)).toBe('Lauro de Freitas');
    expect(mention!.place.country_code).toBe('BR');
  });
  it('"X of the Y region" tagged as one place is the town X', () => {
    const doc = taggedAs('A small protest was held in Pinsk of the Brest region on Sunday.', 'Pinsk of the Brest', 'LOC');
    const [mention] = placeMentions(doc);
    expect(doc.body.slice(mention!.start, mention!.end)).toBe('Pinsk');
    expect(mention!.place.country_code).toBe('BY');
  });
  it('an untagged name that runs into a weekday is the town its first words name', () => {
    const doc = untagged('A man was wounded in Rock Springs Sunday after an argument.');
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => doc.body.slice(m.start, m.end))).toEqual(['Rock Springs']);
    expect(mentions[0]!.place.country_code).toBe('US');
  });
});

describe('a place and the place that locates it', () => {
  const mention = (start: number, name: string, precision: 1 | 2 | 3, container = false): PlaceMention => ({
    start, end: start + name.length, container,
    place: { key: `loc:${name.toLowerCase()}`, name, country: 'Utopia', country_code: 'UT', lat: 10, lon: 10, precision, geonameid: null },
  });
  it('the located place is the event\'s even when its container is finer', () => {
    const location = eventLocation([mention(20, 'Village', 2), mention(40, 'Town', 1, true)], { start: 0, end: 60 }, { start: 0, end: 60 }, 5, null);
    expect(location?.name).toBe('Village');
  });
  it('a container alone still places the event', () => {
    const location = eventLocation([mention(40, 'Town', 1, true)], { start: 0, end: 60 }, { start: 0, end: 60 }, 5, null);
    expect(location?.name).toBe('Town');
  });
  it.each([
    ['On 5 June 2021, rebels shelled the outskirts of Horlivka, Donetsk, damaging two houses.', 'Horlivka', 'Donetsk'],
    ['On 5 June 2021, gunmen attacked a farm in Ghoryan district, Herat, killing a guard.', 'Ghoryan', 'Herat'],
  ])('%s → %s, located by %s', (text, place, container) => {
    const doc = annotateEvents(STAGES.reduce((d, stage) => stage(d), extractDocument('test', { text, title: 'Fictional report', published: '2021-06-06' }, { now: NOW })));
    const mentions = placeMentions(doc);
    expect(mentions.find((m) => doc.body.slice(m.start, m.end) === container)?.container).toBe(true);
    // The town the tagger placed at precision 1 ("Donetsk") would win on precision alone; its container role rules it out.
    const event = doc.events.find((e) => e.location !== null);
    expect(placeKey(event!.location!.name)).toBe(placeKey(mentions.find((m) => doc.body.slice(m.start, m.end) === place)!.place.name));
  });
  it('a list of towns is not a town and its region', () => {
    const doc = taggedAs('Traders from Pinsk, Brest and Lida marched.', 'Pinsk', 'LOC');
    expect(placeMentions(doc).some((m) => m.container)).toBe(false);
  });
});

describe('a dateline in ordinary case', () => {
  it('"Town, State. -" before the story is its dateline', () => {
    const doc = untagged('Portsmouth, Va. - Five people were hurt in a fight outside a diner, police said.');
    const dateline = placeMentions(doc).find((m) => m.dateline);
    expect(doc.body.slice(dateline!.start, dateline!.end)).toBe('Portsmouth');
    expect(dateline!.place.country_code).toBe('US');
    expect(dateline!.place.lat).toBeCloseTo(36.8, 0);
  });
  it('two names and a dash are no dateline unless the second is a region', () => {
    const doc = untagged('Smith, Jones - a law firm - said on Monday it would close.');
    expect(placeMentions(doc).some((m) => m.dateline)).toBe(false);
  });
});

describe('US state abbreviations', () => {
  const cases: ReadonlyArray<[name: string, region: string]> = [['Ill.', 'Illinois'], ['Va', 'Virginia'], ['Calif.', 'California'], ['N.J.', 'New Jersey']];
  it.each(cases)('%s is the state %s, not a town', (name, region) => {
    const place = geocode(name, { countries: [] });
    expect(place).toMatchObject({ name: region, countryCode: 'US', precision: 2 });
  });
  it('puts "Springfield" in Illinois when the story names the state', () => {
    expect(geocode('Springfield', { countries: ['US'] })?.lat).toBeCloseTo(39.8, 0);
  });
});

/** An invented text through every stage, events included. */
function analysed(text: string): Document {
  return annotateEvents(STAGES.reduce((d, stage) => stage(d), extractDocument('test', { text, title: 'Fictional report', published: '2021-06-06' }, { now: NOW })));
}

/** The mention whose text is `text`. */
const mentionOf = (doc: Document, mentions: readonly PlaceMention[], text: string): PlaceMention | undefined => mentions.find((m) => doc.body.slice(m.start, m.end) === text);

describe('conflict-report phrasing', () => {
  it('places a village the gazetteer lacks by the district in brackets after it', () => {
    const doc = analysed('On 5 June 2021, gunmen raided Zzyzxville village (Mubi LGA, Adamawa) and burned two houses.');
    const district = mentionOf(doc, placeMentions(doc), 'Mubi LGA');
    expect(district).toMatchObject({ container: true, place: { name: 'Mubi', country_code: 'NG', precision: 2 } });
    expect(doc.events[0]?.location).toMatchObject({ name: 'Mubi', precision: 2 });
  });

  it('takes the ends of a route only when nothing else is named', () => {
    const doc = analysed('On 5 June 2021, truck drivers protested on the Lagos - Ibadan road near Sagamu, demanding lower tolls.');
    const mentions = placeMentions(doc);
    expect(mentionOf(doc, mentions, 'Lagos')?.aside).toBe(true);
    expect(mentionOf(doc, mentions, 'Ibadan')?.aside).toBe(true);
    expect(doc.events[0]?.location?.country).toBe('Nigeria');
    expect(placeKey(doc.events[0]!.location!.name)).toBe(placeKey(mentionOf(doc, mentions, 'Sagamu')!.place.name));
  });

  it('passes over where people came from for where they acted', () => {
    const doc = analysed('On 5 June 2021, villagers protested in Kano after a bus from Zaria crashed.');
    expect(mentionOf(doc, placeMentions(doc), 'Zaria')?.aside).toBe(true);
    expect(doc.events[0]?.location?.name).toBe('Kano');
  });

  it('reads "X in Ar-Y" as X in its container even when the tagger left the article out', () => {
    const doc = analysed('On 5 June 2021, rebels shelled farms near Tal Abyad in Ar-Raqqa, damaging a barn.');
    const mentions = placeMentions(doc);
    expect(mentionOf(doc, mentions, 'Raqqa')?.container).toBe(true);
    expect(placeKey(doc.events[0]!.location!.name)).toBe(placeKey(mentionOf(doc, mentions, 'Tal Abyad')!.place.name));
  });

  it('lets a place\'s other name stand in brackets before its district noun', () => {
    const doc = analysed('On 5 June 2021, militants attacked a checkpoint in the Zzyzx area of Spin Boldak (Old Boldak) district, Kandahar.');
    expect(mentionOf(doc, placeMentions(doc), 'Kandahar')?.container).toBe(true);
    expect(doc.events[0]?.location?.precision).toBe(2);
    expect(placeKey(doc.events[0]!.location!.name)).toBe(placeKey('Spin Boldak'));
  });

  it('prefers the district in brackets to the country-wide phrase it locates', () => {
    const doc = analysed('On 5 June 2021, rebels fired mortars at Zzyzx village in western Yemen (Hays, Al Hudaydah), damaging a school.');
    const location = doc.events[0]?.location;
    expect(location?.precision).toBeLessThan(3);
    expect(placeKey(location!.name)).toBe(placeKey('Hays'));
  });

  it('keeps a district named before a country-wide phrase over the province in brackets after it', () => {
    const doc = analysed('On 5 June 2021, rebels shelled houses in Hayfan district in southern Yemen (Taizz), wounding a woman.');
    expect(mentionOf(doc, placeMentions(doc), 'Taizz')?.container).toBe(true);
    expect(placeKey(doc.events[0]!.location!.name)).toBe(placeKey('Hayfan'));
  });

  it('takes no country from a currency\'s name', () => {
    const doc = analysed('On 5 June 2021, shopkeepers protesting the soaring US dollar blocked the main road in Zahle.');
    expect(placeMentions(doc).map((m) => m.place.country_code)).not.toContain('US');
    expect(doc.events[0]?.location?.country).toBe('Lebanon');
  });

  it('looks inside a tagged span that runs on into ordinary words', () => {
    const doc = taggedAs('A small protest was held in Pinsk of the Brest region out of solidarity with farmers.', 'Pinsk of the Brest region out of solidarity with farmers', 'LOC');
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => doc.body.slice(m.start, m.end))).toEqual(['Pinsk']);
    expect(mentions[0]!.place.country_code).toBe('BY');
  });

  it('keeps a town\'s name when a force is named "X City police"', () => {
    const doc = untagged('Two men were wounded on Friday, Baton Rouge City police said.');
    const mentions = placeMentions(doc);
    expect(mentions.map((m) => doc.body.slice(m.start, m.end))).toEqual(['Baton Rouge']);
    expect(mentions[0]!.place.country_code).toBe('US');
  });
});
