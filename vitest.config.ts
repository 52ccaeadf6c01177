import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for the page to catch up; its 1 s default was shorter than a save takes
    // on a loaded 2-core machine, and one early failure left a shared page in a state that failed
    // the tests after it. This is a bound on waiting, not a speed check.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    // e2e files each start a browser; keep the 2-core machine unhurried.
    maxWorkers: 2,
  },
})
