import { MAX_ARTICLE_ID_LENGTH } from './contract/limits'
import { ANNOTATION_ID } from './sharing/ids'

/**
 * `hamish://` links: the address an export, a note or another program gives
 * to open an article (and one of its annotations) in the app. Two forms only:
 *
 *     hamish://read/<articleId>
 *     hamish://read/<articleId>?annotation=<annotationId>
 *
 * The operating system hands such a link to the app (Electron's protocol
 * client: macOS `open-url`, the command line on Windows and Linux), and the
 * preview takes it as `?open=`; both parse it here, so one reading decides
 * everywhere what a link may open.
 */
export interface HamishLink {
  articleId: string
  /** The annotation to open the article at; absent for the article itself. */
  annotationId?: string
}

/** The link's scheme, without the colon: what Electron registers as the app's protocol. */
export const HAMISH_SCHEME = 'hamish'

/** The article ids Hamish makes (the contract's `articleId` field, common/contract/field-schemas.ts). */
const ARTICLE_ID = new RegExp(`^[a-z0-9][a-z0-9-]{0,${MAX_ARTICLE_ID_LENGTH - 1}}$`)

/** Longer than any link Hamish makes can be (two ids and the words around them). */
export const MAX_LINK_LENGTH = 512

/**
 * The link to an article, or to one annotation of it. Both ids are written
 * percent-encoded where they need it (they never do: their characters are
 * all allowed in a URL path and query), so the link is a plain address any
 * Markdown or HTML reader takes as it is.
 */
export function hamishLink(link: HamishLink): string {
  const base = `${HAMISH_SCHEME}://read/${encodeURIComponent(link.articleId)}`
  return link.annotationId === undefined
    ? base
    : `${base}?annotation=${encodeURIComponent(link.annotationId)}`
}

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

/**
 * Reads a `hamish://` link, or null when it is not one the app opens.
 * Strict, because the text comes from outside (another program's command
 * line, a page in the browser, a file): the scheme (any case), the host
 * `read` exactly (no user, password or port), one path segment that is an
 * article id, and at most one query parameter, `annotation`, holding an
 * annotation id; no fragment, no other parameter, nothing over
 * MAX_LINK_LENGTH. One trailing `/` after the id is allowed, as some
 * launchers add it. Ids are checked after percent-decoding, with the
 * contract's own patterns.
 */
export function parseHamishLink(text: string): HamishLink | null {
  if (text.length > MAX_LINK_LENGTH) return null
  // The scheme in any case (RFC 3986), the host only as Hamish writes it.
  const m = /^[hH][aA][mM][iI][sS][hH]:\/\/read\/([^/?#]+)\/?(?:\?([^#]*))?$/.exec(text)
  if (!m) return null
  const articleId = decoded(m[1]!)
  if (articleId === null || !ARTICLE_ID.test(articleId)) return null
  const query = m[2]
  if (query === undefined) return { articleId }
  const q = /^annotation=([^&=]+)$/.exec(query)
  if (!q) return null
  const annotationId = decoded(q[1]!)
  if (annotationId === null || !ANNOTATION_ID.test(annotationId)) return null
  return { articleId, annotationId }
}

/** Whether a word (a command-line argument, a macOS open-url) is meant as a `hamish:` link, valid or not. */
export function looksLikeHamishLink(word: string): boolean {
  return /^hamish:/i.test(word)
}

/**
 * What the app should do with a link it was handed: open it, or refuse it
 * (then the window says the link could not be opened and does nothing else).
 */
export type LinkToOpen = { ok: true; link: HamishLink } | { ok: false }

/**
 * The link among a process's arguments: Windows and Linux start the app
 * (or a second instance, whose argv reaches the first) with the link as an
 * argument. The last word that looks like a `hamish:` link counts, whatever
 * its position (Electron and Chromium insert switches of their own); words
 * after `--` are the user's files, never a link. Null when no word looks
 * like one, so an ordinary start opens nothing.
 */
export function linkFromArgv(argv: readonly string[]): LinkToOpen | null {
  const end = argv.indexOf('--')
  const words = end === -1 ? argv : argv.slice(0, end)
  const word = [...words].reverse().find(looksLikeHamishLink)
  if (word === undefined) return null
  const link = parseHamishLink(word)
  return link ? { ok: true, link } : { ok: false }
}

/** A link handed over whole (macOS `open-url`, the preview's `?open=`): opened or refused. */
export function linkToOpen(text: string): LinkToOpen {
  const link = parseHamishLink(text)
  return link ? { ok: true, link } : { ok: false }
}
