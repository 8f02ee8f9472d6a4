// Scans the Electron shell with Electronegativity (offline). Fails on any finding that is not a manual-review item;
// manual-review items are listed, and each is explained in the code next to what it flags.
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** Returns { findings, manual, errors } for a folder, with file paths relative to the working directory. */
export async function scanElectron(folder) {
  const run = require('@doyensec/electronegativity')
  const electronVersion = require('electron/package.json').version
  const input = path.resolve(folder)
  const result = await run({
    input,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  })
  const visible = (result.issues ?? []).filter(
    (i) => !(i.visibility && (i.visibility.inlineDisabled || i.visibility.globalCheckDisabled)),
  )
  const describe = (i) =>
    `${i.id} ${path.relative(process.cwd(), path.resolve(input, i.file ?? ''))}:${i.location?.line ?? '?'}`
  return {
    electronVersion,
    findings: visible.filter((i) => !i.manualReview).map(describe),
    manual: visible.filter((i) => i.manualReview).map(describe),
    errors: result.errors ?? [],
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { electronVersion, findings, manual, errors } = await scanElectron(process.argv[2] ?? 'electron')
  for (const m of manual) console.log(`electronegativity: manual review (explained in the code): ${m}`)
  for (const f of findings) console.error(`electronegativity: FINDING: ${f}`)
  for (const e of errors) console.error(`electronegativity: parse error: ${JSON.stringify(e)}`)
  console.log(
    `electronegativity: ${findings.length} findings, ${manual.length} manual-review items (Electron ${electronVersion})`,
  )
  process.exitCode = findings.length > 0 || errors.length > 0 ? 1 : 0
}
