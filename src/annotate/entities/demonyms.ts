/**
 * Nationality adjectives and nouns → the place they name. The tagger types "Turkish" as MISC (as
 * CoNLL does); we keep that type but give the mention the country's key so that "Turkish troops"
 * and "Turkey" link to one entity. Groups without a state of their own (Kurds, Arabs) and religions
 * keep a `misc:` key of their own.
 */
import { boundedMemo } from './mention.js';

/** Place (canonical name as in the gazetteer) → the adjectives and nouns for its people. */
const PLACE_DEMONYMS: ReadonlyArray<readonly [place: string, demonyms: string]> = [
  ['Afghanistan', 'Afghan'], ['Albania', 'Albanian'], ['Algeria', 'Algerian'], ['United States', 'American'],
  ['Angola', 'Angolan'], ['Argentina', 'Argentine Argentinian'], ['Armenia', 'Armenian'], ['Australia', 'Australian'],
  ['Austria', 'Austrian'], ['Azerbaijan', 'Azerbaijani Azeri'], ['Bahrain', 'Bahraini'], ['Bangladesh', 'Bangladeshi'],
  ['Belarus', 'Belarusian'], ['Belgium', 'Belgian'], ['Bolivia', 'Bolivian'], ['Bosnia and Herzegovina', 'Bosnian'],
  ['Brazil', 'Brazilian'], ['United Kingdom', 'British Briton'], ['Bulgaria', 'Bulgarian'], ['Myanmar', 'Burmese'],
  ['Cambodia', 'Cambodian'], ['Cameroon', 'Cameroonian'], ['Canada', 'Canadian'], ['Chad', 'Chadian'],
  ['Chile', 'Chilean'], ['China', 'Chinese'], ['Colombia', 'Colombian'], ['Congo', 'Congolese'],
  ['Croatia', 'Croatian Croat'], ['Cuba', 'Cuban'], ['Cyprus', 'Cypriot'], ['Czech Republic', 'Czech'],
  ['Denmark', 'Danish Dane'], ['Netherlands', 'Dutch'], ['Ecuador', 'Ecuadorian'], ['Egypt', 'Egyptian'],
  ['United Arab Emirates', 'Emirati'], ['England', 'English Englishman'], ['Eritrea', 'Eritrean'], ['Estonia', 'Estonian'],
  ['Ethiopia', 'Ethiopian'], ['Philippines', 'Filipino'], ['Finland', 'Finnish Finn'], ['France', 'French Frenchman'],
  ['Georgia', 'Georgian'], ['Germany', 'German'], ['Ghana', 'Ghanaian'], ['Greece', 'Greek'],
  ['Guatemala', 'Guatemalan'], ['Haiti', 'Haitian'], ['Honduras', 'Honduran'], ['Hungary', 'Hungarian'],
  ['Iceland', 'Icelandic Icelander'], ['India', 'Indian'], ['Indonesia', 'Indonesian'], ['Iran', 'Iranian'],
  ['Iraq', 'Iraqi'], ['Ireland', 'Irish'], ['Israel', 'Israeli'], ['Italy', 'Italian'], ['Ivory Coast', 'Ivorian'],
  ['Jamaica', 'Jamaican'], ['Japan', 'Japanese'], ['Jordan', 'Jordanian'], ['Kazakhstan', 'Kazakh'], ['Kenya', 'Kenyan'],
  ['Korea', 'Korean'], ['Kosovo', 'Kosovar'], ['Kuwait', 'Kuwaiti'], ['Kyrgyzstan', 'Kyrgyz'], ['Laos', 'Laotian'],
  ['Latvia', 'Latvian'], ['Lebanon', 'Lebanese'], ['Liberia', 'Liberian'], ['Libya', 'Libyan'],
  ['Lithuania', 'Lithuanian'], ['Luxembourg', 'Luxembourgish'], ['North Macedonia', 'Macedonian'],
  ['Madagascar', 'Malagasy'], ['Malawi', 'Malawian'], ['Malaysia', 'Malaysian'], ['Mali', 'Malian'], ['Malta', 'Maltese'],
  ['Mexico', 'Mexican'], ['Moldova', 'Moldovan'], ['Mongolia', 'Mongolian'], ['Montenegro', 'Montenegrin'],
  ['Morocco', 'Moroccan'], ['Mozambique', 'Mozambican'], ['Namibia', 'Namibian'], ['Nepal', 'Nepalese Nepali'],
  ['Nicaragua', 'Nicaraguan'], ['Nigeria', 'Nigerian'], ['Niger', 'Nigerien'], ['Norway', 'Norwegian'], ['Oman', 'Omani'],
  ['Pakistan', 'Pakistani'], ['Palestine', 'Palestinian'], ['Panama', 'Panamanian'], ['Paraguay', 'Paraguayan'],
  ['Peru', 'Peruvian'], ['Poland', 'Polish Pole'], ['Portugal', 'Portuguese'], ['Qatar', 'Qatari'], ['Romania', 'Romanian'],
  ['Russia', 'Russian'], ['Rwanda', 'Rwandan'], ['Saudi Arabia', 'Saudi'], ['Scotland', 'Scottish Scot'],
  ['Senegal', 'Senegalese'], ['Serbia', 'Serbian Serb'], ['Singapore', 'Singaporean'], ['Slovakia', 'Slovak'],
  ['Slovenia', 'Slovenian Slovene'], ['Somalia', 'Somali'], ['South Africa', 'South African'], ['Spain', 'Spanish Spaniard'],
  ['Sri Lanka', 'Sri Lankan'], ['Sudan', 'Sudanese'], ['Sweden', 'Swedish Swede'], ['Switzerland', 'Swiss'],
  ['Syria', 'Syrian'], ['Taiwan', 'Taiwanese'], ['Tajikistan', 'Tajik'], ['Tanzania', 'Tanzanian'], ['Thailand', 'Thai'],
  ['Tunisia', 'Tunisian'], ['Turkey', 'Turkish Turk'], ['Turkmenistan', 'Turkmen'], ['Uganda', 'Ugandan'],
  ['Ukraine', 'Ukrainian'], ['Uruguay', 'Uruguayan'], ['Uzbekistan', 'Uzbek'], ['Venezuela', 'Venezuelan'],
  ['Vietnam', 'Vietnamese'], ['Wales', 'Welsh'], ['Yemen', 'Yemeni'], ['Yugoslavia', 'Yugoslav'], ['Zambia', 'Zambian'],
  ['Zimbabwe', 'Zimbabwean'], ['Soviet Union', 'Soviet'], ['Chechnya', 'Chechen'], ['Tibet', 'Tibetan'],
  ['Europe', 'European'], ['Africa', 'African'], ['Asia', 'Asian'], ['Latin America', 'Latin American'],
];

/** Peoples without a state in the country list, and religions: a `misc:` key and their own subtype. */
const GROUPS: ReadonlyArray<readonly [name: string, subtype: 'nationality' | 'religion', words: string]> = [
  ['Kurds', 'nationality', 'Kurdish Kurd'], ['Arabs', 'nationality', 'Arab'], ['Uyghurs', 'nationality', 'Uighur Uyghur'],
  ['Pashtuns', 'nationality', 'Pashtun'], ['Tamils', 'nationality', 'Tamil'], ['Druze', 'nationality', 'Druze'],
  ['Islam', 'religion', 'Muslim Moslem Islamic'], ['Christianity', 'religion', 'Christian'],
  ['Judaism', 'religion', 'Jewish Jew'], ['Hinduism', 'religion', 'Hindu'], ['Buddhism', 'religion', 'Buddhist'],
  ['Sikhism', 'religion', 'Sikh'], ['Catholicism', 'religion', 'Catholic'], ['Sunni Islam', 'religion', 'Sunni'],
  ['Shia Islam', 'religion', "Shia Shiite Shi'ite"], ['Alawites', 'religion', 'Alawite'],
];

export interface Demonym {
  /** The canonical name of what the word refers to: a place ("Turkey") or a group ("Kurds"). */
  name: string;
  /** True when `name` is a place, so the key is `loc:` + slug. */
  place: boolean;
  subtype: 'nationality' | 'religion';
}

const BY_WORD = new Map<string, Demonym>();
for (const [place, words] of PLACE_DEMONYMS) {
  for (const word of splitWords(words)) BY_WORD.set(word.toLowerCase(), { name: place, place: true, subtype: 'nationality' });
}
for (const [name, subtype, words] of GROUPS) {
  for (const word of splitWords(words)) BY_WORD.set(word.toLowerCase(), { name, place: false, subtype });
}

/** "South African Sri Lankan" would split wrongly: multi-word demonyms are the known two-word ones. */
function splitWords(words: string): string[] {
  const twoWord = /^(South African|Sri Lankan|Latin American)$/;
  return twoWord.test(words) ? [words] : words.split(' ');
}

/** Every demonym as written (for the safety net and the role-reference patterns). */
export const DEMONYM_WORDS: readonly string[] = [...PLACE_DEMONYMS, ...GROUPS.map(([n, , w]) => [n, w] as const)].flatMap(
  ([, words]) => splitWords(words),
);

/** The place or group a demonym names, also for plurals ("Syrians", "Turks"); undefined otherwise. */
export const demonymOf: (word: string) => Demonym | undefined = boundedMemo(20_000, (word) => {
  const lower = word.toLowerCase().replace(/’/g, "'");
  return BY_WORD.get(lower) ?? (lower.endsWith('s') ? BY_WORD.get(lower.slice(0, -1)) : undefined);
});
