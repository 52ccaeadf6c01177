import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { TEAM_TEMP_DIR } from '../../common/team/layout'

/** Largest team file read: a device's annotation file on one article, or an article with its text. */
export const MAX_TEAM_FILE_BYTES = 50 * 1024 * 1024

/** A file of a team folder as listed: its path (relative, with `/`), size and modification time. */
export interface ListedFile {
  path: string
  size: number
  mtimeMs: number
}

/**
 * The team folder on disk: reads with a size cap, and writes that are whole
 * or absent — prepared in `.hamish-tmp/` (which sync engines are told to
 * ignore, so they never carry a half-written file), flushed, then renamed
 * into place, so an engine only ever sees the finished file appear.
 */
export class TeamFolder {
  constructor(readonly root: string) {}

  /** Whether the folder is there and holds team.json (an unmounted drive, a removed folder: not). */
  async present(): Promise<boolean> {
    try {
      return (await stat(join(this.root, 'team.json'))).isFile()
    } catch {
      return false
    }
  }

  /** The text of a file, or null when it is missing; a file over the cap is an error. */
  async readText(path: string): Promise<string | null> {
    const file = join(this.root, path)
    try {
      const info = await stat(file)
      if (info.size > MAX_TEAM_FILE_BYTES)
        throw new Error(`${path} is over ${MAX_TEAM_FILE_BYTES / 1024 / 1024} MB`)
      return new TextDecoder('utf-8', { fatal: false }).decode(await readFile(file))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Writes `text` to `path` atomically through `.hamish-tmp/`; the team folder itself must exist. */
  async write(path: string, text: string): Promise<void> {
    const tempDir = join(this.root, TEAM_TEMP_DIR)
    await this.#mkdirBelowRoot(TEAM_TEMP_DIR)
    const temp = join(tempDir, `${randomBytes(8).toString('hex')}.tmp`)
    let handle: FileHandle | undefined
    try {
      handle = await open(temp, 'wx', 0o644)
      await handle.writeFile(text)
      await handle.sync()
      await handle.close()
      handle = undefined
      const target = join(this.root, path)
      await this.#mkdirBelowRoot(dirname(path))
      await rename(temp, target)
      await syncFolder(dirname(target))
    } catch (error) {
      await handle?.close().catch(() => undefined)
      await rm(temp, { force: true })
      throw error
    }
  }

  /**
   * Makes the folders of `path` (relative) inside the team folder, one level
   * at a time, never the team folder itself: if it went away in the middle
   * of a pass (an unmounted drive), the write fails instead of recreating its
   * folders on the local disk, where the engine would never see them.
   */
  async #mkdirBelowRoot(path: string): Promise<void> {
    let dir = this.root
    for (const part of path.split('/').filter((p) => p !== '' && p !== '.')) {
      dir = join(dir, part)
      try {
        await mkdir(dir)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }

  /** Removes a file (a conflict copy folded into its owner's file). */
  async remove(path: string): Promise<void> {
    await rm(join(this.root, path), { force: true })
  }

  /** The entries of a folder of the team folder (names), or none when it is missing. */
  async names(path: string): Promise<string[]> {
    try {
      return await readdir(join(this.root, path))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
  }

  /** The files of a folder, with their sizes and times. */
  async files(path: string): Promise<ListedFile[]> {
    const listed: ListedFile[] = []
    for (const entry of await readdir(join(this.root, path), { withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile()) continue
      const info = await stat(join(this.root, path, entry.name)).catch(() => null)
      if (info) listed.push({ path: `${path}/${entry.name}`, size: info.size, mtimeMs: info.mtimeMs })
    }
    return listed
  }

  /** The ids of the shared articles: the folders under `articles/<ab>/` and `annotations/<ab>/`. */
  async articleIds(): Promise<string[]> {
    const ids = new Set<string>()
    for (const top of ['articles', 'annotations'])
      for (const fan of await this.names(top)) for (const id of await this.names(`${top}/${fan}`)) ids.add(id)
    return [...ids].sort()
  }
}

/** Flushes a folder's entries (the rename), where the system allows it. */
async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Windows cannot open a folder: the rename is as durable as it gets there.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
