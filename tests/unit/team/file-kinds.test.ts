import { describe, expect, it } from 'vitest'
import { teamFileKind } from '../../../common/team/file-kinds'

// Issue 12: each engine's names for conflict copies, transfers in progress and placeholders, as
// they make them (Syncthing's from a real run in tests/e2e's Syncthing test; the others from their
// documentation: Dropbox "conflicted copy", Nextcloud/ownCloud, Google Drive and OneDrive "(1)",
// iCloud's ".name.icloud" placeholders).

const member = '6f1c2a9e-1b2c-4d3e-8f90-a1b2c3d4e5f6'
const device = '0123456789abcdef'
const base = `${member}.${device}`

describe('teamFileKind', () => {
  it('knows a device file by its member and device', () => {
    expect(teamFileKind(`${base}.jsonld`)).toEqual({ kind: 'own', member, device })
  })

  it.each([
    ['Syncthing', `${base}.sync-conflict-20261207-101112-ABCDEF7.jsonld`],
    ['Dropbox', `${base} (conflicted copy 2026-12-07).jsonld`],
    ['Dropbox, named', `${base} (Layla's conflicted copy 2026-12-07).jsonld`],
    ['Nextcloud', `${base} (conflicted copy 2026-12-07 101112).jsonld`],
    ['Nextcloud desktop', `${base}_conflict-20261207-101112.jsonld`],
    ['Google Drive', `${base}(1).jsonld`],
    ['OneDrive', `${base} (2).jsonld`],
  ])('takes a %s conflict copy as a copy of its file', (_, name) => {
    expect(teamFileKind(name)).toEqual({ kind: 'conflict-copy', member, device })
  })

  it.each([
    ['Syncthing temp', `.syncthing.${base}.jsonld.tmp`],
    ['Syncthing temp (Windows)', `~syncthing~${base}.jsonld.tmp`],
    ['iCloud placeholder', `.${base}.jsonld.icloud`],
    ['partial download', `${base}.jsonld.part`],
    ['Chrome download', `${base}.jsonld.crdownload`],
  ])('takes a %s as not ready', (_, name) => {
    expect(teamFileKind(name)).toEqual({ kind: 'not-ready' })
  })

  it.each([
    ['another extension', `${base}.json`],
    ['capitals', `${member.toUpperCase()}.${device}.jsonld`],
    ['a short device', `${member}.0123.jsonld`],
    ['an Arabic name', 'ملاحظات.jsonld'],
    ['a copy of a name that is not a device file', 'notes (conflicted copy 2026-12-07).jsonld'],
  ])('leaves alone %s', (_, name) => {
    expect(teamFileKind(name)).toEqual({ kind: 'other' })
  })
})
