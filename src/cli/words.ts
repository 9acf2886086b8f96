/**
 * The CLI's words for the codes a person meets: the code stays as it is (scripts branch on
 * it), the message after it says what happened in the CLI's language instead of the
 * protocol's (`Login: RES=5`) or the server's (`密码错误`).
 */
import type { ErrorCode } from '../shared/errors.ts'

export type CliLanguage = 'en' | 'zh'

/** Chinese when the locale says so (LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them). */
export function cliLanguage(env: NodeJS.ProcessEnv): CliLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

/** `uin` is the number a failure is about; `message` the one it came with. */
type Words = Partial<Record<ErrorCode, (uin: number, message: string) => string>>

const WORDS: Record<CliLanguage, Words> = {
  en: {
    INVALID_UIN: (uin) => `no such QQ number ${uin}`,
    WRONG_PASSWORD: () => 'wrong password',
    PENALTY: () => 'too many requests: the server asks you to wait 20 seconds',
    NOT_LOGGED_IN: () => 'the session has ended',
    NO_REPLY: () => 'the server refused the request',
    TIMEOUT: () => 'the server did not answer in time',
    UNREACHABLE: (_, message) => `cannot reach the server (${message})`,
    BAD_REPLY: () => 'the server sent a reply that cannot be read'
  },
  zh: {
    INVALID_UIN: (uin) => `没有这个 QQ 号码 ${uin}`,
    WRONG_PASSWORD: () => '密码错误',
    PENALTY: () => '操作太频繁，服务器要求等待 20 秒后再试',
    NOT_LOGGED_IN: () => '登录已失效',
    NO_REPLY: () => '服务器拒绝了这个请求',
    TIMEOUT: () => '服务器没有及时回应',
    UNREACHABLE: (_, message) => `无法连接到服务器（${message}）`,
    BAD_REPLY: () => '服务器的回复无法识别'
  }
}

/**
 * What to print after `error CODE:`. `uin` is the number the failure is about: mine for a
 * login, the other person's for a command. Codes without words keep their message.
 */
export function errorWords(
  code: ErrorCode,
  message: string,
  uin: number,
  language: CliLanguage
): string {
  return WORDS[language][code]?.(uin, message) ?? message
}
