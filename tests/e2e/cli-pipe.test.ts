import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const CLI = join(ROOT, 'bin/hamish.js')
const BOOK = join(ROOT, 'tests/fixtures/large-books/tashkeela_adab-al-dunya-wa-al-din_al-mawardi.txt')
const library = mkdtempSync(join(tmpdir(), 'hamish-cli-pipe-'))
afterAll(() => rmSync(library, { recursive: true, force: true }))

describe('the built CLI writing into a pipe whose reader goes away (`hamish show ID | head`)', () => {
  // `npx hamish` (bin/hamish.js) and the built module run directly (`node out/main/cli.js`) alike.
  for (const entry of [CLI, join(ROOT, 'out/main/cli.js')])
    it(`stops writing quietly and exits as it would have: no EPIPE stack trace (${entry.slice(ROOT.length + 1)})`, async () => {
      if (!existsSync(join(ROOT, 'out/main/cli.js')))
        throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests')
      const [outcome] = JSON.parse(
        execFileSync('node', [CLI, 'import', BOOK, '--library', library, '--json'], { encoding: 'utf8' }),
      ) as { article: { id: string } }[]
      // The book is 1.5 MB of text, far more than a pipe holds: the reader leaves after the first chunk.
      const child = spawn('node', [entry, 'show', outcome!.article.id, '--library', library], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      child.stdout.destroy()
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/EPIPE|Unhandled/)
      expect(code).toBe(0)
    })
})
