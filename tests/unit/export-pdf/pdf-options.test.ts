import { englishText } from '../../../common/i18n/local-text'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MARGINS_MM,
  cssMargins,
  escapeTemplateText,
  footerTemplate,
  headerTemplate,
  headerTitle,
  inchMargins,
  pdfPageSetup,
  pdfTimeoutText,
} from '../../../main/export/pdf-options'

describe('PDF page setup', () => {
  it('escapes & < > " \' for the header template', () => {
    expect(escapeTemplateText(`</span><script>x</script> & "q" 'a'`)).toBe(
      '&lt;/span&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;',
    )
  })

  it('turns line breaks and control characters into spaces and drops bidi overrides', () => {
    expect(escapeTemplateText('a\nb\u0000c\u202ed\u2067e')).toBe('a b cde')
  })

  it('puts the escaped title in the header, in its own direction, with a font size', () => {
    const header = headerTemplate('عنوان <b>')
    expect(header).toContain('dir="auto"')
    expect(header).toContain('>عنوان &lt;b&gt;</div>')
    expect(header).toMatch(/font-size:9pt/)
    expect(header).not.toMatch(/<b>/)
  })

  it('shortens very long titles at a word', () => {
    const long = 'كلمة '.repeat(100)
    const short = headerTitle(long, 40)
    expect(Array.from(short).length).toBeLessThanOrEqual(40)
    expect(short.endsWith('كلمة…')).toBe(true)
    expect(headerTitle('  a \n b  ')).toBe('a b')
  })

  it('numbers pages left to right in the footer', () => {
    const footer = footerTemplate()
    expect(footer).toContain('dir="ltr"')
    expect(footer).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>')
    expect(footer).toMatch(/font-size:9pt/)
  })

  it('prints backgrounds and header/footer, with our paper over CSS', () => {
    const setup = pdfPageSetup({ paper: 'Letter', title: 't' })
    expect(setup).toMatchObject({
      paper: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      preferCSSPageSize: false,
      marginsMm: DEFAULT_MARGINS_MM,
    })
    expect(pdfPageSetup({ paper: 'A4', title: 't', marginsMm: { top: 30 } }).marginsMm.top).toBe(30)
  })

  it('gives margins in CSS millimetres and in inches', () => {
    expect(cssMargins({ top: 25.4, bottom: 20, left: 18, right: 18 })).toEqual({
      top: '25.4mm',
      bottom: '20mm',
      left: '18mm',
      right: '18mm',
    })
    expect(inchMargins({ top: 25.4, bottom: 12.7, left: 0, right: 50.8 })).toEqual({
      top: 1,
      bottom: 0.5,
      left: 0,
      right: 2,
    })
  })

  it('says how long it waited', () => {
    expect(englishText(pdfTimeoutText(60_000))).toMatch(/^PDF export took longer than 60 s and was stopped/)
    expect(englishText(pdfTimeoutText(200))).toMatch(/longer than 0\.2 s/)
    expect(englishText(pdfTimeoutText(1500))).toMatch(/longer than 1\.5 s/)
  })
})
