import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../main/library/library'
import { servePages, type PageServer } from '../../support/page-server'

let server: PageServer
const dirs: string[] = []
/** Responses the slow page holds open until the test lets them finish. */
const held: ServerResponse[] = []
const PAGE =
  '<html lang="ar" dir="rtl"><title>صفحة بطيئة</title><body><h1>صفحة بطيئة</h1><p>وصلت الصفحة بعد انتظار طويل.</p></body></html>'

beforeAll(async () => {
  server = await servePages({
    '/slow': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write('<!doctype html>')
      held.push(res)
    },
  })
})
afterAll(async () => {
  for (const res of held) res.end()
  await server.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

/** The names `unfinished-imports.json` lists now, or null when the file is absent. */
async function listedOnDisk(dir: string): Promise<string[] | null> {
  try {
    const data = JSON.parse(await readFile(join(dir, 'unfinished-imports.json'), 'utf8')) as {
      files: { name: string }[]
    }
    return data.files.map((f) => f.name)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Waits until the server holds `count` requests for the slow page open. */
async function heldCount(count: number): Promise<void> {
  while (held.length < count) await new Promise((r) => setTimeout(r, 10))
}

describe('a private address saved after the user confirms it', () => {
  it('is listed as unfinished while the confirmed fetch runs, and leaves the list when it lands', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hamish-unfinished-address-'))
    dirs.push(dir)
    const library = await Library.open(dir, { noSample: true })
    const address = `${server.origin}/slow`
    const [ticket] = await library.planImports([{ name: address, size: 0 }])
    expect(await listedOnDisk(dir)).toEqual([address])
    // First call, as the page makes it: refused, so that the page can ask the user.
    const asked = await library.importAddress(address, {}, ticket)
    expect(asked.text?.key).toBe('messages.privateAddress')
    // The user said Save anyway: the same ticket again, and the page is slow to come.
    const before = held.length
    const saving = library.importAddress(address, { allowPrivate: true }, ticket)
    await heldCount(before + 1)
    expect(await listedOnDisk(dir)).toEqual([address])
    held[before]!.end(PAGE)
    const outcome = await saving
    expect(outcome.status).toBe('added')
    expect(await listedOnDisk(dir)).toBeNull()
    // A library opened afterwards finds nothing left over.
    expect((await Library.open(dir, { noSample: true })).listUnfinishedImports()).toEqual([])
  })

  it('is what a library opened mid-fetch offers again; Stop takes it off the list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hamish-unfinished-address-'))
    dirs.push(dir)
    const library = await Library.open(dir, { noSample: true })
    const address = `${server.origin}/slow?again`
    const [ticket] = await library.planImports([{ name: address, size: 0 }])
    await library.importAddress(address, {}, ticket)
    const before = held.length
    const saving = library.importAddress(address, { allowPrivate: true }, ticket)
    await heldCount(before + 1)
    // What a window closed now would leave: the next session offers the page again.
    const reopened = await Library.open(dir, { noSample: true })
    expect(reopened.listUnfinishedImports()).toEqual([{ name: address, size: 0 }])
    await library.cancelImports([ticket!])
    expect((await saving).status).toBe('cancelled')
    expect(await listedOnDisk(dir)).toBeNull()
    // A cancelled ticket is not listed again if it is sent once more.
    expect((await library.importAddress(address, { allowPrivate: true }, ticket)).status).toBe('cancelled')
    expect(await listedOnDisk(dir)).toBeNull()
  })
})
