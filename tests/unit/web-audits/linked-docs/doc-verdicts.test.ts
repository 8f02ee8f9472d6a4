import { describe, expect, it } from 'vitest'
import {
  documentProblems,
  meaninglessTitle,
} from '../../../../electron/core/web-audits/linked-docs/doc-verdicts'
import type { OoxmlFacts, PdfFacts } from '../../../../electron/core/web-audits/linked-docs/doc-parse'
import { documentRules } from '../../../../shared/web/doc-rules'

const pdf = (extra: Partial<PdfFacts> = {}): PdfFacts => ({
  kind: 'pdf',
  password: false,
  pageCount: 2,
  title: '无障碍环境建设实施方案',
  lang: 'zh-CN',
  marked: true,
  structTree: true,
  accessibilityAllowed: true,
  pages: [
    { chars: 400, images: 0 },
    { chars: 300, images: 1 },
  ],
  ...extra,
})
const docx = (extra: Partial<OoxmlFacts> = {}): OoxmlFacts => ({
  kind: 'ooxml',
  format: 'docx',
  title: '申请表',
  langs: ['zh-CN'],
  chars: 200,
  images: 1,
  imagesWithoutAlt: 0,
  ...extra,
})
const ids = (problems: ReturnType<typeof documentProblems>) =>
  problems.map((p) => `${p.ruleId}${p.needsReview ? '?' : ''}`)

describe('documents check decisions', () => {
  it('passes a tagged PDF with text, title and language', () => {
    expect(documentProblems(pdf())).toEqual([])
  })

  it('fails mostly scanned PDFs and asks for review of a few image-only pages', () => {
    expect(ids(documentProblems(pdf({ pages: [{ chars: 0, images: 1 }] })))).toEqual(['aa-doc-scanned'])
    const some = pdf({
      pages: [
        { chars: 0, images: 1 },
        { chars: 500, images: 0 },
        { chars: 500, images: 0 },
      ],
    })
    expect(ids(documentProblems(some))).toEqual(['aa-doc-scanned?'])
    // A blank page (no text, no image) is not a scan.
    expect(documentProblems(pdf({ pages: [{ chars: 0, images: 0 }] }))).toEqual([])
  })

  it('flags untagged PDFs, default titles, missing language and blocked accessibility extraction', () => {
    const problems = documentProblems(
      pdf({
        marked: false,
        structTree: false,
        title: 'Microsoft Word - 文档1.docx',
        lang: '',
        accessibilityAllowed: false,
      }),
    )
    expect(ids(problems)).toEqual(['aa-doc-untagged', 'aa-doc-title', 'aa-doc-lang', 'aa-doc-protected'])
  })

  it('asks for review of a password-protected PDF and judges nothing else', () => {
    expect(ids(documentProblems({ kind: 'pdf', password: true }))).toEqual(['aa-doc-protected?'])
  })

  it('judges Office files: picture-only body, title, language, images without alt text', () => {
    expect(documentProblems(docx())).toEqual([])
    expect(
      ids(documentProblems(docx({ chars: 3, images: 2, title: '', langs: [], imagesWithoutAlt: 2 }))),
    ).toEqual(['aa-doc-scanned', 'aa-doc-title', 'aa-doc-lang', 'aa-doc-image-alt'])
  })

  it('treats empty, default and file-name titles as meaningless', () => {
    for (const t of [
      '',
      ' ',
      'about:blank',
      'Untitled',
      '无标题',
      '文档1',
      '通知.docx',
      'Microsoft Word - 通知',
    ])
      expect(meaninglessTitle(t), t).toBe(true)
    expect(meaninglessTitle('关于开展无障碍设施专项检查的通知')).toBe(false)
  })

  it('has a zh-CN rule record with WCAG refs for every problem it can raise', () => {
    for (const rule of documentRules) {
      expect(rule.id).toMatch(/^aa-doc-/)
      expect(rule.refs.wcag.length).toBeGreaterThan(0)
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
