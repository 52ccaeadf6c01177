import { parseArgs as tokenize } from 'node:util'

/** A parsed command line: the words, the flags that take no value, and the options that do. */
export interface ParsedArgs {
  positional: string[]
  flags: Set<string>
  values: Map<string, string>
}

/** One `--name` the command knows: a flag, or an option that takes a value. */
export type OptionKinds = Record<string, { type: 'boolean' | 'string' }>

/**
 * Splits arguments with node's `util.parseArgs` into positional words,
 * boolean `--flags` and `--option VALUE` pairs (`--option=VALUE` too; after
 * `--` every word is positional), refusing anything the command does not
 * know, so a typo is an error rather than a file name. Strict in our own
 * words rather than util.parseArgs's: its strict mode throws its own
 * sentences, and refuses `--out -x`; ours names the argument as typed (the
 * CLI's usage errors, exit code 2) and, as before, reads a word with one
 * dash (`-5`, a file `-notes.txt`) as a positional word, a value starting
 * with `--` as a missing value.
 */
export function parseArgs(
  argv: string[],
  known: readonly string[],
  valued: readonly string[] = [],
): ParsedArgs {
  const options: OptionKinds = {}
  for (const name of known) options[name.slice(2)] = { type: 'boolean' }
  for (const name of valued) options[name.slice(2)] = { type: 'string' }
  const { tokens } = tokenize({ args: argv, options, strict: false, allowPositionals: true, tokens: true })
  const positional: string[] = []
  const flags = new Set<string>()
  const values = new Map<string, string>()
  let lastShort = -1
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value)
    else if (token.kind === 'option' && !token.rawName.startsWith('--')) {
      // `-abc` comes as one token per letter, all with the same index: the word once, as typed.
      if (token.index !== lastShort) positional.push(argv[token.index]!)
      lastShort = token.index
    } else if (token.kind === 'option') {
      const kind = Object.prototype.hasOwnProperty.call(options, token.name)
        ? options[token.name]!.type
        : null
      if (kind === 'string') {
        const value = token.value
        if (value === undefined || (!token.inlineValue && value.startsWith('--')))
          throw new UsageError(`${token.rawName} needs a value`)
        values.set(token.rawName, value)
      } else if (kind === 'boolean' && !token.inlineValue) flags.add(token.rawName)
      else throw new UsageError(`unknown option ${argv[token.index]}`)
    }
  }
  return { positional, flags, values }
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
