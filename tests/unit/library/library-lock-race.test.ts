/**
 * Processes racing for one library's lock: 200 trials of 2 to 4 real
 * processes starting within the same millisecond, on a fresh folder, on a
 * lock left by a process that is gone (today's and the old `library.lock`
 * form), and on a damaged one. In every trial exactly one process may get
 * the library and every other must be refused: two holders is how
 * acknowledged imports vanished (2 trials in 100 with the old lock).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../support/node-child'

const TRIALS = 200
const SCENARIOS = ['fresh', 'stale', 'stale legacy', 'damaged'] as const

interface Racer {
  child: ChildProcessWithoutNullStreams
  lines: Interface
  next(): Promise<string>
}

let dir = ''
const racers: Racer[] = []

function startRacer(script: string): Racer {
  const child = spawn(process.execPath, [script])
  const lines = createInterface({ input: child.stdout })
  const queue: string[] = []
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => {
    const take = waiting.shift()
    if (take) take(line)
    else queue.push(line)
  })
  return {
    child,
    lines,
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift()!)
        : new Promise((resolveLine) => waiting.push(resolveLine)),
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-lock-race-'))
  const script = await bundleChild('lock-racer', dir)
  for (let i = 0; i < 4; i++) racers.push(startRacer(script))
  for (const racer of racers) expect(await racer.next()).toBe('ready')
})

afterAll(async () => {
  for (const racer of racers) racer.child.kill()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The pid of a process that has exited, as a crashed holder leaves behind. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  })
  return Number(run.stdout)
}

async function prepare(library: string, scenario: (typeof SCENARIOS)[number]): Promise<void> {
  await mkdir(library, { recursive: true })
  const owner = JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-12-01T00:00:00.000Z' })
  if (scenario === 'stale') await writeFile(join(library, 'library.lock.7'), owner)
  if (scenario === 'stale legacy') await writeFile(join(library, 'library.lock'), owner)
  if (scenario === 'damaged') await writeFile(join(library, 'library.lock.3'), '')
}

describe('the library lock under racing processes', () => {
  it(`lets exactly one of 2–4 processes in, in each of ${TRIALS} trials`, { timeout: 300_000 }, async () => {
    const outcomes: string[] = []
    for (let trial = 0; trial < TRIALS; trial++) {
      const scenario = SCENARIOS[trial % SCENARIOS.length]!
      const library = join(dir, `trial-${trial}`)
      await prepare(library, scenario)
      const contenders = racers.slice(0, 2 + (trial % 3))
      const at = Date.now() + 30
      for (const racer of contenders) racer.child.stdin.write(`try\t${library}\t${at}\n`)
      const results = await Promise.all(contenders.map((racer) => racer.next()))
      const winners = contenders.filter((_, i) => results[i] === 'won')
      outcomes.push(`${scenario}: ${results.join(',')}`)
      expect(
        results.filter((r) => r !== 'won' && r !== 'locked'),
        `trial ${trial}`,
      ).toEqual([])
      expect(winners.length, `trial ${trial} (${scenario}): ${results.join(', ')}`).toBe(1)
      // What is left is one lock, naming the winner.
      const locks = (await readdir(library)).filter((name) => name.startsWith('library.lock'))
      expect(locks, `trial ${trial}`).toHaveLength(1)
      const [lock = ''] = locks
      const [winner] = winners as [Racer]
      const owner = JSON.parse(await readFile(join(library, lock), 'utf8')) as { pid: number }
      expect(owner.pid).toBe(winner.child.pid)
      winner.child.stdin.write(`release\t${library}\n`)
      expect(await winner.next()).toBe('released')
      expect((await readdir(library)).filter((name) => name.startsWith('library.lock'))).toEqual([])
    }
    expect(outcomes).toHaveLength(TRIALS)
  })
})
