import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

/**
 * Electron patches only its latest three stable majors and ships a new one
 * about every 8 weeks, so a major leaves support about 24 weeks after its
 * own release. docs/ARCHITECTURE.md (Security) names the pinned major and
 * the day it became stable; these tests hold package.json, the lockfile and
 * the installed package to it. The date itself is checked when a release is
 * packaged (scripts/check-electron-support.js, the first step of `npm run
 * dist`), not here: a test run must not turn red on a date.
 */

const pinned = /Pinned: \*\*Electron (\d+)\*\* \(stable since (\d{4}-\d{2}-\d{2})\)/.exec(
  read('docs/ARCHITECTURE.md'),
)
const major = (version: string) => Number(/^\^?(\d+)\.\d+\.\d+$/.exec(version)?.[1])

describe('a supported Electron', () => {
  it('docs/ARCHITECTURE.md names the pinned major and its release day', () => {
    expect(pinned, 'the "Pinned: **Electron N** (stable since YYYY-MM-DD)" line').not.toBeNull()
  })
  const docsMajor = Number(pinned?.[1])

  it('package.json, package-lock.json and node_modules all have that major', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version: string }>
      dependencies?: unknown
    }
    const installed = JSON.parse(read('node_modules/electron/package.json')) as { version: string }
    expect(major(pkg.devDependencies.electron!)).toBe(docsMajor)
    expect(major(lock.packages['node_modules/electron']!.version)).toBe(docsMajor)
    expect(major(installed.version)).toBe(docsMajor)
  })
})
