import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { overlapsSettingKey } from '../../../electron/core/rectification/item-overlaps'
import { openTestCore, type TestCore } from '../../support/test-core'
import { seededUnit, webRun, type WebNode } from './fixtures'

/**
 * One defect, one item: findings of overlapping rules (shared/web/rule-overlaps.ts) on the same portal are filed
 * under one item that keeps every rule id and counts each element (or page) once; items an earlier release made
 * separately are merged on the next sync, and the sync stays idempotent.
 */

let t: TestCore
let unit: { id: number; name: string }
let portalId: number
const home = 'https://gov.example/'
const news = 'https://gov.example/news'

beforeEach(async () => {
  t = openTestCore({}, { now: () => new Date('2026-12-15T10:00:00+08:00') })
  unit = await seededUnit(t, '住房和城乡建设局')
  portalId = (await t.call('portals:create', { name: '区政府门户', startUrl: home, unitId: unit.id })).id
})
afterEach(() => t.close())

const node = (selector: string, html: string, fingerprint: string, failureSummary?: string): WebNode => ({
  selector,
  html,
  fingerprint,
  ...(failureSummary ? { failureSummary } : {}),
})
const grey = node('p.note', '<p class="note">办事指南</p>', 'p-note')
const htmlNoLang = (fingerprint: string) => node('html', '<html>', fingerprint)
const marqueeAxe = node('marquee', '<marquee>通知</marquee>', 'm-axe')
const marqueeSource = node(
  '源码第 9 行第 1 列',
  '<marquee>通知</marquee>',
  'm-src',
  '<marquee> 已废弃：滚动文字无法暂停，请改为静态内容或提供暂停按钮的滚动组件。',
)
const strayEndTag = node(
  '源码第 12 行第 5 列',
  '</div></span>',
  's-src',
  '结束标签 </span> 没有对应的开始标签',
)

/** The home page's contrast, language and marquee, each found by two rules. */
const overlapping: Record<string, WebNode[]> = {
  'color-contrast': [grey],
  'aa-ageing-contrast': [grey],
  'html-has-lang': [htmlNoLang('axe-html')],
  'aa-html-lang': [htmlNoLang('page-aa-html-lang')],
  marquee: [marqueeAxe],
  'aa-html-conformance': [marqueeSource, strayEndTag],
}

const webItems = async () => t.call('rectification:list', { source: 'web', status: 'all' })
const full = async (title: string) => {
  const item = (await webItems()).find((i) => i.title === title)
  if (!item) throw new Error(`no item ${title}`)
  return t.call('rectification:get', { id: item.id })
}

describe('overlapping rules', () => {
  it('file one defect on one element as one item with every rule id, the element counted once', async () => {
    webRun(t, portalId, [
      {
        url: home,
        rules: {
          ...overlapping,
          'meta-refresh': [node('meta', '<meta http-equiv="refresh" content="5">', 'meta')],
          'aa-timed-refresh': [node('meta', '<meta http-equiv="refresh" content="5">', 'timer')],
          'image-alt': [node('img', '<img src="a.png">', 'img')],
        },
      },
      { url: news, rules: { 'aa-html-lang': [htmlNoLang('page-aa-html-lang')] } },
    ])
    await t.call('rectification:sync', {})
    const items = await webItems()
    expect(items.map((i) => i.title).sort()).toEqual(
      [
        '文字与背景对比度不足',
        '页面未正确声明语言',
        '页面定时刷新或跳转',
        '使用了滚动字幕（走马灯）',
        '网页源码不符合 HTML 语法',
        '图片缺少替代文本',
      ].sort(),
    )
    const contrast = await full('文字与背景对比度不足')
    expect(contrast.ruleIds.sort()).toEqual(['aa-ageing-contrast', 'color-contrast'])
    expect(contrast.elementCount).toBe(1)
    // The page's language is the page's: two rules on the home page and one on /news are two pages.
    const lang = await full('页面未正确声明语言')
    expect(lang.ruleIds.sort()).toEqual(['aa-html-lang', 'html-has-lang'])
    expect(lang.elementCount).toBe(2)
    expect(lang.found).toContain('2个页面存在此问题')
    expect((await full('页面定时刷新或跳转')).ruleIds.sort()).toEqual(['aa-timed-refresh', 'meta-refresh'])
    // Only the <marquee> line of the source check is the marquee defect; its other lines stay its own item.
    const marquee = await full('使用了滚动字幕（走马灯）')
    expect(marquee.ruleIds.sort()).toEqual(['aa-html-conformance', 'marquee'])
    expect(marquee.elementCount).toBe(1)
    const source = await full('网页源码不符合 HTML 语法')
    expect(source.elements.map((e) => e.html)).toEqual(['</div></span>'])
    // Nothing internal in what the unit reads.
    for (const item of items) {
      const text = await t.call('rectification:get', { id: item.id })
      expect(`${text.title}${text.found}${text.remedy}`).not.toMatch(/axe|https?:|（[a-z-]+）|：。|。。/)
    }
    // Idempotent.
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 0, linked: 0 })
  })

  it('merges items an earlier release made separately, once, keeping the one the unit was sent', async () => {
    webRun(t, portalId, [
      {
        url: home,
        rules: overlapping,
      },
    ])
    await t.call('rectification:sync', {})
    // As an earlier release filed them: one item per rule, the source check's lines all in its own item.
    const db = t.core.ctx.db
    const links = db.prepare(
      `SELECT l.item_id, l.finding_id, f.check_id FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id`,
    )
    const before = links.all() as Array<{ item_id: number; finding_id: number; check_id: string }>
    db.prepare('DELETE FROM rectification_item_findings').run()
    db.prepare('DELETE FROM rectification_events').run()
    db.prepare('DELETE FROM rectification_items').run()
    db.prepare('DELETE FROM settings WHERE key = ?').run(overlapsSettingKey)
    const legacyItem = (ruleId: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO rectification_items (source, group_key, unit_id, portal_id, title, category, severity,
               first_found_at, created_at, updated_at)
             VALUES ('web', ?, ?, ?, ?, 'web', 'major', '2026-12-01', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')`,
          )
          .run(
            `web:portal:${portalId}:rule:${ruleId}`,
            unit.id,
            portalId,
            `规则 ${ruleId} 的要求（${ruleId}）`,
          ).lastInsertRowid,
      )
    const byRule = new Map<string, number>()
    for (const link of before) {
      if (!byRule.has(link.check_id)) byRule.set(link.check_id, legacyItem(link.check_id))
      db.prepare('INSERT INTO rectification_item_findings (item_id, finding_id) VALUES (?, ?)').run(
        byRule.get(link.check_id),
        link.finding_id,
      )
    }
    // The unit was already sent the aa-html-lang item; the html-has-lang one was not sent yet.
    db.prepare(
      `UPDATE rectification_items SET status = 'notified', deadline = '2027-01-15' WHERE id = ?`,
    ).run(byRule.get('aa-html-lang'))
    // Both contrast items were sent, and the unit already answered for the ageing one: that one is left as it is.
    db.prepare(`UPDATE rectification_items SET status = 'notified' WHERE id = ?`).run(
      byRule.get('color-contrast'),
    )
    db.prepare(`UPDATE rectification_items SET status = 'claimed' WHERE id = ?`).run(
      byRule.get('aa-ageing-contrast'),
    )

    await t.call('rectification:sync', {})
    const active = (await webItems()).filter((i) => !['merged', 'dropped', 'verified'].includes(i.status))
    const lang = active.filter((i) => i.title === '页面未正确声明语言')
    expect(lang).toHaveLength(1)
    expect(lang[0]).toMatchObject({ id: byRule.get('aa-html-lang'), status: 'notified' })
    expect((await t.call('rectification:get', { id: lang[0]!.id })).ruleIds.sort()).toEqual([
      'aa-html-lang',
      'html-has-lang',
    ])
    const mergedAway = await t.call('rectification:get', { id: byRule.get('html-has-lang')! })
    expect(mergedAway).toMatchObject({ status: 'merged', mergedIntoId: byRule.get('aa-html-lang') })
    // An answered item is never merged away: both contrast items stay, under the one group.
    expect(active.filter((i) => i.title === '文字与背景对比度不足')).toHaveLength(2)
    // The <marquee> line left the source check's item for the marquee item; the stray end tag stayed.
    const marquee = await full('使用了滚动字幕（走马灯）')
    expect(marquee.ruleIds.sort()).toEqual(['aa-html-conformance', 'marquee'])
    const source = await t.call('rectification:get', { id: byRule.get('aa-html-conformance')! })
    expect(source.elements.map((e) => e.html)).toEqual(['</div></span>'])

    // A new run's findings join the surviving items; nothing new, nothing duplicated.
    const count = (await webItems()).length
    webRun(t, portalId, [
      {
        url: home,
        rules: {
          'html-has-lang': [htmlNoLang('axe-html')],
          'aa-html-lang': [htmlNoLang('page-aa-html-lang')],
          marquee: [marqueeAxe],
          'aa-html-conformance': [marqueeSource],
        },
      },
    ])
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 0 })
    expect(await webItems()).toHaveLength(count)
    expect(await t.call('rectification:sync', {})).toMatchObject({ created: 0, linked: 0 })
  })
})
