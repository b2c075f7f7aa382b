import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The admin's server components (cms/components/*.tsx) render in specs; tsconfig's `jsx: preserve` is Next's.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/int/**/*.int.spec.ts',
      'tests/security/**/*.{int,e2e}.spec.ts',
      'tests/ops/**/*.{int,e2e}.spec.ts',
      'tests/e2e/**/*.e2e.spec.ts',
    ],
    // Each file gets its own process: the Payload config reads DATABASE_URI/DATA_DIR once per process.
    pool: 'forks',
    isolate: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
})
