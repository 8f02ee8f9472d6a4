import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { printMaxSide, printQuality } from '../electron/core/photos/photo-limits'
import { createPdfRenderer, renderNoticeDocx, renderNoticeHtml } from '../electron/core/documents'
import type { EvidenceLoader, NoticeDocument, NoticeDocumentItem } from '../shared/domain/notice-document'
import { sampleMemory } from '../electron/core/web-audits/batch/process-memory'

/**
 * Notice output throughput: N notices of 20 items each (site items with a photo, web items with an element
 * snippet and a screenshot) rendered to PDF through one PdfRenderer (one Chromium, a pool of pages) and to Word,
 * beside the time Chromium takes for one blank A4 page in the same run. Peak memory (RSS of Node + the browser's
 * processes) is sampled over a run of 10 notices and over the full run, to show it stays flat.
 *
 * The notices are built directly as NoticeDocuments (no database): this measures the documents module, which is
 * what an export or the CLI spends its time in; the snapshot read from SQLite is a few milliseconds per notice.
 * Photos are real JPEGs made with sharp at the photo store's print rendition size (720 × 540 px), which is what
 * the app's evidence loader hands to the renderers.
 *
 *   npx tsx bench/notices.ts                 100 notices × 20 items, 2 pages in parallel
 *   options: --notices N --items N --pages N (parallel pages in the one browser) --keep DIR (write the files)
 *
 * Nothing here asserts on time: it prints numbers for a person to read. Target: 100 PDFs in under 60 s on 2 cores.
 */

const { values: args } = parseArgs({
  options: {
    notices: { type: 'string', default: '100' },
    items: { type: 'string', default: '20' },
    pages: { type: 'string', default: '2' },
    keep: { type: 'string' },
  },
})
const noticeCount = Number(args.notices)
const itemCount = Number(args.items)
const pool = Number(args.pages)

async function photo(hue: number): Promise<Uint8Array> {
  const w = printMaxSide
  const h = (printMaxSide * 3) / 4
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 320 240">
<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="hsl(${hue},45%,80%)"/><stop offset="1" stop-color="hsl(${hue + 50},40%,40%)"/></linearGradient></defs>
<rect width="320" height="240" fill="url(#g)"/><polygon points="0,240 320,110 320,240" fill="#5a5a5a"/>
<rect x="40" y="40" width="60" height="90" fill="#eee" stroke="#333" stroke-width="3"/></svg>`
  // Noise makes the JPEG as large as a real photo of that size (a flat gradient would compress to almost nothing).
  const base = sharp(Buffer.from(svg)).png()
  const noise = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .png()
    .toBuffer()
  const composed = await base.composite([{ input: noise, blend: 'overlay' }]).toBuffer()
  return new Uint8Array(await sharp(composed).jpeg({ quality: printQuality }).toBuffer())
}

function item(n: number, index: number): NoticeDocumentItem {
  const web = index % 3 === 0
  return web
    ? {
        index,
        itemId: n * 100 + index,
        source: 'web',
        location: `第${n}号单位门户网站（页面：https://site${n}.example.gov.cn/news/${index}）`,
        subject: `第${n}号单位门户网站`,
        position: `https://site${n}.example.gov.cn/news/${index}`,
        title: `图片缺少替代文本（第${index}项）`,
        found: '图片缺少替代文本，读屏软件无法读出图片内容（axe 规则 image-alt）。共 3 处。',
        remedy: '为有意义的图片提供准确的替代文本；装饰性图片使用空替代文本 alt=""。',
        severity: 'major',
        clauses: [
          { code: 'GB/T 37668-2019', clause: '8.2.1.1', mandatory: false },
          { code: 'WCAG 2.2', clause: '1.1.1', mandatory: false },
        ],
        elements: [
          {
            pageUrl: `https://site${n}.example.gov.cn/news/${index}`,
            selector: `main > div.banner:nth-child(${index}) > img`,
            html: `<img src="/upload/2026/banner-${index}.jpg" class="banner" onerror="this.src='/x.png'">`,
          },
        ],
        elementCount: 3,
        evidence: [
          { kind: 'screenshot', ref: `run-${n}/el-${index}.png`, caption: `网页截图：横幅图片 ${index}` },
        ],
      }
    : {
        index,
        itemId: n * 100 + index,
        source: 'site',
        location: `第${n}号单位办公楼·${index}号入口坡道`,
        subject: `第${n}号单位办公楼`,
        position: `${index}号入口坡道`,
        title: `入口轮椅坡道坡度过大（第${index}项）`,
        found: '实测坡度 1:8（12.5%），要求不大于 1:12（8.3%）；坡道两侧未设扶手。',
        remedy: '改建坡道，坡度不大于 1:12，坡道两侧设置高度 0.85 m～0.90 m 的扶手。',
        severity: 'critical',
        clauses: [
          { code: 'GB 55019-2021', clause: '3.1.4', mandatory: true },
          { code: 'GB 50763-2012', clause: '3.4.4', mandatory: false },
        ],
        elements: [],
        elementCount: 0,
        evidence: [{ kind: 'photo', ref: (index % 4).toString(16).repeat(64), caption: `现场照片 ${index}` }],
      }
}

function notice(n: number): NoticeDocument {
  return {
    number: `乌残无障碍整改〔2026〕第${n}号`,
    issuer: '乌达区残疾人联合会无障碍体验促进队',
    unitName: `乌达区第${n}号责任单位`,
    issuedOn: '2026-11-28',
    deadline: '2026-12-28',
    replyInstructions:
      '请你单位在整改期限内完成整改，并将整改情况书面回复（附整改后照片或网页截图），报送本单位。逾期未整改的，将报区无障碍环境建设工作牵头部门督办。',
    contact: '联系人：王晓明　电话：0473-3012345',
    items: Array.from({ length: itemCount }, (_, i) => item(n, i + 1)),
  }
}

async function inPool<T>(count: number, parallel: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await work(i)
      }
    }),
  )
  return results
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function main() {
  const photos = await Promise.all([20, 90, 160, 230].map(photo))
  const screenshot = photos[3]!
  const loader: EvidenceLoader = async (ev) =>
    ev.kind === 'photo'
      ? { bytes: photos[parseInt(ev.ref[0]!, 16) % 3]!, mimeType: 'image/jpeg' }
      : { bytes: screenshot, mimeType: 'image/jpeg' }
  const extraArgs = (process.env.ACCESS_AUDIT_CHROME_ARGS ?? '').split(/\s+/).filter(Boolean)
  const renderer = createPdfRenderer({ pages: pool, extraArgs })
  if (args.keep) fs.mkdirSync(args.keep, { recursive: true })

  try {
    // Launch and warm up (the first render of a browser loads fonts); then the blank-page baseline.
    const blank =
      '<!DOCTYPE html><html><head><style>@page { size: A4; margin: 0 }</style></head><body></body></html>'
    const launchStart = performance.now()
    await renderer.renderPdf(blank)
    await renderer.renderPdf(await renderNoticeHtml(notice(0), loader))
    const launchMs = performance.now() - launchStart
    const blankRuns = 10
    const blankStart = performance.now()
    for (let i = 0; i < blankRuns; i++) await renderer.renderPdf(blank)
    const blankMs = (performance.now() - blankStart) / blankRuns

    const pdfRun = async (count: number) => {
      const sampler = sampleMemory()
      const start = performance.now()
      let pages = 0
      let bytes = 0
      await inPool(count, pool, async (i) => {
        const pdf = await renderer.renderPdf(await renderNoticeHtml(notice(i + 1), loader))
        pages += (
          Buffer.from(pdf)
            .toString('latin1')
            .match(/\/Type\s*\/Page[^s]/g) ?? []
        ).length
        bytes += pdf.byteLength
        if (args.keep && i < 3) fs.writeFileSync(path.join(args.keep, `notice-${i + 1}.pdf`), pdf)
      })
      return { ms: performance.now() - start, pages, bytes, peak: sampler.stop().peakBytes }
    }
    const small = await pdfRun(Math.min(10, noticeCount))
    const full = await pdfRun(noticeCount)

    const docxSampler = sampleMemory()
    const docxStart = performance.now()
    let docxBytes = 0
    for (let i = 0; i < noticeCount; i++) {
      const docx = await renderNoticeDocx(notice(i + 1), loader)
      docxBytes += docx.byteLength
      if (args.keep && i < 3) fs.writeFileSync(path.join(args.keep, `notice-${i + 1}.docx`), docx)
    }
    const docxMs = performance.now() - docxStart
    const docxPeak = docxSampler.stop().peakBytes

    const perNotice = full.ms / noticeCount
    console.log(
      `\n整改通知书输出基准 — ${noticeCount} 份 × ${itemCount} 项，${os.cpus().length} 核，${pool} 个并行页面`,
    )
    console.log(`浏览器启动与预热：${seconds(launchMs)}（不计入下表）\n`)
    console.log('| 项目 | 份数 | 总时间 | 每份 | 页数 | 大小 | 峰值内存（Node + 浏览器） |')
    console.log('|---|---|---|---|---|---|---|')
    console.log(`| 空白 A4 页（基线） | 1 | ${blankMs.toFixed(0)} ms | | 1 | | |`)
    console.log(
      `| PDF | ${Math.min(10, noticeCount)} | ${seconds(small.ms)} | ${(small.ms / Math.min(10, noticeCount)).toFixed(0)} ms | ${small.pages} | ${mb(small.bytes)} | ${mb(small.peak)} |`,
    )
    console.log(
      `| PDF | ${noticeCount} | ${seconds(full.ms)} | ${perNotice.toFixed(0)} ms | ${full.pages} | ${mb(full.bytes)} | ${mb(full.peak)} |`,
    )
    console.log(
      `| Word (.docx) | ${noticeCount} | ${seconds(docxMs)} | ${(docxMs / noticeCount).toFixed(0)} ms | | ${mb(docxBytes)} | ${mb(docxPeak)} |`,
    )
    console.log(
      `\n每份 PDF 相当于 ${(perNotice / blankMs).toFixed(1)} 个空白页的时间（每页 ${(full.ms / full.pages).toFixed(0)} ms，空白页 ${blankMs.toFixed(0)} ms）`,
    )
    console.log(
      `${noticeCount} 份 PDF：${seconds(full.ms)}，目标 60 s 以内：${full.ms < 60_000 ? '达到' : '未达到'}；内存 10 份 ${mb(small.peak)} / ${noticeCount} 份 ${mb(full.peak)}`,
    )
  } finally {
    await renderer.close()
  }
}

await main()
