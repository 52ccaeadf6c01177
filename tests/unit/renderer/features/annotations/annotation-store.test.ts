import { describe, expect, it } from 'vitest'
import {
  AnnotationStore,
  type StoreChange,
} from '../../../../../renderer/src/features/annotations/annotation-store'
import { annotation } from './sample-annotations'

describe('the page’s store of one article’s annotations', () => {
  it('keeps live annotations in document order, orphans last, tombstones out', () => {
    const gone = { ...annotation('gone', 1), deleted: true }
    const store = new AnnotationStore('article', [
      annotation('orphan', null),
      annotation('late', 40),
      gone,
      annotation('early', 3),
    ])
    expect(store.all.map((a) => a.id)).toEqual(['early', 'late', 'orphan'])
    expect(store.anchored.map((a) => a.id)).toEqual(['early', 'late'])
    expect(store.get('gone')).toBeUndefined()
  })

  it('puts main’s copy in its place, removes, and says what changed', () => {
    const store = new AnnotationStore('article', [annotation('a', 10), annotation('b', 20)])
    const changes: StoreChange[] = []
    store.subscribe((c) => changes.push(c))
    store.put(annotation('c', 15))
    store.put(annotation('a', 30, { color: 'green' }))
    store.remove('b')
    store.remove('never-there')
    expect(store.all.map((a) => [a.id, a.body.color])).toEqual([
      ['c', 'yellow'],
      ['a', 'green'],
    ])
    expect(
      changes.map((c) => `${c.type}:${c.type === 'put' ? c.annotation.id : 'id' in c ? c.id : ''}`),
    ).toEqual(['put:c', 'put:a', 'remove:b'])
  })

  it('tracks pending highlights apart from the saved ones, and settles each once', () => {
    const store = new AnnotationStore('article', [])
    const changes: string[] = []
    store.subscribe((c) => changes.push(c.type))
    store.addPending({ id: 'p1', start: 0, end: 4, color: 'blue' })
    store.settle('p1')
    store.settle('p1')
    expect(changes).toEqual(['pending', 'settled'])
    expect(store.all).toEqual([])
  })
})
