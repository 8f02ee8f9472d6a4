// The browser door in a process of its own, as `access-audit web` runs it, so an attack that kills Node is seen as
// the process exiting. Usage: node --import tsx door-process.ts <dataDir> <staticDir> <token>
import { openCore } from '../../../electron/core/open-core'
import { startHttpDoor } from '../../../electron/server/http-door'

const [dataDir, staticDir, token] = process.argv.slice(2) as [string, string, string]
const core = openCore(dataDir, 'test')
const door = await startHttpDoor({ dispatch: core.dispatch('http'), token, staticDir, log: () => undefined })
process.stdout.write(`PORT ${door.port}\n`)
process.once('SIGTERM', () => {
  void door
    .close()
    .then(() => core.shutdown())
    .finally(() => process.exit(0))
})
