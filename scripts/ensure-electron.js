#!/usr/bin/env node
// `npm start` step 1: make sure the Electron binary is there. Dependency
// install scripts are off by default in this project's npm setup (see
// package.json "allowScripts"), so the binary is fetched here, on first
// start, by Electron's own installer. Where it cannot be fetched (no
// network), say so and point to the browser preview instead of failing obscurely.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
const pathFile = join(electronDir, 'path.txt')
const installed = () =>
  existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()))

if (!installed()) {
  console.log('hamish: fetching the Electron binary (first start only)…')
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' })
  if (result.status !== 0 || !installed()) {
    console.error(
      '\nhamish: the Electron binary could not be downloaded on this machine, so the desktop app cannot start.\n' +
        'Run Hamish in your browser instead:  npm run preview -- --library ~/hamish-library\n',
    )
    process.exit(1)
  }
}
