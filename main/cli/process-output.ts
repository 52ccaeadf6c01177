import type { Output } from './commands'

/**
 * The CLI's output on this process's stdout and stderr. Once the reader of
 * stdout has gone (`hamish show ID | head`) the rest is not written and no
 * EPIPE stack trace is printed, but the command itself runs to its end, so
 * no write to the library is ever cut short by a closed pipe. Shared by
 * `npx hamish` (bin/hamish.js) and `node out/main/cli.js`, so both behave
 * the same.
 */
export function processOutput(): Output {
  let readerGone = false
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') readerGone = true
    else throw error
  })
  return {
    out: (line) => {
      if (!readerGone) process.stdout.write(`${line}\n`)
    },
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: process.stderr.isTTY === true,
  }
}
