import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { ImportFile } from '../../common/contract/article-import'

/** The sample article's file name in assets/sample/. */
export const SAMPLE_FILE = 'lavrov-shaibani-moscow.ar.txt'

/**
 * Finds the assets folder from a built entry point: next to the project when
 * run from a checkout (out/main/*.js → ../../assets), or the packaged app's
 * resources folder (electron-builder copies assets/ there).
 */
export function findAssetsDir(fromDir: string, resourcesPath?: string): string | null {
  const candidates = [
    resourcesPath ? join(resourcesPath, 'assets') : null,
    resolve(fromDir, '../../assets'),
    resolve(fromDir, '../assets'),
    resolve(fromDir, 'assets'),
  ]
  for (const c of candidates) if (c && existsSync(join(c, 'sample', SAMPLE_FILE))) return c
  return null
}

/** The sample article as an import, or undefined when the assets are not there. */
export function loadSample(assetsDir: string | null): ImportFile | undefined {
  if (!assetsDir) return undefined
  const file = join(assetsDir, 'sample', SAMPLE_FILE)
  return { name: SAMPLE_FILE, bytes: new Uint8Array(readFileSync(file)) }
}

/** The folder of a module, from its import.meta.url. */
export const moduleDir = (url: string): string => dirname(new URL(url).pathname)
