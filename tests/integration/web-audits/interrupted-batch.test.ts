import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppCore, openCore } from '../../../electron/core/open-core'
import { createAuditBatch } from '../../../electron/core/web-audits/batch/batch-setup'
import { claimPage, setBatchStatus } from '../../../electron/core/web-audits/store/queue-store'
import { registerPortal } from '../../support/portals'
import { makeTempDir } from '../../support/temp-dir'
import { startTestSite, type TestSite } from './batch/test-site'

/**
 * Issue 10.3: a process killed mid-batch (kill -9, a crash, a power cut) leaves its batch 'running' in the
 * database with a claimed page; the next start of the app or the browser door must offer 继续检测 for it.
 */

let site: TestSite
let dir: string
let cleanup: () => void
beforeAll(async () => {
  site = await startTestSite()
  ;({ dir, cleanup } = makeTempDir('access-audit-interrupted-'))
  process.env.ACCESS_AUDIT_CHROME_ARGS = '--proxy-server=127.0.0.1:9'
})
afterAll(async () => {
  await site.close()
  cleanup()
})

describe('a batch left running by a killed process', () => {
  it('is resumable after the app opens the data folder again, and then finishes', async () => {
    // What a killed runner leaves: the batch 'running', its start page claimed (its lease ran out since: a
    // lease still in force is waited out, up to a minute, before the page is taken over).
    const killed = openCore(dir, 'test')
    const portal = registerPortal(killed.ctx.db, {
      name: '测试门户',
      startUrl: `${site.origin}/clean`,
      maxDepth: 0,
    })
    const now = new Date()
    const { batchId } = createAuditBatch(killed.ctx.db, [{ portal, options: { sitemap: false } }], {}, now)
    setBatchStatus(killed.ctx.db, batchId, 'running', now)
    killed.ctx.db.prepare(`UPDATE audit_runs SET status = 'running' WHERE batch_id = ?`).run(batchId)
    expect(claimPage(killed.ctx.db, batchId, new Date(now.getTime() - 120_000), 60_000, [])).not.toBeNull()
    killed.close()

    // A one-shot command (the CLI) leaves other processes' batches alone.
    const oneShot = openCore(dir, 'test')
    expect((await oneShot.dispatch('cli')('audits:batch', { batchId })).ok).toBe(true)
    expect(oneShot.webAudits.batch(batchId).status).toBe('running')
    oneShot.close()

    const app = openAppCore(dir, 'test')
    try {
      const view = app.webAudits.batch(batchId)
      expect(view).toMatchObject({ status: 'paused', active: false, remaining: 1 })
      const listed = (await app.dispatch('ipc')('audits:batches', {})) as {
        ok: true
        data: Array<{ batchId: number; status: string }>
      }
      expect(listed.data.find((b) => b.batchId === batchId)?.status).toBe('paused')

      const resumed = await app.dispatch('ipc')('audits:resume', { batchId })
      expect(resumed.ok).toBe(true)
      await app.webAudits.settle()
      // The orphaned page's lease is waited out and the page audited once.
      expect(app.webAudits.batch(batchId)).toMatchObject({
        status: 'completed',
        done: 1,
        remaining: 0,
        error: null,
      })
    } finally {
      await app.shutdown()
    }
  })
})
