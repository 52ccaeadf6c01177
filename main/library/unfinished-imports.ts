import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PlannedImport } from '../../common/contract/article-import'
import { writeFileAtomic } from '../store/atomic-write'
import { PRIVATE_FILE_MODE } from '../store/file-modes'
import { parseJsonSafely } from '../store/safe-json'
import { runSerially } from '../store/serial-queue'
import { nodeFs, type StoreFs } from '../store/store-fs'

/** One file of a batch, recorded before the batch starts: its ticket, name and size. */
interface PlannedEntry extends PlannedImport {
  ticket: string
}

/** `unfinished-imports.json` in the library folder (docs/FORMATS.md). */
interface UnfinishedImportsFile {
  version: 1
  files: PlannedEntry[]
}

function isEntry(value: unknown): value is PlannedEntry {
  if (typeof value !== 'object' || value === null) return false
  const e = value as Record<string, unknown>
  return (
    typeof e.ticket === 'string' &&
    typeof e.name === 'string' &&
    typeof e.size === 'number' &&
    Number.isFinite(e.size)
  )
}

/**
 * The files of import batches that have not landed yet, kept in a small
 * file of the library folder so that a window closed (or a process killed)
 * mid-import does not skip the rest in silence. A batch's files are written
 * to it before the first is sent; each leaves it when it lands (added,
 * duplicate, refused or cancelled). What is still there when the library
 * opens is what the last session did not finish: the page lists it with a
 * way to choose those files again. Names and sizes only, never paths: the
 * page re-picks the files, in Electron too.
 *
 * It also holds the in-flight imports' cancel switches: `cancel` stops a
 * ticket's conversion, and refuses a ticket whose file has not arrived yet
 * (in the preview a 40 MB upload takes a while) when it does.
 */
export class UnfinishedImports {
  readonly #file: string
  readonly #fs: StoreFs | undefined
  /** Files of this session's batches that have not landed, in the order planned. */
  readonly #current = new Map<string, PlannedImport>()
  /** Every ticket this session planned and did not cancel, with its file: a ticket that lands may be sent again. */
  readonly #planned = new Map<string, PlannedImport>()
  /** What the previous session left unfinished, until the user dismisses it. */
  #leftOver: PlannedEntry[] = []
  readonly #running = new Map<string, AbortController>()
  readonly #cancelled = new Set<string>()

  private constructor(dir: string, fs: StoreFs | undefined) {
    this.#file = join(dir, 'unfinished-imports.json')
    this.#fs = fs
  }

  /** Reads what the previous session left; an unreadable or damaged file counts as nothing left. */
  static async open(dir: string, fs?: StoreFs): Promise<UnfinishedImports> {
    const imports = new UnfinishedImports(dir, fs)
    let data: unknown = null
    try {
      data = parseJsonSafely(await readFile(imports.#file, 'utf8'))
    } catch {
      data = null
    }
    const files = (data as Partial<UnfinishedImportsFile> | null)?.files
    if (Array.isArray(files)) imports.#leftOver = files.filter(isEntry)
    return imports
  }

  /** The files the previous session did not finish importing. */
  leftOver(): PlannedImport[] {
    return this.#leftOver.map(({ name, size }) => ({ name, size }))
  }

  /** Forgets them (the user chose them again, or dismissed the list). */
  async dismiss(): Promise<void> {
    this.#leftOver = []
    await this.#save()
  }

  /** Records a batch before it starts; resolves with a ticket per file once that is on disk. */
  async plan(files: PlannedImport[]): Promise<string[]> {
    const tickets = files.map(() => randomUUID())
    files.forEach((file, i) => {
      const entry = { name: file.name, size: file.size }
      this.#current.set(tickets[i]!, entry)
      this.#planned.set(tickets[i]!, entry)
    })
    await this.#save()
    return tickets
  }

  /**
   * A switch for one ticket's import: aborted by `cancel`, already aborted
   * when the ticket was cancelled before its file arrived.
   */
  start(ticket: string): AbortSignal {
    const controller = new AbortController()
    if (this.#cancelled.has(ticket)) controller.abort()
    else this.#running.set(ticket, controller)
    return controller.signal
  }

  /**
   * Puts a ticket that already landed back on the list, as planned, before
   * it is sent again: a page at a private address lands once refused (the
   * page asks the user), then comes back confirmed, and must be listed while
   * that second fetch runs so a window closed meanwhile offers it again. A
   * ticket still listed, cancelled, or never planned here is left as it is.
   */
  async relist(ticket: string): Promise<void> {
    const entry = this.#planned.get(ticket)
    if (!entry || this.#current.has(ticket) || this.#cancelled.has(ticket)) return
    this.#current.set(ticket, entry)
    await this.#save()
  }

  /** The ticket's file landed, whatever its outcome: it leaves the list. */
  async landed(ticket: string): Promise<void> {
    this.#running.delete(ticket)
    if (this.#current.delete(ticket)) await this.#save()
  }

  /** Stops these tickets' imports (the one running, the ones not sent yet) and takes them off the list. */
  async cancel(tickets: string[]): Promise<void> {
    for (const ticket of tickets) {
      this.#cancelled.add(ticket)
      this.#running.get(ticket)?.abort()
      this.#running.delete(ticket)
      this.#current.delete(ticket)
      this.#planned.delete(ticket)
    }
    await this.#save()
  }

  /**
   * Writes the list as it is now (one write at a time, each the whole small
   * file, atomically); an empty list removes the file, so a finished or
   * cancelled batch leaves the library folder as it found it.
   */
  #save(): Promise<void> {
    return runSerially(this.#file, async () => {
      const files: PlannedEntry[] = [
        ...this.#leftOver,
        ...[...this.#current].map(([ticket, f]) => ({ ticket, ...f })),
      ]
      if (files.length === 0) {
        await (this.#fs ?? nodeFs).rm(this.#file, { force: true })
        return
      }
      const data: UnfinishedImportsFile = { version: 1, files }
      await writeFileAtomic(this.#file, `${JSON.stringify(data, null, 2)}\n`, {
        fs: this.#fs,
        mode: PRIVATE_FILE_MODE,
      })
    })
  }
}
