/**
 * The score (article-match.ts) from which a suggested article is a strong
 * match: at least two thirds of the file's sampled passages are found in it.
 * Below it the chooser selects nothing in advance and calls the match weak:
 * a title alone, or a few common phrases, once attached every note of a file
 * to an unrelated article (issue 10 item 2).
 */
export const STRONG_MATCH = 0.5
