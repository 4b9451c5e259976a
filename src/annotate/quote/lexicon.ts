/**
 * The word lists of the quotes stage, as data. Cue verbs decide which frame reads the clause
 * around them; the other lists tell noun phrases (speakers) from the words around them.
 */

/**
 * Forms that are more often nouns than verbs ("a phone call", "the claim", "battleground states")
 * are left out of the table; their other forms stay ("called", "claimed").
 *
 * How a cue relates speaker and content:
 * - `speech`: "X said (that) …", "…, X said", "…, said X";
 * - `tell`: like speech with an addressee to skip ("X told reporters (that) …");
 * - `according`: "according to X, …" / "…, according to X";
 * - `participle`: "…, saying …" (speaker = the clause's subject), "Noting …, X said …";
 * - `quoting`: verbs that report speech only next to a quotation ("Cruz continued: “…”"); alone
 *   they are not speech ("the fighting continued into the night");
 * - `stance`: a position the subject takes toward something ("X endorsed C", "X opposes C"): the
 *   content is what follows up to the end of its clause, and may be a single word ("Trump");
 * - `seeming`: how things look, with nobody as the source ("C seemed to …", "C is expected to …",
 *   "C reportedly …"): the content is the subject and what follows the cue;
 * - `noun`: a noun of speech or stance after its owner ("Olen’s claim that C", "his criticism of C"):
 *   read only after a possessive (see NOUN_CUES);
 * - `passive`: a speech or stance verb in a full passive ("C was endorsed by X"): set by the frame
 *   reader, not listed here; the agent is the source and the subject the content.
 */
export type CueFrame = 'speech' | 'tell' | 'according' | 'participle' | 'quoting' | 'stance' | 'seeming' | 'noun' | 'passive';

export interface CueEntry {
  /** Lower-case words, in order ("according", "to"). */
  words: readonly string[];
  frame: CueFrame;
}

/**
 * [finite forms, participle, frame] of each reporting verb; the participle reads as `participle`.
 * Forms that mostly mean something else in news text are left out ("find" and "finding" as
 * discovering, "maintained" as kept up, "responding" as emergency crews, "felt" as sensed).
 */
const REPORTING_VERBS: ReadonlyArray<readonly [string, string, 'speech' | 'tell']> = [
  ['say said says', 'saying', 'speech'],
  ['tell told tells', 'telling', 'tell'],
  ['add added adds', 'adding', 'speech'],
  ['stated', 'stating', 'speech'],
  ['announce announced announces', 'announcing', 'speech'],
  ['claimed claims', 'claiming', 'speech'],
  ['allege alleged alleges', 'alleging', 'speech'],
  ['deny denied denies', 'denying', 'speech'],
  ['warn warned warns', 'warning', 'speech'],
  ['insist insisted insists', 'insisting', 'speech'],
  ['noted notes', 'noting', 'speech'],
  ['accuse accused accuses', 'accusing', 'speech'],
  ['confirm confirmed confirms', 'confirming', 'speech'],
  ['reported reports', 'reporting', 'speech'],
  ['write wrote writes', 'writing', 'speech'],
  ['tweeted', 'tweeting', 'speech'],
  ['argue argued argues', 'arguing', 'speech'],
  ['explain explained explains', 'explaining', 'speech'],
  ['suggest suggested suggests', 'suggesting', 'speech'],
  ['acknowledge acknowledged acknowledges', 'acknowledging', 'speech'],
  ['declare declared declares', 'declaring', 'speech'],
  ['predict predicted predicts', 'predicting', 'speech'],
  ['promised promises', 'promising', 'speech'],
  ['vow vowed vows', 'vowing', 'speech'],
  ['pledge pledged pledges', 'pledging', 'speech'],
  ['reveal revealed reveals', 'revealing', 'speech'],
  ['reply replied replies', 'replying', 'speech'],
  ['respond responded responds', '', 'speech'],
  ['admit admitted admits', 'admitting', 'speech'],
  ['concede conceded concedes', 'conceding', 'speech'],
  ['assert asserted asserts', 'asserting', 'speech'],
  ['maintain maintains', 'maintaining', 'speech'],
  ['contend contended contends', 'contending', 'speech'],
  ['complain complained complains', 'complaining', 'speech'],
  ['estimated', 'estimating', 'speech'],
  ['observe observed observes', 'observing', 'speech'],
  ['recall recalled recalls', 'recalling', 'speech'],
  ['remarked', 'remarking', 'speech'],
  ['stressed', 'stressing', 'speech'],
  ['underline underlined underlines', 'underlining', 'speech'],
  ['emphasize emphasized emphasizes emphasise emphasised emphasises', 'emphasizing emphasising', 'speech'],
  ['indicate indicated indicates', 'indicating', 'speech'],
  ['conclude concluded concludes', 'concluding', 'speech'],
  ['cautioned', 'cautioning', 'speech'],
  ['countered', 'countering', 'speech'],
  ['testify testified testifies', 'testifying', 'speech'],
  ['charged', 'charging', 'speech'],
  ['boast boasted boasts', 'boasting', 'speech'],
  ['lament lamented laments', 'lamenting', 'speech'],
  ['threaten threatened threatens', 'threatening', 'speech'],
  ['urge urged urges', 'urging', 'speech'],
  ['exhort exhorted exhorts', 'exhorting', 'speech'],
  ['implore implored implores', 'imploring', 'speech'],
  ['proclaim proclaimed proclaims', 'proclaiming', 'speech'],
  ['characterize characterized characterizes characterise characterised characterises', 'characterizing characterising', 'speech'],
  ['demanded', 'demanding', 'speech'],
  ['ask asked asks', 'asking', 'speech'],
  ['describe described describes', 'describing', 'speech'],
  ['criticize criticized criticizes criticise criticised criticises', 'criticizing criticising', 'speech'],
  ['praised', 'praising', 'speech'],
  ['blame blamed blames', 'blaming', 'speech'],
  ['called calls', 'calling', 'speech'],
  ['believe believed believes', 'believing', 'speech'],
  ['think thought thinks', 'thinking', 'speech'],
  ['expect expects', 'expecting', 'speech'],
  ['hope hoped hopes', 'hoping', 'speech'],
  ['fear feared', 'fearing', 'speech'],
  ['worry worried worries', 'worrying', 'speech'],
  ['want wanted wants', 'wanting', 'speech'],
  ['know knew knows', 'knowing', 'speech'],
  ['agree agreed agrees', 'agreeing', 'speech'],
  ['propose proposed proposes', 'proposing', 'speech'],
  ['recommend recommended recommends', 'recommending', 'speech'],
  ['questioned', 'questioning', 'speech'],
  ['dismiss dismissed dismisses', 'dismissing', 'speech'],
  ['cite cited cites', 'citing', 'speech'],
  ['defended defends', 'defending', 'speech'],
  ['condemn condemned condemns', 'condemning', 'speech'],
  ['show showed shows', 'showing', 'speech'],
  ['found finds', '', 'speech'],
  ['acknowledge acknowledged acknowledges', 'acknowledging', 'speech'],
  ['joke joked jokes', 'joking', 'speech'],
  ['muse mused muses', 'musing', 'speech'],
  ['speculate speculated speculates', 'speculating', 'speech'],
  ['mentioned', 'mentioning', 'speech'],
  ['pointed out point out points out', 'pointing out', 'speech'],
  ['called for calls for', 'calling for', 'speech'],
  ['called on calls on', 'calling on', 'speech'],
  ['slammed', 'slamming', 'speech'],
  ['blasted', 'blasting', 'speech'],
  ['touted', 'touting', 'speech'],
  ['hailed', 'hailing', 'speech'],
  ['rejected', 'rejecting', 'speech'],
  ['disputed', 'disputing', 'speech'],
  ['declined', 'declining', 'speech'],
  ['refused', 'refusing', 'speech'],
  ['echoed', 'echoing', 'speech'],
  ['reiterated reiterates', 'reiterating', 'speech'],
  ['denounced denounces', 'denouncing', 'speech'],
  ['decried decries', 'decrying', 'speech'],
  ['mocked mocks', 'mocking', 'speech'],
  ['expressed expresses', 'expressing', 'speech'],
  ['wondered', 'wondering', 'speech'],
  ['signaled signalled signals', 'signaling signalling', 'speech'],
  ['hint hinted hints', 'hinting', 'speech'],
  ['imply implied implies', 'implying', 'speech'],
  ['plead pleaded pleads', 'pleading', 'speech'],
  ['forecast forecasts', 'forecasting', 'speech'],
  ['disclose disclosed discloses', 'disclosing', 'speech'],
  ['answered answers', 'answering', 'speech'],
  ['repeat repeated repeats', 'repeating', 'speech'],
  ['remember remembered remembers', 'remembering', 'speech'],
  ['emailed texted', 'emailing texting', 'speech'],
  ['retweeted', 'retweeting', 'speech'],
  ['feel feels', 'feeling', 'speech'],
  ['claim', 'claiming', 'speech'],
  ['recounted recounts', 'recounting', 'speech'],
  ['exclaimed', 'exclaiming', 'speech'],
  ['commented', 'commenting', 'speech'],
  ['doubt doubts doubted', 'doubting', 'speech'],
  ['wonder wonders', 'wondering', 'speech'],
  ['inform informed informs', 'informing', 'tell'],
  ['assure assured assures', 'assuring', 'tell'],
  ['remind reminded reminds', 'reminding', 'tell'],
];

const phrases = (forms: string): string[][] => {
  const words = forms.split(' ');
  // Multi-word cues ("pointed out") are listed as consecutive pairs.
  if (words.includes('out') || words.includes('for') || words.includes('on')) {
    const pairs: string[][] = [];
    for (let i = 0; i + 1 < words.length; i += 2) pairs.push([words[i]!, words[i + 1]!]);
    return pairs;
  }
  return words.map((w) => [w]);
};

/** Verbs that report speech only when a quotation stands next to them. */
const QUOTING_VERBS = ('continued continues went quipped shouted yelled chanted laughed posted read began ' +
  'chanting chants shouting yelling sang sings singing').split(' ');

/**
 * Verbs of taking a position (support, opposition, praise, blame, seeking, ordering), past and
 * present forms. Forms that are as often nouns are left out ("support", "attack", "offer",
 * "challenges", "thanks", "requests"), and so are verbs of physical acts ("attacked", "pushed"):
 * in conflict news they report events, not positions.
 */
const STANCE_VERBS =
  ('endorsed endorses supported supports opposed opposes backed ordered orders offered sought seeks ' +
    'discussed discusses bemoaned bemoans assailed assails referenced railed slams blasts praises thanked ' +
    'portrayed portrays likened likens invoked invokes highlighted voiced championed challenged applauded applauds ' +
    'welcomed preferred prefers prefer nominated requested sided promoted ridiculed ridicules derided derides chided lauded lauds ' +
    'chides scolded scolds lambasted lambasts mention discuss oppose named issued learned sees ' +
    'supporting backing endorse endorsing favor favors favored favour favours favoured considers deemed deems ' +
    'labeled labelled dubbed branded rebuked disavowed disavows embraced embraces advocated ' +
    'decided plans seeking support consider considered considering viewed identified').split(' ');

/** Base forms that are as often nouns: before one of these words they are ("support for the bill", "support among voters"). */
export const NOUN_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['support', new Set('for from among of in'.split(' '))],
]);

/**
 * Raising verbs and adverbs: "C seems to …", "C is expected to …", "C reportedly …". Forms of
 * "appear" and "seem" read only before "to", "that" or a complement; "expected" only after a form
 * of "be" and before "to" (the frame checks both).
 */
const SEEMING_CUES = 'seem seems seemed appear appears appeared expected reportedly'.split(' ');

/** Verbs with a particle, whose object is what was said ("referring to the deal"). */
const PHRASAL_CUES: ReadonlyArray<readonly [string, CueFrame]> = [
  ['referred to', 'speech'], ['refers to', 'speech'], ['referring to', 'participle'],
  ['pointed to', 'speech'], ['points to', 'speech'], ['pointing to', 'participle'],
  ['talked about', 'speech'], ['talks about', 'speech'], ['talking about', 'participle'],
  ['spoke about', 'speech'], ['speaks about', 'speech'], ['speaking about', 'participle'],
  ['asked about', 'speech'],
  ['made clear', 'speech'], ['makes clear', 'speech'], ['made it clear', 'speech'], ['makes it clear', 'speech'],
  ['making clear', 'participle'], ['making it clear', 'participle'],
  ['took aim at', 'speech'], ['takes aim at', 'speech'], ['taking aim at', 'participle'],
  ['weighed in on', 'speech'], ['weighs in on', 'speech'],
  ['spoke of', 'speech'], ['speaks of', 'speech'],
  ['commented on', 'speech'], ['comments on', 'speech'], ['commenting on', 'participle'],
  ['raised concerns about', 'speech'], ['raised questions about', 'speech'], ['raising questions about', 'participle'],
  ['warned of', 'speech'], ['warns of', 'speech'], ['warning of', 'participle'],
  ['pushed for', 'stance'], ['pushes for', 'stance'], ['pushing for', 'participle'],
  ['lashed out at', 'stance'], ['lashes out at', 'stance'], ['lashing out at', 'participle'],
  ['came out against', 'stance'], ['came out for', 'stance'], ['came out in favor of', 'stance'],
  ['spoke out against', 'stance'], ['speaks out against', 'stance'], ['speaking out against', 'participle'],
  ['argued for', 'stance'], ['argues for', 'stance'], ['arguing for', 'participle'],
];

export const CUE_ENTRIES: readonly CueEntry[] = [
  { words: ['according', 'to'], frame: 'according' },
  ...PHRASAL_CUES.map(([phrase, frame]) => ({ words: phrase.split(' '), frame })),
  ...QUOTING_VERBS.map((verb) => ({ words: [verb], frame: 'quoting' as const })),
  ...STANCE_VERBS.map((verb) => ({ words: [verb], frame: 'stance' as const })),
  ...SEEMING_CUES.map((word) => ({ words: [word], frame: 'seeming' as const })),
  ...REPORTING_VERBS.flatMap(([finite, participle, frame]) => [
    ...phrases(finite).map((words) => ({ words, frame })),
    ...(participle ? phrases(participle) : []).map((words) => ({ words, frame: 'participle' as const })),
  ]),
];

/** Cue entries by their first word, longest first so that "called for" wins over "called". */
export const CUES_BY_FIRST_WORD: ReadonlyMap<string, readonly CueEntry[]> = (() => {
  const map = new Map<string, CueEntry[]>();
  for (const entry of CUE_ENTRIES) {
    const list = map.get(entry.words[0]!) ?? [];
    if (!list.some((e) => e.words.join(' ') === entry.words.join(' '))) list.push(entry);
    map.set(entry.words[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/**
 * Nouns of speech, read as cues only after a possessive ("the mayor’s claim that …", "his
 * criticism of …"): elsewhere they name things ("a claim was filed"). Nouns of plans and positions
 * ("plan", "support", "decision", "position") are left out: after a possessive they mostly name
 * a thing the owner has, not something the owner said.
 */
export const NOUN_CUES: ReadonlySet<string> = new Set(
  ('claim claims assertion assertions allegation allegations accusation accusations insistence denial admission ' +
    'belief warning warnings promise promises attacks criticism criticisms').split(' '),
);

/**
 * Past participles that report speech in the passive even with no agent named ("he was accused of
 * lying", "the plan has been criticized as timid"). Others there mostly mean something else
 * ("was charged with", "was admitted to", "is worried", "was offered a job", "the race was called").
 */
export const AGENTLESS_PASSIVE_CUES: ReadonlySet<string> = new Set(
  ('accused blamed criticized criticised described praised announced dubbed labeled labelled mentioned ' +
    'ridiculed condemned denounced cited echoed disputed questioned derided branded').split(' '),
);

/** Verbs of asking: after a quoted question, what follows them is an addressee ("“Ready?” she asked the crowd"). */
export const ASKING_CUES: ReadonlySet<string> = new Set('ask asked asks'.split(' '));

/** Tell-verbs whose participle still takes an addressee ("telling reporters …"). */
export const TELL_PARTICIPLES: ReadonlySet<string> = new Set(
  REPORTING_VERBS.filter(([, , frame]) => frame === 'tell').flatMap(([, participle]) => participle.split(' ')),
);

/** Words that open a noun phrase and belong to it. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  ('the a an his her their its our my your this these those another some many several most few both all each every ' +
    'other such any no one two three four five six seven eight nine ten dozens hundreds thousands').split(' '),
);

/** Determiners that also stand alone as a subject ("Some say …", "One in three said …", "Both agreed …"). */
export const STANDALONE_DETERMINERS: ReadonlySet<string> = new Set(
  ('some many most few both all several each one two three four five six seven eight nine ten dozens hundreds ' +
    'thousands those others').split(' '),
);

/** Forms of "be" that make a participle finite ("is predicting"). */
export const BE_FORMS: ReadonlySet<string> = new Set('is was are were been be am ’s \'s'.split(' '));

export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set('he she they we i you it who which'.split(' '));

/** Auxiliaries and adverbs that may stand between a subject and its cue ("Erdogan has also said"). */
export const BETWEEN_SUBJECT_AND_CUE: ReadonlySet<string> = new Set(
  ('has have had also later then reportedly previously recently repeatedly once again publicly privately earlier since ' +
    'often never already still even further separately similarly initially originally first last subsequently ' +
    'would will could might may can did does do is was are were been be not just long flatly twice both himself herself ' +
    'themselves itself personally here now again always well ' +
    "has've 've 's 'd ’ve ’s ’d").split(' '),
);

/**
 * Words a subject noun phrase never holds: function words and common verbs. Met going backwards
 * from a cue, one of these ends the subject.
 */
export const NOT_IN_SUBJECT: ReadonlySet<string> = new Set(
  ('that and or but because if after before since where when while as than though although whether so to of in on ' +
    'at for from with by about into over under against between during without within through across upon via ' +
    'is was are were be been being has have had do does did will would could should can may might must ' +
    'not no yes also there here then now what why how whom whose if said says say told tells added claimed ' +
    'just only even ever very more less most').split(' '),
);

/** Prepositions a subject may span when a name or a title-like head precedes them ("the head of the agency"). */
export const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'at', 'in', 'from']);

/** Heads of nominal speakers: people and bodies that speak without a name. */
export const NOMINAL_HEADS: ReadonlySet<string> = new Set(
  ('official officials spokesman spokeswoman spokesperson spokespeople representative representatives source sources ' +
    'head chief director member members leader leaders minister ministers secretary president vice chairman ' +
    'chairwoman chair adviser advisers advisor advisors aide aides analyst analysts expert experts resident residents ' +
    'people witness witnesses police authorities lawmakers voters supporters critics observers researchers ' +
    'scientists diplomats diplomat commander commanders general officer officers ministry ministries office ' +
    'department agency government campaign committee council group statement report poll survey study ' +
    'organization organisation monitor observatory army military spokesmen ' +
    'percent majority majorities minority half third quarter plurality share').split(' '),
);

/** Heads that speak for a body ("a ministry spokesman"): such a speaker takes the organisation's key. */
export const SPOKESPERSON_HEADS: ReadonlySet<string> = new Set(
  'spokesman spokeswoman spokesperson spokespeople spokesmen representative representatives statement'.split(' '),
);

/** Words that open an adjunct after a cue rather than its content ("said on Saturday", "said in a statement"). */
export const ADJUNCT_OPENERS: ReadonlySet<string> = new Set(
  ('on in at during after before last this yesterday today tonight earlier later late monday tuesday wednesday ' +
    'thursday friday saturday sunday recently previously afterwards afterward again also then told repeatedly').split(' '),
);

/** Words after which a forward noun phrase cannot be a speaker ("said Saturday"). */
export const NOT_A_SPEAKER_AFTER_CUE: ReadonlySet<string> = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday yesterday today tonight that this last next earlier ' +
    'later on in at during after before it there so').split(' '),
);

/** Abbreviations whose period belongs to the word ("Mr.", "Sen."). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr sen rep gov gen lt col st jr sr prof sgt capt maj adm cmdr rev gop u.s u.n u.k d.c no vs'.split(' '),
);

export const TITLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['mr', 'male'], ['mr.', 'male'], ['sir', 'male'], ['lord', 'male'], ['king', 'male'], ['prince', 'male'],
  ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'], ['ms.', 'female'], ['miss', 'female'],
  ['madam', 'female'], ['lady', 'female'], ['dame', 'female'], ['queen', 'female'], ['princess', 'female'],
]);

/** Common first names by gender, for "she said" → the nearest woman. Not exhaustive: unknown names stay neutral. */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ' +
    'ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura ' +
    'cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine ' +
    'debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly ' +
    'christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa ' +
    'kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle ' +
    'theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary chelsea nikki ' +
    'condoleezza madeleine nancy elizabeth kamala ivanka melania michelle theresa angela ursula christine ' +
    'marine jacinda sanna giorgia federica kaja annalena liz priti nicola golda indira benazir ' +
    'sheikha ayesha fatima aisha leila layla mariam maryam yulia svetlana olga natalia irina tatiana elena ' +
    'ilhan alexandria debbie kirsten elise kellyanne sarah huckabee hope katrina dana megyn greta tulsi').split(' '),
);

export const MALE_FIRST_NAMES: ReadonlySet<string> = new Set(
  ('james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony ' +
    'mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan ' +
    'jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander ' +
    'frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ' +
    'walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse ' +
    'dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene ' +
    'vincent russell elijah louis bobby philip johnny barack bernie ted marco jeb ben mike chris rand newt mitt ' +
    'vladimir emmanuel recep tayyip boris xi narendra benjamin bashar hassan ali mohammed muhammad ahmed ' +
    'abdullah sergei dmitry viktor volodymyr olaf rishi keir justin jair nicolas recep mevlut hulusi ibrahim ' +
    'antonio pedro luis carlos jorge miguel francois pierre jacques emmanuel angelo giuseppe hamid ' +
    'kim moon shinzo fumio yoshihide joko rodrigo imran nawaz mahmoud khalid omar tariq').split(' '),
);
