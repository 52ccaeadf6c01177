import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e files each start a browser; keep the 2-core machine unhurried.
    maxWorkers: 2,
  },
})
