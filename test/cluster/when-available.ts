import { describe, it } from 'vitest'

/**
 * A cluster suite that needs something of the machine (HAProxy, PostgreSQL, Redis). Where it
 * is missing the suite says so in one line and is skipped; with QQ_REQUIRE_CLUSTER=1 (as
 * .ci/run sets it) it fails instead, so CI cannot pass without having run it.
 */
export function describeWhenAvailable(
  name: string,
  missing: string | undefined,
  suite: () => void
): void {
  if (missing === undefined) {
    describe(name, suite)
  } else if (process.env.QQ_REQUIRE_CLUSTER === '1') {
    describe(name, () => {
      it('has what it needs (QQ_REQUIRE_CLUSTER=1)', () => {
        throw new Error(missing)
      })
    })
  } else {
    console.log(`skipped "${name}": ${missing}`)
    describe.skip(name, suite)
  }
}
