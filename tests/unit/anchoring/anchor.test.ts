import { describe, expect, it } from 'vitest'
import { foldQuery } from '../../../common/arabic-fold'
import { anchor, anchorAll, prepareText } from '../../../common/anchoring'
import { annotate, cpIndex, textAt, vocalisedBook } from './helpers'

const lines = vocalisedBook().split('\n')
/** A few real paragraphs of the vocalised book, as an article's plain text. */
const doc = lines.slice(5, 18).join('\n\n')
const QUOTE = 'وَالْعَقْلُ أَصْلُ الدِّينِ'
const anchorIn = (
  text: string,
  target: ReturnType<typeof annotate>,
  options?: Parameters<typeof anchor>[2],
) => anchor(prepareText(text), target, options)

describe('anchor', () => {
  const from = doc.indexOf(' ', 2000) + 1
  const phrase = doc.slice(from, doc.indexOf(' ', from + 60))
  const target = annotate(doc, phrase)

  it('takes the stored position when it still holds the quote', () => {
    const a = anchorIn(doc, target)
    expect(a).toEqual({ start: target.position.start, end: target.position.end, method: 'position' })
  })

  it('finds the quote after whitespace changed (double spaces, newlines to spaces)', () => {
    const changed = doc.replace(/ /g, '  ').replace(/\n\n/g, ' ')
    const a = anchorIn(changed, target)
    expect(a?.method).toBe('folded')
    expect(foldQuery(textAt(changed, a)!)).toBe(foldQuery(phrase))
    expect(textAt(changed, a)).toBe(phrase.replace(/ /g, '  ').replace(/\n\n/g, ' '))
  })

  it('finds the quote after a sentence is inserted before it, far or right before', () => {
    const sentence = 'هَذِهِ جُمْلَةٌ جَدِيدَةٌ أُضِيفَتْ إِلَى النَّصِّ. '
    const cut = cpIndex(doc, doc.indexOf(phrase))
    for (const at of [0, doc.indexOf(phrase)]) {
      const changed = doc.slice(0, at) + sentence + doc.slice(at)
      const a = anchorIn(changed, target)
      expect(a).toEqual({
        start: cut + [...sentence].length,
        end: cut + [...sentence].length + [...phrase].length,
        method: 'quote',
      })
    }
  })

  it('finds the quote with a word changed inside it (fuzzy) on the right characters', () => {
    const words = phrase.split(' ')
    words[3] = 'كَلِمَةٌ'
    const edited = words.join(' ')
    const changed = doc.replace(phrase, edited)
    const a = anchorIn(changed, target)
    expect(a?.method).toBe('fuzzy')
    const at = cpIndex(changed, changed.indexOf(edited))
    expect(Math.abs(a!.start - at)).toBeLessThanOrEqual(1)
    expect(Math.abs(a!.end - (at + [...edited].length))).toBeLessThanOrEqual(1)
  })

  it('makes a fuzzy match cover the edited passage up to where the stored context resumes', () => {
    const before = 'وَحُكِيَ أَنَّ بَعْضَ الْوُلَاةِ دَخَلَ عَلَى رَجُلٍ مِنْ أَهْلِ الْبَادِيَةِ ثُمَّ الْتَفَتَ '
    const after = ' تَقُولُ فِي رَجُلٍ لَا يَعْرِفُ قَدْرَ نَفْسِهِ ؟ فَلَمْ يُجِبْهُ بِشَيْءٍ.'
    const quote = 'لِلْحَضْرِيِّ فَقَالَ : مَا'
    const target = annotate(`${before}${quote}${after}`, quote)
    const edited = 'لِلْحَضْرِيِّ فَقَالَ كَلِمَةٌ مَا'
    const changed = `${before}${edited}${after}`
    const got = anchorIn(changed, target)
    expect(got?.method).toBe('fuzzy')
    expect(textAt(changed, got)).toBe(edited)
  })

  it('orphans the annotation when its passage is deleted', () => {
    const at = doc.indexOf(phrase)
    const changed = doc.slice(0, at - 100) + doc.slice(at + phrase.length + 100)
    expect(anchorIn(changed, target)).toBeNull()
  })

  it('returns null for an empty quote and survives nonsense positions', () => {
    expect(anchorIn(doc, { ...target, quote: { ...target.quote, exact: '' } })).toBeNull()
    const wild = { ...target, position: { type: 'TextPositionSelector' as const, start: 1e9, end: -4 } }
    expect(anchorIn(doc, wild)?.method).toBe('quote')
  })

  it('anchors every target of one text in order', () => {
    const second = annotate(doc, doc.slice(500, 530))
    const result = anchorAll(doc, [
      target,
      second,
      { ...second, quote: { ...second.quote, exact: 'غَيْرُ مَوْجُودٍ أَبَدًا هُنَا' } },
    ])
    expect(result.map((a) => a?.method ?? null)).toEqual(['position', 'position', null])
  })
})

describe('a repeated phrase: never the lookalike', () => {
  const a = 'قَالَ بَعْضُ الْحُكَمَاءِ فِي مَجْلِسِهِ بِبَغْدَادَ يَوْمًا: '
  const b = ' ، فَسَكَتَ الْقَوْمُ طَوِيلًا ثُمَّ انْصَرَفُوا إِلَى بُيُوتِهِمْ.'
  const c = 'وَكَتَبَ رَجُلٌ مِنْ أَهْلِ الشَّامِ إِلَى صَدِيقٍ لَهُ بِالْكُوفَةِ: '
  const d = ' ، وَلَمْ يَزِدْ عَلَى ذَلِكَ شَيْئًا فِي كِتَابِهِ كُلِّهِ.'
  const filler = lines.slice(20, 22).join('\n\n')
  const text = `${a}${QUOTE}${b}\n\n${filler}\n\n${c}${QUOTE}${d}`
  const first = annotate(text, QUOTE, 0)

  it('orphans when the annotated occurrence is deleted and an identical one remains elsewhere', () => {
    const changed = `${filler}\n\n${c}${QUOTE}${d}`
    expect(anchorIn(changed, first)).toBeNull()
    // …also when the other copy is unvocalised (folded stage) and after an edit (fuzzy stage).
    expect(anchorIn(`${filler}\n\n${c}وَالْعقل أصل الدين${d}`, first)).toBeNull()
    expect(anchorIn(`${filler}\n\n${c}وَالْعَقْلُ أَصْلُ الدِّينِ كُلِّهِ${d}`, first)).toBeNull()
  })

  it('orphans when only the phrase and its near context are deleted', () => {
    const changed = text.replace(`${a}${QUOTE}${b}`, 'نَصٌّ آخَرُ مُخْتَلِفٌ تَمَامًا عَنِ الْأَوَّلِ.')
    expect(anchorIn(changed, first)).toBeNull()
  })

  it('follows the annotated occurrence, not the copy nearer its old position', () => {
    // The annotated occurrence moves to the end; the other copy now sits where it was.
    const changed = `${c}${QUOTE}${d}\n\n${filler}\n\n${a}${QUOTE}${b}`
    const got = anchorIn(changed, first)
    expect(got?.method).toBe('quote')
    expect(got?.start).toBe(cpIndex(changed, changed.lastIndexOf(QUOTE)))
  })

  it('finds an edited original even when an unchanged copy elsewhere is the closer match', () => {
    const edited = 'وَالْعَقْلُ أَصْلُ هَذَا الدِّينِ'
    const changed = `${'بِسْمِ اللَّهِ. '.repeat(40)}${a}${edited}${b}\n\n${filler}\n\n${c}${QUOTE}${d}`
    const got = anchorIn(changed, first)
    expect(got?.method).toBe('fuzzy')
    expect(textAt(changed, got)).toBe(edited)
    // Far from its stored place (outside the window searched first), it stays an orphan rather than
    // risk the copy: never the lookalike.
    expect(anchorIn(changed, first, { window: 5 })).toBeNull()
  })

  it('does not move an annotation made at the start of the text to a copy of its phrase now at the start', () => {
    const start = `${QUOTE}${b}\n\n${filler}`
    const target = annotate(start, QUOTE)
    expect(target.quote.prefix).toBe('')
    expect(anchorIn(`${QUOTE}${d}\n\n${filler}`, target)).toBeNull()
    // A title added before it is fine: nothing was stored before it, and the suffix agrees.
    const titled = `عُنْوَانٌ\n\n${start}`
    expect(anchorIn(titled, target)).toMatchObject({ start: [...'عُنْوَانٌ\n\n'].length, method: 'quote' })
  })

  it('refuses a copy that shares only a formula on one side', () => {
    const hadith = 'قَالَ رَسُولُ اللَّهِ صَلَّى اللَّهُ عَلَيْهِ وَسَلَّمَ : '
    const one = `${filler}\n\n${hadith}{ إنَّ اللَّهَ رَفِيقٌ يُحِبُّ الرِّفْقَ } ، وَهُوَ حَدِيثٌ صَحِيحٌ مَشْهُورٌ.`
    const two = `${hadith}{ إنَّ اللَّهَ جَمِيلٌ يُحِبُّ الْجَمَالَ } ، رَوَاهُ مُسْلِمٌ فِي صَحِيحِهِ.`
    const target = annotate(`${one}\n\n${two}`, `${hadith}{ إنَّ اللَّهَ`)
    expect(anchorIn(`${filler}\n\n${two}`, target)).toBeNull()
  })

  it('refuses a copy whose context shares only a formula next to the quote', () => {
    const quote = 'عُمَرُ بْنُ الْخَطَّابِ رَضِيَ اللَّهُ'
    const annotated = `وَمَنْ لَمْ يَتَّقِ اللَّهَ فَلَنْ يُفْلِحَ بَعْدَهَا } . وَقَالَ ${quote} عَنْهُ : الْمَدْحُ ذَبْحٌ .`
    const other = `إنَّ فِي الْمَعَارِيضِ لَمَنْدُوحَةً عَنِ الْكَذِبِ } . وَقَالَ ${quote} عَنْهُ : إنَّ فِي الْمَعَارِيضِ مَا يَكْفِي .`
    const target = annotate(`${annotated}\n\n${filler}\n\n${other}`, quote)
    expect(anchorIn(`${filler}\n\n${other}`, target)).toBeNull()
  })

  it('anchors a quote that was the whole text after text is added around it', () => {
    const target = annotate(QUOTE, QUOTE)
    expect(anchorIn(`${a}${QUOTE}`, target)?.method).toBe('quote')
  })
})

describe('characters outside the BMP', () => {
  it('returns code point positions of the current text', () => {
    const text = `😀 ${lines[30]!.slice(0, 200)} 𝔸𝔸 ${QUOTE} 🎉 ${lines[31]!.slice(0, 200)}`
    const target = annotate(text, `𝔸 ${QUOTE} 🎉`)
    expect(target.position.start).toBe(cpIndex(text, text.indexOf(`𝔸 ${QUOTE}`)))
    expect(anchorIn(text, target)?.method).toBe('position')
    const changed = `🌙🌙🌙 ${text}`
    const got = anchorIn(changed, target)
    expect(got).toMatchObject({
      start: target.position.start + 4,
      end: target.position.end + 4,
      method: 'quote',
    })
    expect([...changed].slice(got!.start, got!.end).join('')).toBe(`𝔸 ${QUOTE} 🎉`)
    const folded = anchorIn(changed.replace(/ /g, '\u00a0'), target)
    expect(folded).toMatchObject({ start: target.position.start + 4, method: 'folded' })
  })
})

describe('the position stage', () => {
  it('keeps the position when the context changed on one side only', () => {
    const text = lines.slice(5, 9).join('\n\n')
    const from = text.indexOf(' ', 700) + 1
    const quote = text.slice(from, text.indexOf(' ', from + 40))
    const target = annotate(text, quote)
    const at = text.indexOf(quote) + quote.length
    const changed = `${text.slice(0, at)} جَدِيدٌ${text.slice(at)}`
    expect(anchorIn(changed, target)).toEqual({
      start: target.position.start,
      end: target.position.end,
      method: 'position',
    })
  })
})
