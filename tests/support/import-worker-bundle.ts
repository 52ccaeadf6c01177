import { build } from 'esbuild'
import { join } from 'node:path'

/**
 * The import worker bundled as the build bundles it (electron.vite.config.ts's
 * import-worker entry), into `dir`, for tests that run it in real worker
 * threads without a full build. As CommonJS it has no import.meta.url, so
 * it reads a PDF's pages on its own thread (pdf-page-threads.ts).
 */
export async function bundleImportWorker(root: string, dir: string): Promise<string> {
  const workerFile = join(dir, 'import-worker.cjs')
  await build({
    entryPoints: [join(root, 'main/import/import-worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  })
  return workerFile
}
