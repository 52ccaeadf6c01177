import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The contract-schemas rule (eslint-rules/contract-schemas.js) through
 * ESLint's own API and the project's eslint.config.js: renderer/ and
 * preload/ import only types from the contract's schemas and dispatch, and
 * nothing from valibot. Each fixture in tests/fixtures/lint is linted as if
 * it stood at the same path in the real tree.
 */
const root = join(import.meta.dirname, '..', '..', '..')
const fixtures = join(root, 'tests', 'fixtures', 'lint')
const RULE = 'hamish/contract-schemas'

async function contractErrors(fixture: string): Promise<string[]> {
  const file = join(fixtures, fixture)
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(readFileSync(file, 'utf8'), {
    filePath: join(root, relative(fixtures, file)),
  })
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.messageId ?? m.message)
}

describe('contract schemas: renderer/ and preload/ import no schema, dispatch or valibot value', () => {
  it.each([
    'renderer/src/shell/contract-schemas-value.ts',
    'renderer/src/ui/contract-dispatch-value.ts',
    'renderer/src/features/settings/contract-valibot.ts',
    'renderer/src/ui/contract-field-schemas-dynamic.ts',
    'renderer/src/ui/contract-schemas-re-export.ts',
    'renderer/src/ui/contract-schemas-side-effect.ts',
    'preload/contract-schemas-value.ts',
  ])('%s (a value import) fails', async (fixture) => {
    expect(await contractErrors(fixture)).toEqual(['value'])
  })

  it.each(['renderer/src/shell/contract-allowed.ts', 'preload/contract-allowed.ts'])(
    '%s (type imports, and values from methods, limits, channels, wire) passes',
    async (fixture) => {
      expect(await contractErrors(fixture)).toEqual([])
    },
  )

  it('the real renderer/ and preload/ keep to it', async () => {
    const eslint = new ESLint({ cwd: root })
    const results = await eslint.lintFiles(['renderer/**/*.ts', 'preload/**/*.ts'])
    expect(results.length).toBeGreaterThan(50)
    const broken = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === RULE).map((m) => `${relative(root, r.filePath)}: ${m.message}`),
    )
    expect(broken).toEqual([])
  })
})
