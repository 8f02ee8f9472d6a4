// A process that launches the audit browser the way the app does and then waits to be killed: it prints the
// browser's pid. Run with node; tsx loads the TypeScript.
import { register } from 'tsx/esm/api'

register()
const { launchBrowser } = await import('../../../electron/core/browser/browser-provider.ts')
const { browser } = await launchBrowser({ extraArgs: ['--proxy-server=127.0.0.1:9'] })
process.stdout.write(`${browser.process()?.pid}\n`)
setInterval(() => undefined, 60_000)
