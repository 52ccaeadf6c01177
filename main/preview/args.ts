import { parseArgs } from 'node:util'

export const PREVIEW_USAGE = 'usage: npm run preview -- [--library DIR] [--port N] [--no-sample]'

/** What `npm run preview` was asked for (after `--library`, which pickLibraryDir takes). */
export interface PreviewArgs {
  port: number
  noSample: boolean
  help: boolean
}

/**
 * Reads the preview's options with `util.parseArgs` (`--port N` or
 * `--port=N`, `--no-sample`, `--help`/`-h`). Anything else — an unknown
 * option, a flag given a value, a word — is refused with the usage, before
 * a library is opened or a port taken.
 */
export function parsePreviewArgs(argv: string[]): PreviewArgs {
  const { tokens } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'no-sample': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  const args: PreviewArgs = { port: 0, noSample: false, help: false }
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    const arg = argv[token.index]!
    if (token.kind === 'positional') throw new Error(`unknown option ${arg}. ${PREVIEW_USAGE}`)
    if (token.rawName === '--port') {
      const port = token.value === undefined || token.value === '' ? NaN : Number(token.value)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a number. ${PREVIEW_USAGE}`)
      args.port = port
    } else if (token.inlineValue) throw new Error(`unknown option ${arg}. ${PREVIEW_USAGE}`)
    else if (token.rawName === '--no-sample') args.noSample = true
    // As before: help answers at once, whatever follows it.
    else if (token.rawName === '--help' || arg === '-h') return { ...args, help: true }
    else throw new Error(`unknown option ${arg}. ${PREVIEW_USAGE}`)
  }
  return args
}
