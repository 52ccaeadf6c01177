import { describe, expect, it } from 'vitest'
import { LinkInbox } from '../../../common/link-inbox'
import { linkFromArgv, linkToOpen } from '../../../common/hamish-link'

const A = linkToOpen('hamish://read/one?annotation=a1')
const B = linkToOpen('hamish://read/two')

describe('LinkInbox: links wait until the page listens, then pass straight on', () => {
  it('a start with a link: it waits for the page, which takes it once', () => {
    const inbox = new LinkInbox()
    const started = linkFromArgv(['/opt/Hamish/hamish', '--no-sandbox', 'hamish://read/one?annotation=a1'])
    expect(inbox.receive(started!)).toBeNull()
    expect(inbox.take()).toEqual(A)
    expect(inbox.take()).toBeNull()
  })

  it('several links before the page listens: the newest wins (macOS open-url, then a second start)', () => {
    const inbox = new LinkInbox()
    inbox.receive(A)
    inbox.receive({ ok: false })
    inbox.receive(B)
    expect(inbox.take()).toEqual(B)
  })

  it('once the page listens, each link (and each refusal) goes at once and nothing waits', () => {
    const inbox = new LinkInbox()
    expect(inbox.take()).toBeNull()
    expect(inbox.receive(A)).toEqual(A)
    expect(inbox.receive({ ok: false })).toEqual({ ok: false })
    expect(inbox.take()).toBeNull()
  })

  it('a start without a link leaves nothing waiting', () => {
    const inbox = new LinkInbox()
    const started = linkFromArgv(['/opt/Hamish/hamish', '--library', '/tmp/lib'])
    expect(started).toBeNull()
    expect(inbox.take()).toBeNull()
  })
})
