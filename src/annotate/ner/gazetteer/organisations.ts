/**
 * Organisation cues: news outlets and agencies, international bodies, armed forces and armed
 * groups, parties and companies that recur in news, plus the words that end an organisation's name.
 */
export const ORGANISATIONS: readonly string[] = [
  // News organisations and agencies
  'Reuters', 'AFP', 'Agence France-Presse', 'Agence France Presse', 'AP', 'Associated Press', 'Anadolu',
  'Anadolu Agency', 'Bloomberg', 'Dow Jones', 'BBC', 'CNN', 'Al Jazeera', 'Al-Jazeera', 'Al Arabiya', 'Sky News',
  'Fox News', 'NBC', 'CBS', 'ABC', 'MSNBC', 'NPR', 'PBS', 'ITV', 'Channel 4', 'RT', 'Sputnik', 'TASS', 'Itar-Tass',
  'Interfax', 'RIA Novosti', 'Xinhua', 'Kyodo', 'Yonhap', 'KCNA', 'SANA', 'IRNA', 'Fars', 'Tasnim', 'Press TV',
  'DPA', 'ANSA', 'EFE', 'PTI', 'Tanjug', 'MENA', 'Petra', 'WAM', 'SPA', 'Telegraph', 'The Telegraph',
  'Daily Telegraph', 'Guardian', 'The Guardian', 'Times', 'The Times', 'Financial Times', 'Independent',
  'Daily Mail', 'The Sun', 'Economist', 'The Economist', 'New York Times', 'Washington Post', 'Wall Street Journal',
  'Los Angeles Times', 'USA Today', 'Le Monde', 'Le Figaro', 'Liberation', 'Der Spiegel', 'Spiegel',
  'Die Welt', 'Bild', 'Frankfurter Allgemeine', 'Corriere della Sera', 'La Repubblica', 'El Pais', 'Hurriyet',
  'Sabah', 'Haaretz', 'Jerusalem Post', 'Pravda', 'Izvestia', 'Kommersant', 'Iran Press', 'TRT', 'Daily Sabah',
  'Politico', 'Axios', 'Euronews', 'Deutsche Welle', 'DW', 'Voice of America', 'Radio Free Europe',
  // International bodies, agencies and NGOs
  'UN', 'U.N.', 'United Nations', 'UN Security Council', 'Security Council', 'General Assembly', 'UNHCR',
  'UNICEF', 'UNESCO', 'UNRWA', 'WFP', 'World Food Programme', 'WHO', 'World Health Organization', 'IOM',
  'International Organization for Migration', 'OCHA', 'ICRC', 'Red Cross', 'Red Crescent', 'International Red Cross',
  'Amnesty International', 'Human Rights Watch', 'Medecins Sans Frontieres', 'MSF', 'Doctors Without Borders',
  'Oxfam', 'Save the Children', 'Greenpeace', 'SOHR', 'Syrian Observatory for Human Rights', 'White Helmets',
  'NATO', 'EU', 'European Union', 'European Commission', 'European Parliament', 'European Council',
  'Council of Europe', 'European Central Bank', 'ECB', 'OSCE', 'OPEC', 'OECD', 'IMF', 'International Monetary Fund',
  'World Bank', 'WTO', 'World Trade Organization', 'G7', 'G8', 'G20', 'ASEAN', 'African Union', 'AU',
  'Arab League', 'Gulf Cooperation Council', 'GCC', 'ICC', 'International Criminal Court',
  'International Court of Justice', 'IAEA', 'Interpol', 'Europol', 'Frontex', 'FIFA', 'UEFA', 'IOC',
  'International Olympic Committee',
  // Governments, forces, armed groups
  'Pentagon', 'White House', 'Kremlin', 'State Department', 'Congress', 'Senate', 'House of Representatives',
  'Parliament', 'Bundestag', 'Knesset', 'Duma', 'Supreme Court', 'FBI', 'CIA', 'NSA', 'KGB', 'FSB', 'MI5',
  'MI6', 'Mossad', 'Scotland Yard', 'Federal Reserve', 'Fed', 'Bank of England', 'Bundesbank', 'Bank of Japan',
  'Syrian Army', 'Syrian Arab Army', 'Free Syrian Army', 'FSA', 'Syrian Democratic Forces', 'SDF', 'YPG', 'PKK',
  'PYD', 'Islamic State', 'ISIS', 'ISIL', 'IS', 'Daesh', 'al-Qaeda', 'al Qaeda', 'Al-Qaida', 'Taliban', 'Hamas',
  'Hezbollah', 'Hizbollah', 'Fatah', 'PLO', 'Hayat Tahrir al-Sham', 'HTS', 'Nusra Front', 'al-Nusra', 'Boko Haram',
  'al-Shabaab', 'Houthis', 'Revolutionary Guards', 'IRGC', 'Wagner', 'Turkish Armed Forces', 'Red Army', 'IRA',
  'ETA', 'Kurdistan Workers Party', 'National Liberation Army',
  // Parties
  'Democratic Party', 'Republican Party', 'Democrats', 'Republicans', 'Labour', 'Labour Party', 'Conservative Party',
  'Conservatives', 'Tories', 'Liberal Democrats', 'SNP', 'AKP', 'CHP', 'HDP', 'MHP', 'CDU', 'CSU', 'SPD', 'FDP',
  'Greens', 'National Front', 'Likud', 'Labor', 'Communist Party', 'ANC', 'BJP', 'Congress Party',
  // Companies
  'Microsoft', 'Apple', 'Google', 'Amazon', 'Facebook', 'IBM', 'Intel', 'General Motors', 'GM', 'Ford',
  'Chrysler', 'Boeing', 'Airbus', 'Toyota', 'Honda', 'Nissan', 'Volkswagen', 'BMW', 'Daimler', 'Siemens',
  'Shell', 'Royal Dutch Shell', 'BP', 'Exxon', 'Gazprom', 'Rosneft', 'Aramco', 'Total', 'Nestle', 'Unilever',
  'Sony', 'Samsung', 'Nokia', 'Ericsson', 'Philips', 'Deutsche Bank', 'Barclays', 'HSBC', 'Citibank', 'Citicorp',
  'JP Morgan', 'Goldman Sachs', 'Morgan Stanley', 'Merrill Lynch', 'Lehman Brothers', 'Credit Suisse', 'UBS',
  'Nasdaq', 'NYSE', 'New York Stock Exchange', 'Lloyd\'s', 'British Airways', 'Lufthansa', 'Air France',
];

/** Words that end (or head) an organisation's name: "Acme Corp", "Karvonia Ministry of Defence". */
export const ORG_SUFFIXES: readonly string[] = [
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Co', 'Co.', 'Ltd', 'Ltd.', 'Limited', 'Plc', 'PLC', 'plc',
  'LLC', 'AG', 'GmbH', 'SA', 'S.A.', 'NV', 'N.V.', 'BV', 'SpA', 'AB', 'ASA', 'Group', 'Holdings', 'Holding',
  'Bank', 'Bancorp', 'Airlines', 'Airways', 'Motors', 'Industries', 'Enterprises', 'Partners', 'Associates',
  'Party', 'Ministry', 'Agency', 'Council', 'Union', 'Committee', 'Commission', 'Authority', 'Department',
  'Office', 'Bureau', 'Institute', 'Foundation', 'Association', 'Federation', 'Organisation', 'Organization',
  'Society', 'League', 'Movement', 'Front', 'Army', 'Forces', 'Force', 'Navy', 'Guard', 'Police', 'Court',
  'University', 'College', 'School', 'Hospital', 'Church', 'Club', 'United', 'City', 'Rovers', 'Athletic',
  'Wanderers', 'FC', 'Exchange', 'Fund', 'Trust', 'Board', 'Assembly', 'Parliament', 'Cabinet', 'Service',
  'Services', 'Systems', 'Technologies', 'Communications', 'Telecom', 'Energy', 'Oil', 'Petroleum', 'Press',
  'News', 'Times', 'Post', 'Journal', 'Herald', 'Tribune', 'Network', 'Television', 'Radio', 'Agency',
];
