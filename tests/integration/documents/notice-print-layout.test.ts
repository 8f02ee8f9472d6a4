import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createPdfRenderer,
  documentFontsAvailable,
  renderNoticeHtml,
  type PdfRenderer,
} from '../../../electron/core/documents'
import type { NoticeDocument } from '../../../shared/domain/notice-document'
import { launchTestBrowser } from '../../support/chromium'
import { makeTempDir } from '../../support/temp-dir'
import { makeJpeg, sampleLoader, sampleNoticeV2 } from './sample-notice'

const run = promisify(execFile)

let dir: string
let cleanup: () => void
let renderer: PdfRenderer

beforeAll(() => {
  ;({ dir, cleanup } = makeTempDir())
  renderer = createPdfRenderer({ pages: 2, launch: launchTestBrowser })
})
afterAll(async () => {
  await renderer.close()
  cleanup()
})

async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run('pdfinfo', [file])
  const count = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])
  const pages: string[] = []
  for (let k = 1; k <= count; k++) {
    const text = await run('pdftotext', ['-f', String(k), '-l', String(k), '-enc', 'UTF-8', file, '-'])
    pages.push(text.stdout.replace(/\s+/g, ''))
  }
  return pages
}

async function renderToFile(doc: NoticeDocument, name: string): Promise<string> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, await renderer.renderPdf(await renderNoticeHtml(doc, async () => null)))
  return file
}

describe('the signature at the foot of a page', () => {
  /**
   * The body grows one paragraph line (28.95 pt ≈ 10.2 mm) at a time over more than a page (22 lines): the
   * signature then ends at every line of a page, and once right at its foot — where the room kept for the seal
   * must move it to the next page whole, with the body's last lines, instead of spilling a page that holds only
   * the page number or leaving the signature alone.
   */
  it('never adds a page holding only the page number, nor leaves the signature alone on its page', async () => {
    const base = sampleNoticeV2()
    const steps = 24
    const results = await Promise.all(
      Array.from({ length: steps }, async (_, k) => {
        // Each added line is one paragraph of exactly 26 characters (one full line after the 2-character indent).
        const filler = Array.from({ length: k }, (_, i) => ({
          kind: 'paragraph' as const,
          text: `补充说明第${String(i + 1).padStart(2, '0')}条：本段用于测试分页位置是否正确无误。`,
        }))
        const doc = { ...base, body: [...base.body, ...filler], photos: [], colophon: null }
        doc.items = doc.items.map((i) => ({ ...i, photoNumbers: [] }))
        return { k, pages: await pdfPages(await renderToFile(doc, `sweep-${k}.pdf`)) }
      }),
    )
    const signature = [base.issuer, '2026年3月5日']
    for (const { k, pages } of results) {
      pages.forEach((text, i) => {
        const pageNumber = `—${i + 1}—`
        expect(text, `notice ${k}, page ${i + 1}: page number`).toContain(pageNumber)
        expect(
          text.replace(pageNumber, ''),
          `notice ${k}, page ${i + 1} holds only its page number`,
        ).not.toBe('')
      })
      // The page with the signature carries some of the text too (the signature is never alone).
      const page = pages.find((text) => text.includes(signature[0]!) && text.includes('附件：'))
      expect(page, `notice ${k}: the signature with the attachments note`).toBeDefined()
      const at = pages.indexOf(page!)
      const rest = [...signature, `—${at + 1}—`].reduce((text, part) => text.replace(part, ''), page!)
      expect(rest.replace(/附件：.*$/, ''), `notice ${k}: the signature alone on its page`).not.toBe('')
    }
    // The sweep did move the signature across a page foot (else it proved nothing).
    const counts = new Set(results.map((r) => r.pages.length))
    expect(counts.size).toBeGreaterThan(1)
  }, 240_000)
})

describe('shipped fonts', () => {
  it('embeds the CJK text as TrueType subsets of the shipped Noto fonts, never as Type 3', async () => {
    expect(documentFontsAvailable()).toBe(true)
    const file = path.join(dir, 'fonts.pdf')
    fs.writeFileSync(
      file,
      await renderer.renderPdf(await renderNoticeHtml(sampleNoticeV2(), sampleLoader(await makeJpeg()))),
    )
    const { stdout } = await run('pdffonts', [file])
    const fonts = stdout
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => ({
        name: line.split(/\s+/)[0]!,
        type: /\s(CID TrueType|TrueType|Type 3|CID Type 0C?|Type 1C?|Type 0)\s/.exec(line)?.[1] ?? line,
      }))
    expect(fonts.filter((f) => f.type.includes('Type 3'))).toEqual([])
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
    // Body (serif), title (the serif's Black weight) and labels (sans): all from the shipped files.
    expect(names.some((n) => /^NotoSerifSC.*-Regular$/.test(n))).toBe(true)
    expect(names.some((n) => /^NotoSerifSC.*-Black$/.test(n))).toBe(true)
    expect(names.some((n) => /^NotoSansSC/.test(n))).toBe(true)
    // None of the system's CJK fonts (Noto CJK from fonts-noto-cjk, or Windows' own) was used.
    expect(names.filter((n) => /CJK|SimSun|SimHei|FangSong|KaiTi/i.test(n))).toEqual([])
    expect(fonts.every((f) => f.type === 'CID TrueType' || f.type === 'TrueType')).toBe(true)
  }, 120_000)

  it('embeds only the font slices the text needs, as data: URLs the notice CSP allows', async () => {
    const html = await renderNoticeHtml(sampleNoticeV2(), async () => null)
    expect(html).toMatch(/font-src data:[;"]/)
    const faces = html.match(/@font-face \{[^}]*\}/g) ?? []
    const shipped = faces.filter((f) => f.includes('data:font/woff2;base64,'))
    expect(shipped.length).toBeGreaterThan(3)
    // Each family has ≈100 slices per weight; a short notice needs a fraction of them.
    expect(shipped.length).toBeLessThan(120)
    expect(faces.some((f) => /url\((?!data:)/.test(f))).toBe(false)
  })
})
