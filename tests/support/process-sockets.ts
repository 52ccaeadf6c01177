import { readdir, readFile, readlink } from 'node:fs/promises'

/** One internet socket a process holds, from Linux's /proc/net tables. */
export interface ProcessSocket {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6'
  local: string
  remote: string
}

/** `0100007F:1F90` (IPv4, little-endian) or 32 hex digits (IPv6) → `127.0.0.1:8080` / `[::1]:8080`. */
function decodeAddress(hex: string): string {
  const [ip = '', port = '0'] = hex.split(':')
  const p = parseInt(port, 16)
  if (ip.length === 8) {
    const bytes = ip.match(/../g)!.map((b) => parseInt(b, 16))
    return `${bytes.reverse().join('.')}:${p}`
  }
  // IPv6: four little-endian 32-bit words.
  const words = ip.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''))
  const groups = words
    .join('')
    .match(/.{4}/g)!
    .map((g) => parseInt(g, 16).toString(16))
  const mapped = groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff'
  if (mapped) {
    const v4 = words[3]!.match(/../g)!.map((b) => parseInt(b, 16))
    return `[::ffff:${v4.join('.')}]:${p}`
  }
  return `[${groups.join(':')}]:${p}`
}

/**
 * Every TCP and UDP socket a running process holds (Linux only), with both
 * ends: lets a test prove that a program it started talks to nobody but
 * 127.0.0.1, from the kernel's own tables rather than the program's config.
 */
export async function socketsOf(pid: number): Promise<ProcessSocket[]> {
  const inodes = new Set<string>()
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
    if (inode) inodes.add(inode)
  }
  const sockets: ProcessSocket[] = []
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const table = await readFile(`/proc/${pid}/net/${protocol}`, 'utf8').catch(() => '')
    for (const line of table.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      const [, local = '', remote = '', , , , , , , inode = ''] = cols
      if (!inodes.has(inode)) continue
      sockets.push({ protocol, local: decodeAddress(local), remote: decodeAddress(remote) })
    }
  }
  return sockets
}

/** Whether an address from `socketsOf` is on loopback (a listener on 0.0.0.0 or [::] is not). */
export function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|\[0:0:0:0:0:0:0:1\]|\[::ffff:127\.\d+\.\d+\.\d+\]):\d+$/.test(address)
}

/** Whether it is the "no peer" remote end of a listening or unconnected socket. */
export function isNoPeer(address: string): boolean {
  return /^(0\.0\.0\.0|\[0:0:0:0:0:0:0:0\]):0$/.test(address)
}
