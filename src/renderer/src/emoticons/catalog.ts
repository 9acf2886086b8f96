/**
 * The classic emoticons: typed (or picked) as their text shortcut, which is also what is
 * sent, so any client of the protocol reads them; this app draws each one inline. The
 * pictures are our own (resources/emoticons/<id>.svg, drawn by scripts/draw-emoticons.ts).
 */
export interface Emoticon {
  /** The file name, and the pinyin shortcut without its slash. */
  readonly id: string
  /** Every shortcut that shows it, the first one is what the picker inserts. */
  readonly codes: readonly string[]
  readonly zh: string
  readonly en: string
}

const emoticon = (id: string, zh: string, en: string, ...aliases: string[]): Emoticon => ({
  id,
  codes: [`/${id}`, ...aliases.map((alias) => `/${alias}`)],
  zh,
  en
})

export const EMOTICONS: readonly Emoticon[] = [
  emoticon('wx', '微笑', 'Smile', ':)'),
  emoticon('pz', '撇嘴', 'Pout'),
  emoticon('se', '色', 'Heart eyes'),
  emoticon('fd', '发呆', 'Daze'),
  emoticon('dy', '得意', 'Proud'),
  emoticon('ll', '流泪', 'Tears'),
  emoticon('hx', '害羞', 'Shy'),
  emoticon('bz', '闭嘴', 'Zip it'),
  emoticon('shui', '睡', 'Sleep'),
  emoticon('dk', '大哭', 'Sob'),
  emoticon('gg', '尴尬', 'Awkward'),
  emoticon('fn', '发怒', 'Angry'),
  emoticon('tp', '调皮', 'Tongue', ':P'),
  emoticon('cy', '呲牙', 'Grin', ':D'),
  emoticon('jy', '惊讶', 'Surprise', ':O'),
  emoticon('ng', '难过', 'Sad', ':('),
  emoticon('kuk', '酷', 'Cool'),
  emoticon('zk', '抓狂', 'Frantic'),
  emoticon('tu', '吐', 'Sick'),
  emoticon('tx', '偷笑', 'Giggle'),
  emoticon('ka', '可爱', 'Cute'),
  emoticon('by', '白眼', 'Eye roll'),
  emoticon('am', '傲慢', 'Haughty'),
  emoticon('kun', '困', 'Sleepy'),
  emoticon('jk', '惊恐', 'Scared'),
  emoticon('lh', '流汗', 'Sweat'),
  emoticon('hanx', '憨笑', 'Silly grin'),
  emoticon('yiw', '疑问', 'Puzzled'),
  emoticon('xu', '嘘', 'Shh'),
  emoticon('yun', '晕', 'Dizzy'),
  emoticon('shuai', '衰', 'Unlucky'),
  emoticon('bye', '再见', 'Bye', 'zj'),
  emoticon('kl', '骷髅', 'Skull'),
  emoticon('zt', '猪头', 'Pig'),
  emoticon('mg', '玫瑰', 'Rose'),
  emoticon('dx', '凋谢', 'Wilted'),
  emoticon('xin', '爱心', 'Heart'),
  emoticon('xs', '心碎', 'Broken heart'),
  emoticon('dg', '蛋糕', 'Cake'),
  emoticon('ty', '太阳', 'Sun'),
  emoticon('yl', '月亮', 'Moon'),
  emoticon('kf', '咖啡', 'Coffee'),
  emoticon('pj', '啤酒', 'Beer'),
  emoticon('qiang', '强', 'Thumbs up'),
  emoticon('ruo', '弱', 'Thumbs down'),
  emoticon('ws', '握手', 'Handshake'),
  emoticon('shl', '胜利', 'Victory')
]
