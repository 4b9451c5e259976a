/**
 * First-level regions that recur in conflict and crisis news, authored for this project. Each row:
 * the region's name (then other spellings, "|"-separated), its country, and the city whose
 * coordinates stand for it (its capital; for a region named after its capital, the same name).
 * Coordinates come from the gazetteer at run time; a region is never finer than precision 2.
 */

export interface Region {
  names: readonly string[];
  country: string;
  capital: string;
}

type Row = readonly [names: string, country: string, capital: string];

const ROWS: readonly Row[] = [
  // Syria (governorates)
  ['Idlib|Idleb', 'SY', 'Idlib'], ['Aleppo', 'SY', 'Aleppo'], ['Hama', 'SY', 'Hama'], ['Homs', 'SY', 'Homs'],
  ['Latakia|Lattakia', 'SY', 'Latakia'], ['Tartus', 'SY', 'Tartus'], ['Daraa|Dera', 'SY', 'Daraa'],
  ['Rif Dimashq|Damascus Countryside|Rural Damascus', 'SY', 'Damascus'], ['Quneitra', 'SY', 'Quneitra'],
  ['Suwayda|Sweida|As-Suwayda', 'SY', 'As Suwayda'], ['Deir ez-Zor|Deir Ezzor', 'SY', 'Deir ez-Zor'],
  ['Raqqa|Ar-Raqqa', 'SY', 'Raqqa'], ['Hasakah|Al-Hasakeh|Hasaka', 'SY', 'Al-Hasakah'],
  // Iraq
  ['Anbar', 'IQ', 'Ramadi'], ['Nineveh|Ninawa', 'IQ', 'Mosul'], ['Kirkuk', 'IQ', 'Kirkuk'],
  ['Salahuddin|Salah al-Din|Saladin', 'IQ', 'Tikrit'], ['Diyala', 'IQ', 'Baqubah'], ['Babil|Babylon', 'IQ', 'Hillah'],
  ['Basra', 'IQ', 'Basra'], ['Erbil|Arbil', 'IQ', 'Erbil'], ['Dohuk|Duhok', 'IQ', 'Dahuk'],
  ['Sulaymaniyah', 'IQ', 'Sulaymaniyah'], ['Kurdistan Region|Iraqi Kurdistan', 'IQ', 'Erbil'],
  // Yemen
  ['Hodeidah|Al Hudaydah', 'YE', 'Al Hudaydah'], ['Taiz|Taizz', 'YE', 'Taiz'], ['Marib', 'YE', 'Marib'],
  ['Saada|Sadah', 'YE', 'Sadah'], ['Abyan', 'YE', 'Zinjibar'], ['Al Bayda|Bayda', 'YE', 'Al Bayda'],
  ['Al Jawf', 'YE', 'Al Hazm'], ['Hajjah', 'YE', 'Hajjah'], ['Shabwa|Shabwah', 'YE', 'Ataq'], ['Lahij|Lahj', 'YE', 'Lahij'],
  ['Al Dhale|Dhale', 'YE', 'Ad Dali'], ['Hadramawt|Hadramout', 'YE', 'Al Mukalla'],
  // Afghanistan
  ['Helmand', 'AF', 'Lashkar Gah'], ['Kandahar', 'AF', 'Kandahar'], ['Kunduz', 'AF', 'Kunduz'],
  ['Nangarhar', 'AF', 'Jalalabad'], ['Ghazni', 'AF', 'Ghazni'], ['Balkh', 'AF', 'Mazar-i-Sharif'], ['Herat', 'AF', 'Herat'],
  ['Faryab', 'AF', 'Maymana'], ['Baghlan', 'AF', 'Pul-e Khumri'], ['Uruzgan', 'AF', 'Tarinkot'],
  // Ukraine, Russia, Caucasus
  ['Donetsk', 'UA', 'Donetsk'], ['Luhansk|Lugansk', 'UA', 'Luhansk'], ['Donbas|Donbass', 'UA', 'Donetsk'],
  ['Crimea', 'UA', 'Simferopol'], ['Kharkiv', 'UA', 'Kharkiv'], ['Chechnya', 'RU', 'Grozny'], ['Dagestan', 'RU', 'Makhachkala'],
  ['Nagorno-Karabakh|Karabakh', 'AZ', 'Stepanakert'],
  // Africa
  ['Borno', 'NG', 'Maiduguri'], ['Yobe', 'NG', 'Damaturu'], ['Adamawa', 'NG', 'Yola'], ['Zamfara', 'NG', 'Gusau'],
  ['Katsina', 'NG', 'Katsina'], ['Kaduna', 'NG', 'Kaduna'], ['Tigray', 'ET', 'Mekele'], ['Amhara', 'ET', 'Bahir Dar'],
  ['Oromia', 'ET', 'Addis Ababa'], ['North Darfur', 'SD', 'El Fasher'], ['South Darfur', 'SD', 'Nyala'],
  ['West Darfur', 'SD', 'Geneina'], ['Darfur', 'SD', 'El Fasher'], ['Blue Nile', 'SD', 'Ad-Damazin'],
  ['North Kivu', 'CD', 'Goma'], ['South Kivu', 'CD', 'Bukavu'], ['Ituri', 'CD', 'Bunia'],
  ['Cabo Delgado', 'MZ', 'Pemba'], ['Lower Shabelle', 'SO', 'Marka'], ['Banadir', 'SO', 'Mogadishu'],
  ['Puntland', 'SO', 'Garoowe'], ['Somaliland', 'SO', 'Hargeisa'], ['Jubaland', 'SO', 'Kismayo'],
  ['Mopti', 'ML', 'Mopti'], ['Gao', 'ML', 'Gao'], ['Timbuktu|Tombouctou', 'ML', 'Timbuktu'], ['Kidal', 'ML', 'Kidal'],
  ['Menaka', 'ML', 'Menaka'], ['Far North|Extreme North', 'CM', 'Maroua'], ['Anglophone regions', 'CM', 'Bamenda'],
  ['Tripolitania', 'LY', 'Tripoli'], ['Cyrenaica', 'LY', 'Benghazi'], ['Fezzan', 'LY', 'Sabha'], ['Sinai|North Sinai', 'EG', 'Arish'],
  // Asia
  ['Khyber Pakhtunkhwa', 'PK', 'Peshawar'], ['Balochistan|Baluchistan', 'PK', 'Quetta'], ['Punjab', 'PK', 'Lahore'],
  ['Sindh', 'PK', 'Karachi'], ['North Waziristan', 'PK', 'Miran Shah'], ['Punjab', 'IN', 'Chandigarh'], ['Kashmir|Jammu and Kashmir', 'IN', 'Srinagar'],
  ['Manipur', 'IN', 'Imphal'], ['Chhattisgarh', 'IN', 'Raipur'], ['West Bengal', 'IN', 'Kolkata'],
  ['Rakhine|Arakan', 'MM', 'Sittwe'], ['Shan', 'MM', 'Taunggyi'], ['Kachin', 'MM', 'Myitkyina'],
  ['Mindanao', 'PH', 'Cagayan de Oro'], ['Sulu', 'PH', 'Jolo'], ['Xinjiang', 'CN', 'Urumqi'], ['Tibet', 'CN', 'Lhasa'],
  ['Khuzestan', 'IR', 'Ahvaz'], ['Sistan and Baluchestan', 'IR', 'Zahedan'],
  // Middle East
  ['West Bank', 'PS', 'Ramallah'], ['Gaza|Gaza Strip', 'PS', 'Gaza'], ['Golan Heights|Golan', 'SY', 'Quneitra'],
  ['South Lebanon|Southern Lebanon', 'LB', 'Sidon'], ['Bekaa|Beqaa', 'LB', 'Zahle'], ['Hatay', 'TR', 'Antakya'],
  // Americas
  ['Sinaloa', 'MX', 'Culiacan'], ['Guerrero', 'MX', 'Chilpancingo'], ['Michoacan', 'MX', 'Morelia'],
  ['Jalisco', 'MX', 'Guadalajara'], ['Tamaulipas', 'MX', 'Ciudad Victoria'], ['Guanajuato', 'MX', 'Guanajuato'],
  // United States: each state with its AP-style abbreviation ("Springfield, Ill.") and, where it is
  // not also a common word, country code or city abbreviation (IN, OR, ME, LA, CO, …), its postal code.
  ['Alabama|Ala.', 'US', 'Montgomery'], ['Alaska|AK', 'US', 'Juneau'], ['Arizona|Ariz.|AZ', 'US', 'Phoenix'],
  ['Arkansas|Ark.|AR', 'US', 'Little Rock'], ['California|Calif.|Cal.|CA', 'US', 'Sacramento'], ['Colorado|Colo.', 'US', 'Denver'],
  ['Connecticut|Conn.|CT', 'US', 'Hartford'], ['Delaware|Del.', 'US', 'Dover'], ['Florida|Fla.|FL', 'US', 'Tallahassee'],
  ['Georgia|Ga.', 'US', 'Atlanta'], ['Hawaii', 'US', 'Honolulu'], ['Idaho|ID', 'US', 'Boise'], ['Illinois|Ill.|IL', 'US', 'Springfield'],
  ['Indiana|Ind.', 'US', 'Indianapolis'], ['Iowa|IA', 'US', 'Des Moines'], ['Kansas|Kan.|Kans.|KS', 'US', 'Topeka'],
  ['Kentucky|Ky.|KY', 'US', 'Frankfort'], ['Louisiana|La.', 'US', 'Baton Rouge'], ['Maine', 'US', 'Augusta'],
  ['Maryland|Md.', 'US', 'Annapolis'], ['Massachusetts|Mass.', 'US', 'Boston'], ['Michigan|Mich.|MI', 'US', 'Lansing'],
  ['Minnesota|Minn.|MN', 'US', 'Saint Paul'], ['Mississippi|Miss.|MS', 'US', 'Jackson'], ['Missouri|Mo.', 'US', 'Jefferson City'],
  ['Montana|Mont.|MT', 'US', 'Helena'], ['Nebraska|Neb.|Nebr.|NE', 'US', 'Lincoln'], ['Nevada|Nev.|NV', 'US', 'Carson City'],
  ['New Hampshire|N.H.|NH', 'US', 'Concord'], ['New Jersey|N.J.|NJ', 'US', 'Trenton'], ['New Mexico|N.M.|NM', 'US', 'Santa Fe'],
  ['New York State|N.Y.|NY', 'US', 'Albany'], ['North Carolina|N.C.|NC', 'US', 'Raleigh'], ['North Dakota|N.D.|ND', 'US', 'Bismarck'],
  ['Ohio|OH', 'US', 'Columbus'], ['Oklahoma|Okla.', 'US', 'Oklahoma City'], ['Oregon|Ore.|Oreg.', 'US', 'Salem'],
  ['Pennsylvania|Pa.|Penn.', 'US', 'Harrisburg'], ['Rhode Island|R.I.|RI', 'US', 'Providence'], ['South Carolina|S.C.|SC', 'US', 'Columbia'],
  ['South Dakota|S.D.|SD', 'US', 'Pierre'], ['Tennessee|Tenn.|TN', 'US', 'Nashville'], ['Texas|Tex.|TX', 'US', 'Austin'],
  ['Utah|UT', 'US', 'Salt Lake City'], ['Vermont|Vt.|VT', 'US', 'Montpelier'], ['Virginia|Va.|VA', 'US', 'Richmond'],
  ['Washington State|Wash.|WA', 'US', 'Olympia'], ['West Virginia|W.Va.|W. Va.|WV', 'US', 'Charleston'],
  ['Wisconsin|Wis.|Wisc.|WI', 'US', 'Madison'], ['Wyoming|Wyo.|WY', 'US', 'Cheyenne'],
];

export const REGIONS: readonly Region[] = ROWS.map(([names, country, capital]) => ({ names: names.split('|'), country, capital }));

/** Areas larger than a country: placed at a rough centre, precision 3, no country. */
export interface WideArea {
  names: readonly string[];
  lat: number;
  lon: number;
}

export const WIDE_AREAS: readonly WideArea[] = (
  [
    ['Europe', 50.0, 15.0], ['Middle East|Mideast', 29.0, 41.0], ['Africa', 2.0, 21.0], ['Asia', 34.0, 100.0],
    ['Latin America|South America', -15.0, -60.0], ['North America', 45.0, -100.0], ['Sahel', 15.0, 2.0],
    ['Horn of Africa', 8.0, 45.0], ['Balkans', 43.0, 20.0], ['Caucasus', 42.0, 45.0], ['Gulf|Persian Gulf', 26.5, 52.0],
    ['Central Asia', 43.0, 65.0], ['Southeast Asia', 5.0, 110.0], ['Levant', 33.5, 36.5], ['Maghreb', 32.0, 3.0],
  ] as const
).map(([names, lat, lon]) => ({ names: names.split('|'), lat, lon }));
