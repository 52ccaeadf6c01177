import { existsSync } from 'node:fs'
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopback, isNoPeer, socketsOf } from '../../support/process-sockets'
import {
  startSyncthing,
  SYNC_CONFLICT_NAME,
  syncthingAvailable,
  type SyncthingCluster,
} from '../../support/syncthing'

/** The folder's files, without Syncthing's own marker and temporaries. */
async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n !== '.stfolder' && !n.startsWith('.syncthing.')).sort()
}

// The harness itself, with plain files: real Syncthing processes on 127.0.0.1, nothing of Hamish.
// Timeouts are bounds on waiting for real processes on a loaded machine, not speed checks.
describe.skipIf(!syncthingAvailable())(
  'Syncthing harness (two devices on loopback)',
  { timeout: 180_000 },
  () => {
    let cluster: SyncthingCluster
    beforeAll(async () => {
      cluster = await startSyncthing(['alice', 'bob'])
    })
    afterAll(async () => {
      await cluster?.stop()
    })

    it('listens and dials on 127.0.0.1 only, with discovery, relays, NAT and reports off', async () => {
      for (const d of cluster.devices) {
        const config = (await (
          await fetch(`${d.api}/rest/config`, { headers: { 'X-API-Key': d.apiKey } })
        ).json()) as {
          options: Record<string, unknown>
          devices: { deviceID: string; addresses: string[] }[]
          folders: { id: string; maxConflicts: number; type: string }[]
          gui: { address: string }
        }
        expect(config.gui.address).toMatch(/^127\.0\.0\.1:\d+$/)
        expect(config.options).toMatchObject({
          listenAddresses: [d.listen],
          globalAnnounceEnabled: false,
          localAnnounceEnabled: false,
          relaysEnabled: false,
          natEnabled: false,
          urAccepted: -1,
          autoUpgradeIntervalH: 0,
          crashReportingEnabled: false,
        })
        // Each pair has one dialer (the later device), at the other's explicit loopback address.
        const me = cluster.devices.indexOf(d)
        for (const peer of config.devices) {
          const i = cluster.devices.findIndex((p) => p.id === peer.deviceID)
          expect(peer.addresses).toEqual([i < me ? cluster.devices[i]!.listen : 'dynamic'])
        }
        expect(config.folders).toEqual([expect.objectContaining({ type: 'sendreceive', maxConflicts: -1 })])
      }
    })

    it('carries a file written in one folder to the other', async () => {
      const alice = cluster.device('alice')
      const bob = cluster.device('bob')
      await writeFile(join(alice.folder, 'alice.jsonl'), '{"from":"alice"}\n')
      await cluster.waitInSync()
      expect(await readFile(join(bob.folder, 'alice.jsonl'), 'utf8')).toBe('{"from":"alice"}\n')
    })

    it('holds sockets on 127.0.0.1 only, by the kernel’s own tables (no discovery or relay socket)', async () => {
      for (const d of cluster.devices) {
        const sockets = await socketsOf(d.pid)
        // At least its REST listener, its sync listener and the connection to the other device.
        expect(sockets.length).toBeGreaterThanOrEqual(3)
        expect(
          sockets.filter((s) => !isLoopback(s.local) || !(isLoopback(s.remote) || isNoPeer(s.remote))),
        ).toEqual([])
        expect(sockets.filter((s) => s.protocol.startsWith('udp'))).toEqual([])
      }
    })

    it('carries a deletion', async () => {
      const alice = cluster.device('alice')
      const bob = cluster.device('bob')
      await writeFile(join(bob.folder, 'short-lived.json'), '{}')
      await cluster.waitInSync()
      expect(existsSync(join(alice.folder, 'short-lived.json'))).toBe(true)
      await rm(join(alice.folder, 'short-lived.json'))
      await cluster.waitInSync()
      expect(existsSync(join(bob.folder, 'short-lived.json'))).toBe(false)
    })

    it('delivers an edit made while the other device was off the network once it is back', async () => {
      const alice = cluster.device('alice')
      const bob = cluster.device('bob')
      await cluster.disconnect('bob')
      await writeFile(join(alice.folder, 'while-away.json'), '{"n":1}')
      await cluster.rescan(['alice'])
      expect(existsSync(join(bob.folder, 'while-away.json'))).toBe(false)
      await cluster.reconnect('bob')
      await cluster.waitInSync()
      expect(await readFile(join(bob.folder, 'while-away.json'), 'utf8')).toBe('{"n":1}')
    })

    it('delivers an edit made while the other device’s folder was paused once it resumes', async () => {
      const alice = cluster.device('alice')
      const bob = cluster.device('bob')
      await cluster.pause('bob')
      await writeFile(join(alice.folder, 'while-paused.json'), '{"n":2}')
      await cluster.rescan(['alice'])
      // alice knows bob lacks it: her view of bob stays short of complete while he is paused.
      const completion = (await (
        await fetch(`${alice.api}/rest/db/completion?folder=hamish-team&device=${bob.id}`, {
          headers: { 'X-API-Key': alice.apiKey },
        })
      ).json()) as { needItems: number }
      expect(completion.needItems).toBe(1)
      expect(existsSync(join(bob.folder, 'while-paused.json'))).toBe(false)
      await cluster.resume('bob')
      await cluster.waitInSync()
      expect(await readFile(join(bob.folder, 'while-paused.json'), 'utf8')).toBe('{"n":2}')
    })

    it('keeps both sides of two writers of one file: the older one as a .sync-conflict- copy', async () => {
      const alice = cluster.device('alice')
      const bob = cluster.device('bob')
      await writeFile(join(alice.folder, 'shared.jsonl'), 'base\n')
      await cluster.waitInSync()

      await cluster.pause('bob')
      const now = Date.now() / 1000
      await writeFile(join(bob.folder, 'shared.jsonl'), 'base\nbob\n')
      await utimes(join(bob.folder, 'shared.jsonl'), now - 60, now - 60)
      await writeFile(join(alice.folder, 'shared.jsonl'), 'base\nalice\n')
      await utimes(join(alice.folder, 'shared.jsonl'), now, now)
      await cluster.rescan()
      await cluster.resume('bob')
      await cluster.waitInSync()

      for (const d of cluster.devices) {
        const names = await listing(d.folder)
        const copies = names.filter((n) => SYNC_CONFLICT_NAME.test(n))
        // One copy, of bob's (older) version, on both devices; its name carries the short id of
        // alice, whose newer version won and displaced it, not of bob who wrote it.
        expect(copies).toHaveLength(1)
        const [, base, , , shortId, ext] = SYNC_CONFLICT_NAME.exec(copies[0]!)!
        expect({ base, shortId, ext }).toEqual({
          base: 'shared',
          shortId: alice.id.slice(0, 7),
          ext: '.jsonl',
        })
        expect(await readFile(join(d.folder, 'shared.jsonl'), 'utf8')).toBe('base\nalice\n')
        expect(await readFile(join(d.folder, copies[0]!), 'utf8')).toBe('base\nbob\n')
      }
      expect(await listing(alice.folder)).toEqual(await listing(bob.folder))
    })
  },
)
