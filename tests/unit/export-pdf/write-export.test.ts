import { execFileSync } from 'node:child_process'
import { chmod, lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HamishError } from '../../../common/errors'
import { writeExportFile } from '../../../main/export/write-export'
import { nodeFs, type StoreFs } from '../../../main/store/store-fs'
import { failingRenameFs, namesIn, systemError, useTempDir } from '../../support/store-helpers'

const tmp = useTempDir('hamish-export-')

async function failure(promise: Promise<unknown>): Promise<HamishError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(HamishError)
  return error as HamishError
}

/** The real file system with `open` failing with `code` (as root, chmod cannot make a write fail). */
function failingOpenFs(code: string): StoreFs {
  return {
    ...nodeFs,
    open: (async () => {
      throw systemError(code, `${code}: injected`)
    }) as StoreFs['open'],
  }
}

/** The real file system whose file writes put half the bytes on disk, then fail with ENOSPC. */
function diskFullFs(): StoreFs {
  return {
    ...nodeFs,
    open: (async (path: string, flags: string) => {
      const handle = await nodeFs.open(path, flags)
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'writeFile')
            return async (data: string | Uint8Array) => {
              const bytes = typeof data === 'string' ? Buffer.from(data) : data
              await target.write(bytes.subarray(0, bytes.length >> 1))
              throw systemError('ENOSPC', 'ENOSPC: no space left on device, write')
            }
          const value: unknown = Reflect.get(target, key)
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
        },
      })
    }) as StoreFs['open'],
  }
}

describe('writeExportFile', () => {
  it('writes bytes or text and leaves only the file', async () => {
    const pdf = join(tmp.path, 'مقال.pdf')
    await writeExportFile(pdf, new Uint8Array([0x25, 0x50, 0x44, 0x46]))
    expect(await readFile(pdf, 'latin1')).toBe('%PDF')
    const md = join(tmp.path, 'مقال.md')
    await writeExportFile(md, '# عنوان\n')
    expect(await readFile(md, 'utf8')).toBe('# عنوان\n')
    expect(await namesIn(tmp.path)).toEqual(['مقال.md', 'مقال.pdf'])
  })

  it('replaces an existing export whole', async () => {
    const file = join(tmp.path, 'a.html')
    await writeFile(file, 'old '.repeat(1000))
    await writeExportFile(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(await namesIn(tmp.path)).toEqual(['a.html'])
  })

  it('a missing folder: says so, creates nothing', async () => {
    const file = join(tmp.path, 'missing', 'a.pdf')
    const error = await failure(writeExportFile(file, 'x'))
    expect(error.code).toBe('not-found')
    expect(error.message).toBe(
      `Could not save the export to ${file}: the folder ${join(tmp.path, 'missing')} does not exist. ` +
        'Choose an existing folder, or create it first.',
    )
    expect(await namesIn(tmp.path)).toEqual([])
  })

  it('a file where a folder should be: says so', async () => {
    await writeFile(join(tmp.path, 'plain'), 'not a folder')
    const error = await failure(writeExportFile(join(tmp.path, 'plain', 'a.pdf'), 'x'))
    expect(error.message).toMatch(/is a file, not a folder/)
    expect(await readFile(join(tmp.path, 'plain'), 'utf8')).toBe('not a folder')
  })

  it('a folder as the target: refused before anything is written', async () => {
    const dir = join(tmp.path, 'exports')
    await mkdir(dir)
    const error = await failure(writeExportFile(dir, 'x'))
    expect(error.code).toBe('invalid-argument')
    expect(error.message).toBe(
      `Could not save the export to ${dir}: that is a folder. Give a file name inside it instead (for example article.pdf).`,
    )
    expect(await namesIn(tmp.path)).toEqual(['exports'])
    expect(await namesIn(dir)).toEqual([])
  })

  it('a symbolic link as the target: refused, the link and the file it points to unchanged', async () => {
    await mkdir(join(tmp.path, 'real'))
    const real = join(tmp.path, 'real', 'notes.md')
    await writeFile(real, 'old notes')
    const link = join(tmp.path, 'link.md')
    await symlink(join('real', 'notes.md'), link)
    const error = await failure(writeExportFile(link, 'new notes'))
    expect(error.code).toBe('invalid-argument')
    expect(error.message).toBe(
      `Could not save the export to ${link}: that is a link (symbolic link) to another file, and saving ` +
        'would replace the link, not that file. Choose the file it points to, or another name.',
    )
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(join('real', 'notes.md'))
    expect(await readFile(real, 'utf8')).toBe('old notes')
    expect(await namesIn(tmp.path)).toEqual(['link.md', 'real'])
    // A link to nothing, or to a folder, is refused the same way.
    const dangling = join(tmp.path, 'dangling.md')
    await symlink('missing.md', dangling)
    expect((await failure(writeExportFile(dangling, 'x'))).message).toMatch(
      /: that is a link \(symbolic link\)/,
    )
    const toFolder = join(tmp.path, 'folder-link')
    await symlink('real', toFolder)
    expect((await failure(writeExportFile(toFolder, 'x'))).message).toMatch(
      /: that is a link \(symbolic link\)/,
    )
    expect(await namesIn(join(tmp.path, 'real'))).toEqual(['notes.md'])
  })

  it.runIf(process.platform !== 'win32')(
    'a FIFO or a socket as the target: refused, still there, nothing written',
    async () => {
      const fifo = join(tmp.path, 'pipe.md')
      execFileSync('mkfifo', [fifo])
      const error = await failure(writeExportFile(fifo, 'x'))
      expect(error.code).toBe('invalid-argument')
      expect(error.message).toBe(
        `Could not save the export to ${fifo}: that is not a regular file (a device, pipe or socket). Choose another file name.`,
      )
      expect((await lstat(fifo)).isFIFO()).toBe(true)

      const socket = join(tmp.path, 'sock.md')
      const server = createServer()
      await new Promise<void>((done) => server.listen(socket, done))
      try {
        expect((await failure(writeExportFile(socket, 'x'))).message).toMatch(/: that is not a regular file/)
        expect((await lstat(socket)).isSocket()).toBe(true)
      } finally {
        await new Promise((done) => server.close(done))
      }
      expect(await namesIn(tmp.path)).toEqual(['pipe.md'])
    },
  )

  it('a device as the target: refused before anything is written', async () => {
    // Never a real device: as root, a regression would replace /dev/null. lstat answers as for /dev/full.
    const file = join(tmp.path, 'full')
    await writeFile(file, 'stand-in')
    const device = { isFile: () => false, isDirectory: () => false, isSymbolicLink: () => false }
    const fs = { ...nodeFs, lstat: (async () => device) as unknown as typeof lstat }
    const error = await failure(writeExportFile(file, 'x', { fs }))
    expect(error.message).toBe(
      `Could not save the export to ${file}: that is not a regular file (a device, pipe or socket). Choose another file name.`,
    )
    expect(await readFile(file, 'utf8')).toBe('stand-in')
    expect(await namesIn(tmp.path)).toEqual(['full'])
  })

  it('a regular file reached through a folder link is still replaced', async () => {
    await mkdir(join(tmp.path, 'real'))
    await writeFile(join(tmp.path, 'real', 'a.md'), 'old')
    await symlink('real', join(tmp.path, 'via'))
    await writeExportFile(join(tmp.path, 'via', 'a.md'), 'new')
    expect(await readFile(join(tmp.path, 'real', 'a.md'), 'utf8')).toBe('new')
    expect(await namesIn(join(tmp.path, 'real'))).toEqual(['a.md'])
  })

  it.each([
    ['EACCES', /: permission denied\. Choose a folder you can write to, or change the permissions of /],
    ['EPERM', /: permission denied\. /],
    ['EROFS', /: the disk is read-only\. Choose a folder on a writable disk\./],
  ])('an unwritable target (%s): names the path and what to do', async (code, message) => {
    const file = join(tmp.path, 'a.pdf')
    const error = await failure(writeExportFile(file, 'x', { fs: failingOpenFs(code) }))
    expect(error.code).toBe('storage')
    expect(error.message).toContain(`Could not save the export to ${file}`)
    expect(error.message).toMatch(message)
    expect(await namesIn(tmp.path)).toEqual([])
  })

  it('a full disk: no partial file, the old export kept, a clear message', async () => {
    const file = join(tmp.path, 'a.pdf')
    await writeFile(file, 'old export')
    const error = await failure(writeExportFile(file, 'new export '.repeat(100), { fs: diskFullFs() }))
    expect(error.message).toBe(
      `Could not save the export to ${file}: the disk is full. Free some space or choose another disk; nothing was written.`,
    )
    expect(await readFile(file, 'utf8')).toBe('old export')
    expect(await namesIn(tmp.path)).toEqual(['a.pdf'])
    // And with no earlier file: nothing at all.
    const fresh = join(tmp.path, 'b.pdf')
    await failure(writeExportFile(fresh, new Uint8Array(4096), { fs: diskFullFs() }))
    expect(await namesIn(tmp.path)).toEqual(['a.pdf'])
  })

  it('any other failure (EIO at the rename): generic message, temp file removed', async () => {
    const { fs, failing } = failingRenameFs()
    failing.on = true
    const file = join(tmp.path, 'a.pdf')
    const error = await failure(writeExportFile(file, 'x', { fs }))
    expect(error.code).toBe('storage')
    expect(error.message).toBe(
      `Could not save the export to ${file} (EIO); nothing was written. Try again or choose another folder.`,
    )
    expect(await namesIn(tmp.path)).toEqual([])
  })
})

describe('writeExportFile: permissions', () => {
  it.runIf(process.platform !== 'win32')(
    'keeps an existing file’s mode under umask 022; a new file gets the umask’s',
    async () => {
      const previous = process.umask(0o022)
      try {
        const mode = async (path: string) => (await stat(path)).mode & 0o7777
        const secret = join(tmp.path, 'notes.md')
        await writeFile(secret, 'old', { mode: 0o600 })
        await chmod(secret, 0o600)
        await writeExportFile(secret, 'new notes')
        expect(await readFile(secret, 'utf8')).toBe('new notes')
        expect(await mode(secret)).toBe(0o600)

        const shared = join(tmp.path, 'shared.html')
        await writeFile(shared, 'old')
        await chmod(shared, 0o640)
        await writeExportFile(shared, 'new')
        expect(await mode(shared)).toBe(0o640)

        const fresh = join(tmp.path, 'fresh.pdf')
        await writeExportFile(fresh, 'pdf')
        expect(await mode(fresh)).toBe(0o644)
      } finally {
        process.umask(previous)
      }
    },
  )
})
