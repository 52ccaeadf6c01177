/** A parsed command line: the words, and the flags that take no value. */
export interface ParsedArgs {
  positional: string[]
  flags: Set<string>
}

/**
 * Splits arguments into positional words and boolean `--flags`, refusing any
 * flag the command does not know, so a typo is an error rather than a file name.
 */
export function parseArgs(argv: string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = []
  const flags = new Set<string>()
  let onlyPositional = false
  for (const arg of argv) {
    if (!onlyPositional && arg === '--') onlyPositional = true
    else if (!onlyPositional && arg.startsWith('--')) {
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}`)
      flags.add(arg)
    } else positional.push(arg)
  }
  return { positional, flags }
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
