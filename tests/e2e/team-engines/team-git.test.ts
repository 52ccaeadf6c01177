import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncReport } from '../../../common/team/sync-report'
import type { TeamStatus } from '../../../common/team/team-status'
import { startGitTeam, type GitTeam } from '../../support/git-team'
import { ROOT } from '../../support/preview'
import { member, type Member } from '../../unit/team/team-library'

// Issue 12 with git as the engine: the team folder is a clone of one bare repository per member.
// Team passes run as real `hamish team …` processes; annotating runs in-process (the CLI has no
// highlight command), each library closed again before its CLI runs (one process per library).

const CLI = join(ROOT, 'bin/hamish.js')

/** Runs the built CLI on a library; rejects on a non-zero exit with what it printed. */
function hamish(library: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args, '--library', library], (error, stdout, stderr) => {
      if (error) reject(new Error(`hamish ${args.join(' ')}: ${stderr || stdout || error.message}`))
      else resolve(stdout)
    })
  })
}

/** One pass of a library against its clone, as `hamish team sync --json` reports it. */
async function syncPass(library: string): Promise<SyncReport> {
  return JSON.parse(await hamish(library, 'team', 'sync', '--json')) as SyncReport
}

/** Opens a library in-process, lets `act` change it, and closes it again for the CLI. */
async function withLibrary<T>(root: string, name: string, act: (m: Member) => Promise<T>): Promise<T> {
  const m = await member(root, name)
  try {
    return await act(m)
  } finally {
    await m.close()
  }
}

/** What a library shows of an article: every live annotation as "id note", sorted. */
async function view(root: string, name: string, articleId: string): Promise<string[]> {
  return withLibrary(root, name, async (m) =>
    (await m.library.listAnnotations(articleId)).map((a) => `${a.id} ${a.body.note}`).sort(),
  )
}

// Timeouts are bounds on waiting for real processes on a loaded machine, not speed checks.
describe(
  'a team library over git (a bare repository, two clones racing to push)',
  { timeout: 180_000 },
  () => {
    let team: GitTeam
    let root: string
    let aArticle: string
    let bArticle: string

    beforeAll(async () => {
      if (!existsSync(join(ROOT, 'out/main/cli.js')))
        throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests')
      team = await startGitTeam(['alice', 'bob'])
      root = await mkdtemp(join(tmpdir(), 'hamish-team-git-'))
      // Alice creates the team in her clone and shares the sample; Bob pulls and joins with the CLI.
      const a = await member(root, 'a', { sample: true })
      try {
        await a.team.join(team.clone('alice').dir, 'ليلى')
        aArticle = a.library.listArticles()[0]!.id
        await a.team.share(aArticle)
      } finally {
        await a.close()
      }
      await team.clone('alice').commitAllAndPush('ليلى: the team and the shared article')
      await team.clone('bob').pull()
      const status = JSON.parse(
        await hamish(join(root, 'b'), 'team', 'join', team.clone('bob').dir, '--as', 'Omar', '--json'),
      ) as TeamStatus
      bArticle = status.shared[0]!.articleId
      await team.clone('bob').commitAllAndPush('Omar joins')
    })
    afterAll(async () => {
      await team?.remove()
      if (root) await rm(root, { recursive: true, force: true, maxRetries: 5 })
    })

    it('converges after both annotate at once and race to push, with no merge conflict', async () => {
      await withLibrary(root, 'a', (m) => m.highlight(aArticle, 'الشيباني', 'من ليلى'))
      await withLibrary(root, 'b', (m) => m.highlight(bArticle, 'موسكو', 'من عمر'))
      // Each writes its own file into its clone; then both push at the same moment.
      await Promise.all([syncPass(join(root, 'a')), syncPass(join(root, 'b'))])
      const pushes = await Promise.all(
        ['alice', 'bob'].map((c) => team.clone(c).commitAllAndPush(`${c}: annotations`)),
      )
      // Only one first push could be a fast-forward: the other was refused, rebased, pushed again.
      expect(pushes.map((p) => p.committed)).toEqual([true, true])
      expect(pushes.some((p) => p.attempts > 1)).toBe(true)

      await Promise.all(['alice', 'bob'].map((c) => team.clone(c).pull()))
      const [aReport, bReport] = await Promise.all([syncPass(join(root, 'a')), syncPass(join(root, 'b'))])
      expect([aReport.added, bReport.added]).toEqual([1, 1])
      expect([aReport.refused, bReport.refused]).toEqual([[], []])
      const seen = await view(root, 'a', aArticle)
      expect(seen.map((x) => x.split(' ').slice(1).join(' ')).sort()).toEqual(['من عمر', 'من ليلى'])
      expect(await view(root, 'b', bArticle)).toEqual(seen)
    })

    it('carries a deletion (a tombstone) through a commit and a pull', async () => {
      await withLibrary(root, 'a', async (m) => {
        const hers = (await m.library.listAnnotations(aArticle)).find((x) => x.body.note === 'من ليلى')!
        await m.library.deleteAnnotation(aArticle, hers.id)
      })
      await syncPass(join(root, 'a'))
      await team.clone('alice').commitAllAndPush('alice: a deletion')
      await team.clone('bob').pull()
      expect((await syncPass(join(root, 'b'))).deleted).toBe(1)
      expect(await view(root, 'b', bArticle)).toEqual(await view(root, 'a', aArticle))
    })

    it('gives every team file one writer, and keeps half-written files out of the repository', async () => {
      const bob = team.clone('bob')
      const tracked = (await bob.git(['ls-files'])).trim().split('\n')
      expect(tracked.filter((f) => f.startsWith('.hamish-tmp'))).toEqual([])
      expect(tracked.filter((f) => f.startsWith('annotations/'))).toHaveLength(2)
      for (const file of tracked.filter((f) => /^(members|annotations)\//.test(f))) {
        const authors = new Set((await bob.git(['log', '--format=%an', '--', file])).trim().split('\n'))
        expect({ file, writers: authors.size }).toEqual({ file, writers: 1 })
      }
      expect((await bob.git(['status', '--porcelain'])).trim()).toBe('')
    })
  },
)
