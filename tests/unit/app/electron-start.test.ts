import { rm } from 'node:fs/promises'
import { afterAll, describe, expect, it, vi } from 'vitest'

/**
 * The whole start of the Electron main process (main/app/index.ts) against a
 * recording stand-in for the electron module, as a packaged release: the
 * order Electron demands (app:// declared before ready, served after it and
 * before the window loads), the page the window loads, and no DevTools.
 * The library is a real one in a temporary folder.
 */
const run = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tmpdir } = require('node:os') as typeof import('node:os')
  const library = mkdtempSync(`${tmpdir()}/hamish-start-`)
  process.env.HAMISH_LIBRARY = library
  let becomeReady = (): void => undefined
  const ready = new Promise<void>((resolve) => (becomeReady = resolve))
  return {
    library,
    ready,
    becomeReady: () => becomeReady(),
    log: [] as string[],
    schemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
    windowOptions: [] as { webPreferences: Record<string, unknown> }[],
    menus: [] as { template: unknown[] }[],
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      run.windowOptions.push(options)
    }
    once(): void {}
    on(): void {}
    loadURL(url: string): Promise<void> {
      run.log.push(`loadURL ${url}`)
      return Promise.resolve()
    }
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => run.ready.then(() => void run.log.push('ready')),
      getPath: () => run.library,
      getPreferredSystemLanguages: () => ['en-GB'],
      quit: () => run.log.push('quit'),
      exit: (code: number) => run.log.push(`exit ${code}`),
      setAsDefaultProtocolClient: (scheme: string, ...rest: unknown[]) =>
        run.log.push(`protocol client ${scheme}${rest.length > 0 ? ' (with the app path)' : ''}`),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof run.schemes) => {
        run.log.push('registerSchemesAsPrivileged')
        run.schemes.push(...schemes)
      },
      handle: (scheme: string) => run.log.push(`handle ${scheme}`),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => run.log.push('CSP header') },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    BrowserWindow,
    ipcMain: { handle: () => undefined },
    dialog: { showErrorBox: (title: string, why: string) => run.log.push(`error ${title}: ${why}`) },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => run.menus.push(menu),
    },
    shell: { openExternal: () => undefined },
  }
})

afterAll(() => rm(run.library, { recursive: true, force: true }))

interface Item {
  label?: string
  accelerator?: string
  role?: string
  submenu?: Item[]
}
const itemsOf = (items: Item[]): Item[] => items.flatMap((i) => [i, ...itemsOf(i.submenu ?? [])])

describe('starting the app (packaged)', () => {
  it('declares app:// before ready, serves it after, then loads app://hamish/index.html without DevTools', async () => {
    await import('../../../main/app/index')
    // Before ready: the scheme's declaration, as Electron requires, and Hamish as the hamish:// handler.
    expect(run.log).toEqual(['registerSchemesAsPrivileged', 'protocol client hamish'])
    expect(run.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ])
    expect(run.schemes[0]!.privileges).not.toHaveProperty('bypassCSP')
    run.becomeReady()
    await vi.waitFor(() => expect(run.menus).toHaveLength(1), { timeout: 30_000 })
    expect(run.log).toEqual([
      'registerSchemesAsPrivileged',
      'protocol client hamish',
      'ready',
      'CSP header',
      'handle app',
      'loadURL app://hamish/index.html',
    ])
    expect(run.windowOptions).toHaveLength(1)
    expect(run.windowOptions[0]!.webPreferences).toMatchObject({ devTools: false, sandbox: true })
    const items = itemsOf(run.menus[0]!.template as Item[])
    expect(items.length).toBeGreaterThan(30)
    expect(
      items.filter((i) => i.accelerator === 'CmdOrCtrl+Shift+I' || /Developer/.test(i.label ?? '')),
    ).toEqual([])
  })
})
