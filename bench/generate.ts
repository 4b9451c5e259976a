/**
 * A deterministic generator of synthetic news articles for benchmarks: the same seed and N always
 * give the same documents. Articles are ~600 words (typical news length) of fictional wire-style
 * prose with the things the pipeline works on: dates, weekdays, hedged figures, quotes, attributions.
 *
 * The stream is shaped like a news flow, so that linking is measured on realistic work: articles
 * arrive `perDay` a day; each belongs to a story (a fictional place, people, an armed group and a
 * toll of its own), which starts with one article and is followed up by others for a few days —
 * about one article in four opens a new story, and follow-ups favour stories already reported
 * often (a few big stories, many small ones: over 4,000 articles, mean 5, largest 75). Everything named is invented from syllables.
 */

/** Mulberry32: small, fast, good enough for picking words. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ro', 'vel', 'mi', 'dun', 'sa', 'tor', 'lin', 'bre', 'os', 'ma', 'rek', 'ti', 'van', 'zo', 'hal', 'ne', 'gor', 'il', 'bas', 'un', 'dra', 'fe', 'kul'];
const GROUP_KINDS = ['Front', 'Brigade', 'Movement', 'Militia', 'Army', 'Guard'];
const GENERIC_GROUPS = ['government forces', 'opposition fighters', 'border police', 'security forces'];
const OUTLETS = ['Northgate Wire', 'Marvale Courier', 'Port Salva Times', 'Kesh Daily', 'Orlin Post', 'Ashgate Herald', 'Lowmarch Radio', 'Brenn Observer'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HEDGES = ['at least', 'up to', 'around', 'more than', 'nearly', ''];
const VERBS = ['said', 'told reporters', 'said in a statement', 'wrote on social media'];
const SOURCES = ['UN refugee agency', 'Red Crescent', 'monitoring group', 'interior ministry', 'health ministry'];
const FILLER = [
  'The situation in the region remained tense as aid agencies called for access to the worst-affected districts.',
  'Officials said talks between the two sides would continue despite the latest violence.',
  'Residents described long queues at checkpoints and shortages of fuel and bread.',
  'The ministry did not respond to a request for comment on the figures.',
  'Analysts said the fighting could spread to neighbouring provinces within weeks.',
  'Hospitals in the city reported that they were running low on medical supplies.',
  'The council is expected to meet again next week to discuss a ceasefire proposal.',
  'Local journalists were unable to verify the reports independently.',
];
const START = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;
/** Follow-ups go to stories opened within this many days. */
const STORY_LIFE_DAYS = 4;

export interface SyntheticRecord {
  id: string;
  source: string;
  url: string;
  published: string;
  title: string;
  text: string;
}

export interface StreamOptions {
  /** Articles per day of publication (default 300: a large multi-outlet stream). */
  perDay?: number;
  /** Share of articles that open a new story (default 0.25). */
  newStoryShare?: number;
}

interface SyntheticStory {
  day: number;
  place: string;
  people: [string, string];
  group: string;
  killed: number;
  /** The day of the week the story's main event happened (the day before the story opened). */
  weekday: string;
  articles: number;
}

export function generateArticles(n: number, seed = 42, options: StreamOptions = {}): SyntheticRecord[] {
  const out: SyntheticRecord[] = [];
  for (const record of articleStream(n, seed, options)) out.push(record);
  return out;
}

export function* articleStream(n: number, seed = 42, options: StreamOptions = {}): Generator<SyntheticRecord> {
  const perDay = options.perDay ?? 300;
  const newStoryShare = options.newStoryShare ?? 0.25;
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const name = (syllables: number): string => {
    let s = '';
    for (let i = 0; i < syllables; i++) s += pick(SYLLABLES);
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const stories: SyntheticStory[] = [];
  let firstActive = 0;
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / perDay);
    while (firstActive < stories.length && stories[firstActive]!.day < day - STORY_LIFE_DAYS) firstActive++;
    let story: SyntheticStory;
    if (firstActive === stories.length || random() < newStoryShare) {
      story = {
        day,
        place: name(2 + Math.floor(random() * 2)),
        people: [`${name(2)} ${name(2)}`, `${name(2)} ${name(3)}`],
        group: `the ${name(2)} ${pick(GROUP_KINDS)}`,
        killed: 2 + Math.floor(random() * 60),
        weekday: WEEKDAYS[(new Date(START + day * DAY_MS).getUTCDay() + 5) % 7]!,
        articles: 0,
      };
      stories.push(story);
    } else {
      story = preferential(stories, firstActive, random);
    }
    story.articles++;
    const outlet = pick(OUTLETS);
    const date = new Date(START + day * DAY_MS).toISOString().slice(0, 10);
    const paragraphs: string[] = [];
    let words = 0;
    while (words < 600) {
      const sentence = pickSentence(pick, random, story);
      paragraphs.push(sentence);
      words += sentence.split(/\s+/).length;
    }
    const slug = outlet.toLowerCase().replace(/\s+/g, '-');
    yield {
      id: `synthetic-${seed}-${i}`,
      source: outlet,
      url: `https://${slug}.example/${date.replaceAll('-', '/')}/story-${i}`,
      published: date,
      title: `Fighting near ${story.place} leaves dozens dead (synthetic ${i})`,
      text: paragraphs.join('\n\n'),
    };
  }
}

/** A recent story, chosen in proportion to the square root of the articles it already has (rich get richer, within reason). */
function preferential(stories: readonly SyntheticStory[], from: number, random: () => number): SyntheticStory {
  let total = 0;
  for (let k = from; k < stories.length; k++) total += Math.sqrt(stories[k]!.articles);
  let r = random() * total;
  for (let k = from; k < stories.length; k++) {
    r -= Math.sqrt(stories[k]!.articles);
    if (r < 0) return stories[k]!;
  }
  return stories[stories.length - 1]!;
}

function pickSentence(pick: <T>(xs: readonly T[]) => T, random: () => number, story: SyntheticStory): string {
  const n = story.killed;
  const { place } = story;
  const group = random() < 0.6 ? story.group : pick(GENERIC_GROUPS);
  const weekday = random() < 0.8 ? story.weekday : pick(WEEKDAYS);
  switch (Math.floor(random() * 6)) {
    case 0: {
      const reported = random() < 0.7 ? n : n + 1 + Math.floor(random() * 5);
      return `${capitalise(`${pick(HEDGES)} ${reported}`.trim())} people were killed and ${pick(HEDGES)} ${reported * 2} wounded when ${group} shelled ${place} on ${weekday}, ${pick(OUTLETS)} reported, citing the ${pick(SOURCES)}.`;
    }
    case 1:
      return `“We will not leave ${place}. We have nowhere else to go,” ${pick(story.people)} ${pick(VERBS)} on ${weekday}.`;
    case 2:
      return `${pick(story.people)} said ${group} had taken control of ${n} villages around ${place} since December, and that around ${n * 1000} people had fled in recent weeks.`;
    case 3:
      return `The fighting began in 2018 and has displaced some ${(n / 10).toFixed(1)} million people, according to the ${pick(SOURCES)}.`;
    default:
      return pick(FILLER);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
