import { posix } from 'node:path'
import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { HamishError } from '../../common/errors'
import { decodeText } from './decode-text'
import { EpubArchive, invalidEpub } from './epub-archive'
import { finishArticle } from './finish-article'
import { reduceHtml } from './html-reducer'
import { declaredCharset, readPage } from './import-html'
import { isoDate } from './iso-date'
import { elementsNamed, firstElementNamed, parseXml } from './parse-markup'
import { dropTitleHeading } from './title'

const CONTAINER = 'META-INF/container.xml'
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html'])

interface ManifestItem {
  path: string
  mediaType: string
  properties: string[]
}

/**
 * The archive path an href in the package points to: relative to the
 * package file, percent-decoded, without fragment; null for remote URLs and
 * for paths that climb out of the archive.
 */
export function resolveHref(packagePath: string, href: string): string | null {
  const bare = href.split('#')[0]?.split('?')[0] ?? ''
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare)) return null
  let decoded = bare
  try {
    decoded = decodeURIComponent(bare)
  } catch {
    // keep it as written
  }
  const joined = posix.normalize(posix.join(posix.dirname(packagePath), decoded))
  return joined.startsWith('../') || joined === '..' ? null : joined.replace(/^\/+/, '')
}

function readText(archive: EpubArchive, path: string, label: string): string | null {
  const bytes = archive.read([path]).get(path)
  if (!bytes) return null
  try {
    return decodeText(bytes, label)
  } catch {
    return null
  }
}

function text(el: Element | null): string | null {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim()
  return value || null
}

/**
 * Imports an .epub book: META-INF/container.xml names the package (OPF);
 * its metadata gives title (dc:title), language (dc:language), date and the
 * page direction; its spine gives the chapters in reading order. Each
 * chapter goes through the same HTML reducer as imported pages (without
 * Readability: a chapter is all content), and the chapters are joined with
 * their headings. A damaged or non-EPUB file gets a clear error; chapters
 * that are missing or unreadable are skipped.
 */
export function importEpub(bytes: Uint8Array, name: string): ImportedArticle {
  const archive = EpubArchive.open(bytes, name)
  if (!archive.has(CONTAINER)) throw invalidEpub(name, `${CONTAINER} is missing`)
  const container = readText(archive, CONTAINER, `${name} (${CONTAINER})`)
  if (!container) throw invalidEpub(name, `${CONTAINER} cannot be read`)
  const rootfiles = elementsNamed(parseXml(container), 'rootfile')
  const rootfile =
    rootfiles.find((el) => el.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0]
  const packagePath = rootfile?.getAttribute('full-path')?.replace(/^\/+/, '')
  if (!packagePath) throw invalidEpub(name, `${CONTAINER} does not name the book's package file`)
  const packageText = readText(archive, packagePath, `${name} (${packagePath})`)
  if (!packageText) throw invalidEpub(name, `its package file ${packagePath} is missing or unreadable`)

  const opf = parseXml(packageText)
  const metadata = firstElementNamed(opf, 'metadata')
  const manifest = new Map<string, ManifestItem>()
  for (const item of elementsNamed(opf, 'item')) {
    const id = item.getAttribute('id')
    const path = resolveHref(packagePath, item.getAttribute('href') ?? '')
    if (!id || !path || manifest.has(id)) continue
    manifest.set(id, {
      path,
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/),
    })
  }
  const spine = firstElementNamed(opf, 'spine')
  if (!spine) throw invalidEpub(name, 'its package has no spine, the list of chapters')
  const chapters = elementsNamed(spine, 'itemref')
    .map((ref) => manifest.get(ref.getAttribute('idref') ?? ''))
    .filter(
      (item): item is ManifestItem =>
        !!item && CHAPTER_TYPES.has(item.mediaType) && !item.properties.includes('nav'),
    )
  if (chapters.length === 0) throw invalidEpub(name, 'its package lists no chapters')

  const files = archive.read(chapters.map((c) => c.path))
  const blocks: BlockNode[] = []
  let firstPage: ReturnType<typeof readPage> | null = null
  for (const chapter of chapters) {
    const data = files.get(chapter.path)
    if (!data) continue
    let markup: string
    try {
      markup = decodeText(data, `${name} (${chapter.path})`, { legacyEncoding: declaredCharset(data) })
    } catch (err) {
      if (err instanceof HamishError) continue
      throw err
    }
    const page = readPage(markup, chapter.mediaType === 'application/xhtml+xml')
    firstPage ??= page
    if (page.body) blocks.push(...reduceHtml(page.body))
  }

  const title = text(metadata && firstElementNamed(metadata, 'title')) ?? firstPage?.title ?? null
  const direction = spine.getAttribute('page-progression-direction')
  return finishArticle(
    {
      blocks: dropTitleHeading(blocks, title),
      title,
      date: isoDate(text(metadata && firstElementNamed(metadata, 'date'))),
      lang: text(metadata && firstElementNamed(metadata, 'language')) ?? firstPage?.lang ?? null,
      dir: direction === 'rtl' || direction === 'ltr' ? direction : (firstPage?.dir ?? null),
    },
    name,
  )
}
