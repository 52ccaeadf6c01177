import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { validateCall } from '../../../common/contract/dispatch'
import { localeWithDigits } from '../../../common/i18n/digits'
import { translatorOf } from '../../../common/i18n/table-translator'
import { ar } from '../../../common/i18n/ar'
import { en } from '../../../common/i18n/en'
import { Library } from '../../../main/library/library'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-digits-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const openLibrary = (): Promise<Library> => Library.open(dir, { noSample: true })

async function editStoredSettings(change: (settings: Record<string, unknown>) => void): Promise<void> {
  const path = join(dir, 'library.json')
  const data = JSON.parse(await readFile(path, 'utf8')) as { settings: Record<string, unknown> }
  change(data.settings)
  await writeFile(path, JSON.stringify(data))
}

describe('Settings > Digits', () => {
  it('puts the chosen digits into the locale every formatter is given, and leaves it alone by default', () => {
    expect(localeWithDigits('ar', 'language')).toBe('ar')
    expect(localeWithDigits('ar-EG', undefined)).toBe('ar-EG')
    expect(localeWithDigits('ar-EG', 'latn')).toBe('ar-EG-u-nu-latn')
    expect(localeWithDigits('ar', 'arab')).toBe('ar-u-nu-arab')
    expect(new Intl.NumberFormat(localeWithDigits('ar', 'arab')).format(1234)).toBe('١٬٢٣٤')
    expect(new Intl.NumberFormat(localeWithDigits('ar-EG', 'latn')).format(1234)).toBe('1,234')
  })

  it('writes the numbers of messages in those digits, none left in the table as literal digits', () => {
    const arab = translatorOf('ar', { ar, en }, localeWithDigits('ar', 'arab'))
    const latn = translatorOf('ar', { ar, en }, localeWithDigits('ar', 'latn'))
    expect(arab('messages.emptyFile', { name: 'a.txt', bytes: 0 })).toContain('(٠ بايت)')
    expect(latn('messages.emptyFile', { name: 'a.txt', bytes: 0 })).toContain('(0 بايت)')
    expect(arab('messages.epubTooBig', { name: 'b', megabytes: 200, files: 5000 })).toContain('٢٠٠')
    expect(latn('messages.annotationFileTooLarge', { limit: 50 })).toContain('50')
    // Literal digits in the Arabic table would escape the setting.
    const literal = JSON.stringify(ar)
      .replace(/\{\{[^}]*\}\}/g, '')
      .match(/[\u0660-\u0669]+/g)
    expect(literal).toEqual(['٠١٢'])
  })

  it('is "as the language prefers" in a new library and in a library.json written before it existed', async () => {
    expect((await openLibrary()).getSettings().digits).toBe('language')
    await (await openLibrary()).updateSettings({ digits: 'arab' })
    expect((await openLibrary()).getSettings().digits).toBe('arab')
    await editStoredSettings((s) => delete s.digits)
    const library = await openLibrary()
    expect(library.getSettings().digits).toBe('language')
    expect(library.listNotices()).toEqual([])
  })

  it('refuses a value it does not know, over the API and in library.json', async () => {
    expect(() => validateCall('updateSettings', [{ digits: 'latn' }])).not.toThrow()
    expect(() => validateCall('updateSettings', [{ digits: 'roman' }])).toThrow()
    await (await openLibrary()).updateSettings({ digits: 'latn' })
    await editStoredSettings((s) => (s.digits = 'roman'))
    const library = await openLibrary()
    expect((await readdir(dir)).filter((f) => f.startsWith('library.json.corrupt-'))).toHaveLength(1)
    expect(library.getSettings().digits).toBe('latn')
  })
})
