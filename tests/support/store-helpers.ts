import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { nodeFs, type StoreFs } from '../../main/store/store-fs'

/** A fresh temp folder per test, removed afterwards; read `.path` inside a test. */
export function useTempDir(prefix = 'hamish-store-'): { readonly path: string } {
  let path = ''
  beforeEach(async () => {
    path = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    await rm(path, { recursive: true, force: true, maxRetries: 5 })
  })
  return {
    get path() {
      return path
    },
  }
}

/** File names in `dir`, sorted; [] if it does not exist. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort()
  } catch {
    return []
  }
}

/** A Node-style system error. */
export function systemError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code })
}

/**
 * The real file system with `rename` failing (EIO) while `failing.on` is true:
 * the one way to make a write fail after its temp file exists, as root.
 */
export function failingRenameFs(): { fs: StoreFs; failing: { on: boolean } } {
  const failing = { on: false }
  const fs: StoreFs = {
    ...nodeFs,
    rename: async (from, to) => {
      if (failing.on) throw systemError('EIO', `EIO: injected failure, rename '${String(from)}'`)
      return nodeFs.rename(from, to)
    },
  }
  return { fs, failing }
}
