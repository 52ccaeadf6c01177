import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ImportFile } from '../../common/contract/article-import'

const ROOT = resolve(import.meta.dirname, '../..')

/** The sample article a new library starts with, as the app imports it. */
export const SAMPLE_ARTICLE: ImportFile = {
  name: 'lavrov-shaibani-moscow.ar.txt',
  bytes: new Uint8Array(readFileSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'))),
}
