import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_PRINT_ARGS, defaultChromiumPath } from '../../main/export/print-html-chromium'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The system Chromium and its switches: one definition, shared with the app's PDF printer. */
export const CHROMIUM = defaultChromiumPath()
export const CHROMIUM_ARGS = [...CHROMIUM_PRINT_ARGS]

export interface RunningPreview {
  url: string
  library: string
  close(): Promise<void>
}

/** Makes a fresh temporary library folder; removed by the caller. */
export async function tempLibrary(prefix = 'hamish-lib-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/**
 * Starts the built preview server (`out/main/preview.js`, made by `npm run
 * build`) on a random port over a library folder, and resolves with the URL
 * it printed (token included).
 */
export async function startPreview(
  options: { library?: string; seed?: boolean } = {},
): Promise<RunningPreview> {
  const script = join(ROOT, 'out/main/preview.js')
  if (!existsSync(script))
    throw new Error('out/main/preview.js is missing: run `npm run build` before the e2e tests')
  const ownLibrary = options.library === undefined
  const library = options.library ?? (await tempLibrary())
  const args = [script, '--library', library, '--port', '0']
  if (options.seed === false) args.push('--no-sample')
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`preview did not start in 20 s: ${stderr}`)), 20_000)
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString()
      const match = /Hamish preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`preview exited with ${code}: ${stderr}`))
    })
  })
  return {
    url,
    library,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      if (ownLibrary) await rm(library, { recursive: true, force: true })
    },
  }
}

/**
 * The system Chromium, headless. Where none is installed the e2e tests skip
 * and say why — except under CI=true, where a missing browser is a failure.
 */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI === 'true')
      throw new Error(`CI=true but no Chromium at ${CHROMIUM}: install it (apt-get install chromium)`)
    console.warn(
      `e2e: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set HAMISH_CHROMIUM)`,
    )
    return null
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}
