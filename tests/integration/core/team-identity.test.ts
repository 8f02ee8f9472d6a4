import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpDoor, type HttpDoor } from '../../../electron/server/http-door'
import { isGlobalId } from '../../../shared/domain/global-id'
import { openTestCore, type TestCore } from '../../support/test-core'
import { runCli } from '../../support/run-cli'
import { createPlace, failing, inspect, seededUnit } from '../rectification/fixtures'

/**
 * Team identity through the services: global ids and authorship on records made and changed by several services,
 * and numbered notices refused on a field laptop (外业终端) at every door — the service, the HTTP door and the
 * CLI — and issued once the installation is the coordinator's.
 */

const token = 'test-token-0123456789abcdefghijkl'
let t: TestCore
let door: HttpDoor
let unit: { id: number; name: string }

beforeAll(async () => {
  t = openTestCore({}, { role: 'field' })
  door = await startHttpDoor({ dispatch: t.core.dispatch('http'), token })
  unit = await seededUnit(t, '住房和城乡建设局')
})
afterAll(async () => {
  await door.close()
  t.close()
})

function post(name: string, input: unknown) {
  return new Promise<{
    status: number
    json: { ok: boolean; data?: unknown; error?: { code: string; message: string } }
  }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: door.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(input))
  })
}

const row = (table: string, id: number) =>
  t.core.ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, string | null>

describe('team identity and roles', () => {
  let device: string

  it('a new data folder is a field laptop with a device id and no name until one is set', async () => {
    const profile = await t.call('team:profile', {})
    expect(profile.role).toBe('field')
    expect(profile.profileName).toBeNull()
    expect(isGlobalId(profile.deviceId)).toBe(true)
    device = profile.deviceId
    const refused = await t.fail('team:saveProfile', { profileName: '   ' })
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toContain('检查员姓名')
    const wrongRole = await t.fail('team:saveProfile', { role: 'boss' })
    expect(wrongRole.message).toContain('外业终端')
    expect(await t.call('team:saveProfile', { profileName: ' 张伟 ' })).toMatchObject({
      profileName: '张伟',
      role: 'field',
      deviceId: device,
    })
  })

  it('records made and changed through the services carry a global id, the inspector and the device', async () => {
    const placeId = await createPlace(t, '区政务服务大厅', unit.id)
    const insp = await inspect(t, placeId, '2026-11-20', [{ label: '北门坡道', slope: failing }])
    expect(isGlobalId(insp.globalId)).toBe(true)
    expect(insp.authorship).toEqual({
      createdBy: '张伟',
      createdDevice: device,
      updatedBy: '张伟',
      updatedDevice: device,
    })
    expect(row('places', placeId)).toMatchObject({ created_by: '张伟', created_device: device })
    const element = t.core.ctx.db
      .prepare('SELECT * FROM inspection_elements WHERE inspection_id = ?')
      .get(insp.id) as Record<string, string>
    expect(isGlobalId(element.global_id)).toBe(true)
    expect(element.created_by).toBe('张伟')
    const value = t.core.ctx.db
      .prepare('SELECT * FROM check_values WHERE element_id = ?')
      .get(element.id) as Record<string, string>
    expect(value).toMatchObject({ created_by: '张伟', created_device: device })

    await t.call('rectification:sync', {})
    const [item] = await t.call('rectification:list', { unitId: unit.id })
    expect(row('rectification_items', item!.id)).toMatchObject({ created_by: '张伟', created_device: device })
    const finding = t.core.ctx.db
      .prepare('SELECT * FROM findings WHERE inspection_id = ?')
      .get(insp.id) as Record<string, string>
    expect(isGlobalId(finding.global_id)).toBe(true)

    // Another inspector on this laptop changes the item: the change is theirs, the creation stays 张伟's.
    await t.call('team:saveProfile', { profileName: '李娜' })
    const current = await t.call('rectification:get', { id: item!.id })
    await t.call('rectification:update', { id: item!.id, version: current.version, priority: 'high' })
    expect(row('rectification_items', item!.id)).toMatchObject({
      created_by: '张伟',
      updated_by: '李娜',
      updated_device: device,
    })
    const detail = await t.call('rectification:get', { id: item!.id })
    expect(detail.events.at(-1)).toMatchObject({ by: '李娜', device })
    expect(detail.events[0]).toMatchObject({ by: '张伟', device })
  })

  it('a field laptop previews a notice but may not number one: service, HTTP door and CLI refuse', async () => {
    const [item] = await t.call('rectification:list', { unitId: unit.id })
    const draft = { unitId: unit.id, itemIds: [item!.id], issuedOn: '2026-11-25', deadline: '2026-12-25' }
    const sequences = () => t.core.ctx.db.prepare('SELECT COUNT(*) FROM notice_sequences').pluck().get()
    expect((await t.call('notices:preview', draft)).document.number).toBeNull()

    const viaService = await t.fail('notices:issue', draft)
    expect(viaService.code).toBe('NOT_COORDINATOR')
    expect(viaService.message).toContain('协调员')
    expect(viaService.message).toContain('设置 › 团队协作')

    const viaHttp = await post('notices:issue', draft)
    expect(viaHttp.status).toBe(403)
    expect(viaHttp.json).toMatchObject({ ok: false, error: { code: 'NOT_COORDINATOR' } })

    const out = path.join(t.dir, 'n.pdf')
    t.core.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    const viaCli = await runCli([
      '--data-dir',
      t.dir,
      'notice',
      unit.name,
      '--issue',
      '--format',
      'pdf',
      '--out',
      out,
    ])
    expect(viaCli.code).toBe(1)
    expect(viaCli.stderr).toContain('本机是外业终端，不能签发整改通知书')
    expect(viaCli.stdout).not.toContain('已签发')
    expect(fs.existsSync(out)).toBe(false)

    // Nothing was numbered or changed.
    expect(sequences()).toBe(0)
    expect(await t.call('notices:list', {})).toEqual([])
    expect((await t.call('rectification:get', { id: item!.id })).status).toBe('open')
  })

  it('the coordinator’s installation (set through the CLI) issues it, signed with its inspector and device', async () => {
    const badName = await runCli(['--data-dir', t.dir, 'profile', '--name', ' '])
    expect(badName.code).toBe(2)
    expect(badName.stderr).toContain('检查员姓名：请填写检查员姓名')
    const set = await runCli(['--data-dir', t.dir, 'profile', '--role', 'coordinator', '--json'])
    expect(set.code).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual({
      profileName: '李娜',
      role: 'coordinator',
      deviceId: device,
      teamKey: { set: false, fingerprint: null },
    })
    const [item] = await t.call('rectification:list', { unitId: unit.id })
    const viaHttp = await post('notices:issue', {
      unitId: unit.id,
      itemIds: [item!.id],
      issuedOn: '2026-11-25',
      deadline: '2026-12-25',
    })
    expect(viaHttp.status).toBe(200)
    const notice = viaHttp.json.data as { id: number; number: string }
    expect(notice.number).toMatch(/〔2026〕1号$/)
    expect(row('notices', notice.id)).toMatchObject({ created_by: '李娜', created_device: device })
    expect(isGlobalId(row('notices', notice.id).global_id)).toBe(true)
  })
})
