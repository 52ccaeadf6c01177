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
const { runCli, processOutput } = await import(pathToFileURL(cli).href)
process.exitCode = await runCli(process.argv.slice(2), processOutput())
