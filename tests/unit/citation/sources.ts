import type { CitationSource } from '../../../common/citation/citation-source'

/** Articles as a library holds them, with the metadata a citation reads (set directly: nothing fills it yet). */
export const NEWS: CitationSource = {
  id: 'a1b2c3d4e5f60718',
  title: 'لافروف والشيباني يبحثان في موسكو العلاقات الروسية السورية',
  source: 'https://example.com/news/lavrov',
  fetched: '2025-12-25T08:00:00.000Z',
  date: '2025-12-24',
  added: '2025-12-26T10:00:00.000Z',
  lang: 'ar',
  meta: {
    authors: [{ literal: 'محمد بن علي الشيباني' }, { family: 'العمري', given: 'سارة' }],
    container: 'الجزيرة نت',
    published: [2025, 12, 24],
    language: 'ar',
  },
}

export const JOURNAL: CitationSource = {
  id: 'b1b2c3d4e5f60718',
  title: 'The {Braces} & 100% of #Hash_tags: ~ ^ \\ $',
  source: 'paper.pdf',
  date: null,
  added: '2026-01-02T10:00:00.000Z',
  lang: 'en',
  meta: {
    authors: [
      { family: 'Smith', given: 'Jane' },
      { family: 'de la Cruz', given: 'Juan' },
    ],
    container: 'Journal of Arabic Studies',
    published: [2019, 3],
    doi: '10.1000/xyz123',
    volume: '12',
    issue: '3',
    pages: '45-67',
  },
}

export const BOOK: CitationSource = {
  id: 'c1b2c3d4e5f60718',
  title: 'أدب الدنيا والدين',
  source: 'adab.txt',
  date: null,
  added: '2026-02-03T10:00:00.000Z',
  lang: 'ar',
  meta: {
    authors: [{ literal: 'أبو الحسن الماوردي' }],
    publisher: 'دار المنهاج',
    published: [1985],
    kind: 'book',
  },
}

/** A file with nothing known beyond its title. */
export const BARE: CitationSource = {
  id: 'd1b2c3d4e5f60718',
  title: 'ملاحظات',
  source: 'notes.txt',
  date: null,
  added: '2026-02-04T10:00:00.000Z',
  lang: 'und',
}

/** The same author, year and first title word as NEWS: a second key for the same base. */
export const NEWS_TWIN: CitationSource = {
  ...NEWS,
  id: 'e1b2c3d4e5f60718',
  title: 'لافروف يلتقي الشيباني مرة أخرى',
}

export const ALL = [NEWS, JOURNAL, BOOK, BARE, NEWS_TWIN]
