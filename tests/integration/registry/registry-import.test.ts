import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { base64, gbkBytes, xlsxBytes } from '../../support/import-files'
import { openTestCore, type TestCore } from '../../support/test-core'

let t: TestCore
beforeEach(() => {
  t = openTestCore()
})
afterEach(() => t.close())

const count = (table: string) =>
  (t.core.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

const placesCsv = [
  '名称,地址,类型,责任单位,经度,纬度',
  '乌达区政务服务中心,乌达区人民路 1 号,政务服务大厅,乌达区政务服务局,106.72,39.50',
  '乌达区人民医院,乌达区滨河路 8 号,医院,卫生健康委员会,,',
  '第三小学,乌达区育才路,学堂,教育局,106.7,',
  '乌达区政务服务中心,乌达区人民路 1 号,政务服务大厅,,,',
  ',无名路,公园,,,',
  '滨河公园,乌达区滨河路,公园,不存在的单位,,',
].join('\n')

describe('bulk registry import: places', () => {
  it('previews without writing, then commits all new rows in one go; a second import changes nothing', async () => {
    const input = { kind: 'places' as const, fileName: '场所.csv', dataBase64: base64(placesCsv) }
    const before = count('places')
    const preview = await t.call('registry:importPreview', input)
    expect(count('places')).toBe(before)
    expect(preview.counts).toEqual({ new: 2, existing: 0, error: 4 })
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ])
    const messages = preview.rows.flatMap((r) => r.problems.map((p) => p.message))
    expect(messages).toContain(
      '第 4 行，类型：“学堂”不是可选的场所类型（可选：政务服务大厅、医院、学校、银行、车站、公园、道路路口、居住社区、文化体育场馆、商业场所、公共厕所、其他）',
    )
    expect(messages).toContain('第 4 行，经度：经纬度须同时填写或同时留空')
    expect(messages).toContain('第 5 行，名称：与第 2 行重复（名称和地址相同），已跳过')
    expect(messages).toContain('第 6 行，名称：请填写场所名称')
    expect(messages.some((m) => m.startsWith('第 7 行，责任单位：未找到责任单位“不存在的单位”'))).toBe(true)
    expect(preview.rows[0]).toMatchObject({ typeLabel: '政务服务大厅', latitude: 39.5, longitude: 106.72 })

    const result = await t.call('registry:importCommit', input)
    expect(result.created).toBe(2)
    expect(count('places')).toBe(before + 2)
    const hall = await t.call('places:get', { id: result.rows[0]!.existingId! })
    expect(hall).toMatchObject({
      name: '乌达区政务服务中心',
      type: 'government-service-hall',
      address: '乌达区人民路 1 号',
      latitude: 39.5,
      longitude: 106.72,
      unitName: '乌达区政务服务局',
    })

    const again = await t.call('registry:importCommit', input)
    expect(again.created).toBe(0)
    expect(again.counts).toEqual({ new: 0, existing: 2, error: 4 })
    expect(count('places')).toBe(before + 2)
  })

  it('recognises a place typed in the form (same normalised name and address) as already registered', async () => {
    // Decomposed “é” and spaces around: the contract's normaliser makes the typed one and the file's one equal.
    await t.call('places:create', { name: ' Cafe\u0301 驿站 ', type: 'commercial', address: '人民路 2 号' })
    const csv = '场所名称,地址,场所类型\nCafé 驿站,人民路 2 号,商业场所\nCafé 驿站,人民路 3 号,商业场所\n'
    const preview = await t.call('registry:importPreview', {
      kind: 'places',
      fileName: 'a.csv',
      dataBase64: base64(csv),
    })
    expect(preview.rows.map((r) => r.status)).toEqual(['existing', 'new'])
  })

  it('reads an .xlsx with a title row, hyperlinks and numbers, and a GBK CSV saved by Excel', async () => {
    const xlsx = await xlsxBytes([
      ['乌达区公共场所无障碍设施清单'],
      ['序号', '场所名称*', '详细地址', '场所类型', '责任单位', '坐标'],
      [1, '乌达区图书馆', '乌达区文化路', '文化体育场馆', '文化旅游体育局', '106.71,39.51'],
    ])
    const fromXlsx = await t.call('registry:importPreview', {
      kind: 'places',
      fileName: '清单.xlsx',
      dataBase64: base64(xlsx),
    })
    expect(fromXlsx.ignoredColumns).toEqual(['序号'])
    expect(fromXlsx.rows).toMatchObject([
      { row: 3, status: 'new', name: '乌达区图书馆', latitude: 39.51, longitude: 106.71 },
    ])

    const gbk = gbkBytes('名称,地址,类型\r\n乌达区汽车站,乌达区站前街,车站\r\n')
    const fromGbk = await t.call('registry:importPreview', {
      kind: 'places',
      fileName: '清单.csv',
      dataBase64: base64(gbk),
    })
    expect(fromGbk.rows).toMatchObject([{ status: 'new', name: '乌达区汽车站', typeLabel: '车站' }])
  })

  it('re-validates at commit: a row registered since the preview is not written twice', async () => {
    const input = {
      kind: 'places' as const,
      fileName: 'a.csv',
      dataBase64: base64('名称,地址,类型\n乌达区汽车站,站前街,车站\n'),
    }
    expect((await t.call('registry:importPreview', input)).counts.new).toBe(1)
    await t.call('places:create', { name: '乌达区汽车站', type: 'station', address: '站前街' })
    const result = await t.call('registry:importCommit', input)
    expect(result).toMatchObject({ created: 0, counts: { new: 0, existing: 1, error: 0 } })
  })

  it('writes nothing when the commit fails half-way (one transaction)', async () => {
    const before = count('places')
    const csv = '名称,类型\n甲,公园\n乙,公园\n丙,公园\n'
    // A trigger that refuses the second row stands for a failure in the middle of the commit.
    t.core.ctx.db.exec(
      "CREATE TRIGGER fail_second BEFORE INSERT ON places WHEN NEW.name = '乙' BEGIN SELECT RAISE(ABORT, 'disk'); END",
    )
    const error = await t.fail('registry:importCommit', {
      kind: 'places',
      fileName: 'a.csv',
      dataBase64: base64(csv),
    })
    expect(error.code).toBe('INTERNAL')
    expect(count('places')).toBe(before)
  })

  it('refuses a bad file whole with a zh-CN message and writes nothing', async () => {
    const before = count('places')
    const refuse = async (fileName: string, bytes: Uint8Array | string) =>
      (await t.fail('registry:importPreview', { kind: 'places', fileName, dataBase64: base64(bytes) }))
        .message
    expect(await refuse('a.xlsx', 'not a zip')).toContain('不是有效的 .xlsx 文件')
    expect(await refuse('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toContain(
      '旧版 Excel（.xls）',
    )
    expect(await refuse('broken.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]))).toContain(
      '无法读取该 Excel 文件',
    )
    expect(await refuse('a.csv', '序号,备注\n1,2\n')).toContain('没有找到表头')
    expect(await refuse('a.csv', '名称,地址\n')).toContain('只有表头')
    const tooBig = await t.fail('registry:importPreview', {
      kind: 'places',
      fileName: 'big.csv',
      dataBase64: 'A'.repeat(8_000_000),
    })
    expect(tooBig.message).toContain('文件过大（上限 5 MB）')
    expect(count('places')).toBe(before)
  })
})

describe('bulk registry import: portals', () => {
  it('normalises URLs as the form does, skips registered and repeated ones, and needs a name', async () => {
    await t.call('portals:create', { name: '乌达区人民政府', startUrl: 'https://www.wuda.gov.cn/' })
    const csv = [
      '网站名称,网址,责任单位',
      '乌达区人民政府,https://WWW.wuda.gov.cn,',
      '乌达区教育局,jyj.wuda.gov.cn,教育局',
      '教育局（重复）,https://jyj.wuda.gov.cn/,',
      ',https://nameless.gov.cn,',
      '坏网址,ftp://x.gov.cn,',
    ].join('\n')
    const input = { kind: 'portals' as const, fileName: '网站.csv', dataBase64: base64(csv) }
    const preview = await t.call('registry:importPreview', input)
    expect(preview.rows.map((r) => r.status)).toEqual(['existing', 'new', 'error', 'error', 'error'])
    expect(preview.rows[1]).toMatchObject({ url: 'https://jyj.wuda.gov.cn/' })
    // The unit as registered (“教育局” matched the one unit whose name contains it), so the match can be checked.
    expect(preview.rows[1]!.unitName).toMatch(/^乌达区.*教育局$/)
    expect(preview.rows[2]!.problems[0]!.message).toBe('第 4 行，网址：与第 3 行的网址相同，已跳过')
    expect(preview.rows[3]!.problems[0]!.message).toBe('第 5 行，网站名称：请填写网站名称')
    expect(preview.rows[4]!.problems[0]!.message).toMatch(/^第 6 行，网址：/)

    const result = await t.call('registry:importCommit', input)
    expect(result.created).toBe(1)
    const portal = await t.call('portals:get', { id: result.rows[1]!.existingId! })
    expect(portal).toMatchObject({ name: '乌达区教育局', startUrl: 'https://jyj.wuda.gov.cn/', maxPages: 50 })
    expect(portal.unitName).toContain('教育局')
    expect((await t.call('registry:importCommit', input)).created).toBe(0)
  })

  it('takes the address of a hyperlink cell whose text is a label', async () => {
    const xlsx = await xlsxBytes([
      ['名称', '网址'],
      ['乌达区民政局', { text: '点此访问', hyperlink: 'https://mzj.wuda.gov.cn/' }],
    ])
    const preview = await t.call('registry:importPreview', {
      kind: 'portals',
      fileName: 'sites.xlsx',
      dataBase64: base64(xlsx),
    })
    expect(preview.rows).toMatchObject([{ status: 'new', url: 'https://mzj.wuda.gov.cn/' }])
  })
})
