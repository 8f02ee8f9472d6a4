import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Three tiers, as in the README: unit (pure logic), integration (services on temp SQLite / real Chromium),
// e2e (the built renderer driven in Chromium through the HTTP door); plus the security suite.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // One worker per core. vitest's default (cores - 1) is one on the 2-core CI machine. The unit and security
    // tiers run first, their files side by side (group 0); then integration (group 1), then e2e (group 2), each
    // one file at a time (fileParallelism: false): their Chromium and child-process tests have timing limits that
    // two files at once on 2 cores can break, and without groups vitest runs the projects at the same time.
    maxWorkers: '100%',
    projects: [
      {
        // Pure logic, no mocks and no module state a file relies on: one module graph per worker (isolate: false)
        // instead of one per file. Importing each file afresh cost more than running its tests.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The attacks of issue #10 (hostile requests, output paths, damaged databases, hostile text, full disks):
        // run again on every change, so each input keeps being held.
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
