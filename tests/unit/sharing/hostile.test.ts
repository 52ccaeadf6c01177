import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../common/annotation'
import { anchor, prepareText } from '../../../common/anchoring'
import { HamishError } from '../../../common/errors'
import {
  EXTENSION_KEY,
  parseAnnotationFile,
  parseJsonStrict,
  toAnnotationCollection,
  type ParsedFile,
} from '../../../common/sharing'
import { shown } from '../../../common/sharing/json-shape'
import { ANDALUS, annotationOn, ARTICLE, at, NOW } from './helpers'

const good = annotationOn(ANDALUS, 'سقطت الأندلس', { note: 'ملاحظة', tags: ['تاريخ'] })

/** A valid file as a mutable JSON object, to spoil one part of at a time. */
function file(annotations: Annotation[] = [good], bundle?: unknown) {
  const json = JSON.parse(
    JSON.stringify(
      toAnnotationCollection({ article: ARTICLE, annotations, generator: 'test', exportedAt: at(60) }),
    ),
  )
  if (bundle !== undefined) json[EXTENSION_KEY].document = bundle
  return json
}
const read = (json: unknown): ParsedFile => parseAnnotationFile(JSON.stringify(json), { now: NOW })

/** The whole file is refused with a HamishError whose message matches. */
function refused(action: () => unknown, message: RegExp): void {
  let caught: unknown
  try {
    action()
  } catch (err) {
    caught = err
  }
  expect(caught, 'the file should have been refused').toBeInstanceOf(HamishError)
  expect((caught as HamishError).message).toMatch(message)
  expect((caught as HamishError).message).toMatch(/nothing was imported|Hamish can read/i)
}

// Spoilers reach into the file's JSON freely: it is untyped on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

/** One item spoilt: it alone is rejected, with a reason matching `reason`. */
function rejectsItem(spoil: (item: Json) => void, reason: RegExp): ParsedFile {
  const json = file([good, annotationOn(ANDALUS, 'دمشق')])
  spoil(json.first.items[0])
  const parsed = read(json)
  expect(parsed.annotations.map((a) => a.id)).not.toContain(good.id)
  expect(parsed.annotations).toHaveLength(1)
  expect(parsed.rejected).toHaveLength(1)
  expect(parsed.rejected[0]!.reason).toMatch(reason)
  return parsed
}

describe('bad input gets a clear answer', () => {
  it('not JSON', () => {
    refused(() => parseAnnotationFile('{"@context": ', { now: NOW }), /The file is not JSON/)
    refused(() => parseAnnotationFile('', { now: NOW }), /not JSON/)
    refused(() => parseAnnotationFile('\u0000\u0001binary', { now: NOW }), /not JSON/)
  })

  it('JSON of the wrong shape', () => {
    for (const value of [null, 42, 'text', {}, { hello: 'world' }, [1, 2, 3]]) {
      refused(() => read(value), /neither a Hamish annotation file .* nor a Hypothesis JSON export/)
    }
    const noContext = file()
    delete noContext['@context']
    refused(() => read(noContext), /@context/)
    refused(() => read({ ...file(), first: 'https://example.org/page2' }), /at another address/)
    refused(() => read({ ...file(), first: { type: 'AnnotationPage', items: 'none' } }), /first\.items/)
    refused(
      () => read({ ...file(), first: { ...file().first, next: 'https://example.org/p2' } }),
      /further pages/,
    )
    refused(() => read({ ...file(), total: 7 }), /says it holds 7 annotations but holds 1/)
    refused(() => read({ ...file(), [EXTENSION_KEY]: 'x' }), /Hamish section .* is not an object/)
    refused(
      () => read({ ...file(), [EXTENSION_KEY]: { version: 1, article: { fingerprint: 'abc' } } }),
      /no valid article fingerprint/,
    )
    refused(
      () => read({ ...file(), [EXTENSION_KEY]: { ...file()[EXTENSION_KEY], version: 2 } }),
      /newer version of Hamish/,
    )
  })

  it('items that are not annotations are rejected one by one', () => {
    const json = file()
    json.first.items.push(
      null,
      'urn:uuid:x',
      { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
      { type: 'Annotation' },
    )
    json.total = 5
    const parsed = read(json)
    expect(parsed.annotations).toHaveLength(1)
    expect(parsed.rejected.map((r) => r.reason)).toEqual([
      'it is not an annotation object',
      'it is not an annotation object',
      'its type is not Annotation',
      'it has no id',
    ])
  })

  it('100,000 items: the whole file is refused, before any item is read', () => {
    const item = { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', type: 'Annotation', target: {} }
    const json = { ...file(), total: 100_000, first: { ...file().first, items: Array(100_000).fill(item) } }
    const text = JSON.stringify(json)
    expect(text.length).toBeLessThan(50 * 1024 * 1024)
    refused(
      () => parseAnnotationFile(text, { now: NOW }),
      /too many annotations \(100,000; the limit is 50,000\)/,
    )
    refused(
      () =>
        parseAnnotationFile(JSON.stringify(Array(100_000).fill({ id: 'abc', user: 'acct:x@hypothes.is' }))),
      /too many annotations \(100,000; the limit is 50,000\)/,
    )
    // 50,000 is allowed (each of these is then rejected on its own).
    const limit = {
      ...json,
      total: 50_000,
      first: { ...json.first, items: json.first.items.slice(0, 50_000) },
    }
    expect(read(limit).rejected).toHaveLength(50_000)
  })

  it('more than 50 MB of text', () => {
    refused(() => parseJsonStrict(' '.repeat(50 * 1024 * 1024 + 1)), /larger than 50 MB/)
  })

  it('__proto__, constructor and prototype keys anywhere refuse the file, and pollute nothing', () => {
    const text = JSON.stringify(file())
    const planted = [
      text.replace(
        '"type":"AnnotationCollection"',
        '"__proto__":{"polluted":true},"type":"AnnotationCollection"',
      ),
      text.replace('"exact":', '"constructor":{"prototype":{"polluted":true}},"exact":'),
      text.replace('"exact":', '"prototype":{"polluted":true},"exact":'),
      text.replace(
        '"type":"AnnotationCollection"',
        '"\\u005f_proto__":{"polluted":true},"type":"AnnotationCollection"',
      ),
      `[${text.replace('"type":"AnnotationCollection"', '"__proto__":[],"type":"AnnotationCollection"')}]`,
    ]
    for (const t of planted) {
      refused(() => parseAnnotationFile(t, { now: NOW }), /has a "(__proto__|constructor|prototype)" key/)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The words are fine as text.
    const note = annotationOn(ANDALUS, 'دمشق', {
      note: 'a __proto__ of the constructor’s prototype',
      tags: ['constructor'],
    })
    expect(read(file([note])).annotations[0]!.body).toMatchObject({
      note: note.body.note,
      tags: ['constructor'],
    })
  })

  it('a value nested deeper than any annotation file refuses the file with a reason, wherever it is', () => {
    const n = 200_000
    const deep = '['.repeat(n) + ']'.repeat(n)
    for (const where of ['color', 'deleted', 'unknownField']) {
      const text = JSON.stringify(file()).replace(
        `"${EXTENSION_KEY}":{`,
        `"${EXTENSION_KEY}":{"${where}":${deep},`,
      )
      refused(() => parseAnnotationFile(text, { now: NOW }), /nested more than 256 levels deep/)
    }
    // Brackets inside strings are text, not nesting.
    const json = file([annotationOn(ANDALUS, 'دمشق', { note: '['.repeat(1000) + '{"\\"'.repeat(300) })])
    expect(read(json).annotations[0]!.body.note).toBe('['.repeat(1000) + '{"\\"'.repeat(300))
    // Within the limit, a nested value in a checked field rejects that item only, its reason quoting it.
    const parsed = rejectsItem(
      (i) => (i[EXTENSION_KEY].color = JSON.parse('['.repeat(250) + ']'.repeat(250))),
      /colour/,
    )
    expect(parsed.rejected[0]!.reason).toContain('[[[[')
  })

  it('a reason never throws on a value too deep to write', () => {
    let deep: unknown = []
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(shown(deep)).toBe('[…]')
    expect(shown({ a: deep })).toBe('{…}')
    expect(shown('x'.repeat(100), 10)).toBe('"xxxxxxxxx…')
  })

  it('ids that collide within the file with different content: all copies rejected; identical copies are one', () => {
    const twin = { ...good, body: { ...good.body, note: 'another note' } }
    const parsed = read(file([good, twin, annotationOn(ANDALUS, 'دمشق')]))
    expect(parsed.annotations).toHaveLength(1)
    expect(parsed.rejected.map(({ id, reason }) => ({ id, reason }))).toEqual([
      {
        id: good.id,
        reason: '2 annotations in the file have this id with different content; none of them was imported',
      },
      {
        id: good.id,
        reason: '2 annotations in the file have this id with different content; none of them was imported',
      },
    ])
    const same = read(file([good, good]))
    expect(same.annotations).toEqual([good])
    expect(same.rejected).toEqual([])
    // A copy rejected for another reason takes its twin with it.
    const json = file([good, good])
    json.first.items[1].modified = 'soon'
    const mixed = read(json)
    expect(mixed.annotations).toEqual([])
    expect(mixed.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/modified date "soon" is not a date/),
      expect.stringMatching(/another annotation in the file has this id/),
    ])
  })

  it('dates ahead of the clock (beyond 5 minutes: not a day, which let a file win every merge) or unparsable reject the item', () => {
    rejectsItem(
      (i) => (i.modified = '2030-01-01T00:00:00Z'),
      /modified date "2030-01-01T00:00:00Z" is more than 5 minutes ahead of this computer’s clock/,
    )
    rejectsItem(
      (i) => (i.created = new Date(NOW + 10 * 60_000).toISOString()),
      /created date .* more than 5 minutes ahead/,
    )
    rejectsItem(
      (i) => (i.modified = 'yesterday'),
      /modified date "yesterday" is not a date and time with a time zone/,
    )
    rejectsItem(
      (i) => (i.modified = '2026-02-30T10:00:00Z'),
      /modified date "2026-02-30T10:00:00Z" is not a real date/,
    )
    rejectsItem((i) => (i.modified = '2026-01-01T10:00:00'), /not a date and time with a time zone/)
    rejectsItem((i) => (i.created = 1767225600000), /created date 1767225600000 is not a date/)
    rejectsItem((i) => delete i.created, /it has no created date/)
    // Two minutes ahead (a clock a little fast) is fine, and other zones are read right.
    const json = file()
    json.first.items[0].modified = new Date(NOW + 120_000).toISOString()
    json.first.items[0].created = '2026-11-01T03:00:00.123456+03:00'
    const a = read(json).annotations[0]!
    expect(a.modified).toBe(new Date(NOW + 120_000).toISOString())
    expect(a.created).toBe('2026-11-01T00:00:00.123Z')
  })

  it('HTML and script in notes and tags are kept as text', () => {
    const note = '<script>alert("x")</script><img src=x onerror=alert(1)> [link](javascript:alert(1))'
    const a = annotationOn(ANDALUS, 'دمشق', { note, tags: ['<b>tag</b>'] })
    const parsed = read(file([a]))
    expect(parsed.rejected).toEqual([])
    expect(parsed.annotations[0]!.body).toEqual({ color: 'yellow', note, tags: ['<b>tag</b>'] })
  })

  it('control characters from the file are removed: tab and newline stay in notes, bidi controls stay', () => {
    const esc = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u0000\u007f'
    const a = annotationOn(ANDALUS, 'دمشق', {
      note: `سطر${esc}\tأول\r\nثانٍ\rثالث \u202bمضمَّن\u202c`,
      tags: [`وسم${esc}`, `two\nlines`],
      creator: { id: 'urn:uuid:0d1c3f53-8a0e-4b4f-9a43-6f1c1f0b9a12', name: `سلمى${esc}\u200f` },
    })
    const json = file([a])
    json.label = `العنوان${esc}\nالثاني`
    json.first.items[0].target.selector[0].exact = `${a.target!.quote.exact}\u001b[0m`
    json.first.items[0].target.selector[0].prefix = `\u0007${a.target!.quote.prefix}`
    const parsed = read(json)
    expect(parsed.rejected).toEqual([])
    const got = parsed.annotations[0]!
    expect(got.body.note).toBe('سطر]52;c;ZXZpbA==[2J31m\tأول\nثانٍ\nثالث \u202bمضمَّن\u202c')
    expect(got.body.tags).toEqual(['وسم]52;c;ZXZpbA==[2J31m', 'two lines'])
    expect(got.creator.name).toBe('سلمى]52;c;ZXZpbA==[2J31m\u200f')
    expect(got.target!.quote.exact).toBe(`${a.target!.quote.exact}[0m`)
    expect(got.target!.quote.prefix).toBe(a.target!.quote.prefix)
    expect(parsed.title).toBe('العنوان]52;c;ZXZpbA==[2J31m الثاني')
    // Only escape characters, no other words: the quote that was all controls has nothing to find.
    rejectsItem((i) => (i.target.selector[0].exact = '\u001b\u0007'), /no quoted text/)
  })

  it("control characters in a bundle's source are removed", () => {
    const para = { type: 'paragraph', content: [{ type: 'text', text: 'نص' }] }
    const json = file([good], { type: 'doc', content: [para] })
    json[EXTENSION_KEY].article.source = 'a\u001b[2J\u009d.txt'
    expect(read(json).bundle?.source).toBe('a[2J.txt')
  })

  it('selectors out of range: an unusable position is dropped and the quote finds the passage; no quote rejects', () => {
    const positions = [
      { start: 900, end: 100 },
      { start: -5, end: 3 },
      { start: 1.5, end: 3 },
      { start: '1', end: '3' },
    ]
    for (const bad of positions) {
      const json = file()
      Object.assign(json.first.items[0].target.selector[1], bad)
      const [a] = read(json).annotations
      expect(a!.target!.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 0 })
      expect(anchor(prepareText(ANDALUS), a!.target!)).toMatchObject({
        start: good.target!.position.start,
        method: 'quote',
      })
    }
    // Past the end of the text: kept as a hint; anchoring finds the quote.
    const beyond = file()
    Object.assign(beyond.first.items[0].target.selector[1], { start: 1_000_000, end: 1_000_012 })
    const [far] = read(beyond).annotations
    expect(far!.target!.position).toMatchObject({ start: 1_000_000, end: 1_000_012 })
    expect(anchor(prepareText(ANDALUS), far!.target!)).toMatchObject({ start: good.target!.position.start })
    // No quote: nothing to find the passage by, position or not.
    rejectsItem((i) => i.target.selector.shift(), /no quoted text/)
    rejectsItem((i) => (i.target.selector[0].exact = ''), /no quoted text/)
    rejectsItem(
      (i) => (i.target.selector[0].exact = 'x'.repeat(100_001)),
      /quoted text is longer than 100,000 characters/,
    )
    rejectsItem((i) => (i.target.selector[0].prefix = 5), /prefix or suffix is not text/)
    rejectsItem((i) => (i.target.source = `urn:sha256:${'b'.repeat(64)}`), /another article/)
    rejectsItem((i) => (i.target = [i.target, i.target]), /several targets/)
    // Context longer than ours is cut to 32 code points either side.
    const long = file()
    long.first.items[0].target.selector[0].prefix = 'ق'.repeat(100) + good.target!.quote.prefix
    expect(read(long).annotations[0]!.target!.quote.prefix).toBe(good.target!.quote.prefix)
  })

  it('other item checks: note, tags, colour, author, body', () => {
    rejectsItem((i) => (i.body[0].value = 'n'.repeat(100_001)), /note is longer than 100,000 characters/)
    rejectsItem(
      (i) =>
        i.body.push(
          ...Array.from({ length: 100 }, (_, k) => ({
            type: 'TextualBody',
            purpose: 'tagging',
            value: `t${k}`,
          })),
        ),
      /more than 100 tags/,
    )
    rejectsItem(
      (i) => i.body.push({ type: 'TextualBody', purpose: 'tagging', value: 't'.repeat(65) }),
      /tags is longer than 64/,
    )
    rejectsItem((i) => (i[EXTENSION_KEY].color = 'red'), /colour "red" is not one of yellow/)
    rejectsItem((i) => (i[EXTENSION_KEY].deleted = 'yes'), /deleted flag/)
    rejectsItem((i) => delete i.creator, /no author/)
    rejectsItem((i) => (i.creator.name = 'n'.repeat(201)), /name is longer than 200/)
    rejectsItem((i) => i.body.push('https://example.org/image.png'), /body that is not text/)
    rejectsItem((i) => (i.id = 'tag:hamish.app,2026:bad id!'), /is not a valid annotation id/)
  })

  describe('a bundle whose document fails the schema refuses the whole file', () => {
    const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    it.each([
      [
        'a script node',
        { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] },
        /not a document Hamish can read/,
      ],
      [
        'a javascript: link',
        {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: 'x',
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        },
        /unsafe link/,
      ],
      [
        'an unknown attribute',
        { type: 'doc', content: [{ ...para('x'), attrs: { onclick: 'x' } }] },
        /not a document/,
      ],
      ['no blocks', { type: 'doc', content: [] }, /not a document/],
      ['no text', { type: 'doc', content: [{ type: 'paragraph' }] }, /has no text/],
      ['not an object', 'just text', /not a document/],
    ])('%s', (_name, doc, message) => {
      refused(() => read(file([good], doc)), message)
    })

    it('nesting 100,000 levels deep', () => {
      // Built as text: JSON.stringify itself cannot go that deep.
      const n = 100_000
      const deep =
        '{"type":"blockquote","content":['.repeat(n) + JSON.stringify(para('deep')) + ']}'.repeat(n)
      const text = JSON.stringify(file([good], 'DOC')).replace('"DOC"', `{"type":"doc","content":[${deep}]}`)
      refused(() => parseAnnotationFile(text, { now: NOW }), /file is nested more than 256 levels deep/)
    })

    it('nesting past the document limit but within the file limit: the bundle check names it', () => {
      const n = 120
      const deep =
        '{"type":"blockquote","content":['.repeat(n) + JSON.stringify(para('deep')) + ']}'.repeat(n)
      const text = JSON.stringify(file([good], 'DOC')).replace('"DOC"', `{"type":"doc","content":[${deep}]}`)
      refused(
        () => parseAnnotationFile(text, { now: NOW }),
        /article bundled in the file is nested more than 200 levels/,
      )
    })

    it('bad metadata', () => {
      const json = file([good], { type: 'doc', content: [para('نص')] })
      json[EXTENSION_KEY].article.dir = 'up'
      refused(() => read(json), /direction/)
      json[EXTENSION_KEY].article.dir = 'rtl'
      json[EXTENSION_KEY].article.date = 'last week'
      refused(() => read(json), /YYYY-MM-DD/)
    })

    it('a good bundle passes', () => {
      const parsed = read(file([good], { type: 'doc', content: [para('نص')] }))
      expect(parsed.bundle?.doc).toEqual({ type: 'doc', content: [para('نص')] })
    })
  })
})
