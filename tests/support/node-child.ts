import { join, resolve } from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles one of tests/support's child programs into `dir` as a plain ES
 * module, so tests can start it with `node` alone: many real processes (to
 * kill or to race) start in tens of milliseconds instead of tsx's seconds.
 */
export async function bundleChild(name: string, dir: string): Promise<string> {
  const outfile = join(dir, `${name}.mjs`)
  await build({
    entryPoints: [resolve(import.meta.dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // CommonJS packages bundled in (mammoth) call require('url'): give the module one.
    banner: {
      js: "import { createRequire as __hamishRequire } from 'node:module'; const require = __hamishRequire(import.meta.url);",
    },
    logLevel: 'silent',
  })
  return outfile
}
