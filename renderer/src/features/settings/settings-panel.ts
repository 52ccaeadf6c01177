import {
  DEFAULT_SETTINGS,
  type ReaderFont,
  type ReadingSettings,
  type Theme,
} from '../../../../common/article'
import { MAX_DISPLAY_NAME_LENGTH, SETTINGS_LIMITS } from '../../../../common/contract/limits'
import { openDialog, type DialogHandle } from '../../ui/dialog'
import { button, el, uid } from '../../ui/dom'
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../../../../common/i18n/ui-language'
import { DIGITS_SETTINGS, type DigitsSetting } from '../../../../common/i18n/digits'
import { formatDecimal } from '../../ui/format'
import { strings } from '../../ui/strings'
import type { ProfileStore } from './profile-store'
import type { SettingsStore } from './settings-store'

const FONTS: ReaderFont[] = ['amiri', 'noto-naskh-arabic', 'system']
const THEMES: Theme[] = ['system', 'light', 'dark', 'sepia']
/** What "Restore defaults" restores: the reading settings, not the interface language, its digits nor the library's columns. */
const {
  language: _language,
  digits: _digits,
  libraryColumns: _columns,
  ...READING_DEFAULTS
} = DEFAULT_SETTINGS

/** A group of radio buttons bound to one setting. */
function radioGroup<T extends string>(
  legend: string,
  name: string,
  values: T[],
  label: (v: T) => (Node | string)[],
  current: T,
  onChange: (v: T) => void,
): { element: HTMLFieldSetElement; set(v: T): void } {
  const inputs = values.map((value) => {
    const input = el('input', { attrs: { type: 'radio', name, value, checked: value === current } })
    input.addEventListener('change', () => {
      if (input.checked) onChange(value)
    })
    return input
  })
  const element = el('fieldset', { class: `setting setting-${name}` }, [
    el('legend', { text: legend }),
    ...values.map((value, i) =>
      el('label', { class: 'choice', attrs: { 'data-value': value } }, [inputs[i]!, ...label(value)]),
    ),
  ])
  return {
    element,
    set: (v) => inputs.forEach((input) => (input.checked = input.value === v)),
  }
}

/** A labelled slider with its value spelled out next to it. */
function slider(
  labelText: string,
  limits: { min: number; max: number },
  step: number,
  current: number,
  show: (v: number) => string,
  onChange: (v: number) => void,
): { element: HTMLElement; set(v: number): void } {
  const id = uid('setting')
  const input = el('input', {
    attrs: { type: 'range', id, min: limits.min, max: limits.max, step, value: current },
  })
  const output = el('output', { attrs: { for: id }, text: show(current) })
  input.addEventListener('input', () => {
    const v = Number(input.value)
    output.textContent = show(v)
    onChange(v)
  })
  return {
    element: el('div', { class: 'setting setting-slider' }, [
      el('label', { attrs: { for: id }, text: labelText }),
      input,
      output,
    ]),
    set: (v) => {
      input.value = String(v)
      output.textContent = show(v)
    },
  }
}

/**
 * "Your name": the display name written on the user's annotations. Saved
 * when the field is left or Enter is pressed; an empty name is refused and
 * the field says why.
 */
function nameField(profile: ProfileStore): HTMLElement {
  const id = uid('profile-name')
  const hintId = uid('profile-hint')
  const input = el('input', {
    class: 'text-input profile-name',
    attrs: {
      id,
      type: 'text',
      dir: 'auto',
      maxlength: MAX_DISPLAY_NAME_LENGTH,
      autocomplete: 'name',
      'aria-describedby': hintId,
      value: profile.current?.displayName ?? '',
    },
  })
  const status = el('p', { class: 'field-status muted', attrs: { role: 'status' } })
  const error = el('p', { class: 'field-error', attrs: { role: 'alert' } })
  if (!profile.current)
    void profile
      .load()
      .then((p) => {
        if (!input.value) input.value = p.displayName
      })
      .catch(() => undefined)
  const save = async (): Promise<void> => {
    const name = input.value.trim()
    status.textContent = ''
    if (!name) {
      error.textContent = strings.profileNameEmpty
      return
    }
    if (name === profile.current?.displayName) {
      error.textContent = ''
      return
    }
    const problem = await profile.setName(name)
    error.textContent = problem === null ? '' : strings.profileSaveFailed + problem
    if (problem === null) {
      input.value = profile.current?.displayName ?? name
      status.textContent = strings.profileSaved
    }
  }
  input.addEventListener('change', () => void save())
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      void save()
    }
  })
  return el('div', { class: 'setting setting-profile' }, [
    el('label', { attrs: { for: id }, text: strings.profileName }),
    input,
    el('p', { class: 'muted field-hint', attrs: { id: hintId }, text: strings.profileNameHint }),
    status,
    error,
  ])
}

let open: DialogHandle | null = null

/** A section another feature adds to the panel (Settings > Team), given by the shell; disposed when the panel closes. */
export interface SettingsSection {
  element: HTMLElement
  dispose(): void
}

/**
 * The settings panel: the interface language, then font, size, line height,
 * column width and theme, the user's name as the author of annotations, and
 * the sections the shell adds (the team).
 * A modal dialog docked at the side so the article stays visible and reflows
 * as the controls move; every change goes through the store, which applies
 * it at once and saves it after a pause. A new language is handed to
 * `onLanguage`, which saves it and rebuilds the interface in it; new digits
 * to `onDigits`, which does the same, so no page shows two digit systems.
 */
export function openSettingsPanel(
  store: SettingsStore,
  profile: ProfileStore,
  onLanguage: (language: LanguageSetting) => void,
  onDigits: (digits: DigitsSetting) => void,
  sections: () => SettingsSection[] = () => [],
): void {
  if (open) return
  const extra = sections()
  const s = store.current
  const language = radioGroup<LanguageSetting>(
    strings.settingsLanguage,
    'language',
    [...LANGUAGE_SETTINGS],
    (v) => [
      el('span', { attrs: v === 'system' ? {} : { lang: v, dir: 'auto' }, text: strings.languageNames[v] }),
    ],
    s.language,
    onLanguage,
  )
  language.element.append(el('p', { class: 'muted field-hint', text: strings.settingsLanguageHint }))
  const digits = radioGroup<DigitsSetting>(
    strings.settingsDigits,
    'digits',
    [...DIGITS_SETTINGS],
    (v) => [strings.digitsNames[v]],
    s.digits,
    onDigits,
  )
  digits.element.append(el('p', { class: 'muted field-hint', text: strings.settingsDigitsHint }))
  const font = radioGroup<ReaderFont>(
    strings.settingsFont,
    'font',
    FONTS,
    (v) => [
      el('span', { class: 'choice-name', text: strings.fontNames[v] }),
      el('span', {
        class: `font-sample font-sample-${v}`,
        attrs: { lang: 'ar', dir: 'rtl' },
        text: strings.fontSample,
      }),
    ],
    s.font,
    (v) => store.update({ font: v }),
  )
  const size = slider(strings.settingsSize, SETTINGS_LIMITS.fontSize, 1, s.fontSize, strings.px, (v) =>
    store.update({ fontSize: v }),
  )
  const lineHeight = slider(
    strings.settingsLineHeight,
    SETTINGS_LIMITS.lineHeight,
    0.1,
    s.lineHeight,
    (v) => formatDecimal(v, 1),
    (v) => store.update({ lineHeight: Math.round(v * 10) / 10 }),
  )
  const width = slider(
    strings.settingsWidth,
    SETTINGS_LIMITS.columnWidth,
    5,
    s.columnWidth,
    strings.chars,
    (v) => store.update({ columnWidth: v }),
  )
  const theme = radioGroup<Theme>(
    strings.settingsTheme,
    'theme',
    THEMES,
    (v) => [
      el('span', { class: `theme-swatch theme-swatch-${v}`, attrs: { 'aria-hidden': 'true' } }),
      strings.themeNames[v],
    ],
    s.theme,
    (v) => store.update({ theme: v }),
  )
  const sync = (next: ReadingSettings): void => {
    font.set(next.font)
    size.set(next.fontSize)
    lineHeight.set(next.lineHeight)
    width.set(next.columnWidth)
    theme.set(next.theme)
    language.set(next.language)
    digits.set(next.digits)
  }
  const unsubscribe = store.subscribe(sync)
  const reset = button(strings.settingsReset, () => store.update({ ...READING_DEFAULTS }))
  open = openDialog({
    title: strings.settingsTitle,
    class: 'settings-panel',
    body: [
      language.element,
      digits.element,
      font.element,
      size.element,
      lineHeight.element,
      width.element,
      theme.element,
      nameField(profile),
      ...extra.map((section) => section.element),
    ],
    actions: [reset],
    onClose: () => {
      unsubscribe()
      for (const section of extra) section.dispose()
      store.flush()
      open = null
    },
  })
}

/** Closes the panel if it is open (for the menu command toggling it). */
export function closeSettingsPanel(): void {
  open?.close()
}
