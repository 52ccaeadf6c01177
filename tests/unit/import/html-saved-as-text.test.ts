import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { afterAll, describe, expect, it } from 'vitest'
import { importFileWithNotes } from '../../../main/import/import-file'
import { docSchema } from '../../../common/document'
import { plainText } from '../../../common/plain-text'
import { fixturePath, fixtureText } from './fixtures'

const repo = fileURLToPath(new URL('../../..', import.meta.url))

const dir = mkdtempSync(join(tmpdir(), 'hamish-html-as-text-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Copies a fixture to a real file under another name and imports it from disk, with the report's notes. */
async function importRenamed(fixture: string, name: string) {
  const path = join(dir, name)
  copyFileSync(fixturePath(fixture), path)
  return importFileWithNotes(name, new Uint8Array(readFileSync(path)))
}

describe('a web page saved as .txt or .md', () => {
  it('is read as HTML: the title from <title>, no tags in the text, and the report says so', async () => {
    const { article, notes } = await importRenamed('arcd-01-osman-i.html', 'osman.txt')
    expect(article.title).toBe('عثمان الأول')
    const plain = plainText(article.doc)
    expect(plain).not.toMatch(/<\/?[a-z!]/i)
    expect(plain).toContain('أَبُو المُلُوك السُّلطان الغازي')
    expect(notes).toEqual([{ key: 'messages.importReadAsHtml', values: { name: 'osman.txt' } }])
  })

  it('gives the same article as the .html file itself', async () => {
    const asText = (await importRenamed('udhr-arb.html', 'udhr.md')).article
    const asHtml = (await importRenamed('udhr-arb.html', 'udhr.html')).article
    expect(asText.doc).toEqual(asHtml.doc)
    expect(asText.title).toBe(asHtml.title)
  })

  it('keeps nothing executable from a hostile page renamed .txt', async () => {
    const { article } = await importRenamed('hostile.html', 'hostile.txt')
    expect(v.is(docSchema, article.doc)).toBe(true)
    const json = JSON.stringify(article.doc)
    for (const word of [
      'javascript',
      'vbscript',
      'data:',
      'alert',
      'onerror',
      'onload',
      'script',
      'srcdoc',
      'evil.example',
    ])
      expect(json, word).not.toContain(word)
    expect(plainText(article.doc)).toContain('فقرة أولى مرئية')
    expect(article.title).toBe('صفحة عدائية')
  })

  it('leaves text and Markdown that merely contain or open with a tag as they are', async () => {
    writeFileSync(join(dir, 'readme.md'), '<p align="center">شعار</p>\n\n# دليل\n\nنص **غامق**.\n')
    const md = await importFileWithNotes('readme.md', new Uint8Array(readFileSync(join(dir, 'readme.md'))))
    expect(md.notes).toEqual([])
    expect(plainText(md.article.doc)).toContain('نص غامق')
    const note = 'كيف أكتب <html> في نص؟\n\nهذا سؤال عن الوسوم.\n'
    const txt = await importFileWithNotes('note.txt', new TextEncoder().encode(note))
    expect(txt.notes).toEqual([])
    expect(txt.article.title).toBe('كيف أكتب <html> في نص؟')
  })

  it('the CLI, as a real process, imports it as HTML and prints the note', async () => {
    const file = join(dir, 'al-andalus.txt')
    writeFileSync(file, fixtureText('arcd-02-al-andalus.html'))
    const r = await new Promise<{ code: number; out: string; err: string }>((done) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', join(repo, 'main/cli/index.ts'), 'import', file, '--library', join(dir, 'lib')],
        { cwd: repo, encoding: 'utf8', env: { ...process.env, HAMISH_LIBRARY: '' } },
        (err, out, errText) => done({ code: err ? Number(err.code ?? 1) : 0, out, err: errText }),
      ),
    )
    expect(r.code).toBe(0)
    expect(r.out).toContain('الأندلس')
    expect(r.out).toMatch(/note\s+al-andalus\.txt: this file is a web page \(HTML\)/)
    expect(r.out).not.toContain('<!DOCTYPE')
  })
})
