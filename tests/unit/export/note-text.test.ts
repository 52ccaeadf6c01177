import { describe, expect, it } from 'vitest'
import { notePlainText } from '../../../common/export/note-text'

describe("a note's plain text (what library search looks in)", () => {
  it('drops the Markdown syntax and keeps the words, a line per block', () => {
    expect(notePlainText('ملاحظة **مهمة** عن [المؤسس](https://example.com) and `code`')).toBe(
      'ملاحظة مهمة عن المؤسس and code',
    )
    expect(notePlainText('- بند أول\n- second\n\n1. أول\n2. ثانٍ')).toBe('بند أول\nsecond\nأول\nثانٍ')
    expect(notePlainText('> اقتباس\n\n# عنوان\n\n```\nx = 1\n```')).toBe('اقتباس\nعنوان\nx = 1')
    expect(notePlainText('![صورة الخريطة](map.png) *مائل*')).toBe('صورة الخريطة مائل')
  })

  it('keeps what is not syntax: raw HTML stays text, plain notes stay as they are', () => {
    expect(notePlainText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>')
    expect(notePlainText('ملاحظة بسيطة')).toBe('ملاحظة بسيطة')
    expect(notePlainText('')).toBe('')
    expect(notePlainText('سطر\nوسطر')).toBe('سطر\nوسطر')
  })
})
