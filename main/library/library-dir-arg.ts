import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

/**
 * The library folder to use: `--library DIR` (or `--library=DIR`) wins, then
 * `HAMISH_LIBRARY`, then the platform default (Electron's userData/library,
 * or ~/.hamish/library for the CLI). Returns the remaining arguments, as
 * typed, without the option; the command then parses those strictly. Read
 * with `util.parseArgs` in its lenient mode, since the other options belong
 * to the command (or to Electron and Chromium); after `--` nothing is an
 * option, `--library` included. The last `--library` wins.
 */
export function pickLibraryDir(
  argv: string[],
  env: Record<string, string | undefined>,
  fallback: string,
): { dir: string; rest: string[] } {
  const { tokens } = parseArgs({
    args: argv,
    options: { library: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const taken = new Set<number>()
  let dir: string | undefined
  for (const token of tokens) {
    if (token.kind !== 'option' || token.rawName !== '--library') continue
    if (!token.inlineValue && (token.value === undefined || token.value.startsWith('--')))
      throw new Error('--library needs a folder: --library DIR')
    dir = token.value
    taken.add(token.index)
    if (!token.inlineValue) taken.add(token.index + 1)
  }
  return { dir: resolve(dir ?? env.HAMISH_LIBRARY ?? fallback), rest: argv.filter((_, i) => !taken.has(i)) }
}
