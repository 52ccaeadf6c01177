import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/store-helpers'
import { member } from './team-library'

// Syncthing never carries .stignore between devices: every member's copy of the team folder gets
// its own line for .hamish-tmp/ when joining (tests/e2e/team-engines/team-syncthing.test.ts shows
// a cut-short write travelling to a third device without it).

const tmp = useTempDir('hamish-team-')

describe('the team folder’s .stignore on each device', () => {
  it('is written for a member who joins, keeping the patterns already there, once', async () => {
    const creatorsCopy = join(tmp.path, 'creator-team')
    const joinersCopy = join(tmp.path, 'joiner-team')
    const a = await member(tmp.path, 'a', { sample: true })
    await a.team.join(creatorsCopy, 'ليلى')
    // The engine carried everything but .stignore to the joiner's copy; the joiner had a pattern of their own.
    await cp(creatorsCopy, joinersCopy, { recursive: true })
    await rm(join(joinersCopy, '.stignore'))
    await writeFile(join(joinersCopy, '.stignore'), '(?d).DS_Store')

    const b = await member(tmp.path, 'b')
    await b.team.join(joinersCopy, 'Omar')
    expect(await readFile(join(joinersCopy, '.stignore'), 'utf8')).toBe('(?d).DS_Store\n.hamish-tmp\n')
    await b.team.join(joinersCopy, 'Omar')
    expect(await readFile(join(joinersCopy, '.stignore'), 'utf8')).toBe('(?d).DS_Store\n.hamish-tmp\n')
    expect(await readFile(join(creatorsCopy, '.stignore'), 'utf8')).toBe('.hamish-tmp\n')
    await a.close()
    await b.close()
  })
})
