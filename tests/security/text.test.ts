import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFileName } from '../../electron/core/db/database-file'
import { openDatabase } from '../../electron/core/db/open-database'
import { noticeFileName, safeFileName } from '../../electron/core/rectification/notice-exports'
import { openCore } from '../../electron/core/open-core'
import { firstInvisible, wellFormed, wellFormedDeep } from '../../shared/domain/text'
import { makeTempDir } from '../support/temp-dir'
import { openTestCore, type TestCore } from '../support/test-core'

// Issue #10, low 8 and 10: a zero-width-space copy of a unit's name was a new unit; a right-to-left override
// reached export file names; lone surrogates in names were stored as invalid UTF-8 and came back as "���".

const zwsp = '\u200b'
const rlo = '\u202e'

let t: TestCore
beforeAll(() => {
  t = openTestCore()
})
afterAll(() => t.close())

describe('names refuse invisible and direction-control characters', () => {
  it("a zero-width copy of a unit's name is refused, not a second unit", async () => {
    await t.call('units:create', { name: '区测试甲乙局', kind: 'government' })
    const error = await t.fail('units:create', { name: `区测试${zwsp}甲乙局`, kind: 'government' })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('单位名称')
    expect(error.message).toContain('U+200B（零宽空格）')
    expect((await t.call('units:list', { search: '甲乙局' })).length).toBe(1)
  })

  it('a right-to-left override, a BOM, a soft hyphen, a word joiner and controls are refused in every name', async () => {
    const unit = await t.call('units:create', { name: '区民政局二', kind: 'government' })
    const place = await t.call('places:create', { name: '区图书馆', type: 'hospital', unitId: unit.id })
    const attempts: Array<[Parameters<TestCore['fail']>[0], Record<string, unknown>]> = [
      ['units:create', { name: `区${rlo}局`, kind: 'other' }],
      ['units:create', { name: '区\ufeff局', kind: 'other' }],
      ['units:create', { name: '区\u00ad局', kind: 'other' }],
      ['units:create', { name: '区\u2060局', kind: 'other' }],
      ['units:create', { name: '区\u0007局', kind: 'other' }],
      ['units:create', { name: '区局', kind: 'other', contactPerson: `张${zwsp}三` }],
      ['places:create', { name: `区${rlo}馆`, type: 'hospital' }],
      ['portals:create', { name: `区政府${zwsp}网站`, startUrl: 'https://gov.example/' }],
      ['inspections:create', { placeId: place.id, inspectedOn: '2026-11-20', inspectors: `张三${rlo}` }],
      [
        'rectification:saveSettings',
        {
          issuer: `区残联${zwsp}`,
          numberTemplate: '〔{year}〕第{n}号',
          defaultDeadlineDays: 30,
          replyInstructions: '请回复',
        },
      ],
    ]
    for (const [operation, input] of attempts) {
      const error = await t.fail(operation, input)
      expect(error.code, `${operation} ${JSON.stringify(input)}`).toBe('VALIDATION')
      expect(error.message).toMatch(/看不见的字符 U\+[0-9A-F]{4}/)
    }
  })

  it('an imported portal list skips a name with a zero-width space, by line, and imports the rest', async () => {
    const report = await t.call('portals:import', {
      text: `区政府${zwsp}门户,https://gov-a.example/\n区教育局网站,https://gov-b.example/`,
    })
    expect(report.created.map((p) => p.name)).toEqual(['区教育局网站'])
    expect(report.problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('U+200B（零宽空格）') }),
    ])
  })

  it('text is NFC: a decomposed "é" is the same name as a composed one', async () => {
    await t.call('units:create', { name: 'Café 无障碍服务中心', kind: 'other' })
    const error = await t.fail('units:create', { name: 'Cafe\u0301 无障碍服务中心', kind: 'other' })
    expect(error.code).toBe('DUPLICATE')
  })

  it('names in ordinary scripts and free text with direction marks are kept', async () => {
    expect(firstInvisible('乌达区 住房和城乡建设局（一）· No.2')).toBeNull()
    const unit = await t.call('units:create', {
      name: 'مكتب 区外事办',
      kind: 'other',
      note: `备注 ${rlo}可以有方向控制符`,
    })
    expect(unit.note).toContain(rlo)
  })
})

describe('lone surrogates', () => {
  it('are refused in any input, with the field and a zh-CN message, and nothing is stored', async () => {
    const before = (await t.call('units:list', {})).length
    const error = await t.fail('units:create', { name: '区\ud800局', kind: 'other' })
    expect(error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'name' }] })
    expect(error.message).toContain('单位名称：含有无法识别的字符')
    const note = await t.fail('units:create', { name: '区某局', kind: 'other', note: 'x\udc00' })
    expect(note.message).toContain('备注')
    expect((await t.call('units:list', {})).length).toBe(before)
  })

  it('stored by an earlier version come back as one U+FFFD each, never "���" (migration 6)', () => {
    const { dir, cleanup } = makeTempDir()
    try {
      openDatabase(dir, { targetVersion: 5 }).close()
      const raw = new Database(path.join(dir, databaseFileName))
      raw
        .prepare("INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, 'other', 'x', 'x')")
        .run('区\ud800局')
      raw
        .prepare("INSERT INTO units (name, kind, created_at, updated_at) VALUES (?, 'other', 'x', 'x')")
        .run('한국 문화원')
      expect(raw.prepare("SELECT hex(name) FROM units WHERE name LIKE '区%局'").pluck().get()).toContain(
        'EDA080',
      )
      raw.close()
      const core = openCore(dir, 'test')
      const names = core.ctx.db
        .prepare("SELECT name FROM units WHERE created_at = 'x' ORDER BY id")
        .pluck()
        .all()
      expect(names).toEqual(['区\ufffd局', '한국 문화원'])
      core.close()
    } finally {
      cleanup()
    }
  })

  it('are made well-formed by the helpers the page auditor and the reports use', () => {
    expect(wellFormed('标题\ud83d')).toBe('标题\ufffd')
    expect(wellFormed('😀')).toBe('😀')
    const page = { title: 'a\udc00', results: [{ nodes: [{ html: '<b>\ud800</b>' }] }], ok: true }
    expect(wellFormedDeep(page)).toEqual({
      title: 'a\ufffd',
      results: [{ nodes: [{ html: '<b>\ufffd</b>' }] }],
      ok: true,
    })
    const clean = { title: 'ok' }
    expect(wellFormedDeep(clean)).toBe(clean)
  })
})

describe('export file names', () => {
  it('never carry a right-to-left override or other invisible characters', () => {
    const name = noticeFileName({ number: '〔2026〕第1号', unitName: `区住建局${rlo}fdp.exe` }, 'xlsx')
    expect(name).toBe('整改项清单-〔2026〕第1号-区住建局fdp.exe.xlsx')
    expect(safeFileName(`a${zwsp}b\u2066c\ufeffd\ud800`)).toBe('abcd\ufffd')
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('Cafe\u0301')).toBe('Café')
  })
})
