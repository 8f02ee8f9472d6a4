/// <reference lib="dom" />
import type { Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../electron/core/open-core'
import { makeTempDir } from '../support/temp-dir'
import { expectNoAxeViolations, openAppSession, type AppSession } from './helpers'

let session: AppSession
let page: Page
let cleanup: () => void
let runId = 0

const filterBox = '.aa-wa-manual-bar input[type="checkbox"]'
const item = (checkId: string) => `li[data-check-id="${checkId}"]`

/**
 * A portal with one finished audit run, made through the real core before the door opens the folder (the
 * checklist does not depend on what the crawl found, so no site is crawled).
 */
async function seedPortalWithRun(dataDir: string): Promise<number> {
  const core = openCore(dataDir, 'e2e')
  try {
    const created = await core.dispatch('cli')('portals:create', {
      name: '乌达区人民政府网',
      startUrl: 'https://www.wuda.example.gov.cn/',
    })
    if (!created.ok) throw new Error(created.error.message)
    const portal = created.data as { id: number; startUrl: string }
    const now = new Date().toISOString()
    const run = core.ctx.db
      .prepare(
        `INSERT INTO audit_runs (portal_id, start_url, status, score, created_at, started_at, finished_at)
         VALUES (?, ?, 'completed', 80, ?, ?, ?)`,
      )
      .run(portal.id, portal.startUrl, now, now, now)
    return Number(run.lastInsertRowid)
  } finally {
    core.close()
  }
}

/** Screenshots for a human reviewer, only when asked for (WEB_AUDITS_SHOTS=/tmp/dir): the viewport from `selector` down. */
async function shot(name: string, selector: string): Promise<void> {
  const dir = process.env.WEB_AUDITS_SHOTS
  if (!dir) return
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'start' }))
  await page.screenshot({ path: `${dir}/${name}.png` })
}

async function announced(text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(t),
    { timeout: 10_000 },
    text,
  )
}

async function progressIs(text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid="manual-progress"]')?.textContent === t,
    { timeout: 10_000 },
    text,
  )
}

const groupHeadings = () =>
  page.$$eval('.aa-wa-manual-group:not([hidden]) > h3', (hs) =>
    hs.map((h) => h.textContent?.replace(/\s+/g, ' ').trim()),
  )

/** The items on screen (the filter hides the others, keeping their unsaved input). */
const listedItems = () =>
  page.$$eval('li[data-check-id]', (lis) =>
    lis.filter((li) => li.checkVisibility()).map((li) => li.getAttribute('data-check-id')),
  )

/** What has focus, described as a screen reader user would need it: which item, which control. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    return {
      item: el?.closest('[data-check-id]')?.getAttribute('data-check-id') ?? null,
      tag: el?.tagName.toLowerCase(),
      type: el?.getAttribute('type') ?? null,
      label: el?.getAttribute('aria-label') ?? el?.closest('label')?.textContent ?? null,
    }
  })

beforeAll(async () => {
  const temp = makeTempDir('access-audit-e2e-manual-')
  cleanup = temp.cleanup
  runId = await seedPortalWithRun(temp.dir)
  session = await openAppSession(temp.dir)
  page = session.page
  await page.goto(`${session.door.origin}/#/web-audits/runs/${runId}`, { waitUntil: 'networkidle0' })
  await page.waitForSelector('[data-testid="manual-progress"]')
})

afterAll(async () => {
  await session?.close()
  cleanup?.()
})

describe('the manual checklist, end to end', () => {
  it('groups the checks by principle, each with its count, under one overall progress line', async () => {
    await progressIs('总进度：已答 0 / 67，未通过 0')
    expect(
      await page.$eval('[data-testid="manual-progress"]', (p) => [
        p.getAttribute('role'),
        p.getAttribute('aria-live'),
      ]),
    ).toEqual(['status', 'polite'])
    expect(await groupHeadings()).toEqual([
      '可感知性 已答 0 / 21，未通过 0',
      '可操作性 已答 0 / 22，未通过 0',
      '可理解性 已答 0 / 13，未通过 0',
      '兼容性 已答 0 / 4，未通过 0',
      '适老化 已答 0 / 7，未通过 0',
    ])
    expect(await listedItems()).toHaveLength(67)
    // Each item: its clauses, the prompt, and a radiogroup named by its visible legend and the check.
    const first = await page.$eval(item('wcag-1.1.1'), (li) => ({
      heading: li.querySelector('h4')?.textContent,
      refs: Array.from(li.querySelectorAll('.aa-wa-manual-refs li')).map((r) => r.textContent),
      legend: li.querySelector('legend')?.textContent,
      radios: Array.from(li.querySelectorAll('input[type="radio"]')).map(
        (r) => r.closest('label')?.textContent,
      ),
    }))
    expect(first).toEqual({
      heading: '1.1.1 非文本内容 · 未检查',
      refs: ['WCAG 1.1.1（A 级）', 'GB/T 37668-2019：3.2.1.3、3.2.1.4'],
      legend: '结论',
      radios: ['通过', '不通过', '不适用'],
    })
    expect(await page.$('aria/结论 1.1.1 非文本内容[role="radiogroup"]')).not.toBeNull()
    const refsOf = (id: string) =>
      page.$eval(item(id), (li) =>
        Array.from(li.querySelectorAll('.aa-wa-manual-refs li')).map((r) => r.textContent),
      )
    expect(await refsOf('wcag-2.5.8')).toEqual([
      'WCAG 2.5.8（AA 级）',
      'GB/T 37668-2019：无（WCAG 2.2 新增）',
      '适老化：《移动互联网应用（APP）适老化通用设计规范》2.1',
    ])
    expect(await refsOf('gb-3.3.4.2')).toEqual(['WCAG：无对应成功准则', 'GB/T 37668-2019：3.3.4.2'])
    expect(await page.$eval(`[data-group="operable"] ${item('gb-3.3.4.2')}`, (li) => !!li)).toBe(true)
    await shot('manual-checklist', '.aa-wa-manual-bar')
    await shot('manual-ageing', '[data-group="ageing"]')
    await expectNoAxeViolations(page, '人工检查清单')
  })

  it('answers an item with the keyboard only; a fail is not saved without a note', async () => {
    await page.focus(filterBox)
    await page.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ item: 'wcag-1.1.1', tag: 'input', type: 'radio' })
    await page.keyboard.press('ArrowRight')
    expect(
      await page.$eval(`${item('wcag-1.1.1')} input[value="fail"]`, (r) => (r as HTMLInputElement).checked),
    ).toBe(true)
    // A fail makes the note required, and says why before the inspector reaches it.
    expect(await page.$eval(`${item('wcag-1.1.1')} label[for$="-note"]`, (l) => l.textContent)).toBe(
      '备注（必填）',
    )
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ item: 'wcag-1.1.1', label: '保存“非文本内容”的结论' })
    await page.keyboard.press('Enter')
    await page.waitForSelector(`${item('wcag-1.1.1')} textarea[aria-invalid="true"]`)
    expect(await focused()).toMatchObject({ item: 'wcag-1.1.1', tag: 'textarea' })
    const described = await page.$eval(`${item('wcag-1.1.1')} textarea`, (ta) =>
      (ta.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    )
    expect(described).toContain('选择“不通过”时必须填写备注')
    await progressIs('总进度：已答 0 / 67，未通过 0')
    await shot('manual-note-missing', item('wcag-1.1.1'))
    await expectNoAxeViolations(page, '人工检查清单, a fail without a note')

    await page.keyboard.type('首页新闻配图 alt 为“图片”')
    expect(await page.$eval(`${item('wcag-1.1.1')} .aa-wa-manual-dirty`, (s) => s.textContent)).toBe(
      '有未保存的修改',
    )
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await announced('已保存：非文本内容，不通过，已列为问题')
    await progressIs('总进度：已答 1 / 67，未通过 1')
    expect((await groupHeadings())[0]).toBe('可感知性 已答 1 / 21，未通过 1')
    expect(await page.$eval(`${item('wcag-1.1.1')} h4`, (h) => h.textContent)).toBe(
      '1.1.1 非文本内容 ✗ 不通过',
    )
    expect(await page.$eval(`${item('wcag-1.1.1')} [id$="-state"]`, (s) => s.textContent)).toMatch(
      /^上次保存：/,
    )
    expect(await focused()).toMatchObject({ item: 'wcag-1.1.1', label: '保存“非文本内容”的结论' })

    // On to the next item: Space chooses 通过, and a pass needs no note.
    await page.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ item: 'wcag-1.2.1', type: 'radio' })
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await announced('已保存：仅音频和仅视频（预录制），通过')
    await progressIs('总进度：已答 2 / 67，未通过 1')
    expect((await groupHeadings())[0]).toBe('可感知性 已答 2 / 21，未通过 1')
    await shot('manual-answered', item('wcag-1.1.1'))

    // Save with no conclusion chosen: told so, and taken back to the conclusion.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ item: 'wcag-1.2.2', label: '保存“字幕（预录制）”的结论' })
    await page.keyboard.press('Enter')
    await page.waitForSelector(`${item('wcag-1.2.2')} fieldset[aria-invalid="true"]`)
    expect(await focused()).toMatchObject({ item: 'wcag-1.2.2', type: 'radio', label: '通过' })
    expect(await page.$eval(`${item('wcag-1.2.2')} .aa-wa-error-text`, (p) => p.textContent)).toBe(
      '请先选择结论',
    )
    await progressIs('总进度：已答 2 / 67，未通过 1')
  })

  it('只看未答 lists what is left, keeps focus on the filter, and keeps an item answered meanwhile', async () => {
    // An edit not saved yet, in an item the filter will hide: it must still be there afterwards.
    await page.focus(`${item('wcag-1.2.1')} textarea`)
    await page.keyboard.type('已核对 3 个音频')
    expect(
      await page.$eval(
        filterBox,
        (box) => document.getElementById(box.getAttribute('aria-describedby')!)?.textContent,
      ),
    ).toContain('此后保存的项目仍留在原处')
    await page.focus(filterBox)
    await page.keyboard.press('Space')
    await announced('只看未答：列出 65 项')
    expect(await page.$eval(filterBox, (box) => box === document.activeElement)).toBe(true)
    const left = await listedItems()
    expect(left).toHaveLength(65)
    expect(left).not.toContain('wcag-1.1.1')
    expect(left).not.toContain('wcag-1.2.1')
    expect(left[0]).toBe('wcag-1.2.2')
    // The counts stay those of the whole group: the filter hides items, it does not change the progress.
    expect((await groupHeadings())[0]).toBe('可感知性 已答 2 / 21，未通过 1')
    await shot('manual-filtered', '.aa-wa-manual-bar')
    await expectNoAxeViolations(page, '人工检查清单, 只看未答')

    // Resume where the inspector stopped: the next Tab lands in the first unanswered item.
    await page.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ item: 'wcag-1.2.2', type: 'radio' })
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await announced('已保存：字幕（预录制），不适用')
    await progressIs('总进度：已答 3 / 67，未通过 1')
    // Saved, yet still listed, and focus has not moved: the list does not shift under the inspector.
    expect(await listedItems()).toHaveLength(65)
    expect(await focused()).toMatchObject({ item: 'wcag-1.2.2', label: '保存“字幕（预录制）”的结论' })

    // Turning the filter off and on again takes the new answer into account.
    await page.focus(filterBox)
    await page.keyboard.press('Space')
    await announced('显示全部 67 项')
    expect(await listedItems()).toHaveLength(67)
    await page.keyboard.press('Space')
    await announced('只看未答：列出 64 项')
    expect(await listedItems()).not.toContain('wcag-1.2.2')
    await page.keyboard.press('Space')
    await announced('显示全部 67 项')
    expect(
      await page.$eval(item('wcag-1.2.1'), (li) => [
        li.querySelector('textarea')?.value,
        li.querySelector('[id$="-state"]')?.textContent,
      ]),
    ).toEqual(['已核对 3 个音频', '有未保存的修改'])
  })

  it('reads at 200 % zoom without horizontal scrolling, with zero axe violations', async () => {
    // 200 % browser zoom of a 1280×900 window: half the CSS pixels, twice the device pixels.
    await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 })
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      items: Array.from(document.querySelectorAll('li[data-check-id]')).filter(
        (li) => li.scrollWidth > li.clientWidth,
      ).length,
    }))
    expect(overflow).toEqual({ page: 0, items: 0 })
    await shot('manual-zoom-200-top', '.aa-wa-manual-bar')
    await shot('manual-zoom-200-item', item('wcag-1.1.1'))
    await expectNoAxeViolations(page, '人工检查清单 at 200 %')
    await page.setViewport({ width: 1280, height: 900 })
  })
})
