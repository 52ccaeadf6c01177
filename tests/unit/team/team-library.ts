import { join } from 'node:path'
import type { NewAnnotation } from '../../../common/annotation'
import { plainText } from '../../../common/plain-text'
import { Library } from '../../../main/library/library'
import { unlockLibrary } from '../../../main/library/library-lock'
import { TeamService } from '../../../main/team/team-service'
import { SAMPLE_ARTICLE } from '../../support/sample-library'

/** A member's library for the team tests: its Library, its team service, and a way to highlight a word. */
export interface Member {
  dir: string
  library: Library
  team: TeamService
  highlight(articleId: string, word: string, note?: string): ReturnType<Library['addAnnotation']>
  /** Writes what is waiting (the counts) and lets the library go, so the test's folder can be removed. */
  close(): Promise<void>
}

/** Opens (or creates) the library in `root/name`; with `sample`, a new one gets the sample article. */
export async function member(
  root: string,
  name: string,
  options: { sample?: boolean } = {},
): Promise<Member> {
  const dir = join(root, name)
  const library = await Library.open(dir, options.sample ? { sample: SAMPLE_ARTICLE } : { noSample: true })
  const team = await TeamService.open(library)
  return {
    dir,
    library,
    team,
    async highlight(articleId, word, note = '') {
      const text = plainText((await library.getArticle(articleId)).doc)
      const start = Array.from(text.slice(0, text.indexOf(word))).length
      const req: NewAnnotation = {
        articleId,
        start,
        end: start + Array.from(word).length,
        quote: word,
        color: 'green',
        note,
      }
      return library.addAnnotation(req)
    },
    close: async () => {
      await library.flush()
      unlockLibrary(dir)
    },
  }
}
