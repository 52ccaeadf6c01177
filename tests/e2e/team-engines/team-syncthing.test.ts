import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotationFolder, TEAM_TEMP_DIR } from '../../../common/team/layout'
import {
  startSyncthing,
  SYNC_CONFLICT_NAME,
  syncthingAvailable,
  type SyncthingCluster,
} from '../../support/syncthing'
import { member, type Member } from '../../unit/team/team-library'

// Issue 12 with a real engine: three libraries, each syncing with its own copy of the team folder,
// the copies kept in step by three Syncthing processes on 127.0.0.1. Each step builds on the last.

/** What a library shows of an article: every live annotation as "id note", sorted. */
async function view(m: Member, articleId: string): Promise<string[]> {
  return (await m.library.listAnnotations(articleId)).map((a) => `${a.id} ${a.body.note}`).sort()
}

/** The notes alone, sorted: what the test expects to see. */
async function notes(m: Member, articleId: string): Promise<string[]> {
  return (await m.library.listAnnotations(articleId)).map((a) => a.body.note).sort()
}

/** Every file name under a folder (recursively), for finding conflict copies and stray files. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String)
}

// Timeouts are bounds on waiting for real processes on a loaded machine, not speed checks.
describe.skipIf(!syncthingAvailable())(
  'a team library over Syncthing (three devices on loopback)',
  { timeout: 180_000 },
  () => {
    let cluster: SyncthingCluster
    let root: string
    let a: Member
    let b: Member
    let c: Member
    let aArticle: string
    let bArticle: string
    let teamArticle: string
    const opened: Member[] = []

    beforeAll(async () => {
      cluster = await startSyncthing(['alice', 'bob', 'carol'])
      root = await mkdtemp(join(tmpdir(), 'hamish-team-syncthing-'))
      a = await member(root, 'a', { sample: true })
      b = await member(root, 'b')
      c = await member(root, 'c')
      opened.push(a, b, c)
      // Alice creates the team in her Syncthing folder and shares the sample; Bob joins his copy.
      await a.team.join(cluster.device('alice').folder, 'ليلى')
      aArticle = a.library.listArticles()[0]!.id
      teamArticle = await a.team.share(aArticle)
      await cluster.waitInSync()
      await b.team.join(cluster.device('bob').folder, 'Omar')
      await c.team.join(cluster.device('carol').folder, 'Sara')
      bArticle = b.library
        .listArticles()
        .find((x) => x.fingerprint === a.library.listArticles()[0]!.fingerprint)!.id
    })
    afterAll(async () => {
      for (const m of opened) await m.close().catch(() => undefined)
      await cluster?.stop()
      if (root) await rm(root, { recursive: true, force: true, maxRetries: 5 })
    })

    /** Every library writes what it has, Syncthing carries it, every library reads what arrived. */
    async function syncAll(): Promise<void> {
      for (const m of [a, b, c]) await m.team.sync()
      await cluster.waitInSync()
      for (const m of [a, b, c]) await m.team.sync()
    }

    it('brings the shared article to the member who joined', () => {
      expect(bArticle).toBeDefined()
    })

    it('keeps a device’s half-written files to itself: every member’s copy tells Syncthing to skip .hamish-tmp', async () => {
      // What a write cut short by a crash leaves behind, on a member who joined. Syncthing never
      // carries .stignore, so the creator's does not cover the others: each device needs its own.
      await mkdir(join(cluster.device('bob').folder, TEAM_TEMP_DIR), { recursive: true })
      await writeFile(join(cluster.device('bob').folder, TEAM_TEMP_DIR, 'cut-short.tmp'), '{"half":')
      await cluster.waitInSync()
      for (const d of ['alice', 'carol'])
        expect(existsSync(join(cluster.device(d).folder, TEAM_TEMP_DIR, 'cut-short.tmp'))).toBe(false)
      for (const d of cluster.devices) expect(existsSync(join(d.folder, '.stignore'))).toBe(true)
    })

    it('converges after both members annotate the same article while apart, losing nothing', async () => {
      await cluster.pause('bob')
      await a.highlight(aArticle, 'الشيباني', 'ليلى دون اتصال')
      await b.highlight(bArticle, 'موسكو', 'عمر دون اتصال')
      await a.team.sync()
      await b.team.sync()
      // Apart, each sees only their own.
      expect(await notes(a, aArticle)).toEqual(['ليلى دون اتصال'])
      expect(await notes(b, bArticle)).toEqual(['عمر دون اتصال'])

      await cluster.resume('bob')
      await syncAll()
      expect(await notes(a, aArticle)).toEqual(['عمر دون اتصال', 'ليلى دون اتصال'])
      expect(await view(b, bArticle)).toEqual(await view(a, aArticle))
      expect(await view(c, c.library.listArticles()[0]!.id)).toEqual(await view(a, aArticle))
    })

    it('carries a deletion (a tombstone) to the other library', async () => {
      const hers = (await a.library.listAnnotations(aArticle)).find((x) => x.body.note === 'ليلى دون اتصال')!
      await a.library.deleteAnnotation(aArticle, hers.id)
      await a.team.sync()
      await cluster.waitInSync()
      const report = await b.team.sync()
      expect(report.deleted).toBe(1)
      expect(await notes(b, bArticle)).toEqual(['عمر دون اتصال'])
      expect(await view(b, bArticle)).toEqual(await view(a, aArticle))
    })

    it('delivers an edit made while the other device was off the network once it is back', async () => {
      await cluster.disconnect('alice')
      const his = (await b.library.listAnnotations(bArticle)).find((x) => x.body.note === 'عمر دون اتصال')!
      await b.library.updateAnnotation(bArticle, his.id, { note: 'عمر، معدّلة' }, his.modified)
      await b.team.sync()
      await cluster.rescan(['bob'])
      // Alice's copy of the folder has not changed: her pass finds nothing new.
      const apart = await a.team.sync()
      expect(apart.updated).toBe(0)
      expect(await notes(a, aArticle)).toEqual(['عمر دون اتصال'])

      await cluster.reconnect('alice')
      await cluster.waitInSync()
      const report = await a.team.sync()
      expect(report.updated).toBe(1)
      expect(await notes(a, aArticle)).toEqual(['عمر، معدّلة'])
      expect(await view(a, aArticle)).toEqual(await view(b, bArticle))
    })

    it('loses nothing when a restored backup makes two writers of one file: the copy is folded and removed', async () => {
      // Alice's library as a backup holds it now (the lock, held by the running library, is not copied).
      await a.library.flush()
      const backup = join(root, 'a-backup')
      await cp(a.dir, backup, { recursive: true, filter: (src) => !/library\.lock/.test(src) })
      await a.highlight(aArticle, 'لافروف', 'بعد النسخة الاحتياطية')
      await syncAll()

      // The backup is restored on Bob's machine (same member, same device id) while Alice's runs on:
      // both now write Alice's one device file, each in its own copy of the folder, while apart.
      await cluster.pause('bob')
      const restored = await member(root, 'a-backup')
      opened.push(restored)
      await restored.team.join(cluster.device('bob').folder, 'ليلى')
      const restoredArticle = restored.library.listArticles()[0]!.id
      await restored.highlight(restoredArticle, 'سيرغي', 'من النسخة المستعادة')
      await restored.team.sync()
      await a.highlight(aArticle, 'الخارجية', 'ليلى على جهازها')
      await a.team.sync()
      const me = (await a.team.status()).me
      expect((await restored.team.status()).me).toEqual(me)

      await cluster.resume('bob')
      await cluster.waitInSync()
      // Syncthing kept both writers' versions: one in place, the other as a conflict copy.
      const folderFiles = async () =>
        filesUnder(join(cluster.device('alice').folder, annotationFolder(teamArticle)))
      const copies = (await folderFiles()).filter((n) => SYNC_CONFLICT_NAME.test(n))
      expect(copies).toHaveLength(1)
      expect(copies[0]).toContain(`${me.member}.${me.device}.sync-conflict-`)

      // Every library syncs until the engine has nothing left to carry; the owning device (both
      // copies of Alice's library are it) folds the copy into its file and removes it.
      const libraries = [a, b, restored]
      const articles = [aArticle, bArticle, restoredArticle]
      let folded = 0
      for (let round = 0; round < 4; round++) {
        for (const m of libraries) folded += (await m.team.sync()).foldedCopies.length
        await cluster.waitInSync()
      }
      expect(folded).toBeGreaterThanOrEqual(1)
      for (const device of cluster.devices)
        expect((await filesUnder(device.folder)).filter((n) => SYNC_CONFLICT_NAME.test(n))).toEqual([])
      const expected = ['بعد النسخة الاحتياطية', 'عمر، معدّلة', 'ليلى على جهازها', 'من النسخة المستعادة']
      for (const [i, m] of libraries.entries()) expect(await notes(m, articles[i]!)).toEqual(expected)
      expect(await view(b, bArticle)).toEqual(await view(a, aArticle))
      expect(await view(restored, restoredArticle)).toEqual(await view(a, aArticle))
    })
  },
)
