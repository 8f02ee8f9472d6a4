import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  checkHtmlConformance,
  conformanceRules,
  parsingNoteZh,
  type ConformanceRuleId,
} from '../../../shared/web/html-conformance'

const dir = fileURLToPath(new URL('../../fixtures/web/conformance/', import.meta.url))

interface ExpectedIssue {
  ruleId: ConformanceRuleId
  line: number
  column?: number
  tag: string
  wcag?: string[]
}
interface Expected {
  description: string
  doctype: boolean
  issues: ExpectedIssue[]
}

const pairs = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((html) => ({ html, expected: html.replace(/\.html$/, '.expected.json') }))

describe('HTML conformance fixtures', () => {
  it('has fixture pairs, each with its expected file', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8)
    const files = new Set(readdirSync(dir))
    for (const p of pairs) expect(files.has(p.expected), p.expected).toBe(true)
  })

  it.each(pairs)('$html gives exactly the expected findings', ({ html, expected }) => {
    const source = readFileSync(dir + html, 'utf8')
    const want = JSON.parse(readFileSync(dir + expected, 'utf8')) as Expected
    const result = checkHtmlConformance(source)

    expect(result.doctype !== null).toBe(want.doctype)
    expect(result.truncated).toBe(false)
    const got = result.issues.map((i) => ({ ruleId: i.ruleId, line: i.line, tag: i.tag }))
    expect(got).toEqual(want.issues.map((i) => ({ ruleId: i.ruleId, line: i.line, tag: i.tag })))
    want.issues.forEach((w, k) => {
      const issue = result.issues[k]!
      if (w.column !== undefined) expect(issue.column, `${html} #${k} column`).toBe(w.column)
      if (w.wcag !== undefined) expect(issue.refs.wcag, `${html} #${k} wcag`).toEqual(w.wcag)
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    })
  })
})

describe('checkHtmlConformance', () => {
  it('gives the same lines with CRLF and CR line endings, and ignores a BOM', () => {
    const source = readFileSync(dir + 'mismatched.html', 'utf8')
    const lf = checkHtmlConformance(source).issues.map((i) => [i.ruleId, i.line, i.column])
    expect(lf.length).toBeGreaterThan(0)
    expect(
      checkHtmlConformance('\uFEFF' + source.replace(/\n/g, '\r\n')).issues.map((i) => [
        i.ruleId,
        i.line,
        i.column,
      ]),
    ).toEqual(lf)
    expect(
      checkHtmlConformance(source.replace(/\n/g, '\r')).issues.map((i) => [i.ruleId, i.line, i.column]),
    ).toEqual(lf)
  })

  it('tags parsing findings with WCAG 4.1.1 (level A) and no unverified GB/T 37668 clause number', () => {
    const { issues } = checkHtmlConformance('<!DOCTYPE html><div class="a" class="b"><span></div>')
    expect(issues.map((i) => i.ruleId)).toEqual(['duplicate-attribute', 'unclosed-element'])
    for (const issue of issues) {
      expect(issue.refs).toEqual({ wcag: ['4.1.1'], gbt37668: [], level: 'A', ageing: [] })
      expect(issue.severity).toBe('minor')
    }
    expect(parsingNoteZh).toContain('GB/T 37668-2019')
    expect(conformanceRules['missing-doctype'].refs.wcag).toEqual([])
  })

  it('reports a doctype that comes after the first element, once', () => {
    const { issues, doctype } = checkHtmlConformance('<p>x</p>\n<!DOCTYPE html>\n<p>y')
    expect(doctype).toBe('!DOCTYPE html')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ ruleId: 'missing-doctype', line: 2, column: 1 })
  })

  it('does not report an empty document, nor optional end tags at the end of the file', () => {
    expect(checkHtmlConformance('   ').issues).toEqual([])
    expect(checkHtmlConformance('<!doctype html><html><body><ul><li>a<li>b</ul><p>c').issues).toEqual([])
  })

  it('ignores end tags of html/head/body whose optional start tags were omitted', () => {
    expect(checkHtmlConformance('<!DOCTYPE html><title>t</title><p>x</p></body></html>').issues).toEqual([])
  })

  it('caps findings per rule and in total, keeping the full count', () => {
    const source = '<!DOCTYPE html>\n' + '<font>x</font><span id="d"></span>\n'.repeat(300) + '</div>'
    const result = checkHtmlConformance(source, { maxIssues: 30, maxPerRule: 10 })
    expect(result.totalFound).toBe(300 + 299 + 1)
    expect(result.countsByRule).toEqual({
      'obsolete-element': 300,
      'duplicate-id': 299,
      'mismatched-end-tag': 1,
    })
    expect(result.truncated).toBe(true)
    expect(result.issues).toHaveLength(21)
    expect(result.issues.filter((i) => i.ruleId === 'obsolete-element')).toHaveLength(10)
    expect(result.issues.at(-1)).toMatchObject({ ruleId: 'mismatched-end-tag', line: 302 })

    const small = checkHtmlConformance(source, { maxIssues: 5 })
    expect(small.issues).toHaveLength(5)
    expect(checkHtmlConformance(source).issues).toHaveLength(41) // defaults: 20 per rule, 100 in total
  })

  it('names the earlier line in duplicate-id and unclosed messages', () => {
    const { issues } = checkHtmlConformance(
      '<!DOCTYPE html>\n<div id="a"></div>\n<p id="a">\n<section><em>x\n</section>',
    )
    expect(issues.find((i) => i.ruleId === 'duplicate-id')?.message).toContain('第 2 行')
    expect(issues.find((i) => i.ruleId === 'unclosed-element')?.message).toContain('第 5 行的 </section>')
  })
})
