import { describe, expect, it } from 'vitest'
import { isPrivateAddress } from '../../../main/import/private-address'

describe('isPrivateAddress', () => {
  it('counts loopback, private, link-local, unique-local and IPv4 inside IPv6 as private', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fe80::1%eth0',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:192.168.0.1',
      '64:ff9b::a00:1',
      'ff02::1',
      'not-an-address',
    ])
      expect(isPrivateAddress(address), address).toBe(true)
  })
  it('lets public addresses through', () => {
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
      '2a00:1450::1',
    ])
      expect(isPrivateAddress(address), address).toBe(false)
  })
})
