/** A debounced function that can also be flushed (run now if pending) or cancelled. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void
  flush(): void
  cancel(): void
}

/**
 * Runs `fn` once `wait` ms after the last call, with the last arguments.
 * Saving settings and reading positions goes through this so a drag of a
 * slider or a fling of the scroll wheel costs one write, not hundreds; `flush`
 * lets a view save what is pending before it closes.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: A | null = null
  const run = (): void => {
    timer = null
    const args = pending
    pending = null
    if (args) fn(...args)
  }
  const debounced = ((...args: A) => {
    pending = args
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(run, wait)
  }) as Debounced<A>
  debounced.flush = () => {
    if (timer !== null) clearTimeout(timer)
    run()
  }
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    pending = null
  }
  return debounced
}
