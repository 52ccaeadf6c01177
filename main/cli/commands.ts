import { readFile, stat } from 'node:fs/promises'
import type { AnnotationAbout } from '../../common/annotation'
import { foldQuery } from '../../common/arabic-fold'
import { basename, resolve } from 'node:path'
import type { ImportOutcome } from '../../common/contract/article-import'
import { DEFAULT_MATCHES_PER_ARTICLE, MAX_IMPORT_BYTES } from '../../common/contract/limits'
import { tooLargeMessage } from '../../common/contract/too-large-text'
import {
  EXPORT_FORMATS,
  isCitationFormat,
  isExportFormat,
  type CitationFormat,
} from '../../common/export/formats'
import { toBibtex } from '../../common/citation/bibtex'
import { toCslJson } from '../../common/citation/csl-json'
import { NOTES_GROUPS, NOTES_ORDERS } from '../../common/export/notes-order'
import type { ArticleSummary } from '../../common/article'
import { displayAddress } from '../../common/display-address'
import { HamishError } from '../../common/errors'
import { isAnnotationFileName } from '../../common/sharing/annotation-file-name'
import { plainText } from '../../common/plain-text'
import { printHtmlToPdf } from '../export/print-html-chromium'
import { writeExportFile } from '../export/write-export'
import { renderExport } from '../export/exporter'
import type { Library } from '../library/library'
import { versionId } from '../../common/sharing/lineage'
import type { ConflictChoice } from '../../common/sharing/resolve-conflict'
import { parseArgs, UsageError } from './args'
import { citationLine } from '../../common/citation/citation-line'
import { hamishLink } from '../../common/hamish-link'
import { metaLines } from './meta-command'

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface Output {
  out(line: string): void
  err(line: string): void
  /** True when stderr is a terminal, so progress lines are worth printing. */
  interactive: boolean
}

/**
 * `hamish import FILE|URL... [--allow-private] [--json]`: every file or
 * http(s) address is tried; the exit code is 1 if any was rejected. An
 * annotation file (`.json`: a `*.hamish.json`, a Hypothesis export) is
 * merged into its article after the articles, as a drop on the app's window
 * does, with `annotations import`'s report; `--json` prints the articles'
 * outcomes only, so it refuses such a file before importing anything
 * (`annotations import FILE --json` gives its report). An
 * address that leads to this computer or a private network is fetched only
 * with --allow-private (the app asks instead). Redirects are listed under
 * the outcome. Lines name an address as people read it (the outcome's
 * message does, `displayAddress` the redirects), since a percent-escaped
 * Arabic path is unreadable; `--json` keeps the exact address in `name`,
 * `article.source` and `redirects` for whatever reads it.
 */
export async function importCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--json', '--allow-private'])
  if (positional.length === 0) throw new UsageError('import needs at least one FILE or URL')
  const isAddress = (word: string): boolean => /^https?:\/\//i.test(word)
  const annotationFiles = positional.filter((w) => !isAddress(w) && isAnnotationFileName(basename(w)))
  const files = positional.filter((w) => isAddress(w) || !isAnnotationFileName(basename(w)))
  if (annotationFiles.length > 0 && flags.has('--json'))
    throw new UsageError(
      `import --json prints articles' outcomes only; merge ${basename(annotationFiles[0]!)} with \`hamish annotations import FILE --json\``,
    )
  const outcomes: ImportOutcome[] = []
  for (const [i, file] of files.entries()) {
    const address = isAddress(file)
    const shown = address ? displayAddress(file) : basename(file)
    if (io.interactive && files.length > 1) io.err(`Importing ${i + 1} of ${files.length}: ${shown}`)
    outcomes.push(
      address
        ? await library.importAddress(file, { allowPrivate: flags.has('--allow-private') })
        : await importOne(library, file),
    )
  }
  if (flags.has('--json')) io.out(JSON.stringify(outcomes, null, 2))
  else
    for (const o of outcomes) {
      io.out(`${o.status.padEnd(9)} ${o.article ? `${o.article.id}  ` : ''}${o.message}`)
      for (const to of o.redirects ?? []) io.out(`          redirected to ${displayAddress(to)}`)
      for (const note of o.notes ?? []) io.out(`${'note'.padEnd(9)} ${note.message}`)
    }
  let merged = true
  for (const path of annotationFiles) {
    try {
      const code = await importAnnotationFile(library, path, io, {
        json: false,
        confirmOrphans: false,
        flagsOf: 'import',
      })
      merged &&= code === 0
    } catch (err) {
      if (!(err instanceof HamishError)) throw err
      io.out(`${'rejected'.padEnd(9)} ${err.message}`)
      merged = false
    }
  }
  return !merged || outcomes.some((o) => o.status === 'rejected') ? 1 : 0
}

async function importOne(library: Library, file: string): Promise<ImportOutcome> {
  const name = basename(file)
  const rejected = (message: string): ImportOutcome => ({ name, status: 'rejected', message, article: null })
  try {
    const info = await stat(file)
    if (!info.isFile()) return rejected(`${name}: not a file.`)
    if (info.size > MAX_IMPORT_BYTES) {
      return rejected(tooLargeMessage(name, info.size))
    }
    return await library.importFile({ name, bytes: new Uint8Array(await readFile(file)) })
  } catch (err) {
    if (err instanceof HamishError) return rejected(err.message)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return rejected(`${name}: no such file.`)
    if (code === 'EACCES' || code === 'EPERM') return rejected(`${name}: permission denied.`)
    throw err
  }
}

const COLUMNS = ['id', 'title', 'date', 'lang', 'dir', 'fingerprint', 'chars'] as const

function row(a: ArticleSummary): string[] {
  return [
    a.id,
    a.trashed ? `${a.title} (in trash)` : a.title,
    a.date ?? '-',
    a.lang,
    a.dir,
    a.fingerprint,
    String(a.chars),
  ]
}

/** `hamish list [--json]`: one line per article, tab-separated so it pipes into cut and awk. */
export async function listCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--json'])
  if (positional.length > 0) throw new UsageError('list takes no arguments')
  const articles = library.listArticles()
  if (flags.has('--json')) io.out(JSON.stringify(articles, null, 2))
  else {
    io.out(COLUMNS.join('\t'))
    for (const a of articles) io.out(row(a).join('\t'))
  }
  return 0
}

/**
 * `hamish show ID [--json]`: the metadata, then the plain text that
 * annotation positions count in. The text form adds what a citation needs
 * (authors, container, published, address… as `meta` prints them), the
 * one-line citation exports carry, and the article's `hamish://` link.
 */
export async function showCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--json'])
  if (positional.length !== 1) throw new UsageError('show needs exactly one ARTICLE_ID')
  const article = await library.getArticle(positional[0]!)
  const text = plainText(article.doc)
  if (flags.has('--json')) io.out(JSON.stringify({ ...article.summary, text }, null, 2))
  else {
    const s = article.summary
    io.out(`id: ${s.id}\ntitle: ${s.title}\nsource: ${s.source}\ndate: ${s.date ?? '-'}\nadded: ${s.added}`)
    io.out(`lang: ${s.lang}\ndir: ${s.dir}\ntags: ${s.tags.join(', ')}\nfingerprint: ${s.fingerprint}`)
    for (const line of metaLines(s.meta ?? {})) io.out(line)
    io.out(`citation: ${citationLine(s)}\nlink: ${hamishLink({ articleId: s.id })}`)
    io.out(`chars: ${s.chars}\n`)
    io.out(text)
  }
  return 0
}

/**
 * `hamish annotations list|export|import …`: list an article's annotations,
 * save them as a W3C file, or merge a colleague's file (or a Hypothesis export).
 */
export async function annotationsCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'export') return annotationsExport(library, rest, io)
  if (sub === 'import') return annotationsImport(library, rest, io)
  if (sub === 'resolve') return annotationsResolve(library, rest, io)
  if (sub !== 'list') throw new UsageError('annotations needs a subcommand: list, export, import or resolve')
  const { positional, flags } = parseArgs(rest, ['--json', '--all'])
  if (positional.length !== 1) throw new UsageError('annotations list needs exactly one ARTICLE_ID')
  const annotations = await library.listAnnotations(positional[0]!, { includeDeleted: flags.has('--all') })
  if (flags.has('--json')) {
    io.out(JSON.stringify(annotations, null, 2))
    return 0
  }
  // their-versions: the ids of colleagues' versions waiting beside it, for `annotations resolve` ('-': none).
  io.out(
    ['id', 'color', 'start', 'end', 'anchored', 'author', 'modified', 'their-versions', 'quote', 'note'].join(
      '\t',
    ),
  )
  for (const a of annotations) {
    const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
    io.out(
      [
        a.id,
        // A note or reply is shown in no colour: its stored one means nothing to the reader.
        a.about ? '-' : a.body.color,
        a.anchor ? String(a.anchor.start) : '-',
        a.anchor ? String(a.anchor.end) : '-',
        a.deleted ? 'deleted' : a.about ? noteKind(a.about) : (a.anchor?.method ?? 'orphaned'),
        a.creator.name,
        a.modified,
        a.others?.length ? a.others.map(versionId).join(',') : '-',
        // A note marks no passage: an article note has none, a reply names what it answers.
        a.target
          ? oneLine(a.target.quote.exact)
          : a.about?.kind === 'reply'
            ? `reply-to:${a.about.annotationId}`
            : '-',
        oneLine(a.body.note),
      ].join('\t'),
    )
  }
  return 0
}

/** The status column of a note that marks no passage (never "orphaned"). */
function noteKind(about: AnnotationAbout): string {
  return about.kind === 'reply' ? 'reply' : 'article-note'
}

const CONFLICT_CHOICES: readonly ConflictChoice[] = ['theirs', 'mine', 'both']

/**
 * `hamish annotations resolve ARTICLE_ID ANNOTATION_ID VERSION_ID --use
 * theirs|mine|both`: settles one "their version" as the app's buttons do
 * (its id is in the their-versions column of `annotations list`), so a
 * conflict met at the terminal need not wait for the app.
 */
async function annotationsResolve(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags, values } = parseArgs(argv, ['--json'], ['--use'])
  if (positional.length !== 3)
    throw new UsageError('annotations resolve needs ARTICLE_ID ANNOTATION_ID VERSION_ID')
  const use = values.get('--use')
  if (!use) throw new UsageError('annotations resolve needs --use theirs, mine or both')
  if (!(CONFLICT_CHOICES as readonly string[]).includes(use))
    throw new UsageError(`--use is theirs, mine or both, not ${use}`)
  const [articleId, annotationId, versionId] = positional as [string, string, string]
  const result = await library.resolveAnnotationConflict(
    articleId,
    annotationId,
    versionId,
    use as ConflictChoice,
  )
  if (flags.has('--json')) {
    io.out(JSON.stringify(result, null, 2))
    return 0
  }
  const note = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim())
  const waiting = result.annotation.others?.length ?? 0
  const done =
    use === 'theirs'
      ? `Used their version of ${annotationId}: its note is now ${note(result.annotation.body.note)}.`
      : use === 'mine'
        ? `Kept your version of ${annotationId}; their version is set aside.`
        : `Kept both: ${annotationId} stays as it was, and ${result.added?.id ?? 'a new annotation'} on the same passage carries their note ${note(result.added?.body.note ?? '')}.`
  io.out(done)
  io.out(
    waiting === 0
      ? 'No other version waits beside it.'
      : `${waiting} other version${waiting === 1 ? '' : 's'} still wait${waiting === 1 ? 's' : ''} beside it.`,
  )
  return 0
}

/**
 * `hamish export ARTICLE_ID --format FORMAT --out FILE [--paper A4|Letter]
 * [--sort position|date] [--group none|colour|tag] [--group-by-color]
 * [--lang ar|en]`: written whole or not at all; PDF
 * through headless Chromium. The export's own words are in `--lang`, else
 * Arabic when the library's interface language is set to Arabic, else
 * English (a terminal has no interface language of its own to follow).
 */
export async function exportCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags, values } = parseArgs(
    argv,
    ['--group-by-color', '--json'],
    ['--format', '--out', '--paper', '--lang', '--sort', '--group'],
  )
  const format = values.get('--format')
  if (!format || !isExportFormat(format)) {
    throw new UsageError(`export needs --format, one of ${EXPORT_FORMATS.join(', ')}`)
  }
  if (positional.length === 0) throw new UsageError('export needs an ARTICLE_ID')
  const citation = isCitationFormat(format)
  if (positional.length !== 1 && !citation) {
    const several = EXPORT_FORMATS.filter(isCitationFormat).join(' or ')
    throw new UsageError(`export of ${format} takes exactly one ARTICLE_ID (several only with ${several})`)
  }
  const out = values.get('--out')
  if (!out) throw new UsageError('export needs --out FILE')
  if (citation) return exportCitations(library, positional, format, resolve(out), flags.has('--json'), io)
  const paper = values.get('--paper') ?? 'A4'
  if (paper !== 'A4' && paper !== 'Letter') throw new UsageError('--paper is A4 or Letter')
  const lang = values.get('--lang') ?? (library.getSettings().language === 'ar' ? 'ar' : 'en')
  if (lang !== 'ar' && lang !== 'en') throw new UsageError('--lang is ar or en')
  const sort = values.get('--sort') ?? 'position'
  const notesOrder = NOTES_ORDERS.find((o) => o === sort)
  if (!notesOrder) throw new UsageError(`--sort is ${NOTES_ORDERS.join(' or ')}`)
  // --group-by-color is the old spelling of --group colour; `color` is accepted too.
  const groupWord = values.get('--group') ?? (flags.has('--group-by-color') ? 'colour' : 'none')
  const notesGroup = NOTES_GROUPS.find((g) => g === (groupWord === 'color' ? 'colour' : groupWord))
  if (!notesGroup) throw new UsageError(`--group is ${NOTES_GROUPS.join(', ')}`)
  const article = await library.getArticle(positional[0]!)
  if (io.interactive) io.err(`Exporting “${article.summary.title}” as ${format}…`)
  const file = await renderExport(
    article,
    { format, paper, notesOrder, notesGroup, labelLang: lang },
    printHtmlToPdf,
  )
  const target = resolve(out)
  await writeExportFile(target, file.bytes)
  if (flags.has('--json')) io.out(JSON.stringify({ path: target, format, bytes: file.bytes.byteLength }))
  else io.out(`Exported ${format} to ${target} (${file.bytes.byteLength} bytes).`)
  return 0
}

/**
 * `hamish export ID… --format csl-json|bibtex --out FILE`: the citations of
 * one or several articles in one file. Every id is looked up before
 * anything is written, so one unknown id leaves no file behind.
 */
async function exportCitations(
  library: Library,
  ids: string[],
  format: CitationFormat,
  target: string,
  json: boolean,
  io: Output,
): Promise<number> {
  const summaries = ids.map((id) => library.getSummary(id))
  const text = format === 'csl-json' ? toCslJson(summaries) : toBibtex(summaries)
  const bytes = new TextEncoder().encode(text)
  await writeExportFile(target, bytes)
  if (json) io.out(JSON.stringify({ path: target, format, articles: ids.length, bytes: bytes.byteLength }))
  else
    io.out(
      `Exported ${ids.length} citation${ids.length === 1 ? '' : 's'} as ${format} to ${target} (${bytes.byteLength} bytes).`,
    )
  return 0
}

/** `hamish annotations export ARTICLE_ID --out FILE [--bundle]`. */
async function annotationsExport(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags, values } = parseArgs(argv, ['--bundle', '--json'], ['--out'])
  if (positional.length !== 1) throw new UsageError('annotations export needs exactly one ARTICLE_ID')
  const out = values.get('--out')
  if (!out) throw new UsageError('annotations export needs --out FILE')
  const file = await library.exportAnnotationFile(positional[0]!, { bundle: flags.has('--bundle') })
  const target = resolve(out)
  await writeExportFile(target, file.bytes)
  if (flags.has('--json')) io.out(JSON.stringify({ path: target, bytes: file.bytes.byteLength }))
  else io.out(`Exported annotations to ${target} (${file.bytes.byteLength} bytes).`)
  return 0
}

/**
 * `hamish annotations import FILE [--article ID] [--orphans] [--json]`: the
 * report lists every item's fate; `--orphans` imports into an article where
 * none of the file's passages is found (refused otherwise).
 */
async function annotationsImport(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags, values } = parseArgs(argv, ['--json', '--orphans'], ['--article'])
  if (positional.length !== 1) throw new UsageError('annotations import needs exactly one FILE')
  return importAnnotationFile(library, positional[0]!, io, {
    json: flags.has('--json'),
    articleId: values.get('--article'),
    confirmOrphans: flags.has('--orphans'),
  })
}

/**
 * One annotation file merged and its report printed: `annotations import`,
 * and `hamish import` for a `.json` among its files (what a drop on the
 * window does in the app). Without `articleId` a file whose article is not
 * here, or whose passages are all missing, is refused with how to go on
 * (`annotations import FILE --article ID` or `--orphans`). Exit code 1 then.
 */
async function importAnnotationFile(
  library: Library,
  path: string,
  io: Output,
  options: { json: boolean; articleId?: string; confirmOrphans: boolean; flagsOf?: 'import' },
): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw new HamishError('not-found', `${basename(path)}: no such file.`)
  if (info.size > MAX_IMPORT_BYTES)
    throw new HamishError('too-large', tooLargeMessage(basename(path), info.size))
  const result = await library.importAnnotationFile({
    name: basename(path),
    bytes: new Uint8Array(await readFile(path)),
    articleId: options.articleId,
    confirmOrphans: options.confirmOrphans,
  })
  // From `hamish import`, which has no --article or --orphans: the command that has them.
  const fromImport = options.flagsOf === 'import'
  const withFlag = (flag: string): string =>
    fromImport ? `\`hamish annotations import ${path} ${flag}\`` : flag
  if (result.status === 'all-orphans') {
    io.err(
      `hamish: none of the file's ${result.count} passages is in “${result.articleTitle}”: all would be unplaced notes. ` +
        `Nothing was imported. Check the article, ask for a bundle (--bundle), or ${fromImport ? 'run' : 'add'} ${withFlag('--orphans')} to import them anyway.`,
    )
    if (options.json) io.out(JSON.stringify(result, null, 2))
    return 1
  }
  if (result.status === 'needs-article') {
    const lines = result.candidates.map((c) => `  ${c.articleId}  ${c.title}  (score ${c.score.toFixed(2)})`)
    io.err(
      `hamish: no article here has this file's fingerprint (“${result.fileTitle}”). ` +
        `Choose one with ${withFlag('--article ID')}${lines.length ? `; the closest:\n${lines.join('\n')}` : '.'}`,
    )
    if (options.json) io.out(JSON.stringify(result, null, 2))
    return 1
  }
  const r = result.report
  if (options.json) io.out(JSON.stringify(r, null, 2))
  else {
    io.out(`${r.articleCreated ? 'Created' : 'Merged into'} “${r.articleTitle}” (${r.articleId}):`)
    io.out(
      `  added ${r.added.length}, updated ${r.updated.length}, unchanged ${r.unchanged.length}, ` +
        `conflicts ${r.conflicts.length}, orphaned ${r.orphaned.length}, rejected ${r.rejected.length}`,
    )
    if (r.deleted.length) io.out(`  deleted here as in the file: ${r.deleted.join(', ')}`)
    if (r.older.length) io.out(`  older in the file, yours kept: ${r.older.join(', ')}`)
    for (const c of r.conflicts) {
      io.out(`  conflict ${c.id}: showing the ${c.kept} version (${c.reason})`)
      if (c.ours) io.out(`    yours:  ${c.ours.deleted ? '(deleted)' : JSON.stringify(c.ours.note)}`)
      if (c.theirs) io.out(`    theirs: ${c.theirs.deleted ? '(deleted)' : JSON.stringify(c.theirs.note)}`)
    }
    if (r.ahead.length) io.out(`  dated ahead of this computer's clock: ${r.ahead.join(', ')}`)
    for (const x of r.adjusted ?? []) io.out(`  kept with a change ${x.id ?? '(no id)'}: ${x.reason}`)
    for (const x of r.rejected) io.out(`  rejected ${x.id ?? '(no id)'}: ${x.reason}`)
  }
  return 0
}

/**
 * `hamish search QUERY [--json] [--exact] [--whole-word] [--all | --limit N]`:
 * every article's text, title, tags and annotations through the search
 * index. Each article gives its total match count, so a researcher can count
 * occurrences; the matches listed are the first 50 (DEFAULT_MATCHES_PER_ARTICLE),
 * the first N, or all of them. Positions are code points of the article's
 * plain text (of the field, for titles, quotes, notes and tags). Exit code 1
 * when nothing was found.
 */
export async function searchCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional, flags, values } = parseArgs(
    argv,
    ['--json', '--exact', '--whole-word', '--all'],
    ['--limit'],
  )
  if (positional.length === 0) throw new UsageError('search needs a QUERY')
  const query = positional.join(' ')
  const folded = !flags.has('--exact')
  // Only spaces, or only diacritics and tatweel (which folding removes): nothing a search could look for.
  if ((folded ? foldQuery(query) : query).trim() === '')
    throw new UsageError(
      'search needs a QUERY with letters, digits or punctuation (diacritics alone are ignored)',
    )
  const results = await library.search(query, {
    folded,
    wholeWord: flags.has('--whole-word'),
    limitPerArticle: matchLimit(flags.has('--all'), values.get('--limit')),
  })
  if (flags.has('--json')) io.out(JSON.stringify(results, null, 2))
  else {
    const oneLine = (s: string) => s.replace(/\s+/g, ' ')
    for (const r of results) {
      const count = `${r.total} match${r.total === 1 ? '' : 'es'}`
      io.out(
        `${r.articleId}\t${r.title}\t${r.matches.length < r.total ? `${r.matches.length} of ${count}` : count}`,
      )
      for (const m of r.matches) {
        const where = m.field === 'text' ? '' : `${m.field}${m.annotationId ? ` ${m.annotationId}` : ''} `
        io.out(
          `  ${where}${m.start}-${m.end}\t${oneLine(m.text)}\t${oneLine(m.snippet.before)}[${oneLine(m.snippet.match)}]${oneLine(m.snippet.after)}`,
        )
      }
    }
    const shown = [...query].length > 80 ? `${[...query].slice(0, 80).join('')}…` : query
    if (results.length === 0) io.err(`No matches for “${shown}”.`)
  }
  return results.length ? 0 : 1
}

/** Matches listed per article: all (`--all`), N (`--limit N`, a positive whole number) or the default. */
function matchLimit(all: boolean, limit: string | undefined): number {
  if (all && limit !== undefined) throw new UsageError('search takes --all or --limit N, not both')
  if (all) return Infinity
  if (limit === undefined) return DEFAULT_MATCHES_PER_ARTICLE
  if (!/^[1-9][0-9]*$/.test(limit) || !Number.isSafeInteger(Number(limit)))
    throw new UsageError(`--limit needs a positive whole number, not ${limit}`)
  return Number(limit)
}
