import type { ArticleMeta, Person } from '../article-meta'
import { metaDate, metaDoi, metaLanguage, metaText, metaUrl, literalPerson } from './meta-values'

/** One JSON-LD script's characters at most: a real article's is a few kilobytes. */
export const MAX_JSON_LD_LENGTH = 256 * 1024
/** How deep the search for an article object goes (@graph, mainEntity…); deeper nesting is ignored. */
const MAX_DEPTH = 6
/** Objects looked at in one script, so a list of a million items costs little. */
const MAX_NODES = 2000

/** schema.org types that are the article itself, and the CSL kind each means. */
const ARTICLE_TYPES: Record<string, ArticleMeta['kind']> = {
  NewsArticle: 'article-newspaper',
  ReportageNewsArticle: 'article-newspaper',
  AnalysisNewsArticle: 'article-newspaper',
  OpinionNewsArticle: 'article-newspaper',
  ScholarlyArticle: 'article-journal',
  Article: 'article',
  BlogPosting: 'article',
  Report: 'report',
  Thesis: 'thesis',
  Book: 'book',
  Chapter: 'chapter',
}

type Node = Record<string, unknown>
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x)
const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x])

/** The first schema.org type of `node` that is an article, by its bare name (with or without the schema.org prefix). */
function articleType(node: Node): string | undefined {
  return asList(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/)?schema\.org\//, ''))
    .find((t) => t in ARTICLE_TYPES)
}

/** The article object in parsed JSON-LD: the first, breadth first, through @graph, arrays and mainEntity. */
function findArticle(root: unknown): { node: Node; type: string } | undefined {
  let level: unknown[] = [root]
  let seen = 0
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = []
    for (const x of level) {
      if (++seen > MAX_NODES) return undefined
      if (Array.isArray(x)) next.push(...x.slice(0, MAX_NODES))
      else if (isNode(x)) {
        const type = articleType(x)
        if (type) return { node: x, type }
        next.push(x['@graph'], x.mainEntity, x.mainEntityOfPage)
      }
    }
    level = next.filter((x) => x !== undefined)
  }
  return undefined
}

/** A schema.org author: a string, a Person (family/given when it gives them) or an Organization, by name. */
function person(x: unknown): Person | undefined {
  if (typeof x === 'string') return literalPerson(x)
  if (!isNode(x)) return undefined
  const family = metaText(x.familyName)
  const given = metaText(x.givenName)
  if (family) return given ? { family, given } : { family }
  return literalPerson(x.name)
}

/** A name given as a string or as an object's `name` (publisher, isPartOf). */
const nameOf = (x: unknown): string | undefined =>
  typeof x === 'string' ? metaText(x) : isNode(x) ? metaText(x.name) : undefined

/**
 * What schema.org JSON-LD scripts say about the article: the first article
 * object (NewsArticle, ScholarlyArticle, Book…) found in them. A script that
 * is too long, not JSON, or of the wrong shape gives nothing, and a field of
 * the wrong type is skipped, never trusted.
 */
export function jsonLdMeta(scripts: readonly string[]): ArticleMeta {
  for (const script of scripts) {
    if (script.length > MAX_JSON_LD_LENGTH) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(script)
    } catch {
      continue
    }
    const found = findArticle(parsed)
    if (!found) continue
    const { node, type } = found
    const authors = asList(node.author)
      .slice(0, 100)
      .map(person)
      .filter((p): p is Person => p !== undefined)
    const part = asList(node.isPartOf)[0]
    return {
      ...(authors.length > 0 && { authors }),
      container: nameOf(part) ?? (isNode(part) ? nameOf(part.isPartOf) : undefined),
      publisher: nameOf(asList(node.publisher)[0]),
      published: metaDate(node.datePublished) ?? metaDate(node.dateCreated),
      language: metaLanguage(metaText(node.inLanguage) ?? nameOf(node.inLanguage)),
      url: metaUrl(node.url),
      doi: metaDoi(node.doi) ?? asList(node.identifier).map(metaDoi).find(Boolean),
      pages: metaText(node.pagination),
      volume: metaText(node.volumeNumber),
      issue: metaText(node.issueNumber),
      kind: ARTICLE_TYPES[type],
    }
  }
  return {}
}
