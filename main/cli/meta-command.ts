import type { ArticleMeta } from '../../common/article-meta'
import { isMetaKey, META_KEYS, MetaValueError, typedValue, withTypedValue } from '../../common/meta/meta-edit'
import type { Library } from '../library/library'
import { UsageError } from './args'
import type { Output } from './commands'

/** The command line split into the article, the edits in order and --json. */
function parseMetaArgs(argv: string[]): { id: string; edits: [string, string][]; json: boolean } {
  const positional: string[] = []
  const edits: [string, string][] = []
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    const [flag, inline] = word.startsWith('--')
      ? [word.split('=')[0]!, word.includes('=') ? word.slice(word.indexOf('=') + 1) : undefined]
      : [word, undefined]
    if (flag === '--json' && inline === undefined) json = true
    else if (flag === '--set' || flag === '--unset') {
      const value = inline ?? argv[++i]
      if (value === undefined) throw new UsageError(`${flag} needs a value`)
      if (flag === '--unset') edits.push([value, ''])
      else {
        const eq = value.indexOf('=')
        if (eq < 1) throw new UsageError(`--set needs key=value, not «${value}»`)
        const value_ = value.slice(eq + 1)
        if (value_.trim() === '')
          throw new UsageError(
            `--set ${value.slice(0, eq)}= has no value (use --unset ${value.slice(0, eq)})`,
          )
        edits.push([value.slice(0, eq), value_])
      }
    } else if (word.startsWith('--')) throw new UsageError(`unknown option ${word}`)
    else positional.push(word)
  }
  if (positional.length !== 1) throw new UsageError('meta needs exactly one ARTICLE_ID')
  return { id: positional[0]!, edits, json }
}

/** The metadata as `key: value` lines, one per known field, in the order the info panel shows them. */
export function metaLines(meta: ArticleMeta): string[] {
  return META_KEYS.filter((k) => typedValue(meta, k) !== '').map((k) => `${k}: ${typedValue(meta, k)}`)
}

/**
 * `hamish meta ID [--set key=value …] [--unset key …] [--json]`: prints an
 * article's metadata, or changes it first. Every edit is checked before
 * anything is written (an unknown key or a bad value is a usage error, exit
 * code 2, and the library is left as it was); then one write.
 */
export async function metaCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { id, edits, json } = parseMetaArgs(argv)
  let meta = (await library.getArticle(id)).summary.meta ?? {}
  if (edits.length > 0) {
    try {
      for (const [key, value] of edits) {
        if (!isMetaKey(key))
          throw new MetaValueError(key, `unknown key ${key} (known: ${META_KEYS.join(', ')})`)
        meta = withTypedValue(meta, key, value)
      }
    } catch (err) {
      if (err instanceof MetaValueError) throw new UsageError(`${err.message}; nothing was changed`)
      throw err
    }
    meta = (await library.setArticleMeta(id, meta)).meta ?? {}
  }
  if (json) io.out(JSON.stringify(meta, null, 2))
  else for (const line of metaLines(meta)) io.out(line)
  return 0
}
