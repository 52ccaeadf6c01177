import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AnnotationImportReport } from '../../../common/contract/annotation-import'
import { plainText } from '../../../common/plain-text'
import { versionId } from '../../../common/sharing'
import { runCli } from '../../../main/cli/index'
import { Library } from '../../../main/library/library'
import { snapshotDir } from '../../support/library-dir'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

const sample = SAMPLE_ARTICLE

const tmp = useTempDir('hamish-concurrent-')

/** A library with the sample; `clock` moves its time on by a minute per call so edits are ordered. */
async function open(name: string, startMinute: number): Promise<{ library: Library; id: string }> {
  let minute = startMinute
  const library = await Library.open(join(tmp.path, name), {
    sample,
    now: () => new Date(Date.parse('2026-11-30T10:00:00.000Z') + minute++ * 60_000),
  })
  return { library, id: library.listArticles()[0]!.id }
}

async function highlight(library: Library, id: string, word: string, note: string): Promise<string> {
  const text = plainText((await library.getArticle(id)).doc)
  const start = Array.from(text.slice(0, text.indexOf(word))).length
  const made = await library.addAnnotation({
    articleId: id,
    start,
    end: start + Array.from(word).length,
    quote: word,
    color: 'blue',
    note,
  })
  return made.id
}

async function share(from: { library: Library; id: string }, to: Library): Promise<AnnotationImportReport> {
  const file = await from.library.exportAnnotationFile(from.id, { bundle: false })
  const result = await to.importAnnotationFile({ name: file.fileName, bytes: file.bytes })
  if (result.status !== 'imported') throw new Error(`not imported: ${result.status}`)
  return result.report
}

describe('concurrent edits of one note between two libraries (issue 10 item 1)', () => {
  it('keeps both texts, names the note in the report with both, and `annotations list --json` shows their version', async () => {
    const layla = await open('layla', 0)
    const salma = await open('salma', 0)
    const omar = await open('omar', 30)
    // Layla's note reaches both; Omar extends it; meanwhile Salma edits the same note.
    const noteId = await highlight(layla.library, layla.id, 'موسكو', 'عاصمة')
    await share(layla, salma.library)
    await share(layla, omar.library)
    await omar.library.updateAnnotation(omar.id, noteId, { note: 'عاصمة روسيا، ذكرها عمر' })
    await salma.library.updateAnnotation(salma.id, noteId, { note: 'عاصمة — تعديل سلمى' })

    const report = await share(omar, salma.library)
    expect(report.updated).toEqual([])
    expect(report.older).toEqual([])
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        id: noteId,
        ours: expect.objectContaining({ note: 'عاصمة — تعديل سلمى' }),
        theirs: expect.objectContaining({ note: 'عاصمة روسيا، ذكرها عمر' }),
        // Salma's stays shown in her library, Omar's beside it as "their version".
        kept: 'local',
        reason: expect.stringMatching(/both sides changed it since the version they share \(note\)/),
      }),
    ])
    const [kept] = (await salma.library.getArticle(salma.id)).annotations
    expect([kept!.body.note, ...(kept!.others ?? []).map((o) => o.body.note)].sort()).toEqual(
      ['عاصمة روسيا، ذكرها عمر', 'عاصمة — تعديل سلمى'].sort(),
    )

    // The CLI shows the kept other version too.
    let out = ''
    const code = await runCli(
      ['annotations', 'list', salma.id, '--json', '--library', join(tmp.path, 'salma')],
      {
        out: (l) => (out += l),
        err: () => undefined,
        interactive: false,
      },
    )
    expect(code).toBe(0)
    const listed = JSON.parse(out) as {
      id: string
      body: { note: string }
      others?: { body: { note: string } }[]
    }[]
    expect(listed[0]!.others?.map((o) => o.body.note)).toEqual(['عاصمة روسيا، ذكرها عمر'])

    // The same edits meet again in Omar's library: his is shown there, hers beside it.
    const back = await share(salma, omar.library)
    expect(back.conflicts).toEqual([
      expect.objectContaining({
        id: noteId,
        reason: expect.stringMatching(/both sides changed it since the version they share \(note\)/),
      }),
    ])
    const [there] = (await omar.library.getArticle(omar.id)).annotations
    expect(there!.body.note).toBe('عاصمة روسيا، ذكرها عمر')
    expect(there!.others?.map((o) => o.body.note)).toEqual(['عاصمة — تعديل سلمى'])
  })

  it('Use theirs, Keep mine and Keep both settle it, and the choice reaches the colleague', async () => {
    for (const choice of ['theirs', 'mine', 'both'] as const) {
      const layla = await open(`layla-${choice}`, 0)
      const salma = await open(`salma-${choice}`, 0)
      const omar = await open(`omar-${choice}`, 30)
      const noteId = await highlight(layla.library, layla.id, 'موسكو', 'عاصمة')
      await share(layla, salma.library)
      await share(layla, omar.library)
      await omar.library.updateAnnotation(omar.id, noteId, { note: 'نص عمر' })
      await salma.library.updateAnnotation(salma.id, noteId, { note: 'نص سلمى' })
      await share(omar, salma.library)
      const [withOthers] = (await salma.library.getArticle(salma.id)).annotations
      const theirs = withOthers!.others!.find((o) => o.body.note === 'نص عمر')!

      const done = await salma.library.resolveAnnotationConflict(salma.id, noteId, versionId(theirs), choice)
      const notes = (await salma.library.getArticle(salma.id)).annotations.map((a) => [a.body.note, a.others])
      if (choice === 'theirs') expect(notes).toEqual([['نص عمر', undefined]])
      if (choice === 'mine') expect(notes).toEqual([['نص سلمى', undefined]])
      if (choice === 'both') {
        expect(notes.sort()).toEqual(
          [
            ['نص سلمى', undefined],
            ['نص عمر', undefined],
          ].sort(),
        )
        expect(done.added!.creator.id).toBe((await salma.library.getProfile()).authorId)
        expect(done.added!.anchor).not.toBeNull()
      }
      // Omar imports Salma's file: he ends with what she chose, with no conflict left.
      const told = await share(salma, omar.library)
      expect(told.conflicts).toEqual([])
      const there = (await omar.library.getArticle(omar.id)).annotations.map((a) => a.body.note).sort()
      expect(there).toEqual(notes.map((n) => n[0]).sort())
      // And his old file does not bring the set-aside version back to her.
      const again = await share(omar, salma.library)
      expect(again.conflicts).toEqual([])
    }
  })

  it('a version no longer there is refused and nothing changes', async () => {
    const salma = await open('salma', 0)
    const noteId = await highlight(salma.library, salma.id, 'موسكو', 'عاصمة')
    const before = await snapshotDir(join(tmp.path, 'salma'))
    await expect(
      salma.library.resolveAnnotationConflict(salma.id, noteId, '0'.repeat(32), 'theirs'),
    ).rejects.toThrow(/no longer there/)
    expect(await snapshotDir(join(tmp.path, 'salma'))).toEqual(before)
  })
})

describe('a shared file cannot rewrite your own annotations (issue 10 item 3)', () => {
  /** Salma's own file, edited by someone else: her ids, her author id, a note changed, another tombstoned. */
  async function forged(salma: { library: Library; id: string }, minutesAhead: number) {
    const file = await salma.library.exportAnnotationFile(salma.id, { bundle: false })
    const json = JSON.parse(new TextDecoder().decode(file.bytes))
    const [first, second] = json.first.items
    const ahead = new Date(Date.now() + minutesAhead * 60_000).toISOString()
    first.body[0].value = 'not what Salma wrote'
    first.modified = ahead
    second['hamish:extension'].deleted = true
    second.modified = ahead
    return { name: 'forged.hamish.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }
  }

  it('changes to your annotations come in as conflicts you accept, a time ahead is reported, and after Keep mine they do not win again', async () => {
    const salma = await Library.open(join(tmp.path, 'salma'), { sample })
    const id = salma.listArticles()[0]!.id
    const one = await highlight(salma, id, 'موسكو', 'ما كتبته سلمى')
    const two = await highlight(salma, id, 'الشيباني', 'ملاحظة ثانية')
    const bad = await forged({ library: salma, id }, 3)
    const result = await salma.importAnnotationFile(bad)
    if (result.status !== 'imported') throw new Error('not imported')
    const { report } = result
    expect(report.updated).toEqual([])
    expect(report.deleted).toEqual([])
    expect(report.conflicts.map((c) => [c.id, c.kept]).sort()).toEqual(
      [
        [one, 'local'],
        [two, 'local'],
      ].sort(),
    )
    expect(report.conflicts[0]!.reason).toMatch(/changes an annotation of yours/)
    expect(report.ahead.sort()).toEqual([one, two].sort())
    const after = (await salma.getArticle(id)).annotations
    expect(after.map((a) => a.body.note).sort()).toEqual(['ما كتبته سلمى', 'ملاحظة ثانية'].sort())
    const mine = after.find((a) => a.id === one)!
    expect(mine.others?.map((o) => o.body.note)).toEqual(['not what Salma wrote'])

    // Keep mine on both; the same file again changes nothing and raises no conflict.
    for (const a of after) await salma.resolveAnnotationConflict(id, a.id, versionId(a.others![0]!), 'mine')
    const again = await salma.importAnnotationFile(bad)
    expect(again.status === 'imported' && again.report).toMatchObject({
      conflicts: [],
      updated: [],
      deleted: [],
    })
    expect(again.status === 'imported' && again.report.older.sort()).toEqual([one, two].sort())
    expect((await salma.getArticle(id)).annotations.map((a) => [a.body.note, a.others])).toEqual(
      expect.arrayContaining([
        ['ما كتبته سلمى', undefined],
        ['ملاحظة ثانية', undefined],
      ]),
    )
  })

  it('refuses new annotations signed with your author id, with a reason', async () => {
    const salma = await Library.open(join(tmp.path, 'salma'), { sample })
    const id = salma.listArticles()[0]!.id
    const file = await salma.exportAnnotationFile(id, { bundle: false })
    const json = JSON.parse(new TextDecoder().decode(file.bytes))
    const me = (await salma.getProfile()).authorId
    json.first.items = [
      {
        '@context': json['@context'],
        id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
        type: 'Annotation',
        created: '2026-11-01T00:00:00Z',
        modified: '2026-11-01T00:00:00Z',
        creator: { id: me, type: 'Person', name: 'Salma' },
        body: [{ type: 'TextualBody', value: 'words put in her mouth', purpose: 'commenting' }],
        target: {
          source: `urn:sha256:${salma.listArticles()[0]!.fingerprint}`,
          selector: [{ type: 'TextQuoteSelector', exact: 'موسكو' }],
        },
      },
    ]
    json.total = 1
    const result = await salma.importAnnotationFile({
      name: 'f.hamish.json',
      bytes: new TextEncoder().encode(JSON.stringify(json)),
    })
    expect(result.status === 'imported' && result.report.rejected).toEqual([
      expect.objectContaining({
        id: '11111111-2222-4333-8444-555555555555',
        reason: expect.stringMatching(/signed with your author id/),
      }),
    ])
    expect((await salma.getArticle(id)).annotations).toEqual([])
  })
})
