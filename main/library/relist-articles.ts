import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../common/article'
import { resolveLanguage } from '../../common/language'
import { codePointLength, plainText } from '../../common/plain-text'
import { cleanTitle, deriveTitle } from '../import/title'
import { fingerprintOf } from './fingerprint'
import { isArticleFile, isArticleSummary } from './library-data'

/** `<id>.json` with an id as library-data.ts accepts it; temporary and `.corrupt-…` files never match. */
const ARTICLE_FILE_NAME = /^([a-z0-9][a-z0-9-]{0,63})\.json$/

/**
 * Summaries, rebuilt from their files, of the readable article files in
 * `articlesDir` whose ids are not in `listed`: for a library.json that was
 * just restored from an older backup (or started empty), so articles added
 * since are not lost from the list. Only reads: a file that does not parse
 * or fails the article check is skipped and left as it is (opening it later
 * goes through the usual recovery). Oldest file first.
 */
export async function unlistedArticles(
  articlesDir: string,
  listed: ReadonlySet<string>,
): Promise<ArticleSummary[]> {
  let names: string[]
  try {
    names = await readdir(articlesDir)
  } catch {
    return []
  }
  const found: ArticleSummary[] = []
  for (const name of names.sort()) {
    const id = ARTICLE_FILE_NAME.exec(name)?.[1]
    if (!id || listed.has(id)) continue
    const summary = await summaryOfFile(join(articlesDir, name), id).catch(() => null)
    if (summary) found.push(summary)
  }
  return found.sort((a, b) => a.added.localeCompare(b.added))
}

/** The summary an article file supports, or null when it is not a readable article file of this id. */
async function summaryOfFile(file: string, id: string): Promise<ArticleSummary | null> {
  const info = await stat(file)
  if (!info.isFile()) return null
  const data: unknown = JSON.parse(await readFile(file, 'utf8'))
  if (!isArticleFile(id)(data)) return null
  const annotations = data.annotations ?? []
  if (!Array.isArray(annotations)) return null
  const plain = plainText(data.doc)
  const { lang, dir } = resolveLanguage(plain, {})
  const summary: ArticleSummary = {
    id,
    title: cleanTitle(deriveTitle(plain)) || id,
    source: `${id}.json`,
    date: null,
    added: info.mtime.toISOString(),
    lang,
    dir,
    tags: [],
    fingerprint: fingerprintOf(data.doc),
    chars: codePointLength(plain),
    annotationCount: annotations.filter(
      (a: unknown) => typeof a === 'object' && a !== null && !(a as { deleted?: unknown }).deleted,
    ).length,
    trashed: null,
  }
  return isArticleSummary(summary) ? summary : null
}
