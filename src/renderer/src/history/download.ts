/**
 * Offers text as a file download (the app's download handler or the browser asks where to
 * save it). A byte order mark lets old Windows editors read the UTF-8 correctly.
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** `qq-history-10002-2026-01-31.txt`, or `qq-history-all-…` for every conversation. */
export function historyFileName(peer: number | null, now: Date): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-')
  return `qq-history-${peer ?? 'all'}-${day}.txt`
}
