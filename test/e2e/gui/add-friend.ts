import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Adds `uin` through the buddy list's Add friend dialog, as a person does, and waits until the
 * dialog says `outcome`; returns that line, still open, for what the test reads of it.
 */
export async function addFriend(
  list: Page,
  uin: number,
  outcome: 'added' | 'verification-sent',
  reason?: string
): Promise<Locator> {
  await list.getByTestId('add-friend').click()
  await list.getByTestId('add-friend-uin').fill(String(uin))
  if (reason !== undefined) await list.getByTestId('add-friend-reason').fill(reason)
  await list.getByTestId('add-friend-submit').click()
  const said = list.getByTestId('add-friend-outcome')
  await expect.poll(() => said.getAttribute('data-outcome'), { timeout: 20_000 }).toBe(outcome)
  return said
}
