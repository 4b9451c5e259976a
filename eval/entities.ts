/**
 * Within-document entity coreference of named mentions on MEANTIME (intra-doc annotation):
 * NAM mentions of PER/ORG/LOC entities that a predicted entity covers (same or overlapping span)
 * are scored by whether predicted keys group them as the gold entities do: pairwise link
 * P/R/F1 and B-cubed F1. "tagger" = the NER keys (type:slug(text)); "canonical" = this module.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from './datasets.js';
import type { Entity } from '../src/document.js';
import { splitSentences } from '../src/annotate/sentences.js';
import { findEntities } from '../src/annotate/ner/index.js';
import { canonicalizeEntities } from '../src/annotate/entities/index.js';

const XML: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (t: string): string => t.replace(/&(\w+);/g, (m, n: string) => XML[n] ?? m);

interface Gold { start: number; end: number; entity: string; type: string }

function parse(xml: string): { body: string; gold: Gold[] } {
  const sentences: Array<Array<{ id: string; text: string }>> = [];
  for (const m of xml.matchAll(/<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    const s = Number(m[1]);
    while (sentences.length <= s) sentences.push([]);
    sentences[s]!.push({ id: m[2]!, text: unescape(m[3]!) });
  }
  const offsets = new Map<string, { start: number; end: number; text: string }>();
  let body = '';
  for (const sentence of sentences) {
    if (sentence.length === 0) continue;
    if (body !== '') body += '\n';
    sentence.forEach((t, i) => {
      if (i > 0) body += ' ';
      offsets.set(t.id, { start: body.length, end: body.length + t.text.length, text: t.text });
      body += t.text;
    });
  }
  const entityType = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY [^>]*?ent_type="(\w*)"[^>]*?m_id="(\d+)"/g)) entityType.set(m[2]!, m[1]!);
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    if (target) for (const s of m[1]!.matchAll(/<source m_id="(\d+)"/g)) refersTo.set(s[1]!, target);
  }
  const gold: Gold[] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION [^>]*?m_id="(\d+)" syntactic_type="NAM">([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const anchors = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((a) => offsets.get(a[1]!)).filter((a) => a !== undefined);
    const entity = refersTo.get(m[1]!);
    const type = entityType.get(entity ?? '');
    if (anchors.length === 0 || !entity || !type || !['PER', 'ORG', 'LOC'].includes(type)) continue;
    anchors.sort((a, b) => a.start - b.start);
    if (anchors.length > 1 && /^(?:the|a|an)$/i.test(anchors[0]!.text)) anchors.shift();
    gold.push({ start: anchors[0]!.start, end: anchors[anchors.length - 1]!.end, entity, type });
  }
  return { body, gold };
}

function keyFor(g: Gold, entities: readonly Entity[]): string | undefined {
  // MEANTIME's name spans hold modifiers ("U.S. automaker GM"): the head is the last name inside.
  const exact = entities.find((e) => e.start === g.start && e.end === g.end);
  const inside = entities.filter((e) => e.start >= g.start && e.end <= g.end).pop();
  return (exact ?? inside ?? entities.find((e) => e.start < g.end && g.start < e.end))?.key;
}

interface Tally { both: number; predicted: number; gold: number; b3p: number; b3r: number; n: number }
const tally = (): Tally => ({ both: 0, predicted: 0, gold: 0, b3p: 0, b3r: 0, n: 0 });

function add(t: Tally, items: ReadonlyArray<{ gold: string; key: string }>): void {
  for (let i = 0; i < items.length; i++) {
    let sameGold = 0, sameKey = 0, sameBoth = 0;
    for (let j = 0; j < items.length; j++) {
      const g = items[i]!.gold === items[j]!.gold, k = items[i]!.key === items[j]!.key;
      if (g) sameGold++;
      if (k) sameKey++;
      if (g && k) sameBoth++;
      if (j > i) { if (g) t.gold++; if (k) t.predicted++; if (g && k) t.both++; }
    }
    t.b3p += sameBoth / sameKey;
    t.b3r += sameBoth / sameGold;
    t.n++;
  }
}

const f = (x: number): string => x.toFixed(3);
function report(name: string, t: Tally, docs: number): void {
  const p = t.both / t.predicted, r = t.both / t.gold, bp = t.b3p / t.n, br = t.b3r / t.n;
  console.log(`entities meantime-nam-coref ${name.padEnd(9)} links P ${f(p)} R ${f(r)} F1 ${f((2 * p * r) / (p + r))} | B3 P ${f(bp)} R ${f(br)} F1 ${f((2 * bp * br) / (bp + br))} (${t.n} matched NAM mentions, ${t.gold} gold links, ${docs} documents)`);
}

/** `npm run eval -- entities`: within-document grouping of named mentions on MEANTIME (env SHOW=1 lists errors). */
export default async function evaluateEntities(): Promise<void> {
  const dir = datasetDir('meantime');
  if (!dir) return;
  const root = join(dir, 'intra-doc_annotation');
  const tagger = tally(), ours = tally();
  let docs = 0, ms = 0;
  for (const corpus of readdirSync(root)) {
    for (const file of readdirSync(join(root, corpus)).filter((x) => x.endsWith('.xml'))) {
      const { body, gold } = parse(readFileSync(join(root, corpus, file), 'utf8'));
      const { sentences, tokens } = splitSentences(body);
      const raw = findEntities(body, sentences, tokens);
      const t0 = performance.now();
      const canonical = canonicalizeEntities(body, raw);
      ms += performance.now() - t0;
      docs++;
      const a: Array<{ gold: string; key: string }> = [], b: Array<{ gold: string; key: string }> = [];
      for (const g of gold) {
        const k1 = keyFor(g, raw), k2 = keyFor(g, canonical);
        if (k1 === undefined || k2 === undefined) continue;
        a.push({ gold: g.entity, key: k1 });
        b.push({ gold: g.entity, key: k2 });
      }
      add(tagger, a);
      add(ours, b);
    }
  }
  report('tagger', tagger, docs);
  report('canonical', ours, docs);
  console.log(`entities canonicalize time ${ms.toFixed(0)} ms for ${docs} documents`);
  if (process.env.SHOW) {
    const missed = new Map<string, number>(), wrong = new Map<string, number>();
    for (const corpus of readdirSync(root)) for (const file of readdirSync(join(root, corpus)).filter((x) => x.endsWith('.xml'))) {
      const { body, gold } = parse(readFileSync(join(root, corpus, file), 'utf8'));
      const { sentences, tokens } = splitSentences(body);
      const canonical = canonicalizeEntities(body, findEntities(body, sentences, tokens));
      const items = gold.map((g) => ({ g, key: keyFor(g, canonical), text: body.slice(g.start, g.end) })).filter((x) => x.key);
      for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
        const x = items[i]!, y = items[j]!;
        if (x.text === y.text) continue;
        const pair = [x.text + ' [' + x.key + ']', y.text + ' [' + y.key + ']'].sort().join('  ~  ');
        if (x.g.entity === y.g.entity && x.key !== y.key) missed.set(pair, (missed.get(pair) ?? 0) + 1);
        if (x.g.entity !== y.g.entity && x.key === y.key) wrong.set(pair, (wrong.get(pair) ?? 0) + 1);
      }
    }
    console.log('MISSED'); for (const [p, n] of [...missed].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(n, p);
    console.log('WRONG'); for (const [p, n] of [...wrong].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(n, p);
  }
}
