import { describe, expect, it } from 'vitest'
import { runSerially, SerialQueue } from '../../../main/store/serial-queue'

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('SerialQueue', () => {
  it('runs tasks one at a time, in call order', async () => {
    const queue = new SerialQueue()
    const log: string[] = []
    let running = 0
    const task = (name: string, ms: number) => async () => {
      running += 1
      expect(running).toBe(1)
      log.push(`start ${name}`)
      await tick(ms)
      log.push(`end ${name}`)
      running -= 1
      return name
    }
    const results = await Promise.all([
      queue.run(task('a', 20)),
      queue.run(task('b', 1)),
      queue.run(task('c', 5)),
    ])
    expect(results).toEqual(['a', 'b', 'c'])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(queue.idle).toBe(true)
  })

  it('does not let a failed task block the next', async () => {
    const queue = new SerialQueue()
    const failed = queue.run(() => {
      throw new Error('boom')
    })
    const rejected = queue.run(() => Promise.reject(new Error('async boom')))
    const next = queue.run(() => 'fine')
    await expect(failed).rejects.toThrow('boom')
    await expect(rejected).rejects.toThrow('async boom')
    await expect(next).resolves.toBe('fine')
  })
})

describe('runSerially', () => {
  it('serialises tasks with the same key and lets other keys run alongside', async () => {
    const log: string[] = []
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`)
      await tick(ms)
      log.push(`end ${name}`)
    }
    await Promise.all([
      runSerially('/x', task('x1', 30)),
      runSerially('/x', task('x2', 1)),
      runSerially('/y', task('y1', 1)),
    ])
    expect(log.indexOf('end x1')).toBeLessThan(log.indexOf('start x2'))
    expect(log.indexOf('start y1')).toBeLessThan(log.indexOf('end x1'))
  })

  it('keeps going after a failure', async () => {
    await expect(runSerially('/z', () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    await expect(runSerially('/z', () => 42)).resolves.toBe(42)
  })
})
