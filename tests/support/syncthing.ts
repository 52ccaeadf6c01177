import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's Syncthing, or the one HAMISH_SYNCTHING names. */
export const SYNCTHING = process.env.HAMISH_SYNCTHING ?? '/usr/bin/syncthing'

/** The one folder every device shares: the team folder. */
export const TEAM_FOLDER_ID = 'hamish-team'

/**
 * The name Syncthing (v1.19) gives the losing side of a conflict:
 * `<base>.sync-conflict-<YYYYMMDD>-<HHMMSS>-<short id><.ext>`, e.g.
 * `alice.jsonl` → `alice.sync-conflict-20261207-095312-FWZV3WC.jsonl`. The
 * short id (first 7 characters of a device id) is the device that last
 * modified the WINNING version, not the author of the copy's content
 * (syncthing-harness.test.ts shows it); the date is when the copy was made.
 */
export const SYNC_CONFLICT_NAME = /^(.*)\.sync-conflict-(\d{8})-(\d{6})-([A-Z2-7]{7})(\.[^.]*)?$/

/** One running Syncthing: its own home, ports, API key and share of the team folder. */
export interface SyncthingDevice {
  name: string
  /** The device id (`XXXXXXX-…`), as the others know it. */
  id: string
  home: string
  /** This device's copy of the team folder. */
  folder: string
  /** `http://127.0.0.1:<port>`: the REST API. */
  api: string
  apiKey: string
  /** `tcp://127.0.0.1:<port>`: where the others dial it. */
  listen: string
  pid: number
}

/** N Syncthing processes on loopback sharing one folder, and the waits a test needs. */
export interface SyncthingCluster {
  devices: SyncthingDevice[]
  device(name: string): SyncthingDevice
  /** Scans the folder of every device present (or of those named) now; each call returns when its scan is done. */
  rescan(names?: string[]): Promise<void>
  /**
   * Resolves when the devices present (not paused or disconnected) agree: each one's folder is idle
   * with nothing to pull, and each has seen the others' latest index
   * sequence and holds all of it. Rescans first, so a write just made counts.
   */
  waitInSync(options?: { timeoutMs?: number }): Promise<void>
  /**
   * Takes a device's team folder offline (paused on that device: it neither
   * scans nor sends nor takes anything; its files can still be written) and
   * waits until it is. The connection stays up, so `resume` is quick; the
   * files behave as on a device that is off the network.
   */
  pause(name: string): Promise<void>
  /** Puts its folder back online (`waitInSync` then waits for the exchange). */
  resume(name: string): Promise<void>
  /**
   * Cuts the device off the network for real (it pauses every device;
   * every device pauses it) and waits until every connection to it is closed.
   */
  disconnect(name: string): Promise<void>
  /** Undoes `disconnect` and waits until every pair is connected again (seconds: v1.19 redials slowly). */
  reconnect(name: string): Promise<void>
  /** Kills every process by PID, waits for each to exit, removes the homes (and folders). */
  stop(): Promise<void>
  /** The last lines each process printed, for a failure's message. */
  logs(): string
}

/**
 * Whether Syncthing is installed: where it is not, the team-engine tests
 * skip with a reason, except under CI=true, where `.ci/run` installs it and
 * its absence is a failure.
 */
export function syncthingAvailable(): boolean {
  if (existsSync(SYNCTHING)) return true
  if (process.env.CI === 'true')
    throw new Error(`CI=true but no Syncthing at ${SYNCTHING}: install it (apt-get install syncthing)`)
  console.warn(`team engines: skipped, no Syncthing at ${SYNCTHING} (apt-get install syncthing)`)
  return false
}

/** Every PID this module started and has not yet seen exit: killed if the test process exits early. */
const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before Syncthing takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Where nothing listens: every URL Syncthing could phone is pointed here, so even a slip stays on loopback. */
const DEAD_END = 'http://127.0.0.1:9/'

/**
 * The whole config.xml, written before the first start so no moment runs
 * with Syncthing's defaults: GUI/REST and sync on 127.0.0.1 only; global and
 * local discovery, relays, NAT/STUN, usage and crash reports, upgrades off;
 * peers at explicit loopback addresses; the team folder send-receive, watched,
 * rescanned every few seconds, keeping every conflict copy (maxConflicts -1).
 *
 * Of each pair only the later device dials (the earlier one knows the later
 * as `dynamic`, which with discovery off resolves to nothing): when both dial
 * at once, v1.19 keeps its own connection and closes the other's on each
 * side, both end up closed, and the pair waits out the reconnection interval
 * (5 to 20 s here after a resume).
 */
function configXml(self: SyncthingDevice, all: SyncthingDevice[], folderId: string): string {
  const me = all.indexOf(self)
  const peers = all
    .map(
      (d, i) => `    <device id="${d.id}" name="${xml(d.name)}" compression="metadata" introducer="false">
        <address>${i < me ? d.listen : 'dynamic'}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>`,
    )
    .join('\n')
  const members = all.map((d) => `        <device id="${d.id}"></device>`).join('\n')
  return `<configuration version="36">
    <folder id="${folderId}" label="${folderId}" path="${xml(self.folder)}" type="sendreceive" rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
${members}
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>-1</maxConflicts>
        <paused>false</paused>
        <markerName>.stfolder</markerName>
    </folder>
${peers}
    <gui enabled="true" tls="false" debugging="false">
        <address>${self.api.replace('http://', '')}</address>
        <apikey>${self.apiKey}</apikey>
        <theme>default</theme>
        <insecureAdminAccess>false</insecureAdminAccess>
    </gui>
    <options>
        <listenAddress>${self.listen}</listenAddress>
        <globalAnnounceServer>${DEAD_END}</globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <reconnectionIntervalS>5</reconnectionIntervalS>
        <relaysEnabled>false</relaysEnabled>
        <startBrowser>false</startBrowser>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <urURL>${DEAD_END}</urURL>
        <urInitialDelayS>3600</urInitialDelayS>
        <restartOnWakeup>false</restartOnWakeup>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <upgradeToPreReleases>false</upgradeToPreReleases>
        <releasesURL>${DEAD_END}</releasesURL>
        <crashReportingURL>${DEAD_END}</crashReportingURL>
        <crashReportingEnabled>false</crashReportingEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <stunServer>127.0.0.1:9</stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <setLowPriority>false</setLowPriority>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <progressUpdateIntervalS>-1</progressUpdateIntervalS>
    </options>
</configuration>
`
}

/** A REST call with the device's API key; throws with Syncthing's answer on anything but 2xx. */
async function rest(
  device: SyncthingDevice,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${device.api}${path}`, {
    method,
    headers: { 'X-API-Key': device.apiKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${device.name} ${method} ${path}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** Polls `check` (false, or a thrown error, means "not yet") until true or the deadline; then throws with `what`. */
async function until(what: () => string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: unknown = null
  for (;;) {
    try {
      if (await check()) return
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what()}${last ? `: ${String(last)}` : ''}`,
      )
    await new Promise((r) => setTimeout(r, 250))
  }
}

interface FolderStatus {
  state: string
  sequence: number
  needTotalItems: number
  needBytes: number
  globalFiles: number
  globalDeleted: number
  errors: number
  pullErrors: number
}
interface Completion {
  completion: number
  needBytes: number
  needItems: number
  needDeletes: number
  sequence: number
}
interface Connections {
  connections: Record<string, { connected: boolean; paused: boolean }>
}

/**
 * Starts one Syncthing per name, each with a home of its own (`syncthing
 * generate`) and a copy of one shared folder, all on 127.0.0.1 ports picked
 * now, and waits until every pair is connected. Where the team's tests need
 * real sync, this is it: no discovery, relay or outside address is ever used.
 */
export async function startSyncthing(
  names: string[],
  options: { folderId?: string; root?: string } = {},
): Promise<SyncthingCluster> {
  const folderId = options.folderId ?? TEAM_FOLDER_ID
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'hamish-syncthing-')))
  const children = new Map<string, ChildProcess>()
  const output = new Map<string, string[]>()
  const devices: SyncthingDevice[] = []
  /** Devices paused or disconnected: `rescan` and `waitInSync` leave them out until they are back. */
  const away = new Set<SyncthingDevice>()
  const present = (): SyncthingDevice[] => devices.filter((d) => !away.has(d))
  const env = {
    ...process.env,
    STNODEFAULTFOLDER: '1',
    STNOUPGRADE: '1',
    STNORESTART: '1',
    // The process itself, not the monitor that would start it as a child: its PID is the one to kill.
    STMONITORED: '1',
    STGUIADDRESS: '',
    all_proxy: '',
    http_proxy: '',
    https_proxy: '',
  }

  const cluster: SyncthingCluster = {
    devices,
    device(name) {
      const found = devices.find((d) => d.name === name)
      if (!found) throw new Error(`no Syncthing device named ${name}`)
      return found
    },
    async rescan(which = present().map((d) => d.name)) {
      for (const name of which) {
        const d = cluster.device(name)
        // A folder just resumed refuses a scan until it has started again.
        await until(
          () => `${name} to scan\n${cluster.logs()}`,
          async () => (await rest(d, 'POST', `/rest/db/scan?folder=${folderId}`), true),
          60_000,
        )
      }
    },
    async waitInSync({ timeoutMs = 90_000 } = {}) {
      await cluster.rescan()
      let report = ''
      let agreedOnce = false
      await until(
        () => `Syncthing to be in sync (${report})\n${cluster.logs()}`,
        async () => {
          const statuses = new Map<string, FolderStatus>()
          for (const d of present())
            statuses.set(d.id, (await rest(d, 'GET', `/rest/db/status?folder=${folderId}`)) as FolderStatus)
          const problems: string[] = []
          for (const d of present()) {
            const s = statuses.get(d.id)!
            if (s.state !== 'idle' || s.needTotalItems !== 0 || s.needBytes !== 0)
              problems.push(`${d.name} ${s.state}, needs ${s.needTotalItems}`)
            const conns = (await rest(d, 'GET', '/rest/system/connections')) as Connections
            for (const peer of present()) {
              if (peer === d) continue
              if (!conns.connections[peer.id]?.connected) {
                problems.push(`${d.name} not connected to ${peer.name}`)
                continue
              }
              const c = (await rest(
                d,
                'GET',
                `/rest/db/completion?folder=${folderId}&device=${peer.id}`,
              )) as Completion
              const peerSequence = statuses.get(peer.id)!.sequence
              if (c.completion < 100 || c.needItems !== 0 || c.needDeletes !== 0 || c.needBytes !== 0)
                problems.push(`${d.name} sees ${peer.name} at ${c.completion}%`)
              if (c.sequence !== peerSequence)
                problems.push(`${d.name} has ${peer.name}'s index to ${c.sequence} of ${peerSequence}`)
            }
          }
          const globals = new Set([...statuses.values()].map((s) => `${s.globalFiles}/${s.globalDeleted}`))
          if (globals.size > 1) problems.push(`global views differ ${[...globals].join(' ')}`)
          report = problems.join('; ')
          // Two agreeing polls in a row: one could fall between a scan and its index message.
          if (problems.length > 0) agreedOnce = false
          else if (!agreedOnce) agreedOnce = true
          else return true
          return false
        },
        timeoutMs,
      )
    },
    async pause(name) {
      const target = cluster.device(name)
      await rest(target, 'PATCH', `/rest/config/folders/${folderId}`, { paused: true })
      await until(
        () => `${name}'s team folder to pause`,
        async () =>
          // v1.19 reports a stopped folder's state as '' (later versions say 'paused').
          ['', 'paused'].includes(
            ((await rest(target, 'GET', `/rest/db/status?folder=${folderId}`)) as FolderStatus).state,
          ),
        60_000,
      )
      away.add(target)
    },
    async resume(name) {
      const target = cluster.device(name)
      await rest(target, 'PATCH', `/rest/config/folders/${folderId}`, { paused: false })
      away.delete(target)
    },
    async disconnect(name) {
      const target = cluster.device(name)
      await rest(target, 'POST', '/rest/system/pause')
      for (const d of devices)
        if (d !== target) await rest(d, 'POST', `/rest/system/pause?device=${target.id}`)
      await waitConnections(target, false)
      away.add(target)
    },
    async reconnect(name) {
      const target = cluster.device(name)
      const me = devices.indexOf(target)
      // Each pair's listener before its dialer (the later device), so the dial that resuming
      // triggers finds the other side willing.
      for (const d of devices.slice(0, me)) await rest(d, 'POST', `/rest/system/resume?device=${target.id}`)
      await rest(target, 'POST', '/rest/system/resume')
      for (const d of devices.slice(me + 1)) await rest(d, 'POST', `/rest/system/resume?device=${target.id}`)
      await waitConnections(target, true)
      away.delete(target)
    },
    async stop() {
      await Promise.all(
        [...children.values()].map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return
          const exited = new Promise<void>((r) => child.once('exit', () => r()))
          child.kill('SIGTERM')
          const late = setTimeout(() => child.kill('SIGKILL'), 10_000)
          await exited
          clearTimeout(late)
        }),
      )
      await rm(root, { recursive: true, force: true, maxRetries: 5 })
    },
    logs() {
      return [...output].map(([name, lines]) => `--- ${name}\n${lines.slice(-30).join('\n')}`).join('\n')
    },
  }

  /**
   * Waits until the target's connection to every other device is up (or
   * down), on both ends. While a pair stays apart, its dialer is nudged every
   * few seconds (pausing and resuming the peer on the dialer's side makes it
   * dial now): v1.19 may still dial while paused, be refused, and otherwise
   * wait out its reconnection interval.
   */
  async function waitConnections(target: SyncthingDevice, connected: boolean): Promise<void> {
    const isUp = async (a: SyncthingDevice, b: SyncthingDevice): Promise<boolean> =>
      Boolean(
        ((await rest(a, 'GET', '/rest/system/connections')) as Connections).connections[b.id]?.connected,
      )
    let nudgeAt = Date.now() + 2_000
    await until(
      () => `${target.name} to be ${connected ? 'connected' : 'disconnected'}\n${cluster.logs()}`,
      async () => {
        const apart: SyncthingDevice[] = []
        for (const d of devices) {
          if (d === target) continue
          if ((await isUp(target, d)) !== connected || (await isUp(d, target)) !== connected) apart.push(d)
        }
        if (apart.length === 0) return true
        if (connected && Date.now() > nudgeAt) {
          nudgeAt = Date.now() + 2_000
          for (const d of apart) {
            const [listener, dialer] =
              devices.indexOf(d) < devices.indexOf(target) ? [d, target] : [target, d]
            await rest(dialer, 'POST', `/rest/system/pause?device=${listener.id}`)
            await rest(dialer, 'POST', `/rest/system/resume?device=${listener.id}`)
          }
        }
        return false
      },
      60_000,
    )
  }

  try {
    for (const name of names) {
      const home = join(root, name, 'home')
      const folder = join(root, name, 'team')
      const generated = spawnSync(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder'], {
        env,
        encoding: 'utf8',
      })
      const id = /Device ID: ([A-Z0-9-]{63})/.exec(`${generated.stdout}${generated.stderr}`)?.[1]
      if (generated.status !== 0 || !id)
        throw new Error(`syncthing generate failed: ${generated.stderr}${generated.stdout}`)
      await mkdir(join(folder, '.stfolder'), { recursive: true })
      devices.push({
        name,
        id,
        home,
        folder,
        api: `http://127.0.0.1:${await freePort()}`,
        apiKey: randomBytes(18).toString('hex'),
        listen: `tcp://127.0.0.1:${await freePort()}`,
        pid: 0,
      })
    }
    for (const d of devices) {
      await writeFile(join(d.home, 'config.xml'), configXml(d, devices, folderId))
      const lines: string[] = []
      output.set(d.name, lines)
      const child = spawn(
        SYNCTHING,
        ['serve', `--home=${d.home}`, '--no-browser', '--no-restart', '--no-upgrade', '--logflags=0'],
        { env: { ...env, HOME: d.home }, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      live.add(child)
      child.once('exit', () => live.delete(child))
      const keep = (chunk: Buffer): void => {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
        if (lines.length > 200) lines.splice(0, lines.length - 200)
      }
      child.stdout!.on('data', keep)
      child.stderr!.on('data', keep)
      children.set(d.name, child)
      d.pid = child.pid!
    }
    for (const d of devices)
      await until(
        () => `${d.name}'s REST API\n${cluster.logs()}`,
        async () => {
          const child = children.get(d.name)!
          if (child.exitCode !== null) throw new Error(`${d.name} exited with ${child.exitCode}`)
          return (await rest(d, 'GET', '/rest/system/ping')) !== null
        },
        60_000,
      )
    for (const d of devices) await waitConnections(d, true)
    return cluster
  } catch (error) {
    await cluster.stop()
    throw error
  }
}
