import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { travellingTables } from '../../../electron/core/db/global-identity'
import { latestSchemaVersion } from '../../../electron/core/db/migrations/index'
import type { ExchangeImportReport } from '../../../shared/domain/exchange'
import { openTestCore, type TestCore } from '../../support/test-core'
import { runCli } from '../../support/run-cli'
import { smallJpeg } from '../photos/test-photos'
import { createPlace, failing, inspect, seededUnit, webRun } from '../rectification/fixtures'

/**
 * Exchange packages between three data folders: two field laptops (A: 李娜, B: 王强) and the coordinator's
 * installation (C: 张伟). Round trips, repeated imports, a one-sided change, a conflict decided by a person, a notice
 * issued at the coordinator from both laptops' inspections, and packages refused whole (tampered, truncated, from a
 * newer schema, unsigned or signed with another key, an import killed half-way) with nothing changed.
 */

let A: TestCore
let B: TestCore
let C: TestCore
let unit: { id: number; name: string }
let placeAtC: number

beforeAll(async () => {
  A = openTestCore({}, { role: 'field' })
  B = openTestCore({}, { role: 'field' })
  C = openTestCore({}, { role: 'coordinator' })
  await A.call('team:saveProfile', { profileName: '李娜' })
  await B.call('team:saveProfile', { profileName: '王强' })
  await C.call('team:saveProfile', { profileName: '张伟' })
  unit = await seededUnit(C, '住房和城乡建设局')
})
afterAll(() => {
  for (const t of [A, B, C]) t.close()
})

async function exportFrom(t: TestCore, since?: string): Promise<Buffer> {
  const file = await t.call('exchange:export', since ? { since } : {})
  expect(file.mimeType).toBe('application/zip')
  return Buffer.from(file.base64, 'base64')
}

function importInto(t: TestCore, bytes: Buffer): Promise<ExchangeImportReport> {
  return t.call('exchange:import', { fileName: 'work.zip', dataBase64: bytes.toString('base64') })
}

async function transfer(from: TestCore, to: TestCore): Promise<ExchangeImportReport> {
  return importInto(to, await exportFrom(from))
}

const exchangeTables = ['exchange_aliases', 'exchange_imports', 'exchange_conflicts', 'exchange_versions']

/**
 * Every travelling record and every exchange table of a data folder, to show that nothing changed. `records`: the
 * travelling tables only (an import that changes nothing still notes when it compared them).
 */
function snapshot(t: TestCore, what: 'all' | 'records' = 'all'): string {
  const db = t.core.ctx.db
  const tables = what === 'all' ? [...travellingTables, ...exchangeTables] : travellingTables
  return JSON.stringify(tables.map((name) => db.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all()))
}

const count = (r: ExchangeImportReport, table: string) => r.tables.find((x) => x.table === table)

const hallId = (t: TestCore) =>
  t.core.ctx.db.prepare("SELECT id FROM places WHERE name = '区政务服务大厅'").pluck().get() as number

/** Changes some fields of the hall through the service, as its edit form does. */
async function editHall(t: TestCore, patch: { address?: string; note?: string }): Promise<void> {
  const p = await t.call('places:get', { id: hallId(t) })
  await t.call('places:update', {
    id: p.id,
    version: p.version,
    name: p.name,
    type: p.type,
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    unitId: p.unitId,
    note: p.note,
    ...patch,
  })
}

describe('exchange packages between two field laptops and the coordinator', () => {
  it('the coordinator’s registry reaches both laptops; the seeded units are recognised as the same units', async () => {
    placeAtC = await createPlace(C, '区政务服务大厅', unit.id)
    for (const laptop of [A, B]) {
      const report = await transfer(C, laptop)
      expect(report.signature).toBe('unsigned')
      expect(report.origin.inspector).toBe('张伟')
      expect(report.totals.conflict).toBe(0)
      expect(count(report, 'places')).toMatchObject({ new: 1 })
      // Each data folder seeded the same units under its own ids: matched by name, not duplicated.
      expect(count(report, 'units')!.new).toBe(0)
      expect(count(report, 'units')!.unchanged).toBeGreaterThan(10)
      const places = await laptop.call('places:list', {})
      expect(places.map((p) => p.name)).toEqual(['区政务服务大厅'])
    }
    const gid = (t: TestCore) =>
      t.core.ctx.db.prepare("SELECT global_id FROM places WHERE name = '区政务服务大厅'").pluck().get()
    expect(gid(A)).toBe(gid(C))
    expect(gid(B)).toBe(gid(C))
  })

  it('two laptops’ inspections of the same place merge at the coordinator, with photos, and a notice is issued there', async () => {
    await inspect(A, hallId(A), '2026-11-20', [{ label: '北门坡道', slope: failing }])
    await inspect(B, hallId(B), '2026-11-21', [{ label: '南门坡道', slope: failing }])

    const fromA = await transfer(A, C)
    expect(fromA.totals.conflict).toBe(0)
    expect(count(fromA, 'inspections')).toMatchObject({ new: 1 })
    expect(count(fromA, 'findings')!.new).toBeGreaterThan(0)
    const fromB = await transfer(B, C)
    expect(fromB.totals.conflict).toBe(0)
    expect(count(fromB, 'inspections')).toMatchObject({ new: 1 })

    const inspections = await C.call('inspections:list', { placeId: placeAtC })
    expect(inspections.map((i) => i.inspectedOn).sort()).toEqual(['2026-11-20', '2026-11-21'])
    // Who made them travelled with them.
    const authors = C.core.ctx.db
      .prepare('SELECT created_by FROM inspections ORDER BY inspected_on')
      .pluck()
      .all()
    expect(authors).toEqual(['李娜', '王强'])

    const items = await C.call('rectification:list', { unitId: unit.id })
    expect(items.length).toBeGreaterThanOrEqual(2)
    const notice = await C.call('notices:issue', {
      unitId: unit.id,
      itemIds: items.map((i) => i.id),
      issuedOn: '2026-11-25',
      deadline: '2026-12-25',
    })
    expect(notice.number).toMatch(/〔2026〕1号$/)
    // The laptops learn the number too: one of them made coordinator later goes on from it.
    await transfer(C, A)
    expect(
      A.core.ctx.db.prepare('SELECT last_seq FROM notice_sequences WHERE year = 2026').pluck().get(),
    ).toBe(1)
  })

  it('photos travel by hash and arrive as files', async () => {
    let insp = await A.call('inspections:create', {
      placeId: hallId(A),
      inspectedOn: '2026-11-22',
      inspectors: '李娜',
    })
    insp = await A.call('inspections:addElement', {
      inspectionId: insp.id,
      baseVersion: insp.version,
      category: 'ramp',
      label: '西门坡道',
    })
    insp = await A.call('inspections:attachPhoto', {
      elementId: insp.elements[0]!.id,
      baseVersion: insp.version,
      fileName: '西门.jpg',
      dataBase64: (await smallJpeg('#c33')).toString('base64'),
      caption: '坡道全景',
    })
    const sha = insp.elements[0]!.photos[0]!.sha256
    const report = await transfer(A, C)
    expect(count(report, 'photos')).toMatchObject({ new: 1 })
    expect(count(report, 'element_photos')).toMatchObject({ new: 1 })
    expect(report.files.written).toBe(1)
    const atC = C.core.ctx.db.prepare('SELECT sha256, caption FROM element_photos').all()
    expect(atC).toEqual([{ sha256: sha, caption: '坡道全景' }])
    expect(fs.existsSync(path.join(C.dir, 'photos', sha.slice(0, 2), `${sha}.jpg`))).toBe(true)
  })

  it('a second export and import changes nothing, in both directions', async () => {
    await transfer(C, A) // A receives B's work, the notice and the items' new status
    for (const [from, to] of [
      [A, C],
      [C, A],
      [B, C],
    ] as const) {
      const before = snapshot(to, 'records')
      const report = await transfer(from, to)
      expect(report.totals).toMatchObject({ new: 0, updated: 0, conflict: 0 })
      expect(report.totals.unchanged).toBeGreaterThan(0)
      expect(snapshot(to, 'records')).toBe(before)
    }
    // Importing the very same package again is recognised as such, and still changes nothing.
    const pkg = await exportFrom(A)
    await importInto(C, pkg)
    const again = await importInto(C, pkg)
    expect(again.seenBefore).toBe(true)
    expect(again.totals).toMatchObject({ new: 0, updated: 0, conflict: 0 })
  })

  it('a change made on one side only is taken, credited to whoever made it', async () => {
    await editHall(A, { note: '北侧有施工围挡' })
    const report = await transfer(A, C)
    expect(count(report, 'places')).toMatchObject({ updated: 1, conflict: 0 })
    const atC = C.core.ctx.db
      .prepare('SELECT note, updated_by, created_by FROM places WHERE id = ?')
      .get(placeAtC)
    expect(atC).toEqual({ note: '北侧有施工围挡', updated_by: '李娜', created_by: '张伟' })
  })

  it('a record changed on both sides is a conflict shown side by side, never overwritten, until a person decides', async () => {
    await editHall(A, { address: '新华西街 1 号' })
    await editHall(C, { address: '新华西街 1 号院' })

    const report = await transfer(A, C)
    expect(count(report, 'places')).toMatchObject({ conflict: 1, updated: 0 })
    expect((await C.call('places:get', { id: placeAtC })).address).toBe('新华西街 1 号院')
    expect(report.conflicts).toHaveLength(1)
    const [conflict] = await C.call('exchange:conflicts', {})
    expect(conflict).toMatchObject({
      tableLabel: '场所',
      recordLabel: '场所：区政务服务大厅',
      state: 'open',
      local: { by: '张伟' },
      incoming: { by: '李娜' },
    })
    expect(conflict!.fields).toEqual([
      { column: 'address', label: '地址', local: '新华西街 1 号院', incoming: '新华西街 1 号' },
    ])
    // The same package again: the same conflict, not a second one.
    await transfer(A, C)
    expect(await C.call('exchange:conflicts', {})).toHaveLength(1)

    const resolved = await C.call('exchange:resolve', { conflictId: conflict!.id, keep: 'incoming' })
    expect(resolved).toMatchObject({ state: 'took-incoming', resolvedBy: '张伟' })
    expect((await C.call('places:get', { id: placeAtC })).address).toBe('新华西街 1 号')
    expect(await C.call('exchange:conflicts', {})).toEqual([])
    const twice = await C.fail('exchange:resolve', { conflictId: conflict!.id, keep: 'local' })
    expect(twice.code).toBe('INVALID_STATE')
    // Both sides now agree: nothing more travels either way.
    expect((await transfer(C, A)).totals).toMatchObject({ updated: 0, conflict: 0 })
    expect((await transfer(A, C)).totals).toMatchObject({ updated: 0, conflict: 0 })
  })

  it('keeping the local version sends that decision back: the laptop takes the coordinator’s version', async () => {
    await editHall(A, { address: '新华西街 3 号' })
    await editHall(C, { address: '新华西街 5 号' })
    const report = await transfer(A, C)
    expect(report.totals.conflict).toBe(1)
    await C.call('exchange:resolve', { conflictId: report.conflicts[0]!.id, keep: 'local' })
    expect((await transfer(A, C)).totals.conflict).toBe(0) // the refused version is not a conflict again
    const back = await transfer(C, A)
    expect(count(back, 'places')).toMatchObject({ updated: 1, conflict: 0 })
    expect((await A.call('places:get', { id: hallId(A) })).address).toBe('新华西街 5 号')
  })
})

describe('versions, parts of the work, and web-audit evidence', () => {
  it('an older version arriving by another way is not taken over a newer one', async () => {
    await editHall(A, { note: '第一次记录' })
    await transfer(A, B) // B now has the first version
    await editHall(A, { note: '第二次记录（已核实）' })
    expect(count(await transfer(A, C), 'places')).toMatchObject({ updated: 1 })
    // B's copy is the first version, which C never saw itself; A's package said the second came from it.
    const report = await transfer(B, C)
    expect(count(report, 'places')).toMatchObject({ updated: 0, conflict: 0 })
    expect((await C.call('places:get', { id: placeAtC })).note).toBe('第二次记录（已核实）')
    // And B takes the newer one.
    expect(count(await transfer(C, B), 'places')).toMatchObject({ updated: 1, conflict: 0 })
    expect((await B.call('places:get', { id: hallId(B) })).note).toBe('第二次记录（已核实）')
  })

  it('a change undone is a new version: it travels (x, y, then x again)', async () => {
    await editHall(A, { note: '甲' })
    await transfer(A, C)
    await editHall(A, { note: '乙' })
    await transfer(A, C)
    await editHall(A, { note: '甲' })
    expect(count(await transfer(A, C), 'places')).toMatchObject({ updated: 1, conflict: 0 })
    expect((await C.call('places:get', { id: placeAtC })).note).toBe('甲')
  })

  it('a newer version in conflict replaces the older conflict; two people deciding differently meet again', async () => {
    await transfer(C, A)
    await editHall(C, { address: '丙路 1 号' })
    await editHall(A, { address: '丁路 1 号' })
    const first = await transfer(A, C)
    expect(first.conflicts).toHaveLength(1)
    await editHall(A, { address: '丁路 2 号' })
    const second = await transfer(A, C)
    expect(second.conflicts).toHaveLength(1)
    const all = await C.call('exchange:conflicts', { includeResolved: true })
    expect(all.find((c) => c.id === first.conflicts[0]!.id)!.state).toBe('superseded')
    const open = await C.call('exchange:conflicts', {})
    expect(open.map((c) => c.fields.find((f) => f.column === 'address')!.incoming)).toEqual(['丁路 2 号'])

    // A gets C's version and is in conflict too. Each takes the other's: they must not silently swap.
    const atA = await transfer(C, A)
    expect(atA.conflicts).toHaveLength(1)
    await C.call('exchange:resolve', { conflictId: open[0]!.id, keep: 'incoming' })
    await A.call('exchange:resolve', { conflictId: atA.conflicts[0]!.id, keep: 'incoming' })
    const again = await transfer(A, C)
    expect(again.totals.conflict).toBe(1)
    expect(again.conflicts[0]!.fields.find((f) => f.column === 'address')).toMatchObject({
      local: '丁路 2 号',
      incoming: '丙路 1 号',
    })
    // Decided the same way on both sides this time: they agree and stay agreed.
    await C.call('exchange:resolve', { conflictId: again.conflicts[0]!.id, keep: 'local' })
    const atA2 = await transfer(C, A)
    if (atA2.conflicts.length > 0)
      await A.call('exchange:resolve', { conflictId: atA2.conflicts[0]!.id, keep: 'incoming' })
    expect((await A.call('places:get', { id: hallId(A) })).address).toBe('丁路 2 号')
    expect((await transfer(A, C)).totals).toMatchObject({ updated: 0, conflict: 0 })
    expect((await transfer(C, A)).totals).toMatchObject({ updated: 0, conflict: 0 })
  })

  it('a newer version that takes a name another record has here is a conflict, not a refused package', async () => {
    await C.call('units:create', { name: '区无障碍工作组', kind: 'government' } as never)
    const own = await A.call('units:create', { name: '区无障碍办公室', kind: 'government' } as never)
    await transfer(A, C)
    const u = await A.call('units:get', { id: own.id })
    await A.call('units:update', { ...u, name: '区无障碍工作组' } as never)
    const report = await transfer(A, C)
    expect(count(report, 'units')).toMatchObject({ conflict: 1, updated: 0 })
    const names = (await C.call('units:list', { search: '区无障碍' })).map((x) => x.name).sort()
    expect(names).toEqual(['区无障碍办公室', '区无障碍工作组'])
    const taken = await C.fail('exchange:resolve', { conflictId: report.conflicts[0]!.id, keep: 'incoming' })
    expect(taken).toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('同名') })
    await C.call('exchange:resolve', { conflictId: report.conflicts[0]!.id, keep: 'local' })
  })

  it('a unit renamed on a laptop that knew it under the coordinator’s id is renamed there, not duplicated', async () => {
    const E = openTestCore({}, { role: 'field' })
    try {
      await transfer(C, E) // E's seeded units are C's under other ids
      const mine = await seededUnit(E, '交通局')
      const u = await E.call('units:get', { id: mine.id })
      await E.call('units:update', { ...u, name: '乌达区交通运输局' } as never)
      const report = await transfer(E, C)
      expect(count(report, 'units')).toMatchObject({ new: 0, updated: 1, conflict: 0 })
      expect((await C.call('units:list', { search: '交通' })).map((x) => x.name)).toEqual([
        '乌达区交通运输局',
      ])
    } finally {
      E.close()
    }
  })

  it('a facility removed on a laptop is not brought back by the coordinator’s package', async () => {
    let insp = await A.call('inspections:create', {
      placeId: hallId(A),
      inspectedOn: '2026-11-23',
      inspectors: '李娜',
    })
    for (const label of ['东门', '南门'])
      insp = await A.call('inspections:addElement', {
        inspectionId: insp.id,
        baseVersion: insp.version,
        category: 'door',
        label,
      })
    await transfer(A, C)
    const south = insp.elements.find((e) => e.label === '南门')!
    insp = await A.call('inspections:removeElement', { elementId: south.id, baseVersion: insp.version })
    const back = await transfer(C, A)
    expect(count(back, 'inspection_elements')!.new).toBe(0)
    const labels = (await A.call('inspections:get', { id: insp.id })).elements.map((e) => e.label)
    expect(labels).toContain('东门')
    expect(labels).not.toContain('南门')
  })

  it('--since exports the records changed since that day with what they refer to, and it imports on its own', async () => {
    const D = openTestCore({}, { role: 'field' })
    try {
      C.core.ctx.now = () => new Date('2031-03-02T08:00:00Z')
      const later = await createPlace(C, '区图书馆', unit.id)
      const pkg = await exportFrom(C, '2031-03-01')
      const records = JSON.parse(
        await (await JSZip.loadAsync(pkg)).file('records/places.json')!.async('string'),
      ) as Array<{ name: string }>
      expect(records.map((r) => r.name)).toEqual(['区图书馆'])
      const report = await importInto(D, pkg)
      expect(report.origin.since).toBe('2031-03-01')
      expect(count(report, 'places')).toMatchObject({ new: 1 })
      // Its unit came with it, and is recognised as D's own seeded unit.
      expect(count(report, 'units')).toMatchObject({ new: 0, unchanged: 1 })
      const place = (await D.call('places:list', {}))[0]!
      expect(place.name).toBe('区图书馆')
      expect(place.unitId).toBe((await seededUnit(D, '住房和城乡建设局')).id)
      expect(later).toBeGreaterThan(0)
    } finally {
      C.core.ctx.now = () => new Date()
      D.close()
    }
  })

  it('element screenshots travel under their run and evidence paths follow the run’s new number', async () => {
    const D = openTestCore({}, { role: 'coordinator' })
    try {
      // D already has runs of its own, so A's run gets another number there.
      const portalD = await D.call('portals:create', {
        name: '区政府门户',
        startUrl: 'http://127.0.0.1:9/d',
        unitId: null,
      })
      webRun(D, portalD.id, [{ url: 'http://127.0.0.1:9/d' }])
      webRun(D, portalD.id, [{ url: 'http://127.0.0.1:9/d' }])
      const portal = await A.call('portals:create', {
        name: '区残联网站',
        startUrl: 'http://127.0.0.1:9/a',
        unitId: unit.id,
      })
      const node = { selector: '#low', html: '<p id="low">', fingerprint: 'f1', screenshot: 'p1-1.png' }
      const runA = webRun(A, portal.id, [
        { url: 'http://127.0.0.1:9/a', rules: { 'color-contrast': [node] } },
      ])
      const shotA = path.join(A.dir, 'screenshots', `run-${runA}`, 'p1-1.png')
      fs.mkdirSync(path.dirname(shotA), { recursive: true })
      fs.writeFileSync(shotA, await smallJpeg('#3c3'))

      const report = await transfer(A, D)
      expect(count(report, 'audit_runs')!.new).toBeGreaterThan(0)
      const moved = D.core.ctx.db
        .prepare(
          "SELECT audit_run_id AS run, evidence_json AS evidence FROM findings WHERE title LIKE '%color-contrast%' OR evidence_json LIKE '%p1-1.png%'",
        )
        .all() as Array<{ run: number; evidence: string }>
      expect(moved).toHaveLength(1)
      expect(moved[0]!.run).not.toBe(runA)
      expect(JSON.parse(moved[0]!.evidence).screenshot).toBe(`run-${moved[0]!.run}/p1-1.png`)
      // The finding's key names D's number of the portal, not A's (D's own portal has A's number).
      const keyed = D.core.ctx.db
        .prepare('SELECT portal_id AS portal, match_key AS key FROM findings WHERE audit_run_id = ?')
        .get(moved[0]!.run) as { portal: number; key: string }
      expect(keyed.portal).not.toBe(portal.id)
      expect(keyed.key.startsWith(`web:portal:${keyed.portal}:`)).toBe(true)
      const group = D.core.ctx.db
        .prepare('SELECT group_key FROM rectification_items WHERE portal_id = ?')
        .pluck()
        .all(keyed.portal) as string[]
      expect(group.every((k) => k.startsWith(`web:portal:${keyed.portal}:`))).toBe(true)
      const shotD = path.join(D.dir, 'screenshots', `run-${moved[0]!.run}`, 'p1-1.png')
      expect(fs.readFileSync(shotD)).toEqual(fs.readFileSync(shotA))
      // And back again it is the same finding, not a changed one.
      expect((await transfer(D, A)).totals).toMatchObject({ updated: 0, conflict: 0 })
    } finally {
      D.close()
    }
  })
})

describe('packages refused whole, with nothing changed', () => {
  let good: Buffer

  beforeAll(async () => {
    good = await exportFrom(A)
  })

  async function refused(bytes: Buffer): Promise<string> {
    const before = snapshot(C)
    const error = await C.fail('exchange:import', {
      fileName: 'work.zip',
      dataBase64: bytes.toString('base64'),
    })
    expect(error.code).toBe('PACKAGE_REJECTED')
    expect(snapshot(C)).toBe(before)
    return error.message
  }

  async function rezip(bytes: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
    const zip = await JSZip.loadAsync(bytes)
    await change(zip)
    return zip.generateAsync({ type: 'nodebuffer' })
  }

  it('a records file changed after export', async () => {
    const tampered = await rezip(good, async (zip) => {
      const text = await zip.file('records/places.json')!.async('string')
      zip.file('records/places.json', text.replace('区政务服务大厅', '区政务服务大楼'))
    })
    expect(await refused(tampered)).toBe(
      '数据包被改动或已损坏：其中的场所记录（records/places.json）与清单上的校验值（SHA-256）不符',
    )
  })

  it('a file added that the manifest does not list, and one it lists taken out', async () => {
    const added = await rezip(good, async (zip) => {
      zip.file('records/extra.json', '[]')
    })
    expect(await refused(added)).toContain('多出了清单上没有的一类记录（records/extra.json）')
    const removed = await rezip(good, async (zip) => {
      zip.remove('records/places.json')
    })
    expect(await refused(removed)).toContain('缺少清单上列出的场所记录')
  })

  it('a truncated package and a file that is not a package', async () => {
    expect(await refused(good.subarray(0, Math.floor(good.length * 0.6)))).toContain('不完整')
    expect(await refused(Buffer.from('名称,地址\n区图书馆,新华街\n'))).toContain('不完整')
  })

  /** A changed package whose manifest was rewritten to match (as a careful forger would, without a team key). */
  async function forge(bytes: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
    return rezip(bytes, async (zip) => {
      await change(zip)
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
        files: Record<string, { sha256: string; bytes: number }>
      }
      manifest.files = {}
      for (const entry of Object.values(zip.files)) {
        if (entry.dir || entry.name === 'manifest.json') continue
        const content = await entry.async('nodebuffer')
        manifest.files[entry.name] = {
          sha256: createHash('sha256').update(content).digest('hex'),
          bytes: content.length,
        }
      }
      zip.file('manifest.json', JSON.stringify(manifest))
    })
  }

  it('records that pass the manifest but not this program’s rules: a photo that is not an image, broken JSON', async () => {
    const withPhoto = await exportFrom(C)
    const notImage = Buffer.from('这不是图片')
    const sha = createHash('sha256').update(notImage).digest('hex')
    const fakePhoto = await forge(withPhoto, async (zip) => {
      const photos = JSON.parse(await zip.file('records/photos.json')!.async('string')) as Array<
        Record<string, unknown>
      >
      const old = photos[0]!
      zip.remove(`photos/${String(old.sha256)}.jpg`)
      zip.file(`photos/${sha}.jpg`, notImage)
      zip.file('records/photos.json', JSON.stringify([{ ...old, sha256: sha }, ...photos.slice(1)]))
      const links = JSON.parse(await zip.file('records/element_photos.json')!.async('string')) as Array<
        Record<string, unknown>
      >
      zip.file('records/element_photos.json', JSON.stringify(links.map((l) => ({ ...l, sha256: sha }))))
    })
    expect(await refused(fakePhoto)).toContain('不是本软件接受的照片')
    const brokenJson = await forge(withPhoto, async (zip) => {
      const findings = JSON.parse(await zip.file('records/findings.json')!.async('string')) as Array<
        Record<string, unknown>
      >
      zip.file(
        'records/findings.json',
        JSON.stringify([{ ...findings[0], evidence_json: '{not json' }, ...findings.slice(1)]),
      )
    })
    expect(await refused(brokenJson)).toContain('内容已损坏')
  })

  it('a zip whose file inflates to more than it declares is refused without inflating it all', async () => {
    const zip = await JSZip.loadAsync(good)
    zip.file('records/places.json', Buffer.alloc(8 * 1024 * 1024, 0x20))
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    for (let i = 0; i < bytes.length - 30; i++) {
      const sig = bytes.readUInt32LE(i)
      if (sig === 0x04034b50 && bytes.readUInt32LE(i + 22) === 8 * 1024 * 1024) bytes.writeUInt32LE(2, i + 22)
      if (sig === 0x02014b50 && bytes.readUInt32LE(i + 24) === 8 * 1024 * 1024) bytes.writeUInt32LE(2, i + 24)
    }
    expect(await refused(bytes)).toMatch(/场所记录.*(大小与清单不符|无法解压)/)
  })

  it('a package from a newer schema', async () => {
    const newer = await rezip(good, async (zip) => {
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>
      zip.file('manifest.json', JSON.stringify({ ...manifest, schemaVersion: latestSchemaVersion + 1 }))
    })
    const message = await refused(newer)
    expect(message).toContain('更新版本')
    expect(message).toContain(`第 ${latestSchemaVersion + 1} 版`)
  })

  it('with a team key set: unsigned, signed with another key, or changed after signing', async () => {
    await C.call('exchange:saveKey', { teamKey: '乌达区无障碍促进队-2026' })
    try {
      expect(await refused(good)).toContain('未签名')
      await A.call('exchange:saveKey', { teamKey: '另一个团队的密钥-abcdef' })
      expect(await refused(await exportFrom(A))).toContain('另一个团队密钥')
      await A.call('exchange:saveKey', { teamKey: '乌达区无障碍促进队-2026' })
      const signed = await exportFrom(A)
      const changed = await rezip(signed, async (zip) => {
        const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<
          string,
          unknown
        >
        zip.file('manifest.json', JSON.stringify({ ...manifest, inspector: '冒名者' }))
      })
      expect(await refused(changed)).toContain('签名后被改动')
      const ok = await importInto(C, signed)
      expect(ok.signature).toBe('verified')
      const status = await C.call('exchange:keyStatus', {})
      expect(status).toEqual({ set: true, fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) })
      expect(JSON.stringify(status)).not.toContain('促进队')
      expect((await C.fail('exchange:saveKey', { teamKey: 'short' })).message).toContain('至少 12 个字符')
    } finally {
      await C.call('exchange:saveKey', { teamKey: null })
      await A.call('exchange:saveKey', { teamKey: null })
    }
  })

  it('an import killed half-way changes nothing; the same package then imports whole', async () => {
    const D = openTestCore({}, { role: 'coordinator' })
    try {
      const pkg = path.join(D.dir, 'work.zip')
      fs.writeFileSync(pkg, await exportFrom(A))
      D.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
      const before = snapshot(D)
      const run = promisify(execFile)
      const killed = await run(process.execPath, [
        'tests/support/import-then-die.mjs',
        D.dir,
        pkg,
        '40',
      ]).catch((e: { signal?: string }) => e)
      expect((killed as { signal?: string }).signal).toBe('SIGKILL')
      expect(snapshot(D)).toBe(before)
      const report = await importInto(D, fs.readFileSync(pkg))
      expect(report.totals.new).toBeGreaterThan(20)
      expect(report.totals.new + report.totals.unchanged).toBeGreaterThan(40)
      expect(report.totals.conflict).toBe(0)
      expect((await D.call('inspections:list', {})).length).toBe(
        (await A.call('inspections:list', {})).length,
      )
    } finally {
      D.close()
    }
  })
})

describe('the CLI door', () => {
  // Seven CLI processes, each compiling the CLI with tsx: slow on a loaded 2-core machine.
  it('export --out, import of a .zip, conflicts and resolve', { timeout: 180_000 }, async () => {
    A.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    const out = path.join(A.dir, '..', `exchange-${process.pid}.zip`)
    try {
      const exported = await runCli(['--data-dir', A.dir, 'export', '--out', out])
      expect(exported.code).toBe(0)
      expect(exported.stdout).toMatch(/已写入 .*条记录/)
      const inDataFolder = await runCli([
        '--data-dir',
        A.dir,
        'export',
        '--out',
        path.join(A.dir, 'access-audit.sqlite'),
      ])
      expect(inDataFolder.code).toBe(2)
      C.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
      const imported = await runCli(['--data-dir', C.dir, 'import', out])
      expect(imported.code).toBe(0)
      expect(imported.stdout).toContain('新增 0，更新 0')
      const broken = path.join(A.dir, '..', `broken-${process.pid}.zip`)
      fs.writeFileSync(broken, fs.readFileSync(out).subarray(0, 200))
      const refusedCli = await runCli(['--data-dir', C.dir, 'import', broken])
      fs.rmSync(broken)
      expect(refusedCli.code).toBe(2)
      expect(refusedCli.stderr).toContain('本机数据未做任何修改')
      const conflicts = await runCli(['--data-dir', C.dir, 'conflicts'])
      expect(conflicts.code).toBe(0)
      expect(conflicts.stdout).toContain('没有待处理的冲突')
      const resolve = await runCli(['--data-dir', C.dir, 'resolve', '999', '--keep', 'local'])
      expect(resolve.code).toBe(2)
      expect(resolve.stderr).toContain('冲突（编号 999）不存在')
      const noKind = await runCli(['--data-dir', C.dir, 'import', 'list.csv'])
      expect(noKind.code).toBe(2)
      expect(noKind.stderr).toContain('--kind')
    } finally {
      fs.rmSync(out, { force: true })
    }
  })
})
