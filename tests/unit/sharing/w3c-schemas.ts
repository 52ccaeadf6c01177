import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

/** The W3C Web Annotation test suite's schemas, copied into the fixtures (tests/fixtures/README.md). */
export const SUITE = fileURLToPath(new URL('../../fixtures/web-annotation-tests/', import.meta.url))

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  )
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'))

interface Assertion {
  name: string
  validate: ValidateFunction
  expected: 'valid' | 'invalid'
  message: string
}

/**
 * The MUST assertions of a `*.test` list, compiled with Ajv for draft-04 as
 * the suite's ajv-offline-check.js does: definitions first, then each
 * assertion schema; options {strict: false, addUsedSchema: false}.
 */
export class W3CMusts {
  private readonly lists = new Map<string, Assertion[]>()

  constructor() {
    // ajv-draft-04 and ajv-formats are CommonJS: their default export is the class/function itself.
    const AjvClass = ((Ajv04 as unknown as { default?: typeof Ajv04 }).default ?? Ajv04) as typeof Ajv04
    const formats = ((addFormats as unknown as { default?: typeof addFormats }).default ??
      addFormats) as typeof addFormats
    const ajv = new AjvClass({ strict: false, allErrors: true, addUsedSchema: false })
    formats(ajv)
    for (const f of walk(join(SUITE, 'definitions')).filter((f) => f.endsWith('.json')))
      ajv.addSchema(readJson(f))
    for (const list of [
      'annotations/annotationMusts.test',
      'collections/collectionMusts.test',
      'collections/pages/pageMusts.test',
    ]) {
      const names = (readJson(join(SUITE, list)) as { assertions: string[] }).assertions
      this.lists.set(
        list,
        names.map((name) => {
          const schema = readJson(join(SUITE, name))
          return {
            name,
            validate: ajv.compile(schema),
            expected: (schema.expectedResult as 'valid' | 'invalid' | undefined) ?? 'valid',
            message: String(schema.errorMessage ?? name),
          }
        }),
      )
    }
  }

  /** Failed MUST assertions of one list for a JSON value: [] when it passes all. */
  failures(list: string, value: unknown): string[] {
    const assertions = this.lists.get(list)
    if (!assertions) throw new Error(`no such list ${list}`)
    const out: string[] = []
    for (const a of assertions) {
      const result = a.validate(value) ? 'valid' : 'invalid'
      if (result !== a.expected) out.push(`${a.name}: ${a.message}`)
    }
    return out
  }

  annotation(value: unknown): string[] {
    return this.failures('annotations/annotationMusts.test', value)
  }

  /** The collection MUSTs and the page MUSTs (which the suite applies to a collection with its page embedded). */
  collection(value: unknown): string[] {
    return [
      ...this.failures('collections/collectionMusts.test', value),
      ...this.failures('collections/pages/pageMusts.test', value),
    ]
  }

  /** Number of assertions in a list (to show the check is not empty). */
  count(list: string): number {
    return this.lists.get(list)?.length ?? 0
  }
}

/** The suite's own sample annotations, correct or incorrect. */
export function samples(kind: 'correct' | 'incorrect'): { name: string; text: string }[] {
  const dir = join(SUITE, 'tools/samples', kind)
  return readdirSync(dir)
    .filter((f) => f.startsWith('anno'))
    .map((f) => ({ name: relative(SUITE, join(dir, f)), text: readFileSync(join(dir, f), 'utf8') }))
}
