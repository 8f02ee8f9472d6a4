import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../../shared/api/errors'
import { noticeSheetName } from '../../../electron/core/documents/notice-v1/notice-xlsx'
import {
  createPdfRenderer,
  escapeHtml,
  printableText,
  renderNoticeDocx,
  renderNoticeHtml,
  renderNoticeXlsx,
  type PdfRenderer,
} from '../../../electron/core/documents'
import { launchTestBrowser } from '../../support/chromium'
import { makeTempDir } from '../../support/temp-dir'
import {
  formulaText,
  hostileSnippet,
  hostileTitle,
  makeJpeg,
  sampleLoader,
  sampleNotice,
} from './sample-notice'

const run = promisify(execFile)
/** pdftotext wraps lines where the layout does; compare texts with all white space removed. */
const squash = (s: string) => s.replace(/\s+/g, '')

let jpeg: Uint8Array
let dir: string
let cleanup: () => void
let renderer: PdfRenderer
const launched: Browser[] = []

beforeAll(async () => {
  ;({ dir, cleanup } = makeTempDir())
  jpeg = await makeJpeg()
  // One browser for the file, launched by the renderer itself on first use (the tests' closed-network flags).
  renderer = createPdfRenderer({
    launch: async () => {
      const browser = await launchTestBrowser()
      launched.push(browser)
      return browser
    },
  })
})
afterAll(async () => {
  await renderer.close()
  cleanup()
})

describe('escapeHtml', () => {
  it('escapes markup characters and drops characters a document cannot carry', () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)>&"'\``)).toBe(
      '&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;&#96;',
    )
    expect(escapeHtml('a\u0000b\u0007c\uFFFEd\ne')).toBe('abcd\ne')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(42)).toBe('42')
    expect(printableText('无障碍\u0001坡道')).toBe('无障碍坡道')
  })
})

// The notice shape issued before version 2 (every item a block in the body) still renders as it was issued.
describe('renderNoticeHtml (a version 1 notice)', () => {
  it('is a self-contained document with no script and every hostile value escaped', async () => {
    const html = await renderNoticeHtml(sampleNotice(), sampleLoader(jpeg))
    expect(html).toContain(`content="default-src 'none'; img-src data:;`)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('</title><script>')
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;')
    // Two images (the photo and the screenshot) embedded, the missing one shown as missing.
    expect(html.match(/<img src="data:image\/jpeg;base64,/g)).toHaveLength(2)
    expect(html).toContain('照片缺失')
    expect(html).not.toMatch(/(src|href)="(https?:|file:|\/\/)/)
    // Where: 场所·部位 on one line; a portal, then its page (escaped) on the next.
    expect(html).toContain('<td>乌达区图书馆·北入口坡道</td>')
    expect(html).toContain(
      '<td>乌达区图书馆门户网站<br>https://lib.example.gov.cn/news?id=1&amp;x=&lt;b&gt;</td>',
    )
  })

  it('treats a loader that throws like a missing photo', async () => {
    const html = await renderNoticeHtml(sampleNotice(), async () => {
      throw new Error('disk gone')
    })
    expect(html.match(/照片缺失<\/div>/g)).toHaveLength(3)
  })
})

describe('PDF', () => {
  let pdfPath: string
  beforeAll(async () => {
    const bytes = await renderer.renderPdf(await renderNoticeHtml(sampleNotice(), sampleLoader(jpeg)))
    pdfPath = path.join(dir, 'notice.pdf')
    fs.writeFileSync(pdfPath, bytes)
  })

  it('is A4 and has pages', async () => {
    const { stdout } = await run('pdfinfo', [pdfPath])
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(1)
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout)!.slice(1).map(Number)
    expect(Math.round(w!)).toBe(595)
    expect(Math.round(h!)).toBe(842)
  })

  it('holds the unit, the number, every item, the clauses in Chinese and the snippet as literal text', async () => {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'])
    const text = squash(stdout)
    const doc = sampleNotice()
    for (const expected of [
      doc.unitName,
      doc.number!,
      '无障碍环境问题整改通知书',
      ...doc.items.map((i) => i.title),
      'GB55019-2021第3.1.4条（强制性条文）',
      'GB55019-2021第3.6.3条',
      'GB/T37668-2019第8.2.1.1条',
      'WCAG2.2成功准则1.1.1',
      hostileSnippet,
      formulaText,
      '照片缺失',
      '2026年4月4日',
      '—1—',
    ])
      expect(text).toContain(squash(expected))
    expect(text).toContain(squash(hostileTitle))
  })

  it('renders a PNG of the first page', async () => {
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, path.join(dir, 'page')])
    const png = fs.readdirSync(dir).find((f) => /^page-0*1\.png$/.test(f))
    expect(png).toBeDefined()
    const bytes = fs.readFileSync(path.join(dir, png!))
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    if (process.env.KEEP_NOTICE_PNG) fs.copyFileSync(path.join(dir, png!), process.env.KEEP_NOTICE_PNG)
  })

  it('runs no script from the document (JavaScript is off on the rendering page)', async () => {
    const html = `<!DOCTYPE html><html><body><p>静态内容</p><script>document.body.append('SCRIPT RAN')</script></body></html>`
    const file = path.join(dir, 'script.pdf')
    fs.writeFileSync(file, await renderer.renderPdf(html))
    const { stdout } = await run('pdftotext', [file, '-'])
    expect(stdout).toContain('静态内容')
    expect(stdout).not.toContain('SCRIPT RAN')
  })

  it('queues concurrent renders and relaunches a browser that was killed', async () => {
    const page = (n: number) => `<!DOCTYPE html><html><body><p>第${n}页</p></body></html>`
    const results = await Promise.all([1, 2, 3].map((n) => renderer.renderPdf(page(n))))
    for (const pdf of results) expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    const before = launched.length
    launched.at(-1)!.process()!.kill('SIGKILL')
    await new Promise((r) => setTimeout(r, 300))
    const after = await renderer.renderPdf(page(4))
    expect(Buffer.from(after.subarray(0, 5)).toString()).toBe('%PDF-')
    expect(launched.length).toBe(before + 1)
  })

  it('replaces its page after 20 documents (memory stays flat over a long batch)', async () => {
    const browser = await launchTestBrowser()
    let pagesOpened = 0
    browser.on('targetcreated', (target: { type(): string }) => {
      if (target.type() === 'page') pagesOpened++
    })
    const single = createPdfRenderer({ launch: async () => browser })
    try {
      for (let n = 1; n <= 21; n++) await single.renderPdf(`<!DOCTYPE html><p>第${n}份</p>`)
      expect(pagesOpened).toBe(2)
      expect((await browser.pages()).length).toBeLessThanOrEqual(2)
    } finally {
      await single.close()
    }
  }, 60_000)

  it('answers BROWSER_UNAVAILABLE in zh-CN when no browser is installed', async () => {
    const none = createPdfRenderer({ env: {}, platform: 'linux', probe: () => false })
    const error = await none.renderPdf('<p>x</p>').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('BROWSER_UNAVAILABLE')
    expect((error as ApiError).message).toContain('生成 PDF')
    expect((error as ApiError).message).toContain('apt install chromium')
    await none.close()
  })
})

async function docxText(bytes: Uint8Array): Promise<{ xml: string; text: string; media: string[] }> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
  return { xml, text, media }
}

describe('Word (a version 1 notice)', () => {
  it('has the same content, the snippet as escaped text and the photo embedded', async () => {
    const doc = sampleNotice()
    const { xml, text, media } = await docxText(await renderNoticeDocx(doc, sampleLoader(jpeg)))
    for (const expected of [
      doc.unitName,
      doc.number!,
      '无障碍环境问题整改通知书',
      ...doc.items.map((i) => i.title),
      'GB 55019-2021 第3.1.4条（强制性条文）',
      'GB/T 37668-2019 第8.2.1.1条',
      hostileSnippet,
      formulaText,
      '照片缺失',
      '2026年4月4日',
    ])
      expect(text).toContain(expected)
    expect(xml).not.toContain('<img src=x')
    expect(xml).not.toContain('<script>')
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(media.length).toBeGreaterThanOrEqual(1)
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2)
    // GB/T 9704 page: A4 in twips, margins 37/26/35/28 mm, 28.95 pt line pitch.
    const section = /<w:sectPr>.*<\/w:sectPr>/.exec(xml)?.[0] ?? ''
    expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(section).toContain('w:linePitch="579"')
  })

  it('stays a valid file when the text carries characters XML cannot hold', async () => {
    const doc = sampleNotice()
    doc.items[0]!.found = '实测\u0001坡度\u0008 1:8'
    const { text } = await docxText(await renderNoticeDocx(doc, sampleLoader(jpeg)))
    expect(text).toContain('实测坡度 1:8')
  })
})

describe('Excel (a version 1 notice)', () => {
  it('writes the items as text cells (a formula stays literal text) with a frozen bold header', async () => {
    const doc = sampleNotice()
    const bytes = await renderNoticeXlsx(doc)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(noticeSheetName)!
    expect(String(sheet.getCell('A1').value)).toContain(doc.number!)
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '场所/网站',
      '位置/页面',
      '问题',
      '依据条款',
      '整改要求',
      '严重程度',
      '整改期限',
    ])
    expect(sheet.getRow(2).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.getCell('B3').value).toBe('乌达区图书馆')
    expect(sheet.getCell('C3').value).toBe('北入口坡道')
    expect(sheet.getCell('E3').value).toBe('GB 55019-2021 第3.1.4条（强制性条文）\nGB 50763-2012 第3.4.4条')
    expect(sheet.getCell('G3').value).toBe('严重')
    expect(sheet.getCell('H3').value).toBe('2026年4月4日')
    // A web item: the portal and its page in their own columns (the fields the snapshot carries).
    expect(sheet.getCell('B5').value).toBe('乌达区图书馆门户网站')
    expect(sheet.getCell('C5').value).toBe('https://lib.example.gov.cn/news?id=1&x=<b>')
    const remedy = sheet.getCell('F5')
    expect(remedy.type).toBe(ExcelJS.ValueType.String)
    expect(remedy.value).toBe(formulaText)
    expect(String(sheet.getCell('D5').value)).toContain(hostileSnippet)
    const zip = await JSZip.loadAsync(bytes)
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('<f>')
  })

  it('splits the location line of a notice snapshotted before the place and position fields existed', async () => {
    const doc = sampleNotice()
    const [site, , web] = doc.items
    const legacyWeb = { ...web!, subject: undefined, position: undefined }
    const manyPages = { ...legacyWeb, index: 4, location: '区住建局网站（3 个页面）' }
    const unnamedPlace = { ...site!, index: 5, location: '北门坡道' }
    const bytes = await renderNoticeXlsx({ ...doc, items: [site!, legacyWeb, manyPages, unnamedPlace] })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet(noticeSheetName)!
    expect([sheet.getCell('B3').value, sheet.getCell('C3').value]).toEqual(['乌达区图书馆', '北入口坡道'])
    expect([sheet.getCell('B4').value, sheet.getCell('C4').value]).toEqual([
      '乌达区图书馆门户网站',
      'https://lib.example.gov.cn/news?id=1&x=<b>',
    ])
    expect([sheet.getCell('B5').value, sheet.getCell('C5').value]).toEqual(['区住建局网站', '3 个页面'])
    expect([sheet.getCell('B6').value, sheet.getCell('C6').value]).toEqual(['', '北门坡道'])
  })
})
