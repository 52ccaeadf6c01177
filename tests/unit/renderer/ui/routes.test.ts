import { describe, expect, it } from 'vitest'
import { parseRoute, routeHash, type Route } from '../../../../renderer/src/ui/routes'

describe('routes in the URL hash', () => {
  const routes: Route[] = [
    { name: 'library' },
    { name: 'search', query: '' },
    { name: 'search', query: 'الشيباني و/؟#&' },
    { name: 'reader', id: 'abc-123' },
    {
      name: 'reader',
      id: 'abc-123',
      target: { kind: 'match', query: 'أسعد #1 & ?', start: 4211, folded: true, wholeWord: false },
    },
    {
      name: 'reader',
      id: 'abc-123',
      target: { kind: 'match', query: 'x', start: 0, folded: false, wholeWord: true },
    },
    { name: 'reader', id: 'abc-123', target: { kind: 'annotation', id: 'urn:uuid:1234-abcd' } },
  ]

  it('reads back every route it writes, whatever the query holds', () => {
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route)
  })

  it('keeps the older forms and falls back to the library on anything else', () => {
    expect(parseRoute('#article=abc')).toEqual({ name: 'reader', id: 'abc' })
    expect(parseRoute('#/read/%E0%A4%A')).toEqual({ name: 'library' })
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'library' })
    expect(parseRoute('')).toEqual({ name: 'library' })
  })

  it('opens the article plainly when its target is malformed', () => {
    expect(parseRoute('#/read/abc?q=x&at=-3')).toEqual({ name: 'reader', id: 'abc' })
    expect(parseRoute('#/read/abc?q=&at=3')).toEqual({ name: 'reader', id: 'abc' })
    expect(parseRoute('#/read/abc?at=1.5&q=x')).toEqual({ name: 'reader', id: 'abc' })
  })
})
