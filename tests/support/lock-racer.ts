/**
 * One contender of tests/unit/library/library-lock-race.test.ts, bundled with
 * esbuild and run as a plain Node process so that several really race. It
 * reads commands on stdin, one a line:
 *   try <dir> <atMs>   spin until Date.now() reaches atMs, then take the lock
 *                      of <dir>; prints "won" or "locked" (or "error <message>")
 *   release <dir>      gives the lock back; prints "released"
 */
import { createInterface } from 'node:readline'
import { lockLibrary, unlockLibrary } from '../../main/library/library-lock'

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const [command, dir = '', at = '0'] = line.split('\t')
  if (command === 'try') {
    while (Date.now() < Number(at)) {
      // Spin, so every contender starts within the same millisecond.
    }
    try {
      lockLibrary(dir)
      process.stdout.write('won\n')
    } catch (error) {
      const code = (error as { code?: string }).code
      process.stdout.write(code === 'locked' ? 'locked\n' : `error ${String(error)}\n`)
    }
  } else if (command === 'release') {
    unlockLibrary(dir)
    process.stdout.write('released\n')
  }
})
process.stdout.write('ready\n')
