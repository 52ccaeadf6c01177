import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SyncReport } from '../../../common/team/sync-report'
import type { TeamStatus } from '../../../common/team/team-status'
import { runHamish } from '../../support/cli-run'

// Issue 12: `hamish team …`, for scripts and tests: join (creating the team in an empty folder),
// share, sync, status and leave, with --json; mistakes exit 2, a library not in a team exits 1.

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hamish-team-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 })
})

const run = runHamish

describe('hamish team', () => {
  it('joins, shares, syncs a colleague in, reports status as JSON, and leaves', async () => {
    const [a, b, team] = [join(dir, 'a'), join(dir, 'b'), join(dir, 'team')]
    const joined = await run('team', 'join', team, '--as', 'ليلى', '--library', a, '--json')
    expect(joined.code).toBe(0)
    const status = JSON.parse(joined.out) as TeamStatus
    expect(status).toMatchObject({ joined: true, folderPresent: true, me: { name: 'ليلى' } })
    const articleId = (JSON.parse((await run('list', '--json', '--library', a)).out) as { id: string }[])[0]!
      .id
    const shared = await run('team', 'share', articleId, '--library', a)
    expect(shared.out.trim()).toMatch(/^[0-9a-f]{16}$/)

    expect((await run('team', 'join', team, '--as', 'Omar', '--library', b)).code).toBe(0)
    const synced = await run('team', 'sync', '--json', '--library', b)
    expect(synced.code).toBe(0)
    const report = JSON.parse(synced.out) as SyncReport
    expect(report).toMatchObject({ paused: false, refused: [] })
    const bStatus = JSON.parse((await run('team', 'status', '--json', '--library', b)).out) as TeamStatus
    expect(bStatus.members.map((m) => m.name).sort()).toEqual(['Omar', 'ليلى'])
    expect(bStatus.shared.map((s) => s.teamArticleId)).toEqual([shared.out.trim()])

    expect((await run('team', 'leave', '--library', b)).code).toBe(0)
    expect(JSON.parse((await run('team', 'status', '--json', '--library', b)).out)).toMatchObject({
      joined: false,
    })
    const notJoined = await run('team', 'sync', '--library', b)
    expect(notJoined.code).toBe(1)
    expect(notJoined.err).toMatch(/not in a team/)
  })

  it('explains usage mistakes with exit code 2', async () => {
    const lib = join(dir, 'a')
    expect((await run('team', '--library', lib)).code).toBe(2)
    expect((await run('team', 'join', join(dir, 't'), '--library', lib)).err).toMatch(/--as NAME/)
    expect((await run('team', 'share', '--library', lib)).code).toBe(2)
  })
})
