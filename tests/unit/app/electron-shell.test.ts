import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The Electron binary cannot run here, so the thin main/app/ layer is checked
 * against a recording stand-in for the electron module: the options the
 * window is created with, and what the IPC handlers do with foreign senders
 * and bad arguments. tests/electron runs the real thing where it can.
 */
const recorded = vi.hoisted(() => ({
  windowOptions: [] as unknown[],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  navigate: [] as ((event: { preventDefault(): void }, url: string) => void)[],
  openHandler: null as null | ((details: { url: string }) => { action: string }),
  opened: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => {
        if (name === 'will-navigate') recorded.navigate.push(fn)
      },
      setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => {
        recorded.openHandler = fn
      },
    }
    constructor(options: unknown) {
      recorded.windowOptions.push(options)
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        recorded.handlers.set(channel, fn),
    },
    shell: { openExternal: (url: string) => recorded.opened.push(url) },
    session: {},
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  }
})

const { createMainWindow } = await import('../../../main/app/window')
const { registerIpc } = await import('../../../main/app/ipc')
const { API_METHODS, channelOf } = await import('../../../common/api')
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

describe('the main window', () => {
  it('is sandboxed, context-isolated, without Node, and opens only our own page', () => {
    createMainWindow({ rendererHtml: '/app/out/renderer/index.html', preload: '/app/out/preload/index.cjs' })
    const prefs = (recorded.windowOptions[0] as { webPreferences: Record<string, unknown> }).webPreferences
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    let prevented = false
    recorded.navigate[0]!({ preventDefault: () => (prevented = true) }, 'https://example.com/')
    expect(prevented).toBe(true)
    expect(recorded.opened).toEqual(['https://example.com/'])
    prevented = false
    recorded.navigate[0]!(
      { preventDefault: () => (prevented = true) },
      'file:///app/out/renderer/index.html#x',
    )
    expect(prevented).toBe(false)
  })

  it('denies new windows and hands only http(s)/mailto to the system', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'https://ok.example/a',
    ]) {
      expect(recorded.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(recorded.opened).toEqual(['https://ok.example/a'])
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
  registerIpc(api, (sender, url) => sender === ownSender && url === 'file:///app/index.html')
  const event = (sender: unknown, url: string, parent: unknown = null) => ({
    sender,
    senderFrame: { url, parent },
  })

  it('registers exactly one handler per method of the contract', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort())
  })

  it('answers our own window with the service’s result', async () => {
    const handler = recorded.handlers.get(channelOf('getArticle'))!
    expect(await handler(event(ownSender, 'file:///app/index.html'), 'abc123')).toEqual({
      ok: true,
      value: { method: 'getArticle', args: ['abc123'] },
    })
  })

  it('refuses other senders, subframes, and arguments outside the schema', async () => {
    const handler = recorded.handlers.get(channelOf('getArticle'))!
    const foreign = (await handler(event({ id: 2 }, 'file:///app/index.html'), 'abc123')) as {
      ok: boolean
      error: { code: string }
    }
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const frame = await handler(event(ownSender, 'file:///app/index.html', {}), 'abc123')
    expect(frame).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const bad = (await handler(event(ownSender, 'file:///app/index.html'), { $where: 1 })) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(bad.error.message).toMatch(/^getArticle/)
  })
})

describe('the native menu', () => {
  const build = (lang: 'en' | 'ar', commands: string[] = []) =>
    (
      buildMenu(
        () => null,
        { importFiles: () => commands.push('import'), command: (c) => commands.push(c) },
        false,
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
})
