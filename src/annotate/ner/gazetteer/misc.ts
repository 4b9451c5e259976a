/**
 * Demonyms and nationality adjectives (Turkish → Turkey, Greek → Greece), which news corpora tag
 * MISC, plus recurring named events, religions and languages.
 */
export const DEMONYMS: readonly string[] = [
  'Afghan', 'Albanian', 'Algerian', 'American', 'Angolan', 'Argentine', 'Argentinian', 'Armenian', 'Australian',
  'Austrian', 'Azerbaijani', 'Azeri', 'Bahraini', 'Bangladeshi', 'Belarusian', 'Belgian', 'Bolivian', 'Bosnian',
  'Brazilian', 'British', 'Briton', 'Bulgarian', 'Burmese', 'Cambodian', 'Cameroonian', 'Canadian', 'Chadian',
  'Chilean', 'Chinese', 'Colombian', 'Congolese', 'Croatian', 'Croat', 'Cuban', 'Cypriot', 'Czech', 'Danish',
  'Dane', 'Dutch', 'Ecuadorian', 'Egyptian', 'Emirati', 'English', 'Eritrean', 'Estonian', 'Ethiopian', 'European',
  'Filipino', 'Finnish', 'Finn', 'French', 'Frenchman', 'Georgian', 'German', 'Ghanaian', 'Greek', 'Guatemalan',
  'Haitian', 'Honduran', 'Hungarian', 'Icelandic', 'Indian', 'Indonesian', 'Iranian', 'Iraqi', 'Irish', 'Israeli',
  'Italian', 'Ivorian', 'Jamaican', 'Japanese', 'Jordanian', 'Kazakh', 'Kenyan', 'Korean', 'Kosovar', 'Kuwaiti',
  'Kyrgyz', 'Laotian', 'Latvian', 'Lebanese', 'Liberian', 'Libyan', 'Lithuanian', 'Luxembourgish', 'Macedonian',
  'Malagasy', 'Malawian', 'Malaysian', 'Malian', 'Maltese', 'Mexican', 'Moldovan', 'Mongolian', 'Montenegrin',
  'Moroccan', 'Mozambican', 'Namibian', 'Nepalese', 'Nepali', 'Nicaraguan', 'Nigerian', 'Nigerien', 'Norwegian',
  'Omani', 'Pakistani', 'Palestinian', 'Panamanian', 'Paraguayan', 'Persian', 'Peruvian', 'Polish', 'Pole',
  'Portuguese', 'Qatari', 'Romanian', 'Russian', 'Rwandan', 'Saudi', 'Scottish', 'Scot', 'Senegalese', 'Serbian',
  'Serb', 'Singaporean', 'Slovak', 'Slovenian', 'Slovene', 'Somali', 'South African', 'Spanish', 'Spaniard',
  'Sri Lankan', 'Sudanese', 'Swedish', 'Swede', 'Swiss', 'Syrian', 'Taiwanese', 'Tajik', 'Tanzanian', 'Thai',
  'Tunisian', 'Turkish', 'Turk', 'Turkmen', 'Ugandan', 'Ukrainian', 'Uruguayan', 'Uzbek', 'Venezuelan',
  'Vietnamese', 'Welsh', 'Yemeni', 'Yugoslav', 'Zambian', 'Zimbabwean', 'Kurdish', 'Kurd', 'Arab', 'Arabian',
  'Asian', 'African', 'Latin American', 'Western', 'Soviet', 'Balkan', 'Scandinavian', 'Caucasian', 'Nordic',
  'Baltic', 'Gulf', 'Anglo', 'Chechen', 'Tibetan', 'Uighur', 'Uyghur', 'Pashtun', 'Tamil', 'Sikh', 'Hindu',
  'Muslim', 'Moslem', 'Christian', 'Catholic', 'Protestant', 'Orthodox', 'Jewish', 'Jew', 'Sunni', 'Shia', 'Shiite',
  'Shi\'ite', 'Alawite', 'Druze', 'Buddhist', 'Islamic', 'Islamist', 'Zionist', 'Marxist', 'Republican',
  'Democrat', 'Democratic', 'Conservative', 'Labour', 'Socialist', 'Communist', 'Gaullist',
];

export const NAMED_EVENTS: readonly string[] = [
  'World Cup', 'Olympics', 'Olympic Games', 'Paralympics', 'Champions League', 'Europa League', 'Premier League',
  'Super Bowl', 'Tour de France', 'Wimbledon', 'US Open', 'U.S. Open', 'French Open', 'Australian Open',
  'Grand Prix', 'Formula One', 'World Series', 'Davis Cup', 'Ryder Cup', 'Masters', 'Ramadan', 'Eid', 'Christmas',
  'Easter', 'Hanukkah', 'Nobel Prize', 'Nobel Peace Prize', 'Oscar', 'Oscars', 'Grammy', 'World War Two',
  'World War II', 'Second World War', 'First World War', 'Cold War', 'Gulf War', 'Arab Spring', 'Brexit',
  'English', 'Arabic', 'Hebrew', 'Mandarin', 'Cantonese', 'Hindi', 'Urdu', 'Farsi', 'Swahili', 'Internet',
];
