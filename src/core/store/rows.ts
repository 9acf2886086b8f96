import type { SQLOutputValue } from 'node:sqlite'

/** A row as node:sqlite returns it; read through these so a column's type is checked once. */
export type Row = Record<string, SQLOutputValue>

export function textColumn(row: Row, key: string): string {
  const value = row[key]
  return typeof value === 'string' ? value : ''
}

export function numberColumn(row: Row, key: string): number {
  const value = row[key]
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : 0
}

export function optionalText(row: Row, key: string): string | undefined {
  const value = row[key]
  return typeof value === 'string' ? value : undefined
}
