#!/usr/bin/env node
// `npm run dist` step 1: refuse to package a release on an Electron major that
// has left support. Electron patches only its latest three stable majors and
// ships one about every 8 weeks, so a major is supported for about 24 weeks
// after it became stable. docs/ARCHITECTURE.md (Security) names the pinned
// major and that day; there is no network here to ask Electron, so the window
// is counted from it. Tests do not run this: a build must not turn red on a
// date, but a release must not ship an unpatched Electron.
import { readFileSync } from 'node:fs'

const SUPPORT_WEEKS = 3 * 8
const docs = readFileSync(new URL('../docs/ARCHITECTURE.md', import.meta.url), 'utf8')
const pinned = /Pinned: \*\*Electron (\d+)\*\* \(stable since (\d{4}-\d{2}-\d{2})\)/.exec(docs)
if (!pinned) {
  console.error('hamish: docs/ARCHITECTURE.md has no "Pinned: **Electron N** (stable since YYYY-MM-DD)" line')
  process.exit(1)
}
const ends = new Date(Date.parse(`${pinned[2]}T00:00:00Z`) + SUPPORT_WEEKS * 7 * 24 * 3600 * 1000)
if (Date.now() >= ends.getTime()) {
  console.error(
    `hamish: Electron ${pinned[1]} left support around ${ends.toISOString().slice(0, 10)}. ` +
      'Move package.json and package-lock.json to the current major and update the "Pinned:" line ' +
      'in docs/ARCHITECTURE.md before packaging a release.',
  )
  process.exit(1)
}
console.log(`hamish: Electron ${pinned[1]} is supported until about ${ends.toISOString().slice(0, 10)}.`)
