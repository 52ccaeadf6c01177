import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { PDF_LIMITS, PDF_WORD_GAP_EM } from './pdf-limits'
import { inMemoryPortPair } from './pdfjs-port-pair'

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfjsWorkerModule = {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void }
  hamishOversizeStreams_(): number
}

/**
 * The changes Hamish makes to pdf.js's worker source, each a text
 * pdf.js 5.4 has once or twice, and the text that replaces it.
 */
const PDFJS_CHANGES: { find: string; times: number; replace: string }[] = [
  // The word-gap threshold (0.102 em), declared twice.
  {
    find: 'const TRACKING_SPACE_FACTOR = 0.102;',
    times: 1,
    replace: `const TRACKING_SPACE_FACTOR = ${PDF_WORD_GAP_EM};`,
  },
  {
    find: 'const SPACE_IN_FLOW_MIN_FACTOR = 0.102;',
    times: 1,
    replace: `const SPACE_IN_FLOW_MIN_FACTOR = ${PDF_WORD_GAP_EM};`,
  },
  // Each text item's characters as its glyphs are drawn: pdf.js reorders each item on its own by the bidi
  // algorithm, which cannot see the line around it (a number, a bracket, an English word in an Arabic line);
  // pdf-layout.ts reorders whole lines.
  {
    find: 'const bidiResult = bidi(text, -1, textChunk.vertical);',
    times: 1,
    replace: 'const bidiResult = { str: text, dir: "ltr" };',
  },
  // A glyph whose text is several letters (a ligature: Noto Naskh's «لله») gives them in logical order, the
  // rest of the item being in drawn order: right-to-left ones are reversed to drawn order too, so that
  // reading the line back does not turn «الله» into «اهلل».
  {
    find: 'textChunk.str.push(glyphUnicode);',
    times: 1,
    replace:
      'textChunk.str.push(glyphUnicode.length > 1 && /[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]/.test(glyphUnicode) ? Array.from(glyphUnicode).reverse().join("") : glyphUnicode);',
  },
  // A marked-content span's /ActualText, passed on with the span (getTextContent with
  // includeMarkedContent otherwise reports only its tag and MCID).
  {
    find: 'type: "beginMarkedContentProps",',
    times: 1,
    replace:
      'type: "beginMarkedContentProps", actualText: args[1] instanceof Dict && typeof args[1].get("ActualText") === "string" ? hamishActualText(args[1].get("ActualText")) : undefined,',
  },
  // /ActualText as text: Chromium writes it UTF-16BE with a byte-order mark for each Arabic cluster, and
  // stringToPDFString makes a TextDecoder for every string (a tenth of the import's time on a book).
  // The common case is decoded here; anything else (a lone surrogate, an escape, another encoding) as before.
  {
    find: 'function stringToPDFString(str, keepEscapeSequence = false) {',
    times: 1,
    replace: `function hamishActualText(str) {
  if (str.length % 2 === 0 && str.charCodeAt(0) === 0xfe && str.charCodeAt(1) === 0xff) {
    let text = "";
    for (let i = 2; i < str.length; i += 2) text += String.fromCharCode((str.charCodeAt(i) << 8) | str.charCodeAt(i + 1));
    if (text.isWellFormed() && !text.includes("\\x1b")) return text;
  }
  return stringToPDFString(str);
}
function stringToPDFString(str, keepEscapeSequence = false) {`,
  },
  // The source map comment names a file beside the worker, which a module loaded from memory has not: with
  // source maps on (tsx, --enable-source-maps) Node would fail to load the module resolving it.
  {
    find: '//# sourceMappingURL=pdf.worker.mjs.map',
    times: 1,
    replace: '',
  },
  // A stream unpacks to at most PDF_LIMITS.maxStreamBytes, through either of pdf.js's two ways of unpacking
  // (its own decoders, which grow one buffer, and DecompressionStream for Flate, which gathers chunks).
  {
    find: '  ensureBuffer(requested) {\n    const buffer = this.buffer;',
    times: 1,
    replace:
      '  ensureBuffer(requested) {\n    if (requested > HAMISH_MAX_STREAM_BYTES) hamishStreamTooLarge();\n    const buffer = this.buffer;',
  },
  {
    find: 'totalLength += chunk.byteLength;',
    times: 1,
    replace:
      'totalLength += chunk.byteLength; if (totalLength > HAMISH_MAX_STREAM_BYTES) hamishStreamTooLarge();',
  },
]

/**
 * What the changed module gains: the stream limit, and a count of the
 * streams it stopped, which Hamish reads (`oversizeStreams`): pdf.js goes
 * on past a failing stream, leaving the page's text short, which is no
 * answer to a file built to exhaust memory.
 */
const PDFJS_PREAMBLE = `const HAMISH_MAX_STREAM_BYTES = ${PDF_LIMITS.maxStreamBytes};
let hamishOversizeStreams = 0;
function hamishStreamTooLarge() {
  hamishOversizeStreams++;
  throw new Error("a stream unpacks to more than " + HAMISH_MAX_STREAM_BYTES + " bytes");
}
export function hamishOversizeStreams_() { return hamishOversizeStreams; }
`

/**
 * pdf.js's worker module with eight changes (one drops its source map comment), loaded from memory. Its
 * word-gap threshold is raised to PDF_WORD_GAP_EM: pdf.js puts a space
 * inside a text item wherever two glyphs stand more than 0.102 em apart,
 * which splits Arabic words set by TeX with Amiri at the gap after a
 * non-joining letter («الطو يلة», measured at 0.12 em while that file's
 * word spaces are 0.20 em and more). And a span's /ActualText is passed on:
 * Chromium writes the text of an Arabic cluster whose glyphs do not map one
 * to one (Amiri's ligatures and marks) only there, leaving its glyphs
 * without text. And each item's text is left in drawn order: pdf.js's
 * per-item bidi reordering cannot see the rest of the line (and the
 * letters of one ligature glyph, given logically, are put in drawn order
 * too). And /ActualText is decoded without a TextDecoder per string, and
 * no stream unpacks past PDF_LIMITS.maxStreamBytes. All are only visible
 * inside pdf.js. If a new pdf.js no longer has the text changed, this says
 * so instead of silently reading worse.
 */
async function changedWorker(): Promise<unknown> {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')
  let source = await readFile(path, 'utf8')
  for (const change of PDFJS_CHANGES) {
    const found = source.split(change.find).length - 1
    if (found !== change.times)
      throw new Error(`pdf.js's worker has ${found} copies of ${change.find}, not ${change.times}`)
    source = source.replace(change.find, change.replace)
  }
  source = PDFJS_PREAMBLE + source
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)
}

/** The changed worker module, loaded once per thread. */
let workerModule: Promise<PdfjsWorkerModule> | null = null

/**
 * pdf.js for Node, running in the calling thread (the import worker, a PDF
 * page thread, or the CLI's process): its worker's message handler is
 * loaded here, changed (changedWorker), and answers on an in-memory port
 * pair (pdfjs-port-pair.ts) instead of a worker of its own — it fetches
 * nothing and needs no DOM. Loaded on first use, so other imports never
 * pay for it. `openWorker` gives each document its own channel, to be
 * destroyed with it.
 */
export async function loadPdfjs(): Promise<{
  pdfjs: Pdfjs
  openWorker: () => InstanceType<Pdfjs['PDFWorker']>
  /** Streams this thread's pdf.js has refused to unpack past PDF_LIMITS.maxStreamBytes, so far. */
  oversizeStreams: () => number
}> {
  // The legacy build's core-js replaces Array.prototype.push (to handle lengths past 2^53 - 1, which no PDF
  // reaches) with a function about twice as slow, for the whole thread: the CLI's other work and pdf.js's own
  // millions of pushes alike. Node's own push is put back once pdf.js is loaded.
  const push = Array.prototype.push
  try {
    workerModule ??= changedWorker() as Promise<PdfjsWorkerModule>
    const worker = await workerModule
    const handler = worker.WorkerMessageHandler
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    return {
      pdfjs,
      oversizeStreams: () => worker.hamishOversizeStreams_(),
      openWorker: () => {
        const [mine, theirs] = inMemoryPortPair()
        handler.initializeFromPort(theirs)
        // Quiet, as the documents it opens are (their `verbosity: 0` reaches only pdf.js's main side).
        return pdfjs.PDFWorker.create({ port: mine as unknown as Worker, verbosity: 0 })
      },
    }
  } finally {
    Array.prototype.push = push
  }
}
