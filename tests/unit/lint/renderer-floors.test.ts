import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The renderer's floors rule (eslint-rules/renderer-floors.js) through
 * ESLint's own API and the project's eslint.config.js. Each fixture in
 * tests/fixtures/lint/renderer/src is linted as if it stood at the same path
 * in the real renderer/src, so the real config's file patterns apply.
 */
const root = join(import.meta.dirname, '..', '..', '..')
const fixtures = join(root, 'tests', 'fixtures', 'lint')
const RULE = 'hamish/renderer-floors'

async function floorErrors(fixture: string): Promise<string[]> {
  const file = join(fixtures, fixture)
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(readFileSync(file, 'utf8'), {
    filePath: join(root, relative(fixtures, file)),
  })
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.messageId ?? m.message)
}

describe('renderer floors: imports run down, never up or across features', () => {
  it.each([
    ['renderer/src/features/library/up-to-shell.ts', 'up'],
    ['renderer/src/features/reader/sideways-to-annotations.ts', 'sideways'],
    ['renderer/src/features/find/dynamic-sideways.ts', 'sideways'],
    ['renderer/src/features/search/re-export-sideways.ts', 'sideways'],
    ['renderer/src/ui/up-to-feature.ts', 'up'],
    ['renderer/src/ui/up-to-shell.ts', 'up'],
    ['renderer/src/ui/across-to-document.ts', 'across'],
    ['renderer/src/document/across-to-ui.ts', 'across'],
    ['renderer/src/document/up-to-feature.ts', 'up'],
    ['renderer/src/loose-file.ts', 'unplaced'],
  ])('%s fails with "%s"', async (fixture, messageId) => {
    expect(await floorErrors(fixture)).toEqual([messageId])
  })

  it.each([
    'renderer/src/shell/allowed.ts',
    'renderer/src/features/library/allowed.ts',
    'renderer/src/ui/allowed.ts',
    'renderer/src/document/allowed.ts',
  ])('%s (imports down a floor, within its room, packages) passes', async (fixture) => {
    expect(await floorErrors(fixture)).toEqual([])
  })

  it('the real renderer/src keeps to its floors', async () => {
    const eslint = new ESLint({ cwd: root })
    const results = await eslint.lintFiles(['renderer/src/**/*.ts'])
    expect(results.length).toBeGreaterThan(50)
    const broken = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === RULE).map((m) => `${relative(root, r.filePath)}: ${m.message}`),
    )
    expect(broken).toEqual([])
  })
})
