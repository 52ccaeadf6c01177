import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepBackupCopy, listBackups } from '../../../main/store/backups'
import { JsonFile } from '../../../main/store/json-file'
import { openJsonStore } from '../../../main/store/json-store'
import { namesIn, useTempDir } from '../../support/store-helpers'

const tmp = useTempDir()

describe('backups of one file never touch another file’s', () => {
  it('refuses a second file with the same base name in the same backups folder', async () => {
    const backupsDir = join(tmp.path, 'backups')
    const article = join(tmp.path, 'articles', 'abc.json')
    const index = join(tmp.path, 'search-index', 'abc.json')
    new JsonFile(article, { backupsDir })
    // The same file again, or the same name with its own folder, is fine.
    new JsonFile(article, { backupsDir })
    new JsonFile(index, { backupsDir: join(backupsDir, 'search-index') })
    expect(() => new JsonFile(index, { backupsDir })).toThrow(/cannot share the backups folder/)
    await expect(openJsonStore(index, { backupsDir, defaults: () => ({}) })).rejects.toThrow(
      /cannot share the backups folder/,
    )
  })

  it('prunes only names that are exactly <basename>.<digits>.bak', async () => {
    const backupsDir = join(tmp.path, 'backups')
    await mkdir(backupsDir)
    const others = [
      'xdoc.json.1.bak', // a longer name ending in ours
      'doc.jsonl.1.bak', // ours as a prefix
      'doc.json.1.2.bak', // the backup of doc.json.1
      'doc.json.1.bak.3.bak', // the backup of a file named like one of ours
      'doc.json.x.bak',
      'doc.json.1.bak.tmp-1-1',
    ]
    for (const name of others) await writeFile(join(backupsDir, name), '{}')
    const file = join(tmp.path, 'doc.json')
    for (let i = 0; i < 4; i++) {
      await keepBackupCopy(file, `{"v":${i}}`, backupsDir, { keep: 1 })
    }
    expect(await listBackups(file, backupsDir)).toHaveLength(1)
    expect((await namesIn(backupsDir)).filter((n) => others.includes(n))).toEqual([...others].sort())
  })
})
