import { join } from 'node:path'
import { defaultLibraryDir } from '../library/default-dir'
import { Library } from '../library/library'
import { pickLibraryDir } from '../library/library-paths'
import { createApiService } from '../library/api-service'
import { downloadExports } from '../library/export-host'
import { printHtmlToPdf } from '../export/print-html-chromium'
import { findAssetsDir, loadSample, moduleDir } from '../library/sample'
import { startPreviewServer } from './server'

const USAGE = 'usage: npm run preview -- [--library DIR] [--port N] [--no-sample]'

/** `npm run preview`: the renderer in any browser on 127.0.0.1, with the real library behind it. */
async function main(argv: string[]): Promise<void> {
  const { dir, rest } = pickLibraryDir(argv, process.env, defaultLibraryDir())
  let port = 0
  let noSample = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--port') {
      port = Number(rest[++i])
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a number. ${USAGE}`)
    } else if (arg === '--no-sample') noSample = true
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      return
    } else throw new Error(`unknown option ${arg}. ${USAGE}`)
  }
  const here = moduleDir(import.meta.url)
  const library = await Library.open(dir, { sample: loadSample(findAssetsDir(here)), noSample })
  const server = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }),
    rendererDir: join(here, '../renderer'),
    port,
  })
  console.log(`Hamish preview: ${server.url}`)
  console.log(`Library: ${library.paths.dir}`)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`hamish preview: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
