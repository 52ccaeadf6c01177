import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Annotation } from '../common/annotation'
import { prepareText } from '../common/anchoring'
import {
  mergeAnnotations,
  orphanedAfterMerge,
  parseAnnotationFile,
  toAnnotationCollection,
  type SharedArticle,
} from '../common/sharing'
import { makeAnnotations } from './reader-highlights'
import { median, round } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')

const LATER = '2026-02-01T00:00:00.000Z'
const NOW = Date.parse('2026-03-01T00:00:00.000Z')

/**
 * Sharing benchmark (issue 5): a colleague's file of 10,000 annotations
 * merged into the 1.47 MB book that already has 10,000. Half the file's ids
 * are ours (1,000 of them edited later, 500 deleted later, the rest
 * unchanged), half are new. Import = parse the file text (strict JSON) +
 * check every item + merge + re-anchor the added and updated ones in the
 * book's text (prepared afresh each run). Baseline, same run: exporting the
 * same 10,000 (toAnnotationCollection + JSON.stringify). Median of `runs`.
 */
export async function benchSharing(runs = 5): Promise<Record<string, unknown>> {
  const book = readFileSync(BOOK, 'utf8')
  const local = makeAnnotations(book, 10_000, 7)
  const colleague = { id: 'urn:uuid:5ba1c0de-0000-4000-8000-00000000c011', name: 'زميل' }
  const overlapping = local.slice(5_000).map((a, i): Annotation => {
    if (i < 1_000) return { ...a, body: { ...a.body, note: `تعديل ${i}` }, modified: LATER }
    if (i < 1_500) return { ...a, deleted: true, modified: LATER }
    return a
  })
  const fresh = makeAnnotations(book, 5_000, 11).map((a, i) => ({
    ...a,
    id: `colleague-${i}`,
    creator: colleague,
  }))
  const incoming = [...overlapping, ...fresh]
  const article: SharedArticle = {
    fingerprint: '0'.repeat(64),
    title: 'أدب الدنيا والدين',
    lang: 'ar',
    dir: 'rtl',
    source: 'tashkeela.txt',
    date: null,
  }

  const exportOnce = (): string =>
    JSON.stringify(
      toAnnotationCollection({
        article,
        annotations: incoming,
        generator: 'Hamish bench',
        exportedAt: LATER,
      }),
    )
  const importOnce = (text: string) => {
    const parsed = parseAnnotationFile(text, { now: NOW })
    const { merged, report } = mergeAnnotations(local, parsed.annotations)
    const orphaned = orphanedAfterMerge(prepareText(book), merged, [...report.added, ...report.updated])
    return { parsed, report, orphaned }
  }

  const text = exportOnce()
  importOnce(text) // warm-up
  const times = { export: [] as number[], import: [] as number[], parse: [] as number[] }
  let last: ReturnType<typeof importOnce> | undefined
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    exportOnce()
    times.export.push(performance.now() - t)
    t = performance.now()
    parseAnnotationFile(text, { now: NOW })
    times.parse.push(performance.now() - t)
    t = performance.now()
    last = importOnce(text)
    times.import.push(performance.now() - t)
  }
  const { parsed, report, orphaned } = last!
  return {
    case: 'import and merge 10,000 annotations (half overlapping) into the 1.47 MB book with 10,000, vs exporting them',
    runs,
    fileMB: round(new TextEncoder().encode(text).length / 1024 / 1024),
    exportMs: round(median(times.export)),
    importMs: round(median(times.import)),
    parseAndCheckMs: round(median(times.parse)),
    ratio: round(median(times.import) / median(times.export)),
    added: report.added.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    conflicts: report.conflicts.length,
    deleted: report.deleted.length,
    rejected: parsed.rejected.length,
    orphaned: orphaned.length,
  }
}
