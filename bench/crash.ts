/**
 * Fault injection: the real preview server under writes from several
 * concurrent clients (as several tabs would send them), and real CLI imports
 * and annotation merges, each SIGKILLed at a random moment, over and over, on
 * one library. After every kill the library is opened again and checked:
 *
 * - every file under the library folder parses (nothing half-written) and
 *   none had to be recovered (no `*.corrupt-*`);
 * - every acknowledged write is there: an annotation added, its note edited
 *   or deleted, a title, a setting, a reading position, an import, a merge —
 *   in its acknowledged state or in the state of a later write that was in
 *   flight at the kill;
 * - derived data agrees after the repair at open: each article's annotation
 *   count in the list equals its live annotations, and library search finds
 *   every settled note by its own word.
 *
 * `npm run bench -- crash` runs 1,000 preview kills and 100 CLI kills
 * (HAMISH_CRASH_KILLS and HAMISH_CRASH_CLI_KILLS change them,
 * HAMISH_CRASH_SEED replays a run); tests/unit/library/crash-suite.test.ts
 * runs a short version in CI.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { plainText } from '../common/plain-text'
import { randomUUID } from 'node:crypto'
import { describeSelection } from '../common/anchoring/describe-selection'
import type { Annotation } from '../common/annotation'
import type { Article, ArticleSummary } from '../common/article'
import { toAnnotationCollection } from '../common/sharing/w3c-format'
import { seededRandom } from './anchoring-samples'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PREVIEW = join(ROOT, 'out/main/preview.js')
const CLI = join(ROOT, 'bin/hamish.js')

export interface CrashOptions {
  /** SIGKILLs of the preview server. */
  kills: number
  /** SIGKILLs of CLI imports and annotation merges. */
  cliKills: number
  /** Concurrent API clients writing to the preview. */
  clients: number
  seed: number
  /** Progress lines (kills so far) go here. */
  log?: (line: string) => void
}

export interface CrashReport {
  kills: number
  cliKills: number
  /** Writes the server or the CLI acknowledged before a kill. */
  acknowledged: number
  /** Acknowledged writes not found after the restart (must be empty). */
  lost: string[]
  /** Files that did not parse or had to be recovered (must be empty). */
  damaged: string[]
  /** Counts or search results that disagree with the annotations after the repair at open (must be empty). */
  inconsistent: string[]
  /** Calls the server refused as malformed: the suite's own mistake, which would leave a write untested (must be empty). */
  malformed: string[]
}

/** One annotation as acknowledged, and the states writes in flight at the kill may have left it in. */
interface Expected {
  articleId: string
  acked: AnnotationState | null
  pending: AnnotationState[]
  /** The version last seen, which an edit names as the one it was made on. */
  modified: string
}
interface AnnotationState {
  note: string
  deleted: boolean
}

/** A value (title, setting, position) as acknowledged and as writes in flight may have left it. */
interface ExpectedValue<T> {
  acked: T | undefined
  pending: T[]
}

interface Preview {
  child: ChildProcess
  origin: string
  token: string
}

async function startPreview(library: string): Promise<Preview> {
  const child = spawn(process.execPath, [PREVIEW, '--library', library, '--port', '0', '--no-sample'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`preview did not start in 30 s: ${stderr}`)), 30_000)
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString()
      const match = /Hamish preview: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(stdout)
      if (match) {
        clearTimeout(timer)
        resolveUrl(`${match[1]} ${match[2]}`)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`preview exited with ${code}: ${stderr}`))
    })
  })
  const [origin = '', token = ''] = url.split(' ')
  return { child, origin, token }
}

class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** One API call over the loopback bridge; resolves with its value once the server acknowledged it. */
async function call<T>(preview: Preview, method: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`${preview.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hamish-Token': preview.token },
    body: JSON.stringify(args),
  })
  const answer = (await response.json()) as {
    ok: boolean
    value?: T
    error?: { code: string; message: string }
  }
  if (!answer.ok) throw new CallFailed(answer.error?.code ?? 'unknown', answer.error?.message ?? 'failed')
  return answer.value as T
}

/** Runs the CLI to its end and gives what it printed. */
async function runCli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
  await new Promise((done) => child.once('exit', done))
  return stdout
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGKILL')
  await exited
}

/** Every file under `dir` that should parse as JSON, and any `*.corrupt-*` left by a recovery. */
async function checkFiles(dir: string, damaged: string[], round: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    if (entry.name.includes('.corrupt-')) damaged.push(`${round}: ${path} needed recovering`)
    else if (entry.name.endsWith('.json') || entry.name.endsWith('.bak')) {
      try {
        JSON.parse(await readFile(path, 'utf8'))
      } catch (error) {
        damaged.push(`${round}: ${path} does not parse: ${String(error)}`)
      }
    }
  }
}

function articleText(n: number): string {
  const words = ['المعرفة', 'الكتاب', 'القراءة', 'البحث', 'الهامش', 'النص', 'التاريخ', 'اللغة']
  const paragraphs: string[] = []
  for (let p = 0; p < 12; p++)
    // The numbers make each article's text its own: a repeated text would import as a duplicate.
    paragraphs.push(
      `${n}.${p} ` +
        Array.from(
          { length: 40 },
          (_, i) => `${words[(i * 7 + p + n) % words.length]}${i % 9 === 0 ? '،' : ''}`,
        ).join(' '),
    )
  return `مقالة التجربة ${n}\n\n${paragraphs.join('\n\n')}\n`
}

/**
 * Runs the suite and reports what it found; never throws for a finding, so
 * the bench can print it and the test can assert on it.
 */
export async function runCrashSuite(options: CrashOptions): Promise<CrashReport> {
  const rand = seededRandom(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!
  const report: CrashReport = {
    kills: 0,
    cliKills: 0,
    acknowledged: 0,
    lost: [],
    damaged: [],
    inconsistent: [],
    malformed: [],
  }
  const work = await mkdtemp(join(tmpdir(), 'hamish-crash-suite-'))
  const library = join(work, 'library')
  try {
    // Three articles to write on, imported before any kill.
    let preview = await startPreview(library)
    const texts = new Map<string, string>()
    for (let n = 0; n < 3; n++) {
      const bytes = Buffer.from(articleText(n), 'utf8')
      const outcome = await call<{ status: string; article: ArticleSummary | null }>(preview, 'importFile', {
        name: `crash-${n}.txt`,
        bytes: { $bytes: bytes.toString('base64') },
      })
      if (outcome.status !== 'added' || !outcome.article)
        throw new Error(`setup import failed: ${JSON.stringify(outcome)}`)
      const article = await call<Article>(preview, 'getArticle', outcome.article.id)
      texts.set(article.summary.id, plainText(article.doc))
    }
    const articleIds = [...texts.keys()]
    const annotations = new Map<string, Expected>()
    const titles = new Map<string, ExpectedValue<string>>()
    for (const summary of await call<ArticleSummary[]>(preview, 'listArticles'))
      titles.set(summary.id, { acked: summary.title, pending: [] })
    const positions = new Map<string, ExpectedValue<number>>()
    const fontSize: ExpectedValue<number> = { acked: undefined, pending: [] }
    let counter = 0

    /**
     * Sends one write whose result will be `state`: while it is on its way
     * the state is one the library may hold after a kill; once acknowledged
     * it is the one it must hold.
     */
    async function settle<T>(
      expected: { acked: T | null | undefined; pending: T[] },
      state: T,
      send: () => Promise<unknown>,
    ): Promise<void> {
      expected.pending.push(state)
      await send()
      expected.acked = state
      expected.pending = expected.pending.filter((s) => s !== state)
      report.acknowledged++
    }

    /** An annotation with no write on its way, to edit or delete. */
    const settledLive = (): [string, Expected] | null => {
      const live = [...annotations].filter(([, e]) => e.acked && !e.acked.deleted && e.pending.length === 0)
      return live.length === 0 ? null : pick(live)
    }

    /** One client: random writes until the server goes away. */
    async function client(stop: { killed: boolean }): Promise<void> {
      while (!stop.killed) {
        const roll = rand()
        const articleId = pick(articleIds)
        try {
          if (roll < 0.4 || annotations.size < 3) {
            const text = [...texts.get(articleId)!]
            const start = Math.floor(rand() * (text.length - 20))
            const end = start + 3 + Math.floor(rand() * 15)
            const note = `note zq${++counter}x`
            const added = await call<{ id: string; modified: string }>(preview, 'addAnnotation', {
              articleId,
              start,
              end,
              quote: text.slice(start, end).join(''),
              color: 'yellow',
              note,
            })
            if (stop.killed) return
            const state = { note, deleted: false }
            annotations.set(added.id, { articleId, acked: state, pending: [], modified: added.modified })
            report.acknowledged++
          } else if (roll < 0.65) {
            const picked = settledLive()
            if (!picked) continue
            const [id, expected] = picked
            const state = { note: `edited zq${++counter}x`, deleted: false }
            await settle(expected, state, async () => {
              const saved = await call<{ modified: string }>(
                preview,
                'updateAnnotation',
                expected.articleId,
                id,
                { note: state.note },
                expected.modified,
              )
              expected.modified = saved.modified
            })
          } else if (roll < 0.75) {
            const picked = settledLive()
            if (!picked) continue
            const [id, expected] = picked
            const state = { note: expected.acked!.note, deleted: true }
            await settle(expected, state, () => call(preview, 'deleteAnnotation', expected.articleId, id))
          } else if (roll < 0.85) {
            const expected = positions.get(articleId) ?? { acked: undefined, pending: [] }
            positions.set(articleId, expected)
            const position = Math.floor(rand() * 500)
            await settle(expected, position, () => call(preview, 'setReadingPosition', articleId, position))
          } else if (roll < 0.93) {
            const expected = titles.get(articleId)!
            const title = `عنوان ${++counter}`
            await settle(expected, title, () => call(preview, 'renameArticle', articleId, title))
          } else {
            const size = 14 + Math.floor(rand() * 20)
            await settle(fontSize, size, () => call(preview, 'updateSettings', { fontSize: size }))
          }
        } catch (error) {
          if (stop.killed || !(error instanceof CallFailed)) return
          // A refusal (say, a note edited meanwhile by another client) is an answer, not a loss; a
          // malformed call is the suite's own mistake and is reported.
          if (error.code === 'invalid-argument') report.malformed.push(error.message)
        }
      }
    }

    /** Opens the library again and holds everything acknowledged against it; settles what was in flight. */
    async function verify(round: string): Promise<void> {
      await checkFiles(library, report.damaged, round)
      const summaries = await call<ArticleSummary[]>(preview, 'listArticles')
      for (const id of articleIds) {
        const summary = summaries.find((s) => s.id === id)
        if (!summary) {
          report.lost.push(`${round}: article ${id} is not listed`)
          continue
        }
        const article = await call<Article>(preview, 'getArticle', id)
        const live = new Map(article.annotations.map((a) => [a.id, a.body.note ?? '']))
        const versions = new Map(article.annotations.map((a) => [a.id, a.modified]))
        if (summary.annotationCount !== live.size)
          report.inconsistent.push(
            `${round}: ${id} is listed with ${summary.annotationCount} annotations, has ${live.size}`,
          )
        for (const [annotationId, expected] of annotations) {
          if (expected.articleId !== id) continue
          const found = live.get(annotationId)
          const seen: AnnotationState | null = found === undefined ? null : { note: found, deleted: false }
          const allowed = [expected.acked, ...expected.pending]
          const matches = allowed.some((s) =>
            s === null ? seen === null : s.deleted ? seen === null : seen !== null && seen.note === s.note,
          )
          if (!matches)
            report.lost.push(
              `${round}: annotation ${annotationId} is ${JSON.stringify(seen)}, acknowledged ${JSON.stringify(expected.acked)}`,
            )
          // Settle: what is there now is what the next round expects.
          expected.acked =
            seen === null ? (expected.acked ? { ...expected.acked, deleted: true } : null) : seen
          expected.pending = []
          expected.modified = versions.get(annotationId) ?? expected.modified
        }
        const title = titles.get(id)
        if (title && ![title.acked, ...title.pending].includes(summary.title))
          report.lost.push(`${round}: ${id} is titled ${summary.title}, acknowledged ${title.acked}`)
        if (title) titles.set(id, { acked: summary.title, pending: [] })
        const position = positions.get(id)
        const at = await call<number | null>(preview, 'getReadingPosition', id)
        if (position && ![position.acked, ...position.pending].includes(at ?? undefined))
          report.lost.push(`${round}: ${id} reading position ${at}, acknowledged ${position.acked}`)
        if (position) positions.set(id, { acked: at ?? undefined, pending: [] })
      }
      const settings = await call<{ fontSize: number }>(preview, 'getSettings')
      if (fontSize.acked !== undefined && ![fontSize.acked, ...fontSize.pending].includes(settings.fontSize))
        report.lost.push(`${round}: font size ${settings.fontSize}, acknowledged ${fontSize.acked}`)
      if (fontSize.acked !== undefined) fontSize.acked = settings.fontSize
      fontSize.pending = []
      // Search is derived: every settled live note must be found by its own word.
      const sample = [...annotations].filter(([, e]) => e.acked && !e.acked.deleted)
      for (const [annotationId, expected] of sample.slice(-8)) {
        const word = /zq\d+x/.exec(expected.acked!.note)?.[0]
        if (!word) continue
        const results = await call<{ articleId: string; matches: { annotationId?: string }[] }[]>(
          preview,
          'searchLibrary',
          word,
        )
        const hit = results.some((r) => r.matches.some((m) => m.annotationId === annotationId))
        if (!hit)
          report.inconsistent.push(`${round}: search for ${word} does not find annotation ${annotationId}`)
      }
    }

    for (let round = 1; round <= options.kills; round++) {
      const stop = { killed: false }
      const clients = Array.from({ length: options.clients }, () => client(stop))
      await new Promise((done) => setTimeout(done, 20 + rand() * 400))
      stop.killed = true
      await kill(preview.child)
      await Promise.allSettled(clients)
      report.kills++
      preview = await startPreview(library)
      await verify(`kill ${round}`)
      if (round % 50 === 0) options.log?.(`crash: ${round} preview kills`)
    }
    await kill(preview.child)

    // The CLI: imports and annotation merges killed at random moments.
    const inputs = join(work, 'inputs')
    await mkdir(inputs, { recursive: true })
    const imported = new Set<string>()
    /** How long the last CLI run that was not killed took (ms); kills are drawn within it. */
    let typicalRun = 1000
    const merged = new Map<string, string>() // annotation id → its article
    const summaries = new Map<string, ArticleSummary>()
    preview = await startPreview(library)
    for (const summary of await call<ArticleSummary[]>(preview, 'listArticles'))
      summaries.set(summary.id, summary)
    await kill(preview.child)
    for (let round = 1; round <= options.cliKills; round++) {
      const n = 100 + round
      const merge = round % 2 === 0
      const file = join(inputs, merge ? `colleague-${n}.hamish.json` : `cli-${n}.txt`)
      let incoming: Annotation[] = []
      const articleId = pick(articleIds)
      if (merge) {
        const text = texts.get(articleId)!
        incoming = Array.from({ length: 3 }, (_, k) => {
          const start = 5 + Math.floor(rand() * ([...text].length - 40))
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, round)).toISOString()
          return {
            id: `urn:uuid:${randomUUID()}`,
            target: describeSelection(text, start, start + 6 + k),
            body: { color: 'blue', note: `merged zq${n}m${k}x`, tags: [] },
            creator: { id: 'urn:uuid:00000000-0000-4000-8000-00000000c011', name: 'زميلة' },
            created: at,
            modified: at,
            deleted: false,
          } satisfies Annotation
        })
        const collection = toAnnotationCollection({
          article: summaries.get(articleId)!,
          annotations: incoming,
          generator: 'crash suite',
          exportedAt: new Date().toISOString(),
        })
        await writeFile(file, JSON.stringify(collection))
      } else await writeFile(file, articleText(n))
      const args = merge ? ['annotations', 'import', file] : ['import', file]
      const child = spawn(process.execPath, [CLI, ...args, '--library', library, '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let stdout = ''
      child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
      // Kills fall anywhere in a run as long as the last whole run took (runs a third longer go whole).
      const began = Date.now()
      const timer = setTimeout(() => child.kill('SIGKILL'), rand() * typicalRun * 1.33)
      const code = await exited
      clearTimeout(timer)
      if (code === 0) typicalRun = Date.now() - began
      if (code === 0 && merge) {
        for (const a of incoming) merged.set(a.id, articleId)
        report.acknowledged++
      } else if (code === 0) {
        const outcome = (JSON.parse(stdout) as { status: string }[])[0]
        if (outcome?.status !== 'added')
          report.lost.push(`cli ${round}: import answered ${stdout.slice(0, 200)}`)
        imported.add(`مقالة التجربة ${n}`)
        report.acknowledged++
      } else report.cliKills++
      await checkFiles(library, report.damaged, `cli ${round}`)
      const listed = await runCli(['list', '--library', library, '--json'])
      let titlesListed: string[] = []
      try {
        titlesListed = (JSON.parse(listed) as { title: string }[]).map((a) => a.title)
      } catch {
        report.damaged.push(`cli ${round}: list did not answer JSON: ${listed.slice(0, 200)}`)
      }
      for (const title of imported)
        if (!titlesListed.includes(title)) report.lost.push(`cli ${round}: imported “${title}” is not listed`)
      if (new Set(titlesListed).size !== titlesListed.length)
        report.inconsistent.push(`cli ${round}: an article is listed twice`)
      if (merge) {
        const ids = new Set<string>()
        for (const id of articleIds) {
          const list = JSON.parse(
            await runCli(['annotations', 'list', id, '--library', library, '--json']),
          ) as {
            id: string
          }[]
          for (const a of list) ids.add(a.id)
        }
        for (const [id] of merged)
          if (!ids.has(id)) report.lost.push(`cli ${round}: merged annotation ${id} is missing`)
      }
      if (round % 25 === 0) options.log?.(`crash: ${round} CLI runs, ${report.cliKills} killed`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return report
}

/** `npm run bench -- crash`. */
export async function benchCrash(): Promise<Record<string, unknown>> {
  const seed = Number(process.env.HAMISH_CRASH_SEED ?? Date.now() % 100_000)
  const started = Date.now()
  const report = await runCrashSuite({
    kills: Number(process.env.HAMISH_CRASH_KILLS ?? 1000),
    cliKills: Number(process.env.HAMISH_CRASH_CLI_KILLS ?? 100),
    clients: 4,
    seed,
    log: (line) => console.error(line),
  })
  return {
    case: 'crash',
    seed,
    seconds: Math.round((Date.now() - started) / 1000),
    ...report,
    lost: report.lost.slice(0, 50),
    damaged: report.damaged.slice(0, 50),
    inconsistent: report.inconsistent.slice(0, 50),
    malformed: report.malformed.slice(0, 20),
    lostCount: report.lost.length,
    damagedCount: report.damaged.length,
    inconsistentCount: report.inconsistent.length,
  }
}
