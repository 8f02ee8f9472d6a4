import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CategoryId } from '../../../shared/catalog'
import type { Inspection } from '../../../shared/domain/inspections'
import type { TestCore } from '../../support/test-core'
import { createPlace, seededUnit } from '../rectification/fixtures'
import { makeJpeg } from './sample-notice'

/**
 * The two notices the golden tests read: one to a unit responsible for a place (a library inspected on site), one
 * to a unit responsible for a portal (audited by the real auditor on a local fixture site). Both go through the
 * app's own operations, from the record to the issued notice, so the texts are the ones a unit would receive.
 */

export const noticeDates = { inspectedOn: '2026-03-02', issuedOn: '2026-03-05', deadline: '2026-04-04' }
export const contact = '联系人：王晓明　电话：0473-3012345'
export const copyTo = '乌达区住房和城乡建设局，乌达区残疾人联合会'

const mm = (value: number) => ({ value, unit: 'mm' })

interface ElementPlan {
  category: CategoryId
  label: string
  checks: Record<string, Record<string, unknown>>
  photoHue?: number
}

/** A library: a ramp failing three checks on one photo, a toilet without a call button, a door with a step. */
const libraryPlan: ElementPlan[] = [
  {
    category: 'ramp',
    label: '北入口坡道',
    photoHue: 30,
    checks: {
      'ramp.slope': { rise: mm(300), run: mm(2400) },
      'ramp.clear-width': { width: mm(900) },
      'ramp.handrails': { rise: mm(300), run: mm(2400), bothSides: false, continuous: false },
    },
  },
  {
    category: 'toilet-room',
    label: '一层无障碍厕所',
    photoHue: 200,
    checks: {
      'toilet-room.call-button': { present: false },
      'toilet-room.door-width': { width: mm(700), project: 'existing' },
    },
  },
  { category: 'door', label: '东侧入口门', checks: { 'door.threshold': { step: mm(30) } } },
]

export async function issueSiteNotice(t: TestCore): Promise<{ noticeId: number; unitName: string }> {
  const unit = await seededUnit(t, '文化旅游体育局')
  const placeId = await createPlace(t, '乌达区图书馆', unit.id)
  let insp: Inspection = await t.call('inspections:create', {
    placeId,
    inspectedOn: noticeDates.inspectedOn,
    inspectors: '张三、李四',
  })
  for (const plan of libraryPlan) {
    insp = await t.call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: plan.category,
      label: plan.label,
    })
    const element = insp.elements.find((e) => e.label === plan.label)!
    for (const [checkId, inputs] of Object.entries(plan.checks)) {
      insp = await t.call('inspections:saveCheck', {
        elementId: element.id,
        baseVersion: insp.version,
        checkId,
        inputs: inputs as never,
      })
    }
    if (plan.photoHue !== undefined) {
      insp = await t.call('inspections:attachPhoto', {
        elementId: element.id,
        baseVersion: insp.version,
        fileName: `${plan.label}.jpg`,
        dataBase64: Buffer.from(await makeJpeg(640, 480, plan.photoHue)).toString('base64'),
      })
    }
  }
  await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
  return { noticeId: await issueAll(t, unit.id), unitName: unit.name }
}

async function issueAll(t: TestCore, unitId: number): Promise<number> {
  await t.call('rectification:sync', {})
  const items = await t.call('rectification:list', { unitId })
  const notice = await t.call('notices:issue', {
    unitId,
    itemIds: items.map((i) => i.id),
    issuedOn: noticeDates.issuedOn,
    deadline: noticeDates.deadline,
    contact,
  })
  return notice.id
}

/**
 * A portal whose home page overlaps rules on purpose (no lang: html-has-lang and aa-html-lang; light grey text:
 * color-contrast and aa-ageing-contrast; a timed refresh: meta-refresh and aa-timed-refresh; a marquee: marquee and
 * aa-html-conformance), plus an image without alt, a nameless button and an unlabelled input on a second page.
 */
const portalPages: Record<string, string> = {
  '/': `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="600">
<title>乌达区政务服务网</title></head><body><main><h1>乌达区政务服务网</h1>
<p style="color:#bbbbbb;background:#ffffff">办事指南：请携带身份证原件到一楼大厅办理。</p>
<marquee>通知公告：本周六照常办公。</marquee>
<img src="/banner.png" width="300" height="80">
<a href="/service.html">在线办事</a></main></body></html>`,
  '/service.html': `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>在线办事</title></head>
<body><main><h1>在线办事</h1><form><input type="text" name="q"><button type="submit"><svg width="16" height="16"></svg></button></form>
</main></body></html>`,
}

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

export async function startPortal(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/banner.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' })
      res.end(png)
      return
    }
    const page = portalPages[path]
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(page ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export async function issueWebNotice(
  t: TestCore,
  origin: string,
): Promise<{ noticeId: number; unitName: string }> {
  const unit = await seededUnit(t, '政务服务局')
  const portal = await t.call('portals:create', {
    name: '乌达区政务服务网',
    startUrl: `${origin}/`,
    unitId: unit.id,
    maxPages: 5,
    maxDepth: 1,
  })
  const started = await t.call('audits:start', { portalIds: [portal.id], concurrency: 1 })
  await t.core.webAudits.settle()
  const batch = await t.call('audits:batch', { batchId: started.batchId })
  if (batch.status !== 'completed') throw new Error(`audit ended ${batch.status}: ${batch.error ?? ''}`)
  return { noticeId: await issueAll(t, unit.id), unitName: unit.name }
}
