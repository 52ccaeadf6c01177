import type { MatchPage } from '../find/match-page'

/** The find bar's options, as the library search's: folded (diacritics and letter variants ignored) and whole words. */
export interface FindInArticleOptions {
  folded: boolean
  wholeWord: boolean
}

/**
 * Main's answer to find-in-article in a long article: the total and a page
 * of matches around the one asked for, or `superseded` when a newer search
 * of the same article replaced this one before it finished (its answer
 * would be thrown away).
 */
export type FindInArticleResult = (MatchPage & { superseded?: false }) | { superseded: true }
