import Ajv from 'ajv'
import { readFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')

/**
 * The packages cannot be built where the Electron binary cannot be fetched,
 * so the packaging config is checked against electron-builder's own schema,
 * the one it validates with before building.
 */
describe('electron-builder.yml', () => {
  const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as object

  it('validates against app-builder-lib/scheme.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false })
    const validate = ajv.compile(schema)
    const ok = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('a config with a misspelt key fails the same check', () => {
    const ajv = new Ajv({ strict: false })
    expect(ajv.validate(schema, { ...config, productNmae: 'Hamish' })).toBe(false)
  })

  it('names the app and targets Linux AppImage + deb, Windows NSIS and macOS dmg with our icon', () => {
    expect(config.appId).toBe('org.hamish.reader')
    expect(config.productName).toBe('Hamish')
    const targets = (platform: string) => (config[platform] as { target: string[] }).target
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(targets('win')).toEqual(['nsis'])
    expect(targets('mac')).toEqual(['dmg'])
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = (config[platform] as { icon: string }).icon
      expect(existsSync(join(ROOT, icon))).toBe(true)
    }
  })

  it('packages the sample article', () => {
    expect(existsSync(join(ROOT, 'assets/sample/lavrov-shaibani-moscow.ar.txt'))).toBe(true)
  })
})
