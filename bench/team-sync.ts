import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareText } from '../common/anchoring'
import { plainText } from '../common/plain-text'
import { toAnnotationCollection } from '../common/sharing/w3c-format'
import { annotationFile } from '../common/team/layout'
import { Library } from '../main/library/library'
import { unlockLibrary } from '../main/library/library-lock'
import { TeamService } from '../main/team/team-service'
import { makeAnnotations } from './reader-highlights'
import { median, round } from './stats'

const MEMBERS = 50
const ARTICLES = 200
/** Per shared article, in all: two from each member. */
const ANNOTATIONS_PER_ARTICLE = 100

/** Every file under the team folder's articles/ and annotations/, with a stat each: what any pass must at least do. */
async function listTeamFiles(root: string): Promise<number> {
  let files = 0
  for (const top of ['articles', 'annotations'])
    for (const fan of await readdir(join(root, top)))
      for (const id of await readdir(join(root, top, fan)))
        for (const name of await readdir(join(root, top, fan, id))) {
          await stat(join(root, top, fan, id, name))
          files++
        }
  return files
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const value = await run()
  return [performance.now() - start, value]
}

/**
 * Issue 12: a sync pass when nothing changed, in a team of 50 members
 * sharing 200 articles with 100 annotations each (two per member, so 10,000
 * device files), against the time to list those files (readdir and a stat
 * each) in the same run: target ≤ 2× (unchanged files are not read again).
 * The first pass (every article added, every file read and merged) is
 * reported too.
 */
export async function benchTeamSync(): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'hamish-bench-team-'))
  try {
    const folder = join(root, 'team')
    // The sharer: 200 short Arabic articles, each shared (its article.json written by the app).
    const sharer = await Library.open(join(root, 'sharer'), { noSample: true })
    const sharerTeam = await TeamService.open(sharer)
    await sharerTeam.join(folder, 'المشارِكة')
    const teamIds: { teamId: string; text: string }[] = []
    for (let i = 0; i < ARTICLES; i++) {
      const body = `مقالة رقم ${i} عن الأدب والتاريخ. `.repeat(40)
      const outcome = await sharer.importFile({
        name: `article-${i}.txt`,
        bytes: new TextEncoder().encode(body),
      })
      const id = outcome.article!.id
      teamIds.push({ teamId: await sharerTeam.share(id), text: plainText((await sharer.getArticle(id)).doc) })
    }
    await sharer.flush()
    unlockLibrary(sharer.paths.dir)
    // 50 members' device files, as their apps write them.
    const members = Array.from({ length: MEMBERS }, () => ({
      member: randomUUID(),
      device: randomUUID().replace(/-/g, '').slice(0, 16),
    }))
    const summaryOf = (text: string, n: number) => ({
      fingerprint: '0'.repeat(64),
      title: `مقالة ${n}`,
      lang: 'ar',
      dir: 'rtl' as const,
      source: `article-${n}.txt`,
      date: null,
    })
    for (const [n, { teamId, text }] of teamIds.entries()) {
      const prepared = prepareText(text)
      const all = makeAnnotations(text, ANNOTATIONS_PER_ARTICLE, n + 1)
      for (const [k, m] of members.entries()) {
        const mine = all.slice(k * 2, k * 2 + 2).map((a) => ({
          ...a,
          id: `m${k}-a${n}-${a.id}`,
          creator: { id: `urn:uuid:${m.member}`, name: `عضو ${k}` },
        }))
        const path = join(folder, annotationFile(teamId, m.member, m.device))
        await mkdir(join(path, '..'), { recursive: true })
        const collection = toAnnotationCollection({
          article: summaryOf(text, n),
          annotations: mine,
          text: prepared,
          generator: 'Hamish',
          exportedAt: '2026-12-07T00:00:00.000Z',
          writer: m,
        })
        await writeFile(path, JSON.stringify(collection))
      }
    }

    const reader = await Library.open(join(root, 'reader'), { noSample: true })
    const team = await TeamService.open(reader)
    const [firstMs] = await timed(() => team.join(folder, 'القارئ'))
    const annotations = (
      await Promise.all(reader.listArticles().map((a) => reader.listAnnotations(a.id)))
    ).flat().length
    const listMs: number[] = []
    const passMs: number[] = []
    let files = 0
    for (let i = 0; i < 5; i++) {
      const [list, count] = await timed(() => listTeamFiles(folder))
      listMs.push(list)
      files = count
      const [pass, report] = await timed(() => team.sync())
      if (report.written.length || report.added || report.updated)
        throw new Error('a pass with nothing changed changed something')
      passMs.push(pass)
    }
    await reader.flush()
    unlockLibrary(reader.paths.dir)
    const ratio = median(passMs) / median(listMs)
    return {
      name: 'team-sync',
      team: { members: MEMBERS, articles: ARTICLES, annotationsPerArticle: ANNOTATIONS_PER_ARTICLE, files },
      firstPass: { ms: round(firstMs), articlesAdded: reader.listArticles().length, annotations },
      listFilesMedianMs: round(median(listMs)),
      unchangedPassMedianMs: round(median(passMs)),
      targets: { unchangedPassVsListing: { ratio: round(ratio), target: 2, met: ratio <= 2 } },
      met: ratio <= 2,
      notes: [
        '100 annotations per article in all (two per member), so 10,000 device files; listing = readdir of every folder and a stat of every file.',
      ],
    }
  } finally {
    await rm(root, { recursive: true, force: true, maxRetries: 5 })
  }
}
