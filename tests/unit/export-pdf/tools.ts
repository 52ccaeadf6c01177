import { execFile, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { defaultChromiumPath } from '../../../main/export/print-html-chromium'

const run = promisify(execFile)

export const POPPLER_TOOLS = ['pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm'] as const

/** What the PDF tests need and this machine lacks, in words ([] when all is there). */
export function missingTools(): string[] {
  const missing: string[] = []
  const chromium = defaultChromiumPath()
  if (!existsSync(chromium))
    missing.push(`Chromium at ${chromium} (apt-get install chromium, or set HAMISH_CHROMIUM)`)
  for (const tool of POPPLER_TOOLS) {
    if (spawnSync(tool, ['-v'], { stdio: 'ignore' }).error)
      missing.push(`${tool} (apt-get install poppler-utils)`)
  }
  return missing
}

/**
 * Whether to skip the PDF tests: yes, with a message, where Chromium or
 * poppler-utils is missing — except under CI=true, where that is a failure.
 */
export function skipWithoutTools(suite: string): boolean {
  const missing = missingTools()
  if (missing.length === 0) return false
  if (process.env.CI === 'true') throw new Error(`CI=true but ${suite} needs: ${missing.join('; ')}`)
  console.warn(`${suite}: skipped, missing ${missing.join('; ')}`)
  return true
}

/** A temp folder holding one PDF, for the poppler tools; `close()` removes it. */
export interface PdfOnDisk {
  path: string
  dir: string
  close(): Promise<void>
}

export async function pdfOnDisk(bytes: Uint8Array, name = 'export.pdf'): Promise<PdfOnDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-pdf-test-'))
  const path = join(dir, name)
  await writeFile(path, bytes)
  return { path, dir, close: () => rm(dir, { recursive: true, force: true }) }
}

export async function pdftotext(path: string, layout = false): Promise<string> {
  const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-']
  return (await run('pdftotext', args, { maxBuffer: 64 << 20 })).stdout
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
}

/** `pdffonts` parsed: name, type and the "emb" column. */
export async function pdffonts(path: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [path])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, id
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)
      if (!m) throw new Error(`unexpected pdffonts line: ${line}`)
      return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes' }
    })
}

export interface PdfInfo {
  pages: number
  /** Page size in points, from "Page size: W x H pts". */
  width: number
  height: number
  tagged: boolean
}

export async function pdfinfo(path: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [path])
  const pages = /^Pages:\s+(\d+)/m.exec(stdout)
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout)
  if (!pages || !size) throw new Error(`unexpected pdfinfo output: ${stdout}`)
  return {
    pages: Number(pages[1]),
    width: Number(size[1]),
    height: Number(size[2]),
    tagged: /^Tagged:\s+yes/m.test(stdout),
  }
}

/** An 8-bit RGB raster. */
export interface Raster {
  width: number
  height: number
  /** width * height * 3 bytes, rows top to bottom. */
  rgb: Uint8Array
}

/** Renders one page with `pdftoppm` as binary PPM (P6) and reads it. */
export async function renderPage(path: string, page = 1, dpi = 50): Promise<Raster> {
  const dir = await mkdtemp(join(tmpdir(), 'hamish-ppm-'))
  try {
    const prefix = join(dir, 'page')
    await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), path, prefix])
    // pdftoppm pads the page number to the width of the page count.
    const name = (await readdir(dir)).find((n) => n.endsWith('.ppm'))
    if (!name) throw new Error('pdftoppm wrote no .ppm file')
    return parsePpm(await readFile(join(dir, name)))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A binary PPM (P6, maxval ≤ 255): whitespace-separated header with # comments, then the samples. */
export function parsePpm(bytes: Uint8Array): Raster {
  let i = 0
  const token = (): string => {
    for (;;) {
      while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]!))) i++
      if (bytes[i] !== 0x23) break
      while (i < bytes.length && bytes[i] !== 0x0a) i++
    }
    const start = i
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i]!))) i++
    return String.fromCharCode(...bytes.subarray(start, i))
  }
  const magic = token()
  const width = Number(token())
  const height = Number(token())
  const maxval = Number(token())
  i++ // the single whitespace byte after maxval
  if (magic !== 'P6' || !(width > 0) || !(height > 0) || maxval !== 255)
    throw new Error(`not an 8-bit P6 PPM: ${magic} ${width}x${height} max ${maxval}`)
  const rgb = bytes.subarray(i, i + width * height * 3)
  if (rgb.length !== width * height * 3) throw new Error('PPM is truncated')
  return { width, height, rgb }
}

/** How many pixels are within `tolerance` of `colour` on every channel. */
export function countColour(
  raster: Raster,
  colour: readonly [number, number, number],
  tolerance = 12,
): number {
  let n = 0
  const { rgb } = raster
  for (let p = 0; p < rgb.length; p += 3) {
    if (
      Math.abs(rgb[p]! - colour[0]) <= tolerance &&
      Math.abs(rgb[p + 1]! - colour[1]) <= tolerance &&
      Math.abs(rgb[p + 2]! - colour[2]) <= tolerance
    )
      n++
  }
  return n
}

/**
 * Folds Arabic text for comparing what pdftotext gives with what went in:
 * NFKC (pdftotext may give presentation forms), bidi controls out (it wraps
 * RTL lines in RLE…PDF), diacritics, Quranic marks and tatweel out. Words are
 * runs of letters and digits; punctuation separates them.
 */
export function foldedWords(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
  return folded.match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * How many of `expected`'s words, from the first, appear one after another in
 * `actual` (the best over every starting point in `actual`). pdftotext
 * sometimes splits a word where the font leaves a gap between two letters
 * that do not join (السور ية), so consecutive tokens may make up one word; a
 * token never spans two words.
 */
export function matchedWordRun(expected: readonly string[], actual: readonly string[]): number {
  let best = 0
  for (let start = 0; start < actual.length && best < expected.length; start++) {
    if (!expected[0] || !actual[start] || !expected[0].startsWith(actual[start]!)) continue
    let j = start
    let matched = 0
    for (const word of expected) {
      let built = ''
      while (j < actual.length && built.length < word.length && word.startsWith(built + actual[j]!)) {
        built += actual[j]!
        j++
      }
      if (built !== word) break
      matched++
    }
    best = Math.max(best, matched)
  }
  return best
}

/** A word as `pdftotext -bbox` places it: page (from 1) and box in points from the top left. */
export interface PdfWord {
  page: number
  text: string
  xMin: number
  xMax: number
  yMin: number
}

/** Every word of the PDF with its position (`pdftotext -bbox`), and the pages' width. */
export async function pdfWords(path: string): Promise<{ width: number; words: PdfWord[] }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 })
  const width = Number(/<page width="([\d.]+)"/.exec(stdout)?.[1])
  const words: PdfWord[] = []
  stdout.split('<page ').forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
    ))
      words.push({
        page: i,
        text: decodeXml(m[4]!),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
      })
  })
  return { width, words }
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
