/**
 * A deterministic generator of synthetic news articles for benchmarks: the same seed and N always
 * give the same documents. Articles are ~600 words (typical news length) of fictional wire-style
 * prose with the things the pipeline works on: dates, weekdays, hedged figures, quotes, attributions.
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

const PLACES = ['Marvale', 'Port Salva', 'Tarn', 'Kesh Valley', 'Orlin', 'Vell', 'Duskmoor', 'Ashgate', 'Brenn', 'Lowmarch'];
const PEOPLE = ['Amara Olen', 'Teodor Vask', 'Lina Marsh', 'Idris Calloway', 'Petra Nune', 'Joss Arlen'];
const GROUPS = ['the Northern Front', 'government forces', 'the river militia', 'opposition fighters', 'border police'];
const OUTLETS = ['Northgate Wire', 'Marvale Courier', 'Port Salva Times', 'Kesh Daily', 'Orlin Post'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HEDGES = ['at least', 'up to', 'around', 'more than', 'nearly', ''];
const VERBS = ['said', 'told reporters', 'said in a statement', 'wrote on social media'];
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

export interface SyntheticRecord {
  id: string;
  source: string;
  url: string;
  published: string;
  title: string;
  text: string;
}

export function generateArticles(n: number, seed = 42): SyntheticRecord[] {
  const out: SyntheticRecord[] = [];
  for (const record of articleStream(n, seed)) out.push(record);
  return out;
}

export function* articleStream(n: number, seed = 42): Generator<SyntheticRecord> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const place = pick(PLACES);
    const outlet = pick(OUTLETS);
    const day = 1 + Math.floor(random() * 28);
    const published = `2025-03-${String(day).padStart(2, '0')}`;
    const paragraphs: string[] = [];
    let words = 0;
    while (words < 600) {
      const sentence = pickSentence(pick, random, place);
      paragraphs.push(sentence);
      words += sentence.split(/\s+/).length;
    }
    yield {
      id: `synthetic-${seed}-${i}`,
      source: outlet,
      url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/2025/03/${day}/story-${i}`,
      published,
      title: `Fighting near ${place} leaves dozens dead (synthetic ${i})`,
      text: paragraphs.join('\n\n'),
    };
  }
}

function pickSentence(pick: <T>(xs: readonly T[]) => T, random: () => number, place: string): string {
  const n = 2 + Math.floor(random() * 60);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${capitalise(`${pick(HEDGES)} ${n}`.trim())} people were killed and ${pick(HEDGES)} ${n * 2} wounded when ${pick(GROUPS)} shelled ${place} on ${pick(WEEKDAYS)}, ${pick(OUTLETS)} reported, citing the interior ministry.`;
    case 1:
      return `“We will not leave ${place}. We have nowhere else to go,” ${pick(PEOPLE)} ${pick(VERBS)} on ${pick(WEEKDAYS)}.`;
    case 2:
      return `${pick(PEOPLE)} said ${pick(GROUPS)} had taken control of ${n} villages around ${place} since December, and that around ${n * 1000} people had fled in recent weeks.`;
    case 3:
      return `The fighting began in 2018 and has displaced some ${(n / 10).toFixed(1)} million people, according to the ${pick(['UN refugee agency', 'Red Crescent', 'monitoring group'])}.`;
    default:
      return pick(FILLER);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
