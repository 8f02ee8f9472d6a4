import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NoticeDocumentV2 } from '../../../shared/domain/notice-document'
import { openTestCore, type TestCore } from '../../support/test-core'
import { seededUnit, webRun } from './fixtures'

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

const contrast = (selector: string, fingerprint: string) => ({
  selector,
  html: `<p class="${selector.slice(2)}">x</p>`,
  fingerprint,
})

function firstRun(): void {
  webRun(t, portalId, [
    { url: 'https://gov.example/', rules: { 'color-contrast': [contrast('p.a', 'fa')] } },
    { url: 'https://gov.example/news', rules: { 'color-contrast': [contrast('p.b', 'fb')] } },
    { url: 'https://gov.example/about', rules: { 'color-contrast': [contrast('p.c', 'fc')] } },
  ])
}

async function theWebItem() {
  const items = await t.call('rectification:list', { source: 'web' })
  expect(items).toHaveLength(1)
  const item = await t.call('rectification:get', { id: items[0]!.id })
  // The list counts the same elements and pages as the item itself.
  expect(items[0]).toMatchObject({ elementCount: item.elementCount, location: item.location })
  return item
}

describe('web items list only what the latest run still reports', () => {
  it('leaves out an element fixed on an audited page, keeps one on a page the run could not audit', async () => {
    firstRun()
    await t.call('rectification:sync', {})
    expect((await theWebItem()).elementCount).toBe(3)
    // Run 2: p.a still fails, /news was audited without p.b (fixed), /about failed to load (unchecked).
    webRun(t, portalId, [
      { url: 'https://gov.example/', rules: { 'color-contrast': [contrast('p.a', 'fa')] } },
      { url: 'https://gov.example/news', rules: {} },
      { url: 'https://gov.example/about', ok: false },
    ])
    await t.call('rectification:sync', {})
    const item = await theWebItem()
    expect(item.elementCount).toBe(2)
    expect(item.elements.map((e) => e.selector).sort()).toEqual(['p.a', 'p.c'])
    expect(item.found).toContain('共2处')
    expect(item.found).not.toContain('共3处')

    const notice = await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: [item.id],
      issuedOn: '2026-11-20',
      deadline: '2026-12-20',
    })
    const document = (await t.call('notices:get', { id: notice.id })).document as NoticeDocumentV2
    expect(document.items[0]!.elements.map((e) => e.html).sort()).toEqual([
      '<p class="a">x</p>',
      '<p class="c">x</p>',
    ])
    expect(document.items[0]!.elementCount).toBe(2)
    expect(document.items[0]!.position).not.toContain('/news')
  })

  it('an element reported again after a run that missed it is listed again', async () => {
    firstRun()
    webRun(t, portalId, [
      { url: 'https://gov.example/', rules: { 'color-contrast': [contrast('p.a', 'fa')] } },
      { url: 'https://gov.example/news', rules: {} },
      { url: 'https://gov.example/about', rules: { 'color-contrast': [contrast('p.c', 'fc')] } },
    ])
    webRun(t, portalId, [
      { url: 'https://gov.example/', rules: { 'color-contrast': [contrast('p.a', 'fa')] } },
      { url: 'https://gov.example/news', rules: { 'color-contrast': [contrast('p.b', 'fb')] } },
      { url: 'https://gov.example/about', rules: { 'color-contrast': [contrast('p.c', 'fc')] } },
    ])
    await t.call('rectification:sync', {})
    expect((await theWebItem()).elementCount).toBe(3)
  })

  it('when every element is gone the item keeps them listed and says it awaits verification', async () => {
    firstRun()
    await t.call('rectification:sync', {})
    webRun(t, portalId, [
      { url: 'https://gov.example/', rules: {} },
      { url: 'https://gov.example/news', rules: {} },
      { url: 'https://gov.example/about', rules: {} },
    ])
    await t.call('rectification:sync', {})
    const item = await theWebItem()
    expect(item.elementCount).toBe(3)
    expect(item.found).toContain('最近一次检测已不再发现，待核验')
  })

  it('stores the category as an id, shows its label, and finds it by the label', async () => {
    firstRun()
    await t.call('rectification:sync', {})
    const item = await theWebItem()
    expect(item).toMatchObject({ categoryId: 'web', category: '网站无障碍' })
    const stored = t.core.ctx.db
      .prepare('SELECT category FROM rectification_items WHERE id = ?')
      .pluck()
      .get(item.id)
    expect(stored).toBe('web')
    expect(await t.call('rectification:list', { search: '网站无障碍' })).toHaveLength(1)
    expect(await t.call('rectification:list', { search: '适老化' })).toHaveLength(0)
  })
})
