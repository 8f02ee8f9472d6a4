#!/usr/bin/env node
// Runs the npm scripts it is given at the same time (one per core on the 2-core CI machine), prints each one's
// output in one piece when it ends, and exits non-zero if any failed. `npm test` runs typecheck and lint this way:
// each is single-threaded, so one after the other left a core idle for about two minutes.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: run-parallel.mjs <npm script> [<npm script> …]')
  process.exit(2)
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now()
      const child = spawn(npm, ['run', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      })
      const chunks = []
      child.stdout.on('data', (c) => chunks.push(c))
      child.stderr.on('data', (c) => chunks.push(c))
      child.once('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)))
      child.once('close', (code, signal) => {
        const seconds = ((Date.now() - started) / 1000).toFixed(1)
        const ok = code === 0
        process.stdout.write(
          `\n> npm run ${script} (${seconds} s): ${ok ? 'ok' : `failed (${signal ?? code})`}\n`,
        )
        process.stdout.write(Buffer.concat(chunks))
        resolve(ok)
      })
    }),
)

const results = await Promise.all(runs)
process.exitCode = results.every(Boolean) ? 0 : 1
