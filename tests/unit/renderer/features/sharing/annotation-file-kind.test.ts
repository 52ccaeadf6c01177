import { describe, expect, it } from 'vitest'
import { isAnnotationFile } from '../../../../../renderer/src/features/sharing/annotation-import'

describe('a dropped or picked file is told apart by its name', () => {
  it('takes both a plain and a bundle annotation file as annotations, and articles as articles', () => {
    // The names main gives them (main/library/annotation-files.ts), as saved or downloaded.
    for (const name of ['الأندلس.hamish.json', 'الأندلس.bundle.hamish.json', 'Notes.BUNDLE.HAMISH.JSON'])
      expect(isAnnotationFile(name), name).toBe(true)
    for (const name of ['الأندلس.txt', 'bundle.hamish.md', 'page.html'])
      expect(isAnnotationFile(name), name).toBe(false)
  })
})
