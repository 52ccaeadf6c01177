import type { Annotation } from '../annotation'
import { foldQuery } from '../arabic-fold'
import { anchor, prepareText, type AnchorText } from '../anchoring'
import type { ParsedFile } from './types'

/** A local article a file's annotations might belong to. */
export interface CandidateArticle {
  id: string
  title: string
  /** The article's plain text (common/plain-text.ts). */
  text: string
  /** The same text already prepared for anchoring, when the caller has it (saves preparing it again). */
  prepared?: AnchorText
}

export interface ArticleSuggestion {
  articleId: string
  title: string
  /** 0–1: three quarters the share of sampled quotes found in the article, one quarter title likeness. */
  score: number
}

/** Quotes tried per article: enough to tell articles apart, few enough to rank a whole library quickly. */
const SAMPLE = 40

/**
 * The local articles a file most likely annotates, best first, for the user
 * to pick from when the file's fingerprint matches none (a Hypothesis export,
 * or a colleague's copy of an article that differs from ours). An article
 * scores by how many of a sample of the file's quotes anchor in its text
 * (exact and folded matching, with the context check that keeps quotes off
 * lookalike passages; no fuzzy search, so ranking stays fast) and by how
 * alike the titles are (folded character bigrams). Articles scoring 0 are
 * left out.
 */
export function suggestArticles(
  file: Pick<ParsedFile, 'title' | 'annotations'>,
  articles: readonly CandidateArticle[],
  limit = 5,
): ArticleSuggestion[] {
  const sample = sampleQuotes(file.annotations)
  const fileTitle = bigrams(file.title)
  const out: ArticleSuggestion[] = []
  for (const article of articles) {
    const titleScore = dice(fileTitle, bigrams(article.title))
    let score = titleScore
    if (sample.length > 0) {
      const prepared = article.prepared ?? prepareText(article.text)
      let found = 0
      for (const a of sample) if (a.target && anchor(prepared, a.target, { fuzzy: false })) found++
      score = 0.75 * (found / sample.length) + 0.25 * titleScore
    }
    if (score > 0)
      out.push({ articleId: article.id, title: article.title, score: Math.round(score * 1000) / 1000 })
  }
  out.sort((a, b) => b.score - a.score || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
  return out.slice(0, limit)
}

/** Up to SAMPLE highlights spread evenly over the file, live ones first (notes and replies quote nothing). */
function sampleQuotes(all: readonly Annotation[]): Annotation[] {
  const annotations = all.filter((a) => a.target !== undefined)
  const live = annotations.filter((a) => !a.deleted)
  const pool = live.length > 0 ? live : annotations
  if (pool.length <= SAMPLE) return pool
  const step = pool.length / SAMPLE
  return Array.from({ length: SAMPLE }, (_, i) => pool[Math.floor(i * step)]!)
}

/** The folded title's character bigrams (diacritics, letter variants and case do not matter). */
function bigrams(title: string): Map<string, number> {
  const s = foldQuery(title).trim()
  const out = new Map<string, number>()
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2)
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

/** Sørensen–Dice coefficient of two bigram multisets: 1 for equal titles, 0 for nothing in common. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0
  let shared = 0
  for (const n of a.values()) total += n
  for (const n of b.values()) total += n
  if (total === 0) return 0
  for (const [g, n] of a) shared += Math.min(n, b.get(g) ?? 0)
  return (2 * shared) / total
}
