/** Median of a list of numbers: the figure benchmarks report, robust to one slow run. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Rounds for JSON output. */
export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits
