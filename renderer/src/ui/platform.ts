/**
 * The one platform check of the renderer: whether Ctrl/Cmd shortcuts use
 * Cmd (macOS, iOS) rather than Ctrl. The command registry binds `Mod-` keys
 * with it and the help writes them with it, so what is shown is what works.
 * It reads `navigator.platform`, as prosemirror-keymap does.
 */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform)
