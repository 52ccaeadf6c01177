import * as v from 'valibot'
import type { ImportedArticle } from '../../common/article'
import type { ArticleMeta } from '../../common/article-meta'
import { checkArticleMeta } from '../../common/article-meta-check'
import type { BlockNode, DocNode } from '../../common/document'
import { docSchema, MAX_DOCUMENT_CHARS } from '../../common/document'
import { HamishError } from '../../common/errors'
import { resolveLanguage } from '../../common/language'
import { plainText } from '../../common/plain-text'
import { isBlank } from './decode-text'
import { cleanTitle, deriveTitle } from './title'
import { localText } from '../../common/i18n/local-text'

/** What a format-specific importer found, before the checks every article gets. */
export interface ArticleDraft {
  blocks: BlockNode[]
  /** The title the file declares or shows; null to make one from the text. */
  title: string | null
  date: string | null
  /** Language and direction the file declares (lang/dir attributes, dc:language). */
  lang?: string | null
  dir?: string | null
  /** What the file says for a citation (authors, publication…); checked and bounded by finishArticle. */
  meta?: ArticleMeta
}

/** The file name without folders and without its extension, the title of last resort. */
function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base.replace(/\.[^.]+$/, '') || base
}

/**
 * Refuses, as too large, an article whose plain text has more than
 * MAX_DOCUMENT_CHARS UTF-16 units. Importers that build a document in parts
 * call it as they go, with a count that never exceeds the final text's, so
 * they stop early without refusing anything `finishArticle` would keep.
 */
export function refuseTextPastLimit(chars: number, name: string): void {
  if (chars > MAX_DOCUMENT_CHARS) {
    throw new HamishError(
      'too-large',
      localText('messages.textTooLong', { name, millions: MAX_DOCUMENT_CHARS / 1024 / 1024 }),
    )
  }
}

/**
 * Turns a draft into the article the library stores, with the checks that
 * must hold whatever the format: the document has text, is not too large,
 * and passes `docSchema` (so a bug in any reducer can never store a node,
 * mark or attribute outside the schema); the title is one trimmed line of at
 * most 200 characters; language and direction come from what the file
 * declared, else from its letters; the metadata keeps only fields that
 * pass the library's own check, so an import never stores what a reopen would drop.
 */
export function finishArticle(draft: ArticleDraft, name: string): ImportedArticle {
  const candidate: DocNode = { type: 'doc', content: draft.blocks }
  const plain = plainText(candidate)
  if (isBlank(plain)) {
    throw new HamishError('empty-file', localText('messages.noText', { name }))
  }
  refuseTextPastLimit(plain.length, name)
  let doc: DocNode
  try {
    doc = v.parse(docSchema, candidate)
  } catch {
    throw new HamishError('invalid-content', localText('messages.unsafeDocument', { name }))
  }
  const title =
    cleanTitle(draft.title) || cleanTitle(deriveTitle(plain)) || cleanTitle(fileStem(name)) || 'Untitled'
  const { lang, dir } = resolveLanguage(plain, { lang: draft.lang, dir: draft.dir })
  const { meta } = checkArticleMeta(draft.meta)
  return { title, date: draft.date, lang, dir, doc, ...(meta && { meta }) }
}
