import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '../../common/article'
import { resolveLanguage } from '../../common/language'
import { codePointLength, plainText } from '../../common/plain-text'
import { cleanTitle, deriveTitle } from '../import/title'
import { parseJsonBytes } from '../store/safe-json'
import { fingerprintOf } from './fingerprint'
import { isArticleFile, isArticleSummary } from './library-data'

/** `<id>.json` with an id as library-data.ts accepts it; temporary and `.corrupt-…` files never match. */
const ARTICLE_FILE_NAME = /^([a-z0-9][a-z0-9-]{0,63})\.json$/

/** An unlisted article file left unlisted because its text is already listed, and it holds notes. */
export interface UnlistedDuplicate {
  id: string
  title: string
  /** The listed (or listed again) article with the same fingerprint. */
  of: string
}

/** What relisting found: articles to list again, and duplicates with notes of their own to name. */
export interface UnlistedArticles {
  found: ArticleSummary[]
  duplicates: UnlistedDuplicate[]
}

/**
 * Summaries, rebuilt from their files, of the readable article files in
 * `articlesDir` that `listed` does not list: for a library.json that was
 * just restored from an older backup (or started empty), so articles added
 * since are not lost from the list. Only reads: a file that does not parse
 * or fails the full article check is skipped and left as it is (opening it
 * later goes through the usual recovery). Oldest file first.
 *
 * Never a second copy of one text: a file whose fingerprint is already
 * listed (an import that crashed before listing its article, then was made
 * again) is not listed, nor is more than one unlisted file of one
 * fingerprint (the one with the most notes, then the newest, is). Those of
 * them that hold live annotations are returned as `duplicates`, so the user
 * can be told where those notes are.
 */
export async function unlistedArticles(
  articlesDir: string,
  listed: readonly ArticleSummary[],
  logCountOf: (id: string) => Promise<number>,
): Promise<UnlistedArticles> {
  let names: string[]
  try {
    names = await readdir(articlesDir)
  } catch {
    return { found: [], duplicates: [] }
  }
  const listedIds = new Set(listed.map((a) => a.id))
  const candidates: ArticleSummary[] = []
  for (const name of names.sort()) {
    const id = ARTICLE_FILE_NAME.exec(name)?.[1]
    if (!id || listedIds.has(id)) continue
    const summary = await summaryOfFile(join(articlesDir, name), id, logCountOf).catch(() => null)
    if (summary) candidates.push(summary)
  }
  // Preferred first: the most live notes, then the newest file.
  candidates.sort((a, b) => b.annotationCount - a.annotationCount || b.added.localeCompare(a.added))
  const holder = new Map(listed.map((a) => [a.fingerprint, a.id]))
  const found: ArticleSummary[] = []
  const duplicates: UnlistedDuplicate[] = []
  for (const summary of candidates) {
    const of = holder.get(summary.fingerprint)
    if (of === undefined) {
      holder.set(summary.fingerprint, summary.id)
      found.push(summary)
    } else if (summary.annotationCount > 0) duplicates.push({ id: summary.id, title: summary.title, of })
  }
  return { found: found.sort((a, b) => a.added.localeCompare(b.added)), duplicates }
}

/** The summary an article file supports, or null when it is not a readable article file of this id. */
async function summaryOfFile(
  file: string,
  id: string,
  logCountOf: (id: string) => Promise<number>,
): Promise<ArticleSummary | null> {
  const info = await stat(file)
  if (!info.isFile()) return null
  const data: unknown = parseJsonBytes(await readFile(file))
  if (!isArticleFile(id)(data)) return null
  const annotations = data.annotations ?? []
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
    // Annotations in its log, or (a file from before logs) in the file itself.
    annotationCount: Math.max(await logCountOf(id), annotations.filter((a) => !a.deleted).length),
    trashed: null,
  }
  return isArticleSummary(summary) ? summary : null
}
