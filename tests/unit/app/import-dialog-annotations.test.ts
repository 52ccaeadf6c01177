import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SAMPLE_ARTICLE } from '../../support/sample-library'

/**
 * File > Import… in Electron, against a recording stand-in for the electron
 * module (the binary cannot run here): the real library and
 * main/app/import-dialog.ts, with the native dialog answering the paths of
 * real files on disk. An annotation file chosen there goes to the page's
 * annotation importer (the route a dropped one takes), not to the article
 * import, which would refuse it as an unknown .json.
 */
const recorded = vi.hoisted(() => ({
  filters: [] as { name: string; extensions: string[] }[],
  paths: [] as string[],
  events: [] as { channel: string; payload: unknown }[],
}))

vi.mock('electron', () => ({
  BrowserWindow: class {},
  dialog: {
    showOpenDialog: async (_win: unknown, options: { filters: typeof recorded.filters }) => {
      recorded.filters = options.filters
      return { canceled: false, filePaths: recorded.paths }
    },
  },
}))

const { importWithDialog } = await import('../../../main/app/import-dialog')
const { Library } = await import('../../../main/library/library')
const { eventChannelOf } = await import('../../../common/contract/channels')

let dir: string
const win = {
  isDestroyed: () => false,
  webContents: { send: (channel: string, payload: unknown) => recorded.events.push({ channel, payload }) },
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-import-dialog-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('File > Import… with an annotation file', () => {
  it('imports the article and hands the .hamish.json’s name and bytes to the page’s annotation importer', async () => {
    const library = await Library.open(join(dir, 'library'), { noSample: true })
    const article = join(dir, SAMPLE_ARTICLE.name)
    const notes = join(dir, 'سلمى.hamish.json')
    const notesBytes = new TextEncoder().encode('{"type":"AnnotationCollection","first":{"items":[]}}')
    await writeFile(article, SAMPLE_ARTICLE.bytes)
    await writeFile(notes, notesBytes)
    recorded.paths = [notes, article]

    await importWithDialog(win as never, library)

    expect(recorded.filters[0]!.extensions).toContain('json')
    const sent = (event: string) =>
      recorded.events.filter((e) => e.channel === eventChannelOf(event as never)).map((e) => e.payload)
    // The article alone went through the article import and its report.
    const [changed] = sent('libraryChanged') as { outcomes: { name: string; status: string }[] }[]
    expect(changed!.outcomes.map((o) => [o.name, o.status])).toEqual([[SAMPLE_ARTICLE.name, 'added']])
    expect(library.listArticles().map((a) => a.source)).toEqual([SAMPLE_ARTICLE.name])
    // The annotation file, to the page, after the articles (its notes then find their article).
    const [chosen] = sent('annotationFilesChosen') as { files: { name: string; bytes: Uint8Array }[] }[]
    expect(chosen!.files.map((f) => f.name)).toEqual(['سلمى.hamish.json'])
    expect(Buffer.from(chosen!.files[0]!.bytes).equals(Buffer.from(notesBytes))).toBe(true)
    const order = recorded.events.map((e) => e.channel)
    expect(order.indexOf(eventChannelOf('annotationFilesChosen'))).toBeGreaterThan(
      order.indexOf(eventChannelOf('libraryChanged')),
    )
  })
})
