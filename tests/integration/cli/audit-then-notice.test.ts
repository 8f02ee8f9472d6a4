import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RectificationItemSummary } from '../../../shared/domain/rectification'
import { openAppCore, openCore } from '../../../electron/core/open-core'
import { startHttpDoor } from '../../../electron/server/http-door'
import { runCli } from '../../support/run-cli'
import { makeTempDir } from '../../support/temp-dir'
import { startTestSite, type TestSite } from '../web-audits/batch/test-site'

/**
 * The check, end to end as a user runs it: a fresh data folder, `access-audit audit list.csv --depth 0`
 * on a local page with known barriers where the CSV names a seeded unit, then `access-audit notice <unit> --issue`
 * — the items exist the moment the audit returns, and the PDF names the unit, the number, the page and the
 * WCAG / GB/T 37668 references. The same list through the browser door gives the same items.
 */

const unitName = '乌达区政务服务局'
let site: TestSite
let dir: string
let cleanup: () => void

beforeAll(async () => {
  site = await startTestSite()
  ;({ dir, cleanup } = makeTempDir('access-audit-notice-flow-'))
})
afterAll(async () => {
  await site.close()
  cleanup()
})

const listText = () => `名称,网址,责任单位\n测试区人民政府,${site.origin}/,${unitName}\n`

function itemsOf(dataDir: string): Promise<RectificationItemSummary[]> {
  const core = openCore(dataDir, 'test')
  const unit = core.ctx.db.prepare('SELECT id FROM units WHERE name = ?').pluck().get(unitName) as number
  return core
    .dispatch('cli')('rectification:list', { unitId: unit })
    .then((result) => {
      if (!result.ok) throw new Error(result.error.message)
      return result.data as RectificationItemSummary[]
    })
    .finally(() => core.close())
}

const itemKey = (items: RectificationItemSummary[]) =>
  items.map((i) => `${i.title}|${i.location}|${i.elementCount}`).sort()

describe('a CLI audit, then a notice (real Chromium, local site)', () => {
  const data = () => path.join(dir, 'cli-data')
  let cliItems: RectificationItemSummary[] = []

  it('audits a CSV that names a unit, and notice --issue right after prints the items in a PDF', async () => {
    const list = path.join(dir, 'list.csv')
    fs.writeFileSync(list, listText())
    const audit = await runCli([
      '--data-dir',
      data(),
      'audit',
      list,
      '--depth',
      '0',
      '--screenshots',
      '--min-interval',
      '0',
    ])
    expect(audit.stderr).not.toContain('    at ')
    expect(audit.code).toBe(3)
    expect(audit.stderr).toContain(`已登记网站“测试区人民政府”`)

    // Screenshots go where the app and the notices read them.
    const shots = path.join(data(), 'screenshots', 'run-1')
    expect(fs.readdirSync(shots).some((f) => f.endsWith('.png'))).toBe(true)
    expect(fs.existsSync(path.join(data(), 'audit-screenshots'))).toBe(false)

    cliItems = await itemsOf(data())
    expect(cliItems.length).toBeGreaterThan(0)
    expect(cliItems.every((i) => i.status === 'open' && i.unitName === unitName)).toBe(true)

    // The folder the audit made is a field laptop's (外业终端): this installation becomes the coordinator's.
    const role = await runCli(['--data-dir', data(), 'profile', '--role', 'coordinator'])
    expect(role.code).toBe(0)
    const pdf = path.join(dir, 'n.pdf')
    const notice = await runCli([
      '--data-dir',
      data(),
      'notice',
      unitName,
      '--issue',
      '--format',
      'pdf',
      '--out',
      pdf,
    ])
    expect(notice.stderr).toBe('')
    expect(notice.code).toBe(0)
    expect(notice.stdout).toContain('已签发整改通知书')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '')
    expect(text).toContain(unitName)
    expect(text).toMatch(/〔\d{4}〕1号/)
    expect(text).toContain(site.origin.replace(/\s+/g, ''))
    expect(text).toContain('WCAG')
    expect(text).toContain('GB/T37668')
    expect(text).not.toContain('截图缺失')
  }, 240_000)

  it('the same list through the browser door gives the same items', async () => {
    const doorData = path.join(dir, 'door-data')
    process.env.ACCESS_AUDIT_CHROME_ARGS = '--proxy-server=127.0.0.1:9'
    const core = openAppCore(doorData, 'test')
    const door = await startHttpDoor({ dispatch: core.dispatch('http'), token: 'test-token' })
    const call = async <T>(op: string, input: unknown): Promise<T> => {
      const res = await fetch(new URL(`api/${op}`, door.url), {
        method: 'POST',
        headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
      const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } }
      if (!body.ok) throw new Error(body.error?.message)
      return body.data
    }
    try {
      const imported = await call<{ created: Array<{ id: number }> }>('portals:import', { text: listText() })
      await call('portals:update', {
        ...(await call<Record<string, unknown>>('portals:get', { id: imported.created[0]!.id })),
        maxDepth: 0,
      })
      const batch = await call<{ batchId: number }>('audits:start', { portalIds: [imported.created[0]!.id] })
      await core.webAudits.settle()
      expect(await call<{ status: string }>('audits:batch', { batchId: batch.batchId })).toMatchObject({
        status: 'completed',
      })
    } finally {
      await door.close()
      await core.shutdown()
    }
    expect(itemKey(await itemsOf(doorData))).toEqual(itemKey(cliItems))
  }, 120_000)
})
