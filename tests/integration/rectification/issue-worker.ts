import fs from 'node:fs'
import path from 'node:path'
import { openCore } from '../../../electron/core/open-core'

/**
 * A separate process issuing notices on the same data folder (run with `node --import tsx`): argv = data folder,
 * unit id, JSON list of item ids, barrier folder, number of processes. Opens the database, then waits at a file
 * barrier until every process is ready, so they really write at the same moment; issues one notice per item, and prints the sequence
 * numbers it got and when it started and finished, as JSON.
 */
const [dataDir, unitId, itemIdsJson, barrier, parties] = process.argv.slice(2)
const core = openCore(dataDir!, 'test-worker')
const dispatch = core.dispatch('cli')
fs.writeFileSync(path.join(barrier!, `ready-${process.pid}`), '')
while (fs.readdirSync(barrier!).length < Number(parties)) {
  await new Promise((resolve) => setTimeout(resolve, 2))
}
const startedAt = Date.now()
const seqs: number[] = []
const errors: string[] = []
for (const itemId of JSON.parse(itemIdsJson!) as number[]) {
  const result = await dispatch('notices:issue', {
    unitId: Number(unitId),
    itemIds: [itemId],
    issuedOn: '2026-11-28',
    deadline: '2026-12-28',
  })
  if (result.ok) seqs.push((result.data as { seq: number }).seq)
  else errors.push(result.error.message)
}
const finishedAt = Date.now()
await core.shutdown()
process.stdout.write(JSON.stringify({ seqs, errors, startedAt, finishedAt }))
