import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocNode } from '../../common/document'
import { plainText } from '../../common/plain-text'
import { servePages, type PageServer } from '../support/page-server'
import { ROOT } from '../support/preview'
import { selectChars, waitForHighlightCount } from './annotation-helpers'
import {
  callApi,
  dropFiles,
  openApp,
  screenshot,
  waitForLibrary,
  waitForReader,
  browserPerFile,
} from './harness'

/**
 * axe-core's own bundle. The app's CSP (script-src 'self') refuses an inline
 * <script>, so it is not added as a script tag: Playwright's evaluate runs it
 * through the DevTools protocol, which the CSP does not govern. The page is
 * audited exactly as it ships, its CSP in force.
 */
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

/** WCAG 2.1 A and AA, plus the best-practice rule that all content sits in a landmark. */
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { region: { enabled: true } },
  resultTypes: ['violations'],
}

/** A second article, in English, so the library lists two and one can go to the Trash. */
const ENGLISH = 'A note on margins\n\nReaders have always written in the margins of what they read.\n'

const env = browserPerFile()

/** A page on 127.0.0.1 for Save from address… (loopback: the app asks first). */
let pages: PageServer
beforeAll(async () => {
  pages = await servePages({
    '/page': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>A page.</p>'),
  })
})
afterAll(() => pages.close())

/** Team folders the audit made; removed once it is done. */
const teamFolders: string[] = []
afterAll(async () => {
  for (const folder of teamFolders) await rm(folder, { recursive: true, force: true, maxRetries: 5 })
})

/** Runs axe over the whole page; one line per violation: screen, rule, impact and the elements. */
async function audit(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
    }
    const result = await axe.run(document, options)
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  }, AXE_OPTIONS)
  return violations.map((v) => `${screen}: ${v.id} (${v.impact}) on ${v.targets.join(', ')}`)
}

/** The plain-text offsets (code points) of `quote` in an article's text, for an annotation made through the API. */
function rangeOf(text: string, quote: string): { start: number; end: number } {
  const at = text.indexOf(quote)
  expect(at, quote).toBeGreaterThanOrEqual(0)
  const start = Array.from(text.slice(0, at)).length
  return { start, end: start + Array.from(quote).length }
}

/** How many badge colours authors have (renderer/src/ui/author-badge.ts, styles/annotations.css). */
const AUTHOR_HUES = 12

/** An author id's badge colour, hashed as renderer/src/ui/author-badge.ts does (FNV-1a). */
function badgeHue(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % AUTHOR_HUES
}

/** Author ids, one of each badge colour, so every colour is audited whatever id this library drew. */
function onePerHue(): string[] {
  const ids = new Map<number, string>()
  for (let n = 0; ids.size < AUTHOR_HUES; n++) {
    const id = `urn:uuid:5e1f0c2a-7d3b-4e8f-9a6c-${n.toString(16).padStart(12, '0')}`
    if (!ids.has(badgeHue(id))) ids.set(badgeHue(id), id)
  }
  return [...ids.values()]
}

/** Waits for an open modal dialog (optionally of a class) and returns its locator. */
async function openDialog(page: Page, className = ''): Promise<void> {
  await page.waitForSelector(`dialog[open]${className}`)
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page.waitForSelector('dialog[open]', { state: 'detached' })
}

describe.each([
  ['English', 'en-US'],
  ['Arabic', 'ar-EG'],
])('axe-core over every screen, in %s', (_language, locale) => {
  it('finds no WCAG 2.1 A/AA violation and no content outside a landmark', async ({ skip }) => {
    if (!env.browser) return skip()
    const app = await openApp(env.browser, { seed: true, locale })
    env.sessions.push(app)
    const { page } = app
    const found: string[] = []
    const check = async (screen: string): Promise<void> => {
      found.push(...(await audit(page, screen)))
    }

    // Two articles; on the Arabic sample a highlight with a note and tags, one without, and one whose
    // quote is longer than the notes panel shows.
    await callApi(page, 'setDisplayName', 'ليلى Layla')
    const english = await callApi<{ article: { id: string } }>(page, 'importFile', {
      name: 'margins.txt',
      bytes: { $bytes: Buffer.from(ENGLISH).toString('base64') },
    })
    const sample = (await callApi<{ id: string; title: string }[]>(page, 'listArticles')).find(
      (a) => a.id !== english.article.id,
    )!
    const text = plainText((await callApi<{ doc: DocNode }>(page, 'getArticle', sample.id)).doc)
    const added: { id: string }[] = []
    const paragraph = text.split('\n\n').find((p) => p.length > 240)!
    for (const [quote, note, tags] of [
      ['لافروف', 'ملاحظة **مهمة** with [a link](https://example.org/)', ['روسيا', 'diplomacy']],
      ['موسكو', '', []],
      [paragraph.slice(0, 220).trim(), '', []],
    ] as const) {
      added.push(
        await callApi<{ id: string }>(page, 'addAnnotation', {
          articleId: sample.id,
          ...rangeOf(text, quote),
          quote,
          color: note ? 'yellow' : 'blue',
          note,
          tags: [...tags],
        }),
      )
    }
    await callApi(page, 'setArticleMeta', sample.id, {
      authors: [{ literal: 'سيرغي لافروف' }, { family: 'Smith', given: 'Anna' }],
      container: 'روسيا اليوم',
      published: [2025, 12, 24],
      url: 'https://example.org/lavrov',
    })
    await page.reload()
    await waitForLibrary(page)
    await check('library')

    const row = page.locator(`.library-table tr[data-article-id="${sample.id}"]`)
    await row.locator('[data-action=tags]').click()
    await openDialog(page)
    await page.keyboard.type('sources')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog[open] .tag-editor-list .tag')
    await check('tags dialog')
    await closeDialog(page)

    await row.locator('[data-action=rename]').click()
    await openDialog(page)
    await check('rename dialog')
    await closeDialog(page)

    // The optional columns with their chooser open, then the article info panel showing a refused date.
    await page.locator('.column-chooser summary').click()
    for (const box of await page.locator('.column-chooser input[type=checkbox]').all()) await box.check()
    await page.waitForSelector('.library-table th.col-published')
    await check('library with the chosen columns, the column chooser open')
    await page.keyboard.press('Escape')
    await row.locator('[data-action=info]').click()
    await openDialog(page, '.info-dialog')
    await page.locator('dialog[open] [data-action=add-author]').click()
    await page.fill('dialog[open] .info-field-published input', '2025-13')
    await page.click('dialog[open] [data-action=save-info]')
    await page.waitForSelector('dialog[open] .info-field-published .field-error:not(:empty)')
    await check('article info dialog')
    await closeDialog(page)

    await page.locator('.library-table').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    await openDialog(page, '.help-dialog')
    await check('help')
    await closeDialog(page)

    // Save from address…: the dialog with its inline refusal, then the question before a loopback address
    // (declined: nothing stored) and the report's cancelled line.
    await page.click('[data-action=save-address]')
    await openDialog(page, '.address-dialog')
    await page.keyboard.type('ftp://example.org/')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog[open] .field-error:not(:empty)')
    await check('save-from-address dialog')
    await page.fill('dialog[open] .address-input', `${pages.origin}/page`)
    await page.keyboard.press('Enter')
    await openDialog(page, '.private-address-dialog')
    await check('save-from-address: private-address question')
    await closeDialog(page)
    await page.waitForSelector('.import-panel:not(.busy) .import-result[data-status=cancelled]')
    await check('save-from-address: report')
    await page.click('.import-close')

    await page.keyboard.press('Control+,')
    await openDialog(page, '.settings-panel')
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('dialog[open] .profile-name')?.value !== '',
    )
    await page.waitForSelector('dialog[open] .team-join')
    await check('settings')
    // Settings > Team, joined (a new team in an empty folder): status, report, members, actions.
    const teamFolder = await mkdtemp(join(tmpdir(), 'hamish-a11y-team-'))
    teamFolders.push(teamFolder)
    await page.fill('dialog[open] .team-folder-input', teamFolder)
    await page.click('dialog[open] .team-join')
    await page.waitForSelector('dialog[open] .team-report')
    await check('settings, in a team')
    await closeDialog(page)

    await page.goto(new URL(`/#/search/${encodeURIComponent('لافروف')}`, page.url()).href)
    await page.waitForSelector('.search-match[data-field="text"]')
    // The first answer lists an article's first 3 matches; the highlight's quote comes after its text.
    await page.locator('.search-more button').first().click()
    await page.waitForSelector('.search-match[data-field="quote"]')
    await check('library search with results')

    // A colleagues' file for this article: an annotation by an author of every badge colour, and one
    // refused; the report, then the reader with their badges.
    const exported = await callApi<{ bytes: { $bytes: string } }>(page, 'exportAnnotations', sample.id, {
      bundle: false,
    })
    const collection = JSON.parse(Buffer.from(exported.bytes.$bytes, 'base64').toString('utf8')) as {
      total: number
      first: { items: Record<string, unknown>[] }
    }
    const [item] = collection.first.items
    const colleagues = onePerHue()
    collection.first.items = [
      ...colleagues.map((creator, i) => ({
        ...item,
        id: `urn:uuid:0b7a3c1e-58f4-4d43-9a52-${String(i).padStart(12, '0')}`,
        creator: { id: creator, type: 'Person', name: `زميل ${i + 1} colleague` },
        modified: item!.created,
      })),
      { ...item, id: 'urn:uuid:9d2e4b61-0c3a-4f7e-8b1d-6a5c4e3f2b19', target: 42 },
    ]
    collection.total = collection.first.items.length
    await dropFiles(page, [
      { name: 'colleagues.hamish.json', text: JSON.stringify(collection), type: 'application/json' },
    ])
    await page.waitForSelector('dialog.annotation-import-dialog [data-count=rejected]')
    await check('annotation import report')
    await closeDialog(page)

    await page.goto(new URL(`/#/read/${encodeURIComponent(sample.id)}`, page.url()).href)
    await waitForReader(page)
    const toggle = page.locator('[data-action=toggle-notes]')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await page.waitForSelector('.notes-panel .note-item .annotation-note')
    await waitForHighlightCount(page, 3 + colleagues.length)
    const hues = await page.evaluate(
      () =>
        new Set(
          Array.from(document.querySelectorAll('.notes-panel .author-badge'), (b) =>
            [...b.classList].find((c) => c.startsWith('author-hue-')),
          ),
        ).size,
    )
    expect(hues).toBe(AUTHOR_HUES)
    await check('reader with the notes panel')

    await selectChars(page, 2, 3, 20)
    await page.waitForSelector('.selection-toolbar:not([hidden])')
    await check('selection toolbar')
    await screenshot(page, `a11y-${locale}-reader-toolbar.png`)
    await page.keyboard.press('Escape')
    await page.evaluate(() => document.getSelection()!.removeAllRanges())

    await page.locator(`.reader .ProseMirror [data-annotation-id="${added[0]!.id}"]`).first().click()
    await page.waitForSelector('.highlight-popover:not([hidden]) .annotation-note')
    await check('highlight popover')
    await page.locator('.highlight-popover [data-action=edit-note]').click()
    await page.waitForSelector('.highlight-popover textarea')
    await check('highlight popover, editing the note')
    await page.keyboard.press('Escape')
    await page.waitForSelector('.highlight-popover', { state: 'hidden' })

    await page.keyboard.press('Control+f')
    await page.waitForSelector('.find-bar:not([hidden]) .find-input')
    await page.keyboard.type('لافروف')
    await page.waitForSelector('.find-count:not(:empty)')
    await check('find bar')
    await page.keyboard.press('Escape')

    await page.locator('[data-action=share-notes]').click()
    await openDialog(page)
    await check('share-notes dialog')
    await closeDialog(page)

    await page.locator('.team-share-button:not([hidden])').click()
    await openDialog(page, '.confirm-dialog')
    await check('share with the team: confirmation')
    await closeDialog(page)

    await page.keyboard.press('Control+e')
    await openDialog(page)
    await check('export dialog')
    await closeDialog(page)

    // The Trash, with the English article in it, and Delete Forever's confirmation.
    await callApi(page, 'trashArticle', english.article.id)
    await page.goto(new URL('/#/', page.url()).href)
    await page.reload()
    await waitForLibrary(page)
    await page.click('.trash summary')
    await page.waitForSelector('.trash-table')
    await check('library with the Trash open')
    await page.locator('.trash-table .danger').first().click()
    await openDialog(page)
    await check('delete-forever confirmation')
    await closeDialog(page)

    // Every article in the Trash: the empty library.
    await callApi(page, 'trashArticle', sample.id)
    await page.reload()
    await waitForLibrary(page)
    await page.waitForSelector('.empty-state')
    await check('empty library')

    expect(found).toEqual([])
    expect(app.pageErrors).toEqual([])
    expect(app.foreignRequests).toEqual([])
  })
})
