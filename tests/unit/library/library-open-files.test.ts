import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'

const ROOT = resolve(__dirname, '../../..')
const sampleBytes = new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt')))
const sample = { name: 'lavrov-shaibani-moscow.ar.txt', bytes: sampleBytes }

let parent: string
let dir: string
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'hamish-open-files-'))
  dir = join(parent, 'library')
})
afterEach(async () => {
  await rm(parent, { recursive: true, force: true })
})

/** A pid that surely belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

/** Every file and folder under `root`, relative paths. */
async function walk(root: string, prefix = ''): Promise<{ files: string[]; dirs: string[] }> {
  const files: string[] = []
  const dirs: string[] = []
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name)
    if (entry.isDirectory()) {
      dirs.push(path)
      const inner = await walk(root, path)
      files.push(...inner.files)
      dirs.push(...inner.dirs)
    } else files.push(path)
  }
  return { files, dirs }
}

describe('opening a library removes the temp files killed writers left in any of its folders', () => {
  it('removes stale temps of dead writers everywhere, and keeps live ones and other files', async () => {
    const library = await Library.open(dir, { sample })
    const id = library.listArticles()[0]!.id
    await library.search('الشيباني', {})
    const dead = deadPid()
    const folders = ['', 'articles', 'backups', 'search-index', join('backups', 'search-index')]
    const stale = folders.flatMap((f) => [
      join(f, `.${id}.json.tmp-${dead}-3`),
      join(f, `.library.json.${Date.now()}.bak.tmp-${dead}-4`),
    ])
    const kept = [
      join('articles', `.${id}.json.tmp-${process.ppid}-1`), // a live process's write in progress
      join('articles', 'notes.txt'),
      join('backups', `${id}.json.tmp-${dead}-1`), // not our temp form (no leading dot)
    ]
    for (const path of [...stale, ...kept]) await writeFile(join(dir, path), 'partial')

    await Library.open(dir, { sample })
    const { files } = await walk(dir)
    for (const path of stale) expect(files).not.toContain(path)
    for (const path of kept) expect(files).toContain(path)
  })
})

describe('library permissions', () => {
  it.runIf(process.platform !== 'win32')(
    'makes every folder 0700 and writes every file 0600 under umask 022',
    async () => {
      const previous = process.umask(0o022)
      try {
        const library = await Library.open(dir, { sample })
        const id = library.listArticles()[0]!.id
        const text = plainText((await library.getArticle(id)).doc)
        const quote = 'الشيباني'
        const start = [...text.slice(0, text.indexOf(quote))].length
        await library.addAnnotation({
          articleId: id,
          start,
          end: start + [...quote].length,
          quote,
          color: 'green',
        })
        await library.updateSettings({ fontSize: 22 })
        await library.search(quote, {})
        await library.flush()

        const { files, dirs } = await walk(dir)
        expect(dirs.sort()).toEqual([
          'annotations',
          'articles',
          'backups',
          join('backups', 'search-index'),
          'search-index',
        ])
        expect(files).toContain(join('annotations', `${id}.jsonl`))
        expect(files).toContain('annotation-counts.json')
        for (const path of ['', ...dirs]) expect((await stat(join(dir, path))).mode & 0o777, path).toBe(0o700)
        // library.lock (the lock's own file) holds only who has the library open.
        const ours = files.filter((f) => f !== 'library.lock')
        expect(ours.length).toBeGreaterThan(6)
        for (const path of ours) expect((await stat(join(dir, path))).mode & 0o777, path).toBe(0o600)
      } finally {
        process.umask(previous)
      }
    },
  )

  it.runIf(process.platform !== 'win32')(
    'leaves the modes of a folder that already exists as they are',
    async () => {
      const previous = process.umask(0o022)
      try {
        await mkdir(dir, { mode: 0o750 })
        await Library.open(dir, { sample })
        expect((await stat(dir)).mode & 0o777).toBe(0o750)
        expect((await stat(join(dir, 'articles'))).mode & 0o777).toBe(0o700)
      } finally {
        process.umask(previous)
      }
    },
  )
})
