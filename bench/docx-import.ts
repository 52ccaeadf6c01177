import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { plainText } from '../common/plain-text'
import { importFileWithNotes } from '../main/import/import-file'
import { median, round } from './stats'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE = join(ROOT, 'tests/fixtures/amiri-Documentation-Arabic.md')
/** Words on a printed page, the usual estimate for a single-spaced manuscript page. */
const WORDS_PER_PAGE = 500

/**
 * DOCX import speed: the Amiri font's Arabic documentation (corpus Markdown)
 * repeated to about 100 pages and made into one .docx by Pandoc; Hamish's
 * conversion (`importFileWithNotes`: the zip check, mammoth, the reducer and
 * the schema check, in process as the CLI does it) against Pandoc's own
 * DOCX reader on the same file (`pandoc -f docx -t plain`, process start
 * included) in the same run. Medians of `rounds` after one warm-up each.
 */
export async function benchDocxImport(targetPages = 100, rounds = 5): Promise<Record<string, unknown>> {
  const markdown = readFileSync(SOURCE, 'utf8')
  const words = markdown.split(/\s+/).filter(Boolean).length
  const copies = Math.ceil((targetPages * WORDS_PER_PAGE) / words)
  const dir = await mkdtemp(join(tmpdir(), 'hamish-bench-docx-'))
  try {
    await writeFile(join(dir, 'long.md'), Array.from({ length: copies }, () => markdown).join('\n\n'))
    await run('pandoc', ['long.md', '-f', 'markdown', '-o', 'long.docx'], { cwd: dir })
    const docx = new Uint8Array(await readFile(join(dir, 'long.docx')))

    const hamish = async (): Promise<{ ms: number; chars: number }> => {
      const started = performance.now()
      const { article } = await importFileWithNotes('long.docx', docx)
      const ms = performance.now() - started
      return { ms, chars: plainText(article.doc).length }
    }
    const pandoc = async (): Promise<{ ms: number; chars: number }> => {
      const started = performance.now()
      const { stdout } = await run('pandoc', ['long.docx', '-f', 'docx', '-t', 'plain', '--wrap=none'], {
        cwd: dir,
        maxBuffer: 256 * 1024 * 1024,
      })
      return { ms: performance.now() - started, chars: stdout.length }
    }
    await hamish()
    await pandoc()
    const ours: number[] = []
    const theirs: number[] = []
    let chars = { hamish: 0, pandoc: 0 }
    for (let i = 0; i < rounds; i++) {
      const a = await hamish()
      const b = await pandoc()
      ours.push(a.ms)
      theirs.push(b.ms)
      chars = { hamish: a.chars, pandoc: b.chars }
    }
    const pages = round((words * copies) / WORDS_PER_PAGE, 0)
    const hamishMs = median(ours)
    const pandocMs = median(theirs)
    return {
      case: 'DOCX import: Amiri Arabic documentation ×N made by Pandoc, against pandoc -f docx -t plain',
      docxKB: round(docx.length / 1000),
      words: words * copies,
      pagesEstimated: pages,
      textChars: chars,
      hamishMs: round(hamishMs),
      pandocMs: round(pandocMs),
      hamishPagesPerSecond: round(pages / (hamishMs / 1000)),
      pandocPagesPerSecond: round(pages / (pandocMs / 1000)),
      ratioHamishToPandoc: round(hamishMs / pandocMs),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
