import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MAX_DISPLAY_NAME_LENGTH, MAX_NOTE_LENGTH } from '../../common/contract/limits'
import {
  blockText,
  highlightIds,
  savedAnnotations,
  selectChars,
  waitForHighlightCount,
} from './annotation-helpers'
import { appPerFile, callApi, waitForReader, type AppSession } from './harness'

/**
 * A field of the page takes the limit of the contract field it is sent to
 * (common/contract/limits.ts): the user can enter everything the API accepts
 * and nothing it would refuse. Typing past the limit stops at it, and what
 * is left is saved.
 */
let app: AppSession | null = null
appPerFile({ seed: true }, (session) => (app = session))

/** What a field shows once saving is over: its status line and its error line. */
async function settled(
  page: Page,
  status: string,
  error: string,
): Promise<{ status: string; error: string }> {
  await page.waitForFunction(
    ([s, e]) =>
      (document.querySelector(s)?.textContent ?? '') + (document.querySelector(e)?.textContent ?? '') !== '',
    [status, error] as const,
  )
  return {
    status: (await page.locator(status).textContent()) ?? '',
    error: (await page.locator(error).textContent()) ?? '',
  }
}

describe('fields hold what the contract accepts, no more', () => {
  it('the display name: typing stops at the API limit, and that name is saved', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    await page.locator('.article-link').first().click()
    await waitForReader(page)
    await page.click('[data-action=settings]')
    const name = page.locator('dialog[open] .profile-name')
    await name.waitFor()
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('dialog[open] .profile-name')!.value !== '',
    )
    await name.fill('')
    const typed = 'ليلى Layla '.repeat(Math.ceil((MAX_DISPLAY_NAME_LENGTH + 40) / 11))
    expect(typed.length).toBeGreaterThan(MAX_DISPLAY_NAME_LENGTH)
    await name.pressSequentially(typed)
    const held = await name.inputValue()
    expect(held).toBe(typed.slice(0, MAX_DISPLAY_NAME_LENGTH))
    await page.keyboard.press('Enter')
    const outcome = await settled(page, 'dialog[open] .field-status', 'dialog[open] .field-error')
    expect(outcome).toEqual({ status: 'Saved.', error: '' })
    const profile = await callApi<{ displayName: string }>(page, 'getProfile')
    expect(profile.displayName).toBe(held.trim())
    await page.keyboard.press('Escape')
  })

  it('a note: pasting past the API limit keeps the limit, and that note is saved', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    if (await page.locator('dialog[open]').count()) await page.keyboard.press('Escape')
    if (!(await page.locator('.reader .ProseMirror').count()))
      await page.locator('.article-link').first().click()
    await waitForReader(page)
    const text = await blockText(page, 0)
    const start = text.indexOf('لافروف')
    expect(start).toBeGreaterThanOrEqual(0)
    await selectChars(page, 0, start, start + 'لافروف'.length)
    const before = new Set(await highlightIds(page))
    await page.keyboard.press('h')
    await waitForHighlightCount(page, before.size + 1)
    const added = (await savedAnnotations(page)).find((a) => !before.has(a.id))!
    await page.locator(`.reader .ProseMirror [data-annotation-id="${added.id}"]`).first().click()
    const popover = page.locator('.highlight-popover:not([hidden])')
    await popover.waitFor()
    await popover.locator('[data-action=edit-note]').click()
    const textarea = popover.locator('textarea')
    await textarea.focus()
    const pasted = 'ملاحظة '.repeat(Math.ceil((MAX_NOTE_LENGTH + 100) / 7))
    await page.keyboard.insertText(pasted)
    const held = await textarea.inputValue()
    expect(held.length).toBe(MAX_NOTE_LENGTH)
    await popover.locator('[data-action=save-note]').click()
    await expect
      .poll(async () => (await savedAnnotations(page)).find((a) => a.id === added.id)?.body.note.length, {
        timeout: 10_000,
      })
      .toBe(MAX_NOTE_LENGTH)
    const refusal = await page.locator('.highlight-popover:not([hidden]) [role=alert]').allTextContents()
    expect(refusal.join('')).toBe('')
  })
})
