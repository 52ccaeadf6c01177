/**
 * What the CLI may write to a terminal. Titles, notes, tags, author names,
 * sources and file names come from articles and from colleagues' files; a
 * control character among them is an instruction to the terminal (ESC ] 52
 * writes the clipboard, ESC [ 2 J clears the screen, C1's U+009B is ESC [),
 * and a bidi embedding, override or isolate reorders the rest of the line it
 * is printed on. So every line the CLI prints passes through here: those
 * characters are shown as `\uXXXX` (also a valid escape inside a JSON
 * string, so `--json` output stays JSON that reads back to the same text).
 * Tab and newline stay: the CLI's own columns and lines are made of them.
 * The bidi marks LRM, RLM and ALM stay too: they reorder nothing beyond
 * their neighbours.
 */

/** C0 but tab and newline, DEL, C1; LRE RLE PDF LRO RLO; LRI RLI FSI PDI. */
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** One line (or several) for the terminal, with every unprintable character escaped visibly. */
export function terminalText(line: string): string {
  return line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
