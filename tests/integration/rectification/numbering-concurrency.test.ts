import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit } from './fixtures'

const run = promisify(execFile)
const worker = fileURLToPath(new URL('./issue-worker.ts', import.meta.url))

let t: TestCore

beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.close())

interface WorkerResult {
  seqs: number[]
  errors: string[]
  startedAt: number
  finishedAt: number
}

async function issueFromProcess(unitId: number, itemIds: number[], barrier: string): Promise<WorkerResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', worker, t.dir, String(unitId), JSON.stringify(itemIds), barrier, '2'],
    {
      timeout: 60_000,
    },
  )
  return JSON.parse(stdout) as WorkerResult
}

describe('notice numbers under concurrent saves', () => {
  it('two processes issuing at the same time on one database get distinct consecutive numbers, no gaps', async () => {
    const unit = await seededUnit(t, '住房和城乡建设局')
    const placeId = await createPlace(t, '区政务服务大厅', unit.id)
    const labels = Array.from({ length: 40 }, (_, i) => `坡道${i + 1}`)
    await inspect(
      t,
      placeId,
      '2026-11-20',
      labels.map((label) => ({ label, slope: failing })),
    )
    const ids = (await t.call('rectification:list', { placeId })).map((i) => i.id)
    expect(ids).toHaveLength(40)
    // Both processes begin issuing together, once both have opened the database (a file barrier).
    const barrier = fs.mkdtempSync(path.join(t.dir, 'barrier-'))
    const [a, b] = await Promise.all([
      issueFromProcess(
        unit.id,
        ids.filter((_, i) => i % 2 === 0),
        barrier,
      ),
      issueFromProcess(
        unit.id,
        ids.filter((_, i) => i % 2 === 1),
        barrier,
      ),
    ])
    expect([...a.errors, ...b.errors]).toEqual([])
    // The two writers really overlapped in time.
    expect(a.startedAt < b.finishedAt && b.startedAt < a.finishedAt).toBe(true)
    const all = [...a.seqs, ...b.seqs].sort((x, y) => x - y)
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const numbers = (await t.call('notices:list', { unitId: unit.id })).map((n) => n.number)
    expect(new Set(numbers).size).toBe(40)
    expect(
      t.core.ctx.db.prepare('SELECT last_seq FROM notice_sequences WHERE year = 2026').pluck().get(),
    ).toBe(40)
    // Every item is on exactly one notice.
    const onNotices = (await t.call('rectification:list', { unitId: unit.id, status: 'notified' })).length
    expect(onNotices).toBe(40)
  })
})
