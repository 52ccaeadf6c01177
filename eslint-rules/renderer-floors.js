// The renderer's floors as a lint rule, in the manner of VS Code's
// code-layering rule: each file of renderer/src lives on a floor and may
// import only from its own room or from the floors below it.
//
//   shell     main.ts, shell/          the app around the pages
//   features  features/<name>/         one folder per feature, rooms apart
//   ui        ui/                      shared UI: dom, dialog, toasts, keys…
//   document  document/                schema, text offsets, text direction
//   common    ../../common/            the pure shared code
//
// ui/ and document/ are one floor of two rooms that do not import each
// other. A feature never imports another feature ("sideways"): what two
// features share goes down into ui/ or document/, or the shell wires them.
import path from 'node:path'

/** Which rooms each floor may import from, besides its own room. */
const ALLOWED = {
  shell: ['features', 'ui', 'document', 'styles', 'common'],
  features: ['ui', 'document', 'common'],
  ui: ['common'],
  document: ['common'],
  styles: [],
}

/** Two rooms on one floor: neither may import the other. */
const ROOMS_OF_ONE_FLOOR = ['ui', 'document']

const FLOOR_NAMES = {
  shell: 'the shell',
  features: 'a feature',
  ui: 'shared UI (ui/)',
  document: 'the document helpers (document/)',
  styles: 'the styles',
  common: 'common/',
}

/**
 * Where a path lies: its floor and, for features, the feature's name (its
 * room). Null outside renderer/src and common/ (packages, other layers: the
 * other rules judge those).
 */
function placeOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file).split(path.sep).join('/')
  if (rel.startsWith('../../common/') || rel === '../../common') return { floor: 'common', room: 'common' }
  if (rel.startsWith('..')) return null
  const [top, second] = rel.split('/')
  if (rel === 'main.ts' || rel === 'main') return { floor: 'shell', room: 'shell' }
  if (top === 'features' && second) return { floor: 'features', room: `features/${second}` }
  if (top === 'shell' || top === 'ui' || top === 'document' || top === 'styles')
    return { floor: top, room: top }
  return { floor: 'unplaced', room: rel }
}

/** The renderer/src folder a file belongs to (the last one on its path, so test fixtures mirror the tree). */
function sourceRoot(file) {
  const norm = file.split(path.sep).join('/')
  const at = norm.lastIndexOf('/renderer/src/')
  return at < 0 ? null : norm.slice(0, at + '/renderer/src'.length)
}

export const rendererFloors = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Imports in renderer/src run down the floors (shell > features > ui, document > common), never up or across features.',
    },
    schema: [],
    messages: {
      up: '{{from}} may not import {{to}} ("{{spec}}"): imports run down the floors (docs/ARCHITECTURE.md, "Renderer floors").',
      sideways:
        'Features do not import each other: {{from}} imports {{to}} ("{{spec}}"). Put the shared part in ui/ or document/, or wire the two in the shell.',
      across:
        'ui/ and document/ are two rooms of one floor and do not import each other: {{from}} imports {{to}} ("{{spec}}").',
      unplaced:
        'Every renderer file lives on a floor: main.ts, shell/, features/<name>/, ui/, document/ or styles/.',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename()
    const srcRoot = sourceRoot(file)
    if (!srcRoot) return {}
    const here = placeOf(file, srcRoot)
    if (!here) return {}
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return
      if (here.floor === 'unplaced') return
      const there = placeOf(path.resolve(path.dirname(file), source.value), srcRoot)
      if (!there || there.room === here.room) return
      const data = { from: here.room, to: there.room, spec: source.value }
      if (here.floor === 'features' && there.floor === 'features')
        context.report({ node: source, messageId: 'sideways', data })
      else if (ROOMS_OF_ONE_FLOOR.includes(here.floor) && ROOMS_OF_ONE_FLOOR.includes(there.floor))
        context.report({ node: source, messageId: 'across', data })
      else if (!ALLOWED[here.floor]?.includes(there.floor))
        context.report({
          node: source,
          messageId: 'up',
          data: {
            ...data,
            from: FLOOR_NAMES[here.floor] + ` (${here.room})`,
            to: FLOOR_NAMES[there.floor] ?? there.room,
          },
        })
    }
    return {
      Program(node) {
        if (here.floor === 'unplaced') context.report({ node, messageId: 'unplaced' })
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    }
  },
}
