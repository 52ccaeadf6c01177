import type { HamishApi } from '../../../../common/contract/methods'
import { DEFAULT_SETTINGS, type ReadingSettings } from '../../../../common/article'
import { debounce } from '../../ui/debounce'
import { applySettings } from './apply-settings'

/** How long after the last change settings are written. */
const SAVE_DELAY_MS = 400

/**
 * The reading settings the page shows. Changes apply at once (the text
 * reflows while a slider moves) and are persisted with `updateSettings` after
 * a pause, as one patch holding everything changed since the last save.
 */
export class SettingsStore {
  private settings: ReadingSettings = { ...DEFAULT_SETTINGS }
  private pending: Partial<ReadingSettings> = {}
  private readonly listeners = new Set<(s: ReadingSettings) => void>()
  private readonly save = debounce(() => void this.persist(), SAVE_DELAY_MS)

  constructor(
    private readonly api: Pick<HamishApi, 'getSettings' | 'updateSettings'>,
    private readonly onSaveError: (err: unknown) => void,
  ) {
    applySettings(this.settings)
  }

  /** The current settings. */
  get current(): ReadingSettings {
    return this.settings
  }

  /** Loads the saved settings (defaults stay in force if that fails). */
  async load(): Promise<void> {
    this.set(await this.api.getSettings())
  }

  /** Changes some settings now and saves them shortly. */
  update(patch: Partial<ReadingSettings>): void {
    this.pending = { ...this.pending, ...patch }
    this.set({ ...this.settings, ...patch })
    this.save()
  }

  /** Writes pending changes now (before the page goes away). */
  flush(): void {
    this.save.flush()
  }

  /** Changes settings and writes them at once; resolves false (after reporting) if the write failed. */
  async updateNow(patch: Partial<ReadingSettings>): Promise<boolean> {
    this.save.cancel()
    this.pending = { ...this.pending, ...patch }
    this.set({ ...this.settings, ...patch })
    return this.persist()
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (s: ReadingSettings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private set(next: ReadingSettings): void {
    this.settings = next
    applySettings(next)
    for (const listener of this.listeners) listener(next)
  }

  private async persist(): Promise<boolean> {
    const patch = this.pending
    this.pending = {}
    if (Object.keys(patch).length === 0) return true
    try {
      await this.api.updateSettings(patch)
      return true
    } catch (err) {
      this.onSaveError(err)
      return false
    }
  }
}
