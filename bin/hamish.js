#!/usr/bin/env node
// `npx hamish ...`: runs the built command-line interface (out/main/cli.js).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error('hamish: the command-line interface is not built yet; run `npm run build` first.')
  process.exit(1)
}
const { runCli } = await import(pathToFileURL(cli).href)
// `hamish show ID | head`: once the reader of our output has gone, the rest is not written (and no
// EPIPE stack trace is printed), but the command itself runs to its end, so no write to the library
// is ever cut short by a closed pipe.
let readerGone = false
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') readerGone = true
  else throw error
})
const code = await runCli(process.argv.slice(2), {
  out: (line) => {
    if (!readerGone) process.stdout.write(`${line}\n`)
  },
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: process.stderr.isTTY === true,
})
process.exitCode = code
