import { HIGHLIGHT_COLORS, type HighlightColor } from '../annotation'
import { createTranslator } from '../i18n/translator'
import { uiDirection, type UiLanguage } from '../i18n/ui-language'

/** The words exports add around the article ("Notes", "Colour", colour names…), in one language. */
export interface ExportLabels {
  /** The labels' language and direction, for the HTML `lang`/`dir` around them. */
  lang: UiLanguage
  dir: 'ltr' | 'rtl'
  notes: string
  unplaced: string
  unplacedHint: string
  colour: string
  tags: string
  untagged: string
  author: string
  source: string
  date: string
  exported: string
  backToText: string
  /** The words of a quote's `hamish://` link back to the app (common/hamish-link.ts). */
  openInApp: string
  /** The section of notes about the whole article, before the highlights. */
  articleNotes: string
  /** Where replies whose annotation is gone are written. */
  repliesToDeleted: string
  /** "Reply by Omar, 2026-12-07": the line above a reply. */
  replyBy(author: string, date: string): string
  /** Where a deleted reply with live replies under it stood (its note is not written). */
  deletedReply: string
  /** A quote's place (common/export/quote-location.ts), each part as its own words. */
  underHeading(heading: string): string
  paragraphNumber(n: number): string
  pdfPage(n: number): string
  printedPage(page: number, volume: number | null): string
  colorNames: Record<HighlightColor, string>
}

const cache = new Map<UiLanguage, ExportLabels>()

/**
 * The export labels in a language, read from the interface's translation
 * tables (common/i18n) so there is one place to translate them: a reader
 * whose interface speaks Arabic gets an export whose headings and "Colour"
 * lines do too. The article keeps its own language; only these words follow.
 */
export function exportLabels(lang: UiLanguage = 'en'): ExportLabels {
  const known = cache.get(lang)
  if (known) return known
  const t = createTranslator(lang)
  const labels: ExportLabels = {
    lang,
    dir: uiDirection(lang) === 'rtl' ? 'rtl' : 'ltr',
    notes: t('exportLabels.notes'),
    unplaced: t('exportLabels.unplaced'),
    unplacedHint: t('exportLabels.unplacedHint'),
    colour: t('exportLabels.colour'),
    tags: t('exportLabels.tags'),
    untagged: t('exportLabels.untagged'),
    author: t('exportLabels.author'),
    source: t('exportLabels.source'),
    date: t('exportLabels.date'),
    exported: t('exportLabels.exported'),
    backToText: t('exportLabels.backToText'),
    openInApp: t('exportLabels.openInApp'),
    articleNotes: t('exportLabels.articleNotes'),
    repliesToDeleted: t('exportLabels.repliesToDeleted'),
    replyBy: (author, date) => t('exportLabels.replyBy', { author, date }),
    deletedReply: t('exportLabels.deletedReply'),
    underHeading: (heading) => t('exportLabels.underHeading', { heading }),
    paragraphNumber: (n) => t('exportLabels.paragraphNumber', { n: String(n) }),
    pdfPage: (n) => t('exportLabels.pdfPage', { n: String(n) }),
    printedPage: (page, volume) =>
      volume === null
        ? t('exportLabels.printedPage', { page: String(page) })
        : t('exportLabels.printedVolumePage', { page: String(page), volume: String(volume) }),
    colorNames: Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, t(`colorNames.${c}`)])) as Record<
      HighlightColor,
      string
    >,
  }
  cache.set(lang, labels)
  return labels
}
