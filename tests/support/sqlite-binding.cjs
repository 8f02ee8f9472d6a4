/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (NODE_OPTIONS=--require) */
// Test-only preload (NODE_OPTIONS=--require …): when CI runs the services' tiers on a second Node.js (the one the
// desktop app requires), load a better-sqlite3 addon built for that Node's ABI instead of node_modules' build,
// which was made for the Node that ran `npm ci`. Nothing is replaced in node_modules. See .ci/node-services.
const Module = require('node:module')
const path = require('node:path')

const replacement = process.env.ACCESS_AUDIT_TEST_SQLITE_ADDON
if (replacement) {
  const suffix = path.join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  const load = Module._extensions['.node']
  Module._extensions['.node'] = function loadNodeAddon(module, filename) {
    return load.call(this, module, filename.endsWith(suffix) ? replacement : filename)
  }
}
