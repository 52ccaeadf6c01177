import { describe, expect, it } from 'vitest'
import {
  decoratedSlice,
  DECORATE_ALL_UP_TO,
  SLICE_SIDE,
  sliceServes,
} from '../../../../../renderer/src/features/find/find-window'
import { firstAtOrAfter } from '../../../../../common/find/match-page'

describe('which find matches are decorated', () => {
  it('decorates every match when there are few', () => {
    expect(decoratedSlice(0, 0)).toEqual([0, 0])
    expect(decoratedSlice(DECORATE_ALL_UP_TO, 250)).toEqual([0, DECORATE_ALL_UP_TO])
  })

  it('decorates a fixed-size slice around the centre, kept inside the matches', () => {
    const count = 65_000
    expect(decoratedSlice(count, 30_000)).toEqual([30_000 - SLICE_SIDE, 30_000 + SLICE_SIDE])
    expect(decoratedSlice(count, 5)).toEqual([0, 2 * SLICE_SIDE])
    expect(decoratedSlice(count, count - 1)).toEqual([count - 2 * SLICE_SIDE, count])
  })

  it('keeps a slice while the screen stays inside its margins, and not once it leaves them', () => {
    const count = 10_000
    const slice = decoratedSlice(count, 5_000)
    expect(sliceServes(slice, count, 5_000)).toBe(true)
    expect(sliceServes(slice, count, slice[0] + SLICE_SIDE / 2)).toBe(true)
    expect(sliceServes(slice, count, slice[0] + SLICE_SIDE / 2 - 1)).toBe(false)
    expect(sliceServes(slice, count, slice[1] - SLICE_SIDE / 2 + 1)).toBe(false)
    // At either end of the text there is nothing further to draw.
    expect(sliceServes(decoratedSlice(count, 0), count, 0)).toBe(true)
    expect(sliceServes(decoratedSlice(count, count), count, count)).toBe(true)
  })

  it('finds the first match at or after an offset', () => {
    const ranges = [3, 7, 7, 20].map((start) => ({ start }))
    expect([0, 3, 4, 7, 8, 20, 21].map((o) => firstAtOrAfter(ranges, o))).toEqual([0, 0, 1, 1, 3, 3, 4])
  })
})
