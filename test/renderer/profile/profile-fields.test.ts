import { describe, expect, it } from 'vitest'
import { profileSections } from '../../../src/renderer/src/profile/profile-fields.ts'
import { decodeReply } from '../../../src/shared/protocol/index.ts'

// The full (LV=3) GetInfo reply printed in the 2005 write-up, placeholders filled in.
const SEED_FULL_PROFILE =
  'VER=1.1&CMD=GETINFO&SEQ=4321&UIN=10001&RES=0&AD=地址&AG=19&BT=2&CO=6&CT=苏州&CV=%01&CY=中华人民共和国&EM=hackfan@qq.com&FC=0&HP=http://blog.hackfan.net&ID=-&JB=学生&LV=3&MO=136********&MT=0&MV=&PC=邮编&PH=电话&PR=The guy is updating to .NET Frameword......&PV=江苏&RN=胡吉阳&SC=毕业院校&SH=3&SX=0&UN=106814&NK=Hackfan 好'

const flatten = (sections: ReturnType<typeof profileSections>) =>
  Object.fromEntries(
    sections.flatMap((section) => section.fields.map((field) => [field.key, field.value]))
  )

describe('profileSections', () => {
  it('names every coded field of a GetInfo reply in Chinese and in English', () => {
    const fields = { SX: '1', BT: '2', CO: '6', SH: '3', AG: '19' }
    expect(flatten(profileSections(fields, 'zh'))).toMatchObject({
      SX: '女',
      BT: 'B型',
      CO: '巨蟹座',
      SH: '虎',
      AG: '19'
    })
    expect(flatten(profileSections(fields, 'en'))).toMatchObject({
      SX: 'Female',
      BT: 'B',
      CO: 'Cancer',
      SH: 'Tiger'
    })
  })

  it('shows codes outside the dictionaries as they were sent', () => {
    expect(flatten(profileSections({ BT: '9', CO: 'x' }, 'en'))).toMatchObject({ BT: '9', CO: 'x' })
  })

  it('puts every field of the seed’s full reply on the card, unknown ones raw', () => {
    const { reply } = decodeReply('GetInfo', SEED_FULL_PROFILE)
    if (!reply.ok) throw new Error('the seed reply should decode')
    const fields = reply.data.fields
    expect(Object.keys(fields)).toHaveLength(26)
    const shown = profileSections(fields, 'zh')
    const keys = shown.flatMap((section) => section.fields.map((field) => field.key))
    for (const key of Object.keys(fields)) expect(keys, key).toContain(key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(shown.at(-1)?.title).toBe('profile.raw')
    // Only the unexplained fields start folded.
    expect(shown.map((section) => section.collapsed)).toEqual([false, false, false, true])
    expect(flatten(shown)).toMatchObject({
      CV: '\u0001',
      ID: '-',
      MT: '0',
      MV: '',
      LV: '3',
      SX: '男',
      BT: 'B型',
      CO: '巨蟹座',
      SH: '虎',
      NK: 'Hackfan 好'
    })
  })

  it('labels fields in the language and offers the homepage as a link', () => {
    const [basic, contact] = profileSections({ HP: 'http://blog.example' }, 'en')
    expect(basic?.fields.find((field) => field.key === 'SX')?.label).toBe('Gender')
    expect(contact?.fields.find((field) => field.key === 'HP')).toMatchObject({
      href: 'http://blog.example/',
      label: 'Homepage'
    })
    const [, hostile] = profileSections({ HP: 'javascript:alert(1)' }, 'en')
    expect(hostile?.fields.find((field) => field.key === 'HP')?.href).toBeNull()
  })

  it('draws the face field as the face, naming its picture, instead of its number', () => {
    const face = (value: string) =>
      profileSections({ FC: value }, 'en')[0]?.fields.find((field) => field.key === 'FC')
    expect(face('27')).toMatchObject({ face: 27, faceNumber: 10, value: '27' })
    expect(face('')).toMatchObject({ face: null, faceNumber: null })
    expect(face('x')).toMatchObject({ face: null, faceNumber: null, value: 'x' })
  })
})
