/**
 * The writer of tests/unit/store/crash.test.ts, bundled once with esbuild and
 * run with plain `node`: `node child.mjs FILE BACKUPS_DIR`. Opens the store,
 * then appends an incrementing counter forever, printing `ack N` after each
 * acknowledged write, until the test SIGKILLs it. Continues from whatever
 * the file holds, so each run picks up where the killed one left off.
 */
import { openJsonStore } from '../../main/store/json-store'

interface Counter {
  counter: number[]
}

const [file, backupsDir] = process.argv.slice(2)
if (!file || !backupsDir) throw new Error('usage: store-crash-child FILE BACKUPS_DIR')

const store = await openJsonStore<Counter>(file, {
  defaults: () => ({ counter: [] }),
  backupsDir,
  validate: (d) => typeof d === 'object' && d !== null && Array.isArray((d as Counter).counter),
  // Never expected: the test fails if the file ever needed recovering.
  onRecovered: (report) => process.stdout.write(`recovered ${JSON.stringify(report)}\n`),
})

let next = (store.data.counter.at(-1) ?? -1) + 1
process.stdout.write(`start ${next}\n`)
for (;;) {
  const n = next
  await store.update((d) => {
    d.counter.push(n)
  })
  // Pipes are synchronous on POSIX: the line is in the pipe before the next write starts.
  process.stdout.write(`ack ${n}\n`)
  next += 1
}
