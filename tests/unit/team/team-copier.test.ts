import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { teamFileKind } from '../../../common/team/file-kinds'
import { useTempDir } from '../../support/store-helpers'
import { member, type Member } from './team-library'

// Issue 12: two libraries with two copies of a team folder, joined by a copier that delays,
// reorders, duplicates, truncates and injects conflict copies. Whatever it does, once it has
// copied everything the two libraries hold the same annotations as the model: no id lost.

const tmp = useTempDir('hamish-team-copier-')

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

async function walk(root: string, dir = root): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name)
    if (entry.name === '.hamish-tmp') continue
    if (entry.isDirectory()) out.push(...(await walk(root, path)))
    else out.push(relative(root, path))
  }
  return out
}

/**
 * Copies what changed between two folders, one writer per file: a file goes from the side whose
 * device wrote it (its name says which) to the other. With faults on, each copy may be put off,
 * cut short (the rest comes later), made twice, or land as a conflict copy beside the old file.
 */
class Copier {
  removedCopies = new Set<string>()
  /** What the faults did, so a run that happened to inject none is seen. */
  readonly faults = { delayed: 0, truncated: 0, conflictCopies: 0, duplicated: 0 }
  constructor(
    readonly sides: [string, string],
    readonly devices: [string, string],
    readonly rand: () => number,
  ) {}

  /** Which side writes `path`: 0 for A (the team's creator also wrote team.json and the article). */
  writer(path: string): 0 | 1 {
    return path.includes(this.devices[1]) ? 1 : 0
  }

  async step(faults: boolean): Promise<void> {
    const paths = new Set([...(await walk(this.sides[0])), ...(await walk(this.sides[1]))])
    const order = [...paths].sort(() => (faults ? this.rand() - 0.5 : 0))
    for (const path of order) {
      const kind = teamFileKind(path.split('/').at(-1)!)
      if (kind.kind === 'conflict-copy') {
        await this.#copyConflictCopy(path)
        continue
      }
      const from = this.writer(path)
      const source = join(this.sides[from], path)
      const target = join(this.sides[1 - from]!, path)
      const bytes = await readFile(source).catch(() => null)
      if (!bytes) continue
      const there = await readFile(target).catch(() => null)
      if (there && Buffer.compare(there, bytes) === 0) continue
      const roll = faults ? this.rand() : 1
      await mkdir(dirname(target), { recursive: true })
      if (roll < 0.25) {
        this.faults.delayed++ // put off to a later step
        continue
      }
      if (roll < 0.4) {
        this.faults.truncated++
        await writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2))) // cut short, for now
        continue
      }
      if (roll < 0.5 && there && path.endsWith('.jsonld')) {
        // Two writers met (a restored backup): the engine keeps the old one and a copy of the new.
        this.faults.conflictCopies++
        await writeFile(target.replace(/\.jsonld$/, '.sync-conflict-20261207-101112-ABCDEF7.jsonld'), bytes)
        continue
      }
      await writeFile(target, bytes)
      if (roll < 0.6) {
        this.faults.duplicated++
        await copyFile(source, target) // made twice
      }
    }
  }

  /** Conflict copies travel both ways; one its owner folded (and removed) goes from both sides. */
  async #copyConflictCopy(path: string): Promise<void> {
    if (this.removedCopies.has(path)) {
      for (const side of this.sides) await rm(join(side, path), { force: true })
      return
    }
    const here = await Promise.all(
      this.sides.map((s) =>
        stat(join(s, path)).then(
          () => true,
          () => false,
        ),
      ),
    )
    if (here[0] && here[1]) return
    const present = here[0] ? 0 : 1
    await copyFile(join(this.sides[present], path), join(this.sides[1 - present]!, path))
  }

  /** Notes which copies the owner folded in its last pass. */
  folded(paths: readonly string[], root: string): void {
    for (const p of paths) this.removedCopies.add(relative(root, join(root, p)))
  }
}

const words = ['الشيباني', 'موسكو', 'لافروف', 'الخارجية', 'السوري']

describe('two copies of a team folder joined by a faulty copier', () => {
  for (const seed of [1, 2, 3]) {
    it(`end with both libraries holding the model's annotations, none lost (seed ${seed})`, async () => {
      const rand = random(seed)
      const [fa, fb] = [join(tmp.path, 'copy-a'), join(tmp.path, 'copy-b')]
      const a = await member(tmp.path, 'a', { sample: true })
      const b = await member(tmp.path, 'b')
      await a.team.join(fa, 'ليلى')
      const articleA = a.library.listArticles()[0]!.id
      await a.team.share(articleA)
      const devices: [string, string] = [(await a.team.status()).me.device, (await b.team.status()).me.device]
      const copier = new Copier([fa, fb], devices, rand)
      await copier.step(false)
      await b.team.join(fb, 'Omar')
      await copier.step(false)
      await b.team.sync()
      const articleB = b.library.listArticles()[0]!.id

      // The model: each member changes only their own annotations; id → note, or null once deleted.
      const model = new Map<string, string | null>()
      const mine: [string[], string[]] = [[], []]
      const side = (i: 0 | 1): [Member, string] => (i === 0 ? [a, articleA] : [b, articleB])
      for (let round = 0; round < 14; round++) {
        const who = rand() < 0.5 ? 0 : 1
        const [m, article] = side(who)
        const roll = rand()
        const own = mine[who].filter((id) => model.get(id) !== null)
        if (roll < 0.5 || own.length === 0) {
          const note = `ملاحظة ${round}`
          const made = await m.highlight(article, words[Math.floor(rand() * words.length)]!, note)
          model.set(made.id, note)
          mine[who].push(made.id)
        } else {
          const id = own[Math.floor(rand() * own.length)]!
          if (roll < 0.8) {
            const current = (await m.library.listAnnotations(article)).find((x) => x.id === id)!
            const note = `تعديل ${round}`
            await m.library.updateAnnotation(article, id, { note }, current.modified)
            model.set(id, note)
          } else {
            await m.library.deleteAnnotation(article, id)
            model.set(id, null)
          }
        }
        for (const i of [0, 1] as const) {
          const report = await side(i)[0].team.sync()
          copier.folded(report.foldedCopies, i === 0 ? fa : fb)
        }
        await copier.step(true)
      }
      // The copier catches up; a few passes each, and everything has arrived.
      for (let i = 0; i < 4; i++) {
        for (const k of [0, 1] as const) {
          const report = await side(k)[0].team.sync()
          copier.folded(report.foldedCopies, k === 0 ? fa : fb)
        }
        await copier.step(false)
      }

      expect(copier.faults.delayed + copier.faults.truncated).toBeGreaterThan(0)
      expect(copier.faults.conflictCopies + copier.faults.duplicated).toBeGreaterThan(0)
      const expected = [...model.entries()]
        .filter(([, n]) => n !== null)
        .map(([id, n]) => [id, n])
        .sort()
      for (const [m, article] of [side(0), side(1)]) {
        const live = (await m.library.listAnnotations(article)).map((x) => [x.id, x.body.note]).sort()
        expect(live).toEqual(expected)
        const all = await m.library.listAnnotations(article, { includeDeleted: true })
        expect(all.map((x) => x.id).sort()).toEqual([...model.keys()].sort())
      }
      await a.close()
      await b.close()
    })
  }
})
