/**
 * A store never writes over a file someone else changed after it read or
 * wrote it: with two processes past the lock (the lock deleted by hand, a
 * copy restored by a sync tool), each would otherwise overwrite the other's
 * acknowledged changes with its stale copy.
 */
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openJsonStore } from '../../../main/store/json-store'
import { useTempDir } from '../../support/store-helpers'

const tmp = useTempDir('hamish-elsewhere-')

interface Data {
  list: string[]
}

function open() {
  return openJsonStore<Data>(join(tmp.path, 'library.json'), {
    defaults: () => ({ list: [] }),
    backupsDir: join(tmp.path, 'backups'),
  })
}

const onDisk = async (): Promise<unknown> =>
  JSON.parse(await readFile(join(tmp.path, 'library.json'), 'utf8'))

describe('a file changed by someone else', () => {
  it('is not written over: the write is refused, saying so, and their change stays', async () => {
    const store = await open()
    await store.update((d) => void d.list.push('mine'))
    // Another program replaces the file, as a second writer's atomic rename would.
    const theirs = join(tmp.path, 'theirs.json')
    await writeFile(theirs, JSON.stringify({ list: ['mine', 'theirs'] }))
    await rename(theirs, join(tmp.path, 'library.json'))
    await expect(store.update((d) => void d.list.push('stale'))).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/changed by another program .* this change was not saved/) as string,
    })
    expect(await onDisk()).toEqual({ list: ['mine', 'theirs'] })
    expect(store.data).toEqual({ list: ['mine'] })
  })

  it('is refused also when it was edited in place or created after a read found none', async () => {
    const store = await open()
    await writeFile(join(tmp.path, 'library.json'), JSON.stringify({ list: ['made elsewhere'] }))
    await expect(store.update((d) => void d.list.push('x'))).rejects.toMatchObject({ code: 'storage' })
    expect(await onDisk()).toEqual({ list: ['made elsewhere'] })

    const again = await open()
    await again.update((d) => void d.list.push('next'))
    await writeFile(
      join(tmp.path, 'library.json'),
      JSON.stringify({ list: ['made elsewhere', 'edited in place!'] }),
    )
    await expect(again.update((d) => void d.list.push('y'))).rejects.toMatchObject({ code: 'storage' })
  })

  it('leaves the store free to write its own changes one after another', async () => {
    const store = await open()
    for (let i = 0; i < 20; i++) await store.update((d) => void d.list.push(String(i)))
    expect((await onDisk()) as Data).toEqual({ list: Array.from({ length: 20 }, (_, i) => String(i)) })
  })
})
