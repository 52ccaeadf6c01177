import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchAnchoring } from './anchoring'
import { benchExportPdf } from './export-pdf'
import { benchExportWriters } from './export-writers'
import { benchReaderHighlights } from './reader-highlights'
import { benchSearch } from './search'
import { benchSharing } from './sharing'
import { benchReaderOpen } from './reader-open'

/**
 * `npm run bench`: every benchmark, each against a baseline measured in the
 * same run, printed as JSON and saved to bench-results/latest.json. Figures
 * are ratios; absolute times on these shared machines mean little.
 */
async function main(): Promise<void> {
  const cases: Record<string, unknown>[] = []
  cases.push(await benchReaderOpen())
  cases.push(await benchAnchoring())
  cases.push(await benchReaderHighlights())
  cases.push(await benchExportWriters())
  cases.push(await benchExportPdf())
  cases.push(await benchSharing())
  cases.push(await benchSearch())
  const results = { date: new Date().toISOString(), node: process.version, cases }
  const json = JSON.stringify(results, null, 2)
  const dir = fileURLToPath(new URL('../bench-results', import.meta.url))
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'latest.json'), `${json}\n`)
  console.log(json)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
