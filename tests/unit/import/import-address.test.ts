import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordText } from '../../../common/i18n/local-text'
import { createTranslator } from '../../../common/i18n/translator'
import { plainText } from '../../../common/plain-text'
import { fetchPage } from '../../../main/import/fetch-page'
import { importFile } from '../../../main/import/import-file'
import { Library } from '../../../main/library/library'
import { runHamish } from '../../support/cli-run'
import { closedPort, servePages, type PageServer } from '../../support/page-server'
import { encodeWindows1256 } from '../../support/windows-1256'

const FIXTURES = join(__dirname, '../../fixtures')
let server: PageServer
let udhr: Buffer
let osman: Buffer
const MB = 1024 * 1024
const open: { end(): void }[] = []
const dirs: string[] = []

/** Every link's href in a document, in order. */
function linkHrefs(doc: unknown): string[] {
  const hrefs: string[] = []
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    const n = node as { marks?: { type: string; attrs?: { href: string } }[]; content?: unknown[] }
    for (const m of n.marks ?? []) if (m.type === 'link') hrefs.push(m.attrs!.href)
    for (const c of n.content ?? []) walk(c)
  }
  walk(doc)
  return hrefs
}

async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

beforeAll(async () => {
  udhr = await readFile(join(FIXTURES, 'udhr-arb.html'))
  osman = await readFile(join(FIXTURES, 'arcd-01-osman-i.html'))
  const windows1256 = encodeWindows1256(udhr.toString('utf8'))
  server = await servePages({
    '/osman': (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(osman),
    '/udhr-1256': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(windows1256),
    '/hop1': (_q, res) => res.writeHead(301, { location: '/hop2' }).end(),
    '/hop2': (_q, res) => res.writeHead(302, { location: '/osman' }).end(),
    '/loop': (_q, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/links': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<html lang="ar" dir="rtl"><body><h1>روابط</h1><p>انظر <a href="/osman">عثمان</a> و<a href="andalus">الأندلس</a> و<a href="//127.0.0.1:1/udhr">الإعلان</a> و<a href="#s2">القسم الثاني</a> و<a href="javascript:alert(1)">هذا</a>.</p><h2 id="s2">القسم الثاني</h2><p>نص.</p></body></html>',
        ),
    '/to-secret': (q, res) =>
      res.writeHead(302, { location: `http://reader:pw@${q.headers.host}/osman` }).end(),
    ...Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((n) => [
        `/chain${n}`,
        (_q: unknown, res: ServerResponse) =>
          res.writeHead(307, { location: n === 1 ? '/osman' : `/chain${n - 1}` }).end(),
      ]),
    ),
    '/pdf': (_q, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n'),
    // Served without a Content-Type: sniffed from the body.
    '/untyped-html': (_q, res) => res.writeHead(200).end(osman),
    '/untyped-text': (_q, res) =>
      res.writeHead(200).end('\ufeff  مقالة قصيرة\n\nهذه فقرة من نص عادي أرسلها الخادم دون أن يذكر نوعه.\n'),
    '/untyped-png': (_q, res) =>
      res.writeHead(200).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    // Pages whose refusals were worded for files.
    '/empty': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(),
    '/title-only': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><head><title>عنوان فقط</title></head><body></body></html>'),
    '/image-as-html': (_q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    // 50 MB and more, declared: refused from the header, before any of it is read.
    '/huge-declared': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(60 * MB) })
      res.write('<p>')
      open.push(res)
    },
    // No length declared: the body streams on past the limit, and the reader stops at it.
    '/huge-stream': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(MB, 'a')
      let sent = 0
      const more = (): void => {
        while (sent < 80 && res.write(chunk)) sent++
        if (sent < 80 && !res.destroyed) res.once('drain', more)
        else res.end()
      }
      more()
    },
    // A slow drip: headers, then one byte and nothing more.
    '/drip': (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<')
      open.push(res)
    },
  })
})
afterAll(async () => {
  for (const res of open) res.end()
  await server.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

async function emptyLibrary(): Promise<{ library: Library; dir: string }> {
  const dir = await temporaryDir('hamish-address-')
  return { library: await Library.open(dir, { noSample: true }), dir }
}

describe('saving a page from its address', () => {
  it('saves a page, recording its address and fetch time, and tells a second save as a duplicate', async () => {
    const { library } = await emptyLibrary()
    const address = `${server.origin}/osman`
    const now = new Date('2026-12-07T10:00:00Z')
    const outcome = await library.importAddress(address, { allowPrivate: true, now: () => now })
    expect(outcome.status).toBe('added')
    expect(outcome.article?.source).toBe(address)
    expect(outcome.article?.fetched).toBe(now.toISOString())
    const article = await library.getArticle(outcome.article!.id)
    const fromFile = importFile('arcd-01-osman-i.html', new Uint8Array(osman))
    expect(plainText(article.doc)).toBe(plainText(fromFile.doc))
    expect(library.listArticles().find((a) => a.id === outcome.article!.id)?.fetched).toBe(now.toISOString())
    const again = await library.importAddress(address, { allowPrivate: true })
    expect(again.status).toBe('duplicate')
    expect(again.article?.id).toBe(outcome.article!.id)
  })

  it('reads a Windows-1256 page served without a charset as Arabic', async () => {
    const { library } = await emptyLibrary()
    const outcome = await library.importAddress(`${server.origin}/udhr-1256`, { allowPrivate: true })
    expect(outcome.status).toBe('added')
    const article = await library.getArticle(outcome.article!.id)
    const fromFile = importFile('udhr-arb.html', new Uint8Array(udhr))
    expect(plainText(article.doc)).toBe(plainText(fromFile.doc))
    expect(plainText(article.doc)).toContain('الإعلان العالمي لحقوق الإنسان')
  })

  it('follows a redirect chain and shows each hop; refuses one that goes on too long', async () => {
    const { library } = await emptyLibrary()
    const outcome = await library.importAddress(`${server.origin}/hop1`, { allowPrivate: true })
    expect(outcome.status).toBe('added')
    expect(outcome.redirects).toEqual([`${server.origin}/hop2`, `${server.origin}/osman`])
    expect(outcome.article?.source).toBe(`${server.origin}/osman`)
    const five = await library.importAddress(`${server.origin}/chain5`, { allowPrivate: true })
    expect(five.status).toBe('duplicate')
    expect(five.redirects).toHaveLength(5)
    const six = await library.importAddress(`${server.origin}/chain6`, { allowPrivate: true })
    expect(six.status).toBe('rejected')
    expect(six.text?.key).toBe('messages.fetchTooManyRedirects')
    const loop = await library.importAddress(`${server.origin}/loop`, { allowPrivate: true })
    expect(loop.status).toBe('rejected')
    expect(loop.text?.key).toBe('messages.fetchTooManyRedirects')
    expect(loop.message).toContain('the limit is 5')
  })

  it('refuses a 404, a damaged PDF, an oversized page, a slow drip and a closed port, storing nothing', async () => {
    const { library, dir } = await emptyLibrary()
    const before = await readdir(join(dir, 'articles'))
    const refused = async (path: string, options = {}): Promise<string | undefined> => {
      const outcome = await library.importAddress(`${server.origin}${path}`, {
        allowPrivate: true,
        ...options,
      })
      expect(outcome.status).toBe('rejected')
      expect(outcome.message).toContain(`${server.origin}${path}`)
      return outcome.text?.key
    }
    expect(await refused('/missing')).toBe('messages.fetchStatus')
    // A PDF goes to the PDF importer (import-address-documents.test.ts); this one is only its first line.
    expect(await refused('/pdf')).toBe('messages.invalidPdf')
    expect(await refused('/huge-declared')).toBe('messages.fetchTooLarge')
    expect(await refused('/huge-stream')).toBe('messages.fetchTooLarge')
    expect(await refused('/drip', { totalTimeoutMs: 300 })).toBe('messages.fetchTimedOut')
    const port = await closedPort()
    const closed = await library.importAddress(`http://127.0.0.1:${port}/`, { allowPrivate: true })
    expect(closed.text?.key).toBe('messages.fetchRefused')
    expect(library.listArticles()).toEqual([])
    expect(await readdir(join(dir, 'articles'))).toEqual(before)
  })

  it('reads a page served without a Content-Type by its body: HTML, text, else a refusal saying so', async () => {
    const { library, dir } = await emptyLibrary()
    const html = await library.importAddress(`${server.origin}/untyped-html`, { allowPrivate: true })
    expect(html.status).toBe('added')
    const article = await library.getArticle(html.article!.id)
    expect(plainText(article.doc)).toBe(plainText(importFile('osman.html', new Uint8Array(osman)).doc))
    const text = await library.importAddress(`${server.origin}/untyped-text`, { allowPrivate: true })
    expect(text.status).toBe('added')
    expect(plainText((await library.getArticle(text.article!.id)).doc)).toContain('هذه فقرة من نص عادي')
    const before = await readdir(join(dir, 'articles'))
    const png = await library.importAddress(`${server.origin}/untyped-png`, { allowPrivate: true })
    expect(png.status).toBe('rejected')
    expect(png.text?.key).toBe('messages.fetchNoType')
    expect(png.message).toContain('the server did not say what the page is')
    expect(png.message).not.toContain('?')
    expect(await readdir(join(dir, 'articles'))).toEqual(before)
  })

  it('words the refusal of an empty, text-less or binary page for a page, not a file, in English and Arabic', async () => {
    const { library } = await emptyLibrary()
    const ar = createTranslator('ar')
    const cases = [
      ['/empty', 'messages.pageEmpty', /the page at this address is empty/, /الصفحة على هذا العنوان فارغة/],
      [
        '/title-only',
        'messages.pageNoText',
        /no readable text on the page at this address/,
        /في الصفحة على هذا العنوان/,
      ],
      [
        '/image-as-html',
        'messages.pageBinary',
        /the server sends this address as a page, but it is a PNG image/,
        /يرسل الخادم هذا العنوان على أنه صفحة/,
      ],
    ] as const
    for (const [path, key, english, arabic] of cases) {
      const outcome = await library.importAddress(`${server.origin}${path}`, { allowPrivate: true })
      expect(outcome.status).toBe('rejected')
      expect(outcome.text?.key).toBe(key)
      expect(outcome.message).toMatch(english)
      expect(outcome.message).not.toMatch(/Choose the file|in this file|the file is|Hamish reads \.txt/)
      const worded = wordText(ar, outcome.text!)
      expect(worded).toMatch(arabic)
      expect(worded).not.toMatch(/اختر الملف|هذا الملف|هذا ملف/)
    }
    expect(library.listArticles()).toEqual([])
  })

  it('names an Arabic address in its messages as people read it, not as Punycode and percent escapes', async () => {
    const { library } = await emptyLibrary()
    const unknown = await library.importAddress('http://xn--mgbh0fb.invalid/%D9%85%D9%82%D8%A7%D9%84%D8%A9', {
      resolve: () => Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' })),
    })
    expect(unknown.text?.key).toBe('messages.fetchNoHost')
    expect(unknown.message).toBe(
      'http://مثال.invalid/مقالة: could not find مثال.invalid; check the address and that you are online. Nothing was added.',
    )
    // The outcome's name stays the address itself: the page words it for display.
    expect(unknown.name).toBe('http://xn--mgbh0fb.invalid/%D9%85%D9%82%D8%A7%D9%84%D8%A9')
    const missing = await library.importAddress(`${server.origin}/%D9%85%D9%81%D9%82%D9%88%D8%AF%20x`, {
      allowPrivate: true,
    })
    expect(missing.message).toMatch(new RegExp(`^${server.origin}/مفقود%20x: the server answered 404`))
    const empty = await library.importAddress(`${server.origin}/empty?%D8%B3=1`, { allowPrivate: true })
    expect(empty.message).toMatch(
      new RegExp(`^${server.origin}/empty\\?س=1: the page at this address is empty`),
    )
  })

  it('keeps a saved page’s relative links, made absolute against its address; a file keeps only their text', async () => {
    const { library } = await emptyLibrary()
    const outcome = await library.importAddress(`${server.origin}/links`, { allowPrivate: true })
    expect(outcome.status).toBe('added')
    const article = await library.getArticle(outcome.article!.id)
    expect(linkHrefs(article.doc)).toEqual([
      `${server.origin}/osman`,
      `${server.origin}/andalus`,
      'http://127.0.0.1:1/udhr',
      '#s2',
    ])
    // The same markup from a file on disk: nothing to resolve against, so no relative link survives.
    const page = await (await fetch(`${server.origin}/links`)).arrayBuffer()
    const fromFile = importFile('links.html', new Uint8Array(page))
    expect(linkHrefs(fromFile.doc)).toEqual(['#s2'])
  })

  it('never saves from an address with a user name or password, typed or redirected to', async () => {
    const { library, dir } = await emptyLibrary()
    const host = new URL(server.origin).host
    const typed = await library.importAddress(`http://reader:pw@${host}/osman`, { allowPrivate: true })
    expect(typed.status).toBe('rejected')
    expect(typed.text?.key).toBe('messages.addressWithCredentials')
    const redirected = await library.importAddress(`${server.origin}/to-secret`, { allowPrivate: true })
    expect(redirected.text?.key).toBe('messages.addressWithCredentials')
    // The password is in neither message, nor anywhere in the library.
    expect(`${typed.message} ${redirected.message}`).not.toContain('pw@')
    expect(library.listArticles()).toEqual([])
    expect(await readdir(join(dir, 'articles'))).toEqual([])
  })

  it('stops reading a streamed body at the limit rather than reading it all', async () => {
    await expect(
      fetchPage(`${server.origin}/huge-stream`, { allowPrivate: true, maxBytes: MB }),
    ).rejects.toThrow(/larger than 1 MB/)
  })

  it('refuses a private address unless confirmed, including a name that resolves there', async () => {
    const { library } = await emptyLibrary()
    const plain = await library.importAddress(`${server.origin}/osman`)
    expect(plain.status).toBe('rejected')
    expect(plain.text?.key).toBe('messages.privateAddress')
    expect(plain.message).toContain('127.0.0.1')
    const port = new URL(server.origin).port
    // A name (resolved by an injected resolver, so nothing leaves the machine) leading to ::ffff:127.0.0.1.
    const resolve = async (): Promise<{ address: string; family: 6 }[]> => [
      { address: '::ffff:127.0.0.1', family: 6 },
    ]
    const named = await library.importAddress(`http://news.example:${port}/osman`, { resolve })
    expect(named.text?.key).toBe('messages.privateAddress')
    expect(named.message).toContain('::ffff:127.0.0.1')
    expect(library.listArticles()).toEqual([])
    const confirmed = await library.importAddress(`${server.origin}/osman`, { allowPrivate: true })
    expect(confirmed.status).toBe('added')
  })

  it('refuses addresses other than http and https', async () => {
    const { library } = await emptyLibrary()
    for (const address of [
      'file:///etc/passwd',
      'ftp://127.0.0.1/',
      'javascript:alert(1)',
      'not an address',
    ]) {
      const outcome = await library.importAddress(address, { allowPrivate: true })
      expect(outcome.status).toBe('rejected')
      expect(outcome.text?.key).toBe('messages.notWebAddress')
    }
  })
})

describe('hamish import URL', () => {
  it('refuses a loopback address without --allow-private and saves it with the flag, redirects listed', async () => {
    const dir = await temporaryDir('hamish-address-cli-')
    const lib = join(dir, 'library')
    const refused = await runHamish('import', `${server.origin}/hop1`, '--library', lib)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('--allow-private')
    const saved = await runHamish(
      'import',
      `${server.origin}/hop1`,
      '--allow-private',
      '--library',
      lib,
      '--json',
    )
    expect(saved.code).toBe(0)
    const [outcome] = JSON.parse(saved.out) as { status: string; redirects: string[] }[]
    expect(outcome?.status).toBe('added')
    expect(outcome?.redirects).toEqual([`${server.origin}/hop2`, `${server.origin}/osman`])
    const text = await runHamish('import', `${server.origin}/hop1`, '--allow-private', '--library', lib)
    expect(text.out).toContain(`redirected to ${server.origin}/osman`)
  })
})
