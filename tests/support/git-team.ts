import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The branch every clone pushes to. */
export const TEAM_BRANCH = 'main'

/** One member's clone of the team repository. */
export interface GitClone {
  name: string
  /** The clone's work tree: this member's copy of the team folder. */
  dir: string
  /** Runs git in the clone; rejects with git's output on a non-zero exit. */
  git(args: string[]): Promise<string>
  /**
   * Commits everything in the work tree (if anything changed) and pushes,
   * pulling with rebase and pushing again while another clone got there first.
   * A rebase that stops on a conflict is aborted and reported as an error:
   * with one writer per file it must never happen.
   */
  commitAllAndPush(message: string): Promise<{ committed: boolean; attempts: number }>
  /** Fetches and rebases onto the team branch (uncommitted changes stashed around it). */
  pull(): Promise<void>
}

/** A bare repository on disk and its clones over `file://`. */
export interface GitTeam {
  bare: string
  clones: GitClone[]
  clone(name: string): GitClone
  /** Removes the repository and every clone. */
  remove(): Promise<void>
}

/**
 * git with no system or user configuration, never asking for anything: the
 * test's result must not depend on the machine's ~/.gitconfig.
 */
function runGit(cwd: string, args: string[], home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          ...process.env,
          HOME: home,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_TERMINAL_PROMPT: '0',
          GIT_AUTHOR_DATE: undefined,
          GIT_COMMITTER_DATE: undefined,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} in ${cwd}: ${stderr || stdout || error.message}`))
        else resolve(stdout)
      },
    )
  })
}

/**
 * Makes a bare repository (seeded with one commit so every clone starts on
 * the same branch) and one clone per name, for the team folder carried by
 * git: each member writes only its own files, commits, and races the others
 * to push.
 */
export async function startGitTeam(names: string[], options: { root?: string } = {}): Promise<GitTeam> {
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'hamish-git-team-')))
  const bare = join(root, 'team.git')
  const url = pathToFileURL(bare).href
  await mkdir(bare, { recursive: true })
  await runGit(bare, ['init', '--bare', `--initial-branch=${TEAM_BRANCH}`], root)

  const seed = join(root, 'seed')
  await runGit(root, ['clone', '--quiet', url, seed], root)
  // An empty first commit: the clones start on the branch with a work tree that holds nothing.
  await runGit(
    seed,
    [
      '-c',
      'user.name=seed',
      '-c',
      'user.email=seed@hamish.invalid',
      'commit',
      '--allow-empty',
      '-m',
      'team folder',
    ],
    root,
  )
  await runGit(seed, ['push', '--quiet', 'origin', `HEAD:${TEAM_BRANCH}`], root)
  await rm(seed, { recursive: true, force: true })

  const clones: GitClone[] = []
  for (const name of names) {
    const dir = join(root, name)
    await runGit(root, ['clone', '--quiet', '--branch', TEAM_BRANCH, url, dir], root)
    const git = (args: string[]): Promise<string> => runGit(dir, args, root)
    await git(['config', 'user.name', name])
    await git(['config', 'user.email', `${name}@hamish.invalid`])
    const pull = async (): Promise<void> => {
      try {
        await git(['pull', '--quiet', '--rebase', '--autostash', 'origin', TEAM_BRANCH])
      } catch (error) {
        const conflicted = (await git(['diff', '--name-only', '--diff-filter=U'])).trim()
        await git(['rebase', '--abort']).catch(() => undefined)
        if (conflicted) throw new Error(`merge conflict in ${name}'s clone (${conflicted}): ${String(error)}`)
        throw error
      }
    }
    clones.push({
      name,
      dir,
      git,
      pull,
      async commitAllAndPush(message) {
        await git(['add', '-A'])
        const changed = (await git(['status', '--porcelain'])).trim() !== ''
        if (changed) await git(['commit', '--quiet', '-m', message])
        for (let attempt = 1; ; attempt++) {
          try {
            await git(['push', '--quiet', 'origin', `HEAD:${TEAM_BRANCH}`])
            return { committed: changed, attempts: attempt }
          } catch (error) {
            if (attempt >= 30) throw error
            await pull()
          }
        }
      },
    })
  }
  return {
    bare,
    clones,
    clone(name) {
      const found = clones.find((c) => c.name === name)
      if (!found) throw new Error(`no clone named ${name}`)
      return found
    },
    remove: () => rm(root, { recursive: true, force: true, maxRetries: 5 }),
  }
}
