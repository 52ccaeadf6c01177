/**
 * Below this width the notes panel does not fit beside the text: it overlays
 * the text instead (annotations.css, `@media (max-width: 899px)`, must match).
 */
export const NARROW_WINDOW_QUERY = '(max-width: 899px)'

/** Whether the window is narrow now, and a way to hear when that changes. */
export interface WindowWidth {
  readonly narrow: boolean
  /** Calls `changed` whenever the window crosses the width; returns the unsubscribe. */
  watch(changed: (narrow: boolean) => void): () => void
}

/**
 * The notes panel's width watch: on a narrow window the panel covers the
 * ends of the lines, so it stays closed until asked for and closes when the
 * window narrows under it (annotation-controller.ts).
 */
export function windowWidth(): WindowWidth {
  const query = window.matchMedia(NARROW_WINDOW_QUERY)
  return {
    get narrow() {
      return query.matches
    },
    watch(changed) {
      const listener = (event: MediaQueryListEvent): void => changed(event.matches)
      query.addEventListener('change', listener)
      return () => query.removeEventListener('change', listener)
    },
  }
}
