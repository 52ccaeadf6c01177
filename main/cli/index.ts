import { pathToFileURL } from 'node:url'
import { defaultLibraryDir } from '../library/default-dir'
import { Library } from '../library/library'
import { pickLibraryDir } from '../library/library-dir-arg'
import { findAssetsDir, loadSample, moduleDir } from '../library/sample'
import { usePdfPageThreadsBeside } from '../import/pdf-page-threads'
import { HamishError } from '../../common/errors'
import { EXPORT_FORMATS, isCitationFormat } from '../../common/export/formats'
import { UsageError } from './args'
import { teamCommand } from './team-command'
import { metaCommand } from './meta-command'
import { linkCommand } from './link-command'
import { terminalText } from './terminal-text'
import { processOutput } from './process-output'
import {
  annotationsCommand,
  exportCommand,
  importCommand,
  listCommand,
  searchCommand,
  showCommand,
  type Output,
} from './commands'

const ARTICLE_FORMATS = EXPORT_FORMATS.filter((f) => !isCitationFormat(f))
const CITATION_FORMATS = EXPORT_FORMATS.filter(isCitationFormat)

const USAGE = `usage: hamish COMMAND [--library DIR] [--json]

commands:
  import FILE|URL... [--allow-private]
                     import .txt, .md, .html, .xhtml, .epub, .docx or .pdf files, or save pages
                     from http(s) addresses (--allow-private: also from this computer or a
                     private network); a .json annotation file is merged into its article
                     afterwards, as with annotations import
  list               list the articles: id, title, date, language, direction, fingerprint, characters
  show ARTICLE_ID    print an article's metadata, citation, link and plain text
  link ARTICLE_ID [ANNOTATION_ID]
                     print the hamish:// link that opens the article (at the annotation) in the app
  meta ARTICLE_ID [--set KEY=VALUE]... [--unset KEY]...
                     print an article's citation details, or change them first; keys: authors
                     (names separated by ;), container, publisher, published (YYYY, YYYY-MM or
                     YYYY-MM-DD), language, url, doi, isbn, pages, volume,
                     issue, kind
  export ARTICLE_ID --format ${ARTICLE_FORMATS.join('|')} --out FILE [--paper A4|Letter] [--sort position|date] [--group none|colour|tag] [--lang ar|en]
                     export an article with its highlights and notes
  export ARTICLE_ID... --format ${CITATION_FORMATS.join('|')} --out FILE
                     export the citations of one or several articles (for Zotero, Pandoc, LaTeX)
  annotations list ARTICLE_ID [--all]
                     list an article's annotations and where each anchors now
                     (--all includes deleted ones)
  annotations export ARTICLE_ID --out FILE [--bundle]
                     save them as a W3C Web Annotation file (--bundle adds the article)
  annotations import FILE [--article ID]
                     merge a colleague's file (or a Hypothesis export) into the library
  annotations resolve ARTICLE_ID ANNOTATION_ID VERSION_ID --use theirs|mine|both
                     settle a colleague's version waiting beside an annotation (its id is in
                     the their-versions column of annotations list)
  search QUERY [--exact] [--whole-word] [--all | --limit N]
                     search every article's text, titles, tags, quotes and notes (diacritics and
                     letter variants ignored unless --exact); prints id, title, the article's total
                     match count, and each match's start-end in code points of the plain text with
                     its original text: the first 50 matches of an article, N, or --all
  team join FOLDER --as NAME
                     join the team library in FOLDER (a folder your sync engine keeps in step),
                     or create one there if it is empty; NAME is how colleagues see you
  team share ARTICLE_ID | team unshare ARTICLE_ID
                     share an article (and your annotations on it) with the team, or stop
  team sync          one pass: write yours, read everyone's, merge, print what changed
  team status        the team, its members and when each was last seen, what you share
  team leave         stop syncing (your library keeps everything; the folder keeps what was shared)

The library is --library DIR, else $HAMISH_LIBRARY, else the app's own library.`

const COMMANDS = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  link: linkCommand,
  meta: metaCommand,
  annotations: annotationsCommand,
  export: exportCommand,
  search: searchCommand,
  team: teamCommand,
}

/**
 * Runs one command line; returns the process exit code (0 ok, 1 failed, 2
 * usage). Every line it prints, results and errors alike, goes through
 * `terminalText`, so nothing from an article, a file or its name can drive
 * the terminal.
 */
export async function runCli(argv: string[], rawIo: Output): Promise<number> {
  const io: Output = {
    out: (line) => rawIo.out(terminalText(line)),
    err: (line) => rawIo.err(terminalText(line)),
    interactive: rawIo.interactive,
  }
  let library: Library | null = null
  try {
    const { dir, rest } = pickLibraryDir(argv, process.env, defaultLibraryDir())
    const [name, ...args] = rest
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.out(USAGE)
      return name ? 0 : 2
    }
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, name)) throw new UsageError(`unknown command ${name}`)
    // A long PDF is read on several threads, the page thread being built beside the CLI (out/main/).
    usePdfPageThreadsBeside(import.meta.url)
    library = await Library.open(dir, { sample: loadSample(findAssetsDir(moduleDir(import.meta.url))) })
    tellNotices(library, io)
    return await COMMANDS[name as keyof typeof COMMANDS](library, args, io)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`hamish: ${err.message}\n\n${USAGE}`)
      return 2
    }
    if (err instanceof HamishError) {
      io.err(`hamish: ${err.message}`)
      return 1
    }
    io.err(`hamish: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  } finally {
    // What the library found and mended while the command ran (a damaged file restored from its backup).
    if (library) tellNotices(library, io)
    // The counts a change left waiting, so the next open need not count that article again.
    await library?.flush()
  }
}

/** Prints each notice once, to stderr, and dismisses it. */
function tellNotices(library: Library, io: Output): void {
  for (const notice of library.listNotices()) {
    io.err(`hamish: ${notice.message}`)
    library.dismissNotice(notice.id)
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntry) {
  runCli(process.argv.slice(2), processOutput()).then((code) => {
    process.exitCode = code
  })
}

export { processOutput }
