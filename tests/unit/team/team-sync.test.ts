import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotationFile, annotationFolder } from '../../../common/team/layout'
import { useTempDir } from '../../support/store-helpers'
import { TeamFolder } from '../../../main/team/team-folder'
import { member } from './team-library'

// Issue 12: two libraries, one team folder (as if the engine had copied every file at once):
// sharing, annotations both ways, deletions, conflict copies folded, bad files refused or waited
// for, a folder that goes away.

const tmp = useTempDir('hamish-team-')

async function pair() {
  const folder = join(tmp.path, 'team')
  const a = await member(tmp.path, 'a', { sample: true })
  const b = await member(tmp.path, 'b')
  await a.team.join(folder, 'ليلى')
  const articleId = a.library.listArticles()[0]!.id
  const teamId = await a.team.share(articleId)
  await b.team.join(folder, 'Omar')
  return { folder, a, b, articleId, teamId }
}

const notes = async (m: Awaited<ReturnType<typeof member>>, id: string) =>
  (await m.library.listAnnotations(id)).map((x) => x.body.note).sort()

describe('a team library over one folder', () => {
  it('brings a shared article and its annotations to a colleague, and theirs back, deletions too', async () => {
    const { folder, a, b, articleId, teamId } = await pair()
    // B has the article now, with no annotation yet.
    const bArticle = b.library
      .listArticles()
      .find((x) => x.fingerprint === a.library.listArticles()[0]!.fingerprint)
    expect(bArticle).toBeDefined()
    expect((await b.team.status()).shared.map((s) => s.teamArticleId)).toEqual([teamId])

    const mine = await a.highlight(articleId, 'الشيباني', 'من ليلى')
    await a.team.sync()
    const report = await b.team.sync()
    expect(report.added).toBe(1)
    expect(await notes(b, bArticle!.id)).toEqual(['من ليلى'])

    await b.highlight(bArticle!.id, 'موسكو', 'من عمر')
    await b.team.sync()
    await a.team.sync()
    expect(await notes(a, articleId)).toEqual(['من عمر', 'من ليلى'])

    // A deletion travels as a tombstone.
    await a.library.deleteAnnotation(articleId, mine.id)
    await a.team.sync()
    expect((await b.team.sync()).deleted).toBe(1)
    expect(await notes(b, bArticle!.id)).toEqual(['من عمر'])

    // Members and their names, as their cards say; the paths are ASCII only.
    const status = await a.team.status()
    expect(status.members.map((m) => m.name).sort()).toEqual(['Omar', 'ليلى'])
    const files = await readdir(join(folder, annotationFolder(teamId)))
    expect(files.every((n) => /^[\x21-\x7e]+$/.test(n))).toBe(true)
    // An unchanged pass writes nothing and reads nothing new.
    const quiet = await a.team.sync()
    expect(quiet.written).toEqual([])
    expect(quiet.added + quiet.updated + quiet.deleted).toBe(0)
    await a.close()
    await b.close()
  })

  it('lets a member change their own annotations on a shared article, not a colleague’s', async () => {
    const { a, b, articleId } = await pair()
    const hers = await a.highlight(articleId, 'الشيباني', 'لها')
    await a.team.sync()
    await b.team.sync()
    const bId = b.library.listArticles()[0]!.id
    const seen = (await b.library.listAnnotations(bId)).find((x) => x.id === hers.id)!
    await expect(
      b.library.updateAnnotation(bId, hers.id, { note: 'تعديل' }, seen.modified),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(b.library.deleteAnnotation(bId, hers.id)).rejects.toThrow(/only its author can change/)
    const his = await b.highlight(bId, 'موسكو', 'له')
    await b.library.updateAnnotation(bId, his.id, { note: 'له، معدّلة' }, his.modified)
    expect(await notes(b, bId)).toEqual(['لها', 'له، معدّلة'].sort())
    await a.close()
    await b.close()
  })

  it('merges a conflict copy as one more input, folds it into its owner’s file and removes it', async () => {
    const { folder, a, b, articleId, teamId } = await pair()
    await a.highlight(articleId, 'الشيباني', 'الأولى')
    await a.team.sync()
    const status = await a.team.status()
    const own = join(folder, annotationFile(teamId, status.me.member!, status.me.device))
    const older = await readFile(own, 'utf8')
    await a.highlight(articleId, 'موسكو', 'الثانية')
    await a.team.sync()
    // A restored backup on another machine wrote A's file back as it was: the engine kept both.
    const copy = own.replace(/\.jsonld$/, '.sync-conflict-20261207-101112-ABCDEF7.jsonld')
    await rename(own, copy)
    await writeFile(own, older)

    const bReport = await b.team.sync()
    const bId = b.library.listArticles()[0]!.id
    expect(await notes(b, bId)).toEqual(['الأولى', 'الثانية'])
    expect(bReport.refused).toEqual([])
    // A folds the copy into its file and removes it; nothing of either is lost.
    const aReport = await a.team.sync()
    expect(aReport.foldedCopies).toHaveLength(1)
    expect(await readdir(join(folder, annotationFolder(teamId)))).not.toContain(copy.split('/').at(-1))
    expect(await readFile(own, 'utf8')).toContain('الثانية')
    expect(await notes(a, articleId)).toEqual(['الأولى', 'الثانية'])
    await a.close()
    await b.close()
  })

  it('waits for a file that is empty or cut short, and refuses hostile ones, changing nothing', async () => {
    const { folder, a, b, articleId, teamId } = await pair()
    await a.highlight(articleId, 'الشيباني', 'محفوظة')
    await a.team.sync()
    await b.team.sync()
    const bId = b.library.listArticles()[0]!.id
    const dir = join(folder, annotationFolder(teamId))
    const stranger = '33333333-3333-4333-8333-333333333333'
    const name = (device: string) => join(dir, `${stranger}.${device}.jsonld`)
    const aFile = join(
      folder,
      annotationFile(teamId, (await a.team.status()).me.member!, (await a.team.status()).me.device),
    )
    const real = await readFile(aFile, 'utf8')
    await writeFile(name('0000000000000001'), '')
    await writeFile(name('0000000000000002'), real.slice(0, real.length / 2))
    await writeFile(name('0000000000000003'), '{"__proto__": {"x": 1}}')
    await writeFile(name('0000000000000004'), '['.repeat(5000) + ']'.repeat(5000))
    // A's annotations inside a file named for another member: refused, not merged as theirs or A's.
    await writeFile(name('0000000000000005'), real)
    // A file of a newer format, written by that member: refused as newer, not read as something else.
    const aMe = (await a.team.status()).me
    const newer = real
      .replaceAll(aMe.member!, stranger)
      .replaceAll(aMe.device, '0000000000000006')
      .replace('"version": 1', '"version": 9')
    await writeFile(name('0000000000000006'), newer)
    const before = await b.library.listAnnotations(bId, { includeDeleted: true })

    const report = await b.team.sync()
    expect(report.notReady.map((f) => f.file.slice(-23))).toEqual(
      expect.arrayContaining(['0000000000000001.jsonld', '0000000000000002.jsonld']),
    )
    expect(report.refused.map((f) => f.file.slice(-23)).sort()).toEqual([
      '0000000000000003.jsonld',
      '0000000000000004.jsonld',
      '0000000000000005.jsonld',
      '0000000000000006.jsonld',
    ])
    const why = report.refused.map((f) => f.why).join('\n')
    expect(why).toMatch(/__proto__/)
    expect(why).toMatch(/deep/)
    expect(why).toMatch(/does not name/)
    expect(why).toMatch(/newer/)
    expect(await b.library.listAnnotations(bId, { includeDeleted: true })).toEqual(before)
    await a.close()
    await b.close()
  })

  it('pauses when the team folder is not there, and loses nothing when it is back', async () => {
    const { folder, a, b, articleId } = await pair()
    await a.highlight(articleId, 'الشيباني', 'قبل الغياب')
    const away = `${folder}-unmounted`
    await rename(folder, away)
    const paused = await a.team.sync()
    expect(paused.paused).toBe(true)
    expect((await a.team.status()).folderPresent).toBe(false)
    await rename(away, folder)
    await a.team.sync()
    await b.team.sync()
    expect(await notes(b, b.library.listArticles()[0]!.id)).toEqual(['قبل الغياب'])
    await a.close()
    await b.close()
  })

  it('refuses to create a team in a folder that holds other files', async () => {
    const a = await member(tmp.path, 'a', { sample: true })
    const folder = join(tmp.path, 'papers')
    await mkdir(folder)
    await writeFile(join(folder, 'thesis.docx'), 'x')
    await expect(a.team.join(folder, 'ليلى')).rejects.toThrow(/holds other files but no team/)
    await expect(a.team.sync()).rejects.toThrow(/not in a team/)
    await a.close()
  })
})

describe('the team folder on disk', () => {
  it('never recreates a team folder that went away: the write fails instead', async () => {
    const root = join(tmp.path, 'gone')
    const folder = new TeamFolder(root)
    await expect(folder.write('annotations/ab/abcdef0123456789/x.jsonld', '{}')).rejects.toMatchObject({
      code: 'ENOENT',
    })
    await expect(readdir(tmp.path)).resolves.not.toContain('gone')
  })
})
