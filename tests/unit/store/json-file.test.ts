import { spawnSync } from 'node:child_process'
import { mkdir, open, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { listBackups } from '../../../main/store/backups'
import { JsonFile, type JsonFileOptions, type RecoveryReport } from '../../../main/store/json-file'
import { namesIn, useTempDir } from '../../support/store-helpers'

const tmp = useTempDir()

interface Doc {
  version: number
  items: string[]
}

const isDoc = (d: unknown): d is Doc =>
  typeof d === 'object' && d !== null && (d as Doc).version === 1 && Array.isArray((d as Doc).items)

function setup(options: Partial<JsonFileOptions> = {}) {
  const file = join(tmp.path, 'doc.json')
  const backupsDir = join(tmp.path, 'backups')
  const reports: RecoveryReport[] = []
  const store = new JsonFile<Doc>(file, {
    backupsDir,
    validate: isDoc,
    onRecovered: (r) => reports.push(r),
    ...options,
  })
  return { file, backupsDir, store, reports }
}

const doc = (...items: string[]): Doc => ({ version: 1, items })

describe('JsonFile: reading and writing', () => {
  it('reads a missing file as null', async () => {
    const { store, reports } = setup()
    expect(await store.read()).toBeNull()
    expect(reports).toEqual([])
  })

  it('writes compact JSON by default, and reads it back', async () => {
    const { file, store } = setup()
    await store.write(doc('أ', 'b'))
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"items":["أ","b"]}')
    expect(await store.read()).toEqual(doc('أ', 'b'))
  })

  it('writes indented JSON with `pretty`', async () => {
    const { file, store } = setup({ pretty: true })
    await store.write(doc('a'))
    expect(await readFile(file, 'utf8')).toBe('{\n  "version": 1,\n  "items": [\n    "a"\n  ]\n}\n')
  })

  it('serialises the data when write is called, not when the queue reaches it', async () => {
    const { store } = setup()
    const data = doc('a')
    const first = store.write(doc('first'))
    const second = store.write(data)
    data.items.push('changed later')
    await Promise.all([first, second])
    expect(await store.read()).toEqual(doc('a'))
  })

  it('creates the file’s folder on first write', async () => {
    const file = join(tmp.path, 'articles', 'x.json')
    const store = new JsonFile<Doc>(file, { backupsDir: join(tmp.path, 'backups') })
    await store.write(doc())
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc())
  })

  it('rejects data that is not JSON', async () => {
    const { store } = setup()
    await expect(store.write(undefined as unknown as Doc)).rejects.toThrow(TypeError)
    await expect(store.write({ n: 1n } as unknown as Doc)).rejects.toThrow()
  })
})

describe('JsonFile: rolling backups', () => {
  it('keeps every version it writes as <basename>.<ms>.bak, a copy with an inode of its own', async () => {
    const { file, backupsDir, store } = setup()
    await store.write(doc('v1'))
    // The first write already has its copy: a file never changed again can still be restored.
    const [first] = await listBackups(file, backupsDir)
    expect(first!.path).toMatch(/[/\\]doc\.json\.\d{13,}\.bak$/)
    expect(JSON.parse(await readFile(first!.path, 'utf8'))).toEqual(doc('v1'))
    await store.write(doc('v2'))
    const backups = await listBackups(file, backupsDir)
    expect(backups).toHaveLength(2)
    // The newest backup is the last acknowledged write, not the one before it.
    expect(JSON.parse(await readFile(backups[0]!.path, 'utf8'))).toEqual(doc('v2'))
    expect(JSON.parse(await readFile(backups[1]!.path, 'utf8'))).toEqual(doc('v1'))
    expect((await stat(backups[0]!.path)).ino).not.toBe((await stat(file)).ino)
  })

  it('keeps its copy when the file is damaged in place (same inode)', async () => {
    const { file, backupsDir, store, reports } = setup()
    await store.write(doc('v1'))
    await store.write(doc('v2'))
    // A tool writing into the file itself, not through a rename: a hard-linked backup would change with it.
    const handle = await open(file, 'r+')
    await handle.write('\0\0\0\0', 0)
    await handle.close()
    expect(JSON.parse(await readFile((await listBackups(file, backupsDir))[0]!.path, 'utf8'))).toEqual(
      doc('v2'),
    )
    expect(await store.read()).toEqual(doc('v2'))
    expect(reports[0]!.nothingLost).toBe(true)
  })

  it('takes a copy on read of a good file that has none, as an older Hamish left it', async () => {
    const { file, backupsDir, store, reports } = setup()
    // An older Hamish backed up each version before replacing it: its newest backup is one write behind.
    await mkdir(backupsDir)
    await writeFile(join(backupsDir, 'doc.json.1000.bak'), JSON.stringify(doc('v1')))
    await writeFile(file, JSON.stringify(doc('v2')))
    expect(await store.read()).toEqual(doc('v2'))
    const [newest] = await listBackups(file, backupsDir)
    expect(JSON.parse(await readFile(newest!.path, 'utf8'))).toEqual(doc('v2'))
    // A second read finds its copy and takes no other.
    expect(await store.read()).toEqual(doc('v2'))
    expect(await listBackups(file, backupsDir)).toHaveLength(2)

    await writeFile(file, '{"version":1,"ite')
    expect(await store.read()).toEqual(doc('v2'))
    expect(reports[0]!.nothingLost).toBe(true)
  })

  it('takes no copy on read when told not to (files rebuilt rather than restored)', async () => {
    const { file, backupsDir, store } = setup({ backUpOnRead: false })
    await writeFile(file, JSON.stringify(doc('v1')))
    expect(await store.read()).toEqual(doc('v1'))
    expect(await listBackups(file, backupsDir)).toEqual([])
  })

  it('keeps at most 5 backups, the newest ones, with unique increasing names', async () => {
    const { file, backupsDir, store } = setup()
    for (let i = 0; i < 12; i++) await store.write(doc(`v${i}`))
    const backups = await listBackups(file, backupsDir)
    expect(backups).toHaveLength(5)
    const contents = await Promise.all(backups.map(async (b) => JSON.parse(await readFile(b.path, 'utf8'))))
    expect(contents).toEqual([doc('v11'), doc('v10'), doc('v9'), doc('v8'), doc('v7')])
    expect(new Set(backups.map((b) => b.time)).size).toBe(5)
  })

  it('honours keepBackups, and leaves other files’ backups alone', async () => {
    const { file, backupsDir, store } = setup({ keepBackups: 2 })
    await mkdir(backupsDir)
    await writeFile(join(backupsDir, 'other.json.1.bak'), '{}')
    for (let i = 0; i < 6; i++) await store.write(doc(`v${i}`))
    expect(await listBackups(file, backupsDir)).toHaveLength(2)
    expect(await namesIn(backupsDir)).toContain('other.json.1.bak')
  })

  it('still saves when no backup can be made, and says so', async () => {
    const onBackupFailed = vi.fn()
    const blocked = join(tmp.path, 'blocked')
    await writeFile(blocked, 'a file where the backups folder should be')
    const { file, store } = setup({ onBackupFailed, backupsDir: blocked })
    await store.write(doc('v1'))
    await store.write(doc('v2'))
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc('v2'))
    expect(onBackupFailed).toHaveBeenCalledTimes(2)
  })
})

describe('JsonFile: damaged files', () => {
  const damaged: [string, Uint8Array | string][] = [
    ['garbage bytes', new Uint8Array([0x00, 0xff, 0x13, 0x37, 0xde, 0xad, 0xbe, 0xef])],
    ['truncated JSON', '{"version":1,"items":["a","b'],
    ['an empty file', ''],
    ['hostile __proto__ JSON', '{"version":1,"items":[],"__proto__":{"polluted":true}}'],
    ['JSON of the wrong shape', '{"version":2,"items":"no"}'],
  ]

  it.each(damaged)('moves %s aside untouched and restores the newest good backup', async (_name, bytes) => {
    const { file, backupsDir, store, reports } = setup()
    await store.write(doc('v1'))
    await store.write(doc('v2'))
    await store.write(doc('v3')) // backups: v3 (newest), v2, v1
    await writeFile(file, bytes)

    expect(await store.read()).toEqual(doc('v3'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()

    expect(reports).toHaveLength(1)
    const [report] = reports
    expect(report!.file).toBe(file)
    expect(report!.movedTo).toMatch(/[/\\]doc\.json\.corrupt-\d{13,}$/)
    const [newest] = await listBackups(file, backupsDir)
    expect(report!.restoredFrom).toBe(newest!.path)
    expect(report!.restoredTime).toBe(newest!.time)
    expect(report!.nothingLost).toBe(true)
    expect(Buffer.from(await readFile(report!.movedTo)).equals(Buffer.from(bytes))).toBe(true)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc('v3'))
  })

  it('skips backups that are damaged too, newest first', async () => {
    const { file, backupsDir, store, reports } = setup()
    await store.write(doc('v1'))
    await store.write(doc('v2'))
    await store.write(doc('v3')) // backups: v3, v2, v1
    const [newest, older] = await listBackups(file, backupsDir)
    await writeFile(newest!.path, '{"trunc')
    await writeFile(file, 'garbage')
    expect(await store.read()).toEqual(doc('v2'))
    expect(reports[0]).toMatchObject({ restoredFrom: older!.path, restoredTime: older!.time })
    // v3 is lost, and the report says so.
    expect(reports[0]!.nothingLost).toBe(false)
  })

  it('returns null when no backup is usable, and never overwrites the damaged file', async () => {
    const { file, store, reports } = setup()
    await writeFile(file, '{"version":1,"items":[') // no backups at all
    expect(await store.read()).toBeNull()
    expect(reports).toEqual([
      {
        file,
        movedTo: expect.stringContaining('.corrupt-'),
        restoredFrom: null,
        restoredTime: null,
        nothingLost: false,
        reason: expect.any(String),
      },
    ])
    // A later write creates a new file; the damaged bytes stay where they were put.
    await store.write(doc('new'))
    expect(await readFile(reports[0]!.movedTo, 'utf8')).toBe('{"version":1,"items":[')
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc('new'))
  })

  it('never reuses the name of an earlier damaged file', async () => {
    const { file, store, reports } = setup()
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000)
    try {
      await writeFile(file, 'first damage')
      await store.read()
      await writeFile(file, 'second damage')
      await store.read()
    } finally {
      vi.restoreAllMocks()
    }
    expect(reports.map((r) => r.movedTo)).toEqual([
      `${file}.corrupt-1700000000000`,
      `${file}.corrupt-1700000000000-1`,
    ])
    expect(await readFile(reports[0]!.movedTo, 'utf8')).toBe('first damage')
    expect(await readFile(reports[1]!.movedTo, 'utf8')).toBe('second damage')
  })

  it('treats a throwing validator as a failed check, and survives a throwing onRecovered', async () => {
    const { file, store } = setup({
      validate: () => {
        throw new Error('validator bug')
      },
      onRecovered: () => {
        throw new Error('notice bug')
      },
    })
    await writeFile(file, '{"version":1,"items":[]}')
    expect(await store.read()).toBeNull()
    expect((await namesIn(tmp.path)).some((n) => n.startsWith('doc.json.corrupt-'))).toBe(true)
  })

  it('reports a file it cannot read (not damage) without moving anything', async () => {
    const { file, store, reports } = setup()
    await mkdir(file)
    await expect(store.read()).rejects.toMatchObject({ code: 'EISDIR' })
    expect(reports).toEqual([])
    expect(await namesIn(tmp.path)).toEqual(['doc.json'])
  })
})

describe('JsonFile: stale temp files', () => {
  /** A pid that surely belongs to no running process: one that just exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    return Number(child.stdout.toString())
  }

  it('removes temp files of dead writers on read, and keeps live ones and unrelated files', async () => {
    const { backupsDir, store } = setup()
    await mkdir(backupsDir)
    const dead = deadPid()
    const stale = [`.doc.json.tmp-${dead}-1`, `.doc.json.tmp-${dead}-7`]
    const kept = [
      `.doc.json.tmp-${process.pid}-99`, // this process: a write in progress
      `.doc.json.tmp-${process.ppid}-1`, // a live process
      `.other.json.tmp-${dead}-1`, // another file's
      'notes.txt',
    ]
    for (const name of [...stale, ...kept]) await writeFile(join(tmp.path, name), 'partial')
    await writeFile(join(backupsDir, `.doc.json.123.bak.tmp-${dead}-2`), 'partial copy')

    expect(await store.read()).toBeNull()
    expect(await namesIn(tmp.path)).toEqual(['backups', ...kept].sort())
    expect(await namesIn(backupsDir)).toEqual([])
  })
})

describe('JsonFile: permissions', () => {
  it.runIf(process.platform !== 'win32')(
    'writes files 0600 and makes folders 0700 under umask 022, backups and restored files too',
    async () => {
      const previous = process.umask(0o022)
      try {
        const file = join(tmp.path, 'library', 'articles', 'a.json')
        const backupsDir = join(tmp.path, 'library', 'backups')
        const store = new JsonFile<Doc>(file, { backupsDir, validate: isDoc })
        await store.write(doc('v1'))
        await store.write(doc('v2'))
        const mode = async (path: string) => (await stat(path)).mode & 0o777
        expect(await mode(file)).toBe(0o600)
        for (const backup of await listBackups(file, backupsDir)) expect(await mode(backup.path)).toBe(0o600)
        expect(await mode(join(tmp.path, 'library'))).toBe(0o700)
        expect(await mode(join(tmp.path, 'library', 'articles'))).toBe(0o700)
        expect(await mode(backupsDir)).toBe(0o700)

        await writeFile(file, 'damaged')
        expect(await store.read()).toEqual(doc('v2'))
        expect(await mode(file)).toBe(0o600)
      } finally {
        process.umask(previous)
      }
    },
  )
})
