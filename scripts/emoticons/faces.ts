import type { EyeStyle } from './eyes.ts'
import type { Extra } from './extras.ts'
import type { MouthStyle } from './mouths.ts'

interface FaceSpec {
  readonly eyes: EyeStyle
  readonly mouth: MouthStyle
  readonly extras?: readonly Extra[]
  /** Extras drawn before the eyes and mouth (behind them). */
  readonly under?: readonly Extra[]
}

const face = (eyes: EyeStyle, mouth: MouthStyle, ...extras: Extra[]): FaceSpec => ({
  eyes,
  mouth,
  extras
})

/** The face emoticons, by id: one expression each, all on the same round yellow head. */
export const FACES: Readonly<Record<string, FaceSpec>> = {
  wx: face('dot', 'smile'),
  pz: face('flat', 'pout'),
  se: face('hearts', 'smile', 'drool'),
  fd: face('wide', 'small'),
  dy: face('happy', 'smirk', 'sparkle'),
  ll: face('sad', 'frown', 'tear'),
  hx: face('closed', 'smile', 'blush'),
  bz: face('dot', 'zip'),
  shui: face('closed', 'small', 'zzz'),
  dk: { eyes: 'squint', mouth: 'wail', under: ['streams'] },
  gg: face('dot', 'wavy', 'sweat', 'blush'),
  fn: face('angry', 'frown', 'anger'),
  tp: face('wink', 'tongue'),
  cy: face('happy', 'grin'),
  jy: face('wide', 'o'),
  ng: face('sad', 'frown'),
  kuk: face('shades', 'smirk'),
  zk: face('squint', 'wail', 'messy', 'anger'),
  tu: face('squint', 'open', 'sick'),
  tx: face('side', 'smile', 'blush'),
  ka: face('happy', 'small', 'blush', 'sparkle'),
  by: face('up', 'flat'),
  am: face('haughty', 'pout'),
  kun: face('flat', 'o', 'sweat'),
  jk: face('wide', 'wail', 'gloom'),
  lh: face('dot', 'flat', 'sweat'),
  hanx: face('closed', 'grin', 'blush'),
  yiw: face('dot', 'pout', 'question'),
  xu: face('dot', 'none', 'finger'),
  yun: face('spiral', 'wavy'),
  shuai: face('flat', 'frown', 'gloom'),
  bye: face('happy', 'smile', 'wave')
}
