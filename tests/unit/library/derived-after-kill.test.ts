import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'
import { unlockLibrary } from '../../../main/library/library-lock'
import { annotationsInLog } from '../../support/annotation-log-file'
import { bundleChild } from '../../support/node-child'
import { SAMPLE_ARTICLE } from '../../support/sample-library'
import { useTempDir } from '../../support/store-helpers'

// Issue 11: one change has one commit point (its log append); what follows from it — the list's
// count, the search index — is checked against the log at open. A process killed right after
// the acknowledgement must lose nothing, and the next open must count and find the change.

const tmp = useTempDir('hamish-derived-kill-')
let child = ''
let childDir = ''

beforeAll(async () => {
  childDir = await mkdtemp(join(tmpdir(), 'hamish-kill-child-'))
  child = await bundleChild('annotate-then-die-child', childDir)
})
afterAll(() => rm(childDir, { recursive: true, force: true }))

/** Runs the child to its own SIGKILL; the id it acknowledged. */
function annotateThenDie(dir: string, note: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, note], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()))
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()))
    proc.on('error', reject)
    proc.on('exit', (_code, signal) => {
      const acked = /^ack (\S+)$/m.exec(out)?.[1]
      if (signal !== 'SIGKILL' || !acked) reject(new Error(`child ended ${signal}: ${out}${err}`))
      else resolve(acked)
    })
  })
}

describe('a process killed right after an annotation is acknowledged', () => {
  it('loses nothing: the next open counts it and search finds its note, with no repair notice', async () => {
    const dir = join(tmp.path, 'library')
    const first = await Library.open(dir, { sample: SAMPLE_ARTICLE })
    const id = first.listArticles()[0]!.id
    await first.search('الشيباني', {})
    unlockLibrary(dir)

    const notes = ['كلمةأولىنادرة', 'كلمةثانيةنادرة', 'كلمةثالثةنادرة']
    const acked: string[] = []
    for (const note of notes) acked.push(await annotateThenDie(dir, note))

    // Each child died before writing the counts file; each open after counted the logs again, so
    // the file is one behind: it misses the last one.
    const counts = JSON.parse(await readFile(join(dir, 'annotation-counts.json'), 'utf8')) as {
      counts: Record<string, { live: number }>
    }
    expect(counts.counts[id]?.live).toBe(2)
    expect((await annotationsInLog(dir, id)).map((a) => a.id)).toEqual(acked)

    const reopened = await Library.open(dir, { sample: SAMPLE_ARTICLE })
    expect(reopened.listArticles()[0]!.annotationCount).toBe(3)
    for (const [i, note] of notes.entries()) {
      const hits = (await reopened.search(note, {})).flatMap((r) => r.matches)
      expect(hits.map((m) => [m.field, m.annotationId])).toEqual([['note', acked[i]]])
    }
    expect(reopened.listNotices()).toEqual([])
  })
})
