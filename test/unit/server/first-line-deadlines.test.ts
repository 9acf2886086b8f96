import { describe, expect, it } from 'vitest'
import { FirstLineDeadlines } from '../../../src/server/http/first-line-deadlines.ts'

class Connection {
  destroyed = false
  cuts = 0
  readonly name: string

  constructor(name: string) {
    this.name = name
  }

  destroy(): void {
    this.destroyed = true
    this.cuts += 1
  }
}

const names = (connections: Connection[]) =>
  connections.filter((c) => c.cuts > 0).map((c) => c.name)

describe('FirstLineDeadlines', () => {
  it('cuts off exactly the connections past their deadline, once', () => {
    const list = new FirstLineDeadlines<Connection>()
    const connections = ['a', 'b', 'c'].map((name) => new Connection(name))
    connections.forEach((connection, i) => list.add(connection, 100 + i * 10))
    list.sweep(109)
    expect(names(connections)).toEqual(['a'])
    list.sweep(120)
    expect(names(connections)).toEqual(['a', 'b', 'c'])
    list.sweep(500)
    expect(connections.map((c) => c.cuts)).toEqual([1, 1, 1])
  })

  it('never cuts a connection taken off the list, wherever it was', () => {
    for (const taken of [0, 1, 2]) {
      const list = new FirstLineDeadlines<Connection>()
      const connections = ['a', 'b', 'c'].map((name) => new Connection(name))
      const entries = connections.map((connection) => list.add(connection, 100))
      const entry = entries[taken] as (typeof entries)[number]
      list.remove(entry)
      list.remove(entry)
      list.sweep(100)
      expect(names(connections)).toEqual(['a', 'b', 'c'].filter((_, i) => i !== taken))
    }
  })

  it('keeps working after being emptied and filled again', () => {
    const list = new FirstLineDeadlines<Connection>()
    const first = new Connection('first')
    list.remove(list.add(first, 100))
    const second = new Connection('second')
    list.add(second, 100)
    list.sweep(100)
    expect([first.cuts, second.cuts]).toEqual([0, 1])
  })

  it('forgets a connection that closed by itself, without cutting it again', () => {
    const list = new FirstLineDeadlines<Connection>()
    const closed = new Connection('closed')
    list.add(closed, 1000)
    closed.destroyed = true
    list.sweep(0)
    list.cutAll()
    expect(closed.cuts).toBe(0)
  })

  it('cuts every connection still waiting when the server closes', () => {
    const list = new FirstLineDeadlines<Connection>()
    const connections = ['a', 'b', 'c'].map((name) => new Connection(name))
    const [, middle] = connections.map((connection) => list.add(connection, 1000))
    if (middle) list.remove(middle)
    list.cutAll()
    expect(names(connections)).toEqual(['a', 'c'])
  })
})
