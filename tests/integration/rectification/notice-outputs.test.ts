import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEvidenceLoader } from '../../../electron/core/rectification/notice-evidence-loader'
import { noticeFileName, safeFileName } from '../../../electron/core/rectification/notice-exports'
import { openTestCore, type TestCore } from '../../support/test-core'
import { seededUnit, webRun } from './fixtures'

let t: TestCore
let unit: { id: number; name: string }
const hostile = '<img src=x onerror=alert(1)>'

beforeEach(async () => {
  t = openTestCore()
  unit = await seededUnit(t, '住房和城乡建设局')
})
afterEach(() => t.close())

async function issueWebNotice() {
  const portal = await t.call('portals:create', {
    name: '区政府门户',
    startUrl: 'https://gov.example/',
    unitId: unit.id,
  })
  const runId = webRun(t, portal.id, [
    {
      url: 'https://gov.example/',
      rules: { 'color-contrast': [{ selector: 'p.evil', html: hostile, fingerprint: 'f1' }] },
    },
  ])
  await t.call('rectification:sync', {})
  const itemIds = (await t.call('rectification:list', { unitId: unit.id })).map((i) => i.id)
  const notice = await t.call('notices:issue', {
    unitId: unit.id,
    itemIds,
    issuedOn: '2026-11-28',
    deadline: '2026-12-28',
  })
  return { notice, runId }
}

describe('notice outputs', () => {
  it('the print HTML carries the number, unit and clause, with the hostile snippet escaped', async () => {
    const { notice } = await issueWebNotice()
    const { html } = await t.call('notices:html', { id: notice.id })
    expect(html).toContain('乌残无障碍整改〔2026〕1号')
    expect(html).toContain(unit.name)
    expect(html).toContain('1.4.3')
    expect(html).not.toContain(hostile)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('previews without a number and without saving', async () => {
    const portal = await t.call('portals:create', {
      name: '区政府门户',
      startUrl: 'https://gov.example/',
      unitId: unit.id,
    })
    webRun(t, portal.id, [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [{ selector: 'p', html: '<p>x</p>', fingerprint: 'f' }] },
      },
    ])
    await t.call('rectification:sync', {})
    const itemIds = (await t.call('rectification:list', { unitId: unit.id })).map((i) => i.id)
    const preview = await t.call('notices:preview', {
      unitId: unit.id,
      itemIds,
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    expect(preview.document.number).toBeNull()
    expect(preview.html).toContain(unit.name)
    expect(await t.call('notices:list', {})).toEqual([])
    expect(t.core.ctx.db.prepare('SELECT COUNT(*) FROM notice_sequences').pluck().get()).toBe(0)
    expect((await t.call('rectification:list', { unitId: unit.id }))[0]!.status).toBe('open')
  })

  it('exports the items as an Excel sheet and the notice as Word, named after the number and unit', async () => {
    const { notice } = await issueWebNotice()
    const xlsx = await t.call('notices:export', { id: notice.id, format: 'xlsx' })
    expect(xlsx.fileName).toBe(`整改项清单-乌残无障碍整改〔2026〕1号-${unit.name}.xlsx`)
    expect(xlsx.mimeType).toContain('spreadsheetml')
    const bytes = Buffer.from(xlsx.base64, 'base64')
    expect(bytes.byteLength).toBe(xlsx.byteLength)
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
    const docx = await t.call('notices:export', { id: notice.id, format: 'docx' })
    expect(docx.fileName).toBe(`整改通知书-乌残无障碍整改〔2026〕1号-${unit.name}.docx`)
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('names unknown notices NOT_FOUND', async () => {
    expect((await t.fail('notices:export', { id: 999, format: 'pdf' })).code).toBe('NOT_FOUND')
    expect((await t.fail('notices:html', { id: 999 })).code).toBe('NOT_FOUND')
  })

  it('loads screenshots under the screenshot folder only, and a missing file as null', async () => {
    const shots = path.join(t.dir, 'screenshots', 'run-1')
    fs.mkdirSync(shots, { recursive: true })
    fs.writeFileSync(path.join(shots, 'p1-0.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    fs.writeFileSync(path.join(t.dir, 'secret.png'), 'secret')
    const loader = createEvidenceLoader({
      dataDir: t.dir,
      photos: { exists: () => false, thumbnailPath: () => null, printRenditionPath: async () => null },
      readFile: (file) => fs.promises.readFile(file),
    })
    expect(await loader({ kind: 'screenshot', ref: 'run-1/p1-0.png' })).toMatchObject({
      mimeType: 'image/png',
    })
    expect(await loader({ kind: 'screenshot', ref: '../secret.png' })).toBeNull()
    expect(await loader({ kind: 'screenshot', ref: path.join(t.dir, 'secret.png') })).toBeNull()
    expect(await loader({ kind: 'screenshot', ref: 'run-1/gone.png' })).toBeNull()
    expect(await loader({ kind: 'photo', ref: 'a'.repeat(64) })).toBeNull()
  })
})

describe('file names', () => {
  it('replaces what Windows refuses in file names', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j')
    expect(safeFileName('通知书. ')).toBe('通知书')
    expect(noticeFileName({ number: '〔2026〕第3号', unitName: '区住建局/物业' }, 'pdf')).toBe(
      '整改通知书-〔2026〕第3号-区住建局_物业.pdf',
    )
  })
})
