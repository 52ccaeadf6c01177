import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The Electron binary cannot run here, so the thin main/app/ layer is checked
 * against a recording stand-in for the electron module: the options the
 * window is created with and the page it loads, the app:// scheme and its
 * handler, where links may go, the menu, and what the IPC handlers do with
 * foreign senders and bad arguments. tests/electron runs the real thing
 * where it can.
 */
const recorded = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  loaded: [] as string[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  navigate: [] as ((event: { preventDefault(): void }, url: string) => void)[],
  redirect: [] as ((event: { preventDefault(): void }, url: string) => void)[],
  openHandler: null as null | ((details: { url: string }) => { action: string }),
  opened: [] as string[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => {
        if (name === 'will-navigate') recorded.navigate.push(fn)
        if (name === 'will-redirect') recorded.redirect.push(fn)
      },
      setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => {
        recorded.openHandler = fn
      },
    }
    constructor(options: unknown) {
      recorded.windowOptions.push(options)
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      recorded.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        recorded.handlers.set(channel, fn),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, fn),
    },
    shell: { openExternal: (url: string) => recorded.opened.push(url) },
    session: {},
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  }
})

const { createMainWindow } = await import('../../../main/app/window')
const { registerAppScheme, serveAppProtocol } = await import('../../../main/app/app-protocol')
const { CONTENT_SECURITY_POLICY } = await import('../../../common/security')
const { registerIpc } = await import('../../../main/app/ipc')
const { API_METHODS } = await import('../../../common/contract/methods')
const { channelOf } = await import('../../../common/contract/channels')
const { buildMenu } = await import('../../../main/app/menu')
const { createTranslator } = await import('../../../common/i18n/translator')

interface Item {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  submenu?: Item[]
  click?: () => void
}

/** Every item of a menu template, submenus flattened. */
const itemsOf = (items: Item[]): Item[] => items.flatMap((i) => [i, ...itemsOf(i.submenu ?? [])])

beforeEach(() => {
  recorded.opened.length = 0
})

describe('the app:// scheme', () => {
  const dir = mkdtemp(join(tmpdir(), 'hamish-shell-'))
  afterAll(async () => rm(await dir, { recursive: true, force: true }))

  it('is declared standard and secure, and nothing more than our page needs', () => {
    registerAppScheme()
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
  })

  it('is answered from the renderer folder, with each file’s type and the CSP header', async () => {
    const rendererDir = await dir
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Hamish</title>')
    await writeFile(join(rendererDir, 'main.js'), 'export {}')
    await writeFile(join(rendererDir, '..', 'outside.js'), 'secret')
    serveAppProtocol(rendererDir)
    const handler = recorded.protocolHandlers.get('app')!
    const page = await handler(new Request('app://hamish/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await handler(new Request('app://hamish/main.js'))).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    )
    for (const url of ['app://hamish/..%2foutside.js', 'app://other/index.html']) {
      expect((await handler(new Request(url))).status).toBe(404)
    }
  })
})

describe('the main window', () => {
  it('is sandboxed, context-isolated, without Node, and loads app://hamish/index.html', () => {
    createMainWindow(
      { rendererDir: '/app/out/renderer', preload: '/app/out/preload/index.cjs' },
      { devTools: false },
    )
    const prefs = (recorded.windowOptions[0] as { webPreferences: Record<string, unknown> }).webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    })
    expect(recorded.loaded).toEqual(['app://hamish/index.html'])
  })

  it('allows DevTools only when asked to (a development run)', () => {
    createMainWindow({ rendererDir: '/app/out/renderer', preload: '/p.cjs' }, { devTools: true })
    const prefs = (recorded.windowOptions[1] as { webPreferences: Record<string, unknown> }).webPreferences
    expect(prefs.devTools).toBe(true)
  })

  it('navigates only within our own page; anything else is stopped (http(s) goes to the browser)', () => {
    const navigate = (url: string) => {
      let prevented = false
      recorded.navigate[0]!({ preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    for (const url of [
      'app://hamish/index.html',
      'app://hamish/index.html#/read/abc',
      'app://hamish/index.html?q=1',
    ])
      expect(navigate(url), url).toBe(false)
    for (const url of [
      'file:///app/out/renderer/index.html',
      'app://evil/index.html',
      'app://hamish.evil/index.html',
      'app://hamish/assets/index.js',
      'app://hamish:1/index.html',
      'https://example.com/',
    ])
      expect(navigate(url), url).toBe(true)
    expect(recorded.opened).toEqual(['https://example.com/'])
    let prevented = false
    recorded.redirect[0]!({ preventDefault: () => (prevented = true) }, 'file:///etc/passwd')
    expect(prevented).toBe(true)
  })

  it('denies new windows and hands only http(s)/mailto to the system', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'app://hamish/index.html',
      'https://ok.example/a',
    ]) {
      expect(recorded.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(recorded.opened).toEqual(['https://ok.example/a'])
  })

  it('hands a mailto to the mail client without its query or fragment (no ?attach=, no headers)', () => {
    const open = (url: string) => {
      recorded.opened.length = 0
      recorded.openHandler!({ url })
      return recorded.opened[0] ?? null
    }
    expect(open('mailto:amira@example.org')).toBe('mailto:amira@example.org')
    expect(open('mailto:amira@example.org?attach=/home/me/.ssh/id_rsa')).toBe('mailto:amira@example.org')
    expect(open('MAILTO:a@example.org,b@example.org?subject=x&body=y#frag')).toBe(
      'mailto:a@example.org,b@example.org',
    )
    expect(open('mailto:a@example.org#?attach=/etc/passwd')).toBe('mailto:a@example.org')
    expect(open('mailto:%D8%B9%D9%85%D8%B1@example.org?cc=x')).toBe('mailto:%D8%B9%D9%85%D8%B1@example.org')
    // No recipient, or one that smuggles a header in percent-encoding: nothing is opened.
    for (const url of [
      'mailto:?attach=/etc/passwd',
      'mailto:a@example.org%3Fattach=/etc/passwd',
      'mailto:a@example.org%26attach=x',
      'mailto:a@example.org%0D%0ABcc:b@example.org',
      'mailto:<a@example.org>',
      'mailto:',
    ])
      expect(open(url), url).toBeNull()
  })
})

describe('IPC', () => {
  const ownSender = { id: 1 }
  const api = new Proxy(
    {},
    {
      get:
        (_t, method) =>
        async (...args: unknown[]) => ({ method, args }),
    },
  ) as Parameters<typeof registerIpc>[0]
  registerIpc(api, (sender, url) => sender === ownSender && url === 'app://hamish/index.html')
  const event = (sender: unknown, url: string, parent: unknown = null) => ({
    sender,
    senderFrame: { url, parent },
  })

  it('registers exactly one handler per method of the contract', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort())
  })

  it('answers our own window with the service’s result', async () => {
    const handler = recorded.handlers.get(channelOf('getArticle'))!
    expect(await handler(event(ownSender, 'app://hamish/index.html'), 'abc123')).toEqual({
      ok: true,
      value: { method: 'getArticle', args: ['abc123'] },
    })
  })

  it('refuses other senders, subframes, and arguments outside the schema', async () => {
    const handler = recorded.handlers.get(channelOf('getArticle'))!
    const foreign = (await handler(event({ id: 2 }, 'app://hamish/index.html'), 'abc123')) as {
      ok: boolean
      error: { code: string }
    }
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const frame = await handler(event(ownSender, 'app://hamish/index.html', {}), 'abc123')
    expect(frame).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const bad = (await handler(event(ownSender, 'app://hamish/index.html'), { $where: 1 })) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(bad.error.message).toMatch(/^getArticle/)
  })
})

describe('the native menu', () => {
  const build = (lang: 'en' | 'ar', commands: string[] = [], devTools = true) =>
    (
      buildMenu(
        () => null,
        { importFiles: () => commands.push('import'), command: (c) => commands.push(c) },
        { isMac: false, devTools },
        createTranslator(lang),
      ) as unknown as { template: Item[] }
    ).template

  it('speaks the interface language: every item labelled, in Arabic when the interface is', () => {
    const items = itemsOf(build('ar')).filter((i) => i.type !== 'separator')
    expect(items.length).toBeGreaterThan(30)
    for (const item of items) {
      expect(item.label, JSON.stringify(item)).toMatch(/\p{Script=Arabic}/u)
      expect(item.label).not.toContain('&')
    }
    const english = itemsOf(build('en')).filter((i) => i.type !== 'separator')
    expect(english.map((i) => i.label)).toContain('Search the Library')
    expect(english.find((i) => i.label === '&File')).toBeDefined()
  })

  it('sends the same commands whatever the language', () => {
    for (const lang of ['en', 'ar'] as const) {
      const commands: string[] = []
      for (const item of itemsOf(build(lang, commands)))
        if (item.click && item.accelerator !== 'CmdOrCtrl+Shift+I') item.click()
      expect(commands).toContain('show-search')
      expect(commands).toContain('import')
      expect(commands).toContain('focus-mode')
    }
  })

  it('has a DevTools item (and Ctrl+Shift+I) only in a development run, never in a packaged release', () => {
    const devToolsItems = (devTools: boolean) =>
      itemsOf(build('en', [], devTools)).filter(
        (i) => /Developer Tools/.test(i.label ?? '') || i.accelerator === 'CmdOrCtrl+Shift+I',
      )
    expect(devToolsItems(true)).toHaveLength(1)
    expect(devToolsItems(false)).toEqual([])
    const release = itemsOf(build('ar', [], false))
    expect(release.some((i) => i.role === 'toggleDevTools' || i.accelerator === 'CmdOrCtrl+Shift+I')).toBe(
      false,
    )
  })
})
