import { join } from 'node:path'
import { defaultLibraryDir } from '../library/default-dir'
import { Library } from '../library/library'
import { importConverterBeside } from '../import/import-converter'
import { pickLibraryDir } from '../library/library-dir-arg'
import { createApiService } from '../library/api-service'
import { downloadExports } from '../export/export-host'
import { printHtmlToPdf } from '../export/print-html-chromium'
import { findAssetsDir, loadSample, moduleDir } from '../library/sample'
import { parsePreviewArgs, PREVIEW_USAGE } from './args'
import { startPreviewServer } from './server'
import { LiveTeam } from '../team/live-team'

/** `npm run preview`: the renderer in any browser on 127.0.0.1, with the real library behind it. */
async function main(argv: string[]): Promise<void> {
  const { dir, rest } = pickLibraryDir(argv, process.env, defaultLibraryDir())
  const { port, noSample, help } = parsePreviewArgs(rest)
  if (help) {
    console.log(PREVIEW_USAGE)
    return
  }
  const here = moduleDir(import.meta.url)
  const library = await Library.open(dir, {
    sample: loadSample(findAssetsDir(here)),
    noSample,
    convert: importConverterBeside(here),
  })
  // The preview has no folder dialog: the page sends the path the user typed.
  const team = await LiveTeam.open(library, { watch: true, folderChoice: 'path' })
  await team.start()
  const server = await startPreviewServer({
    api: createApiService(library, { host: downloadExports, printPdf: printHtmlToPdf }, team),
    rendererDir: join(here, '../renderer'),
    port,
    changes: library.changes,
  })
  console.log(`Hamish preview: ${server.url}`)
  console.log(`Library: ${library.paths.dir}`)
  const stop = (): void => {
    void server
      .close()
      .then(() => team.close())
      .then(() => library.flush())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`hamish preview: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
