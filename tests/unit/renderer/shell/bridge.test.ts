import { describe, expect, it } from 'vitest'
import type { HamishWireBridge } from '../../../../common/contract/bridge'
import { HamishError, toWireError } from '../../../../common/errors'
import { localText } from '../../../../common/i18n/local-text'
import { electronBridge } from '../../../../renderer/src/shell/bridge'

describe("the renderer's side of Electron's bridge", () => {
  it('gives values back, and rebuilds errors with their code and their text for the interface', async () => {
    const refused = new HamishError('empty-file', localText('messages.emptyFile', { name: 'a.txt' }))
    const calls: unknown[][] = []
    const wire = {
      listArticles: async () => ({ ok: true, value: [] }),
      importFile: async (...args: unknown[]) => {
        calls.push(args)
        // What crosses contextBridge: plain data, as structured clone leaves it.
        return structuredClone({ ok: false, error: toWireError(refused) })
      },
      on: () => () => undefined,
    } as unknown as HamishWireBridge
    const api = electronBridge(wire)
    expect(await api.listArticles()).toEqual([])
    const bytes = new Uint8Array([1])
    const err = await api.importFile({ name: 'a.txt', bytes }).catch((e: unknown) => e)
    expect(calls).toEqual([[{ name: 'a.txt', bytes }]])
    expect(err).toBeInstanceOf(HamishError)
    expect((err as HamishError).code).toBe('empty-file')
    expect((err as HamishError).message).toBe(refused.message)
    expect((err as HamishError).text).toEqual({ key: 'messages.emptyFile', values: { name: 'a.txt' } })
  })
})
