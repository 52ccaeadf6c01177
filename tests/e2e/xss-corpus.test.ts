import { strToU8, zipSync } from 'fflate'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocNode } from '../../common/document'
import { plainText } from '../../common/plain-text'
import {
  callApi,
  dropFiles,
  importResults,
  openApp,
  startBrowser,
  waitForLibrary,
  waitForReader,
  type AppSession,
} from './harness'

/**
 * The XSS corpus: payloads in the style of the Joplin, Zettlr, MarkText and
 * Obsidian CVEs, run through every way text from outside reaches the page
 * (imported HTML, Markdown and EPUB, notes, tags, author names, W3C and
 * Hypothesis files, titles, search snippets) and the HTML export. A payload
 * that executes calls `__pwned(id)` (recorded by an init script), and one
 * that loads anything asks a loopback listener on 127.0.0.2, which counts
 * hits; the page also records every request off the preview's origin. Both
 * must stay empty, and no CSP violation may be reported (one would mean a
 * live handler or script reached the DOM, even if the CSP stopped it).
 */

let browser: Browser | null = null
let app: AppSession | null = null
let trap: Server | null = null
const trapHits: string[] = []
let TRAP = ''

/** `__pwned('id')` for a payload's script, and the trap's address for what it would load. */
const call = (id: string): string => `__pwned('${id}')`
const url = (id: string): string => `${TRAP}/${id}`

/** HTML payloads (each a line of a page, an EPUB chapter, a note, a title). */
function htmlPayloads(): string[] {
  return [
    `<script>${call('script')}</script>`,
    `<img src="${url('img')}" onerror="${call('img-onerror')}">`,
    `<img src=x onerror=${call('img-bare')}>`,
    `<img srcset="${url('srcset')} 1x">`,
    `<svg onload="${call('svg-onload')}"><image href="${url('svg-image')}"/></svg>`,
    `<svg><script>${call('svg-script')}</script></svg>`,
    `<svg><a xlink:href="javascript:${call('svg-link')}"><text>svg link</text></a></svg>`,
    `<iframe srcdoc="&lt;script&gt;parent.${call('srcdoc')}&lt;/script&gt;"></iframe>`,
    `<iframe src="javascript:${call('iframe-js')}"></iframe>`,
    `<a href="javascript:${call('js-link')}">js link</a>`,
    `<a href="jav&#x09;ascript:${call('tab-entity')}">tab entity link</a>`,
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${call('entities')}">entity link</a>`,
    `<a href=" JaVaScRiPt:${call('case-space')}">case link</a>`,
    `<a href="vbscript:msgbox(1)">vb link</a>`,
    `<a href="data:text/html,&lt;script&gt;${call('data-link')}&lt;/script&gt;">data link</a>`,
    `<math><mtext><table><mglyph><style><img src=x onerror="${call('mxss-math')}">`,
    `<noscript><p title="</noscript><img src=x onerror=${call('mxss-noscript')}>"></noscript>`,
    `<form action="javascript:${call('form')}"><button>form button</button></form>`,
    `<base href="${url('base')}/">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${call('refresh-js')}">`,
    `<meta http-equiv="refresh" content="0;url=${url('refresh')}">`,
    `<div style="background:url('${url('css-inline')}')">css inline</div>`,
    `<style>@import '${url('css-import')}'; body { background: url(${url('css-bg')}) }</style>`,
    `<link rel="stylesheet" href="${url('link-css')}">`,
    `<form id="clobber" name="hamish"><input name="token" id="clobber-input"></form><img name="clobber-img">`,
    `<object data="${url('object')}"></object><embed src="${url('embed')}">`,
    `<video poster="${url('poster')}"><source src="${url('source')}"></video>`,
    `<audio src="${url('audio')}" onerror="${call('audio')}"></audio>`,
    `<details open ontoggle="${call('ontoggle')}">details text</details>`,
    `<input autofocus onfocus="${call('onfocus')}">`,
    `<x onclick="${call('onclick')}">custom element</x>`,
    `<template><img src=x onerror=${call('template')}></template>`,
    `<a href="${url('ping-target')}" ping="${url('ping')}">ping link</a>`,
  ]
}

/** Markdown payloads: links and images by every spelling, reference definitions, raw HTML (shown as text). */
function markdownPayloads(): string[] {
  return [
    `[md js](javascript:${call('md-js')})`,
    `[md entity](java&#x73;cript:${call('md-entity')})`,
    `[md angle](<javascript:${call('md-angle')}>)`,
    `[md data](data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKCdtZC1kYXRhJyk8L3NjcmlwdD4=)`,
    `[md ref][evil]\n\n[evil]: javascript:${call('md-ref')}`,
    `![md image](${url('md-image')})`,
    `![md ref image][pic]\n\n[pic]: ${url('md-ref-image')}`,
    `<javascript:${call('md-autolink')}>`,
    `<img src=x onerror=${call('md-raw')}>`,
    `[md title](https://example.org "x\\" onmouseover=\\"${call('md-title')}")`,
  ]
}

/** Every payload, each in a paragraph of its own, with a findable word for the search. */
const asHtmlBody = (): string =>
  [...htmlPayloads(), ...markdownPayloads()].map((p) => `<p>pwnword ${p}</p>`).join('\n')

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapHits.push(req.url ?? '')
    res.end()
  })
  await new Promise<void>((done) => trap!.listen(0, '127.0.0.2', done))
  TRAP = `http://127.0.0.2:${(trap.address() as AddressInfo).port}`
  browser = await startBrowser()
  if (!browser) return
  app = await openApp(browser)
  await app.page.addInitScript(() => {
    const w = window as unknown as { __hits: string[]; __pwned: (id: string) => void }
    w.__hits = []
    w.__pwned = (id) => w.__hits.push(id)
    window.alert = () => w.__hits.push('alert')
  })
  await app.page.reload()
  await waitForLibrary(app.page)
})

afterAll(async () => {
  await app?.close()
  await browser?.close()
  await new Promise((done) => trap?.close(done))
})

/** Nothing executed, nothing requested off the page's origin, no CSP violation, no clobbered global. */
async function nothingHappened(page: Page, where: string): Promise<void> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300))) // let any load or handler fire
  const state = await page.evaluate(() => ({
    hits: (window as unknown as { __hits: string[] }).__hits,
    clobbered: document.querySelectorAll('#clobber, #clobber-input, [name=clobber-img], [name=hamish]')
      .length,
    liveHandlers: Array.from(document.querySelectorAll('*'))
      .flatMap((el) => Array.from(el.attributes).map((a) => `${el.tagName} ${a.name}=${a.value}`))
      .filter(
        (a) =>
          /^\S+ on/i.test(a) ||
          /^\S+ (href|src|action|formaction|srcdoc|data|poster|xlink:href)=\s*javascript:/i.test(a),
      ),
  }))
  expect(state.hits, where).toEqual([])
  expect(state.clobbered, where).toBe(0)
  expect(state.liveHandlers, where).toEqual([])
  expect(app!.foreignRequests, where).toEqual([])
  expect(trapHits, where).toEqual([])
  expect(
    app!.pageErrors.filter((e) => /Content Security Policy|Refused to/i.test(e)),
    where,
  ).toEqual([])
}

async function openReader(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/read/${id}`), id)
  await waitForReader(page)
}

const bytes = (data: Uint8Array | string): { $bytes: string } => ({
  $bytes: Buffer.from(typeof data === 'string' ? strToU8(data) : data).toString('base64'),
})

describe('XSS corpus: nothing from outside executes or loads', () => {
  const ids: Record<string, string> = {}

  it('the detectors see a payload that does reach a DOM (so the checks below can fail)', async ({ skip }) => {
    if (!app) return skip()
    // A page without our CSP: the payload runs and asks for the trap (Chromium may refuse
    // the request itself to a loopback address from about:blank; the page still makes it).
    const bare = await app.page.context().newPage()
    const bareRequests: string[] = []
    bare.on('request', (r) => bareRequests.push(r.url()))
    await bare.addInitScript(() => {
      const w = window as unknown as { __hits: string[]; __pwned: (id: string) => void }
      w.__hits = []
      w.__pwned = (id) => w.__hits.push(id)
    })
    await bare.goto('about:blank')
    await bare.setContent(`<img src="${url('selfcheck')}" onerror="${call('selfcheck')}">`)
    await bare.waitForFunction(() => (window as unknown as { __hits: string[] }).__hits.length > 0)
    await bare.close()
    expect(bareRequests).toContain(url('selfcheck'))
    // Our page: the CSP stops it, and the check still sees the live handler and the refusal.
    const { page } = app
    await page.evaluate(
      (html) => {
        const probe = document.createElement('div')
        probe.id = 'probe'
        probe.innerHTML = html
        document.body.append(probe)
      },
      `<img src="${url('probe')}" onerror="${call('probe')}">`,
    )
    await expect(nothingHappened(page, 'probe')).rejects.toThrow()
    await page.evaluate(() => document.getElementById('probe')?.remove())
    app.pageErrors.length = 0
    app.foreignRequests.length = 0
    trapHits.length = 0
  })

  it('through import (HTML, Markdown, EPUB), titles and the library list', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    const title = `<img src=x onerror=${call('title')}> pwnword title`
    await dropFiles(page, [
      {
        name: 'payloads.html',
        text: `<!DOCTYPE html><html><head><title>${title.replace(/</g, '&lt;')}</title></head><body>${asHtmlBody()}</body></html>`,
      },
      {
        name: 'payloads.md',
        text: `---\ntitle: "${title}"\n---\n\n${[...markdownPayloads(), ...htmlPayloads()].map((p) => `pwnword ${p}`).join('\n\n')}\n`,
      },
    ])
    const results = await importResults(page)
    expect(results.map((r) => r.status)).toEqual(['added', 'added'])
    const chapter = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body>${asHtmlBody()}</body></html>`
    const epub = zipSync({
      mimetype: strToU8('application/epub+zip'),
      'META-INF/container.xml': strToU8(
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
      ),
      'content.opf': strToU8(
        `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title.replace(/</g, '&lt;')} epub</dc:title><dc:language>en</dc:language></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`,
      ),
      'c.xhtml': strToU8(chapter),
    })
    const outcome = await callApi<{ status: string }>(page, 'importFile', {
      name: 'payloads.epub',
      bytes: bytes(epub),
    })
    expect(outcome.status).toBe('added')
    const articles = await callApi<{ id: string; source: string; title: string }[]>(page, 'listArticles')
    for (const a of articles) ids[a.source] = a.id
    expect(Object.keys(ids).sort()).toEqual(['payloads.epub', 'payloads.html', 'payloads.md'])
    await callApi(page, 'renameArticle', ids['payloads.md'], `<svg onload=${call('rename')}> pwnword renamed`)
    await page.evaluate(() => (location.hash = '#/'))
    await page.reload()
    await waitForLibrary(page)
    expect((await page.locator('.library-table').textContent()) ?? '').toContain('pwnword')
    await nothingHappened(page, 'library list')
    for (const source of Object.keys(ids)) {
      await openReader(page, ids[source]!)
      expect(await page.locator('.reader .ProseMirror').textContent()).toContain('pwnword')
      await nothingHappened(page, `reader: ${source}`)
    }
  })

  it('through notes, tags and author names, in the text, the notes panel and the popover', async ({
    skip,
  }) => {
    if (!app || !ids['payloads.html']) return skip()
    const { page } = app
    await callApi(page, 'setDisplayName', `<img src=x onerror=${call('author')}>`)
    const article = await callApi<{ doc: DocNode }>(page, 'getArticle', ids['payloads.html'])
    const text = plainText(article.doc)
    const payloads = [...htmlPayloads(), ...markdownPayloads()]
    let from = 0
    for (let i = 0; i < 6; i++) {
      const at = text.indexOf('pwnword', from)
      expect(at).toBeGreaterThanOrEqual(0)
      from = at + 1
      const start = [...text.slice(0, at)].length
      await callApi(page, 'addAnnotation', {
        articleId: ids['payloads.html'],
        start,
        end: start + 7,
        quote: 'pwnword',
        color: 'yellow',
        note: payloads.slice(i * 8, i * 8 + 8).join('\n\n'),
        tags: [`<img src=x onerror=${call(`tag${i}`)}>`, `javascript:${call(`tag-js${i}`)}`],
      })
    }
    await openReader(page, ids['payloads.html']!)
    await page.waitForSelector('.notes-panel')
    await nothingHappened(page, 'notes panel')
    await page.locator('.reader .ProseMirror [data-annotation-id]').first().click()
    await nothingHappened(page, 'highlight popover')
  })

  it('through W3C and Hypothesis files: the import report and the imported notes', async ({ skip }) => {
    if (!app || !ids['payloads.html']) return skip()
    const { page } = app
    const exported = await callApi<{ bytes: { $bytes: string } }>(
      page,
      'exportAnnotations',
      ids['payloads.html'],
      {
        bundle: false,
      },
    )
    const file = JSON.parse(Buffer.from(exported.bytes.$bytes, 'base64').toString('utf8'))
    const item = file.first.items[0]
    const payload = `<img src=x onerror=${call('w3c')}> [w3c](javascript:${call('w3c-link')})`
    file.label = `<svg onload=${call('w3c-label')}> pwnword`
    file.first.items = [
      {
        ...item,
        id: 'urn:uuid:3f1c3a52-8a0e-4b4f-9a43-6f1c1f0b9a01',
        creator: { id: 'urn:uuid:3f1c3a52-8a0e-4b4f-9a43-6f1c1f0b9a02', type: 'Person', name: payload },
        body: [
          { type: 'TextualBody', value: payload, format: 'text/markdown', purpose: 'commenting' },
          { type: 'TextualBody', value: `<b onclick=${call('w3c-tag')}>`, purpose: 'tagging' },
        ],
      },
      // Rejected items: their reasons quote the hostile values.
      {
        ...item,
        id: 'urn:uuid:3f1c3a52-8a0e-4b4f-9a43-6f1c1f0b9a03',
        'hamish:extension': { color: payload },
      },
      { ...item, id: 'urn:uuid:3f1c3a52-8a0e-4b4f-9a43-6f1c1f0b9a04', modified: payload },
    ]
    file.total = 3
    await dropFiles(page, [
      { name: `<img src=x onerror=${call('w3c-name')}>.hamish.json`, text: JSON.stringify(file) },
    ])
    await page.waitForSelector('dialog[open]', { timeout: 15_000 })
    expect(await page.locator('dialog[open]').textContent()).toContain('<img src=x')
    await nothingHappened(page, 'W3C import report')
    await page.keyboard.press('Escape')

    const hypothesis = {
      export_date: '2026-01-01T00:00:00Z',
      export_userid: 'acct:x@hypothes.is',
      annotations: [
        {
          id: 'AbCdEf123456',
          created: '2026-01-01T00:00:00Z',
          updated: '2026-01-01T00:00:00Z',
          user: `acct:${payload}@hypothes.is`,
          uri: 'https://example.org/a',
          text: payload,
          tags: [`<img src=x onerror=${call('hyp-tag')}>`],
          document: { title: [`<svg onload=${call('hyp-title')}>`] },
          target: [{ source: 'https://example.org/a', selector: item.target.selector }],
          user_info: { display_name: payload },
        },
      ],
    }
    const result = await callApi<{ status: string }>(page, 'importAnnotations', {
      name: 'hypothesis.json',
      bytes: bytes(JSON.stringify(hypothesis)),
      articleId: ids['payloads.html'],
    })
    expect(result.status).toBe('imported')
    await openReader(page, ids['payloads.html']!)
    await page.waitForSelector('.notes-panel')
    expect(await page.locator('.notes-panel').textContent()).toContain('<img src=x')
    await nothingHappened(page, 'notes from W3C and Hypothesis files')
  })

  it('through search snippets', async ({ skip }) => {
    if (!app) return skip()
    const { page } = app
    for (const query of ['pwnword', 'onerror', 'javascript']) {
      await page.evaluate((q) => (location.hash = `#/search/${encodeURIComponent(q)}`), query)
      await page.waitForSelector('.search-match', { timeout: 15_000 })
      await nothingHappened(page, `search ${query}`)
    }
  })

  it('through the HTML export, opened as a page of its own', async ({ skip }) => {
    if (!app || !ids['payloads.html']) return skip()
    for (const source of Object.keys(ids)) {
      const result = await callApi<{ bytes: { $bytes: string } }>(app.page, 'exportArticle', {
        articleId: ids[source],
        format: 'html',
      })
      const html = Buffer.from(result.bytes.$bytes, 'base64').toString('utf8')
      expect(html).toContain('pwnword')
      const page = await app.page.context().newPage()
      const requests: string[] = []
      page.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url())
      })
      await page.addInitScript(() => {
        const w = window as unknown as { __hits: string[]; __pwned: (id: string) => void }
        w.__hits = []
        w.__pwned = (id) => w.__hits.push(id)
      })
      await page.goto('about:blank')
      await page.setContent(html, { waitUntil: 'load' })
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
      const hits = await page.evaluate(() => (window as unknown as { __hits: string[] }).__hits)
      const live = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll('*')).filter((el) =>
            Array.from(el.attributes).some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)),
          ).length,
      )
      await page.close()
      expect(hits, source).toEqual([])
      expect(live, source).toBe(0)
      expect(requests, source).toEqual([])
      expect(trapHits, source).toEqual([])
    }
  })
})
