// The contract's checking half stays in main: renderer/ and preload/ may
// import the contract's types (`import type`, or `import { type X }`, which
// the build erases) and its plain values (methods.ts, limits.ts,
// channels.ts, wire.ts…), but not a value from its schemas
// (common/contract/schemas.ts, field-schemas.ts) or its dispatch
// (common/contract/dispatch.ts), nor valibot itself. Those would bundle
// valibot and every schema into the page or the preload script, which
// never validate a call: main does, on every transport.
import path from 'node:path'

/** A module the page and preload may not import values from: valibot, or the contract's schemas or dispatch. */
function isCheckingModule(spec, file) {
  if (spec === 'valibot' || spec.startsWith('valibot/')) return true
  if (!spec.startsWith('.')) return false
  const target = path.resolve(path.dirname(file), spec).split(path.sep).join('/')
  const match = /\/common\/contract\/([^/]+?)(\.[cm]?[jt]s)?$/.exec(target)
  if (!match) return false
  const name = match[1]
  return name === 'dispatch' || /schemas/.test(name)
}

/** True when an import or export statement brings in types only (erased from the bundle). */
function typesOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specifiers = node.specifiers ?? []
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
}

export const contractSchemas = {
  meta: {
    type: 'problem',
    docs: {
      description:
        "renderer/ and preload/ import only types from the contract's schemas and dispatch, and nothing from valibot.",
    },
    schema: [],
    messages: {
      value:
        '"{{spec}}" is the contract\'s checking (valibot, schemas, dispatch): main validates every call, so renderer/ and preload/ import only its types ("import type"), never a value (docs/ARCHITECTURE.md, "One contract, three transports").',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename()
    function check(node, source, erasable) {
      if (!source || typeof source.value !== 'string') return
      if (erasable && typesOnly(node)) return
      if (isCheckingModule(source.value, file))
        context.report({ node: source, messageId: 'value', data: { spec: source.value } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source, true),
      ExportNamedDeclaration: (node) => check(node, node.source, true),
      ExportAllDeclaration: (node) => check(node, node.source, true),
      ImportExpression: (node) => check(node, node.source, false),
    }
  },
}
