import { isIPv4, isIPv6 } from 'node:net'

function ipv4Private(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number, number, number]
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  )
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const middle = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16))
}

/**
 * Whether an IP address is on this computer or a private network rather
 * than the public web: loopback, private ranges (RFC 1918, carrier NAT),
 * link-local, unique-local (fc00::/7), unspecified, multicast, and IPv4
 * reached through IPv6 (mapped ::ffff:a.b.c.d, NAT64's 64:ff9b::/96). A
 * page there can be a router's or another program's, so fetching it is
 * the user's decision, never a web page's (a redirect, or a name that
 * resolves there). Anything not an address counts as private: refuse
 * rather than guess.
 */
export function isPrivateAddress(address: string): boolean {
  if (isIPv4(address)) return ipv4Private(address)
  if (!isIPv6(address)) return true
  const g = ipv6Groups(address)
  const zeroes = (n: number): boolean => g.slice(0, n).every((x) => x === 0)
  if (zeroes(8)) return true // ::
  if (zeroes(7) && g[7] === 1) return true // ::1
  const tailV4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`
  if (zeroes(5) && g[5] === 0xffff) return ipv4Private(tailV4) // IPv4-mapped
  if (zeroes(6)) return true // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Private(tailV4)
  if ((g[0]! & 0xfe00) === 0xfc00) return true // unique-local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return true // link-local fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return true // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return true // multicast
  return false
}
