/**
 * The short run of the fault-injection suite (bench/crash.ts; the full run is
 * `npm run bench -- crash`, 1,000 + 100 kills): the built preview under four
 * concurrent writing clients, and CLI imports and annotation merges, each
 * SIGKILLed at random moments. Nothing acknowledged may be lost, no file may
 * be damaged, and counts and search must agree with the annotations after the
 * repair at open.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCrashSuite } from '../../../bench/crash'

const ROOT = resolve(__dirname, '../../..')

describe('fault injection, short run', () => {
  it(
    'loses nothing acknowledged and leaves derived data consistent across SIGKILLs',
    { timeout: 240_000 },
    async () => {
      expect(existsSync(join(ROOT, 'out/main/preview.js')), 'run `npm run build` first').toBe(true)
      const seed = Number(process.env.HAMISH_CRASH_SEED ?? Date.now() % 100_000)
      const report = await runCrashSuite({ kills: 12, cliKills: 8, clients: 4, seed })
      expect(report.kills, `seed ${seed}`).toBe(12)
      expect(report.acknowledged, `seed ${seed}`).toBeGreaterThan(20)
      expect(
        {
          lost: report.lost,
          damaged: report.damaged,
          inconsistent: report.inconsistent,
          malformed: report.malformed,
        },
        `seed ${seed}`,
      ).toEqual({
        lost: [],
        damaged: [],
        inconsistent: [],
        malformed: [],
      })
    },
  )
})
