import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'
import { FOREIGN_LOCK_STALE_MS, libraryLockOwner } from '../../../main/library/library-lock'
import { snapshotDir } from '../../support/library-dir'

const ROOT = resolve(__dirname, '../../..')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-lock-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A library folder whose lock names `owner`, as another process would have left it. */
async function lockedBy(owner: { pid: number; host: string }): Promise<string> {
  const lib = join(dir, 'library')
  await mkdir(lib, { recursive: true })
  await writeFile(
    join(lib, 'library.lock.1'),
    JSON.stringify({ ...owner, since: '2026-12-01T00:00:00.000Z' }),
  )
  return lib
}

describe('one library, one process', () => {
  it('lets this process open its own library again', async () => {
    const lib = join(dir, 'library')
    await Library.open(lib, { noSample: true })
    expect(libraryLockOwner(lib)).toMatchObject({ pid: process.pid, host: hostname() })
    await expect(Library.open(lib, { noSample: true })).resolves.toBeInstanceOf(Library)
  })

  it('refuses a library another running process holds, saying who, and touches nothing', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const lib = await lockedBy({ pid: other.pid!, host: hostname() })
      const before = await snapshotDir(lib)
      await expect(Library.open(lib, { noSample: true })).rejects.toMatchObject({
        code: 'locked',
        message: expect.stringMatching(
          new RegExp(`open in another Hamish \\(process ${other.pid} on `),
        ) as string,
      })
      expect(await snapshotDir(lib)).toEqual(before)
    } finally {
      other.kill()
    }
  })

  it('respects a lock from another machine (a shared folder), where it cannot tell', async () => {
    const lib = await lockedBy({ pid: 1, host: 'another-machine.example' })
    await expect(Library.open(lib, { noSample: true })).rejects.toMatchObject({ code: 'locked' })
  })

  it('never tells the user to delete a lock its holder may still use', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const lib = await lockedBy({ pid: other.pid!, host: hostname() })
      const error = await Library.open(lib, { noSample: true }).catch((e: Error) => e)
      expect(String((error as Error).message)).not.toMatch(/delete|remove/i)
      const elsewhere = await lockedBy({ pid: 1, host: 'another-machine.example' })
      const error2 = await Library.open(elsewhere, { noSample: true }).catch((e: Error) => e)
      expect((error2 as Error).message).toMatch(/open in Hamish on another-machine\.example/)
      expect((error2 as Error).message).not.toMatch(/delete|remove/i)
    } finally {
      other.kill()
    }
  })

  it('takes over a lock of another machine that its holder stopped touching', async () => {
    const lib = await lockedBy({ pid: 1, host: 'another-machine.example' })
    const old = new Date(Date.now() - FOREIGN_LOCK_STALE_MS - 60_000)
    await utimes(join(lib, 'library.lock.1'), old, old)
    await Library.open(lib, { noSample: true })
    expect(libraryLockOwner(lib)).toMatchObject({ pid: process.pid, host: hostname() })
  })

  it('respects the one-file lock of an older Hamish that still runs, and takes over a dead one', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const lib = join(dir, 'legacy')
      await mkdir(lib, { recursive: true })
      const since = '2026-12-01T00:00:00.000Z'
      await writeFile(join(lib, 'library.lock'), JSON.stringify({ pid: other.pid, host: hostname(), since }))
      await expect(Library.open(lib, { noSample: true })).rejects.toMatchObject({ code: 'locked' })
      other.kill()
      await new Promise((done) => other.once('exit', done))
      await Library.open(lib, { noSample: true })
      expect(readdirSync(lib).filter((name) => name.startsWith('library.lock'))).toEqual(['library.lock.1'])
    } finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    })
    const lib = await lockedBy({ pid: Number(gone.stdout), host: hostname() })
    await Library.open(lib, { noSample: true })
    expect(libraryLockOwner(lib)).toMatchObject({ pid: process.pid })
    expect(existsSync(join(lib, 'library.lock.1'))).toBe(false)
  })

  it('gives the library back when the process exits', () => {
    const lib = join(dir, 'library')
    const script = [
      `import { readdirSync } from 'node:fs'`,
      `import { Library } from ${JSON.stringify(join(ROOT, 'main/library/library.ts'))}`,
      `await Library.open(${JSON.stringify(lib)}, { noSample: true })`,
      `process.stdout.write(readdirSync(${JSON.stringify(lib)}).filter((n) => n.startsWith('library.lock')).join(','))`,
    ].join('\n')
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: ROOT,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('library.lock.1')
    expect(readdirSync(lib).filter((name) => name.startsWith('library.lock'))).toEqual([])
  })
})
