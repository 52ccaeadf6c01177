import { mkdir, rename, writeFile } from 'node:fs/promises'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncReport } from '../../../common/team/sync-report'
import { LiveTeam } from '../../../main/team/live-team'
import { TeamWatcher, type FolderEvents } from '../../../main/team/team-watcher'
import { useTempDir } from '../../support/store-helpers'
import { member } from './team-library'

// Issue 12: the app watches the team folder. Real files in a temp folder, chokidar underneath:
// a write starts one pass, a burst one, the device's own writes none, a rescan catches what the
// file system did not report, and a folder that goes away pauses with one notice.

const tmp = useTempDir('hamish-team-watch-')
const closers: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

/** Waits until `ok()` holds (checked every 20 ms), failing after 10 s; not a timing assertion. */
async function until(ok: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (await ok()) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`never happened: ${what}`)
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Waits until `count()` has not moved for 600 ms (passes still coming from earlier writes have run). */
async function quiet(count: () => number): Promise<void> {
  for (let last = -1; last !== count();) {
    last = count()
    await pause(600)
  }
}

async function watched(options: { isOwn?: (path: string) => Promise<boolean>; debounceMs?: number } = {}) {
  const root = join(tmp.path, 'team')
  await mkdir(join(root, 'members'), { recursive: true })
  let passes = 0
  const watcher = await TeamWatcher.start(root, {
    isOwn: options.isOwn ?? (async () => false),
    onChange: () => passes++,
    debounceMs: options.debounceMs ?? 100,
    rescanMs: 3_600_000,
  })
  closers.push(() => watcher.close())
  return { root, watcher, passes: () => passes }
}

describe('the team folder watcher', () => {
  it('starts one pass for a file that lands', async () => {
    const { root, passes } = await watched()
    await writeFile(join(root, 'members', 'x.json'), '{}')
    await until(() => passes() >= 1, 'a pass')
    await pause(400)
    expect(passes()).toBe(1)
  })

  it('starts one pass for a burst of files', async () => {
    // The burst is written all at once, and the quiet time is long enough that a loaded machine's slow
    // writes still fall inside it: without the debounce each of the 30 files would start its own pass.
    const { root, passes } = await watched({ debounceMs: 1_000 })
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => writeFile(join(root, 'members', `m${i}.json`), `{"n":${i}}`)),
    )
    await until(() => passes() >= 1, 'a pass')
    await pause(1_200)
    expect(passes()).toBe(1)
  })

  it('ignores half-written files in .hamish-tmp and the files it is told are its own', async () => {
    const own = join('members', 'mine.json')
    const { root, passes } = await watched({ isOwn: async (path) => path === own.split('\\').join('/') })
    await mkdir(join(root, '.hamish-tmp'), { recursive: true })
    await writeFile(join(root, '.hamish-tmp', 'abc.tmp'), 'half')
    await writeFile(join(root, own), '{}')
    await pause(600)
    expect(passes()).toBe(0)
    // A colleague's file still counts.
    await writeFile(join(root, 'members', 'theirs.json'), '{}')
    await until(() => passes() === 1, 'a pass for a colleague’s file')
  })
})

/** Two members on one folder; B's team is live (watched). */
async function liveTeams(watcher: LiveTeamWatcherOptions = {}) {
  const folder = join(tmp.path, 'team')
  const a = await member(tmp.path, 'a', { sample: true })
  const b = await member(tmp.path, 'b')
  closers.push(
    () => a.library.flush().then(a.close),
    () => b.library.flush().then(b.close),
  )
  await a.team.join(folder, 'ليلى')
  const articleId = a.library.listArticles()[0]!.id
  const teamId = await a.team.share(articleId)
  const reports: SyncReport[] = []
  const live = await LiveTeam.open(b.library, {
    watch: true,
    folderChoice: 'path',
    pausedCheckMs: 100,
    onPass: (r) => reports.push(r),
    watcher: { debounceMs: 100, rescanMs: 3_600_000, ...watcher },
  })
  closers.push(() => live.close())
  await live.join('Omar', folder)
  const bArticle = b.library.listArticles()[0]!.id
  return { folder, a, b, live, articleId, teamId, bArticle, reports }
}
type LiveTeamWatcherOptions = NonNullable<Parameters<typeof LiveTeam.open>[1]['watcher']>

const notesOf = async (m: Awaited<ReturnType<typeof member>>, id: string) =>
  (await m.library.listAnnotations(id)).map((x) => x.body.note)

describe('the live team', () => {
  it('merges a colleague’s new file as it lands', async () => {
    const { a, b, articleId, bArticle } = await liveTeams()
    await a.highlight(articleId, 'الشيباني', 'من ليلى')
    await a.team.sync()
    await until(async () => (await notesOf(b, bArticle)).includes('من ليلى'), 'the note merged')
  })

  it('starts no pass for the files its own passes wrote', async () => {
    // One member alone in the folder, so every file event there is an echo of its own writes.
    const m = await member(tmp.path, 'solo', { sample: true })
    closers.push(() => m.library.flush().then(m.close))
    const reports: SyncReport[] = []
    const live = await LiveTeam.open(m.library, {
      watch: true,
      folderChoice: 'path',
      onPass: (r) => reports.push(r),
      watcher: { debounceMs: 100, rescanMs: 3_600_000 },
    })
    closers.push(() => live.close())
    await live.join('Omar', join(tmp.path, 'team'))
    const articleId = m.library.listArticles()[0]!.id
    await live.share(articleId)
    await quiet(() => reports.length)
    // The highlight starts a pass that writes its annotation file; the watcher hears that write.
    await m.highlight(articleId, 'موسكو', 'من عمر')
    const wrote = (r: SyncReport) => r.written.some((p) => p.endsWith('.jsonld'))
    await until(() => reports.some(wrote), 'the pass wrote its file')
    await quiet(() => reports.length)
    expect(reports.length).toBe(reports.findIndex(wrote) + 1)
  })

  it('sends the user’s own new annotation out without being asked', async () => {
    const { a, b, articleId, bArticle } = await liveTeams()
    await b.highlight(bArticle, 'موسكو', 'كتبها عمر')
    await until(async () => {
      await a.team.sync()
      return (await notesOf(a, articleId)).includes('كتبها عمر')
    }, 'B’s note in A’s library')
  })

  it('catches a change the file system never reported, at the periodic rescan', async () => {
    // A network drive that reports nothing: the watcher's events are silent.
    const silent = (): FolderEvents => {
      const emitter = new EventEmitter()
      setTimeout(() => emitter.emit('ready'), 0)
      return Object.assign(emitter, { close: async () => undefined }) as unknown as FolderEvents
    }
    const { a, b, articleId, bArticle } = await liveTeams({ events: silent, rescanMs: 300 })
    await a.highlight(articleId, 'الشيباني', 'فاتها الحدث')
    await a.team.sync()
    await until(async () => (await notesOf(b, bArticle)).includes('فاتها الحدث'), 'the rescan merged it')
  })

  it('pauses with one notice when the folder goes, loses nothing, and resumes when it is back', async () => {
    const { folder, a, b, live, articleId, bArticle } = await liveTeams()
    await rename(folder, `${folder}-away`)
    expect((await live.sync()).paused).toBe(true)
    expect((await live.sync()).paused).toBe(true)
    const notices = b.library.listNotices().filter((n) => n.text?.key === 'messages.teamFolderMissing')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.level).toBe('warning')
    // While it is away, A (on the drive's other copy) annotates; B annotates locally.
    await b.highlight(bArticle, 'موسكو', 'كتبها عمر أثناء الغياب')
    await rename(`${folder}-away`, folder)
    await a.highlight(articleId, 'الشيباني', 'عند العودة')
    await a.team.sync()
    await until(async () => (await notesOf(b, bArticle)).includes('عند العودة'), 'resumed and merged')
    // The pass that merged it ends by taking the notice back.
    await until(
      () => !b.library.listNotices().some((n) => n.text?.key === 'messages.teamFolderMissing'),
      'the notice taken back',
    )
    // B's note made while paused reached the folder once it was back.
    await until(async () => {
      await a.team.sync()
      return (await notesOf(a, articleId)).includes('كتبها عمر أثناء الغياب')
    }, 'B’s note in A’s library')
  })
})
