/**
 * One line per request: when, from where, who, what, the outcome and how long it took.
 * Nothing else from the body: never a password hash or a message text.
 */
export function requestLogLine(
  address: string,
  uin: string,
  cmd: string,
  result: string,
  ms: number
): string {
  return `${new Date().toISOString()} ${address} ${uin || '-'} ${cmd} ${result} ${ms.toFixed(1)}ms`
}
