import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { unlockLibrary } from '../../../main/library/library-lock'
import { annotationsInLog } from '../../support/annotation-log-file'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

// Issue 11: an article's annotations live in annotations/<id>.jsonl, an append log. A torn
// tail is dropped with a word to the user; damage inside is kept aside and told, never emptied
// silently; the log is compacted now and then without losing a version.

const tmp = useTempDir('hamish-annotation-logs-')

async function annotated(notes: string[]) {
  const library = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
  const id = library.listArticles()[0]!.id
  const text = plainText((await library.getArticle(id)).doc)
  const quote = 'الشيباني'
  const start = Array.from(text.slice(0, text.indexOf(quote))).length
  const made = []
  for (const note of notes)
    made.push(
      await library.addAnnotation({ articleId: id, start, end: start + 8, quote, color: 'green', note }),
    )
  unlockLibrary(tmp.path)
  return { library, id, made, log: join(tmp.path, 'annotations', `${id}.jsonl`) }
}

describe('an annotation log', () => {
  it('with a torn last line (a crash during an append) drops it, keeps every saved one, and says so', async () => {
    const { id, log } = await annotated(['one', 'two'])
    await appendFile(log, '3f2a91bc {"id":"cut-sh')

    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['one', 'two'])
    expect(reopened.listNotices().map((n) => [n.level, n.text?.key])).toEqual([
      ['info', 'messages.annotationLogTornTail'],
    ])
    expect(reopened.listArticles()[0]!.annotationCount).toBe(2)
    expect((await readFile(log, 'utf8')).endsWith('\n')).toBe(true)
  })

  it('with a damaged line inside keeps the file aside, restores the rest, and names what is missing', async () => {
    const { id, log } = await annotated(['one', 'two', 'three'])
    const lines = (await readFile(log, 'utf8')).split('\n')
    lines[1] = lines[1]!.replace('two', 'TWO') // The checksum no longer matches.
    await writeFile(log, lines.join('\n'))

    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['one', 'three'])
    const [notice] = reopened.listNotices()
    expect(notice).toMatchObject({ level: 'error', text: { key: 'messages.annotationLogDamaged' } })
    expect(notice!.message).toContain('(1 in all)')
    const kept = (await readdir(join(tmp.path, 'annotations'))).filter((n) => n.includes('.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(notice!.message).toContain(kept[0])
    expect(await readFile(join(tmp.path, 'annotations', kept[0]!), 'utf8')).toContain('TWO')
  })

  it('with a record that is not an annotation (a valid line of the wrong shape) treats it as damage, never as data', async () => {
    const { id, log } = await annotated(['one'])
    const json = JSON.stringify({ id: 'x', target: 'nowhere' })
    await appendFile(log, `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`)
    await appendFile(log, (await readFile(log, 'utf8')).split('\n')[0]! + '\n')

    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['one'])
    expect(reopened.listNotices().map((n) => n.text?.key)).toEqual(['messages.annotationLogDamaged'])
  })

  it('is compacted after many changes: fewer lines, every annotation at its newest version', async () => {
    const { library, id, made, log } = await annotated(['a', 'b'])
    let current = made[0]!
    for (let i = 0; i < 300; i++)
      current = await library.updateAnnotation(id, current.id, { note: `edit ${i}` }, current.modified)
    // One more change takes its turn after the compaction it queued.
    await library.updateAnnotation(id, made[1]!.id, { note: 'b2' }, made[1]!.modified)

    const lines = (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '')
    expect(lines.length).toBeLessThan(100)
    expect((await annotationsInLog(tmp.path, id)).map((a) => a.body.note)).toEqual(['edit 299', 'b2'])
    const reopened = await Library.open(tmp.path, { sample: SAMPLE_ARTICLE })
    expect((await reopened.listAnnotations(id)).map((a) => a.body.note)).toEqual(['edit 299', 'b2'])
  })
})
