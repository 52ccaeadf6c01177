import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importHtml } from '../../../main/import/import-html'

const FIXTURES = resolve(__dirname, '../../fixtures/meta')
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))

describe('metadata read from an HTML page on import', () => {
  it('an OJS journal page: citation_* wins over Dublin Core and OpenGraph, field by field', () => {
    const { meta } = importHtml(fixture('ojs-journal-article.html'), 'ojs-journal-article.html')
    expect(meta).toEqual({
      authors: [{ literal: 'فاطمة الزهراء بن علي' }, { literal: 'محمد عبد الرحمن' }],
      container: 'مجلة الدراسات اللغوية',
      publisher: 'جامعة الملك سعود',
      published: [2023, 6, 15],
      language: 'ar',
      url: 'https://journals.example.edu.sa/index.php/jls/article/view/345',
      doi: '10.31185/jls.v12i2.345',
      pages: '45-78',
      volume: '12',
      issue: '2',
      kind: 'article-journal',
    })
  })

  it('a news page: JSON-LD NewsArticle in an @graph, authors as Person, string and Organization, the canonical address', () => {
    const { meta } = importHtml(fixture('news-json-ld.html'), 'rain.html', {
      base: 'https://news.example.com/news/2025/11/3/rain-returns?utm=x',
    })
    expect(meta).toEqual({
      authors: [{ literal: 'حسن الكعبي' }, { literal: 'مريم السيد' }, { literal: 'وكالة الأنباء' }],
      container: 'أخبار الخليج اليوم',
      publisher: 'مجموعة الخليج الإعلامية',
      published: [2025, 11, 3],
      language: 'ar',
      url: 'https://news.example.com/news/2025/11/3/rain-returns',
      kind: 'article-newspaper',
    })
  })

  it('without JSON-LD, OpenGraph and the author tag fill in; a profile link is not taken as a name', () => {
    const markup = readFileSync(join(FIXTURES, 'news-json-ld.html'), 'utf8').replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '',
    )
    const { meta } = importHtml(new TextEncoder().encode(markup), 'rain.html')
    expect(meta).toEqual({
      authors: [{ literal: 'هيئة التحرير' }],
      container: 'أخبار الخليج اليوم',
      published: [2025, 11, 2],
      url: 'https://news.example.com/news/2025/11/3/rain-returns?utm_source=og',
    })
  })

  it('a page saved from its address keeps that address when it names no other', () => {
    const page =
      '<html><head><title>T</title></head><body><p>Some ordinary text for the article body here.</p></body></html>'
    const { meta } = importHtml(new TextEncoder().encode(page), 'page.html', {
      base: 'https://example.org/a/b',
    })
    expect(meta).toEqual({ url: 'https://example.org/a/b' })
  })

  it('a page that says nothing gives no metadata at all', () => {
    const { meta } = importHtml(
      readFileSync(resolve(__dirname, '../../fixtures/arcd-02-al-andalus.html')),
      'x.html',
    )
    expect(meta).toBeUndefined()
  })

  it('hostile metadata (deep, huge, not JSON, wrong types, script in values, javascript: links) is ignored or kept as text', () => {
    const { meta, title } = importHtml(fixture('hostile-meta.html'), 'hostile-meta.html')
    expect(title).toBe('Hostile metadata')
    expect(meta).toEqual({
      authors: [{ literal: '<img src=x onerror=alert(1)>' }],
      container: '</script><b>x</b>',
      kind: 'article',
    })
  })
})
