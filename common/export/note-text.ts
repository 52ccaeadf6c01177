import type { Token } from 'markdown-it'
import { markdown, PLAIN_NOTE } from './note-html'

/** Words of inline tokens as they read: link labels without their targets, images by their description. */
function inlineText(tokens: readonly Token[]): string {
  let out = ''
  for (const token of tokens) {
    if (token.type === 'softbreak' || token.type === 'hardbreak') out += '\n'
    else if (token.type === 'image') out += token.content
    else if (token.nesting === 0) out += token.content
  }
  return out
}

/**
 * A note's Markdown as the words a reader sees (`**مهمة**` → `مهمة`,
 * `[المؤسس](https://…)` → `المؤسس`), one line a block: what the library
 * search looks in and shows a snippet of, so a search neither matches the
 * syntax nor shows it. Parsed as the notes panel parses it (note-html.ts).
 */
export function notePlainText(note: string): string {
  if (PLAIN_NOTE.test(note)) return note.replace(/^ +| +$/g, '')
  const lines: string[] = []
  for (const token of markdown().parse(note, {})) {
    if (token.type === 'inline') lines.push(inlineText(token.children ?? []))
    else if (token.type === 'fence' || token.type === 'code_block')
      lines.push(token.content.replace(/\n$/, ''))
  }
  return lines.join('\n')
}
