/** What the list cuts off: a connection (a `net.Socket` in the server). */
export interface Cuttable {
  readonly destroyed: boolean
  destroy(): unknown
}

/** A connection on the list; give it back to `remove` once its first line is in. */
export interface Waiting<T extends Cuttable> {
  readonly connection: T
  readonly deadline: number
  previous: Waiting<T> | undefined
  next: Waiting<T> | undefined
}

/**
 * The connections still sending their first line, each with the time it must be done by.
 *
 * A linked list, not a Map or Set, for the garbage collector's sake: under load, sockets
 * kept in a long-lived Map were carried through the young generation's collections and
 * promoted with everything they hold (the old generation grew by about 1 MB per collection,
 * each taking several times longer). An entry taken off the list keeps no reference.
 */
export class FirstLineDeadlines<T extends Cuttable> {
  #first: Waiting<T> | undefined
  #last: Waiting<T> | undefined

  add(connection: T, deadline: number): Waiting<T> {
    const entry: Waiting<T> = { connection, deadline, previous: this.#last, next: undefined }
    if (this.#last) this.#last.next = entry
    else this.#first = entry
    this.#last = entry
    return entry
  }

  /** Takes a connection off the list (its first line came); twice is harmless. */
  remove(entry: Waiting<T>): void {
    const { previous, next } = entry
    if (previous) previous.next = next
    else if (this.#first === entry) this.#first = next
    if (next) next.previous = previous
    else if (this.#last === entry) this.#last = previous
    entry.previous = entry.next = undefined
  }

  /** Cuts off the connections past their deadline; forgets those that closed meanwhile. */
  sweep(now: number): void {
    let entry = this.#first
    while (entry) {
      const next = entry.next
      if (entry.connection.destroyed) this.remove(entry)
      else if (entry.deadline <= now) this.#cut(entry)
      entry = next
    }
  }

  /** Cuts off every connection still on the list. */
  cutAll(): void {
    while (this.#first) this.#cut(this.#first)
  }

  #cut(entry: Waiting<T>): void {
    this.remove(entry)
    entry.connection.destroy()
  }
}
