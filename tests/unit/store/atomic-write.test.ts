import { readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fsyncDirectory, writeFileAtomic } from '../../../main/store/atomic-write'
import { nodeFs, type StoreFs } from '../../../main/store/store-fs'
import { failingRenameFs, namesIn, systemError, useTempDir } from '../../support/store-helpers'

const tmp = useTempDir()

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file', async () => {
    const file = join(tmp.path, 'a.json')
    await writeFileAtomic(file, '{"a":1}')
    expect(await readFile(file, 'utf8')).toBe('{"a":1}')
    expect(await namesIn(tmp.path)).toEqual(['a.json'])
  })

  it('replaces an existing file, with strings or bytes', async () => {
    const file = join(tmp.path, 'a.json')
    await writeFile(file, 'old')
    await writeFileAtomic(file, 'نص عربي')
    expect(await readFile(file, 'utf8')).toBe('نص عربي')
    await writeFileAtomic(file, new Uint8Array([0x7b, 0x7d]))
    expect(await readFile(file, 'utf8')).toBe('{}')
    expect(await namesIn(tmp.path)).toEqual(['a.json'])
  })

  it('uses a unique temp file per write, so concurrent writes never collide', async () => {
    const file = join(tmp.path, 'a.json')
    const contents = Array.from({ length: 50 }, (_, i) => `content ${i} `.repeat(1000))
    await Promise.all(contents.map((c) => writeFileAtomic(file, c)))
    expect(contents).toContain(await readFile(file, 'utf8'))
    expect(await namesIn(tmp.path)).toEqual(['a.json'])
  })

  it('names the temp file .NAME.tmp-<pid>-<counter> in the same folder', async () => {
    const file = join(tmp.path, 'a.json')
    const opened: string[] = []
    const fs: StoreFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        opened.push(path)
        return nodeFs.open(path, flags)
      }) as StoreFs['open'],
    }
    await writeFileAtomic(file, 'x', { fs })
    expect(opened[0]).toBe(join(tmp.path, basename(opened[0]!)))
    expect(basename(opened[0]!)).toMatch(new RegExp(`^\\.a\\.json\\.tmp-${process.pid}-\\d+$`))
  })

  it('rejects when the parent is a file, creating nothing', async () => {
    await writeFile(join(tmp.path, 'plain'), 'not a folder')
    await expect(writeFileAtomic(join(tmp.path, 'plain', 'a.json'), 'x')).rejects.toMatchObject({
      code: 'ENOTDIR',
    })
    expect(await namesIn(tmp.path)).toEqual(['plain'])
    expect(await readFile(join(tmp.path, 'plain'), 'utf8')).toBe('not a folder')
  })

  it('on a failed rename, removes the temp file and keeps the old content', async () => {
    const file = join(tmp.path, 'a.json')
    await writeFile(file, 'old')
    const { fs, failing } = failingRenameFs()
    failing.on = true
    await expect(writeFileAtomic(file, 'new', { fs })).rejects.toMatchObject({ code: 'EIO' })
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await namesIn(tmp.path)).toEqual(['a.json'])
  })

  it('on a failed fsync, removes the temp file and does not rename', async () => {
    const file = join(tmp.path, 'a.json')
    await writeFile(file, 'old')
    const fs: StoreFs = {
      ...nodeFs,
      open: (async (path: string, flags: string) => {
        const handle = await nodeFs.open(path, flags)
        if (path !== tmp.path) {
          handle.sync = () => Promise.reject(systemError('EIO'))
        }
        return handle
      }) as StoreFs['open'],
    }
    await expect(writeFileAtomic(file, 'new', { fs })).rejects.toMatchObject({ code: 'EIO' })
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await namesIn(tmp.path)).toEqual(['a.json'])
  })
})

describe('fsyncDirectory', () => {
  const failingDirOpen = (code: string): StoreFs => ({
    ...nodeFs,
    open: (() => Promise.reject(systemError(code))) as StoreFs['open'],
  })

  it.each(['EINVAL', 'EISDIR', 'EPERM'])(
    'ignores %s (platforms that cannot fsync a folder)',
    async (code) => {
      await expect(fsyncDirectory(failingDirOpen(code), tmp.path)).resolves.toBeUndefined()
    },
  )

  it('reports other errors', async () => {
    await expect(fsyncDirectory(failingDirOpen('EIO'), tmp.path)).rejects.toMatchObject({ code: 'EIO' })
  })

  it('syncs a real folder', async () => {
    await expect(fsyncDirectory(nodeFs, tmp.path)).resolves.toBeUndefined()
  })
})
