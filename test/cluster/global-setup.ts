/**
 * The cluster projects need PostgreSQL, and cluster-nodes (QQ_TEST_CLUSTER=nodes) Redis and
 * HAProxy too. Where one is missing, one line says so and the suites skip their tests (CI
 * starts them first and fails a run that skipped them).
 */
import type { TestProject } from 'vitest/node'
import { haproxyMissing } from './haproxy.ts'
import { POSTGRES_URL, postgresProblem } from './postgres.ts'
import { redisMissing } from './redis-reachable.ts'

async function problem(): Promise<string | undefined> {
  const postgres = await postgresProblem()
  if (postgres !== undefined) {
    return `PostgreSQL at ${POSTGRES_URL} cannot be reached (${postgres}); set QQ_TEST_POSTGRES_URL`
  }
  if (process.env.QQ_TEST_CLUSTER !== 'nodes') return undefined
  return (await redisMissing()) ?? haproxyMissing()
}

export default async function setup(project: TestProject): Promise<void> {
  const missing = await problem()
  if (missing !== undefined) console.log(`${project.name} suites skipped: ${missing}`)
  project.provide('clusterProblem', missing ?? '')
}
