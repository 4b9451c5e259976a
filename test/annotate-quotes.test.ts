import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity, EntityType, Quote, Span } from '../src/document.js';
import { findQuotes } from '../src/annotate/quotes.js';
import { indirectAt, Stretch } from '../src/annotate/quote/frames.js';
import type { Word } from '../src/annotate/quote/words.js';
import { tokenize } from '../src/annotate/quote/words.js';
import { extractDocument } from '../src/extract/index.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { annotateQuotes } from '../src/annotate/quotes.js';
import { readSeed, seedsPresent } from './support/seeds.js';

const quotesOf = (body: string, entities: Entity[] = []): Quote[] => findQuotes({ body, sentences: [], entities });

interface Expected {
  text: string;
  direct?: boolean;
  cue?: string | null;
  speaker?: string | null;
}

/** [fictional text, the quotes it must yield in order]. Unlisted fields are not checked. */
const CASES: ReadonlyArray<readonly [string, Expected[]]> = [
  // direct quotes: curly and straight marks, quote-then-cue and cue-then-quote, inverted "said X"
  ['“We will rebuild the bridge by spring,” Mayor Lina Marsh said on Tuesday.', [{ text: 'We will rebuild the bridge by spring', direct: true, cue: 'said', speaker: 'Mayor Lina Marsh' }]],
  ['"The river is rising fast," the flood agency said.', [{ text: 'The river is rising fast', direct: true, cue: 'said', speaker: 'the flood agency' }]],
  ['“The river is rising fast,” said Teodor Vask.', [{ text: 'The river is rising fast', cue: 'said', speaker: 'Teodor Vask' }]],
  ['Teodor Vask said: “The border stays open.”', [{ text: 'The border stays open.', direct: true, cue: 'said', speaker: 'Teodor Vask' }]],
  ['Petra Nune told the council, “We have no more fuel.”', [{ text: 'We have no more fuel.', cue: 'told', speaker: 'Petra Nune' }]],
  // multi-sentence quote, and a quote split by its attribution: both parts, one cue, one speaker
  ['“We opened the gates. We will not close them,” Vask told reporters.', [{ text: 'We opened the gates. We will not close them', cue: 'told', speaker: 'Vask' }]],
  [
    '“The talks failed,” Teodor Vask said, “but we will return next week.”',
    [
      { text: 'The talks failed', cue: 'said', speaker: 'Teodor Vask' },
      { text: 'but we will return next week.', cue: 'said', speaker: 'Teodor Vask' },
    ],
  ],
  // a typewriter-style straight quote
  ["''Nobody warned us,'' Joss Arlen said.", [{ text: 'Nobody warned us', cue: 'said', speaker: 'Joss Arlen' }]],
  // scare quotes and titles are not quotes
  ['The so-called “peace plan” was never published.', []],
  ['She reviewed the film “Winter Light” last year.', []],
  ['The “disaster” left residents angry.', []],
  // indirect speech
  ['Vask said he expected the convoy to arrive on Friday.', [{ text: 'he expected the convoy to arrive on Friday', direct: false, cue: 'said', speaker: 'Vask' }]],
  ['Vask said that the port would reopen.', [{ text: 'the port would reopen', cue: 'said', speaker: 'Vask' }]],
  ['Vask said on Saturday that the port would reopen.', [{ text: 'the port would reopen', cue: 'said', speaker: 'Vask' }]],
  ['Vask told reporters the talks had collapsed.', [{ text: 'the talks had collapsed', cue: 'told', speaker: 'Vask' }]],
  ['The ministry warned that the dam could fail.', [{ text: 'the dam could fail', cue: 'warned', speaker: 'The ministry' }]],
  ['Petra Nune denied that she had met the envoy.', [{ text: 'she had met the envoy', cue: 'denied', speaker: 'Petra Nune' }]],
  ['Officials insisted the vote was fair.', [{ text: 'the vote was fair', cue: 'insisted', speaker: 'Officials' }]],
  ['Amara Olen has repeatedly claimed that the count was rigged.', [{ text: 'the count was rigged', cue: 'claimed', speaker: 'Amara Olen' }]],
  ['The ferry will resume service next week, the port authority said in a statement.', [{ text: 'The ferry will resume service next week', cue: 'said', speaker: 'the port authority' }]],
  ['The reform will fail, a spokesman said.', [{ text: 'The reform will fail', cue: 'said', speaker: 'a spokesman' }]],
  ['The reform, she said, will fail within a year.', [{ text: 'The reform', cue: 'said' }, { text: 'will fail within a year', cue: 'said' }]],
  [
    'Noting that fuel was scarce, Vask said the convoy would wait.',
    [
      { text: 'fuel was scarce', cue: 'Noting', speaker: 'Vask' },
      { text: 'the convoy would wait', cue: 'said', speaker: 'Vask' },
    ],
  ],
  // a participle after a comma opens an attribution of its own, with the same speaker
  [
    'Vask threatened the rebels, saying the deadline had passed.',
    [
      { text: 'the rebels', cue: 'threatened', speaker: 'Vask' },
      { text: 'the deadline had passed', cue: 'saying', speaker: 'Vask' },
    ],
  ],
  ['According to the monitoring group, 40 people were killed.', [{ text: '40 people were killed', cue: 'According to', speaker: 'the monitoring group' }]],
  ['Forty people were killed, according to the monitoring group.', [{ text: 'Forty people were killed', cue: 'according to', speaker: 'the monitoring group' }]],
  ['Idris Calloway, a spokesman for the port, said the cranes were idle.', [{ text: 'the cranes were idle', speaker: 'Idris Calloway, a spokesman for the port' }]],
  ['Lina Marsh, who chairs the council, said the budget was late.', [{ text: 'the budget was late', speaker: 'Lina Marsh' }]],
  // no cue: nothing
  ['The ferry sank near Tarn on Monday.', []],
  // a full passive: the agent speaks, the subject is the content; a few verbs report with no agent named
  ['The senator was accused of lying about the budget.', [
    { text: 'The senator', cue: 'accused', speaker: null },
    { text: 'of lying about the budget', cue: 'accused', speaker: null },
  ]],
  ['The plan was echoed by several mayors in the north.', [{ text: 'The plan', cue: 'echoed', speaker: 'several mayors' }]],
  ['The bill was first reported by the Orlin Herald.', [{ text: 'The bill', cue: 'reported', speaker: 'the Orlin Herald' }]],
  ['The ferry was offered a new berth.', []],
  // an attribution that follows another in the same sentence gets its own content
  [
    'Some residents said the bridge was safe, while other residents said it was close to collapse.',
    [
      { text: 'the bridge was safe', speaker: 'Some residents' },
      { text: 'it was close to collapse', speaker: 'other residents' },
    ],
  ],
  ['“I kind of panicked,” Joss Arlen, 33, said of the flood.', [{ text: 'I kind of panicked', speaker: 'Joss Arlen, 33' }]],
  ['United States forces left the base.', []],
  // stances: the subject takes a position; the content runs to the end of its clause and may be one word
  ['The farmers union endorsed Olen.', [{ text: 'Olen', direct: false, cue: 'endorsed', speaker: 'The farmers union' }]],
  ['Vask opposes the new toll, which starts in May.', [{ text: 'the new toll', cue: 'opposes', speaker: 'Vask' }]],
  ['The mayor was endorsed by the farmers union.', [{ text: 'The mayor', cue: 'endorsed', speaker: 'the farmers union' }]],
  // seeming: how things look, with no source; the subject is part of the content
  ['The old bridge seemed to sway in the wind.', [{ text: 'The old bridge', cue: 'seemed', speaker: null }, { text: 'to sway in the wind', cue: 'seemed', speaker: null }]],
  ['The convoy is expected to reach Orlin on Friday.', [{ text: 'The convoy', cue: 'expected' }, { text: 'to reach Orlin on Friday', cue: 'expected' }]],
  ['It appears that the ferry will not sail.', [{ text: 'the ferry will not sail', cue: 'appears', speaker: null }]],
  ['Vask appeared on the morning show.', []],
  // a verb joined to an earlier one shares its subject, and starts a content of its own
  ['Vask left the hall and said the vote was rigged.', [{ text: 'the vote was rigged', cue: 'said', speaker: 'Vask' }]],
  [
    'Petra Nune said the plan would fail, and called it a waste of money.',
    [
      { text: 'the plan would fail', cue: 'said', speaker: 'Petra Nune' },
      { text: 'it a waste of money', cue: 'called', speaker: 'Petra Nune' },
    ],
  ],
  // "Asked whether …": a question with no asker named
  [
    'Asked whether the port would reopen, Vask said the ferry would sail.',
    [
      { text: 'whether the port would reopen', cue: 'Asked', speaker: null },
      { text: 'the ferry would sail', cue: 'said', speaker: 'Vask' },
    ],
  ],
  // a headline in title case: its capitalized verbs are cues
  ['Mayor Olen Endorses Farm Bill', [{ text: 'Farm Bill', cue: 'Endorses', speaker: 'Mayor Olen' }]],
  // determiners that stand alone as subjects; a title before a name in an inverted speaker
  ['Some say the toll is too high.', [{ text: 'the toll is too high', speaker: 'Some' }]],
  ['One in three said the tax was unfair.', [{ text: 'the tax was unfair', speaker: 'One in three' }]],
  ['“We are ready,” said Ohio delegate Ana Vask.', [{ text: 'We are ready', speaker: 'Ohio delegate Ana Vask' }]],
  ['“No comment,” said a spokesman for the port.', [{ text: 'No comment', speaker: 'a spokesman for the port' }]],
  ['Her campaign staff here said the count was fair.', [{ text: 'the count was fair', speaker: 'Her campaign staff' }]],
  // poll subjects: a share or a ratio heads the phrase
  ['About 6 in 10 riders said the toll was fair.', [{ text: 'the toll was fair', speaker: '6 in 10 riders' }]],
  ['Most riders said the fare was low, but 55 percent of all drivers say the toll is too high.', [
    { text: 'the fare was low', speaker: 'Most riders' },
    { text: 'the toll is too high', speaker: '55 percent of all drivers' },
  ]],
  // a second verb of the same subject, and a contrast, end the first content without a comma
  ['Vask said the talks had failed and said the rebels had left the city.', [
    { text: 'the talks had failed', cue: 'said', speaker: 'Vask' },
    { text: 'the rebels had left the city', cue: 'said', speaker: 'Vask' },
  ]],
  ['Some riders backed the toll while other riders backed the old fare.', [
    { text: 'the toll', cue: 'backed', speaker: 'Some riders' },
    { text: 'the old fare', cue: 'backed', speaker: 'other riders' },
  ]],
  // after a quoted question, an asking verb's object is the addressee
  ['“Are you ready?” Olen asked the crowd.', [{ text: 'Are you ready?', cue: 'asked', speaker: 'Olen' }]],
  // a negated or adverbial progressive is finite; "now" may stand between subject and cue
  ['The mayor is not saying which roads will close.', [{ text: 'which roads will close', cue: 'saying', speaker: 'The mayor' }]],
  ['Olen now says she opposes the toll.', [{ text: 'she opposes the toll', cue: 'says', speaker: 'Olen' }]],
  // after "that", a clause link opens the content; a pronoun ends an addressee
  ['Her aides argued that as riders learn more, the fare will win support.', [{ text: 'as riders learn more, the fare will win support', cue: 'argued', speaker: 'Her aides' }]],
  ['Vask tells voters he is tough enough to lead.', [{ text: 'he is tough enough to lead', cue: 'tells', speaker: 'Vask' }]],
  // a dashed apposition and a participle with a time phrase belong to the subject
  ['Tom Vask — a baker from Elm Grove — says he will vote for Olen.', [{ text: 'he will vote for Olen', speaker: 'Tom Vask — a baker from Elm Grove' }]],
  ['A report published Monday said the mayor used a private account.', [{ text: 'the mayor used a private account', speaker: 'A report' }]],
  // a number with a thousands comma is one word; "were never disclosed" is passive
  ['The agency reported that roughly 1,100 donor names were never disclosed.', [{ text: 'roughly 1,100 donor names were never disclosed', cue: 'reported', speaker: 'The agency' }]],
  // an indirect content that runs into a later attribution ends where it starts
  [
    'When Olen thanked Elmira and said it was great to be home, a man yelled “Stay there!”',
    [
      { text: 'Elmira', cue: 'thanked', speaker: 'Olen' },
      { text: 'it was great to be home', cue: 'said', speaker: 'Olen' },
      { text: 'Stay there!', cue: 'yelled', speaker: 'a man' },
    ],
  ],
  // participles after "by", after a name, and infinitives take the speaker of their clause
  ['Olen drew fire by saying the toll would double.', [{ text: 'the toll would double', cue: 'saying', speaker: 'Olen' }]],
  ['The meeting ended with Mayor Olen calling the plan a sham.', [{ text: 'the plan a sham', cue: 'calling', speaker: 'Mayor Olen' }]],
  ['Olen went on to say the bridge was unsafe.', [{ text: 'the bridge was unsafe', cue: 'say', speaker: 'Olen' }]],
  ['Vask went on to discuss the new toll.', [{ text: 'the new toll', cue: 'discuss', speaker: 'Vask' }]],
  // a parenthetical right after "that" opens the content
  ['He said that, if elected, he would leave such choices to the generals.', [{ text: 'if elected, he would leave such choices to the generals', cue: 'said', speaker: 'He' }]],
  // an introduction is not the subject; an adverbial between auxiliary and cue is not either
  ['However, Senator Olen walked out, saying the vote was rigged.', [{ text: 'the vote was rigged', cue: 'saying', speaker: 'Senator Olen' }]],
  ['Olen has in the past described the plan as a disaster.', [{ text: 'the plan as a disaster', cue: 'described', speaker: 'Olen' }]],
  // a noun of speech after a possessive
  ['After Olen’s claim that the bridge was safe, the council met.', [{ text: 'the bridge was safe', cue: 'claim', speaker: 'Olen’s' }]],
  // modifiers, not cues: a number before a past form, "called" naming what something is
  ['The mayor won 58 pledged delegates in the county vote.', []],
  ['She joined a group called Forward Elm in May.', []],
  // "when asked" after a quote is a question with no asker named
  [
    '“We will see,” Olen said when asked whether the ferry would sail.',
    [
      { text: 'We will see', cue: 'said', speaker: 'Olen' },
      { text: 'whether the ferry would sail', cue: 'asked', speaker: null },
    ],
  ],
  // a quotation with neither a cue nor a speaker near it is not an attribution
  ['The ferry sailed at noon.\n“The water is calm and cold today.”', []],
  // "X says, C": a comma after the cue opens the content
  ['Olen says, win or lose, she is staying in the race.', [{ text: 'win or lose, she is staying in the race', cue: 'says', speaker: 'Olen' }]],
  // a trailing "according to X" holds what C says; an opening one yields to the speaker it frames
  ['Most riders say the fare is fair, according to a city survey.', [{ text: 'Most riders say the fare is fair', cue: 'according to', speaker: 'a city survey' }]],
  ['According to the harbour office, Vask said the ferry would sail.', [{ text: 'the ferry would sail', cue: 'said', speaker: 'Vask' }]],
  // a content may open with a quotation mark; an adjunct before "that" may hold commas
  ['Mayor Lina Marsh said at a rally in Orlin, Vell, that “the bridge” would reopen.', [
    { text: '“the bridge” would reopen', direct: false, cue: 'said', speaker: 'Mayor Lina Marsh' },
  ]],
  // a period right before a comma is an abbreviation's; lower-case title words lead the speaker after a quote
  ['“The toll must go,” Senator Ana Vask, R-Vell., said.', [{ text: 'The toll must go', cue: 'said', speaker: 'Senator Ana Vask, R-Vell.' }]],
  ['“We are ready,” retired army general Tomas Reyl said.', [{ text: 'We are ready', cue: 'said', speaker: 'retired army general Tomas Reyl' }]],
  // an inverted cue before a colon and a quote; a name set off by commas before the cue
  ['Said Ellis Varo: “The port is closed.”', [{ text: 'The port is closed.', direct: true, cue: 'Said', speaker: 'Ellis Varo' }]],
  ['A lawyer for the ferry company, Joss Arlen, said the crossing was safe.', [{ text: 'the crossing was safe', speaker: 'Joss Arlen' }]],
  ['Even Marvale, the only ally of the north, said it opposed the test.', [{ text: 'it opposed the test', speaker: 'Marvale, the only ally of the north' }]],
  // a quoted show title after the addressee, a part of the day after the day
  ['Vask told Radio Orlin’s “Morning Hour” that the port would close.', [{ text: 'the port would close', cue: 'told', speaker: 'Vask' }]],
  ['The toll is unfair, farm leaders said Friday afternoon, as they left the hall.', [{ text: 'The toll is unfair', speaker: 'farm leaders' }]],
  ['Speaking on Radio Orlin’s “Morning Hour,” Vask said the toll would fall.', [{ text: 'the toll would fall', cue: 'said', speaker: 'Vask' }]],
  // "as X said" reports the clause beside it
  ['The ferry sank in the storm, as the harbour master had warned.', [{ text: 'The ferry sank in the storm', cue: 'warned', speaker: 'the harbour master' }]],
  ['As Olen said on Monday, the toll is far too high.', [{ text: 'the toll is far too high', cue: 'said', speaker: 'Olen' }]],
  // a verb of speech after "appeared to" reports; "expected that" is belief; "not said when" opens a question
  ['Olen appeared to suggest that the toll would double.', [{ text: 'the toll would double', cue: 'suggest', speaker: 'Olen' }]],
  ['Vask expected that the council would vote against it.', [{ text: 'the council would vote against it', cue: 'expected', speaker: 'Vask' }]],
  ['Officials have not said when the bridge will reopen.', [{ text: 'when the bridge will reopen', cue: 'said', speaker: 'Officials' }]],
  // a relative clause set off by commas ends its own content, and the main clause reports too
  ['Vask, who calls the toll a “scam,” said he would vote against it.', [
    { text: 'the toll a “scam,”', cue: 'calls', speaker: 'who' },
    { text: 'he would vote against it', cue: 'said', speaker: 'Vask' },
  ]],
  // "some of" heads an addressee, so the quote stays the cue's
  ['“I am proud of you,” Olen told some of the miners.', [{ text: 'I am proud of you', direct: true, cue: 'told', speaker: 'Olen' }]],
  // after a quote that ends its sentence, a cue with a clause of its own does not take the quote
  ['The park will be renamed “Harbour Park.” A spokesman for the buyer said there was a plan for the town.', [
    { text: 'there was a plan for the town', cue: 'said', speaker: 'A spokesman for the buyer' },
  ]],
  // an opening prepositional phrase is no content; a quotation or an object after the cue is
  ['On the radio, Mayor Olen called Vask “reckless.”', [{ text: 'Vask “reckless.”', cue: 'called', speaker: 'Mayor Olen' }]],
  ['Campaigning in the north, he barely mentioned the toll.', [{ text: 'the toll', cue: 'mentioned', speaker: 'he' }]],
  // a participle after "and" takes the clause's subject
  ['The union issued a statement welcoming the plan, and calling for more buses.', [
    { text: 'a statement welcoming the plan', cue: 'issued', speaker: 'The union' },
    { text: 'more buses', cue: 'calling for', speaker: 'The union' },
  ]],
  // adverbs are not speakers: "may well" stands between the subject and its cue, "to work" is no subject
  ['They may well endorse Olen.', [{ text: 'Olen', cue: 'endorse', speaker: 'They' }]],
  ['He went to work seeking a new trial.', []],
  // participles joined by "and" each report; a participle after “…,” opens its own attribution
  ['She spoke for an hour, urging voters to see the big picture and promising to manage the economy.', [
    { text: 'voters to see the big picture', cue: 'urging', speaker: 'She' },
    { text: 'to manage the economy', cue: 'promising', speaker: 'She' },
  ]],
  ['Vask said the toll was “a scam,” adding that it would fail.', [
    { text: 'the toll was “a scam,”', cue: 'said', speaker: 'Vask' },
    { text: 'it would fail', cue: 'adding', speaker: 'Vask' },
  ]],
  // "that" before a verb is the content's subject
  ['He said that is a distortion of the record.', [{ text: 'that is a distortion of the record', cue: 'said', speaker: 'He' }]],
  // a quoting verb's participle takes its clause's subject; verbs of urging and proclaiming report
  ['Olen walked onto the stage, chanting “We will win!”', [{ text: 'We will win!', direct: true, cue: 'chanting', speaker: 'Olen' }]],
  ['Vask exhorted farmers to “vote your conscience.”', [{ text: 'farmers to “vote your conscience.”', cue: 'exhorted', speaker: 'Vask' }]],
  // a closing mark typed at the start of a paragraph opens the quotation
  ['”Fear. I am truly afraid that the toll will stay.” ― Ivo Drach', [{ text: 'Fear. I am truly afraid that the toll will stay.', speaker: 'Ivo Drach' }]],
  // time words that end the subject's phrase are not part of it; a slash joins a pollster's name
  ['A Channel 4/Elm poll last month showed Olen leading Vask.', [{ text: 'Olen leading Vask', cue: 'showed', speaker: 'A Channel 4/Elm poll' }]],
  ['The Morning Star poll showed that Olen remained in the lead.', [{ text: 'Olen remained in the lead', speaker: 'The Morning Star poll' }]],
  ['Olen Wednesday said the plan was a sham.', [{ text: 'the plan was a sham', speaker: 'Olen' }]],
  // a share heads a poll's subject, and only a past form after a number modifies a noun
  ['Six in 10 say he’s too cautious.', [{ text: 'he’s too cautious', cue: 'say', speaker: 'Six in 10' }]],
  ['42% say they are undecided.', [{ text: 'they are undecided', cue: 'say', speaker: '42%' }]],
  // "that" before a lone noun is its determiner; "that" after a comma opens the content
  ['Olen decried that plan.', [{ text: 'that plan', cue: 'decried', speaker: 'Olen' }]],
  ['He added, that there is a “fair” process for all.', [{ text: 'that there is a “fair” process for all', cue: 'added', speaker: 'He' }]],
  // a cue inside a relative clause after a quote is not the quote's; a colon right after a cue opens its content
  ['“The answer is simple,” Vask, who has proposed repealing the toll, said.', [
    { text: 'The answer is simple', direct: true, cue: 'said', speaker: 'Vask' },
    { text: 'repealing the toll', cue: 'proposed', speaker: 'who' },
  ]],
  ['Hewitt writes: The film never names the mayor.', [{ text: 'The film never names the mayor', cue: 'writes', speaker: 'Hewitt' }]],
  // a stance's content stops where "and" and an auxiliary start a second predicate
  ['Mayor Olen, a farmer, has not endorsed Vask and has been a critic of his style.', [
    { text: 'Vask', cue: 'endorsed', speaker: 'Mayor Olen, a farmer' },
  ]],
];

describe('findQuotes', () => {
  it.each(CASES)('%s', (body, expected) => {
    const quotes = quotesOf(body);
    expect(quotes.map((q) => q.text)).toEqual(expected.map((e) => e.text));
    expected.forEach((e, i) => {
      const q = quotes[i]!;
      if (e.direct !== undefined) expect(q.direct).toBe(e.direct);
      if (e.cue !== undefined) expect(q.cue?.text ?? null).toBe(e.cue);
      if (e.speaker !== undefined) expect(q.speaker?.text ?? null).toBe(e.speaker);
    });
  });

  it('continues a quote that opens the next paragraph with the same speaker', () => {
    const body = '“We opened the doors,” Vask said in Orlin.\n\n“We will not close them again. The council must keep its promises.”';
    const quotes = quotesOf(body);
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.text).toBe('We will not close them again. The council must keep its promises.');
    expect(quotes[1]!.speaker?.text).toBe('Vask');
  });
});

/** Sentence spans cut before each of the given sentence openings. */
function sentencesAt(body: string, openings: readonly string[]): Span[] {
  const starts = [0, ...openings.map((o) => body.indexOf(o))];
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1]! - 1 : body.length }));
}

describe('findQuotes across sentence splits', () => {
  it('reads a quoted question with the attribution the splitter cut off after it', () => {
    const body = '“Are you ready?” Olen asked.';
    const quotes = findQuotes({ body, sentences: sentencesAt(body, ['Olen asked']), entities: [] });
    expect(quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['Are you ready?', 'asked', 'Olen']]);
  });

  it('reads a sentence that opens in lower case with the one before it', () => {
    const body = 'Sen. Mara Olen (R-Ky.) said the toll would rise.';
    const quotes = findQuotes({ body, sentences: sentencesAt(body, ['said the toll']), entities: [] });
    expect(quotes.map((q) => [q.text, q.speaker?.text])).toEqual([['the toll would rise', 'Sen. Mara Olen (R-Ky.)']]);
  });

  it('reads a sentence cut inside a parenthesis with the one before it', () => {
    const body = 'Sen. Mara Olen (D-N.D.) opposes the new toll.';
    const quotes = findQuotes({ body, sentences: sentencesAt(body, ['D.) opposes']), entities: [] });
    expect(quotes.map((q) => [q.text, q.speaker?.text])).toEqual([['the new toll', 'Sen. Mara Olen (D-N.D.)']]);
  });

  it('gives a paragraph that is a quote to the cue and colon that end the paragraph before it', () => {
    const body = 'The council replied:\n“We will not pay for the bridge this year.”';
    const quotes = quotesOf(body);
    expect(quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['We will not pay for the bridge this year.', 'replied', 'The council']]);
  });
});

describe('labelled lines', () => {
  it('attributes a line to the name that opens it with a colon', () => {
    const body = 'Olen: The bridge will reopen in May.\nMore text follows here.';
    const quotes = quotesOf(body, [entity(body, 'Olen', 'PER', 'per:olen')]);
    expect(quotes.map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([['The bridge will reopen in May', ':', 'Olen']]);
  });

  it('reads capital labels as speakers once one of them opens two turns (a transcript)', () => {
    const body = 'An interview.\nSMITH: I think the bridge will open.\nJONES: Do you agree with that?\nSMITH: I do, and the council agrees.';
    expect(quotesOf(body).map((q) => [q.text, q.speaker?.text])).toEqual([
      ['I think the bridge will open', 'SMITH'],
      ['Do you agree with that?', 'JONES'],
      ['I do, and the council agrees', 'SMITH'],
    ]);
  });

  it('reads a quotation after a name and a colon as that name’s', () => {
    const body = 'Tomas Vask: “The bridge will reopen in May.”';
    const quotes = quotesOf(body, [entity(body, 'Tomas Vask', 'PER', 'per:tomas-vask')]);
    expect(quotes.map((q) => [q.text, q.direct, q.cue?.text, q.speaker?.text])).toEqual([['The bridge will reopen in May.', true, ':', 'Tomas Vask']]);
  });

  it('reads a headline label by the last name of a person named further on', () => {
    const body = 'Vask: Toll Must Go Before Winter\nMayor Tomas Vask told the council on Monday that the toll must go.';
    const quotes = quotesOf(body, [entity(body, 'Tomas Vask', 'PER', 'per:tomas-vask')]);
    expect(quotes[0]!.text).toBe('Toll Must Go Before Winter');
    expect(quotes[0]!.speaker?.text).toBe('Vask');
  });

  it('reads a transcript quoted paragraph by paragraph as its speakers’ turns', () => {
    const body = 'The interview went on.\n“SMITH: I think the bridge will open. It is ready.\n“JONES: Do you agree with the council?\n“SMITH: I do, and so does the mayor.”';
    expect(quotesOf(body).map((q) => [q.text, q.cue?.text, q.speaker?.text])).toEqual([
      ['I think the bridge will open. It is ready.', ':', 'SMITH'],
      ['Do you agree with the council?', ':', 'JONES'],
      ['I do, and so does the mayor.', ':', 'SMITH'],
    ]);
  });

  it('reads a dash and a name closing the paragraph after a quote as its signature', () => {
    const body = '“The bridge is our lifeline. Keep it open.” ― Mara Lenz\n“We need the ferry back.” — Ivo Drach.';
    expect(quotesOf(body).map((q) => [q.text, q.direct, q.cue?.text, q.speaker?.text])).toEqual([
      ['The bridge is our lifeline. Keep it open.', true, '―', 'Mara Lenz'],
      ['We need the ferry back.', true, '—', 'Ivo Drach'],
    ]);
    // a dash that goes on with a clause is no signature
    expect(quotesOf('“We will go” — Mara Lenz disagreed with that.')).toEqual([]);
  });

  it('ignores labels that name nobody', () => {
    expect(quotesOf('Still to come: results from the northern districts.')).toEqual([]);
    expect(quotesOf('UPDATE: The bridge will reopen in May.')).toEqual([]);
  });
});

function entity(body: string, text: string, type: EntityType, key: string, nth = 0): Entity {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = body.indexOf(text, start + 1);
  if (start < 0) throw new Error(`no ${text}`);
  return { start, end: start + text.length, text, type, key, name: text, subtype: null };
}

/** [text, entities (text, type, key), the speaker key of the first quote]. */
const KEYS: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, EntityType, string]>, string | null]> = [
  ['Teodor Vask said the talks had collapsed.', [['Teodor Vask', 'PER', 'per:teodor-vask']], 'per:teodor-vask'],
  ['Teodor Vask arrived in Orlin. He said the talks had collapsed.', [['Teodor Vask', 'PER', 'per:teodor-vask'], ['Orlin', 'LOC', 'loc:orlin']], 'per:teodor-vask'],
  [
    'Mr. Idris Calloway met Mrs. Petra Nune in Vell. She said the deal was done.',
    [['Idris Calloway', 'PER', 'per:idris-calloway'], ['Petra Nune', 'PER', 'per:petra-nune']],
    'per:petra-nune',
  ],
  [
    'Mary Olen met Teodor Vask. He said the deal was done.',
    [['Mary Olen', 'PER', 'per:mary-olen'], ['Teodor Vask', 'PER', 'per:teodor-vask']],
    'per:teodor-vask',
  ],
  ['The Northgate Relief Agency said aid had arrived.', [['Northgate Relief Agency', 'ORG', 'org:northgate-relief-agency']], 'org:northgate-relief-agency'],
  ['A Northgate Relief Agency spokesman said aid had arrived.', [['Northgate Relief Agency', 'ORG', 'org:northgate-relief-agency']], 'org:northgate-relief-agency'],
  // a ministry of a country is not the country; nominal speakers stay unresolved
  ['Marvale’s defence ministry said the drill was routine.', [['Marvale', 'LOC', 'loc:marvale']], null],
  ['Officials said the drill was routine.', [], null],
];

describe('speaker keys', () => {
  it.each(KEYS)('%s', (body, specs, key) => {
    const entities = specs.map(([text, type, k]) => entity(body, text, type, k));
    const quotes = quotesOf(body, entities);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]!.speaker?.key ?? null).toBe(key);
  });
});

const FRAGMENTS = [
  '“We will not leave,” ', 'Vask said', ' said Petra Nune', ', according to officials', '. ', ', ', ' that ', 'he expected rain',
  '"Nobody came," ', "''", '“', '”', '"', ' the ministry warned ', 'Noting the delay, ', ' told reporters ', '\n\n', 'the talks failed',
  ' saying ', ': ', 'According to the council, ', ' (SOHR) ', 'He said', ' “peace plan” ', 'Officials insisted the vote was fair.',
];

describe('quote spans (property)', () => {
  it('every span equals its body slice and quotes never overlap', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        const body = parts.join('');
        const quotes = quotesOf(body);
        let lastEnd = -1;
        for (const q of quotes) {
          expect(body.slice(q.start, q.end)).toBe(q.text);
          if (q.cue) expect(body.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
          if (q.speaker) expect(body.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
          expect(q.start).toBeGreaterThanOrEqual(lastEnd);
          lastEnd = q.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!seedsPresent)('seeds', () => {
  const analyse = (prefix: string): Quote[] => {
    let doc = extractDocument(prefix, { id: prefix, text: readSeed(prefix), published: '2020-03-01' }, { now: new Date('2020-03-02') });
    for (const stage of STAGES) doc = stage(doc);
    return annotateQuotes(doc).quotes;
  };
  const find = (quotes: readonly Quote[], start: string): Quote => {
    const quote = quotes.find((q) => q.text.startsWith(start));
    if (!quote) throw new Error(`no quote starting "${start}" in ${quotes.map((q) => q.text.slice(0, 30)).join(' | ')}`);
    return quote;
  };

  it('000: Erdogan’s indirect speech, the defence ministry’s statement, the Telegraph’s report', () => {
    const quotes = analyse('000');
    const nato = find(quotes, 'he expected NATO');
    expect(nato.direct).toBe(false);
    expect(nato.speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'the refugee influx').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'the humanitarian crisis').speaker?.text).toBe('He');
    expect(find(quotes, 'the humanitarian crisis').speaker?.key).toMatch(/erdogan/);
    const ministry = find(quotes, 'On Thursday 27 February');
    expect(ministry.direct).toBe(true);
    expect(ministry.speaker?.text).toBe('the defense ministry');
    expect(ministry.speaker?.key).toBeNull();
    expect(find(quotes, 'At least 33 Turkish soldiers').speaker?.key).toMatch(/telegraph/);
  });

  it('002: SOHR’s quote, Erdogan’s quote and its continuation, the IOM figure', () => {
    const quotes = analyse('002');
    expect(find(quotes, 'Twenty-six members').speaker?.key).toMatch(/syrian-observatory/);
    const doors = find(quotes, 'What did we do yesterday? We opened the doors');
    expect(doors.direct).toBe(true);
    expect(doors.cue?.text).toBe('said');
    expect(doors.speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'We will not close those doors').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'Turkey did not intend').speaker?.key).toMatch(/erdogan/);
    expect(find(quotes, 'Around 13,000 migrants').speaker?.key).toMatch(/international-organization-for-migration/);
  });
});

describe('reading a long stretch', () => {
  /** Reads of the stretch's words per cue when every cue of `passage` × `repeats` (one sentence) is read as indirect speech. */
  function wordReadsPerCue(passage: string, repeats: number): number {
    const body = passage.repeat(repeats);
    let reads = 0;
    const words = new Proxy(tokenize(body, 0, body.length), {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as Word[];
    const stretch = new Stretch(body, words, { start: 0, end: body.length });
    expect(stretch.cues.length).toBeGreaterThanOrEqual(repeats);
    reads = 0;
    for (const cue of stretch.cues) indirectAt(stretch, cue);
    return reads / stretch.cues.length;
  }

  // Each cue's content runs on to the next attribution: finding it must not read the rest of the
  // stretch for every later cue (a sentence of 15,000 "X said" took over a minute).
  it.each([
    ['Mayor Olen said ', 'a cue after every name'],
    ['the council said, the harbour was closed and ', 'comma contents'],
    ['Vask told reporters that the ferries had stopped and Olen said ', 'contents after "that"'],
  ])('reads a bounded number of words per cue: "%s" (%s)', (passage) => {
    const few = wordReadsPerCue(passage, 100);
    const many = wordReadsPerCue(passage, 800);
    expect(many).toBeLessThan(few * 1.5 + 10);
  });
});
