import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { validateCall } from '../../../common/contract/dispatch'
import { Library } from '../../../main/library/library'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-columns-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const openLibrary = (): Promise<Library> => Library.open(dir, { noSample: true })

/** library.json's settings as written on disk, with `change` applied to them before the next open. */
async function editStoredSettings(change: (settings: Record<string, unknown>) => void): Promise<void> {
  const path = join(dir, 'library.json')
  const data = JSON.parse(await readFile(path, 'utf8')) as { settings: Record<string, unknown> }
  change(data.settings)
  await writeFile(path, JSON.stringify(data))
}

describe('the library columns the user chose, in the settings', () => {
  it('none by default, in a new library and in a library.json written before the setting existed', async () => {
    expect((await openLibrary()).getSettings().libraryColumns).toEqual([])
    await (await openLibrary()).updateSettings({ theme: 'dark' })
    // As an older Hamish wrote it.
    await editStoredSettings((s) => delete s.libraryColumns)
    const library = await openLibrary()
    expect(library.getSettings()).toMatchObject({ theme: 'dark', libraryColumns: [] })
    expect(library.listNotices()).toEqual([])
  })

  it('are kept across a reopen, in the table’s order', async () => {
    await (await openLibrary()).updateSettings({ libraryColumns: ['published', 'authors'] })
    const library = await openLibrary()
    expect(library.getSettings().libraryColumns).toEqual(['authors', 'published'])
  })

  it('a later Hamish’s column is ignored, not damage; a list that is not one is damage like any bad setting', async () => {
    await (await openLibrary()).updateSettings({ libraryColumns: ['authors'] })
    await editStoredSettings((s) => (s.libraryColumns = ['shelf-mark', 'container']))
    let library = await openLibrary()
    expect(library.getSettings().libraryColumns).toEqual(['container'])
    expect((await readdir(dir)).filter((f) => f.includes('.corrupt-'))).toEqual([])

    await editStoredSettings((s) => (s.libraryColumns = 'authors'))
    library = await openLibrary()
    expect((await readdir(dir)).filter((f) => f.startsWith('library.json.corrupt-'))).toHaveLength(1)
    // The last good library.json came back from its backup.
    expect(library.getSettings().libraryColumns).toEqual(['container'])
  })

  it('the API takes known columns, each once, and refuses the rest', () => {
    expect(() => validateCall('updateSettings', [{ libraryColumns: ['container', 'authors'] }])).not.toThrow()
    expect(() => validateCall('updateSettings', [{ libraryColumns: [] }])).not.toThrow()
    expect(() => validateCall('updateSettings', [{ libraryColumns: ['authors', 'authors'] }])).toThrow(
      /named twice/,
    )
    expect(() => validateCall('updateSettings', [{ libraryColumns: ['shelf-mark'] }])).toThrow()
    expect(() => validateCall('updateSettings', [{ libraryColumns: 'authors' }])).toThrow()
  })
})
