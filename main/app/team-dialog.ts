import { dialog, type BrowserWindow } from 'electron'
import type { Translate } from '../../common/i18n/translator'

/**
 * Settings > Team's Join in the app: main asks for the team folder with the
 * system's folder dialog, so the page never sends a path of its own (a
 * compromised page cannot point the team at a folder the user did not pick).
 * Null when the user cancels.
 */
export async function pickTeamFolder(win: BrowserWindow | null, t: Translate): Promise<string | null> {
  if (!win) return null
  const choice = await dialog.showOpenDialog(win, {
    title: t('teamFolderDialogTitle'),
    buttonLabel: t('teamFolderDialogButton'),
    properties: ['openDirectory', 'createDirectory'],
  })
  return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0]!
}
