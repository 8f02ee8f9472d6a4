import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { itemContent, type LinkedFinding } from '../../../electron/core/rectification/item-content'
import { fixedElementKeys, latestRunReader } from '../../../electron/core/rectification/web-element-status'
import { openTestCore, type TestCore } from '../../support/test-core'
import { createPlace, failing, inspect, seededUnit, webRun, type WebNode } from './fixtures'

/**
 * Reading items at scale: a web item's content is derived from the first and last finding of each element and
 * clause set (not from every finding of every run), the list sends a summary, and the item page's 问题记录 asks
 * for the item's own findings.
 */

let t: TestCore
let unit: { id: number; name: string }
let portalId: number

beforeEach(async () => {
  t = openTestCore()
  unit = await seededUnit(t, '住房和城乡建设局')
  portalId = (
    await t.call('portals:create', { name: '区政府门户', startUrl: 'https://gov.example/', unitId: unit.id })
  ).id
})
afterEach(() => t.close())

const node = (name: string): WebNode => ({
  selector: `p.${name}`,
  html: `<p class="${name}">x</p>`,
  fingerprint: name,
})
const at = (day: string) => new Date(`${day}T02:00:00Z`)

/**
 * Three runs: an element fixed on an audited page, one on a page the last run could not load, new elements, and
 * a clause mapping that changed between runs (as after an upgrade of the rule mapping). Then a second rule's item,
 * with other clauses, merged into the first.
 */
async function history(): Promise<number> {
  const first = webRun(
    t,
    portalId,
    [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [node('a'), node('b')], 'image-alt': [node('i')] },
      },
      { url: 'https://gov.example/news', rules: { 'color-contrast': [node('c')] } },
      { url: 'https://gov.example/about', rules: { 'color-contrast': [node('d')] } },
    ],
    at('2026-01-10'),
  )
  t.core.ctx.db
    .prepare(`UPDATE findings SET clauses_json = ? WHERE audit_run_id = ? AND check_id = 'color-contrast'`)
    .run(JSON.stringify([{ code: 'WCAG 2.1', clause: '1.4.3', mandatory: false }]), first)
  webRun(
    t,
    portalId,
    [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [node('a'), node('e')], 'image-alt': [node('i')] },
      },
      { url: 'https://gov.example/news', rules: { 'color-contrast': [node('c')] } },
      { url: 'https://gov.example/about', rules: { 'color-contrast': [node('d')] } },
    ],
    at('2026-02-10'),
  )
  webRun(
    t,
    portalId,
    [
      {
        url: 'https://gov.example/',
        rules: { 'color-contrast': [node('a'), node('e')], 'image-alt': [node('i')] },
      },
      { url: 'https://gov.example/news', rules: {} },
      { url: 'https://gov.example/about', ok: false },
    ],
    at('2026-03-10'),
  )
  // The other rule's clauses, first seen in the first run and last in the last (ordering by last would differ).
  t.core.ctx.db
    .prepare(`UPDATE findings SET clauses_json = ? WHERE check_id = 'image-alt'`)
    .run(JSON.stringify([{ code: 'WCAG 2.2', clause: '1.1.1', mandatory: true }]))
  await t.call('rectification:sync', {})
  const items = await t.call('rectification:list', { source: 'web' })
  expect(items).toHaveLength(2)
  const contrast = items.find((i) => i.title === '文字与背景对比度不足')
  const alt = items.find((i) => i.title === '图片缺少替代文本')
  await t.call('rectification:merge', { targetId: alt!.id, ids: [contrast!.id] })
  return alt!.id
}

/** What item-content.ts derives from every linked finding, oldest first: the reference to compare with. */
function fromEveryFinding(itemId: number) {
  const db = t.core.ctx.db
  const findings = (
    db
      .prepare(
        `SELECT f.id, f.source, f.severity, f.title, f.detail, f.clauses_json, f.evidence_json, f.check_id,
                f.match_key, f.audit_run_id, f.created_at
         FROM rectification_item_findings l JOIN findings f ON f.id = l.finding_id
         WHERE l.item_id = ? ORDER BY f.id`,
      )
      .all(itemId) as Array<Record<string, never>>
  ).map((r): LinkedFinding => ({
    id: r.id,
    itemId,
    source: r.source,
    severity: r.severity,
    title: r.title,
    detail: r.detail,
    clausesJson: r.clauses_json,
    evidenceJson: r.evidence_json,
    checkId: r.check_id,
    matchKey: r.match_key,
    elementLabel: null,
    catalogId: null,
    inspectionId: null,
    inspectedOn: null,
    auditRunId: r.audit_run_id,
    createdAt: r.created_at,
    stands: true,
  }))
  const fixed = fixedElementKeys(findings, latestRunReader(db)(portalId))
  const row = db.prepare('SELECT group_key, title FROM rectification_items WHERE id = ?').get(itemId) as {
    group_key: string
    title: string
  }
  const item = {
    source: 'web' as const,
    groupKey: row.group_key,
    title: row.title,
    placeName: null,
    portalName: '区政府门户',
  }
  return { content: itemContent(item, findings, fixed), ids: findings.map((f) => f.id) }
}

describe('reading items at scale', () => {
  it('derives a web item from each element’s first and last finding exactly as from all its findings', async () => {
    const id = await history()
    const item = await t.call('rectification:get', { id })
    const reference = fromEveryFinding(id)
    expect(reference.ids).toHaveLength(13)
    expect({
      title: item.title,
      ruleIds: item.ruleIds,
      location: item.location,
      found: item.found,
      remedy: item.remedy,
      clauses: item.clauses,
      elements: item.elements,
      elementCount: item.elementCount,
      evidence: item.evidence,
    }).toEqual(reference.content)
    expect(item.findingIds).toEqual(reference.ids)
    // The case itself: b and c fixed, d unchecked; the clauses in the order they were first found.
    expect(item.elements.map((e) => e.selector).sort()).toEqual(['p.a', 'p.d', 'p.e', 'p.i'])
    expect(item.clauses.map((c) => `${c.code} ${c.clause}`)).toEqual([
      'WCAG 2.1 1.4.3',
      'WCAG 2.2 1.1.1',
      'WCAG 2.2 1.4.3',
      'GB/T 37668-2019 5.2.4.3',
    ])
  })

  it('lists a summary that says what the item says, without its content', async () => {
    const id = await history()
    await inspect(t, await createPlace(t, '区政务服务大厅', unit.id), '2026-03-12', [
      { label: '北门坡道', slope: failing },
    ])
    const list = await t.call('rectification:list', { status: 'all' })
    expect(list).toHaveLength(3)
    for (const summary of list) {
      const { events, found, remedy, elements, evidence, reply, findingIds, ruleIds, ...rest } = await t.call(
        'rectification:get',
        { id: summary.id },
      )
      expect(events.length).toBeGreaterThan(0)
      expect(
        [found, remedy, elements, evidence, reply, findingIds, ruleIds].every((v) => v !== undefined),
      ).toBe(true)
      expect(summary).toEqual(rest)
      expect(summary.findingCount).toBe(findingIds.length)
    }
    expect(list.find((i) => i.id === id)).toMatchObject({ elementCount: 4, findingCount: 13 })
  })

  it('gives the item page only the item’s own findings (问题记录), not every web finding of its unit', async () => {
    const id = await history()
    const other = await t.call('portals:create', {
      name: '区政务服务网',
      startUrl: 'https://zwfw.example/',
      unitId: unit.id,
    })
    webRun(t, other.id, [{ url: 'https://zwfw.example/', rules: { 'color-contrast': [node('z')] } }])
    await t.call('rectification:sync', {})
    const { findingIds } = await t.call('rectification:get', { id })
    const findings = await t.call('findings:list', { itemId: id })
    expect(findings.map((f) => f.id)).toEqual(findingIds)
    expect((await t.call('findings:list', { source: 'web', unitId: unit.id })).length).toBeGreaterThan(
      findingIds.length,
    )
  })
})
