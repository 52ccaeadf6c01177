import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotationThreads, threadOf } from '../../../common/annotation-threads'
import { dispatchCall } from '../../../common/contract/dispatch'
import { createApiService } from '../../../main/library/api-service'
import { downloadExports } from '../../../main/export/export-host'
import { printHtmlToPdf } from '../../../main/export/print-html-chromium'
import { useTempDir } from '../../support/store-helpers'
import { member } from '../team/team-library'

// Issue 15, notes beyond highlights: article notes and replies in a real library on disk,
// through a W3C file into another library, and through a team folder.

const tmp = useTempDir('hamish-notes-')

describe('article notes and replies in the library', () => {
  it('are stored in the article’s log, read back after reopening, never anchored, and counted', async () => {
    const a = await member(tmp.path, 'a', { sample: true })
    const id = a.library.listArticles()[0]!.id
    const hl = await a.highlight(id, 'موسكو', 'عاصمة')
    const note = await a.library.addNote({ articleId: id, about: { kind: 'article' }, note: 'مقال **مهم**' })
    const reply = await a.library.addNote({
      articleId: id,
      about: { kind: 'reply', annotationId: hl.id },
      note: 'أوافق',
    })
    const replyToReply = await a.library.addNote({
      articleId: id,
      about: { kind: 'reply', annotationId: reply.id },
      note: 'وأنا',
    })
    expect(note).toMatchObject({ about: { kind: 'article' }, anchor: null })
    expect(note.target).toBeUndefined()
    // The log holds them as one line each, without a target.
    const log = await readFile(join(a.dir, 'annotations', `${id}.jsonl`), 'utf8')
    const records = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line.slice(9)) as { id: string; target?: unknown; about?: unknown })
    expect(records.find((r) => r.id === replyToReply.id)).toMatchObject({
      about: { kind: 'reply', annotationId: reply.id },
    })
    expect(records.find((r) => r.id === replyToReply.id)!.target).toBeUndefined()
    await a.close()

    const again = await member(tmp.path, 'a')
    const live = (await again.library.getArticle(id)).annotations
    expect(live.map((x) => x.id).sort()).toEqual([hl.id, note.id, reply.id, replyToReply.id].sort())
    expect(live.filter((x) => x.about).every((x) => x.anchor === null)).toBe(true)
    expect(again.library.listArticles()[0]!.annotationCount).toBe(4)
    // The library search finds a reply by its note.
    const found = await again.library.search('وأنا', {})
    expect(found.flatMap((r) => r.matches.map((m) => [m.field, m.annotationId]))).toContainEqual([
      'note',
      replyToReply.id,
    ])
    // Edited and deleted like a highlight; a reply to a deleted note stays.
    const edited = await again.library.updateAnnotation(id, reply.id, { note: 'أوافق تمامًا' }, reply.modified)
    expect(edited.body.note).toBe('أوافق تمامًا')
    await again.library.deleteAnnotation(id, reply.id)
    const after = (await again.library.getArticle(id)).annotations
    expect(after.find((x) => x.id === replyToReply.id)).toBeDefined()
    // The deleted reply keeps its place in the thread (a placeholder), the reply under it stays under it.
    expect(after.find((x) => x.id === reply.id)).toMatchObject({ deleted: true, anchor: null })
    const threads = annotationThreads(after)
    expect(threads.orphanReplies).toEqual([])
    expect(threadOf(threads, hl.id).map((t) => [t.reply.id, t.depth, t.reply.deleted])).toEqual([
      [reply.id, 1, true],
      [replyToReply.id, 2, false],
    ])
    expect(again.library.listArticles()[0]!.annotationCount).toBe(3)
    await again.close()
  })

  it('the API refuses an empty note, a reply to nothing, and a malformed kind, changing nothing', async () => {
    const a = await member(tmp.path, 'a', { sample: true })
    const id = a.library.listArticles()[0]!.id
    const api = createApiService(a.library, { host: downloadExports, printPdf: printHtmlToPdf })
    const call = (req: unknown) => dispatchCall(api, 'addNote', [req])
    await expect(call({ articleId: id, about: { kind: 'article' }, note: '  ' })).rejects.toThrow(
      /the note is empty/,
    )
    await expect(call({ articleId: id, about: { kind: 'page' }, note: 'x' })).rejects.toThrow()
    await expect(
      call({ articleId: id, about: { kind: 'reply', annotationId: 'no-such-note' }, note: 'x' }),
    ).rejects.toMatchObject({ code: 'not-found' })
    expect((await a.library.getArticle(id)).annotations).toEqual([])
    const made = (await call({ articleId: id, about: { kind: 'article' }, note: 'ok' })) as { id: string }
    expect((await a.library.getArticle(id)).annotations.map((x) => x.id)).toEqual([made.id])
    await a.close()
  })

  it('travel in a W3C file to another library, threads and all', async () => {
    const a = await member(tmp.path, 'a', { sample: true })
    await a.library.setDisplayName('سلمى')
    const id = a.library.listArticles()[0]!.id
    const hl = await a.highlight(id, 'موسكو')
    const note = await a.library.addNote({ articleId: id, about: { kind: 'article' }, note: 'عن المقال' })
    const reply = await a.library.addNote({
      articleId: id,
      about: { kind: 'reply', annotationId: hl.id },
      note: 'ردّ',
    })
    const nested = await a.library.addNote({
      articleId: id,
      about: { kind: 'reply', annotationId: reply.id },
      note: 'ردّ على الردّ',
    })
    const file = await a.library.exportAnnotationFile(id, { bundle: false })
    const json = JSON.parse(new TextDecoder().decode(file.bytes)) as {
      first: { items: { id: string; motivation: string; target: unknown }[] }
    }
    const items = new Map(json.first.items.map((i) => [i.id, i]))
    expect(items.get(`urn:uuid:${note.id}`)).toMatchObject({
      motivation: 'commenting',
      target: expect.stringMatching(/^urn:sha256:[0-9a-f]{64}$/),
    })
    expect(items.get(`urn:uuid:${nested.id}`)).toMatchObject({
      motivation: 'replying',
      target: `urn:uuid:${reply.id}`,
    })

    const b = await member(tmp.path, 'b', { sample: true })
    const result = await b.library.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
    if (result.status !== 'imported') throw new Error(result.status)
    expect(result.report.added.sort()).toEqual([hl.id, note.id, reply.id, nested.id].sort())
    expect(result.report.orphaned).toEqual([])
    await b.close()
    // Read back from disk by a fresh process's library.
    const reopened = await member(tmp.path, 'b')
    const got = new Map(
      (await reopened.library.getArticle(result.report.articleId)).annotations.map((x) => [x.id, x]),
    )
    expect(got.get(note.id)).toMatchObject({ about: { kind: 'article' }, body: { note: 'عن المقال' } })
    expect(got.get(reply.id)).toMatchObject({ about: { kind: 'reply', annotationId: hl.id } })
    expect(got.get(nested.id)).toMatchObject({
      about: { kind: 'reply', annotationId: reply.id },
      creator: { name: 'سلمى' },
    })
    await reopened.close()
    await a.close()
  })

  it('a reply made in one team library reaches the other through the team folder', async () => {
    const folder = join(tmp.path, 'team')
    const a = await member(tmp.path, 'a', { sample: true })
    const b = await member(tmp.path, 'b')
    await a.team.join(folder, 'ليلى')
    const articleId = a.library.listArticles()[0]!.id
    await a.team.share(articleId)
    await b.team.join(folder, 'Omar')
    const hl = await a.highlight(articleId, 'الشيباني', 'من ليلى')
    await a.team.sync()
    await b.team.sync()
    const bId = b.library.listArticles()[0]!.id
    const reply = await b.library.addNote({
      articleId: bId,
      about: { kind: 'reply', annotationId: hl.id },
      note: 'ردّ عمر',
    })
    const note = await b.library.addNote({ articleId: bId, about: { kind: 'article' }, note: 'ملاحظة عمر' })
    await b.team.sync()
    await a.team.sync()
    const got = new Map((await a.library.listAnnotations(articleId)).map((x) => [x.id, x]))
    expect(got.get(reply.id)).toMatchObject({
      about: { kind: 'reply', annotationId: hl.id },
      body: { note: 'ردّ عمر' },
      creator: { name: 'Omar' },
    })
    expect(got.get(note.id)).toMatchObject({ about: { kind: 'article' } })
    await a.close()
    await b.close()
  })
})
