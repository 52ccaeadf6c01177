import type { HamishBridge } from '../../../../common/contract/bridge'
import { MAX_DISPLAY_NAME_LENGTH, MAX_FOLDER_PATH_LENGTH } from '../../../../common/contract/limits'
import type { TeamView } from '../../../../common/contract/team'
import type { SyncReport } from '../../../../common/team/sync-report'
import type { TeamStatus } from '../../../../common/team/team-status'
import { confirmDialog } from '../../ui/confirm-dialog'
import { button, el, replaceChildren, uid } from '../../ui/dom'
import { errorMessage } from '../../ui/error-message'
import { formatDateTime } from '../../ui/format'
import { isolate, strings } from '../../ui/strings'

/** What the section needs from the rest of the page: the API, the user's name, and who to tell when it changed. */
export interface TeamSectionHost {
  api: HamishBridge
  /** The library's display name, to prefill "Your name" (the same name everywhere). */
  displayName(): string
  /** The name was set by joining (the shell reloads the profile). */
  onJoined(): void
}

/**
 * Settings > Team: not in a team, a form to create or join a team folder as
 * "your name" (in Electron main asks for the folder with its dialog; the
 * preview shows a path field); in a team, its name and folder, the status
 * line, the last sync's report, the members with when each was last seen,
 * the shared articles, Sync now and Leave. It reads the team again whenever
 * main says the team changed (a pass ended), so it is live while open.
 */
export class TeamSection {
  readonly element: HTMLElement
  readonly #heading = uid('team-heading')
  readonly #body = el('div', { class: 'team-body' })
  readonly #stop: () => void
  #view: TeamView | null = null
  #busy: string | null = null

  constructor(private readonly host: TeamSectionHost) {
    this.element = el(
      'section',
      { class: 'setting setting-team', attrs: { 'aria-labelledby': this.#heading } },
      [
        el('h2', { class: 'team-heading', attrs: { id: this.#heading }, text: strings.teamHeading }),
        this.#body,
      ],
    )
    this.#stop = host.api.on('libraryChange', (change) => {
      if (change.kind === 'team-changed') void this.load()
    })
    void this.load()
  }

  /** Reads the team's state again and redraws (keeping focus on the control that had it). */
  async load(): Promise<void> {
    try {
      this.#view = await this.host.api.teamStatus()
    } catch (err) {
      this.#body.replaceChildren(
        el('p', { class: 'team-error', attrs: { role: 'alert' }, text: errorMessage(err) }),
      )
      return
    }
    this.#render()
  }

  dispose(): void {
    this.#stop()
  }

  #render(): void {
    const view = this.#view
    if (!view) return
    const focused = (document.activeElement as HTMLElement | null)?.dataset.teamControl
    replaceChildren(this.#body, view.status.joined ? this.#joined(view) : this.#joinForm(view))
    if (focused) this.#body.querySelector<HTMLElement>(`[data-team-control="${focused}"]`)?.focus()
  }

  #joinForm(view: TeamView): (Node | null)[] {
    const nameId = uid('team-name')
    const nameHint = uid('team-name-hint')
    const name = el('input', {
      class: 'text-input team-name-input',
      attrs: {
        id: nameId,
        type: 'text',
        dir: 'auto',
        maxlength: MAX_DISPLAY_NAME_LENGTH,
        autocomplete: 'name',
        'aria-describedby': nameHint,
        value: this.host.displayName(),
        'data-team-control': 'name',
      },
    })
    const folderId = uid('team-folder')
    const folderHint = uid('team-folder-hint')
    const folder =
      view.folderChoice === 'path'
        ? el('input', {
            class: 'text-input team-folder-input',
            attrs: {
              id: folderId,
              type: 'text',
              dir: 'ltr',
              maxlength: MAX_FOLDER_PATH_LENGTH,
              spellcheck: 'false',
              'aria-describedby': folderHint,
              'data-team-control': 'folder',
            },
          })
        : null
    const error = el('p', { class: 'team-error', attrs: { role: 'alert' } })
    const join = button(
      view.folderChoice === 'path' ? strings.teamJoin : strings.teamJoinDialog,
      () => void submit(),
      { class: 'primary team-join', attrs: { 'data-team-control': 'join' } },
    )
    const submit = async (): Promise<void> => {
      const who = name.value.trim()
      if (!who) {
        error.textContent = strings.profileNameEmpty
        name.focus()
        return
      }
      error.textContent = ''
      join.disabled = true
      join.textContent = strings.teamJoining
      try {
        this.#view = await this.host.api.joinTeam(who, folder ? folder.value : null)
        if (this.#view.status.joined) this.host.onJoined()
        this.#render()
        if (this.#view.status.joined) this.#body.querySelector<HTMLElement>('.team-sync')?.focus()
      } catch (err) {
        error.textContent = strings.teamJoinFailed + errorMessage(err)
      } finally {
        join.disabled = false
        join.textContent = view.folderChoice === 'path' ? strings.teamJoin : strings.teamJoinDialog
      }
    }
    for (const field of [name, folder])
      field?.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          void submit()
        }
      })
    return [
      el('p', { class: 'muted field-hint', text: strings.teamIntro }),
      el('h3', { class: 'team-subheading', text: strings.teamJoinHeading }),
      el('div', { class: 'team-field' }, [
        el('label', { attrs: { for: nameId }, text: strings.teamNameLabel }),
        name,
        el('p', { class: 'muted field-hint', attrs: { id: nameHint }, text: strings.teamNameHint }),
      ]),
      folder === null
        ? null
        : el('div', { class: 'team-field' }, [
            el('label', { attrs: { for: folderId }, text: strings.teamFolderLabel }),
            folder,
            el('p', { class: 'muted field-hint', attrs: { id: folderHint }, text: strings.teamFolderHint }),
          ]),
      join,
      error,
    ]
  }

  #joined(view: TeamView): (Node | null)[] {
    const { status, lastReport } = view
    const error = el('p', { class: 'team-error', attrs: { role: 'alert' } })
    const sync = button(strings.teamSyncNow, () => void this.#sync(error), {
      class: 'team-sync',
      attrs: { 'data-team-control': 'sync', disabled: this.#busy !== null },
    })
    const leave = button(strings.teamLeave, () => void this.#leave(error), {
      class: 'danger team-leave',
      attrs: { 'data-team-control': 'leave' },
    })
    return [
      el('p', { class: 'team-name', text: strings.teamName(status.team?.name ?? '') }),
      // A path reads left to right whatever the interface's direction.
      el('p', { class: 'muted team-folder' }, [
        el('span', { class: 'team-folder-label', text: strings.teamFolderLabel }),
        ' ',
        el('bdi', { attrs: { dir: 'ltr' }, text: status.folder ?? '' }),
      ]),
      el('p', {
        class: 'team-status',
        attrs: { role: 'status' },
        text: this.#statusLine(status, lastReport),
      }),
      lastReport && !lastReport.paused ? this.#report(lastReport) : null,
      el('h3', { class: 'team-subheading', text: strings.teamMembersHeading }),
      el(
        'ul',
        { class: 'team-members' },
        status.members.map((m) => {
          const seen = m.devices.reduce((t, d) => (d.lastSeen > t ? d.lastSeen : t), '')
          return el('li', { class: 'team-member' }, [
            el('span', {
              class: 'team-member-name',
              text: m.member === status.me.member ? strings.teamMemberYou(m.name) : isolate(m.name),
            }),
            ' ',
            el('span', { class: 'muted team-member-seen', text: strings.teamLastSeen(formatDateTime(seen)) }),
          ])
        }),
      ),
      el('h3', { class: 'team-subheading', text: strings.teamSharedHeading }),
      status.shared.length === 0
        ? el('p', { class: 'muted field-hint', text: strings.teamSharedNone })
        : el(
            'ul',
            { class: 'team-shared' },
            status.shared.map((s) => el('li', { attrs: { dir: 'auto' }, text: s.title })),
          ),
      el('div', { class: 'team-actions' }, [sync, leave]),
      error,
    ]
  }

  /** The status line: paused, or when it last synced, what it waits for and what it refused. */
  #statusLine(status: TeamStatus, report: SyncReport | null): string {
    if (this.#busy === 'sync') return strings.teamSyncing
    if (!status.folderPresent || report?.paused) return strings.teamPaused
    const parts = [
      status.lastSync ? strings.teamSyncedAt(formatDateTime(status.lastSync)) : strings.teamNeverSynced,
    ]
    if (report && report.notReady.length > 0) parts.push(strings.teamWaiting(report.notReady.length))
    if (report && report.refused.length > 0) parts.push(strings.teamProblems(report.refused.length))
    return parts.join(' ')
  }

  /** The last pass's report: its counts, then each file not ready or refused with why (main's words). */
  #report(report: SyncReport): HTMLElement {
    const c = strings.teamReportCounts
    const files = (list: { file: string; why: string }[], kind: string) =>
      list.map((f) =>
        el('li', { class: `team-file team-file-${kind}` }, [
          el('code', { attrs: { dir: 'ltr' }, text: f.file }),
          ' ',
          el('span', { attrs: { dir: 'auto' }, text: f.why }),
        ]),
      )
    return el('div', { class: 'team-report' }, [
      el('h3', { class: 'team-subheading', text: strings.teamLastReport }),
      el('ul', { class: 'team-counts' }, [
        el('li', { text: c.added(report.added) }),
        el('li', { text: c.updated(report.updated) }),
        el('li', { text: c.deleted(report.deleted) }),
        el('li', { text: c.conflicts(report.conflicts) }),
        el('li', { text: c.articles(report.articlesAdded.length) }),
        el('li', { text: c.notReady(report.notReady.length) }),
        el('li', { text: c.refused(report.refused.length) }),
      ]),
      report.notReady.length + report.refused.length > 0
        ? el('ul', { class: 'team-files' }, [
            ...files(report.notReady, 'not-ready'),
            ...files(report.refused, 'refused'),
          ])
        : null,
    ])
  }

  async #sync(error: HTMLElement): Promise<void> {
    this.#busy = 'sync'
    this.#render()
    try {
      await this.host.api.syncTeam()
    } catch (err) {
      error.textContent = strings.teamSyncFailed + errorMessage(err)
    } finally {
      this.#busy = null
    }
    await this.load()
  }

  async #leave(error: HTMLElement): Promise<void> {
    const ok = await confirmDialog({
      title: strings.teamLeaveTitle,
      message: strings.teamLeaveMessage,
      confirm: strings.teamLeave,
    })
    if (!ok) return
    try {
      await this.host.api.leaveTeam()
    } catch (err) {
      error.textContent = strings.teamLeaveFailed + errorMessage(err)
      return
    }
    await this.load()
  }
}
