import { execFileSync } from 'node:child_process'

/** Builds the renderer once for all end-to-end tests, exactly as `npm run web` does before serving it. */
export function setup(): void {
  // vitest sets NODE_ENV=test; the served renderer must be the production build a user gets.
  execFileSync('npm', ['run', 'build:renderer'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
