import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const require = createRequire(import.meta.url)

interface Fuses {
  FuseV1Options: Record<string, number>
  FuseVersion: { V1: string }
  flipFuses(path: string, config: Record<string | number, unknown>): Promise<number>
  getCurrentFuseWire(path: string): Promise<Record<number, number>>
}
interface GenerateFuseConfig {
  generateFuseConfig(fuses: unknown): Promise<Record<string | number, unknown>>
}

// The code electron-builder runs when it packages: its own translation of electronFuses
// into @electron/fuses' options, and @electron/fuses itself (resolved as electron-builder resolves it).
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: GenerateFuseConfig }
}
const fuses = require(
  require.resolve('@electron/fuses', { paths: [require.resolve('app-builder-lib')] }),
) as Fuses

/** What a fuse byte means in the binary (@electron/fuses' FuseState). */
const DISABLE = '0'.charCodeAt(0)
const ENABLE = '1'.charCodeAt(0)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * Electron ships with these fuses (docs/tutorial/fuses.md): Node-as-app and
 * debugger switches on, cookie encryption and ASAR checks off.
 */
const ELECTRON_DEFAULTS = [
  ['RunAsNode', ENABLE],
  ['EnableCookieEncryption', DISABLE],
  ['EnableNodeOptionsEnvironmentVariable', ENABLE],
  ['EnableNodeCliInspectArguments', ENABLE],
  ['EnableEmbeddedAsarIntegrityValidation', DISABLE],
  ['OnlyLoadAppFromAsar', DISABLE],
  ['LoadBrowserProcessSpecificV8Snapshot', DISABLE],
  ['GrantFileProtocolExtraPrivileges', ENABLE],
] as const

/** What the packaged Hamish must have, and why (the Electron security checklist). */
const EXPECTED: Record<(typeof ELECTRON_DEFAULTS)[number][0], number> = {
  RunAsNode: DISABLE, // ELECTRON_RUN_AS_NODE=1 would make the signed binary a Node interpreter
  EnableNodeOptionsEnvironmentVariable: DISABLE, // NODE_OPTIONS=--require=… would inject code
  EnableNodeCliInspectArguments: DISABLE, // --inspect / SIGUSR1 would open a debugger on main
  EnableCookieEncryption: ENABLE,
  EnableEmbeddedAsarIntegrityValidation: ENABLE, // where the platform checks it (macOS, Windows)
  OnlyLoadAppFromAsar: ENABLE, // so the checked app.asar is the only code that can load
  GrantFileProtocolExtraPrivileges: DISABLE, // the page is app://hamish/, file:// needs nothing extra
  LoadBrowserProcessSpecificV8Snapshot: DISABLE,
}

/** A stand-in Electron binary: bytes around the fuse wire exactly as @electron/fuses finds it. */
function standInBinary(): Buffer {
  const wire = Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS.map(([, state]) => state)])
  return Buffer.concat([
    Buffer.alloc(4096, 0x7f),
    Buffer.from(SENTINEL, 'latin1'),
    wire,
    Buffer.alloc(4096, 0x7f),
  ])
}

describe('electron-builder.yml electronFuses', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, boolean>
  }
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  async function packagedWire(): Promise<Record<string, number>> {
    const dir = await mkdtemp(join(tmpdir(), 'hamish-fuses-'))
    dirs.push(dir)
    const binary = join(dir, 'hamish')
    await writeFile(binary, standInBinary())
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses)
    // Every fuse of the wire is set by our config: none is left to Electron's default.
    await fuses.flipFuses(binary, { ...fuseConfig, strictlyRequireAllFuses: true })
    const wire = await fuses.getCurrentFuseWire(binary)
    return Object.fromEntries(ELECTRON_DEFAULTS.map(([name]) => [name, wire[fuses.FuseV1Options[name]!]!]))
  }

  it('is set, and flips every fuse of an Electron binary the way packaging does', async () => {
    expect(config.electronFuses).toBeDefined()
    expect(ELECTRON_DEFAULTS.map(([name]) => fuses.FuseV1Options[name])).toEqual(
      ELECTRON_DEFAULTS.map((_, i) => i),
    )
    const wire = await packagedWire()
    expect(wire).toEqual(EXPECTED)
  })

  for (const [name, electronDefault] of ELECTRON_DEFAULTS) {
    const want = EXPECTED[name]
    it(`${name}: ${want === ENABLE ? 'on' : 'off'} in the package${want === electronDefault ? ' (as Electron ships)' : ''}`, async () => {
      expect((await packagedWire())[name]).toBe(want)
    })
  }
})
