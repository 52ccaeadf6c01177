import { describe, expect, it } from 'vitest'
import { guessLanguage, resolveLanguage } from '../../../common/language'
import { normaliseForFingerprint } from '../../../common/normalise'
import { codePointLength, plainText } from '../../../common/plain-text'
import { paragraph, heading, text, type DocNode } from '../../../common/document'

describe('plain text', () => {
  it('joins text blocks in reading order, lists and quotes included', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        heading(1, [text('عنوان')]),
        paragraph([text('سطر'), { type: 'hard_break' }, text('ثانٍ')]),
        { type: 'blockquote', content: [paragraph([text('اقتباس')])] },
        { type: 'ordered_list', content: [{ type: 'list_item', content: [paragraph([text('أولًا')])] }] },
      ],
    }
    expect(plainText(doc)).toBe('عنوان\n\nسطر\nثانٍ\n\nاقتباس\n\nأولًا')
  })

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('𝔸ب')).toBe(2)
    expect('𝔸ب'.length).toBe(3)
  })
})

describe('language', () => {
  it('calls mostly-Arabic text with Latin names Arabic, right to left', () => {
    expect(guessLanguage('التقى وزير الخارجية Sergei Lavrov في موسكو اليوم').dir).toBe('rtl')
    expect(guessLanguage('The Arabic word كتاب means book in English').dir).toBe('ltr')
  })

  it('lets the file’s own lang and dir win', () => {
    expect(resolveLanguage('hello', { lang: 'ar', dir: null })).toEqual({ lang: 'ar', dir: 'rtl' })
    expect(resolveLanguage('مرحبا', { lang: 'en', dir: 'ltr' })).toEqual({ lang: 'en', dir: 'ltr' })
    expect(resolveLanguage('مرحبا بكم', { lang: 'not a tag!', dir: null }).lang).toBe('ar')
  })
})

describe('fingerprint normalisation', () => {
  it('ignores line endings, NBSP and runs of spaces but not letters', () => {
    expect(normaliseForFingerprint('\uFEFFأ  ب\r\n\r\nج\u00A0د ')).toBe('أ ب ج د')
    expect(normaliseForFingerprint('أ ب')).not.toBe(normaliseForFingerprint('ا ب'))
  })
})
