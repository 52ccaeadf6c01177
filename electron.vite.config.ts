import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

/**
 * One build for the three processes. main/ has five entries that share the
 * library code: the Electron app, the command-line interface, the preview
 * server (the last two run under plain Node), the import worker thread and the PDF page thread. lowdb is ESM-only and is
 * bundled into main rather than loaded from node_modules at run time.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          preview: resolve(__dirname, 'main/preview/index.ts'),
          // Imports are converted in a worker thread of the app's and the preview's (main/import/import-converter.ts).
          'import-worker': resolve(__dirname, 'main/import/import-worker.ts'),
          // A long PDF's pages are read on several threads at once (main/import/pdf-page-threads.ts).
          'pdf-pages-worker': resolve(__dirname, 'main/import/pdf-pages-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
