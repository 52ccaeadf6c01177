import { spawn } from 'node:child_process'
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppendLog, type LogRepair } from '../../../main/store/append-log'
import { nodeFs, type StoreFs } from '../../../main/store/store-fs'
import { namesIn, systemError, useTempDir } from '../../support/store-helpers'
import { bundleChild } from '../../support/node-child'

interface Note {
  id: string
  text: string
}
const isNote = (v: unknown): v is Note =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Note).id === 'string' &&
  typeof (v as Note).text === 'string'

const tmp = useTempDir('hamish-log-')

async function openLog(file: string, fs?: StoreFs) {
  const repairs: LogRepair[] = []
  const opened = await AppendLog.open<Note>(file, {
    isRecord: isNote,
    onRepaired: (r) => repairs.push(r),
    fs,
  })
  return { ...opened, repairs }
}

describe('append log', () => {
  it('gives back what was appended, in order, and grows by the size of each change only', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log, records } = await openLog(file)
    expect(records).toEqual([])
    await log.append([{ id: 'a', text: 'أول' }])
    const afterOne = (await stat(file)).size
    await log.append([
      { id: 'b', text: 'ثانٍ' },
      { id: 'a', text: 'أول، معدّل' },
    ])
    expect(log.size).toBe((await stat(file)).size)
    expect((await stat(file)).size - afterOne).toBeLessThan(200)
    const again = await openLog(file)
    expect(again.records).toEqual([
      { id: 'a', text: 'أول' },
      { id: 'b', text: 'ثانٍ' },
      { id: 'a', text: 'أول، معدّل' },
    ])
    expect(again.repairs).toEqual([])
    expect(again.log.recordCount).toBe(3)
  })

  it('drops a torn last record (never acknowledged) and cuts it off the file', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log } = await openLog(file)
    await log.append([{ id: 'a', text: 'باقٍ' }])
    const sound = (await stat(file)).size
    await appendFile(file, '1234abcd {"id":"b","te') // a crash in the middle of the next append
    const again = await openLog(file)
    expect(again.records).toEqual([{ id: 'a', text: 'باقٍ' }])
    expect(again.repairs).toEqual([{ file, kind: 'torn-tail', unreadable: 1 }])
    expect((await stat(file)).size).toBe(sound)
    await again.log.append([{ id: 'c', text: 'بعده' }])
    expect((await openLog(file)).records.map((r) => r.id)).toEqual(['a', 'c'])
  })

  it('refuses a record whose checksum does not match, even when it parses', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log } = await openLog(file)
    await log.append([{ id: 'a', text: 'x' }])
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"x"', '"y"'))
    const again = await openLog(file)
    expect(again.records).toEqual([])
    expect(again.repairs[0]?.kind).toBe('torn-tail')
  })

  it('never takes several unsound lines, or whole records that are not ours, for a torn tail', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log } = await openLog(file)
    await log.append([{ id: 'a', text: '1' }])
    await AppendLog.open(file, { isRecord: (_v): _v is unknown => true }).then(({ log: any }) =>
      any.append([{ other: 1 }]),
    )
    const again = await openLog(file)
    expect(again.records.map((r) => r.id)).toEqual(['a'])
    expect(again.repairs[0]).toMatchObject({ kind: 'damaged', unreadable: 1 })
    expect(await readFile(again.repairs[0]!.movedTo!, 'utf8')).toMatch(/"other":1/)
  })

  it('keeps a damaged log aside and keeps every readable record, saying how many were lost', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log } = await openLog(file)
    await log.append([{ id: 'a', text: '1' }])
    await log.append([{ id: 'b', text: '2' }])
    await log.append([{ id: 'c', text: '3' }])
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines[1] = 'garbage from outside'
    const damaged = lines.join('\n')
    await writeFile(file, damaged)
    const again = await openLog(file)
    expect(again.records.map((r) => r.id)).toEqual(['a', 'c'])
    expect(again.repairs).toHaveLength(1)
    expect(again.repairs[0]).toMatchObject({ kind: 'damaged', unreadable: 1 })
    expect(await readFile(again.repairs[0]!.movedTo!, 'utf8')).toBe(damaged)
    expect((await openLog(file)).repairs).toEqual([])
  })

  it('cuts a failed append back off, so the next one does not land behind half a line', async () => {
    const file = join(tmp.path, 'notes.log')
    const failing = { on: false }
    const fs: StoreFs = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const handle = await nodeFs.open(path, flags, mode)
        if (!failing.on || flags !== 'a') return handle
        // The disk fills half-way through the write.
        return Object.assign(handle, {
          writeFile: async (data: Uint8Array) => {
            await appendFile(path as string, data.subarray(0, data.byteLength >> 1))
            throw systemError('ENOSPC', 'ENOSPC: no space left on device, write')
          },
        })
      },
    }
    const { log } = await openLog(file, fs)
    await log.append([{ id: 'a', text: 'محفوظ' }])
    failing.on = true
    await expect(log.append([{ id: 'b', text: 'ضاع' }])).rejects.toMatchObject({ code: 'ENOSPC' })
    failing.on = false
    await log.append([{ id: 'c', text: 'بعد تحرير المساحة' }])
    const again = await openLog(file)
    expect(again.records.map((r) => r.id)).toEqual(['a', 'c'])
    expect(again.repairs).toEqual([])
  })

  it('rewrites the whole log atomically for compaction', async () => {
    const file = join(tmp.path, 'notes.log')
    const { log } = await openLog(file)
    for (let i = 0; i < 5; i++) await log.append([{ id: 'a', text: String(i) }])
    await log.rewrite([{ id: 'a', text: '4' }])
    expect(log.recordCount).toBe(1)
    await log.append([{ id: 'b', text: 'بعد الضغط' }])
    expect((await openLog(file)).records).toEqual([
      { id: 'a', text: '4' },
      { id: 'b', text: 'بعد الضغط' },
    ])
    expect(await namesIn(tmp.path)).toEqual(['notes.log'])
  })

  it('loses no acknowledged append across 60 SIGKILLs at random moments', { timeout: 120_000 }, async () => {
    const script = await bundleChild('append-log-crash-child', tmp.path)
    const file = join(tmp.path, 'counter.log')
    let acknowledged = -1
    for (let kill = 0; kill < 60; kill++) {
      const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      const exited = new Promise((done) => child.once('exit', done))
      // One kill in five during startup (and so perhaps during a repair), the rest while appending.
      if (kill % 5 !== 0)
        await new Promise<void>((started) => {
          const look = () => (/start/.test(out) || child.exitCode !== null ? started() : setTimeout(look, 5))
          look()
        })
      await new Promise((done) => setTimeout(done, Math.random() * 60))
      child.kill('SIGKILL')
      await exited
      const start = /start (\d+) (\d+)/.exec(out)
      if (start) {
        // Everything acknowledged before is there, in order, with nothing missing in between.
        expect(Number(start[1])).toBeGreaterThan(acknowledged)
        expect(Number(start[2])).toBe(Number(start[1]))
      }
      expect(out).not.toMatch(/repaired damaged/)
      for (const match of out.matchAll(/ack (\d+)/g)) acknowledged = Math.max(acknowledged, Number(match[1]))
    }
    const repairs: LogRepair[] = []
    const { records } = await AppendLog.open(file, {
      isRecord: (v: unknown): v is { n: number } => typeof (v as { n?: unknown }).n === 'number',
      onRepaired: (r) => repairs.push(r),
    })
    expect(repairs.filter((r) => r.kind === 'damaged')).toEqual([])
    expect(acknowledged).toBeGreaterThan(0)
    // Every counter from 0 on, each once, at least up to the last acknowledged one.
    expect(records.map((r) => r.n)).toEqual(records.map((_, i) => i))
    expect(records.length).toBeGreaterThan(acknowledged)
  })
})
