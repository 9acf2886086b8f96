import { readFileSync } from 'node:fs'
import { fileProblem, isSystemError, StartError } from '../cli-errors.ts'

/** The content of `--seed FILE`; what goes wrong names the file. Its shape is checked later. */
export function readSeedFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw isSystemError(error) ? fileProblem(`the seed file ${path}`, error) : error
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new StartError(
      'INVALID_SEED',
      `the seed file ${path} is not JSON: ${(error as SyntaxError).message}`
    )
  }
}
