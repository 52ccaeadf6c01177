/**
 * The crash test: a child process appends to one store in a loop and is
 * SIGKILLed at random moments, over and over. After every kill the file must
 * parse, hold every counter the child acknowledged, and nothing it did not
 * write; the next child must continue from it. No file may ever need
 * recovering (atomic writes make damage impossible), and stale temp files of
 * killed writers must not pile up.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listBackups } from '../../../main/store/backups'
import { openJsonStore } from '../../../main/store/json-store'
import { namesIn } from '../../support/store-helpers'
import { seededRandom } from '../../../bench/anchoring-samples'
import { bundleChild } from '../../support/node-child'

const KILLS = 220
/** One kill in this many comes right after startup, before (or during) the first write. */
const STARTUP_KILL_EVERY = 5

let dir = ''
let childScript = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-crash-'))
  childScript = await bundleChild('store-crash-child', dir)
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

interface Run {
  stdout: string
  stderr: string
  signal: NodeJS.Signals | null
  code: number | null
}

/** Runs the child and SIGKILLs it `delayMs` after startup, or after its first ack. */
function runAndKill(file: string, backupsDir: string, when: 'startup' | 'after-first-ack', delayMs: number) {
  return new Promise<Run>((done, fail) => {
    const child = spawn(process.execPath, [childScript, file, backupsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let scheduled = false
    const killLater = () => {
      scheduled = true
      setTimeout(() => child.kill('SIGKILL'), delayMs)
    }
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      if (!scheduled && when === 'after-first-ack' && stdout.includes('ack ')) killLater()
    })
    child.stderr.on('data', (chunk: string) => (stderr += chunk))
    child.on('error', fail)
    // 'close': the process is gone and both pipes are drained, so every ack it printed is in `stdout`.
    child.on('close', (code, signal) => done({ stdout, stderr, code, signal }))
    if (when === 'startup') killLater()
  })
}

async function readCounter(file: string): Promise<number[] | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return (JSON.parse(text) as { counter: number[] }).counter
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs of a writer at random moments`, { timeout: 240_000 }, async () => {
    const seed = Number(process.env.HAMISH_CRASH_SEED ?? Date.now() % 2 ** 31)
    const rand = seededRandom(seed)
    const file = join(dir, 'counter.json')
    const backupsDir = join(dir, 'backups')
    const context = (round: number, run?: Run) =>
      `seed ${seed}, round ${round}${run ? `\nstdout:\n${run.stdout.slice(-500)}\nstderr:\n${run.stderr}` : ''}`

    let last = -1 // last counter in the file; -1 while there is none
    let totalAcks = 0
    let maxStaleTemps = 0
    const started = Date.now()

    for (let round = 0; round < KILLS; round++) {
      const early = round % STARTUP_KILL_EVERY === 0
      const run = early
        ? await runAndKill(file, backupsDir, 'startup', Math.floor(rand() * 60))
        : await runAndKill(file, backupsDir, 'after-first-ack', Math.floor(rand() * 25))
      expect(run.signal, context(round, run)).toBe('SIGKILL')
      expect(run.stdout, context(round, run)).not.toContain('recovered')

      const lines = run.stdout.split('\n')
      const start = lines.find((l) => l.startsWith('start '))
      if (start) expect(Number(start.slice(6)), context(round, run)).toBe(last + 1)
      const acks = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
      if (!early) expect(acks.length, context(round, run)).toBeGreaterThan(0)
      totalAcks += acks.length

      const counter = await readCounter(file)
      if (counter === null) {
        expect(acks, context(round, run)).toEqual([])
        expect(last, context(round, run)).toBe(-1)
        continue
      }
      // Always 0, 1, 2… with no gap or repeat: each child continued from the file.
      expect(counter.length, context(round, run)).toBe((counter.at(-1) ?? -1) + 1)
      expect(
        counter.every((n, i) => n === i),
        context(round, run),
      ).toBe(true)
      // Every acknowledged write is there; at most one more (written, killed before its ack).
      const acked = acks.at(-1) ?? last
      expect(counter.length - 1, context(round, run)).toBeGreaterThanOrEqual(acked)
      expect(counter.length - 1, context(round, run)).toBeLessThanOrEqual(acked + 1)
      last = counter.length - 1

      // A killed writer may leave its one temp file; the next open removes it.
      const names = await namesIn(dir)
      const temps = names.filter((n) => n.includes('.tmp-'))
      maxStaleTemps = Math.max(maxStaleTemps, temps.length)
      expect(temps.length, context(round, run)).toBeLessThanOrEqual(1)
      expect(
        names.filter((n) => n.includes('.corrupt-')),
        context(round, run),
      ).toEqual([])
    }

    // Opening the store cleans up; one more write prunes backups back to 5.
    const store = await openJsonStore<{ counter: number[] }>(file, {
      defaults: () => ({ counter: [] }),
      backupsDir,
    })
    expect(store.data.counter.length).toBe(last + 1)
    expect((await namesIn(dir)).filter((n) => n.includes('.tmp-'))).toEqual([])
    expect((await listBackups(file, backupsDir)).length).toBeLessThanOrEqual(6)
    await store.update((d) => {
      d.counter.push(last + 1)
    })
    expect(await listBackups(file, backupsDir)).toHaveLength(5)
    expect((await namesIn(backupsDir)).filter((n) => !n.endsWith('.bak'))).toEqual([])

    expect(totalAcks).toBeGreaterThan(KILLS / 2)
    console.info(
      `crash test: ${KILLS} kills, ${totalAcks} acknowledged writes, ${last + 1} counters, ` +
        `max ${maxStaleTemps} stale temp file(s), ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}`,
    )
  })
})
