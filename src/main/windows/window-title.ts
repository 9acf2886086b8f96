import { parseAccountId } from '../../shared/account-id.ts'
import type { MessageKey } from '../../shared/i18n/translator.ts'
import type { Me } from '../../shared/model.ts'
import { routeAccount, type WindowKind, type WindowRoute } from '../../shared/routes.ts'
import type { Translate } from '../i18n.ts'

/** What a window is called until its page names itself. */
const KIND_WORDS = {
  login: 'login.title',
  buddies: 'buddies.title',
  chat: 'window.chat',
  profile: 'window.profile',
  system: 'system.title',
  history: 'history.title',
  settings: 'settings.title'
} as const satisfies Record<WindowKind, MessageKey>

/**
 * The title bar of an account's window says whose it is: the page's own title (or the kind
 * of window, until the page names itself), then the owner's nick and number, so two
 * accounts' chats with the same friend are told apart in the task bar. The login window
 * belongs to nobody and keeps its page's title.
 */
export function windowTitle(
  route: WindowRoute,
  pageTitle: string | undefined,
  owner: Me | undefined,
  t: Translate
): string {
  const title = pageTitle ?? t(KIND_WORDS[route.kind])
  const account = routeAccount(route)
  const uin = account === null ? undefined : parseAccountId(account)?.uin
  // A page that already names its owner (as the web shell's tabs need) is not named twice.
  if (uin === undefined || title.endsWith(`(${uin})`)) return title
  return owner === undefined
    ? t('window.ownedNumber', { title, uin })
    : t('window.owned', { title, nick: owner.nick, uin })
}
