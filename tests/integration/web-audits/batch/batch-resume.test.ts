import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHarness, pageRows, type Harness } from './audit-harness'
import { startTestSite, type TestSite } from './test-site'

let site: TestSite
beforeAll(async () => {
  site = await startTestSite()
})
afterAll(() => site.close())

describe('an interrupted batch (real Chromium)', () => {
  let h: Harness
  beforeAll(() => {
    h = openHarness()
  })
  afterAll(() => h.close())

  it('resumes where it stopped: no page recorded twice, no result lost', async () => {
    const { batchId, runIds } = h.batch([`${site.origin}/`], { maxDepth: 2, maxPages: 9 })
    // First runner: killed after 3 pages (the app closing mid-batch).
    const kill = new AbortController()
    let recorded = 0
    const first = h.runner({
      signal: kill.signal,
      onPage: () => {
        if (++recorded === 3) kill.abort()
      },
    })
    const stopped = await first.run(batchId)
    expect(stopped.status).toBe('paused')
    const before = pageRows(h.db, batchId)
    const doneBefore = before.filter((r) => r.status === 'done').map((r) => r.url)
    expect(doneBefore.length).toBeGreaterThanOrEqual(3)
    expect(before.some((r) => r.status === 'pending')).toBe(true)
    expect(before.some((r) => r.status === 'running')).toBe(false)

    // A power cut would also leave a claimed page behind with its lease: simulate one that has expired.
    const orphan = before.find((r) => r.status === 'pending')!.url
    h.db
      .prepare(
        `UPDATE audit_pages SET status = 'running', attempts = 1, lease_until = '2000-01-01T00:00:00.000Z' WHERE url = ?`,
      )
      .run(orphan)
    const findingsBefore = h.db
      .prepare('SELECT COUNT(*) FROM findings WHERE audit_run_id = ?')
      .pluck()
      .get(runIds[0])

    h.calls.clear()
    const resumed = await h.runner().run(batchId)
    expect(resumed.status).toBe('completed')
    const after = pageRows(h.db, batchId)
    expect(after.every((r) => r.status === 'done' && r.json !== null)).toBe(true)
    expect(after.map((r) => r.url.replace(site.origin, '')).sort()).toEqual(
      ['/', '/about', '/news', '/news/1', '/news/2', '/news/3', '/services', '/sitemap-only'].sort(),
    )
    // The second runner audited exactly the pages the first had not recorded, the orphan included.
    for (const url of doneBefore) expect(h.calls.has(url)).toBe(false)
    expect(h.calls.get(orphan)).toBe(1)
    expect([...h.calls.values()].every((n) => n === 1)).toBe(true)
    // Findings: those of the first runner kept, none written twice.
    const keys = h.db
      .prepare('SELECT match_key FROM findings WHERE audit_run_id = ?')
      .pluck()
      .all(runIds[0]) as string[]
    expect(keys.length).toBeGreaterThan(findingsBefore as number)
    const perPage = h.db
      .prepare(
        `SELECT json_extract(evidence_json, '$.pageUrl') AS page, COUNT(DISTINCT created_at) AS writes
         FROM findings WHERE audit_run_id = ? GROUP BY page`,
      )
      .all(runIds[0]) as Array<{ writes: number }>
    expect(perPage.every((p) => p.writes === 1)).toBe(true)
  })

  it('relaunches a browser that was killed mid-batch and finishes the batch', async () => {
    const { batchId } = h.batch([`${site.origin}/news`], { maxDepth: 1, maxPages: 7, sitemap: false })
    const launchesBefore = h.browsers.length
    let killed = false
    const launches: string[] = []
    const runner = h.runner({
      onBrowserLaunch: (_g, why) => launches.push(why),
      onPage: () => {
        if (killed) return
        killed = true
        h.browsers[h.browsers.length - 1]!.process()!.kill('SIGKILL')
      },
    })
    const outcome = await runner.run(batchId)
    expect(outcome.status).toBe('completed')
    expect(h.browsers.length - launchesBefore).toBeGreaterThanOrEqual(2)
    expect(launches).toContain('crash')
    const rows = pageRows(h.db, batchId)
    expect(rows.map((r) => r.url.replace(site.origin, '')).sort()).toEqual(
      ['/', '/news', '/news/1', '/news/2', '/news/3'].sort(),
    )
    expect(rows.every((r) => r.status === 'done')).toBe(true)
  })
})
