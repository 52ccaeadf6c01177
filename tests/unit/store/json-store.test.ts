import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../../main/store/backups'
import type { RecoveryReport } from '../../../main/store/json-file'
import { openJsonStore, type JsonStoreOptions } from '../../../main/store/json-store'
import { nodeFs, type StoreFs } from '../../../main/store/store-fs'
import { failingRenameFs, namesIn, useTempDir } from '../../support/store-helpers'

const tmp = useTempDir()

interface Data {
  version: 1
  list: number[]
  settings: { theme: string }
}

const defaults = (): Data => ({ version: 1, list: [], settings: { theme: 'light' } })
const isData = (d: unknown): boolean =>
  typeof d === 'object' && d !== null && (d as Data).version === 1 && Array.isArray((d as Data).list)

function open(options: Partial<JsonStoreOptions<Data>> = {}) {
  return openJsonStore<Data>(join(tmp.path, 'library.json'), {
    defaults,
    backupsDir: join(tmp.path, 'backups'),
    validate: isData,
    ...options,
  })
}

const onDisk = async (): Promise<unknown> =>
  JSON.parse(await readFile(join(tmp.path, 'library.json'), 'utf8'))

describe('openJsonStore', () => {
  it('starts from defaults without writing anything', async () => {
    const store = await open()
    expect(store.data).toEqual(defaults())
    expect(store.file).toBe(join(tmp.path, 'library.json'))
    expect(await namesIn(tmp.path)).toEqual([])
  })

  it('calls defaults only when there is no file, so it may refuse by throwing', async () => {
    await writeFile(join(tmp.path, 'library.json'), JSON.stringify({ ...defaults(), list: [7] }))
    const refuse = () => {
      throw new Error('must exist')
    }
    expect((await open({ defaults: refuse })).data.list).toEqual([7])
    await expect(
      openJsonStore<Data>(join(tmp.path, 'missing.json'), { defaults: refuse, backupsDir: tmp.path }),
    ).rejects.toThrow('must exist')
  })

  it('persists updates, resolving only once they are on disk', async () => {
    const store = await open({ pretty: true })
    await store.update((d) => {
      d.list.push(1)
      d.settings.theme = 'dark'
    })
    expect(await onDisk()).toEqual({ version: 1, list: [1], settings: { theme: 'dark' } })
    expect(await readFile(store.file, 'utf8')).toContain('\n  "list": [')
    const reopened = await open()
    expect(reopened.data).toEqual(store.data)
  })

  it('accepts async mutators', async () => {
    const store = await open()
    await store.update(async (d) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      d.list.push(5)
    })
    expect(await onDisk()).toMatchObject({ list: [5] })
  })

  it('serialises 100 concurrent updates: all of them are kept, in call order', async () => {
    const store = await open()
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.update((d) => {
          d.list.push(i)
        }),
      ),
    )
    const expected = Array.from({ length: 100 }, (_, i) => i)
    expect(store.data.list).toEqual(expected)
    expect(await onDisk()).toMatchObject({ list: expected })
    expect((await namesIn(tmp.path)).filter((n) => n.includes('.tmp-'))).toEqual([])
    expect(await listBackups(store.file, join(tmp.path, 'backups'))).toHaveLength(5)
  })

  it('replace writes the whole content, copied at call time', async () => {
    const store = await open()
    const next = { ...defaults(), list: [9] }
    const done = store.replace(next)
    next.list.push(10)
    await done
    expect(store.data.list).toEqual([9])
    expect(await onDisk()).toMatchObject({ list: [9] })
  })

  it('exposes frozen data: only update can change it', async () => {
    const store = await open()
    await store.update((d) => {
      d.list.push(1)
    })
    expect(Object.isFrozen(store.data)).toBe(true)
    expect(() => (store.data.list as number[]).push(2)).toThrow(TypeError)
    expect(() => {
      ;(store.data.settings as { theme: string }).theme = 'x'
    }).toThrow(TypeError)
    await store.update((d) => {
      d.list.push(2) // the draft is a mutable copy
    })
    expect(store.data.list).toEqual([1, 2])
  })

  it('does not show a change before its write is acknowledged', async () => {
    let renameStarted: () => void = () => undefined
    let releaseRename: () => void = () => undefined
    const started = new Promise<void>((resolve) => (renameStarted = resolve))
    const released = new Promise<void>((resolve) => (releaseRename = resolve))
    const fs: StoreFs = {
      ...nodeFs,
      rename: async (from, to) => {
        renameStarted()
        await released
        return nodeFs.rename(from, to)
      },
    }
    const store = await open({ fs })
    const update = store.update((d) => {
      d.list.push(1)
    })
    await started
    expect(store.data.list).toEqual([])
    releaseRename()
    await update
    expect(store.data.list).toEqual([1])
  })
})

describe('openJsonStore: failures', () => {
  it('a mutator that throws changes nothing, and later updates go on', async () => {
    const store = await open()
    await store.update((d) => {
      d.list.push(1)
    })
    await expect(
      store.update((d) => {
        d.list.push(2)
        throw new Error('mutator bug')
      }),
    ).rejects.toThrow('mutator bug')
    expect(store.data.list).toEqual([1])
    expect(await onDisk()).toMatchObject({ list: [1] })
    await store.update((d) => {
      d.list.push(3)
    })
    expect(store.data.list).toEqual([1, 3])
  })

  it('a failed write leaves the old file and the in-memory data as they were', async () => {
    const { fs, failing } = failingRenameFs()
    const store = await open({ fs })
    await store.update((d) => {
      d.list.push(1)
    })
    failing.on = true
    await expect(
      store.update((d) => {
        d.list.push(2)
      }),
    ).rejects.toMatchObject({ code: 'EIO' })
    await expect(store.replace(defaults())).rejects.toMatchObject({ code: 'EIO' })
    expect(store.data.list).toEqual([1])
    expect(await onDisk()).toMatchObject({ list: [1] })
    expect((await namesIn(tmp.path)).filter((n) => n.includes('.tmp-'))).toEqual([])

    failing.on = false
    await store.update((d) => {
      d.list.push(3)
    })
    expect(store.data.list).toEqual([1, 3])
    expect(await onDisk()).toMatchObject({ list: [1, 3] })
  })

  it('a failed write whose folder became a file leaves memory unchanged', async () => {
    const dir = join(tmp.path, 'gone')
    const store = await openJsonStore<Data>(join(dir, 'a.json'), {
      defaults,
      backupsDir: join(tmp.path, 'b'),
    })
    await writeFile(dir, 'a file where the folder should be')
    await expect(
      store.update((d) => {
        d.list.push(1)
      }),
    ).rejects.toThrow()
    expect(store.data.list).toEqual([])
  })
})

describe('openJsonStore: damaged files', () => {
  it('falls back to defaults and tells the caller when there is no backup', async () => {
    await writeFile(join(tmp.path, 'library.json'), '{"version":1,"list":[1,2')
    const reports: RecoveryReport[] = []
    const store = await open({ onRecovered: (r) => reports.push(r) })
    expect(store.data).toEqual(defaults())
    expect(reports).toHaveLength(1)
    expect(reports[0]!.restoredFrom).toBeNull()
    expect(await readFile(reports[0]!.movedTo, 'utf8')).toBe('{"version":1,"list":[1,2')
  })

  it('restores the newest good backup: the last acknowledged state', async () => {
    const store = await open()
    for (const n of [1, 2, 3]) {
      await store.update((d) => {
        d.list.push(n)
      })
    }
    await writeFile(store.file, '{"__proto__":{"polluted":1},"version":1,"list":[]}')
    const reports: RecoveryReport[] = []
    const reopened = await open({ onRecovered: (r) => reports.push(r) })
    // Every acknowledged update is back: the newest backup is taken before each write is acknowledged.
    expect(reopened.data.list).toEqual([1, 2, 3])
    expect(reports[0]!.restoredFrom).not.toBeNull()
    expect(reports[0]!.nothingLost).toBe(true)
    expect(await onDisk()).toMatchObject({ list: [1, 2, 3] })
  })
})
