import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * common/contract/'s arrows run one way (docs/ARCHITECTURE.md, "One
 * contract, three transports"): the types and plain values (methods,
 * limits, events, channels, wire…) import no schema; field-schemas.ts only
 * limits; schemas.ts fields, limits and types; dispatch.ts schemas and
 * types; and no file re-exports another's names.
 */
const root = join(import.meta.dirname, '..', '..', '..')
const dir = join(root, 'common', 'contract')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
const source = (file: string): string => readFileSync(join(dir, file), 'utf8')

/** The contract files a file imports (by name, without .ts). */
function contractImports(file: string): string[] {
  return [...source(file).matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]!)
}

/** Which contract files each checking file may import; every other file may import only the plain ones. */
const CHECKING: Record<string, string[] | undefined> = {
  'field-schemas': ['limits'],
  schemas: ['field-schemas', 'limits', 'methods'],
  dispatch: ['schemas', 'methods'],
}
const PLAIN_ONLY = (name: string): boolean => !(name in CHECKING)

describe('common/contract/', () => {
  it('holds the contract, and the files it replaced are gone', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'methods.ts',
        'limits.ts',
        'channels.ts',
        'schemas.ts',
        'dispatch.ts',
        'wire.ts',
      ]),
    )
    for (const old of ['api.ts', 'api-constants.ts', 'channels.ts', 'validate-call.ts', 'wire-codec.ts'])
      expect(existsSync(join(root, 'common', old)), old).toBe(false)
  })

  it('re-exports nothing: every importer imports from the file that defines the thing', () => {
    const reExports = files.filter((f) =>
      /^export\s+(\*|\{[^}]*\}|type\s+\{[^}]*\})\s+from\s/m.test(source(f)),
    )
    expect(reExports).toEqual([])
  })

  it('runs its arrows one way: plain values ← field schemas ← schemas ← dispatch', () => {
    const wrong: string[] = []
    for (const file of files) {
      const name = file.replace(/\.ts$/, '')
      const allowed = CHECKING[name]
      for (const target of contractImports(file)) {
        const ok = allowed ? allowed.includes(target) : PLAIN_ONLY(target)
        if (!ok) wrong.push(`${name} → ${target}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('keeps valibot in the checking files only', () => {
    const withValibot = files
      .filter((f) => /from 'valibot'/.test(source(f)))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(withValibot.sort()).toEqual(Object.keys(CHECKING).sort())
  })

  it('derives channels and wire from names only', () => {
    expect(contractImports('channels.ts').sort()).toEqual(['events', 'methods'])
    expect(contractImports('wire.ts')).toEqual([])
  })
})
