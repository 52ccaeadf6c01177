import type { ArticleMeta, Person } from '../article-meta'
import { jsonLdMeta } from './json-ld-meta'
import { firstKnown } from './merge-meta'
import { literalPerson, metaDate, metaDoi, metaLanguage, metaText, metaUrl } from './meta-values'

/** What an HTML page's head holds about the article, as read from its markup (main/import/page-head.ts). */
export interface PageHead {
  /** `<meta>` tags in document order: `name` or `property`, lower-cased, and `content`. */
  tags: readonly { key: string; content: string }[]
  /** The text of each `<script type="application/ld+json">`. */
  jsonLd: readonly string[]
  /** `<link rel=canonical>` resolved to an absolute address, if any. */
  canonical: string | null
  /** The address the page was saved from, when it was fetched. */
  address: string | null
}

const all = (head: PageHead, ...keys: string[]) =>
  head.tags.filter((t) => keys.includes(t.key)).map((t) => t.content)
const first = (head: PageHead, ...keys: string[]) => all(head, ...keys)[0]
const people = (names: string[]): Person[] =>
  names
    .slice(0, 100)
    .map(literalPerson)
    .filter((p): p is Person => p !== undefined)

/** Highwire Press / Google Scholar tags (citation_*), which academic publishers and OJS journals write. */
function highwireMeta(head: PageHead): ArticleMeta {
  const first_page = metaText(first(head, 'citation_firstpage'))
  const last_page = metaText(first(head, 'citation_lastpage'))
  const journal = metaText(first(head, 'citation_journal_title'))
  const book = metaText(first(head, 'citation_book_title', 'citation_inbook_title'))
  return {
    authors: people(all(head, 'citation_author')),
    container: journal ?? book ?? metaText(first(head, 'citation_conference_title')),
    publisher: metaText(first(head, 'citation_publisher')),
    published: metaDate(first(head, 'citation_publication_date', 'citation_date', 'citation_online_date')),
    language: metaLanguage(first(head, 'citation_language')),
    url: metaUrl(
      first(head, 'citation_public_url', 'citation_abstract_html_url', 'citation_fulltext_html_url'),
    ),
    doi: metaDoi(first(head, 'citation_doi')),
    pages: first_page ? (last_page ? `${first_page}-${last_page}` : first_page) : undefined,
    volume: metaText(first(head, 'citation_volume')),
    issue: metaText(first(head, 'citation_issue')),
    kind: journal ? 'article-journal' : book ? 'chapter' : undefined,
  }
}

/** Dublin Core as HTML writes it (DC.creator, dcterms.issued…), keys lower-cased. */
function dublinCoreMeta(head: PageHead): ArticleMeta {
  const identifiers = all(head, 'dc.identifier', 'dcterms.identifier')
  return {
    authors: people(all(head, 'dc.creator', 'dcterms.creator')),
    container: metaText(first(head, 'dcterms.ispartof', 'dc.source', 'dcterms.source')),
    publisher: metaText(first(head, 'dc.publisher', 'dcterms.publisher')),
    published: metaDate(first(head, 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created')),
    language: metaLanguage(first(head, 'dc.language', 'dcterms.language')),
    doi: identifiers.map(metaDoi).find(Boolean),
    url: identifiers.map(metaUrl).find(Boolean),
  }
}

/** OpenGraph (og:*, article:*), which most news sites write; article:author is kept only when it is a name, not a profile link. */
function openGraphMeta(head: PageHead): ArticleMeta {
  const authors = all(head, 'article:author', 'author').filter((a) => !/^https?:\/\//i.test(a.trim()))
  return {
    authors: people(authors),
    container: metaText(first(head, 'og:site_name')),
    published: metaDate(first(head, 'article:published_time')),
    url: metaUrl(first(head, 'og:url')),
    kind: first(head, 'og:type') === 'book' ? 'book' : undefined,
  }
}

/**
 * What a page says about the article it holds, each field from the most
 * careful source that gives it: citation_* tags (written for libraries),
 * then schema.org JSON-LD, then Dublin Core, then OpenGraph (written for
 * link previews), except that the canonical link names the address
 * before og:url (which often carries tracking parameters); else where the
 * page was fetched from. Pure: the head was read by the importer.
 */
export function pageMeta(head: PageHead): ArticleMeta {
  return firstKnown(
    highwireMeta(head),
    jsonLdMeta(head.jsonLd),
    dublinCoreMeta(head),
    { url: metaUrl(head.canonical) },
    openGraphMeta(head),
    { url: metaUrl(head.address) },
  )
}
