/**
 * The cluster project needs PostgreSQL. Where it cannot be reached, one line says so and the
 * suites skip their tests (CI starts PostgreSQL first and fails a run that skipped them).
 */
import type { TestProject } from 'vitest/node'
import { POSTGRES_URL, postgresProblem } from './postgres.ts'

export default async function setup(project: TestProject): Promise<void> {
  const problem = await postgresProblem()
  if (problem !== undefined) {
    console.log(
      `cluster suites skipped: PostgreSQL at ${POSTGRES_URL} cannot be reached (${problem}); set QQ_TEST_POSTGRES_URL`
    )
  }
  project.provide('postgresProblem', problem ?? '')
}
