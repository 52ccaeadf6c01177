const KEY = 'hamish-reopen-after-reload'

/** Panels that can be asked to open again once the page has reloaded. */
export type ReopenPanel = 'settings'

/**
 * Asks the next page load to reopen a panel: after the interface language
 * changes the page reloads, and the user expects to be back where they were,
 * in the settings they just used. Kept for this tab only (sessionStorage).
 */
export function reopenAfterReload(panel: ReopenPanel): void {
  try {
    sessionStorage.setItem(KEY, panel)
  } catch {
    // Storage can be unavailable; the panel then simply stays closed.
  }
}

/** The panel to reopen now, if the last page asked for one; asks only once. */
export function takeReopenAfterReload(): ReopenPanel | null {
  try {
    const panel = sessionStorage.getItem(KEY)
    sessionStorage.removeItem(KEY)
    return panel === 'settings' ? panel : null
  } catch {
    return null
  }
}
