import { describe, expect, it } from 'vitest'
import {
  hamishLink,
  linkFromArgv,
  linkToOpen,
  parseHamishLink,
  MAX_LINK_LENGTH,
} from '../../../common/hamish-link'

const UUID = '0f8e6a4c-2b7d-4c1e-9a3f-5d6b7c8e9f01'

describe('hamish:// links', () => {
  it('makes the two forms and reads them back', () => {
    expect(hamishLink({ articleId: 'abc-123' })).toBe('hamish://read/abc-123')
    expect(hamishLink({ articleId: 'abc-123', annotationId: UUID })).toBe(
      `hamish://read/abc-123?annotation=${UUID}`,
    )
    expect(parseHamishLink('hamish://read/abc-123')).toEqual({ articleId: 'abc-123' })
    expect(parseHamishLink(`hamish://read/abc-123?annotation=${UUID}`)).toEqual({
      articleId: 'abc-123',
      annotationId: UUID,
    })
    // A Hypothesis id keeps its colon through the round trip.
    const link = hamishLink({ articleId: 'a1', annotationId: 'hypothesis:Xy_9.z' })
    expect(parseHamishLink(link)).toEqual({ articleId: 'a1', annotationId: 'hypothesis:Xy_9.z' })
  })

  it('allows what launchers do to a link: the scheme in capitals, a trailing slash, percent-encoding', () => {
    expect(parseHamishLink('HAMISH://read/abc')).toEqual({ articleId: 'abc' })
    expect(parseHamishLink('hamish://read/abc/')).toEqual({ articleId: 'abc' })
    expect(parseHamishLink('hamish://read/abc/?annotation=x1')).toEqual({
      articleId: 'abc',
      annotationId: 'x1',
    })
    expect(parseHamishLink('hamish://read/ab%63?annotation=hypothesis%3Ax1')).toEqual({
      articleId: 'abc',
      annotationId: 'hypothesis:x1',
    })
  })

  it('refuses every other host, path, credential, port, parameter and id', () => {
    const refused = [
      '',
      'hamish:',
      'hamish://',
      'hamish://read',
      'hamish://read/',
      'hamish:read/abc',
      'hamish:/read/abc',
      'hamish://open/abc',
      'hamish://READ/abc',
      'hamish://user@read/abc',
      'hamish://user:pw@read/abc',
      'hamish://read:80/abc',
      'hamish://read./abc',
      'hamish://read/abc/def',
      'hamish://read//abc',
      'hamish://read/abc#x',
      'hamish://read/abc?annotation=',
      'hamish://read/abc?annotation=x&annotation=y',
      'hamish://read/abc?annotation=x&q=1',
      'hamish://read/abc?q=1',
      'hamish://read/abc?',
      'hamish://read/ABC',
      'hamish://read/-abc',
      'hamish://read/a_b',
      'hamish://read/%2E%2E',
      'hamish://read/abc%2Fdef',
      'hamish://read/%E0%A4%A',
      'hamish://read/abc?annotation=a%20b',
      'hamish://read/abc?annotation=%3Cscript%3E',
      `hamish://read/abc?annotation=${'a'.repeat(129)}`,
      `hamish://read/${'a'.repeat(65)}`,
      'http://read/abc',
      'javascript:alert(1)//hamish://read/abc',
      ' hamish://read/abc',
      'hamish://read/abc\n',
      `hamish://read/abc?annotation=${'a'.repeat(MAX_LINK_LENGTH)}`,
    ]
    for (const text of refused) expect(parseHamishLink(text), text).toBeNull()
  })
})

describe('the link a process was started with', () => {
  it('finds the link among Electron’s own switches, the last one counting', () => {
    expect(linkFromArgv(['/opt/Hamish/hamish', '--no-sandbox', 'hamish://read/abc?annotation=x1'])).toEqual({
      ok: true,
      link: { articleId: 'abc', annotationId: 'x1' },
    })
    expect(linkFromArgv(['electron', '.', 'hamish://read/one', '--flag', 'hamish://read/two'])).toEqual({
      ok: true,
      link: { articleId: 'two' },
    })
  })

  it('answers null for an ordinary start, and refuses a bad link rather than ignoring it', () => {
    expect(linkFromArgv(['/opt/Hamish/hamish'])).toBeNull()
    expect(linkFromArgv(['/opt/Hamish/hamish', '--library', '/tmp/lib'])).toBeNull()
    expect(linkFromArgv(['/opt/Hamish/hamish', 'hamish://evil.example/abc'])).toEqual({ ok: false })
    expect(linkFromArgv(['/opt/Hamish/hamish', 'HAMISH://read/abc?annotation=<x>'])).toEqual({ ok: false })
  })

  it('never takes a word after -- as a link', () => {
    expect(linkFromArgv(['hamish', '--', 'hamish://read/abc'])).toBeNull()
  })

  it('opens or refuses a link handed over whole', () => {
    expect(linkToOpen('hamish://read/abc')).toEqual({ ok: true, link: { articleId: 'abc' } })
    expect(linkToOpen('hamish://read/abc?annotation=x&y=1')).toEqual({ ok: false })
  })
})
