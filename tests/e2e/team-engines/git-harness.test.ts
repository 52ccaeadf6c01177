import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitTeam, type GitTeam } from '../../support/git-team'

/** The work tree's files, without git's own. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n !== '.git').sort()
}

// The harness itself, with plain files: a bare repository and clones over file://, nothing of Hamish.
describe('git team harness (a bare repository, clones racing to push)', () => {
  let team: GitTeam
  beforeAll(async () => {
    team = await startGitTeam(['alice', 'bob', 'carol'])
  })
  afterAll(async () => {
    await team?.remove()
  })

  it('lands every clone’s own files when all push at once, with no merge conflict', async () => {
    for (let round = 1; round <= 3; round++) {
      for (const clone of team.clones)
        await writeFile(join(clone.dir, `${clone.name}.jsonl`), `${clone.name} round ${round}\n`, {
          flag: 'a',
        })
      // All three push at the same moment; the losers pull --rebase and push again.
      const results = await Promise.all(
        team.clones.map((c) => c.commitAllAndPush(`${c.name} round ${round}`)),
      )
      expect(results.map((r) => r.committed)).toEqual([true, true, true])
      // Only one first push can be a fast-forward: the other two were refused, rebased and pushed again.
      expect(results.filter((r) => r.attempts > 1).length).toBeGreaterThanOrEqual(2)
    }
    for (const clone of team.clones) await clone.pull()

    const expected = await listing(team.clone('alice').dir)
    expect(expected).toEqual(['alice.jsonl', 'bob.jsonl', 'carol.jsonl'])
    for (const clone of team.clones) {
      expect(await listing(clone.dir)).toEqual(expected)
      for (const name of ['alice', 'bob', 'carol'])
        expect(await readFile(join(clone.dir, `${name}.jsonl`), 'utf8')).toBe(
          `${name} round 1\n${name} round 2\n${name} round 3\n`,
        )
      // Nothing half-done: no rebase left open, nothing uncommitted.
      expect((await clone.git(['status', '--porcelain'])).trim()).toBe('')
    }
    // Every commit of every round is on the branch: 1 seed + 3 clones × 3 rounds.
    const log = await team.clone('alice').git(['log', '--format=%s', 'origin/main'])
    expect(log.trim().split('\n')).toHaveLength(10)
  })

  it('reports a real conflict (two writers of one file) instead of hiding it', async () => {
    const alice = team.clone('alice')
    const bob = team.clone('bob')
    await writeFile(join(alice.dir, 'shared.json'), 'alice\n')
    await writeFile(join(bob.dir, 'shared.json'), 'bob\n')
    await alice.commitAllAndPush('alice writes shared')
    await expect(bob.commitAllAndPush('bob writes shared')).rejects.toThrow(/merge conflict in bob's clone/)
    // The failed rebase was undone: bob's own commit and file are still his.
    expect(await readFile(join(bob.dir, 'shared.json'), 'utf8')).toBe('bob\n')
    expect((await bob.git(['status', '--porcelain'])).trim()).toBe('')
  })
})
