/**
 * Control characters in text from someone else's file. A note, tag, author
 * name, title or source never needs one, and some are instructions to a
 * terminal (ESC starts the sequences that clear the screen or write the
 * clipboard, BEL rings, C1's CSI is ESC [ in one character), so they are
 * removed where a file's text enters the library, as the importers remove
 * them from articles. Bidi controls (U+200E/F, U+202A–202E, U+2066–2069) are
 * not controls here: they are legitimate in Arabic text, and the CLI escapes
 * the ones that could reorder its own lines (main/cli/terminal-text.ts).
 */

/** C0 controls but tab and line feed, DEL, and the C1 controls U+0080–U+009F. */
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/** Every C0 control, DEL and the C1 controls. */
const ALL_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g

/**
 * Text of many lines (a note, which is Markdown): CRLF and a lone CR become
 * LF, tab and LF stay, every other control character goes. Why: a note keeps
 * its line structure, but nothing in it may drive a terminal.
 */
export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_AND_NEWLINE, '')
}

/**
 * One line of text (a tag, an author's name, a title, a source): tab, line
 * breaks and other whitespace controls become a space, every other control
 * character goes. Why: such a value is shown on one line everywhere, so a
 * line break in it could only forge lines in a listing.
 */
export function oneLineWithoutControls(text: string): string {
  return text.replace(/[\t\n\u000B\u000C\r\u0085]/g, ' ').replace(ALL_CONTROLS, '')
}
