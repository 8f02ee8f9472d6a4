// Builds a copy of better-sqlite3 for Electron's ABI into out/native/, leaving node_modules' Node build alone
// (tests and the CLI keep using that one). Needs network access to Electron's headers or prebuilt binaries, so it
// runs before `npm start` and packaging, never in `npm test`.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const target = path.join(root, 'out', 'native')
const binding = path.join(target, 'better_sqlite3.node')
const electronVersion = require('electron/package.json').version
const stamp = path.join(target, 'electron-version.txt')

if (
  process.argv.includes('--if-missing') &&
  fs.existsSync(binding) &&
  fs.readFileSync(stamp, 'utf8') === electronVersion
) {
  process.exit(0)
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'))
const work = path.join(target, 'better-sqlite3')
fs.rmSync(target, { recursive: true, force: true })
fs.mkdirSync(target, { recursive: true })
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) })

const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion }
try {
  // Prebuilt binary for Electron first (fast); compile against Electron's headers if none is published.
  execFileSync('npx', ['--yes', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion], {
    cwd: work,
    env,
    stdio: 'inherit',
  })
} catch {
  execFileSync(
    'npx',
    [
      '--yes',
      'node-gyp',
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, stdio: 'inherit' },
  )
}
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), binding)
fs.writeFileSync(stamp, electronVersion)
fs.rmSync(work, { recursive: true, force: true })
console.log(`better-sqlite3 built for Electron ${electronVersion}: ${path.relative(root, binding)}`)
