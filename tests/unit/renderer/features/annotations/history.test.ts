import { describe, expect, it } from 'vitest'
import { History, type Command } from '../../../../../renderer/src/features/annotations/history'

/** A command that logs its undo and redo, each finishing after `delay` ms. */
function logged(label: string, log: string[], delay = 0, fail = false): Command {
  const step = (what: string) => async () => {
    await new Promise((r) => setTimeout(r, delay))
    if (fail) throw new Error(`${what} ${label} failed`)
    log.push(`${what} ${label}`)
  }
  return { label, undo: step('undo'), redo: step('redo') }
}

describe('annotation undo history', () => {
  it('undoes in reverse order, each after the one before has finished, and redoes', async () => {
    const log: string[] = []
    const history = new History(() => undefined)
    history.push(logged('a', log, 0))
    history.push(logged('b', log, 20))
    // Two quick presses: the slow undo of b is not overtaken by the quick undo of a.
    const [first, second] = await Promise.all([history.undo(), history.undo()])
    expect([first, second]).toEqual(['b', 'a'])
    expect(log).toEqual(['undo b', 'undo a'])
    expect(history.canUndo).toBe(false)
    expect(await history.redo()).toBe('a')
    expect(log.at(-1)).toBe('redo a')
    expect(history.canRedo).toBe(true)
  })

  it('a new change clears what could be redone', async () => {
    const log: string[] = []
    const history = new History(() => undefined)
    history.push(logged('a', log))
    await history.undo()
    history.push(logged('b', log))
    expect(history.canRedo).toBe(false)
    expect(await history.redo()).toBeNull()
  })

  it('a failed undo reports and keeps the change on the stack, to try again', async () => {
    const errors: string[] = []
    const history = new History((kind, err) => errors.push(`${kind}: ${(err as Error).message}`))
    history.push(logged('a', [], 0, true))
    expect(await history.undo()).toBeNull()
    expect(errors).toEqual(['undo: undo a failed'])
    expect(history.canUndo).toBe(true)
    expect(history.canRedo).toBe(false)
  })

  it('keeps the latest 200 changes', async () => {
    const log: string[] = []
    const history = new History(() => undefined)
    for (let i = 0; i < 205; i++) history.push(logged(String(i), log))
    let undone = 0
    while (await history.undo()) undone++
    expect(undone).toBe(200)
    expect(log.at(-1)).toBe('undo 5')
  })

  it('tells subscribers when the stacks change', async () => {
    const history = new History(() => undefined)
    let calls = 0
    const stop = history.subscribe(() => calls++)
    history.push(logged('a', []))
    await history.undo()
    stop()
    await history.redo()
    expect(calls).toBe(2)
  })
})
