import { cp, readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import { Library } from '../../../main/library/library'
import type { Snippet } from '../../../common/search/snippet'
import { unlockLibrary } from '../../../main/library/library-lock'
import { annotationsInLog } from '../../support/annotation-log-file'
import { useTempDir } from '../../support/store-helpers'

// Issue 11: a library written by main before annotation logs is converted at its first open,
// with a backup, and shows exactly what it showed before (tests/fixtures/libraries/README.md).

const FIXTURE = resolve(__dirname, '../../fixtures/libraries/before-annotation-logs')
const tmp = useTempDir('hamish-before-logs-')

async function shownBefore() {
  return JSON.parse(await readFile(join(FIXTURE, 'shown.json'), 'utf8')) as {
    articles: unknown[]
    content: { id: string; article: unknown; all: unknown[]; position: number | null }[]
    settings: unknown
    profile: unknown
    searches: Record<string, unknown>
  }
}

async function shownNow(library: Library, ids: string[]) {
  const { libraryColumns, digits, ...settings } = library.getSettings()
  // That Hamish had no library columns (issue 15 added them): none are shown, as none were then.
  expect(libraryColumns).toEqual([])
  // Nor a digits setting (issue 16): its numbers are written as the language prefers, as they were then.
  expect(digits).toBe('language')
  return {
    articles: library.listArticles(),
    content: await Promise.all(
      ids.map(async (id) => ({
        id,
        article: await library.getArticle(id),
        all: await library.listAnnotations(id, { includeDeleted: true }),
        position: library.getReadingPosition(id),
      })),
    ),
    settings,
    profile: await library.getProfile(),
    searches: Object.fromEntries(
      await Promise.all(
        ['الشيباني', 'معدلة', 'روسيا', 'الذاكرة', 'الأندلس'].map(async (q) => [
          q,
          // That Hamish gave no `total` (issue 13 added it): here every match fits the default page.
          (await library.search(q, {})).map(({ total, ...result }) => {
            expect(total).toBe(result.matches.length)
            return result
          }),
        ]),
      ),
    ),
  }
}

type Shown = Awaited<ReturnType<typeof shownNow>>

/**
 * Snippets are cut at words since issue 16 (common/search/snippet.ts), each
 * cut side with its own "…": each side shown now is what that Hamish showed,
 * or the part of it next to the match. Once checked, `now` takes the old
 * snippets, so the rest is compared as it was.
 */
function sameSnippets(now: Shown, before: unknown): void {
  const snippets = (shown: { searches: Record<string, { matches: { snippet: Snippet }[] }[]> }) =>
    Object.values(shown.searches).flatMap((results) =>
      results.flatMap((r) => r.matches.map((m) => m.snippet)),
    )
  const [was, is] = [snippets(before as never), snippets(now as never)]
  expect(is).toHaveLength(was.length)
  is.forEach((s, i) => {
    expect(s.match).toBe(was[i]!.match)
    expect(was[i]!.before.endsWith(s.before.replace(/^…/u, ''))).toBe(true)
    expect(was[i]!.after.startsWith(s.after.replace(/…$/u, ''))).toBe(true)
    Object.assign(s, was[i])
  })
}

describe('a library written before annotation logs', () => {
  it('opens showing exactly what it showed before, converted once, with a copy of each article file as it was', async () => {
    const dir = join(tmp.path, 'library')
    await cp(join(FIXTURE, 'library'), dir, { recursive: true })
    const before = await shownBefore()
    const ids = before.content.map((c) => c.id)
    const legacy = new Map<string, Annotation[]>()
    for (const id of ids) {
      const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as {
        annotations?: Annotation[]
      }
      legacy.set(id, file.annotations ?? [])
    }
    expect([...legacy.values()].flat().length).toBe(3)

    const library = await Library.open(dir, { noSample: true })
    const now = await shownNow(library, ids)
    sameSnippets(now, before)
    expect(now).toEqual(before)
    expect(library.listNotices()).toEqual([])

    // Converted: every annotation, tombstones included, in its log; the article files hold their text alone.
    for (const id of ids) {
      expect(await annotationsInLog(dir, id)).toEqual(legacy.get(id))
      const file = JSON.parse(await readFile(join(dir, 'articles', `${id}.json`), 'utf8')) as object
      expect(file).not.toHaveProperty('annotations')
      // A copy of the file as the older Hamish left it stays in backups/.
      const copies = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith(`${id}.json.`))
      const kept = await Promise.all(
        copies.map(async (n) => JSON.parse(await readFile(join(dir, 'backups', n), 'utf8')) as object),
      )
      if (legacy.get(id)!.length > 0)
        expect(kept).toContainEqual(expect.objectContaining({ annotations: legacy.get(id) }))
    }
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))).toMatchObject({
      annotationsIn: 'logs',
    })

    // Once: the next open reads no article file to convert, and shows the same again.
    unlockLibrary(dir)
    const articleFiles = await Promise.all(ids.map((id) => readFile(join(dir, 'articles', `${id}.json`))))
    const again = await Library.open(dir, { noSample: true })
    const reopened = await shownNow(again, ids)
    sameSnippets(reopened, before)
    expect(reopened).toEqual(before)
    expect(await Promise.all(ids.map((id) => readFile(join(dir, 'articles', `${id}.json`))))).toEqual(
      articleFiles,
    )
  })
})
