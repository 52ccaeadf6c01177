import { posix } from 'node:path'
import type { ImportedArticle } from '../../common/article'
import type { BlockNode } from '../../common/document'
import { BLOCK_SEPARATOR, textBlocks } from '../../common/plain-text'
import { HamishError } from '../../common/errors'
import { localText } from '../../common/i18n/local-text'
import { decodeText } from './decode-text'
import { EpubArchive, invalidEpub } from './epub-archive'
import { finishArticle, refuseTextPastLimit } from './finish-article'
import { reduceHtml } from './html-reducer'
import { declaredCharset, readPage } from './import-html'
import { declaredMeta } from '../../common/meta/file-meta'
import { isoDate } from './iso-date'
import { elementsNamed, firstElementNamed, parseXml } from './parse-markup'
import { dropTitleHeading } from './title'

const CONTAINER = 'META-INF/container.xml'
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html'])
/** About how many bytes of chapters are unpacked at a time. */
const READ_BATCH_BYTES = 8 * 1024 * 1024

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

/**
 * The chapters in groups that unpack to about READ_BATCH_BYTES together (a
 * larger chapter alone), so the archive is scanned a few times, not once
 * per chapter, and a book refused part-way has not been unpacked whole.
 */
function* readBatches(chapters: ManifestItem[], archive: EpubArchive): Generator<ManifestItem[]> {
  let batch: ManifestItem[] = []
  let bytes = 0
  for (const chapter of chapters) {
    const size = archive.size(chapter.path)
    if (batch.length > 0 && bytes + size > READ_BATCH_BYTES) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(chapter)
    bytes += size
  }
  if (batch.length > 0) yield batch
}

function text(el: Element | null): string | null {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim()
  return value || null
}

/**
 * The book's authors, dc:creator in order, leaving out creators whose role
 * is another (a translator, an illustrator: EPUB 3's refining `role` meta,
 * EPUB 2's opf:role), since a citation names them differently or not at all.
 */
function bookAuthors(metadata: Element): string[] {
  const roles = new Map<string, string>()
  for (const meta of elementsNamed(metadata, 'meta'))
    if (meta.getAttribute('property') === 'role')
      roles.set((meta.getAttribute('refines') ?? '').replace(/^#/, ''), text(meta) ?? '')
  return elementsNamed(metadata, 'creator')
    .filter((c) => {
      const role = c.getAttribute('opf:role') ?? roles.get(c.getAttribute('id') ?? '')
      return role === undefined || role === null || role === '' || role === 'aut'
    })
    .map((c) => text(c) ?? '')
}

/**
 * Imports an .epub book: META-INF/container.xml names the package (OPF);
 * its metadata gives title (dc:title), language (dc:language), date and the
 * page direction; its spine gives the chapters in reading order. Each
 * chapter goes through the same HTML reducer as imported pages (without
 * Readability: a chapter is all content), and the chapters are joined with
 * their headings. A damaged or non-EPUB file gets a clear error; chapters
 * that are missing or unreadable, or whose path leaves the archive, are
 * skipped, and a chapter the spine names again is not read again. The text
 * is counted chapter by chapter, so a book longer than the limit is refused
 * as soon as it passes it, before the rest is unpacked or built.
 */
export function importEpub(bytes: Uint8Array, name: string): ImportedArticle {
  const archive = EpubArchive.open(bytes, name)
  if (!archive.has(CONTAINER))
    throw invalidEpub(name, localText('messages.reasonPartMissing', { part: CONTAINER }))
  const container = readText(archive, CONTAINER, `${name} (${CONTAINER})`)
  if (!container) throw invalidEpub(name, localText('messages.reasonPartUnreadable', { part: CONTAINER }))
  const rootfiles = elementsNamed(parseXml(container), 'rootfile')
  const rootfile =
    rootfiles.find((el) => el.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0]
  const packagePath = rootfile?.getAttribute('full-path')?.replace(/^\/+/, '')
  if (!packagePath) throw invalidEpub(name, localText('messages.reasonNoPackageNamed', { part: CONTAINER }))
  const packageText = readText(archive, packagePath, `${name} (${packagePath})`)
  if (!packageText) throw invalidEpub(name, localText('messages.reasonPackageMissing', { part: packagePath }))

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
  if (!spine) throw invalidEpub(name, localText('messages.reasonNoSpine'))
  // A spine may name the same file more than once; a book never repeats a
  // chapter, so each file is read once, where it first appears.
  const seen = new Set<string>()
  const chapters: ManifestItem[] = []
  for (const ref of elementsNamed(spine, 'itemref')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    if (!item || !CHAPTER_TYPES.has(item.mediaType) || item.properties.includes('nav')) continue
    if (seen.has(item.path)) continue
    seen.add(item.path)
    chapters.push(item)
  }
  if (chapters.length === 0) throw invalidEpub(name, localText('messages.reasonNoChapters'))

  const blocks: BlockNode[] = []
  // The plain text's length so far, counted as finishArticle will count it
  // but never more, so a book past the limit is refused as soon as it passes.
  let chars = 0
  let textBlockCount = 0
  let firstPage: ReturnType<typeof readPage> | null = null
  for (const batch of readBatches(chapters, archive)) {
    const files = archive.read(batch.map((c) => c.path))
    for (const chapter of batch) {
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
      if (!page.body) continue
      const chapterBlocks = reduceHtml(page.body)
      // The book's first block may yet be dropped as the title heading: it does not count.
      const counted =
        blocks.length === 0 && chapterBlocks[0]?.type === 'heading' ? chapterBlocks.slice(1) : chapterBlocks
      for (const block of textBlocks({ type: 'doc', content: counted })) {
        chars += block.length + (textBlockCount++ > 0 ? BLOCK_SEPARATOR.length : 0)
      }
      refuseTextPastLimit(chars, name)
      for (const block of chapterBlocks) blocks.push(block)
    }
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
      meta: declaredMeta(
        {
          creators: metadata ? bookAuthors(metadata) : [],
          publisher: text(metadata && firstElementNamed(metadata, 'publisher')),
          date: text(metadata && firstElementNamed(metadata, 'date')),
          language: text(metadata && firstElementNamed(metadata, 'language')),
          identifiers: metadata ? elementsNamed(metadata, 'identifier').map((c) => text(c) ?? '') : [],
        },
        'book',
      ),
    },
    name,
  )
}
