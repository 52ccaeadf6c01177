import { describe, expect, it } from 'vitest'
import type {
  AnchoredAnnotation,
  AnnotationPatch,
  NewAnnotation,
  NewNote,
} from '../../../../../common/annotation'
import { HamishError } from '../../../../../common/errors'
import {
  AnnotationActions,
  type AnnotationApi,
} from '../../../../../renderer/src/features/annotations/annotation-actions'
import { AnnotationStore } from '../../../../../renderer/src/features/annotations/annotation-store'
import { History } from '../../../../../renderer/src/features/annotations/history'
import { annotation } from './sample-annotations'

/**
 * Main as the page sees it, in memory: it keeps each annotation's versions,
 * refuses an edit made on a version it no longer has (as the library does),
 * takes a retried add's request id as the id, and can be told to fail once.
 */
class FakeMain implements AnnotationApi {
  readonly live = new Map<string, AnchoredAnnotation>()
  readonly calls: string[] = []
  failNext: Error | null = null
  private clock = 0

  private fail(call: string): void {
    this.calls.push(call)
    const err = this.failNext
    this.failNext = null
    if (err) throw err
  }
  private stamp(a: AnchoredAnnotation): AnchoredAnnotation {
    const next = { ...a, modified: `2026-02-01T00:00:${String(++this.clock).padStart(2, '0')}.000Z` }
    this.live.set(a.id, next)
    return next
  }
  async addNote(req: NewNote): Promise<AnchoredAnnotation> {
    this.fail(`note ${req.requestId}`)
    const existing = req.requestId ? this.live.get(req.requestId) : undefined
    if (existing) return existing
    const { target: _t, ...a } = annotation(req.requestId ?? `id-${this.clock}`, 0, { note: req.note })
    return this.stamp({ ...a, about: req.about, anchor: null })
  }
  async addAnnotation(req: NewAnnotation): Promise<AnchoredAnnotation> {
    this.fail(`add ${req.requestId}`)
    const existing = req.requestId ? this.live.get(req.requestId) : undefined
    if (existing) return existing
    const a = annotation(req.requestId ?? `id-${this.clock}`, req.start, { color: req.color, note: req.note })
    return this.stamp(a)
  }
  async updateAnnotation(
    _articleId: string,
    id: string,
    patch: AnnotationPatch,
    basedOn: string,
  ): Promise<AnchoredAnnotation> {
    this.fail(`update ${id} ${JSON.stringify(patch)}`)
    const a = this.live.get(id)
    if (!a) throw new HamishError('not-found', 'gone')
    if (a.modified !== basedOn) throw new HamishError('conflict', 'changed since')
    return this.stamp({ ...a, body: { ...a.body, ...patch } })
  }
  async deleteAnnotation(_articleId: string, id: string): Promise<void> {
    this.fail(`delete ${id}`)
    this.live.delete(id)
  }
  deleted = new Map<string, AnchoredAnnotation>()
  async restoreAnnotation(_articleId: string, id: string): Promise<AnchoredAnnotation> {
    this.fail(`restore ${id}`)
    const a = this.deleted.get(id) ?? this.live.get(id)
    if (!a) throw new HamishError('not-found', 'gone')
    return this.stamp(a)
  }
  async resolveAnnotationConflict(): Promise<never> {
    throw new Error('not used here')
  }
  async getArticleAnnotations(): Promise<AnchoredAnnotation[]> {
    this.calls.push('getArticleAnnotations')
    return [...this.live.values()]
  }
}

function setup() {
  const main = new FakeMain()
  const store = new AnnotationStore('article', [])
  const history = new History(() => undefined)
  const actions = new AnnotationActions(main, store, history)
  // Deleted annotations stay restorable, as main's tombstones do.
  const del = main.deleteAnnotation.bind(main)
  main.deleteAnnotation = async (articleId, id) => {
    const a = main.live.get(id)
    await del(articleId, id)
    if (a) main.deleted.set(id, a)
  }
  return { main, store, history, actions }
}

const range = { from: 5, to: 10, start: 4, end: 9, quote: 'quote' }

describe('annotation actions', () => {
  it('a highlight is in the store only once main has saved it; undo deletes it, redo restores it', async () => {
    const { main, store, history, actions } = setup()
    const pending: string[] = []
    store.subscribe((c) => pending.push(c.type))
    const made = await actions.create(range, 'blue')
    expect(made.ok).toBe(true)
    expect(pending).toEqual(['pending', 'settled', 'put'])
    const id = store.all[0]!.id
    expect(main.live.has(id)).toBe(true)
    expect(await history.undo()).not.toBeNull()
    expect(store.all).toEqual([])
    expect(main.live.has(id)).toBe(false)
    await history.redo()
    expect(store.all.map((a) => a.id)).toEqual([id])
  })

  it('a reply is in the store once main saved it; a failed save retries with the same id; undo deletes it', async () => {
    const { main, store, history, actions } = setup()
    main.failNext = new Error('disk full')
    const failed = await actions.createNote({ kind: 'reply', annotationId: 'h-1' }, 'a reply')
    expect(failed).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The note could not be saved: /),
    })
    expect(store.all).toEqual([])
    const made = await actions.createNote({ kind: 'reply', annotationId: 'h-1' }, 'a reply')
    if (!made.ok) throw new Error(made.message)
    expect(main.calls.filter((c) => c.startsWith('note ')).map((c) => c.slice(5))).toEqual([
      made.value.id,
      made.value.id,
    ])
    expect(store.all.map((a) => [a.id, a.about])).toEqual([
      [made.value.id, { kind: 'reply', annotationId: 'h-1' }],
    ])
    expect(await history.undo()).not.toBeNull()
    expect(store.all).toEqual([])
    expect(main.live.has(made.value.id)).toBe(false)
  })

  it('a failed add changes nothing, and trying again sends the same request id', async () => {
    const { main, store, actions } = setup()
    main.failNext = new Error('disk full')
    const failed = await actions.create(range, 'yellow')
    expect(failed.ok).toBe(false)
    expect(store.all).toEqual([])
    await actions.create(range, 'yellow')
    const [first, second] = main.calls.filter((c) => c.startsWith('add'))
    expect(second).toBe(first)
    expect(store.all).toHaveLength(1)
  })

  it('an edit that changes nothing is not sent', async () => {
    const { main, store, actions } = setup()
    await actions.create(range, 'green')
    const id = store.all[0]!.id
    const out = await actions.update(id, { color: 'green', tags: [] })
    expect(out.ok).toBe(true)
    expect(main.calls.some((c) => c.startsWith('update'))).toBe(false)
  })

  it('two quick edits each build on the version the one before saved', async () => {
    const { main, store, actions } = setup()
    await actions.create(range, 'green')
    const id = store.all[0]!.id
    const [a, b] = await Promise.all([
      actions.update(id, { color: 'pink' }),
      actions.update(id, { note: 'n' }),
    ])
    expect([a.ok, b.ok]).toEqual([true, true])
    expect(main.live.get(id)!.body).toMatchObject({ color: 'pink', note: 'n' })
    expect(store.get(id)!.body).toMatchObject({ color: 'pink', note: 'n' })
  })

  it('an edit refused as stale shows main’s current version and says why', async () => {
    const { main, store, actions } = setup()
    await actions.create(range, 'green')
    const id = store.all[0]!.id
    // Another window changes it: this page's copy is now stale.
    main.live.set(id, {
      ...main.live.get(id)!,
      body: { ...main.live.get(id)!.body, note: 'theirs' },
      modified: 'z',
    })
    const out = await actions.update(id, { color: 'purple' })
    expect(out.ok).toBe(false)
    expect(store.get(id)!.body.note).toBe('theirs')
    expect(main.live.get(id)!.body.color).toBe('green')
  })

  it('undo of an edit puts back the previous values', async () => {
    const { store, history, actions } = setup()
    await actions.create(range, 'green')
    const id = store.all[0]!.id
    await actions.update(id, { note: 'first', tags: ['a'] })
    await history.undo()
    expect(store.get(id)!.body).toMatchObject({ note: '', tags: [] })
  })

  it('a failed delete keeps the highlight', async () => {
    const { main, store, actions } = setup()
    await actions.create(range, 'green')
    main.failNext = new Error('read-only')
    const out = await actions.remove(store.all[0]!.id)
    expect(out.ok).toBe(false)
    expect(store.all).toHaveLength(1)
  })
})
