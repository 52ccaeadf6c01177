import { describe, expect, it } from 'vitest'
import { fromWireError, HamishError, toWireError } from '../../../common/errors'
import { englishText, isWellFormedText, localText, wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { importFile } from '../../../main/import/import-file'
import { fromHypothesis } from '../../../common/sharing/hypothesis-format'

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
])

/** The error a call throws. */
function thrown(run: () => unknown): HamishError {
  try {
    run()
  } catch (err) {
    if (err instanceof HamishError) return err
    throw err
  }
  throw new Error('did not throw')
}

describe('sentences main words for the user', () => {
  it('carry a key and values beside their English message, through the wire and back', () => {
    const err = thrown(() => importFile('photo.txt', PNG))
    expect(err.code).toBe('binary-file')
    expect(err.message).toBe(
      'photo.txt: this is a PNG image, not text. Hamish reads .txt, .md, .html, .epub, .docx and .pdf files; ' +
        'save or export the article in one of those formats and import that file.',
    )
    expect(err.text).toEqual({
      key: 'messages.binaryFile',
      values: { name: 'photo.txt', kind: { key: 'messages.fileKinds.png' } },
    })
    const back = fromWireError(JSON.parse(JSON.stringify(toWireError(err))) as ReturnType<typeof toWireError>)
    expect(back.message).toBe(err.message)
    expect(back.text).toEqual(err.text)
  })

  it('word inner texts first, in either language', () => {
    const text = localText('messages.undecodable', { name: 'a.txt', reason: localText('messages.utf32') })
    expect(englishText(text)).toBe(
      'a.txt: this is UTF-32 text, which Hamish does not read. Open it in a text editor, save it as UTF-8 and import it again.',
    )
    const arabic = wordText(createTranslator('ar'), text, (v) => `[${v}]`)
    expect(arabic).toContain('[a.txt]')
    expect(arabic).toContain('UTF-32')
    expect(arabic).toMatch(/\p{Script=Arabic}/u)
    expect(arabic).not.toMatch(/\{\{/)
  })

  it('give an internal error a generic sentence and no detail', () => {
    const wire = toWireError(new Error('/home/someone/secret path exploded'))
    expect(wire).toEqual({
      code: 'internal',
      message: 'Something went wrong inside Hamish; the library was not changed.',
      text: { key: 'messages.unexpected' },
    })
  })

  it('are worded only when well formed and ours; anything else shows its English message', () => {
    const t = createTranslator('ar')
    expect(isWellFormedText({ key: 'messages.emptyFile', values: { name: 'x' } }, t.has)).toBe(true)
    expect(
      isWellFormedText(
        { key: 'messages.inFile', values: { name: 'x', message: { key: 'messages.utf32' } } },
        t.has,
      ),
    ).toBe(true)
    expect(isWellFormedText({ key: 'messages.noSuchMessage' }, t.has)).toBe(false)
    expect(isWellFormedText({ key: 'menu.file' }, t.has)).toBe(false)
    expect(isWellFormedText({ key: 'messages.emptyFile', values: { name: { toString: 1 } } }, t.has)).toBe(
      false,
    )
    expect(isWellFormedText({ key: 'messages.emptyFile', values: 'x' }, t.has)).toBe(false)
    expect(isWellFormedText('messages.emptyFile', t.has)).toBe(false)
    expect(isWellFormedText(null, t.has)).toBe(false)
  })

  it('include counted messages, which exist only as plural forms (a DOCX’s dropped images, in Arabic)', () => {
    const t = createTranslator('ar')
    const note = localText('messages.importImagesDropped', { name: 'a.docx', count: 1 })
    expect(isWellFormedText(note, t.has)).toBe(true)
    expect(wordText(t, note)).toContain('حُذفت صورته الوحيدة')
  })
})

describe('reasons in an annotation-import report', () => {
  it('are worded in Arabic too, lists joined with the Arabic comma', () => {
    const parsed = fromHypothesis(
      [{ id: 'aD4e5Fp4UEe-reply00000', uri: 'https://x.example/', references: ['bad id!'], target: [] }],
      { now: Date.parse('2026-11-30T00:00:00Z') },
    )
    const [refused] = parsed.rejected
    expect(refused!.reason).toBe('it is a reply, but the annotation it answers is not named by a usable id')
    const ar = createTranslator('ar')
    expect(isWellFormedText(refused!.text, ar.has)).toBe(true)
    expect(wordText(ar, refused!.text!)).toMatch(/^ردّ، لكن التعليق الذي يجيب عنه/)

    const conflict = localText('messages.reasons.conflict', {
      time: '2026-11-30T10:00:00.000Z',
      parts: [localText('messages.reasons.differsNote'), localText('messages.reasons.differsColour')],
      kept: localText('messages.reasons.conflictKeptOurs'),
    })
    expect(englishText(conflict)).toBe(
      'both versions were saved at 2026-11-30T10:00:00.000Z but differ (note, colour); this library’s version is shown, as it would be on any machine, and the other is kept beside it as “their version”',
    )
    expect(wordText(ar, conflict)).toContain('الملاحظة، اللون')
  })
})

describe('the message tables in the main-process bundle', () => {
  it('hold no lowercase "import" right before a quote, which the bundler mistakes for an import statement', async () => {
    // electron-vite's CommonJS shim finds the last `import "…"` of a chunk with a regular expression; a
    // message ending in "… to import" inside the bundled tables matched it and split the build mid-string.
    const { en } = await import('../../../common/i18n/en')
    const { ar } = await import('../../../common/i18n/ar')
    const all = JSON.stringify([en, ar])
    expect(all).not.toMatch(/(?<=\s|^|;)import\s*["']/)
  })
})
