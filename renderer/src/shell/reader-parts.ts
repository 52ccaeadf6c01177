import type { ReaderParts } from '../document/reader-parts'
import { AnnotationController } from '../features/annotations/annotation-controller'
import type { AnnotationApi } from '../features/annotations/annotation-actions'
import { loadMarkdown } from '../features/annotations/markdown-loader'
import { FindBar } from '../features/find/find-bar'
import { findPlugin } from '../features/find/find-plugin'
import type { Toast, ToastOptions } from '../ui/toasts'

/**
 * The reader's parts, built from the annotations and find features. The
 * shell wires them because features do not import each other: the reader
 * knows only the ReaderParts contract (document/reader-parts.ts).
 */
export function readerParts(api: AnnotationApi, notify: (options: ToastOptions) => Toast): ReaderParts {
  return {
    prepare: async (annotations) => {
      if (annotations.some((a) => a.body.note)) await loadMarkdown()
    },
    annotations: (host, list) => new AnnotationController({ ...host, api, notify }, list),
    findPlugin: () => findPlugin(),
    findBar: (view, offsets, search) => new FindBar(view, offsets, search),
  }
}
