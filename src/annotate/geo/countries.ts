/**
 * Countries: ISO 3166-1 alpha-2 and alpha-3 codes, the English name used by the entity layer, other
 * names news and ACLED use, and an approximate centroid (degrees, one decimal; authored for this
 * project, good to ~50 km, which is all that precision 3 promises).
 */

export interface Country {
  iso2: string;
  iso3: string;
  name: string;
  aliases: readonly string[];
  lat: number;
  lon: number;
}

type Row = readonly [iso2: string, iso3: string, name: string, aliases: string, lat: number, lon: number];

const ROWS: readonly Row[] = [
  ['AF', 'AFG', 'Afghanistan', '', 33.9, 67.7], ['AL', 'ALB', 'Albania', '', 41.2, 20.2],
  ['DZ', 'DZA', 'Algeria', '', 28.0, 1.7], ['AD', 'AND', 'Andorra', '', 42.5, 1.5],
  ['AO', 'AGO', 'Angola', '', -11.2, 17.9], ['AG', 'ATG', 'Antigua and Barbuda', 'Antigua', 17.1, -61.8],
  ['AR', 'ARG', 'Argentina', '', -38.4, -63.6], ['AM', 'ARM', 'Armenia', '', 40.1, 45.0],
  ['AU', 'AUS', 'Australia', '', -25.3, 133.8], ['AT', 'AUT', 'Austria', '', 47.5, 14.6],
  ['AZ', 'AZE', 'Azerbaijan', '', 40.1, 47.6], ['BS', 'BHS', 'Bahamas', 'The Bahamas', 25.0, -77.4],
  ['BH', 'BHR', 'Bahrain', '', 26.0, 50.6], ['BD', 'BGD', 'Bangladesh', '', 23.7, 90.4],
  ['BB', 'BRB', 'Barbados', '', 13.2, -59.5], ['BY', 'BLR', 'Belarus', '', 53.7, 28.0],
  ['BE', 'BEL', 'Belgium', '', 50.5, 4.5], ['BZ', 'BLZ', 'Belize', '', 17.2, -88.5],
  ['BJ', 'BEN', 'Benin', '', 9.3, 2.3], ['BT', 'BTN', 'Bhutan', '', 27.5, 90.4],
  ['BO', 'BOL', 'Bolivia', '', -16.3, -63.6], ['BA', 'BIH', 'Bosnia and Herzegovina', 'Bosnia|Bosnia-Herzegovina', 43.9, 17.7],
  ['BW', 'BWA', 'Botswana', '', -22.3, 24.7], ['BR', 'BRA', 'Brazil', '', -14.2, -51.9],
  ['BN', 'BRN', 'Brunei', '', 4.5, 114.7], ['BG', 'BGR', 'Bulgaria', '', 42.7, 25.5],
  ['BF', 'BFA', 'Burkina Faso', '', 12.2, -1.6], ['BI', 'BDI', 'Burundi', '', -3.4, 29.9],
  ['KH', 'KHM', 'Cambodia', '', 12.6, 105.0], ['CM', 'CMR', 'Cameroon', '', 7.4, 12.4],
  ['CA', 'CAN', 'Canada', '', 56.1, -106.3], ['CV', 'CPV', 'Cape Verde', 'Cabo Verde', 16.0, -24.0],
  ['CF', 'CAF', 'Central African Republic', 'CAR', 6.6, 20.9], ['TD', 'TCD', 'Chad', '', 15.5, 18.7],
  ['CL', 'CHL', 'Chile', '', -35.7, -71.5], ['CN', 'CHN', 'China', "People's Republic of China", 35.9, 104.2],
  ['CO', 'COL', 'Colombia', '', 4.6, -74.3], ['KM', 'COM', 'Comoros', '', -11.9, 43.9],
  ['CG', 'COG', 'Republic of Congo', 'Congo-Brazzaville|Republic of the Congo|Congo', -0.2, 15.8],
  ['CD', 'COD', 'Democratic Republic of Congo', 'DR Congo|DRC|Democratic Republic of the Congo|Congo-Kinshasa', -4.0, 21.8],
  ['CR', 'CRI', 'Costa Rica', '', 9.7, -83.8], ['CI', 'CIV', 'Ivory Coast', "Cote d'Ivoire", 7.5, -5.5],
  ['HR', 'HRV', 'Croatia', '', 45.1, 15.2], ['CU', 'CUB', 'Cuba', '', 21.5, -77.8],
  ['CY', 'CYP', 'Cyprus', '', 35.1, 33.4], ['CZ', 'CZE', 'Czech Republic', 'Czechia', 49.8, 15.5],
  ['DK', 'DNK', 'Denmark', '', 56.3, 9.5], ['DJ', 'DJI', 'Djibouti', '', 11.8, 42.6],
  ['DM', 'DMA', 'Dominica', '', 15.4, -61.4], ['DO', 'DOM', 'Dominican Republic', '', 18.7, -70.2],
  ['TL', 'TLS', 'East Timor', 'Timor-Leste', -8.9, 125.7], ['EC', 'ECU', 'Ecuador', '', -1.8, -78.2],
  ['EG', 'EGY', 'Egypt', '', 26.8, 30.8], ['SV', 'SLV', 'El Salvador', '', 13.8, -88.9],
  ['GQ', 'GNQ', 'Equatorial Guinea', '', 1.7, 10.3], ['ER', 'ERI', 'Eritrea', '', 15.2, 39.8],
  ['EE', 'EST', 'Estonia', '', 58.6, 25.0], ['SZ', 'SWZ', 'Eswatini', 'Swaziland|eSwatini', -26.5, 31.5],
  ['ET', 'ETH', 'Ethiopia', '', 9.1, 40.5], ['FJ', 'FJI', 'Fiji', '', -17.7, 178.1],
  ['FI', 'FIN', 'Finland', '', 61.9, 25.7], ['FR', 'FRA', 'France', '', 46.2, 2.2],
  ['GA', 'GAB', 'Gabon', '', -0.8, 11.6], ['GM', 'GMB', 'Gambia', 'The Gambia', 13.4, -15.3],
  ['GE', 'GEO', 'Georgia', '', 42.3, 43.4], ['DE', 'DEU', 'Germany', '', 51.2, 10.5],
  ['GH', 'GHA', 'Ghana', '', 7.9, -1.0], ['GR', 'GRC', 'Greece', '', 39.1, 21.8],
  ['GD', 'GRD', 'Grenada', '', 12.1, -61.7], ['GT', 'GTM', 'Guatemala', '', 15.8, -90.2],
  ['GN', 'GIN', 'Guinea', '', 9.9, -9.7], ['GW', 'GNB', 'Guinea-Bissau', '', 11.8, -15.2],
  ['GY', 'GUY', 'Guyana', '', 4.9, -58.9], ['HT', 'HTI', 'Haiti', '', 19.0, -72.3],
  ['HN', 'HND', 'Honduras', '', 15.2, -86.2], ['HU', 'HUN', 'Hungary', '', 47.2, 19.5],
  ['IS', 'ISL', 'Iceland', '', 64.9, -19.0], ['IN', 'IND', 'India', '', 20.6, 79.0],
  ['ID', 'IDN', 'Indonesia', '', -0.8, 113.9], ['IR', 'IRN', 'Iran', 'Islamic Republic of Iran', 32.4, 53.7],
  ['IQ', 'IRQ', 'Iraq', '', 33.2, 43.7], ['IE', 'IRL', 'Ireland', 'Republic of Ireland', 53.4, -8.2],
  ['IL', 'ISR', 'Israel', '', 31.0, 34.9], ['IT', 'ITA', 'Italy', '', 41.9, 12.6],
  ['JM', 'JAM', 'Jamaica', '', 18.1, -77.3], ['JP', 'JPN', 'Japan', '', 36.2, 138.3],
  ['JO', 'JOR', 'Jordan', '', 30.6, 36.2], ['KZ', 'KAZ', 'Kazakhstan', '', 48.0, 66.9],
  ['KE', 'KEN', 'Kenya', '', -0.0, 37.9], ['KI', 'KIR', 'Kiribati', '', 1.9, -157.4],
  ['KP', 'PRK', 'North Korea', 'DPRK', 40.3, 127.5], ['KR', 'KOR', 'South Korea', 'Korea|Republic of Korea', 35.9, 127.8],
  ['XK', 'XKX', 'Kosovo', '', 42.6, 20.9], ['KW', 'KWT', 'Kuwait', '', 29.3, 47.5],
  ['KG', 'KGZ', 'Kyrgyzstan', '', 41.2, 74.8], ['LA', 'LAO', 'Laos', '', 19.9, 102.5],
  ['LV', 'LVA', 'Latvia', '', 56.9, 24.6], ['LB', 'LBN', 'Lebanon', '', 33.9, 35.9],
  ['LS', 'LSO', 'Lesotho', '', -29.6, 28.2], ['LR', 'LBR', 'Liberia', '', 6.4, -9.4],
  ['LY', 'LBY', 'Libya', '', 26.3, 17.2], ['LI', 'LIE', 'Liechtenstein', '', 47.2, 9.6],
  ['LT', 'LTU', 'Lithuania', '', 55.2, 23.9], ['LU', 'LUX', 'Luxembourg', '', 49.8, 6.1],
  ['MK', 'MKD', 'North Macedonia', 'Macedonia', 41.6, 21.7], ['MG', 'MDG', 'Madagascar', '', -18.8, 46.9],
  ['MW', 'MWI', 'Malawi', '', -13.3, 34.3], ['MY', 'MYS', 'Malaysia', '', 4.2, 102.0],
  ['MV', 'MDV', 'Maldives', '', 3.2, 73.2], ['ML', 'MLI', 'Mali', '', 17.6, -4.0],
  ['MT', 'MLT', 'Malta', '', 35.9, 14.4], ['MH', 'MHL', 'Marshall Islands', '', 7.1, 171.2],
  ['MR', 'MRT', 'Mauritania', '', 21.0, -10.9], ['MU', 'MUS', 'Mauritius', '', -20.3, 57.6],
  ['MX', 'MEX', 'Mexico', '', 23.6, -102.6], ['FM', 'FSM', 'Micronesia', '', 7.4, 150.6],
  ['MD', 'MDA', 'Moldova', '', 47.4, 28.4], ['MC', 'MCO', 'Monaco', '', 43.7, 7.4],
  ['MN', 'MNG', 'Mongolia', '', 46.9, 103.8], ['ME', 'MNE', 'Montenegro', '', 42.7, 19.4],
  ['MA', 'MAR', 'Morocco', '', 31.8, -7.1], ['MZ', 'MOZ', 'Mozambique', '', -18.7, 35.5],
  ['MM', 'MMR', 'Myanmar', 'Burma', 21.9, 95.9], ['NA', 'NAM', 'Namibia', '', -22.9, 18.5],
  ['NR', 'NRU', 'Nauru', '', -0.5, 166.9], ['NP', 'NPL', 'Nepal', '', 28.4, 84.1],
  ['NL', 'NLD', 'Netherlands', 'Holland|The Netherlands', 52.1, 5.3], ['NZ', 'NZL', 'New Zealand', '', -40.9, 174.9],
  ['NI', 'NIC', 'Nicaragua', '', 12.9, -85.2], ['NE', 'NER', 'Niger', '', 17.6, 8.1],
  ['NG', 'NGA', 'Nigeria', '', 9.1, 8.7], ['NO', 'NOR', 'Norway', '', 60.5, 8.5],
  ['OM', 'OMN', 'Oman', '', 21.5, 55.9], ['PK', 'PAK', 'Pakistan', '', 30.4, 69.3],
  ['PW', 'PLW', 'Palau', '', 7.5, 134.6], ['PS', 'PSE', 'Palestine', 'Palestinian Territories|State of Palestine', 31.9, 35.2],
  ['PA', 'PAN', 'Panama', '', 8.5, -80.8], ['PG', 'PNG', 'Papua New Guinea', '', -6.3, 143.9],
  ['PY', 'PRY', 'Paraguay', '', -23.4, -58.4], ['PE', 'PER', 'Peru', '', -9.2, -75.0],
  ['PH', 'PHL', 'Philippines', 'The Philippines', 12.9, 121.8], ['PL', 'POL', 'Poland', '', 51.9, 19.1],
  ['PT', 'PRT', 'Portugal', '', 39.4, -8.2], ['PR', 'PRI', 'Puerto Rico', '', 18.2, -66.6],
  ['QA', 'QAT', 'Qatar', '', 25.4, 51.2], ['RO', 'ROU', 'Romania', 'ROM', 45.9, 25.0],
  ['RU', 'RUS', 'Russia', 'Russian Federation', 61.5, 105.3], ['RW', 'RWA', 'Rwanda', '', -1.9, 29.9],
  ['KN', 'KNA', 'Saint Kitts and Nevis', '', 17.4, -62.8], ['LC', 'LCA', 'Saint Lucia', '', 13.9, -61.0],
  ['VC', 'VCT', 'Saint Vincent and the Grenadines', '', 13.3, -61.2], ['WS', 'WSM', 'Samoa', '', -13.8, -172.1],
  ['SM', 'SMR', 'San Marino', '', 43.9, 12.5], ['ST', 'STP', 'Sao Tome and Principe', '', 0.2, 6.6],
  ['SA', 'SAU', 'Saudi Arabia', '', 23.9, 45.1], ['SN', 'SEN', 'Senegal', '', 14.5, -14.5],
  ['RS', 'SRB', 'Serbia', '', 44.0, 21.0], ['SC', 'SYC', 'Seychelles', '', -4.7, 55.5],
  ['SL', 'SLE', 'Sierra Leone', '', 8.5, -11.8], ['SG', 'SGP', 'Singapore', '', 1.4, 103.8],
  ['SK', 'SVK', 'Slovakia', '', 48.7, 19.7], ['SI', 'SVN', 'Slovenia', '', 46.2, 15.0],
  ['SB', 'SLB', 'Solomon Islands', '', -9.6, 160.2], ['SO', 'SOM', 'Somalia', '', 5.2, 46.2],
  ['ZA', 'ZAF', 'South Africa', '', -30.6, 22.9], ['SS', 'SSD', 'South Sudan', '', 6.9, 31.3],
  ['ES', 'ESP', 'Spain', '', 40.5, -3.7], ['LK', 'LKA', 'Sri Lanka', '', 7.9, 80.8],
  ['SD', 'SDN', 'Sudan', '', 12.9, 30.2], ['SR', 'SUR', 'Suriname', '', 3.9, -56.0],
  ['SE', 'SWE', 'Sweden', '', 60.1, 18.6], ['CH', 'CHE', 'Switzerland', '', 46.8, 8.2],
  ['SY', 'SYR', 'Syria', 'Syrian Arab Republic', 34.8, 39.0], ['TW', 'TWN', 'Taiwan', '', 23.7, 121.0],
  ['TJ', 'TJK', 'Tajikistan', '', 38.9, 71.3], ['TZ', 'TZA', 'Tanzania', '', -6.4, 34.9],
  ['TH', 'THA', 'Thailand', '', 15.9, 101.0], ['TG', 'TGO', 'Togo', '', 8.6, 0.8],
  ['TO', 'TON', 'Tonga', '', -21.2, -175.2], ['TT', 'TTO', 'Trinidad and Tobago', 'Trinidad', 10.7, -61.2],
  ['TN', 'TUN', 'Tunisia', '', 33.9, 9.5], ['TR', 'TUR', 'Turkey', 'Türkiye|Turkiye', 39.0, 35.2],
  ['TM', 'TKM', 'Turkmenistan', '', 38.97, 59.6], ['TV', 'TUV', 'Tuvalu', '', -7.1, 177.6],
  ['UG', 'UGA', 'Uganda', '', 1.4, 32.3], ['UA', 'UKR', 'Ukraine', '', 48.4, 31.2],
  ['AE', 'ARE', 'United Arab Emirates', 'UAE|Emirates', 23.4, 53.8],
  ['GB', 'GBR', 'United Kingdom', 'UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland', 54.0, -2.5],
  ['US', 'USA', 'United States', 'US|U.S.|USA|U.S.A.|America|United States of America', 39.8, -98.6],
  ['UY', 'URY', 'Uruguay', '', -32.5, -55.8], ['UZ', 'UZB', 'Uzbekistan', '', 41.4, 64.6],
  ['VU', 'VUT', 'Vanuatu', '', -15.4, 166.9], ['VA', 'VAT', 'Vatican', 'Vatican City|Holy See', 41.9, 12.45],
  ['VE', 'VEN', 'Venezuela', '', 6.4, -66.6], ['VN', 'VNM', 'Vietnam', 'Viet Nam', 14.1, 108.3],
  ['EH', 'ESH', 'Western Sahara', '', 24.2, -12.9], ['YE', 'YEM', 'Yemen', '', 15.6, 48.5],
  ['ZM', 'ZMB', 'Zambia', '', -13.1, 27.8], ['ZW', 'ZWE', 'Zimbabwe', '', -19.0, 29.2],
  ['HK', 'HKG', 'Hong Kong', '', 22.3, 114.2], ['GL', 'GRL', 'Greenland', '', 71.7, -42.6],
];

export const COUNTRIES: readonly Country[] = ROWS.map(([iso2, iso3, name, aliases, lat, lon]) => ({
  iso2, iso3, name, aliases: aliases === '' ? [] : aliases.split('|'), lat, lon,
}));

const byCode = new Map<string, Country>();
for (const c of COUNTRIES) {
  byCode.set(c.iso2, c);
  byCode.set(c.iso3, c);
}
for (const c of COUNTRIES) for (const a of c.aliases) if (/^[A-Z]{3}$/.test(a) && !byCode.has(a)) byCode.set(a, c);

const ASCII = /^[\u0000-\u007f]*$/;

const countryKey = (name: string): string =>
  (ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase().replace(/^the\s+/, '').replace(/[^a-z]/g, '');

const byName = new Map<string, Country>();
for (const c of COUNTRIES) for (const n of [c.name, ...c.aliases]) if (!/^[A-Z]{3}$/.test(n)) byName.set(countryKey(n), c);

/** The country with this ISO2 or ISO3 code (case-insensitive), if any. */
export function countryByCode(code: string): Country | null {
  return byCode.get(code.toUpperCase()) ?? null;
}

/** The country called this ("Syria", "the Netherlands", "DR Congo"), if any. */
export function countryByName(name: string): Country | null {
  return byName.get(countryKey(name)) ?? null;
}
