import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditBatchView } from '../../../shared/domain/audits'
import { openTestCore, type TestCore } from '../../support/test-core'

// A tiny portal on 127.0.0.1: the home page links to a page with an image without alt and to a broken page.
let fixed = false
const pages: Record<string, () => [number, string]> = {
  '/': () => [200, '<a href="/news.html">新闻</a> <a href="/broken.html">办事</a>'],
  '/news.html': () => [
    200,
    fixed
      ? '<img src="/x.png" alt="区政府大楼">'
      : '<img src="/x.png"><p>&lt;img src=x onerror=alert(1)&gt;</p>',
  ],
  '/broken.html': () => [500, '服务器错误'],
}
const server = http.createServer((req, res) => {
  const page = pages[new URL(req.url ?? '/', 'http://x').pathname]
  const [status, body] = page ? page() : [404, 'not found']
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(
    `<!doctype html><html lang="zh-CN"><head><title>测试门户</title></head><body><main><h1>测试门户</h1>${body}</main></body></html>`,
  )
})

let t: TestCore
let origin: string

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.ACCESS_AUDIT_CHROME_ARGS = '--proxy-server=127.0.0.1:9'
  t = openTestCore()
})
afterAll(async () => {
  await t.core.shutdown().catch(() => undefined)
  server.close()
})

async function runToEnd(portalId: number): Promise<AuditBatchView> {
  const started = await t.call('audits:start', { portalIds: [portalId], concurrency: 2 })
  expect(started.total).toBeGreaterThanOrEqual(1)
  await t.core.webAudits.settle()
  return t.call('audits:batch', { batchId: started.batchId })
}

describe('website audits through the API', () => {
  it('runs a batch in the background, records failures, drills down by rule and compares runs', async () => {
    const portal = await t.call('portals:create', {
      name: '测试门户',
      startUrl: `${origin}/`,
      maxPages: 10,
      maxDepth: 2,
    })
    const first = await runToEnd(portal.id)
    expect(first).toMatchObject({ status: 'completed', active: false, error: null })
    expect(first.done + first.failed).toBe(3)
    expect(first.failed).toBe(1)

    const [run] = await t.call('audits:runs', { portalId: portal.id })
    const detail = await t.call('audits:run', { runId: run!.runId })
    expect(detail.failedPages).toEqual([
      expect.objectContaining({ url: `${origin}/broken.html`, reason: 'http-status', status: 500 }),
    ])
    const imageAlt = detail.rules.find((r) => r.ruleId === 'image-alt' && !r.needsReview)
    expect(imageAlt?.refs.wcag).toContain('1.1.1')
    expect(imageAlt?.description).toMatch(/[\u4e00-\u9fa5]/) // zh_CN locale of axe
    expect(imageAlt?.pages[0]?.url).toBe(`${origin}/news.html`)
    expect(imageAlt?.pages[0]?.nodes[0]?.html).toContain('<img')
    expect(detail.summary?.pages.failed).toBe(1)
    expect(typeof detail.score).toBe('number')

    const findings = await t.call('findings:list', { source: 'web' })
    expect(findings.some((f) => f.matchKey.includes('image-alt'))).toBe(true)

    fixed = true
    await runToEnd(portal.id)
    const runs = await t.call('audits:runs', { portalId: portal.id })
    expect(runs).toHaveLength(2)
    const comparison = await t.call('audits:compare', { runId: runs[0]!.runId })
    expect(comparison.previousRunId).toBe(run!.runId)
    expect(comparison.findings.find((f) => f.ruleId === 'image-alt')?.change).toBe('fixed')
  })

  it('keeps a guided manual checklist per portal; a fail becomes a finding, a later pass withdraws it', async () => {
    const portal = await t.call('portals:create', { name: '手工检查门户', startUrl: `${origin}/manual/` })
    const list = await t.call('audits:manualChecklist', { portalId: portal.id })
    expect(list.length).toBeGreaterThan(10)
    const item = list.find((c) => c.criterion === '1.2.2') ?? list[0]!
    expect(item.prompt).toMatch(/[\u4e00-\u9fa5]/)
    await t.call('audits:answerManual', {
      portalId: portal.id,
      checkId: item.checkId,
      status: 'fail',
      note: '新闻视频无字幕',
    })
    const findings = await t.call('findings:list', { source: 'web' })
    const manual = findings.filter((f) => f.checkId === `manual:${item.checkId}`)
    expect(manual).toHaveLength(1)
    expect(manual[0]?.detail).toContain('新闻视频无字幕')
    const answered = await t.call('audits:answerManual', {
      portalId: portal.id,
      checkId: item.checkId,
      status: 'pass',
    })
    expect(answered.find((c) => c.checkId === item.checkId)?.status).toBe('pass')
    expect(
      (await t.call('findings:list', { source: 'web' })).filter(
        (f) => f.checkId === `manual:${item.checkId}`,
      ),
    ).toEqual([])
  })

  it('refuses to start a batch without portals, in zh-CN', async () => {
    const error = await t.fail('audits:start', { portalIds: [] })
    expect(error.fields?.[0]?.message).toBe('网站：请至少选择一个网站')
  })

  it('refuses an archived portal, names it, and creates no batch; restored, it can be audited', async () => {
    const active = await t.call('portals:create', { name: '在用门户', startUrl: `${origin}/?a`, maxPages: 1 })
    const archived = await t.call('portals:create', { name: '旧门户', startUrl: `${origin}/?b`, maxPages: 1 })
    await t.call('portals:setArchived', { id: archived.id, archived: true })
    const batchesBefore = t.core.ctx.db.prepare('SELECT COUNT(*) FROM audit_batches').pluck().get()

    const error = await t.fail('audits:start', { portalIds: [active.id, archived.id] })
    expect(error.code).toBe('INVALID_STATE')
    expect(error.message).toBe('网站“旧门户”已归档，不能检测；如需检测，请先在该网站页面点“恢复”')
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) FROM audit_batches').pluck().get()).toBe(batchesBefore)

    await t.call('portals:setArchived', { id: archived.id, archived: false })
    const batch = await runToEnd(archived.id)
    expect(batch.status).toBe('completed')
  })
})
