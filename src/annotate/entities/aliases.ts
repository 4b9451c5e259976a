/**
 * Canonical names for the places and organisations that news writes in several ways. Each row is
 * the canonical name, its subtype, and the other spellings ("|"-separated). Canonical names follow
 * the gazetteer's spelling so that keys agree with it; for organisations the long official form is
 * canonical except where the acronym is the name people know (NATO, UNICEF).
 */

import { boundedMemo, isAscii } from './mention.js';

export interface AliasTarget {
  name: string;
  subtype: string | null;
}

type AliasRow = readonly [name: string, subtype: string | null, aliases: string];

const PLACE_ALIASES: readonly AliasRow[] = [
  ['United States', 'country', 'US|U.S.|USA|U.S.A.|America|United States of America'],
  ['United Kingdom', 'country', 'UK|U.K.|Britain|Great Britain'],
  ['Netherlands', 'country', 'Holland|The Netherlands'],
  ['Myanmar', 'country', 'Burma'],
  ['Czech Republic', 'country', 'Czechia'],
  ['Ivory Coast', 'country', "Cote d'Ivoire|Côte d'Ivoire|Cote d’Ivoire"],
  ['Eswatini', 'country', 'Swaziland'],
  ['East Timor', 'country', 'Timor-Leste'],
  ['North Macedonia', 'country', 'Macedonia'],
  ['Turkey', 'country', 'Türkiye|Turkiye'],
  ['Bosnia and Herzegovina', 'country', 'Bosnia|Bosnia-Herzegovina'],
  ['Trinidad and Tobago', 'country', 'Trinidad'],
  ['Gaza', 'region', 'Gaza Strip'],
  ['Kyiv', 'city', 'Kiev'],
  ['Mumbai', 'city', 'Bombay'],
  ['Kolkata', 'city', 'Calcutta'],
  ['Yangon', 'city', 'Rangoon'],
  ['Ho Chi Minh City', 'city', 'Saigon'],
  ['Saint Petersburg', 'city', 'St Petersburg|St. Petersburg'],
  ['Deir ez-Zor', 'city', 'Deir al-Zor|Deir Ezzor|Deir el-Zour'],
  ['Ulan Bator', 'city', 'Ulaanbaatar'],
  ['Raqqa', 'city', 'Raqqah|Al-Raqqa'],
  ['Maarat al-Numan', 'city', "Maaret al-Numan|Ma'arrat al-Nu'man|Maarat al-Nouman"],
];

const ORGANISATION_ALIASES: readonly AliasRow[] = [
  // Wire services ('agency': their copy is syndicated, which matters when counting independent sources).
  ['Reuters', 'agency', 'Thomson Reuters'],
  ['Agence France-Presse', 'agency', 'AFP|Agence France Presse|A.F.P.'],
  ['Associated Press', 'agency', 'AP|A.P.|The Associated Press'],
  ['Anadolu Agency', 'agency', 'Anadolu|Anadolu News Agency|AA'],
  ['Xinhua', 'agency', 'Xinhua News Agency'],
  ['TASS', 'agency', 'Itar-Tass|ITAR-TASS|Tass'],
  ['Interfax', 'agency', ''],
  ['RIA Novosti', 'agency', 'RIA'],
  ['Deutsche Presse-Agentur', 'agency', 'DPA|dpa'],
  ['ANSA', 'agency', ''],
  ['EFE', 'agency', ''],
  ['Kyodo News', 'agency', 'Kyodo'],
  ['Yonhap', 'agency', 'Yonhap News Agency'],
  ['Syrian Arab News Agency', 'agency', 'SANA'],
  ['Islamic Republic News Agency', 'agency', 'IRNA'],
  ['Bloomberg', 'agency', 'Bloomberg News'],
  // Outlets.
  ['The Telegraph', 'news', 'Telegraph|Daily Telegraph|The Daily Telegraph'],
  ['The Guardian', 'news', 'Guardian'],
  ['The Times', 'news', 'Times'],
  ['The Independent', 'news', 'Independent'],
  ['The Economist', 'news', 'Economist'],
  ['BBC', 'news', 'British Broadcasting Corporation|BBC News'],
  ['CNN', 'news', ''],
  ['Al Jazeera', 'news', 'Al-Jazeera|Aljazeera'],
  ['Al Arabiya', 'news', 'Al-Arabiya'],
  ['Sky News', 'news', ''],
  ['Fox News', 'news', ''],
  ['New York Times', 'news', 'The New York Times|NYT'],
  ['Washington Post', 'news', 'The Washington Post'],
  ['Wall Street Journal', 'news', 'The Wall Street Journal|WSJ'],
  ['Financial Times', 'news', 'FT'],
  ['Der Spiegel', 'news', 'Spiegel'],
  ['Le Monde', 'news', ''],
  ['Le Figaro', 'news', ''],
  ['Daily Sabah', 'news', ''],
  ['Hurriyet', 'news', 'Hürriyet'],
  ['TRT', 'news', 'TRT World'],
  ['Press TV', 'news', 'PressTV'],
  ['RT', 'news', 'Russia Today'],
  ['Sputnik', 'news', ''],
  ['Deutsche Welle', 'news', 'DW'],
  ['Euronews', 'news', ''],
  ['Voice of America', 'news', 'VOA'],
  ['Haaretz', 'news', ''],
  ['Politico', 'news', ''],
  ['Iran Press', 'news', ''],
  // International bodies.
  ['NATO', 'igo', 'North Atlantic Treaty Organization|North Atlantic Treaty Organisation|Nato|N.A.T.O.'],
  ['European Union', 'igo', 'EU|E.U.'],
  ['United Nations', 'igo', 'UN|U.N.|the United Nations'],
  ['United Nations Security Council', 'igo', 'UN Security Council|U.N. Security Council|UNSC|Security Council'],
  ['United Nations General Assembly', 'igo', 'UN General Assembly|General Assembly|UNGA'],
  ['International Organization for Migration', 'igo', 'IOM|International Organisation for Migration'],
  ['UNHCR', 'igo', 'United Nations High Commissioner for Refugees|UN refugee agency|UN Refugee Agency'],
  ['UNICEF', 'igo', "United Nations Children's Fund"],
  ['UNESCO', 'igo', ''],
  ['UNRWA', 'igo', ''],
  ['World Food Programme', 'igo', 'WFP|World Food Program'],
  ['World Health Organization', 'igo', 'WHO|World Health Organisation'],
  ['OCHA', 'igo', 'UN Office for the Coordination of Humanitarian Affairs|Office for the Coordination of Humanitarian Affairs'],
  ['International Committee of the Red Cross', 'igo', 'ICRC|International Red Cross'],
  ['European Commission', 'igo', ''],
  ['European Parliament', 'igo', ''],
  ['European Council', 'igo', ''],
  ['Council of Europe', 'igo', ''],
  ['European Central Bank', 'igo', 'ECB'],
  ['OSCE', 'igo', 'Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe'],
  ['OPEC', 'igo', 'Organization of the Petroleum Exporting Countries'],
  ['OECD', 'igo', 'Organisation for Economic Co-operation and Development'],
  ['International Monetary Fund', 'igo', 'IMF'],
  ['World Bank', 'igo', ''],
  ['World Trade Organization', 'igo', 'WTO'],
  ['African Union', 'igo', 'AU'],
  ['Arab League', 'igo', 'League of Arab States'],
  ['Gulf Cooperation Council', 'igo', 'GCC'],
  ['International Criminal Court', 'igo', 'ICC'],
  ['International Court of Justice', 'igo', 'ICJ'],
  ['International Atomic Energy Agency', 'igo', 'IAEA'],
  ['Interpol', 'igo', ''],
  ['ASEAN', 'igo', 'Association of Southeast Asian Nations'],
  // NGOs and monitors, with the acronyms news uses for them.
  ['Syrian Observatory for Human Rights', null, 'SOHR|Syrian Observatory'],
  ['Human Rights Watch', null, 'HRW'],
  ['Amnesty International', null, 'Amnesty'],
  ['Doctors Without Borders', null, 'MSF|Medecins Sans Frontieres|Médecins Sans Frontières'],
  // Armed forces and armed groups.
  ['Turkish Armed Forces', 'military', 'TSK'],
  ['Syrian Arab Army', 'military', 'SAA'],
  ['Syrian Democratic Forces', 'military', 'SDF'],
  ['Free Syrian Army', 'military', 'FSA'],
  ['Islamic State', 'military', 'ISIS|ISIL|Daesh|IS'],
  ['Hayat Tahrir al-Sham', 'military', 'HTS'],
  ['Islamic Revolutionary Guard Corps', 'military', 'IRGC|Revolutionary Guards'],
  ['al-Qaeda', 'military', 'al Qaeda|Al-Qaida|Al Qaeda|al-Qaida'],
  ['Hezbollah', 'military', 'Hizbollah|Hizballah'],
  ['Kurdistan Workers Party', 'military', "PKK|Kurdistan Workers' Party"],
  ['People’s Protection Units', 'military', "YPG|People's Protection Units"],
];

/** Lower-cased, apostrophes and dots of initials folded, so that "U.N." and "U.N" meet. */
export function aliasKey(text: string): string {
  // ASCII has no accents or typographic apostrophes to fold.
  const folded = isAscii(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'");
  return folded.replace(/\s+/g, ' ').trim().toLowerCase();
}

function index(rows: readonly AliasRow[]): Map<string, AliasTarget> {
  const map = new Map<string, AliasTarget>();
  for (const [name, subtype, aliases] of rows) {
    for (const spelling of [name, ...aliases.split('|').filter((a) => a !== '')]) {
      // An acronym must match its case ("AA", "IS", "WHO" are also ordinary words).
      map.set(isAcronym(spelling) ? spelling : aliasKey(spelling), { name, subtype });
    }
  }
  return map;
}

const ACRONYM = /^(?:\p{Lu}\.?){2,}$|^\p{Lu}+\p{N}*$/u;

export function isAcronym(text: string): boolean {
  return text.length <= 8 && ACRONYM.test(text);
}

const PLACES = index(PLACE_ALIASES);
const ORGANISATIONS = index(ORGANISATION_ALIASES);

function lookup(map: Map<string, AliasTarget>, text: string): AliasTarget | undefined {
  return isAcronym(text) ? map.get(text) : map.get(aliasKey(text));
}

// Asked many times per document for the same few names: remembered.
export const placeAlias: (text: string) => AliasTarget | undefined = boundedMemo(20_000, (text) => lookup(PLACES, text));
export const organisationAlias: (text: string) => AliasTarget | undefined = boundedMemo(20_000, (text) =>
  lookup(ORGANISATIONS, text),
);
