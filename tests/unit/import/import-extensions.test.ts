import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ANNOTATION_FILE_EXTENSION } from '../../../common/sharing/annotation-file-name'
import { IMPORT_EXTENSIONS } from '../../../main/import/import-file'

describe('the extensions Hamish imports', () => {
  it('are the ones the page’s file picker offers, with annotation files (.json), which it takes as a drop does', () => {
    // The renderer cannot import main's list (nor can this project's tests compile the renderer
    // alongside main), so the picker's constant is read from its source.
    const source = readFileSync('renderer/src/features/import/file-picker.ts', 'utf8')
    const accept = /export const IMPORT_ACCEPT = '([^']*)'/.exec(source)?.[1]
    expect(accept).toBeDefined()
    const offered = accept!.split(',').map((e) => e.replace(/^\./, ''))
    expect([...offered].sort()).toEqual([...IMPORT_EXTENSIONS, ANNOTATION_FILE_EXTENSION].sort())
    expect(offered).toContain('pdf')
  })
})
