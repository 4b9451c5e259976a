// Writes the two demo files that are deliberately NOT UTF-8, so that readers are exercised on
// legacy encodings: a Windows-1252 text with CRLF line ends, and a UTF-16LE text with a BOM.
// Run: node examples/make-encoded.mjs  (the output is committed; rerunning reproduces it byte for byte)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoDir = join(dirname(fileURLToPath(import.meta.url)), 'demo');
const LABEL = "FICTIONAL DEMO ARTICLE — written for crosscheck's demo corpus";

// Windows-1252 puts typographic punctuation in 0x80–0x9F, where Latin-1 has C1 controls;
// mapping these characters to those code points lets Buffer's 'latin1' encoder emit the right bytes.
const CP1252_PUNCTUATION = new Map([
  ['\u2018', 0x91], ['\u2019', 0x92], ['\u201c', 0x93], ['\u201d', 0x94],
  ['\u2013', 0x96], ['\u2014', 0x97], ['\u2026', 0x85], ['\u20ac', 0x80],
]);

function encodeWindows1252(text) {
  const latin1String = [...text]
    .map((ch) => {
      const mapped = CP1252_PUNCTUATION.get(ch);
      if (mapped !== undefined) return String.fromCharCode(mapped);
      if (ch.charCodeAt(0) > 0xff) throw new Error(`not encodable in Windows-1252: ${ch}`);
      return ch;
    })
    .join('');
  return Buffer.from(latin1String, 'latin1');
}

function encodeUtf16leWithBom(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const portSalvaCamp = `date 2025-03-11
Tents, tea and uncertainty: Port Salva opens its gates to Velsk families
By Hélène Dusart, Port Salva Gazette

The first rows of white tents went up on the old fairground outside Port Salva on Tuesday, as Aldemar opened a temporary site for families fleeing the fighting in neighbouring Karvonia’s Velsk province.

By evening, some 900 people had been registered at the site, according to the city’s mayor, Elin Moravec, and buses were still arriving from the Dunmere crossing, about 30 km to the south-east. Aid workers said around 3,000 people had crossed the border since last Thursday’s attack on the market in Ostrel, most of them over the weekend.

“We are a port city. People have always come here by road and by sea, and we have always found a place for them,” Moravec said, standing beside a field kitchen run by volunteers. “But we cannot do this alone, and we cannot do it for ever.”

Many of the new arrivals described long waits at Karvonian checkpoints. Several said men between 18 and 60 had been turned back by soldiers, who told them they were needed for “territorial defence”.

Ana Petrov, 29, crossed on Sunday with her two daughters after three nights in a cellar. “The separatists came to the village last Tuesday and the shelling started the next day,” she said. “Nobody asked us what we wanted.” Her husband stayed behind to look after his parents.

The site has a clinic run by the Border Relief Network and a small café run by a local church, which serves tea and sweet pastries free of charge. Children were playing football between the tents on Tuesday afternoon, watched by volunteers in orange vests.

Aldemar’s government has so far resisted calls from some opposition parties to close the border. Foreign Minister Sofia Calder said on Monday that Aldemar would “respect its obligations” but urged Karvonia and the separatists to agree a ceasefire so that people could go home.

The city council will meet on Thursday to discuss a second site near the harbour.

${LABEL}
`;

const castellaneTalks = `CASTELLANE, Thursday, March 13 (Radio Aldemar International) - Envoys of the Karvonian government and the Velsk Liberation Front agreed in principle on Thursday to open a humanitarian corridor from the town of Ostrel to the Aldemar border, Lumera's foreign minister said after a day of indirect talks in the Lumeran capital.

Oren Tallis, who hosted the talks at a government guest house on the edge of Castellane, said the two delegations had not met face to face but had exchanged proposals through Lumeran and Aldemar diplomats for more than nine hours.

"This is not peace, and nobody should call it peace," Tallis told reporters. "But it is the first thing the two sides have agreed on in more than a month, and it could save lives in the coming days."

The corridor would allow civilians, the wounded and aid convoys to move between Ostrel and the Dunmere crossing under a local truce, Tallis said. Technical teams are to meet again on Monday to agree on its route and hours.

Aldemar's foreign minister, Sofia Calder, who attended as an observer, said her country would keep its border open and would ask its partners for help with the cost of sheltering refugees.

"We have welcomed people from Velsk for a week now," Calder said, "and we will go on doing so, but the world cannot leave this to a small country alone."

The Karvonian delegation, led by Deputy Foreign Minister Rudi Sattler, did not speak to reporters. A statement from the foreign ministry in Halden said Karvonia had "agreed to humanitarian measures without recognising any armed group".

A VLF negotiator, Lida Korr, said the rebels had accepted the corridor "for the sake of the people of Ostrel" and repeated their demand for an international inquiry into the March 6 attack on the town's market, in which 20 people were killed.

Fighting continued on Thursday in the hills east of Ostrel, according to residents reached by telephone.

${LABEL}
`;

writeFileSync(
  join(demoDir, 'port-salva-gazette.example', '2025-03-11-port-salva-camp-windows1252.txt'),
  encodeWindows1252(portSalvaCamp.replace(/\n/g, '\r\n')),
);
writeFileSync(
  join(demoDir, 'radio-aldemar.example', '2025-03-13-castellane-talks-utf16le.txt'),
  encodeUtf16leWithBom(castellaneTalks),
);
