// Imports an exchange package into a data folder and is killed (SIGKILL, as a power cut or a task manager would)
// after `killAt` records have been merged inside the import's transaction. Usage:
//   node tests/support/import-then-die.mjs <dataDir> <package.zip> <killAt>
import fs from 'node:fs'
import { register } from 'tsx/esm/api'

register()
const [dataDir, file, killAt] = process.argv.slice(2)
const { openCore } = await import('../../electron/core/open-core.ts')
const { createPhotoStore } = await import('../../electron/core/photos/photo-store.ts')
const { importPackage } = await import('../../electron/core/exchange/exchange-import.ts')
const core = openCore(dataDir, 'test')
const bytes = fs.readFileSync(file)
await importPackage(
  { ctx: core.ctx, photos: createPhotoStore(dataDir) },
  { fileName: 'p.zip', dataBase64: bytes.toString('base64') },
  {
    onRecord: (n) => {
      if (n === Number(killAt)) process.kill(process.pid, 'SIGKILL')
    },
  },
)
process.stdout.write('import finished without being killed\n')
