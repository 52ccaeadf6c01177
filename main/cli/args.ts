/** A parsed command line: the words, the flags that take no value, and the options that do. */
export interface ParsedArgs {
  positional: string[]
  flags: Set<string>
  values: Map<string, string>
}

/**
 * Splits arguments into positional words, boolean `--flags` and `--option
 * VALUE` pairs, refusing anything the command does not know, so a typo is an
 * error rather than a file name.
 */
export function parseArgs(
  argv: string[],
  known: readonly string[],
  valued: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = []
  const flags = new Set<string>()
  const values = new Map<string, string>()
  let onlyPositional = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!onlyPositional && arg === '--') onlyPositional = true
    else if (!onlyPositional && arg.startsWith('--')) {
      const [name, inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
      if (valued.includes(name)) {
        const value = inline ?? argv[++i]
        if (value === undefined || (inline === undefined && value.startsWith('--')))
          throw new UsageError(`${name} needs a value`)
        values.set(name, value)
      } else if (known.includes(name) && inline === undefined) flags.add(name)
      else throw new UsageError(`unknown option ${arg}`)
    } else positional.push(arg)
  }
  return { positional, flags, values }
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
