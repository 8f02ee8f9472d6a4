import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditPage } from '../../electron/core/web-audits/page/audit-page'
import { renderReport } from '../../electron/core/web-audits/report/render-report'
import type { ReportSource } from '../../electron/core/web-audits/report/report-types'
import { csvField } from '../../shared/web/csv-field'
import type { PageResult } from '../../shared/web/audit-result'
import { launchTestBrowser } from '../support/chromium'
import { fastOptions } from '../integration/web-audits/page/audit-helpers'
import { pageResult, reportSource, rule } from '../unit/web-audits/audit-fakes'

// Issue #10, low 8 and 9: a lone surrogate from a page title went into the JSON report (strict JSON readers
// refuse the file); CSV formula protection was bypassed where Excel separates with ';' (`报告;=1+1` unquoted).

const source = (pages: PageResult[]): ReportSource => reportSource(pages, { name: '区政府\ud800' })

/**
 * Cells as a spreadsheet reads a line with another separator: a cell starting with a quote runs to its closing
 * quote (with "" inside); any other cell runs to the next separator, quotes and all.
 */
function cellsSplitBy(line: string, separator: string): string[] {
  const cells: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let j = i + 1
      while (j < line.length && !(line[j] === '"' && line[j + 1] !== '"')) j += line[j] === '"' ? 2 : 1
      cells.push(line.slice(i + 1, j).replaceAll('""', '"'))
      i = line.indexOf(separator, j)
    } else {
      const end = line.indexOf(separator, i)
      cells.push(line.slice(i, end === -1 ? undefined : end))
      i = end
    }
    if (i === -1) break
    i += 1
  }
  return cells
}

/** What a strict reader demands: valid UTF-8 when encoded, and no escaped lone surrogate. */
function expectStrictJson(text: string): void {
  expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text)
  expect(text).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i)
  expect(text).not.toMatch(/[\ud800-\udfff]/u)
  expect(() => JSON.parse(text)).not.toThrow()
}

describe('CSV cells a spreadsheet would run or split', () => {
  it('are quoted when they hold any separator-like character, and neutralised when they start a formula', () => {
    expect(csvField('报告;=1+1')).toBe(`"报告;'=1+1"`)
    expect(csvField('报告,=1+1')).toBe(`"报告,'=1+1"`)
    expect(csvField('报告\t=1+1')).toBe(`"报告\t'=1+1"`)
    expect(csvField('第一行\n@SUM(A1)')).toBe(`"第一行\n'@SUM(A1)"`)
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('+1;2')).toBe(`"'+1;2"`)
    expect(csvField('\t=1+1')).toBe(`"'\t'=1+1"`)
    expect(csvField('\r=1+1')).toBe(`"'\r'=1+1"`)
    expect(csvField('  =HYPERLINK("http://evil")')).toBe(`"'  =HYPERLINK(""http://evil"")"`)
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('普通文字')).toBe('普通文字')
    expect(csvField('半个字\udc00')).toBe('半个字\ufffd')
  })

  it('hold in the audit CSV report, where page titles and snippets are hostile', () => {
    const page = pageResult(
      'http://gov.example/a',
      [
        rule('image-alt', 'critical', [
          { fingerprint: 'f1', selector: 'img', html: '<img alt=";=cmd|\' /C calc\'!A0">' },
        ]),
      ],
      { title: '报告;=1+1' },
    )
    const csv = renderReport('csv', source([page]))
    expect(csv).toContain(`"报告;'=1+1"`)
    expect(csv).toContain(`"<img alt="";'=cmd|' /C calc'!A0"">"`)
    // Read as Excel does where ';' separates, or as tab-separated: no cell starts a formula.
    for (const separator of [';', '\t', ',']) {
      for (const line of csv
        .replace(/^\uFEFF/, '')
        .split(/\r\n|\n|\r/)
        .filter(Boolean)) {
        for (const cell of cellsSplitBy(line, separator)) expect(cell, line).not.toMatch(/^\s*[=+\-@]/)
      }
    }
  })
})

describe('text from audited pages', () => {
  let browser: Browser
  let server: http.Server
  let url: string
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      // Half of an emoji as the title: what a CMS that cuts titles by UTF-16 length produces.
      res.end(
        `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><main><h1>公告</h1><img src="data:," alt=""></main><script>document.title = '通知公告' + String.fromCharCode(0xd83d)</script></body></html>`,
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    browser = await launchTestBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('are well-formed in the page result (stored) and in the JSON report (written)', async () => {
    const result = await auditPage(browser, url, fastOptions)
    expect(result.ok).toBe(true)
    expect(result.title).toBe('通知公告\ufffd')
    const json = renderReport('json', source([result]))
    expectStrictJson(json)
  })

  it('recorded before the fix are made well-formed when the JSON report is written', () => {
    const old = pageResult('http://gov.example/a', [], { title: '旧标题\ud83d' })
    const json = renderReport('json', source([old]))
    expectStrictJson(json)
    expect(JSON.parse(json).portals[0].pages[0].title).toBe('旧标题\ufffd')
  })
})
