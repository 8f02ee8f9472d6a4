import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NoticeDocumentV2 } from '../../../shared/domain/notice-document'
import type { ExportFormat } from '../../../shared/domain/rectification'
import { docxParagraphs, lintNoticeBlocks, lintNoticeText, xlsxCells } from '../../support/notice-lint'
import { openTestCore, type TestCore } from '../../support/test-core'
import { contact, copyTo, issueSiteNotice, issueWebNotice, startPortal } from './golden-fixtures'

/**
 * Golden notices: one to a unit responsible for a place, one to a unit responsible for a portal, issued through the
 * app's own operations and exported as PDF, Word and Excel. Each output is read back as text and linted for
 * broken or internal wording (tests/support/notice-lint.ts); the PDF's text is compared with the committed
 * expected text in golden/ (`pdftotext -raw`; volatile parts normalised: the fixture site's port). After a deliberate change of the
 * wording or layout, re-run with UPDATE_GOLDEN=1 and review the diff of the .txt files as a unit would read them.
 * NOTICE_PNG_DIR=<dir> keeps each page as a PNG to look at.
 */

const goldenDir = path.join(__dirname, 'golden')
let t: TestCore
let portal: Awaited<ReturnType<typeof startPortal>>

/** A clock that starts on a fixed day and runs (the audit runner times its leases with it). */
function clockFrom(iso: string): () => Date {
  const start = Date.now()
  const base = Date.parse(iso)
  return () => new Date(base + (Date.now() - start))
}

beforeAll(async () => {
  process.env.ACCESS_AUDIT_CHROME_ARGS = '--proxy-server=127.0.0.1:9'
  portal = await startPortal()
  t = openTestCore({}, { now: clockFrom('2026-03-05T09:00:00+08:00') })
  const settings = await t.call('rectification:settings', {})
  await t.call('rectification:saveSettings', { ...settings, copyTo })
}, 60_000)
afterAll(async () => {
  await t?.core.shutdown().catch(() => undefined)
  await portal?.close()
  if (t) fs.rmSync(t.dir, { recursive: true, force: true })
})

async function exported(noticeId: number, format: ExportFormat): Promise<Buffer> {
  const file = await t.call('notices:export', { id: noticeId, format })
  return Buffer.from(file.base64, 'base64')
}

/** The PDF's text in the order it was written: the document's order, so a table cell's lines stay together. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(t.dir, `${name}.pdf`)
  fs.writeFileSync(file, pdf)
  if (process.env.NOTICE_PNG_DIR) {
    execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(process.env.NOTICE_PNG_DIR, name)])
  }
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString()
}

/** What the audited site gave: its page URLs and HTML snippets, quoted verbatim by the notice. */
function quoted(doc: NoticeDocumentV2): string[] {
  return doc.items.flatMap((i) => [
    ...i.position.split('\n').filter((l) => /^https?:/.test(l)),
    ...i.elements.flatMap((e) => [e.pageUrl, e.html]),
    ...doc.photos.filter((p) => i.photoNumbers.includes(p.number)).map((p) => p.caption),
  ])
}

/** The fixture site's port (Linux gives five-digit ones) is volatile. */
function normalise(text: string): string {
  const port = new URL(portal.origin).port
  return (
    text
      // The port's digits differ in width, so the rest of the URL wraps at a different letter from run to run: the
      // URL is read as one line (a URL cell holds only ASCII; the next line starts with the CJK title).
      .replace(
        new RegExp(
          `127\\.0\\.0\\.1:(\\s*)${[...port].join('\\s*')}((?:[\\x21-\\x7e]|\\n(?=[\\x21-\\x7e]))*)`,
          'g',
        ),
        (_all, space: string, rest: string) => `127.0.0.1:${space}<端口>${rest.replace(/\n/g, '')}`,
      )
      .split('\n')
      .map((line) => line.replace(/\s+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
  )
}

function compareGolden(name: string, text: string): void {
  const file = path.join(goldenDir, `${name}.txt`)
  const actual = normalise(text)
  if (process.env.UPDATE_GOLDEN || !fs.existsSync(file)) {
    fs.mkdirSync(goldenDir, { recursive: true })
    fs.writeFileSync(file, actual)
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'))
}

async function checkNotice(name: string, noticeId: number, unitName: string) {
  const notice = await t.call('notices:get', { id: noticeId })
  const doc = notice.document as NoticeDocumentV2
  expect(doc.version).toBe(2)
  const evidence = quoted(doc)

  const pdf = await exported(noticeId, 'pdf')
  const text = pdfText(pdf, name)
  expect(lintNoticeText(text, evidence)).toEqual([])
  compareGolden(name, text)

  const squashed = text.replace(/\s+/g, '')
  // GB/T 9704: 发文字号 without 第; 主送; 附件 on their own pages; the seal is stamped, never printed.
  expect(notice.number).toMatch(/^乌残无障碍整改〔2026〕\d+号$/)
  expect(squashed).toContain(notice.number)
  expect(squashed).toContain(`${unitName}：`)
  expect(squashed).toContain('附件：1.问题清单')
  expect(squashed).toContain('附件1问题清单')
  expect(squashed).not.toContain('盖章')
  expect(squashed).toContain(`抄送：${copyTo}。`)
  expect(squashed).toContain(contact.replace(/\s+/g, ''))
  // Each picture once in 附件2, however many rows cite it.
  for (const photo of doc.photos) {
    const caption = `图${photo.number}`
    expect(
      squashed.split(caption + '\u3000').length - 1 || squashed.split(caption).length - 1,
    ).toBeGreaterThan(0)
  }
  expect(new Set(doc.photos.map((p) => `${p.kind}:${p.ref}`)).size).toBe(doc.photos.length)

  const paragraphs = await docxParagraphs(await exported(noticeId, 'docx'))
  expect(lintNoticeBlocks(paragraphs, evidence)).toEqual([])
  const cells = await xlsxCells(await exported(noticeId, 'xlsx'))
  expect(lintNoticeBlocks(cells, evidence)).toEqual([])
  // The same rows in all three: each item's title and remedy.
  for (const item of doc.items) {
    // A site row's title goes without its facility, which the row's 问题位置 names.
    const title = item.source === 'site' ? item.title.split('：').pop()! : item.title
    expect(squashed).toContain(title.replace(/\s+/g, ''))
    expect(paragraphs.join('')).toContain(title)
    expect(cells.some((c) => c.includes(item.remedy))).toBe(true)
  }
  return doc
}

describe('golden notices', () => {
  it('to the unit of an inspected place: deciding clauses, each photo once, one page of list', async () => {
    const { noticeId, unitName } = await issueSiteNotice(t)
    const doc = await checkNotice('site-notice', noticeId, unitName)
    // The checks of one ramp share its one photo: printed once, cited by every row of the ramp.
    const rampRows = doc.items.filter((i) => i.position === '北入口坡道').map((i) => i.index)
    expect(rampRows.length).toBeGreaterThan(1)
    const rampPhoto = doc.photos.find((p) => p.caption.includes('北入口坡道'))!
    expect(rampPhoto.itemIndexes).toEqual(rampRows)
    expect(doc.photos).toHaveLength(2)
    // Only the deciding clauses: the narrow ramp breaks GB 55019 2.3.2; GB 50763 3.4.2 (superseded, 1.00 m) is no
    // basis, and the call button's ★ comes from GB 55019 alone.
    const width = doc.items.find((i) => i.title.endsWith('轮椅坡道通行净宽'))!
    expect(width.clauses.map((c) => `${c.code} ${c.clause}`)).toEqual(['GB 55019-2021 2.3.2'])
    const button = doc.items.find((i) => i.title.endsWith('救助呼叫按钮'))!
    expect(button.clauses.filter((c) => c.mandatory).map((c) => c.code)).toEqual(['GB 55019-2021'])
    expect(doc.items.flatMap((i) => i.clauses).every((c) => c.code !== 'GB 50763-2012' || !c.mandatory)).toBe(
      true,
    )
  }, 120_000)

  it('to the unit of an audited portal: overlapping rules as one item each, no tool internals', async () => {
    const { noticeId, unitName } = await issueWebNotice(t, portal.origin)
    const doc = await checkNotice('web-notice', noticeId, unitName)
    const byTitle = new Map(doc.items.map((i) => [i.title, i]))
    expect(byTitle.get('页面未正确声明语言')?.ruleIds.sort()).toEqual(['aa-html-lang', 'html-has-lang'])
    expect(byTitle.get('文字与背景对比度不足')?.ruleIds.sort()).toEqual([
      'aa-ageing-contrast',
      'color-contrast',
    ])
    expect(byTitle.get('页面定时刷新或跳转')?.ruleIds.sort()).toEqual(['aa-timed-refresh', 'meta-refresh'])
    expect(byTitle.get('使用了滚动字幕（走马灯）')?.ruleIds.sort()).toEqual([
      'aa-html-conformance',
      'marquee',
    ])
  }, 180_000)
})
