import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchAnchoring } from './anchoring'
import { benchAnnotationWrites } from './annotation-writes'
import { benchCrash } from './crash'
import { benchDocxImport } from './docx-import'
import { benchExportPdf } from './export-pdf'
import { benchExportWriters } from './export-writers'
import { benchImportResponsive } from './import-responsive'
import { benchPdfImport } from './pdf-import'
import { benchReaderHighlights } from './reader-highlights'
import { benchSearch } from './search'
import { benchSharing } from './sharing'
import { benchReaderOpen } from './reader-open'
import { benchTeamSync } from './team-sync'

/** Every case by the name `npm run bench -- <name>…` selects it with. */
const CASES: Record<string, () => Promise<Record<string, unknown>>> = {
  'reader-open': () => benchReaderOpen(),
  anchoring: () => benchAnchoring(),
  'reader-highlights': () => benchReaderHighlights(),
  'export-writers': () => benchExportWriters(),
  'export-pdf': () => benchExportPdf(),
  sharing: () => benchSharing(),
  search: () => benchSearch(),
  'team-sync': () => benchTeamSync(),
  'annotation-writes': () => benchAnnotationWrites(),
  'import-responsive': () => benchImportResponsive(),
  'docx-import': () => benchDocxImport(),
  'pdf-import': () => benchPdfImport(),
  // A long book, where PDF page threads start (pdf-page-threads.ts).
  'pdf-import-long': () => benchPdfImport(300),
}

/** Cases run only when named: `npm run bench -- crash` (fault injection, about 20 minutes). */
const NAMED_ONLY: Record<string, () => Promise<Record<string, unknown>>> = {
  crash: () => benchCrash(),
}

/**
 * `npm run bench`: every benchmark, each against a baseline measured in the
 * same run, printed as JSON and saved to bench-results/latest.json. Figures
 * are ratios; absolute times on these shared machines mean little.
 * `npm run bench -- search` runs only the named cases (saved to
 * bench-results/latest-search.json, so a partial run never replaces the full one).
 */
async function main(): Promise<void> {
  const names = process.argv.slice(2)
  const all = { ...CASES, ...NAMED_ONLY }
  const unknown = names.filter((n) => !(n in all))
  if (unknown.length)
    throw new Error(`unknown case ${unknown.join(', ')}; cases: ${Object.keys(all).join(', ')}`)
  const cases: Record<string, unknown>[] = []
  for (const [name, run] of Object.entries(all))
    if (names.includes(name) || (!names.length && name in CASES)) cases.push(await run())
  const results = { date: new Date().toISOString(), node: process.version, cases }
  const json = JSON.stringify(results, null, 2)
  const dir = fileURLToPath(new URL('../bench-results', import.meta.url))
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, names.length ? `latest-${names.join('-')}.json` : 'latest.json'), `${json}\n`)
  console.log(json)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
