const PANEL_KEY = 'hamish.notesPanelOpen'

/** Whether the notes panel was open last time (open by default on a wide window). */
export function loadPanelOpen(): boolean {
  try {
    const saved = localStorage.getItem(PANEL_KEY)
    if (saved === 'true' || saved === 'false') return saved === 'true'
  } catch {
    // Storage unavailable: fall through to the default.
  }
  return window.innerWidth >= 1000
}

export function savePanelOpen(open: boolean): void {
  try {
    localStorage.setItem(PANEL_KEY, String(open))
  } catch {
    // Not remembering is harmless.
  }
}
