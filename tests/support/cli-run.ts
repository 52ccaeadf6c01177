import { runCli } from '../../main/cli/index'

/** What one command line printed and returned, run in this process like `hamish ARGS…`. */
export interface CliRun {
  code: number
  out: string
  err: string
}

/** Runs the CLI in-process (no child, no build), collecting stdout and stderr lines as the terminal shows them. */
export async function runHamish(...argv: string[]): Promise<CliRun> {
  let out = ''
  let err = ''
  const code = await runCli(argv, {
    out: (l) => (out += `${l}\n`),
    err: (l) => (err += `${l}\n`),
    interactive: false,
  })
  return { code, out, err }
}
