// Opens the data folder as the app does and holds it until killed: the test kills it with SIGKILL, as a crash,
// `kill -9` or a power cut would. Usage: node --import tsx open-and-hold.ts <dataDir>
import { openCore } from '../../../electron/core/open-core'

const core = openCore(process.argv[2]!, 'test')
core.ctx.db.prepare("UPDATE units SET note = '崩溃前的修改' WHERE id = 1").run()
process.stdout.write('OPEN\n')
setInterval(() => undefined, 60_000)
