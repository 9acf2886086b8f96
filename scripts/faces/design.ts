import { pick, seededRandom } from '../svg/svg.ts'

/** What one face is made of; the drawing follows from these choices alone. */
export interface FaceDesign {
  readonly species: Species
  readonly background: string
  readonly shirt: string
  readonly skin: string
  readonly head: 'round' | 'square' | 'oval'
  readonly hair: HairStyle
  readonly hairColor: string
  readonly eyes: EyeStyle
  readonly mouth: MouthStyle
  readonly accessory: Accessory
  readonly blush: boolean
}

export type Species = 'human' | 'cat' | 'bear' | 'rabbit' | 'panda' | 'frog' | 'chick' | 'robot'
export type HairStyle =
  'none' | 'short' | 'fringe' | 'side' | 'spiky' | 'long' | 'bun' | 'pigtails' | 'mohawk' | 'curly'
export type EyeStyle = 'dot' | 'shine' | 'happy' | 'sleepy' | 'wink' | 'big'
export type MouthStyle = 'smile' | 'grin' | 'o' | 'flat' | 'tongue' | 'cat' | 'smirk'
export type Accessory =
  | 'none'
  | 'round-glasses'
  | 'square-glasses'
  | 'sunglasses'
  | 'cap'
  | 'beanie'
  | 'bow'
  | 'flower'
  | 'headphones'
  | 'mustache'
  | 'freckles'

const BACKGROUNDS = [
  '#cfe6fb',
  '#d8f0d2',
  '#fde2c8',
  '#f6d5e6',
  '#e3dcf7',
  '#fbf1b8',
  '#cdeeee',
  '#f3d9cf',
  '#dde5ea',
  '#e9f3c6'
]
const SHIRTS = [
  '#3a8fd8',
  '#e0604f',
  '#3f9e5a',
  '#f0a429',
  '#8b5fc7',
  '#2f4f6f',
  '#d6457f',
  '#1fa3a3'
]
const SKINS = ['#ffe0c2', '#f6cfa6', '#e8b184', '#c98e62', '#8d5a3b']
const HAIR_COLORS = [
  '#2b2b2b',
  '#5a3823',
  '#a0642d',
  '#e1b74f',
  '#b3432c',
  '#7a7f89',
  '#3d5fa8',
  '#d46a9f'
]
const HUMAN_HAIR: readonly HairStyle[] = [
  'short',
  'fringe',
  'side',
  'spiky',
  'long',
  'bun',
  'pigtails',
  'mohawk',
  'curly',
  'none'
]
const EYES: readonly EyeStyle[] = ['dot', 'shine', 'happy', 'sleepy', 'wink', 'big']
const MOUTHS: readonly MouthStyle[] = ['smile', 'grin', 'o', 'flat', 'tongue', 'cat', 'smirk']
const HUMAN_ACCESSORIES: readonly Accessory[] = [
  'none',
  'none',
  'none',
  'round-glasses',
  'square-glasses',
  'sunglasses',
  'cap',
  'beanie',
  'bow',
  'flower',
  'headphones',
  'mustache',
  'freckles'
]
const ANIMAL_ACCESSORIES: readonly Accessory[] = [
  'none',
  'none',
  'bow',
  'flower',
  'round-glasses',
  'headphones'
]
/** Fur or shell per animal: the head's fill. */
const ANIMAL_COATS: Readonly<Record<Exclude<Species, 'human'>, readonly string[]>> = {
  cat: ['#f2a65a', '#9aa3ad', '#fbf6ee', '#4a4a52'],
  bear: ['#a8744f', '#d9b48a', '#6d4a35'],
  rabbit: ['#fbf6ee', '#e8d6c4', '#c8c8d0'],
  panda: ['#fbfbf8'],
  frog: ['#7cc26a', '#5fae8c'],
  chick: ['#ffd84d', '#ffc83a'],
  robot: ['#b8c4d0', '#9fb8c9', '#c9b8d8']
}

/** Humans are most faces, as in the classic set; animals and a robot add variety. */
const SPECIES: readonly Species[] = [
  ...Array<Species>(11).fill('human'),
  'cat',
  'cat',
  'bear',
  'rabbit',
  'panda',
  'frog',
  'chick',
  'robot'
]

function designFrom(random: () => number): FaceDesign {
  const species = pick(random, SPECIES)
  const human = species === 'human'
  const hair = human ? pick(random, HUMAN_HAIR) : 'none'
  let accessory = pick(random, human ? HUMAN_ACCESSORIES : ANIMAL_ACCESSORIES)
  // A frog's eyes sit on top of its head, where glasses, bows and flowers would cover them.
  if (species === 'frog' && accessory !== 'headphones') accessory = 'none'
  const design: FaceDesign = {
    species,
    background: pick(random, BACKGROUNDS),
    shirt: pick(random, SHIRTS),
    skin: human ? pick(random, SKINS) : pick(random, ANIMAL_COATS[species]),
    head: human ? pick(random, ['round', 'round', 'square', 'oval'] as const) : 'round',
    hair,
    hairColor: pick(random, HAIR_COLORS),
    eyes: species === 'robot' ? 'big' : pick(random, EYES),
    mouth: pick(random, MOUTHS),
    accessory,
    blush: random() < 0.4
  }
  return withoutUnseenChoices(design)
}

/**
 * Choices a face does not show are set to one value, so that two designs that differ only
 * in them (and would look the same) count as the same face.
 */
function withoutUnseenChoices(design: FaceDesign): FaceDesign {
  const showsHair = design.hair !== 'none' || design.accessory === 'mustache'
  const showsMouth = design.species !== 'chick' && design.species !== 'robot'
  const showsBlush = design.species !== 'panda' && design.species !== 'robot'
  return {
    ...design,
    hairColor: showsHair ? design.hairColor : '',
    mouth: showsMouth ? design.mouth : 'o',
    eyes: design.species === 'panda' ? 'dot' : design.eyes,
    blush: showsBlush && design.blush
  }
}

/**
 * The designs of faces 1..count: each from its own seeded generator, drawn again while it
 * repeats an earlier face, so every face is different and the set never changes.
 */
export function faceDesigns(count: number): FaceDesign[] {
  const seen = new Set<string>()
  const designs: FaceDesign[] = []
  for (let number = 1; number <= count; number++) {
    const random = seededRandom(number * 7919)
    let design = designFrom(random)
    while (seen.has(JSON.stringify(design))) design = designFrom(random)
    seen.add(JSON.stringify(design))
    designs.push(design)
  }
  return designs
}
