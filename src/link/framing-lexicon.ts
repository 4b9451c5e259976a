/**
 * The words outlets choose for the actors of a story: label heads by the class of actor they
 * name, and the modifiers that colour them ("Turkey-backed", "jihadist", "illegal"). Data only.
 */

export type ActorClass = 'armed-group' | 'state-forces' | 'people-on-the-move' | 'crowd';

/** Label heads (singular and plural, lower case; multi-word heads allowed) by the class of actor they name. */
export const LABEL_HEADS: Readonly<Record<ActorClass, readonly string[]>> = {
  'armed-group': [
    'rebels', 'rebel', 'militants', 'militant', 'terrorists', 'terrorist', 'jihadists', 'jihadist', 'insurgents',
    'insurgent', 'fighters', 'fighter', 'extremists', 'extremist', 'gunmen', 'gunman', 'militia', 'militias',
    'militiamen', 'separatists', 'separatist', 'guerrillas', 'guerrilla', 'mercenaries', 'mercenary', 'bandits',
    'radicals', 'islamists', 'armed groups', 'armed group', 'armed men', 'freedom fighters', 'opposition',
    'resistance', 'paramilitaries',
  ],
  'state-forces': [
    'troops', 'soldiers', 'forces', 'army', 'military', 'regime', 'security forces', 'armed forces', 'police',
    'occupiers', 'occupation forces', 'invaders',
  ],
  'people-on-the-move': [
    'migrants', 'migrant', 'refugees', 'refugee', 'asylum seekers', 'asylum-seekers', 'illegal immigrants',
    'illegal migrants', 'immigrants', 'displaced people', 'displaced persons', 'evacuees', 'border crossers',
    'illegals',
  ],
  crowd: ['protesters', 'protestors', 'demonstrators', 'rioters', 'looters', 'activists', 'mob', 'marchers', 'crowds'],
};

/** Modifiers kept with a label: they are the framing ("moderate rebels", "Islamist militants"). */
export const LABEL_MODIFIERS: readonly string[] = [
  'armed', 'moderate', 'radical', 'extremist', 'jihadist', 'islamist', 'terrorist', 'opposition', 'rebel', 'government',
  'regime', 'pro-government', 'anti-government', 'separatist', 'illegal', 'irregular', 'undocumented', 'economic',
  'desperate', 'violent', 'peaceful', 'foreign', 'hardline', 'hard-line', 'militant', 'insurgent', 'loyalist',
  'allied', 'enemy', 'hostile', 'local', 'tribal', 'ethnic', 'so-called', 'suspected', 'alleged',
];

/** Modifier shapes: "Turkey-backed", "Kremlin-led", "pro-Western", "anti-Assad". */
export const MODIFIER_SHAPES = String.raw`\p{L}[\p{L}.]*-(?:backed|led|supported|sponsored|aligned|allied|affiliated|linked|controlled)|(?:pro|anti)-\p{L}+`;
