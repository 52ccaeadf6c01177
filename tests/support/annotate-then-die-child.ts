/**
 * The child of tests/unit/library/derived-after-kill.test.ts, bundled with
 * esbuild and run with plain `node`: `node child.mjs LIBRARY_DIR NOTE`. Opens
 * the library (its only article, the sample), searches once so the search
 * index is loaded as in a running app, saves a highlight carrying NOTE, prints
 * `ack ID` once it is acknowledged, and kills itself with SIGKILL at once:
 * after the annotation's own write and before anything that follows from it
 * (the counts file is written seconds later; nothing else is written).
 */
import { plainText } from '../../common/plain-text'
import { Library } from '../../main/library/library'

const [dir, note] = process.argv.slice(2)
if (!dir || !note) throw new Error('usage: annotate-then-die-child LIBRARY_DIR NOTE')

const library = await Library.open(dir, { noSample: true })
const id = library.listArticles()[0]!.id
await library.search(note, {})
const text = plainText((await library.getArticle(id)).doc)
const quote = 'الشيباني'
const start = Array.from(text.slice(0, text.indexOf(quote))).length
const made = await library.addAnnotation({
  articleId: id,
  start,
  end: start + Array.from(quote).length,
  quote,
  color: 'green',
  note,
})
process.stdout.write(`ack ${made.id}\n`)
process.kill(process.pid, 'SIGKILL')
