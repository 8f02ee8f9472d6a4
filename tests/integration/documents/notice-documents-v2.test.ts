import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  noticeSheetName,
  renderNoticeDocx,
  renderNoticeHtml,
  renderNoticeXlsx,
} from '../../../electron/core/documents'
import { colophonHeightMm, photoPages } from '../../../electron/core/documents/notice/photo-pages'
import type { NoticePhoto } from '../../../shared/domain/notice-document'
import { docxParagraphs, lintNoticeBlocks, xlsxCells } from '../../support/notice-lint'
import {
  formulaText,
  hostileSnippet,
  hostileTitle,
  makeJpeg,
  sampleLoader,
  sampleNoticeV2,
} from './sample-notice'

/**
 * The version 2 notice in its three files: the same body and list in each, hostile text from audited sites as
 * literal text, every picture once with its caption, no printed seal, the 版记 when asked for. (The PDF itself,
 * through Chromium, is read back in golden-notices.test.ts.)
 */

let jpeg: Uint8Array
beforeAll(async () => {
  jpeg = await makeJpeg()
})

const evidence = () => {
  const doc = sampleNoticeV2()
  return [
    ...doc.items.flatMap((i) => [i.position, ...i.elements.map((e) => e.html)]),
    hostileTitle,
    formulaText,
  ]
}

describe('version 2 notice: HTML for print and PDF', () => {
  it('has the GB/T 9704 parts in order, escapes hostile text and prints each picture once', async () => {
    const doc = sampleNoticeV2()
    const html = await renderNoticeHtml(doc, sampleLoader(jpeg))
    expect(html).toContain(`content="default-src 'none'; img-src data:;`)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).not.toMatch(/(src|href)="(https?:|file:|\/\/)/)
    const order = [
      '乌残无障碍整改〔2026〕7号',
      '无障碍环境问题整改通知书',
      '乌达区图书馆：',
      '一、存在的主要问题',
      '附件：',
      '1.问题清单',
      '2.现场照片和网页截图',
      '<span class="date">2026年3月5日</span>',
      '<p class="attachment-label">附件1</p>',
      '<p class="attachment-label">附件2</p>',
      '抄送：区住房和城乡建设局，区残疾人联合会。',
      '2026年3月5日印发',
    ]
    const at = order.map((text) => html.indexOf(text))
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(order.filter((_, i) => at[i]! < 0)),
    ).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // The seal is stamped on paper: nothing is printed in its place.
    expect(html).not.toContain('盖章')
    expect(html).not.toContain('class="seal"')
    // Photo 1 serves rows 1 and 2, yet is embedded once; photo 2 is missing and says so; the screenshot is there.
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2)
    expect(html.match(/照片缺失<\/span>/g)).toHaveLength(1)
    expect(html).toContain('图1\u3000乌达区图书馆·北入口坡道（2026年3月1日检查）（问题清单第1、2项）')
    expect(html).toContain('现场照片见附件2图1、图2。')
    expect(html).toContain('GB 55019-2021 第2.3.1条第1款（强制性条文）')
    expect(html).toContain('WCAG 2.2 成功准则 1.1.1“非文本内容”')
  })

  it('leaves 附件2 out when there is no picture, and puts the 版记 after the list', async () => {
    const doc = { ...sampleNoticeV2(), photos: [], attachments: ['问题清单'] }
    doc.items = doc.items.map((i) => ({ ...i, photoNumbers: [] }))
    const html = await renderNoticeHtml(doc, sampleLoader(jpeg))
    expect(html).not.toContain('附件2')
    expect(html).toContain('附件：<')
    expect(html).not.toContain('1.问题清单')
    expect(html.indexOf('class="colophon flow-colophon"')).toBeGreaterThan(html.indexOf('附件1'))
  })
})

describe('version 2 notice: 附件2 pages', () => {
  const photos = (n: number): NoticePhoto[] =>
    Array.from({ length: n }, (_, i) => ({
      number: i + 1,
      kind: 'photo',
      ref: String(i),
      caption: `图${i + 1}`,
      itemIndexes: [1],
    }))
  const colophon = { copyTo: '区住建局', printer: '促进队', printedOn: '2026-03-05' }

  it('puts two rows under the heading and three on each further page', () => {
    expect(photoPages(photos(4), null).map((p) => p.length)).toEqual([4])
    expect(photoPages(photos(11), null).map((p) => p.length)).toEqual([4, 6, 1])
    expect(photoPages(photos(10), null).map((p) => p.length)).toEqual([4, 6])
  })

  it('keeps room for the 版记 at the foot of the last page', () => {
    // Three rows leave room for a short 版记; a long 抄送 list makes a full page give its last row to a page of its
    // own, which then holds the 版记.
    expect(photoPages(photos(10), colophon).map((p) => p.length)).toEqual([4, 6])
    const longCopy = {
      ...colophon,
      copyTo: '乌达区住房和城乡建设局，乌达区交通局，乌达区政务服务局，乌达区教育局，乌达区民政局',
    }
    expect(photoPages(photos(10), longCopy).map((p) => p.length)).toEqual([4, 4, 2])
    expect(photoPages(photos(3), colophon).map((p) => p.length)).toEqual([3])
    expect(colophonHeightMm({ ...colophon, copyTo: '很长的抄送单位名称'.repeat(8) })).toBeGreaterThan(
      colophonHeightMm(colophon),
    )
  })
})

describe('version 2 notice: Word', () => {
  it('has the same text as the print, the hostile snippet as text and each picture once', async () => {
    const doc = sampleNoticeV2()
    const bytes = await renderNoticeDocx(doc, sampleLoader(jpeg))
    const paragraphs = await docxParagraphs(bytes)
    const text = paragraphs.join('\n')
    for (const expected of [
      doc.number!,
      '乌达区图书馆：',
      ...doc.body.map((b) => b.text),
      '附件：1.问题清单',
      '2.现场照片和网页截图',
      '附件1',
      '问题清单',
      ...doc.items.map((i) => i.title.split('：').pop()!),
      '乌达区图书馆（现场检查）',
      hostileSnippet,
      formulaText,
      '［照片缺失］',
      '抄送：区住房和城乡建设局，区残疾人联合会。',
      '乌达区残疾人联合会无障碍体验促进队\t2026年3月5日印发',
    ])
      expect(text).toContain(expected)
    expect(text).not.toContain('盖章')
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).not.toContain('<img src=x')
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2)
    // The list's header row repeats on each page.
    expect(xml).toContain('<w:tblHeader/>')
    expect(lintNoticeBlocks(paragraphs, evidence())).toEqual([])
  })
})

describe('version 2 notice: Excel', () => {
  it('is the 问题清单: the same cells as the printed list, as text, with two columns for the unit', async () => {
    const doc = sampleNoticeV2()
    const bytes = await renderNoticeXlsx(doc)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(noticeSheetName)!
    expect(noticeSheetName).toBe('问题清单')
    expect(String(sheet.getCell('A1').value)).toContain(doc.number!)
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '问题位置',
      '存在的问题',
      '依据条款',
      '整改要求',
      '整改情况（由整改单位填写）',
      '完成日期',
    ])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.getCell('B3').value).toBe('乌达区图书馆\n北入口坡道')
    // The facility is in 问题位置, so the problem's name goes without it.
    expect(sheet.getCell('C3').value).toBe(
      '坡道坡度\n实测坡度 1:8（12.5%），要求不大于 1:12（8.33%）。\n现场照片见附件2图1。',
    )
    expect(sheet.getCell('D3').value).toBe('GB 55019-2021 第2.3.1条第1款（强制性条文）')
    const remedy = sheet.getCell('E5')
    expect(remedy.type).toBe(ExcelJS.ValueType.String)
    expect(remedy.value).toBe(formulaText)
    expect(String(sheet.getCell('C5').value)).toContain(hostileSnippet)
    const zip = await JSZip.loadAsync(bytes)
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>')
    expect(lintNoticeBlocks(await xlsxCells(bytes), evidence())).toEqual([])
  })
})
