import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runHamish as run } from '../../support/cli-run'
import { useTempDir } from '../../support/store-helpers'

// Issue 15: a Hypothesis export with a page note and a thread of replies, imported by the CLI
// into a real library folder, listed with each note's kind (never "orphaned").

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))
const tmp = useTempDir('hamish-notes-cli-')

describe('hamish annotations import of Hypothesis page notes and replies', () => {
  it('imports them, says which reply was kept as an article note, and lists their kinds', async () => {
    const lib = join(tmp.path, 'library')
    const imported = await run('import', fixture('arcd-02-al-andalus.txt'), '--library', lib, '--json')
    const id = (JSON.parse(imported.out) as { article: { id: string } }[])[0]!.article.id
    const merged = await run(
      'annotations',
      'import',
      fixture('hypothesis/al-andalus-thread.hypothesis.json'),
      '--article',
      id,
      '--library',
      lib,
    )
    expect(merged.code).toBe(0)
    expect(merged.out).toMatch(/added 6, .* rejected 0/)
    expect(merged.out).toContain(
      'kept with a change hypothesis:LoStRePlYAAAAAAAAAAAAA: it replies to an annotation that is not in the file (NoTiNfIlEAAAAAAAAAAAAA), so it was kept as a note on the article',
    )
    const listed = (await run('annotations', 'list', id, '--library', lib)).out
      .trim()
      .split('\n')
      .map((l) => l.split('\t'))
    const header = listed[0]!
    const status = header.indexOf('anchored')
    const quote = header.indexOf('quote')
    const byId = new Map(listed.slice(1).map((r) => [r[0], r]))
    expect(byId.get('hypothesis:Th1gHlIgHtAAAAAAAAAAAA')![status]).not.toBe('orphaned')
    expect(byId.get('hypothesis:PaGeNoTe1AAAAAAAAAAAAA')![status]).toBe('article-note')
    expect(byId.get('hypothesis:RePlY2AAAAAAAAAAAAAAAA')![status]).toBe('reply')
    expect(byId.get('hypothesis:RePlY2AAAAAAAAAAAAAAAA')![quote]).toBe(
      'reply-to:hypothesis:RePlY1AAAAAAAAAAAAAAAA',
    )
    expect(byId.get('hypothesis:LoStRePlYAAAAAAAAAAAAA')![status]).toBe('article-note')
    // Notes and replies have no colour to show; the highlight has its own.
    const color = header.indexOf('color')
    expect(byId.get('hypothesis:PaGeNoTe1AAAAAAAAAAAAA')![color]).toBe('-')
    expect(byId.get('hypothesis:RePlY2AAAAAAAAAAAAAAAA')![color]).toBe('-')
    expect(byId.get('hypothesis:Th1gHlIgHtAAAAAAAAAAAA')![color]).toMatch(/^(yellow|green|blue|pink|purple)$/)
  })
})
