import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { openCore } from '../../../electron/core/open-core'
import { photosDirName } from '../../../electron/core/photos/photo-paths'
import { insertWebFindings, type WebFindingRow } from '../../../electron/core/web-audits/runs/web-findings'
import { webRuleText } from '../../../shared/web/rule-texts'

/** What a hostile audited page put in its markup; it must reach the screen as text only. */
export const hostileSnippet = '<img src=x onerror=alert(1)>'

export interface RectificationSeed {
  unitName: string
  placeName: string
  portalName: string
  siteTitle: string
  webTitle: string
}

/**
 * A data folder with two findings of one unit, made through the real core before the door opens it: a submitted
 * site inspection whose ramp is too steep, and a web audit run whose finding carries a hostile HTML snippet
 * (inserted as the audit batch runner inserts it, without crawling a site).
 */
export async function seedRectificationData(dataDir: string): Promise<RectificationSeed> {
  const core = openCore(dataDir, 'e2e')
  const dispatch = core.dispatch('cli')
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(name as never, input as never)
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
    return result.data as T
  }
  try {
    // The coordinator's installation: the screens issue numbered notices.
    await call('team:saveProfile', { role: 'coordinator' })
    const unit = (await call<Array<{ id: number; name: string }>>('units:list', {}))[0]!
    const placeName = '新华街政务服务大厅'
    const place = await call<{ id: number }>('places:create', {
      name: placeName,
      type: 'government-service-hall',
      address: '乌达区新华街 8 号',
      unitId: unit.id,
    })
    let insp = await call<{ id: number; version: number; elements: Array<{ id: number }> }>(
      'inspections:create',
      { placeId: place.id, inspectedOn: '2026-03-02', inspectors: '张伟' },
    )
    insp = await call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: 'ramp',
      label: '北门坡道',
    })
    insp = await call('inspections:saveCheck', {
      elementId: insp.elements[0]!.id,
      baseVersion: insp.version,
      checkId: 'ramp.slope',
      // 1:8 read on an inclinometer: rise and run are shared by the ramp's checks and would also judge 每段高差.
      inputs: { gradient: { value: 8, unit: 'ratio' } },
    })
    // A photo as evidence, whose file then goes missing from the data folder (a restored backup without photos).
    const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#5a8cc8' } })
      .jpeg()
      .toBuffer()
    insp = await call('inspections:attachPhoto', {
      elementId: insp.elements[0]!.id,
      baseVersion: insp.version,
      fileName: '北门坡道.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    await call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    fs.rmSync(path.join(dataDir, photosDirName), { recursive: true, force: true })

    const portalName = '乌达区政务服务网'
    const portal = await call<{ id: number; unitId: number | null }>('portals:create', {
      name: portalName,
      startUrl: 'https://zwfw.wuda.example.gov.cn/',
      unitId: unit.id,
    })
    const now = new Date()
    const run = core.ctx.db
      .prepare(
        `INSERT INTO audit_runs (portal_id, start_url, status, score, created_at, started_at, finished_at)
         VALUES (?, ?, 'completed', 72, ?, ?, ?)`,
      )
      .run(
        portal.id,
        'https://zwfw.wuda.example.gov.cn/',
        now.toISOString(),
        now.toISOString(),
        now.toISOString(),
      )
    const row: WebFindingRow = {
      severity: 'major',
      needsReview: false,
      title: '图片必须有替代文本（image-alt）',
      detail: '确保 <img> 元素有替代文本\n页面：首页 https://zwfw.wuda.example.gov.cn/',
      clauses: [
        { code: 'WCAG 2.2', clause: '1.1.1', mandatory: false },
        { code: 'GB/T 37668-2019', clause: '7.1.1', mandatory: false },
      ],
      evidence: {
        pageUrl: 'https://zwfw.wuda.example.gov.cn/',
        selector: 'body > img:nth-child(2)',
        html: hostileSnippet,
      },
      ruleId: 'image-alt',
      matchKey: `web:portal:${portal.id}:image-alt:https://zwfw.wuda.example.gov.cn/:e2e-fingerprint`,
    }
    insertWebFindings(core.ctx.db, portal, Number(run.lastInsertRowid), [row], now)
    return {
      unitName: unit.name,
      placeName,
      portalName,
      siteTitle: '北门坡道：轮椅坡道纵向坡度',
      // The item is named in the team's words for the rule, not by the finding's title with its rule id.
      webTitle: webRuleText(row.ruleId)!.title,
    }
  } finally {
    core.close()
  }
}
