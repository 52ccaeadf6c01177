import { keydownHandler } from 'prosemirror-keymap'
import type { EditorView } from 'prosemirror-view'
import type { Messages } from '../../../common/i18n/en'
import { keysLabel } from './key-labels'
import { IS_MAC } from './platform'
import { strings } from './strings'

/** How a command was asked for: a key press (its event) or the native menu. */
export type Invocation = { via: 'key'; event: KeyboardEvent } | { via: 'menu' }

/**
 * Who handles a command's keys. `app`: the registry, on the whole page;
 * `text`: a plugin in the article's text (the annotations feature's keys,
 * which act only on a selection or a highlight; the reader's keyboard
 * selection); `native`: the browser itself (Tab, Ctrl+C). All three are
 * listed in the help the same way.
 */
export type KeyOwner = 'app' | 'text' | 'native'

/** One command of the app: its id, keys and help line, and what it does. */
export interface Command {
  id: string
  /** prosemirror-keymap key names, shown in the help; `Mod-` is Cmd on a Mac, Ctrl elsewhere. */
  keys: readonly string[]
  /** More keys bound to it but not shown (the same key typed with Shift, or an Arabic layout's "؟"). */
  variants?: readonly string[]
  /** Written in the help instead of the keys (a group of keys with a name of its own). */
  keysText?: 'helpKeysShiftArrows'
  /** Its line in the help (a `helpShortcuts` message); a command without one (menu only) is not listed. */
  help?: keyof Messages['helpShortcuts']
  /** Where its keys work, when not everywhere. */
  where?: 'article' | 'highlight'
  owner: KeyOwner
  /**
   * Runs it (app commands). Returns whether it was used: a key it did not
   * use goes on to the page (typing in a field, a dialog's own Escape).
   */
  run?(invocation: Invocation): boolean
}

/** A line of the help: the keys as written on this platform, where, and what they do. */
export interface Shortcut {
  id: string
  keys: string
  where: string | null
  what: string
}

/** `Mod-` written out with the renderer's one platform check, so prosemirror-keymap's own check is never used. */
function forPlatform(key: string, mac: boolean): string {
  return key.replace(/^((?:[A-Za-z]+-)*)Mod-/, (_, before: string) => `${before}${mac ? 'Meta' : 'Ctrl'}-`)
}

/**
 * The one list of the app's commands: the native menu runs them by id, the
 * keyboard through prosemirror-keymap (which matches Ctrl/Cmd shortcuts on a
 * non-Latin layout, as Arabic, by the physical key), and the `?` help is
 * written from it.
 */
export class CommandRegistry {
  private readonly byId = new Map<string, Command>()
  private readonly handle: (event: KeyboardEvent) => boolean

  constructor(
    private readonly commands: readonly Command[],
    private readonly mac = IS_MAC,
  ) {
    const bindings: Record<string, () => boolean> = {}
    let current: KeyboardEvent | null = null
    for (const command of commands) {
      if (this.byId.has(command.id)) throw new Error(`Two commands with the id ${command.id}`)
      this.byId.set(command.id, command)
      if (command.owner !== 'app' || !command.run) continue
      const run = command.run.bind(command)
      for (const key of [...command.keys, ...(command.variants ?? [])]) {
        const name = forPlatform(key, mac)
        if (bindings[name]) throw new Error(`Two commands on the key ${name}`)
        bindings[name] = () => current !== null && run({ via: 'key', event: current })
      }
    }
    // The app's commands act on the page, not on an editor's state: the handler is given no view.
    const handler = keydownHandler(bindings)
    this.handle = (event) => {
      current = event
      try {
        return handler({} as EditorView, event)
      } finally {
        current = null
      }
    }
  }

  /** Runs the command with this id (the menu's); false when it does not apply now or there is none. */
  run(id: string, invocation: Invocation = { via: 'menu' }): boolean {
    return this.byId.get(id)?.run?.(invocation) ?? false
  }

  /** Whether a command has this id. */
  has(id: string): boolean {
    return this.byId.has(id)
  }

  /** A key press: runs the app command bound to it; returns whether one used it (the caller prevents the default). */
  onKeyDown(event: KeyboardEvent): boolean {
    return this.handle(event)
  }

  /** The help's lines, in the registry's order: every command that has a help line, with its keys. */
  shortcuts(): Shortcut[] {
    return this.commands.flatMap((c) =>
      c.help
        ? [
            {
              id: c.id,
              keys: c.keysText ? strings[c.keysText] : keysLabel(c.keys, this.mac),
              where: c.where
                ? strings[c.where === 'article' ? 'helpKeysInArticle' : 'helpKeysOnHighlight']
                : null,
              what: strings.helpShortcut(c.help),
            },
          ]
        : [],
    )
  }
}
