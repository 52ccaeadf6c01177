import { rm } from 'node:fs/promises'
import { afterAll, describe, expect, it, vi } from 'vitest'

/**
 * hamish:// links through the whole start of the Electron main process
 * (main/app/index.ts, main/app/app-links.ts) against a recording stand-in
 * for the electron module: the link on the app's own command line waits for
 * the page's `takeLinkToOpen` call (over the real IPC handler), a second
 * start's link and a macOS open-url reach the page as the `openLink` event,
 * a bad one as a refusal, and the window never loads anything but its own page.
 */
const run = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tmpdir } = require('node:os') as typeof import('node:os')
  const library = mkdtempSync(`${tmpdir()}/hamish-links-`)
  process.env.HAMISH_LIBRARY = library
  // The link this start was given, among the switches Chromium adds.
  process.argv.push('--no-sandbox', 'hamish://read/first-article?annotation=a-1')
  let becomeReady = (): void => undefined
  const ready = new Promise<void>((resolve) => (becomeReady = resolve))
  return {
    library,
    ready,
    becomeReady: () => becomeReady(),
    loaded: [] as string[],
    sent: [] as [string, unknown][],
    focused: 0,
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    windows: [] as { webContents: unknown }[],
    menus: 0,
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      send: (channel: string, payload: unknown) => run.sent.push([channel, payload]),
    }
    constructor() {
      run.windows.push(this)
    }
    once(): void {}
    on(): void {}
    isDestroyed = (): boolean => false
    isMinimized = (): boolean => false
    restore(): void {}
    focus(): void {
      run.focused++
    }
    loadURL(url: string): Promise<void> {
      run.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (name: string, handler: (...args: unknown[]) => void) => run.appHandlers.set(name, handler),
      whenReady: () => run.ready,
      getPath: () => run.library,
      getPreferredSystemLanguages: () => ['en-GB'],
      quit: () => undefined,
      exit: () => undefined,
      setAsDefaultProtocolClient: () => true,
    },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        run.ipc.set(channel, handler),
    },
    dialog: { showErrorBox: () => undefined },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => run.menus++ },
    shell: { openExternal: () => undefined },
  }
})

afterAll(async () => {
  process.argv.splice(process.argv.indexOf('--no-sandbox'), 2)
  await rm(run.library, { recursive: true, force: true })
})

/** Calls a contract method as the window's own page does, through main's real IPC handler. */
const callFromPage = (method: string): Promise<unknown> =>
  run.ipc.get(`hamish:${method}`)!({
    sender: run.windows[0]!.webContents,
    senderFrame: { url: 'app://hamish/index.html', parent: null },
  })

describe('hamish:// links in the Electron main process', () => {
  it('start link waits for the page; later links arrive as events; bad ones as refusals; no navigation', async () => {
    await import('../../../main/app/index')
    run.becomeReady()
    await vi.waitFor(() => expect(run.menus).toBe(1), { timeout: 30_000 })
    // Nothing is sent before the page asks: it may not listen yet.
    expect(run.sent.filter(([c]) => c === 'hamish-event:openLink')).toEqual([])
    expect(await callFromPage('takeLinkToOpen')).toEqual({
      ok: true,
      value: { ok: true, link: { articleId: 'first-article', annotationId: 'a-1' } },
    })
    expect(await callFromPage('takeLinkToOpen')).toEqual({ ok: true, value: null })

    // A second start (Windows, Linux): its argv reaches this instance.
    run.appHandlers.get('second-instance')!({}, ['/opt/Hamish/hamish', 'hamish://read/second'], '/')
    // macOS: open-url, a bad link (a port) and then a good one.
    let prevented = 0
    const openUrl = run.appHandlers.get('open-url')!
    openUrl({ preventDefault: () => prevented++ }, 'hamish://read:8080/third')
    openUrl({ preventDefault: () => prevented++ }, 'hamish://read/third?annotation=hypothesis:x_1')
    // A second start with no link only brings the window forward.
    run.appHandlers.get('second-instance')!({}, ['/opt/Hamish/hamish', '--library', '/tmp/x'], '/')
    expect(prevented).toBe(2)
    expect(run.sent.filter(([c]) => c === 'hamish-event:openLink').map(([, p]) => p)).toEqual([
      { ok: true, link: { articleId: 'second' } },
      { ok: false },
      { ok: true, link: { articleId: 'third', annotationId: 'hypothesis:x_1' } },
    ])
    expect(run.focused).toBeGreaterThanOrEqual(4)
    // The window loaded its own page once and nothing else: links become routes in the page.
    expect(run.loaded).toEqual(['app://hamish/index.html'])
  })
})
