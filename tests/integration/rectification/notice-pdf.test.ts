import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestCore, type TestCore } from '../../support/test-core'
import { smallJpeg } from '../photos/test-photos'
import { createPlace, failing, seededUnit, slopeReading } from './fixtures'

/** From findings with photos to a PDF through the real Chromium renderer; a photo gone from disk prints as missing. */

let t: TestCore

beforeAll(() => {
  process.env.ACCESS_AUDIT_CHROME_ARGS = '--proxy-server=127.0.0.1:9'
  t = openTestCore()
})
afterAll(async () => {
  await t.core.shutdown().catch(() => undefined)
  fs.rmSync(t.dir, { recursive: true, force: true })
})

describe('notice PDF', () => {
  it('contains the unit, the number, the items and the clauses; a missing photo does not break it', async () => {
    const unit = await seededUnit(t, '住房和城乡建设局')
    const placeId = await createPlace(t, '区政务服务大厅', unit.id)
    let insp = await t.call('inspections:create', { placeId, inspectedOn: '2026-11-20', inspectors: '张三' })
    for (const label of ['北门坡道', '南门坡道']) {
      insp = await t.call('inspections:addElement', {
        inspectionId: insp.id,
        baseVersion: insp.version,
        category: 'ramp',
        label,
      })
      const element = insp.elements.find((e) => e.label === label)!
      insp = await t.call('inspections:saveCheck', {
        elementId: element.id,
        baseVersion: insp.version,
        checkId: 'ramp.slope',
        inputs: slopeReading(failing),
      })
      insp = await t.call('inspections:attachPhoto', {
        elementId: element.id,
        baseVersion: insp.version,
        fileName: `${label}.jpg`,
        dataBase64: (await smallJpeg(label === '北门坡道' ? '#c33' : '#33c')).toString('base64'),
      })
    }
    await t.call('inspections:submit', { id: insp.id, baseVersion: insp.version })
    const listed = await t.call('rectification:list', { unitId: unit.id })
    expect(listed).toHaveLength(2)
    const items = await Promise.all(listed.map((i) => t.call('rectification:get', { id: i.id })))
    expect(items.every((i) => i.evidence.length === 1 && i.evidence[0]!.kind === 'photo')).toBe(true)

    // One photo's files vanish from the data folder.
    const gone = items.find((i) => i.location.endsWith('南门坡道'))!.evidence[0]!.ref
    for (const file of fs.readdirSync(t.dir, { recursive: true }) as string[]) {
      if (path.basename(file).startsWith(gone)) fs.rmSync(path.join(t.dir, file))
    }

    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: items.map((i) => i.id),
      issuedOn: '2026-11-28',
      deadline: '2026-12-28',
    })
    const pdf = await t.call('notices:export', { id: notice.id, format: 'pdf' })
    expect(pdf.fileName).toBe(`整改通知书-乌残无障碍整改〔2026〕第1号-${unit.name}.pdf`)
    const file = path.join(t.dir, 'notice.pdf')
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'))
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+[1-9]/)
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '')
    expect(text).toContain(unit.name)
    expect(text).toContain('〔2026〕第1号')
    expect(text).toContain('北门坡道')
    expect(text).toContain('南门坡道')
    expect(text).toContain('GB55019-2021')
    expect(text).toContain('照片缺失')
  })
})
