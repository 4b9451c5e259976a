import type { Source } from '../document.js';
import type { PageMeta } from './meta.js';

interface KnownOutlet {
  name: string;
  domains: string[];
  /** Other spellings used in bylines, datelines and lead-ins ("AP", "Agence France-Presse"). */
  aliases?: string[];
}

/** Major outlets and agencies. Names as the outlet writes itself; wire agencies by their usual short name. */
const KNOWN_OUTLETS: KnownOutlet[] = [
  // wire services and agencies
  { name: 'Reuters', domains: ['reuters.com'] },
  { name: 'Associated Press', domains: ['apnews.com', 'ap.org'], aliases: ['AP', 'The Associated Press'] },
  { name: 'AFP', domains: ['afp.com'], aliases: ['Agence France-Presse', 'Agence France Presse'] },
  { name: 'Anadolu Agency', domains: ['aa.com.tr'], aliases: ['AA', 'Anadolu', 'Anadolu News Agency'] },
  { name: 'United Press International', domains: ['upi.com'], aliases: ['UPI'] },
  { name: 'dpa', domains: ['dpa.com', 'dpa-international.com'], aliases: ['DPA', 'Deutsche Presse-Agentur'] },
  { name: 'EFE', domains: ['efe.com'], aliases: ['Agencia EFE'] },
  { name: 'ANSA', domains: ['ansa.it'] },
  { name: 'Xinhua', domains: ['xinhuanet.com', 'news.cn'], aliases: ['Xinhua News Agency'] },
  { name: 'TASS', domains: ['tass.com', 'tass.ru'] },
  { name: 'RIA Novosti', domains: ['ria.ru'] },
  { name: 'Interfax', domains: ['interfax.com', 'interfax.ru'] },
  { name: 'Kyodo News', domains: ['kyodonews.net'], aliases: ['Kyodo'] },
  { name: 'Yonhap', domains: ['yna.co.kr'], aliases: ['Yonhap News Agency'] },
  { name: 'Press Trust of India', domains: ['ptinews.com'], aliases: ['PTI'] },
  { name: 'IANS', domains: ['ians.in'], aliases: ['Indo-Asian News Service'] },
  { name: 'ANI', domains: ['aninews.in'], aliases: ['Asian News International'] },
  { name: 'IRNA', domains: ['irna.ir'], aliases: ['Islamic Republic News Agency'] },
  { name: 'ISNA', domains: ['isna.ir'] },
  { name: 'Tasnim News Agency', domains: ['tasnimnews.com'], aliases: ['Tasnim'] },
  { name: 'Fars News Agency', domains: ['farsnews.ir'], aliases: ['Fars'] },
  { name: 'Mehr News Agency', domains: ['mehrnews.com'], aliases: ['Mehr'] },
  { name: 'SANA', domains: ['sana.sy'], aliases: ['Syrian Arab News Agency'] },
  { name: 'WAFA', domains: ['wafa.ps', 'english.wafa.ps'] },
  { name: 'Bernama', domains: ['bernama.com'] },
  { name: 'Antara', domains: ['antaranews.com'] },
  { name: 'Bloomberg', domains: ['bloomberg.com'] },
  { name: 'Canadian Press', domains: ['thecanadianpress.com'], aliases: ['The Canadian Press', 'CP'] },
  { name: 'AAP', domains: ['aap.com.au'], aliases: ['Australian Associated Press'] },
  // broadcasters
  { name: 'BBC', domains: ['bbc.co.uk', 'bbc.com'], aliases: ['BBC News'] },
  { name: 'CNN', domains: ['cnn.com'] },
  { name: 'Al Jazeera', domains: ['aljazeera.com', 'aljazeera.net'] },
  { name: 'Al Arabiya', domains: ['alarabiya.net'] },
  { name: 'Sky News', domains: ['news.sky.com', 'sky.com', 'skynews.com.au'] },
  { name: 'NBC News', domains: ['nbcnews.com'] },
  { name: 'CBS News', domains: ['cbsnews.com'] },
  { name: 'ABC News', domains: ['abcnews.go.com', 'abcnews.com'] },
  { name: 'ABC News (Australia)', domains: ['abc.net.au'] },
  { name: 'Fox News', domains: ['foxnews.com'] },
  { name: 'NPR', domains: ['npr.org'] },
  { name: 'PBS', domains: ['pbs.org'] },
  { name: 'CBC News', domains: ['cbc.ca'], aliases: ['CBC'] },
  { name: 'Deutsche Welle', domains: ['dw.com'], aliases: ['DW'] },
  { name: 'France 24', domains: ['france24.com'] },
  { name: 'RFI', domains: ['rfi.fr'], aliases: ['Radio France Internationale'] },
  { name: 'Euronews', domains: ['euronews.com'] },
  { name: 'RT', domains: ['rt.com'], aliases: ['Russia Today'] },
  { name: 'Sputnik', domains: ['sputniknews.com', 'sputnikglobe.com'] },
  { name: 'TRT World', domains: ['trtworld.com'] },
  { name: 'Press TV', domains: ['presstv.ir', 'presstv.com'], aliases: ['PressTV'] },
  { name: 'Iran Press', domains: ['iranpress.com'] },
  { name: 'CGTN', domains: ['cgtn.com'] },
  { name: 'NHK', domains: ['nhk.or.jp'], aliases: ['NHK World'] },
  { name: 'Voice of America', domains: ['voanews.com'], aliases: ['VOA'] },
  { name: 'Radio Free Europe/Radio Liberty', domains: ['rferl.org'], aliases: ['RFE/RL'] },
  { name: 'Middle East Eye', domains: ['middleeasteye.net'] },
  { name: 'i24NEWS', domains: ['i24news.tv'] },
  // newspapers and news sites
  { name: 'The New York Times', domains: ['nytimes.com'], aliases: ['New York Times', 'NYT'] },
  { name: 'The Washington Post', domains: ['washingtonpost.com'], aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', domains: ['wsj.com'], aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'USA Today', domains: ['usatoday.com'] },
  { name: 'Los Angeles Times', domains: ['latimes.com'], aliases: ['LA Times'] },
  { name: 'Chicago Tribune', domains: ['chicagotribune.com'] },
  { name: 'The Boston Globe', domains: ['bostonglobe.com'], aliases: ['Boston Globe'] },
  { name: 'New York Post', domains: ['nypost.com'] },
  { name: 'Politico', domains: ['politico.com', 'politico.eu'] },
  { name: 'The Hill', domains: ['thehill.com'] },
  { name: 'Axios', domains: ['axios.com'] },
  { name: 'HuffPost', domains: ['huffpost.com', 'huffingtonpost.com'] },
  { name: 'Business Insider', domains: ['businessinsider.com', 'insider.com'] },
  { name: 'CNBC', domains: ['cnbc.com'] },
  { name: 'Newsweek', domains: ['newsweek.com'] },
  { name: 'Time', domains: ['time.com'] },
  { name: 'The Atlantic', domains: ['theatlantic.com'] },
  { name: 'Vox', domains: ['vox.com'] },
  { name: 'Forbes', domains: ['forbes.com'] },
  { name: 'The Guardian', domains: ['theguardian.com', 'guardian.co.uk'], aliases: ['Guardian'] },
  { name: 'The Times', domains: ['thetimes.co.uk'] },
  { name: 'The Telegraph', domains: ['telegraph.co.uk'], aliases: ['Telegraph', 'Daily Telegraph'] },
  { name: 'The Independent', domains: ['independent.co.uk'], aliases: ['Independent'] },
  { name: 'Financial Times', domains: ['ft.com'], aliases: ['FT'] },
  { name: 'The Economist', domains: ['economist.com'], aliases: ['Economist'] },
  { name: 'Daily Mail', domains: ['dailymail.co.uk'], aliases: ['Mail Online', 'MailOnline'] },
  { name: 'The Sun', domains: ['thesun.co.uk'] },
  { name: 'Daily Mirror', domains: ['mirror.co.uk'], aliases: ['Mirror'] },
  { name: 'Evening Standard', domains: ['standard.co.uk'] },
  { name: 'Le Monde', domains: ['lemonde.fr'] },
  { name: 'Le Figaro', domains: ['lefigaro.fr'] },
  { name: 'Der Spiegel', domains: ['spiegel.de'], aliases: ['Spiegel'] },
  { name: 'Die Zeit', domains: ['zeit.de'] },
  { name: 'Frankfurter Allgemeine Zeitung', domains: ['faz.net'], aliases: ['FAZ'] },
  { name: 'El País', domains: ['elpais.com'], aliases: ['El Pais'] },
  { name: 'Corriere della Sera', domains: ['corriere.it'] },
  { name: 'Haaretz', domains: ['haaretz.com', 'haaretz.co.il'] },
  { name: 'The Times of Israel', domains: ['timesofisrael.com'], aliases: ['Times of Israel'] },
  { name: 'The Jerusalem Post', domains: ['jpost.com'], aliases: ['Jerusalem Post'] },
  { name: 'Hürriyet Daily News', domains: ['hurriyetdailynews.com'], aliases: ['Hurriyet Daily News'] },
  { name: 'Daily Sabah', domains: ['dailysabah.com'] },
  { name: 'Arab News', domains: ['arabnews.com'] },
  { name: 'The National', domains: ['thenationalnews.com', 'thenational.ae'] },
  { name: 'Gulf News', domains: ['gulfnews.com'] },
  { name: 'Asharq Al-Awsat', domains: ['aawsat.com'] },
  { name: 'The Daily Star', domains: ['dailystar.com.lb'] },
  { name: 'Dawn', domains: ['dawn.com'] },
  { name: 'The Times of India', domains: ['timesofindia.indiatimes.com', 'indiatimes.com'], aliases: ['Times of India'] },
  { name: 'Hindustan Times', domains: ['hindustantimes.com'] },
  { name: 'The Hindu', domains: ['thehindu.com'] },
  { name: 'NDTV', domains: ['ndtv.com'] },
  { name: 'South China Morning Post', domains: ['scmp.com'], aliases: ['SCMP'] },
  { name: 'The Japan Times', domains: ['japantimes.co.jp'], aliases: ['Japan Times'] },
  { name: 'The Straits Times', domains: ['straitstimes.com'], aliases: ['Straits Times'] },
  { name: 'The Sydney Morning Herald', domains: ['smh.com.au'], aliases: ['Sydney Morning Herald'] },
  { name: 'The Globe and Mail', domains: ['theglobeandmail.com'], aliases: ['Globe and Mail'] },
  { name: 'Toronto Star', domains: ['thestar.com'] },
  { name: 'The Moscow Times', domains: ['themoscowtimes.com'], aliases: ['Moscow Times'] },
  { name: 'Kyiv Independent', domains: ['kyivindependent.com'], aliases: ['The Kyiv Independent'] },
];

/** Two-level public suffixes under which the registrable domain has three labels (bbc.co.uk). */
const SECOND_LEVEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk',
  'com.au', 'net.au', 'org.au', 'gov.au', 'edu.au', 'co.nz', 'org.nz', 'govt.nz',
  'co.jp', 'or.jp', 'ne.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'go.kr',
  'co.in', 'org.in', 'gov.in', 'net.in', 'co.za', 'org.za', 'gov.za', 'co.il', 'org.il', 'gov.il',
  'com.tr', 'org.tr', 'gov.tr', 'com.br', 'org.br', 'gov.br', 'com.ar', 'com.mx', 'com.cn', 'gov.cn',
  'com.hk', 'com.sg', 'com.my', 'com.pk', 'com.eg', 'com.sa', 'com.lb', 'com.ng', 'co.ke', 'com.ua',
  'com.pl', 'co.id', 'or.id', 'com.ph', 'com.tw', 'com.vn', 'co.th', 'ac.th',
]);

const BY_DOMAIN = new Map(KNOWN_OUTLETS.flatMap((o) => o.domains.map((d) => [d, o.name] as const)));
const BY_NAME = new Map(
  KNOWN_OUTLETS.flatMap((o) => [o.name, ...(o.aliases ?? [])].map((alias) => [squash(alias), o.name] as const)),
);

/** Words that end an outlet's name ("… News", "… Times") when a lead-in names an unknown outlet. */
const OUTLET_WORDS =
  /\b(?:news|press|times|post|agency|tv|radio|herald|tribune|journal|gazette|daily|online|network|today|observer|chronicle|telegraph|guardian|express|monitor|report|star|mail|sun|wire|media|magazine|review|dispatch|courier|standard|independent|insider)$/i;

/** Lead-ins that end in an outlet word but are section or story labels ("Breaking News:", "Press Release:"). */
const NOT_AN_OUTLET =
  /^(?:breaking|latest|top|world|local|national|international|more|related|recent|read|watch|live|sports?|business|tech|exclusive|opinion|editorial|update[sd]?|press\s+release|fake|good|bad|big|daily\s+news|news)\b/i;

// ---------------------------------------------------------------- domain

/** web.archive.org/web/20141108120159/http://www.example.com/story (also with `id_`-style flags). */
const WAYBACK_URL = /^(?:https?:\/\/)?(?:web\.)?archive\.org\/web\/(\d{4,14})[a-z_]*\/(.+)$/i;

/**
 * The page an archive URL is a copy of, and when the copy was taken (the page existed then, so it
 * bounds the publication date). Other URLs come back unchanged, with no snapshot time.
 */
export function unwrapArchiveUrl(url: string): { url: string; archivedAt: Date | null } {
  const m = url.trim().match(WAYBACK_URL);
  if (!m?.[1] || !m[2]) return { url, archivedAt: null };
  const original = /^[a-z]+:\/\//i.test(m[2]) ? m[2] : `http://${m[2]}`;
  const t = m[1].padEnd(14, '0');
  const archivedAt = new Date(
    Date.UTC(Number(t.slice(0, 4)), Number(t.slice(4, 6) || '1') - 1, Number(t.slice(6, 8) || '1'), Number(t.slice(8, 10)), Number(t.slice(10, 12)), Number(t.slice(12, 14))),
  );
  return { url: original, archivedAt: Number.isNaN(archivedAt.getTime()) ? null : archivedAt };
}

/** The registrable domain of a URL's host, without "www.": news.bbc.co.uk → bbc.co.uk; archive copies → the original's. */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(unwrapArchiveUrl(url.trim()).url).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  if (!host || /^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.')) return host || null;
  const labels = host.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = SECOND_LEVEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  const known = knownDomainSuffix(host);
  return known ?? labels.slice(-keep).join('.');
}

/** Known outlets listed under a subdomain (news.sky.com) keep it. */
function knownDomainSuffix(host: string): string | null {
  const labels = host.replace(/^www\./, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join('.');
    if (BY_DOMAIN.has(candidate)) return candidate;
  }
  return null;
}

export function knownOutletByDomain(domain: string | null): string | null {
  return domain ? (BY_DOMAIN.get(domain) ?? null) : null;
}

export function knownOutletByName(name: string): string | null {
  return BY_NAME.get(squash(name)) ?? null;
}

// ---------------------------------------------------------------- text cues

interface NameRule {
  name: string;
  find(lines: string[]): string | null;
}

const LEAD_IN_LINES = 4;
const WIRE_DATELINE = /\(([\p{L}][\p{L} .&/-]{0,40}?)\)\s*[-–—]/u;
const POSTED_BY = /\b[Pp]osted\b(?:\s+on)?[^\n]{0,60}?\b[Bb]y\s+([\p{L}\p{N}_.-]+(?:\s+[\p{Lu}][\p{L}.-]*){0,3})/u;
const LEAD_IN = /^([\p{Lu}][\p{L}\p{N}&'’.-]*(?:\s+[\p{Lu}\d][\p{L}\p{N}&'’.-]*){0,4})(?:\s*[/|]\s*[\p{L} ]{2,20})?\s*:\s+\S/u;

const NAME_RULES: NameRule[] = [
  { name: 'lead-in "Outlet:"', find: (lines) => firstOf(lines.slice(0, LEAD_IN_LINES), leadInOutlet) },
  { name: 'wire dateline', find: (lines) => firstOf(lines.slice(0, LEAD_IN_LINES), wireDateline) },
  { name: 'blog "Posted on … by NAME"', find: (lines) => firstOf(lines.slice(0, LEAD_IN_LINES), postedBy) },
  { name: 'byline or credit line', find: (lines) => firstOf(lines.slice(0, LEAD_IN_LINES), creditLine) },
];

function firstOf(lines: string[], read: (line: string) => string | null): string | null {
  for (const line of lines) {
    const found = read(line);
    if (found) return found;
  }
  return null;
}

/**
 * "Iran Press/Asia: …", "Iran PressAsia: …" (outlet glued to a section label), "Daily Planet News: …".
 * Only clearly an outlet: a known name, or a short title-case name ending in an outlet word.
 */
function leadInOutlet(line: string): string | null {
  const m = line.match(LEAD_IN);
  const label = m?.[1];
  if (!label) return null;
  const known = knownOutletByName(label) ?? knownOutletPrefix(label);
  if (known) return known;
  const words = label.split(/\s+/).length;
  return OUTLET_WORDS.test(label) && words >= 2 && !NOT_AN_OUTLET.test(label) ? label : null;
}

/** A known outlet name followed directly by a capitalised section label ("Iran PressAsia"). */
function knownOutletPrefix(label: string): string | null {
  for (const outlet of KNOWN_OUTLETS) {
    for (const alias of [outlet.name, ...(outlet.aliases ?? [])]) {
      if (alias.length < 4 || !label.startsWith(alias)) continue;
      const rest = label.slice(alias.length);
      if (/^\s*[/|]?\s*\p{Lu}[\p{L}]*$/u.test(rest)) return outlet.name;
    }
  }
  return null;
}

/** "ISTANBUL, March 1 (Reuters) -": a known agency, or an unknown one after an upper-case place. */
function wireDateline(line: string): string | null {
  const m = line.slice(0, 120).match(WIRE_DATELINE);
  const label = m?.[1]?.trim();
  if (!label) return null;
  const known = knownOutletByName(label);
  if (known) return known;
  const before = line.slice(0, m?.index ?? 0);
  return /^[\p{Lu}]{3,}/u.test(before) && label.split(/\s+/).length <= 4 ? label : null;
}

/** Short credit lines: "By Ana Reyes, Meridian Press Agency", "Halden Courier staff", "Relief Network — field team". */
const CREDIT_LINES = [
  /^By\s+[^,]{2,60},\s+(.+)$/u,
  /^(.+?)\s+(?:staff(?:\s+writers?)?|reporters?|correspondents?|newsroom)$/iu,
  /^(.+?)\s+[—–]\s+.{1,60}$/u,
  /^(.+)$/u, // the outlet's name alone on a line
];
const OUTLET_NAME = /^\p{Lu}[\p{L}'’&.-]*(?:\s+(?:of|the|and|&|\p{Lu}[\p{L}'’&.-]*)){1,5}$/u;

function creditLine(line: string): string | null {
  if (line.length > 90 || /[.!?]$/.test(line)) return null;
  for (const pattern of CREDIT_LINES) {
    const label = line.match(pattern)?.[1]?.trim();
    if (!label) continue;
    const known = knownOutletByName(label);
    if (known) return known;
    if (OUTLET_NAME.test(label) && OUTLET_WORDS.test(label) && !NOT_AN_OUTLET.test(label)) return label;
  }
  return null;
}

function postedBy(line: string): string | null {
  const name = line.match(POSTED_BY)?.[1]?.trim();
  if (!name || /^(?:the|a|an|admin|administrator|staff|editor|guest)$/i.test(name)) return null;
  return name;
}

// ---------------------------------------------------------------- findSource

/**
 * The outlet: `field` wins for the name; the domain comes from url or canonical URL. Name from
 * og:site_name, the known-domain table, a text cue (lead-in, wire dateline, blog "posted by"), else
 * the domain itself.
 */
export function findSource(input: { field: string | null; url: string | null; meta: PageMeta | null; text: string }): Source {
  const domain = domainOf(input.url) ?? domainOf(input.meta?.canonicalUrl);
  const lines = input.text.split(/\r?\n/, 50).map((l) => l.trim().slice(0, 600)).filter(Boolean);
  const field = input.field?.trim();
  const siteName = input.meta?.siteName?.trim();
  const name =
    (field || null) ??
    (siteName ? (knownOutletByName(siteName) ?? withoutTagline(siteName)) : null) ??
    siteNameFromTitle(input.meta?.documentTitle ?? null, domain) ??
    knownOutletByDomain(domain) ??
    nameFromText(lines) ??
    domain;
  return { name, domain };
}

/** og:site_name often carries a tagline: "KNB News — Karvonian National Broadcaster" → "KNB News". */
function withoutTagline(name: string): string {
  const [head] = name.split(/\s+[—–|]\s+|\s+-\s+/);
  return head && head.trim().length >= 2 ? head.trim() : name;
}

/**
 * Without og:site_name, a page title's affix names the site when it spells the domain:
 * "Flood warning | The Eastbrook Times" on eastbrook-times.example → "The Eastbrook Times".
 */
function siteNameFromTitle(title: string | null, domain: string | null): string | null {
  if (!title || !domain) return null;
  const label = squash(domain.split('.')[0] ?? '');
  if (label.length < 4) return null;
  for (const part of title.split(/\s+[—–|:]\s+|\s+-\s+/)) {
    const candidate = part.trim();
    if (candidate.split(/\s+/).length <= 5 && squash(candidate) === label) return candidate;
  }
  return null;
}

function nameFromText(lines: string[]): string | null {
  for (const rule of NAME_RULES) {
    const name = rule.find(lines);
    if (name) return name;
  }
  return null;
}

function squash(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}
