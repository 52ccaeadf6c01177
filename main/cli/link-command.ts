import { HamishError } from '../../common/errors'
import { hamishLink } from '../../common/hamish-link'
import type { Library } from '../library/library'
import { parseArgs, UsageError } from './args'
import type { Output } from './commands'

/**
 * `hamish link ARTICLE_ID [ANNOTATION_ID]`: prints the `hamish://` link that
 * opens the article (at the annotation) in the app, for a note, a script or
 * another program. Both ids are checked against the library first, so a
 * printed link always leads somewhere.
 */
export async function linkCommand(library: Library, argv: string[], io: Output): Promise<number> {
  const { positional } = parseArgs(argv, [])
  if (positional.length < 1 || positional.length > 2)
    throw new UsageError('link needs an ARTICLE_ID and optionally an ANNOTATION_ID')
  const [articleId, annotationId] = positional as [string, string | undefined]
  library.getSummary(articleId)
  if (annotationId !== undefined) {
    const annotations = await library.listAnnotations(articleId)
    if (!annotations.some((a) => a.id === annotationId))
      throw new HamishError('not-found', `No annotation ${annotationId} on article ${articleId}.`)
  }
  io.out(hamishLink(annotationId === undefined ? { articleId } : { articleId, annotationId }))
  return 0
}
