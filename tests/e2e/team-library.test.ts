import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { TeamView } from '../../common/contract/team'
import { annotationFile } from '../../common/team/layout'
import {
  blockText,
  highlightIds,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
} from './annotation-helpers'
import { browserPerFile, callApi, openApp, screenshot, waitForReader } from './harness'

// Issue 12 in the real page: two preview servers (two libraries, two people) on one team folder,
// each joined through Settings > Team; one shares the sample and annotates it, and the annotation
// appears in the other's open reader, through the watcher, without a reload and while a note is
// being typed there. Prints how long from the file landing to the highlight showing.

const env = browserPerFile()

async function openTeamSettings(page: Page) {
  await page.click('[data-action=settings]')
  const panel = page.locator('dialog[open].settings-panel')
  await panel.locator('.setting-team .team-body > *').first().waitFor()
  return panel
}

async function joinThroughUi(page: Page, name: string, folder: string): Promise<void> {
  const panel = await openTeamSettings(page)
  await panel.locator('.team-name-input').fill(name)
  await panel.locator('.team-folder-input').fill(folder)
  await panel.locator('.team-join').click()
  await panel.locator('.team-sync').waitFor()
  await page.keyboard.press('Escape')
  await panel.waitFor({ state: 'detached' })
}

/** Highlights `word` in text block 3 with the H key; main's copy of the new highlight. */
async function highlight(page: Page, word: string) {
  const text = await blockText(page, 3)
  const start = text.indexOf(word)
  expect(start, word).toBeGreaterThanOrEqual(0)
  const before = new Set(await highlightIds(page))
  await selectChars(page, 3, start, start + word.length)
  await page.keyboard.press('h')
  await waitForHighlightCount(page, before.size + 1)
  return (await savedAnnotations(page)).find((a) => !before.has(a.id))!
}

const popover = (page: Page) => page.locator('.highlight-popover:not([hidden])')

describe('a team library in two apps', () => {
  it('joins both through Settings > Team, shares the sample, and brings a new annotation into the other’s open reader live', async ({
    skip,
  }) => {
    if (!env.browser) return skip()
    const folder = await mkdtemp(join(tmpdir(), 'hamish-team-e2e-'))
    try {
      const a = await openApp(env.browser, { seed: true })
      env.sessions.push(a)
      const b = await openApp(env.browser, { seed: false })
      env.sessions.push(b)

      // A creates the team (an empty folder) and shares the sample from the reader, after confirming.
      await joinThroughUi(a.page, 'Layla', folder)
      await a.page.locator('.article-link').first().click()
      await waitForReader(a.page)
      const share = a.page.locator('.team-share-button')
      await share.waitFor()
      await share.click()
      const confirm = a.page.locator('dialog[open].confirm-dialog')
      await expect(confirm.textContent()).resolves.toContain('cannot be taken back')
      await confirm.locator('button.danger').click()
      await expect.poll(() => share.textContent()).toBe('Stop sharing')

      // B joins the same folder: the shared article arrives in B's library.
      await joinThroughUi(b.page, 'Omar', folder)
      await b.page.locator('.article-link').first().waitFor()
      await b.page.locator('.article-link').first().click()
      await waitForReader(b.page)
      // B starts a note on a highlight of its own and leaves it half-typed.
      const bText = await blockText(b.page, 3)
      const bWord = bText.split(/\s+/).find((w) => w.length >= 5 && !w.includes('موسكو'))!
      const own = await highlight(b.page, bWord)
      await b.page.locator(`.reader .ProseMirror [data-annotation-id="${own.id}"]`).first().click()
      await popover(b.page).locator('[data-action=edit-note]').click()
      const typing = 'نص لم يُحفظ بعد'
      await popover(b.page).locator('textarea').fill(typing)
      await b.page.evaluate(() => {
        ;(window as unknown as { notReloaded: boolean }).notReloaded = true
        const seen: Record<string, number> = {}
        ;(window as unknown as { seenAt: Record<string, number> }).seenAt = seen
        new MutationObserver(() => {
          for (const node of document.querySelectorAll('.reader .ProseMirror [data-annotation-id]')) {
            const id = node.getAttribute('data-annotation-id')!
            seen[id] ??= Date.now()
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true })
      })

      // A highlights a word with the H key; its pass writes A's file into the team folder.
      const view = await callApi<TeamView>(a.page, 'teamStatus')
      const teamArticle = view.status.shared[0]!.teamArticleId
      const aFile = join(folder, annotationFile(teamArticle, view.status.me.member!, view.status.me.device))
      const made = await highlight(a.page, 'موسكو')
      let landed = 0
      await expect
        .poll(
          async () => {
            const text = await readFile(aFile, 'utf8').catch(() => '')
            if (!text.includes(made.id)) return false
            landed = (await stat(aFile)).mtimeMs
            return true
          },
          { timeout: 15_000, interval: 5 },
        )
        .toBe(true)

      // It shows in B's open reader: no reload, the note being typed is still there.
      await b.page.waitForSelector(`.reader .ProseMirror [data-annotation-id="${made.id}"]`, {
        timeout: 15_000,
      })
      const shownAt = await b.page.evaluate(
        (id) => (window as unknown as { seenAt: Record<string, number> }).seenAt[id]!,
        made.id,
      )
      console.log(
        `team e2e: file landing → highlight in the other reader: ${Math.round(shownAt - landed)} ms (debounce 300 ms)`,
      )
      expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      )
      await expect(popover(b.page).locator('textarea').inputValue()).resolves.toBe(typing)

      // Settings > Team in B: members, the shared article, the last sync's report.
      await b.page.keyboard.press('Escape')
      const panel = await openTeamSettings(b.page)
      await expect.poll(() => panel.locator('.team-member').count()).toBe(2)
      await expect(panel.locator('.team-members').textContent()).resolves.toContain('Layla')
      await expect(panel.locator('.team-status').textContent()).resolves.toContain('Synced at')
      await panel.locator('.team-report').waitFor()
      await panel.locator('.setting-team').scrollIntoViewIfNeeded()
      await screenshot(b.page, 'team-settings-en.png')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('shows Settings > Team in Arabic, joined and not', async ({ skip }) => {
    if (!env.browser) return skip()
    const folder = await mkdtemp(join(tmpdir(), 'hamish-team-e2e-ar-'))
    try {
      const app = await openApp(env.browser, { seed: true, locale: 'ar' })
      env.sessions.push(app)
      const panel = await openTeamSettings(app.page)
      await panel.locator('.team-join').waitFor()
      await panel.locator('.setting-team').scrollIntoViewIfNeeded()
      await screenshot(app.page, 'team-settings-ar-join.png')
      await app.page.keyboard.press('Escape')
      await joinThroughUi(app.page, 'ليلى', folder)
      const joined = await openTeamSettings(app.page)
      await joined.locator('.team-report').waitFor()
      await expect(joined.locator('.team-heading').textContent()).resolves.toBe('الفريق')
      await joined.locator('.setting-team').scrollIntoViewIfNeeded()
      await screenshot(app.page, 'team-settings-ar.png')
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
