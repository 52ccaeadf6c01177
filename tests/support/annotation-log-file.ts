import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { Annotation } from '../../common/annotation'

/**
 * The annotations saved for article `id` in the library at `dir`, read from
 * its log file as docs/FORMATS.md describes it (a line per record: CRC-32 in
 * hex, a space, the annotation's JSON; the newest record of an id wins, in
 * the place of its first), independently of the app's reader. A line whose
 * checksum does not match fails the test. A missing file is no annotations.
 */
export async function annotationsInLog(dir: string, id: string): Promise<Annotation[]> {
  let text: string
  try {
    text = await readFile(join(dir, 'annotations', `${id}.jsonl`), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const byId = new Map<string, Annotation>()
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const json = line.slice(9)
    if (line[8] !== ' ' || crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8))
      throw new Error(`a damaged line in the log of ${id}: ${line.slice(0, 40)}`)
    const annotation = JSON.parse(json) as Annotation
    byId.set(annotation.id, annotation)
  }
  return [...byId.values()]
}
