import type { LibraryChange } from '../../../common/library-changes'

/** Header naming this tab on every call (see main/preview/server.ts): its own changes are not sent back to it. */
export const CLIENT_HEADER = 'X-Hamish-Client'

/**
 * The preview's change feed for this tab: one streaming `POST /api/events`
 * (fetch, so it carries the token header, which EventSource cannot), read
 * as server-sent events and handed to `onChange`. When the stream ends (the
 * preview restarted, the machine slept) it is opened again after a pause
 * that grows to 10 s. Returns the function that stops it.
 */
export function openChangeStream(
  headers: Record<string, string>,
  onChange: (change: LibraryChange) => void,
): () => void {
  let stopped = false
  const abort = new AbortController()
  const run = async (pause: number): Promise<void> => {
    if (stopped) return
    try {
      const response = await fetch('/api/events', { method: 'POST', headers, signal: abort.signal })
      if (!response.ok || !response.body) throw new Error(`change feed: ${response.status}`)
      pause = 500
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          for (const line of event.split('\n'))
            if (line.startsWith('data: ')) onChange(JSON.parse(line.slice(6)) as LibraryChange)
        }
      }
    } catch {
      // Closed, refused or aborted: tried again below unless stopped.
    }
    if (!stopped) setTimeout(() => void run(Math.min(pause * 2, 10_000)), pause)
  }
  void run(500)
  return () => {
    stopped = true
    abort.abort()
  }
}
