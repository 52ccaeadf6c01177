/**
 * The appender of tests/unit/store/append-log.test.ts's crash test, bundled
 * with esbuild and run as `node child.mjs FILE`: opens the log, then appends
 * an incrementing counter (sometimes two records at once) forever, printing
 * `ack N` after each acknowledged append, until the test SIGKILLs it.
 */
import { AppendLog } from '../../main/store/append-log'

const [file] = process.argv.slice(2)
if (!file) throw new Error('usage: append-log-crash-child FILE')

const isCounter = (v: unknown): v is { n: number; pad: string } =>
  typeof v === 'object' && v !== null && typeof (v as { n: unknown }).n === 'number'

const { log, records } = await AppendLog.open(file, {
  isRecord: isCounter,
  onRepaired: (repair) => process.stdout.write(`repaired ${repair.kind} ${repair.unreadable}\n`),
})
let next = (records.at(-1)?.n ?? -1) + 1
process.stdout.write(`start ${next} ${records.length}\n`)
for (;;) {
  const batch = next % 3 === 0 ? [next, next + 1] : [next]
  // Records of a few KB, so a kill can land inside one.
  await log.append(batch.map((n) => ({ n, pad: 'هامش'.repeat(200 + (n % 7) * 100) })))
  process.stdout.write(`ack ${batch.at(-1)}\n`)
  next = batch.at(-1)! + 1
}
