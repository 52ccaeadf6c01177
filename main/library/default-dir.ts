import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The library folder the app uses when told nothing: Electron's userData
 * folder for the product name "Hamish", plus /library. Computed here without
 * Electron so the CLI works on the same library as the app by default.
 */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Hamish', 'library')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Hamish', 'library')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Hamish', 'library')
}
