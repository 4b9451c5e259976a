/**
 * Words that name one person who can be a casualty ("a 24-year-old man", "the toddler", "a
 * sheriff's deputy"), for the casualty patterns of ./casualties.ts. Singular nouns only: a
 * plural victim comes with a figure, which the numbers layer reads.
 */
export const VICTIM_NOUNS: readonly string[] = [
  'man', 'woman', 'boy', 'girl', 'teen', 'teenager', 'child', 'toddler', 'infant', 'baby', 'student', 'person',
  'victim', 'father', 'mother', 'son', 'daughter', 'husband', 'wife', 'brother', 'sister', 'nephew', 'niece',
  'cousin', 'uncle', 'aunt', 'grandmother', 'grandfather', 'girlfriend', 'boyfriend', 'relative', 'friend',
  'officer', 'deputy', 'trooper', 'agent', 'soldier', 'guard', 'driver', 'passenger', 'pedestrian', 'motorist',
  'resident', 'neighbor', 'neighbour', 'customer', 'clerk', 'employee', 'worker', 'owner', 'bystander', 'youth',
  'juvenile', 'male', 'female', 'adult', 'suspect', 'gunman', 'shooter', 'civilian', 'farmer', 'villager',
  'journalist', 'teacher', 'pastor', 'priest', 'leader', 'member', 'fighter', 'militant', 'policeman', 'kindergartner',
  'eighth-grader', 'grader', 'senior', 'freshman', 'sophomore', 'junior', 'councilor', 'councillor', 'official',
  'chief', 'commander', 'head', 'bodyguard', 'elder', 'activist', 'protester', 'demonstrator', 'prisoner', 'inmate',
];

/** The alternation of VICTIM_NOUNS, with "N-year-old" standing for a person too ("a 16-year-old died"). */
export const VICTIM_NOUN_SOURCE = `(?:[\\w-]+-year-old|${VICTIM_NOUNS.join('|')})`;
