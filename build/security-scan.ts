/**
 * Runs electronegativity over the app's sources and fails on any HIGH or MEDIUM finding (the
 * tool itself always exits 0). Its review-only checks may be silenced only by an
 * `eng-disable` comment on the flagged line that names the check and says, in a sentence,
 * why that use is safe; a comment on a file's first line would silence the whole file, so
 * that is refused too.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const SCANNED = join(ROOT, 'src')
/** Checks that only ask a human to review a use; everything else must be fixed. */
const REVIEW_ONLY = new Set(['PRELOAD_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK'])

/** Splits CSV lines, honouring quoted fields (the tool's samples contain commas). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.split(/\r?\n/).filter((row) => row.trim() !== '')) {
    const fields: string[] = []
    let field = ''
    let quoted = false
    for (let index = 0; index < line.length; index++) {
      const char = line[index]
      if (quoted && char === '"' && line[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = !quoted
      else if (char === ',' && !quoted) {
        fields.push(field.trim())
        field = ''
      } else field += char
    }
    fields.push(field.trim())
    rows.push(fields)
  }
  return rows
}

/** Every `eng-disable` in the sources that is not a justified, single-line review-only waiver. */
export function badWaivers(folder: string): string[] {
  const problems: string[] = []
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
    /\.(ts|vue|html|js)$/.test(file)
  )
  for (const file of files) {
    const lines = readFileSync(join(folder, file), 'utf8').split('\n')
    lines.forEach((line, index) => {
      const match = /eng-disable\s+([A-Z_]+)\s*(.*)$/.exec(line)
      if (match === null) return
      const where = `${relative(ROOT, join(folder, file))}:${index + 1}`
      const [, check = '', reason = ''] = match
      if (index === 0) problems.push(`${where}: a first-line eng-disable silences the whole file`)
      else if (!REVIEW_ONLY.has(check))
        problems.push(`${where}: ${check} must be fixed, not silenced`)
      else if (reason.split(/\s+/).filter(Boolean).length < 5) {
        problems.push(`${where}: say in a sentence why this use is safe`)
      }
    })
  }
  return problems
}

function main(): number {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  const csv = join(scratch, 'findings.csv')
  try {
    const tool = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js')
    const args = [
      '-i',
      SCANNED,
      '-r',
      '-v',
      'false',
      '-e',
      pkg.devDependencies.electron ?? '',
      '-o',
      csv
    ]
    const run = spawnSync(process.execPath, [tool, ...args], { encoding: 'utf8', timeout: 300_000 })
    if (run.status !== 0) {
      console.error(run.stdout, run.stderr)
      return 1
    }
    const [, ...findings] = parseCsv(readFileSync(csv, 'utf8'))
    const serious = findings.filter(([, severity]) => severity === 'HIGH' || severity === 'MEDIUM')
    for (const [check, severity, confidence, file, location, sample] of findings) {
      console.log(`${severity} ${confidence} ${check} src/${file}:${location} ${sample}`)
    }
    const waivers = badWaivers(SCANNED)
    for (const problem of waivers) console.log(`waiver: ${problem}`)
    console.log(
      `electronegativity: ${findings.length} findings, ${serious.length} HIGH or MEDIUM; ${waivers.length} bad waivers`
    )
    return serious.length === 0 && waivers.length === 0 ? 0 : 1
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

process.exitCode = main()
