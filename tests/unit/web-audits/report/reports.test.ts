import { describe, expect, it } from 'vitest'
import { csvField, csvReportChunks } from '../../../../electron/core/web-audits/report/csv-report'
import { xmlEscape } from '../../../../electron/core/web-audits/report/junit-report'
import { renderReport } from '../../../../electron/core/web-audits/report/render-report'
import type { AuditReport, ReportSource } from '../../../../electron/core/web-audits/report/report-types'
import type { PageResult } from '../../../../shared/web/audit-result'
import { failedPage, pageResult, reportSource, rule } from '../audit-fakes'

const hostile = '<img src=x onerror=alert(1)>'
const pages: PageResult[] = [
  pageResult(
    'http://gov.example/a',
    [
      rule('image-alt', 'critical', [
        { fingerprint: 'f1', selector: 'img[alt="a,b"]', html: hostile },
        { fingerprint: 'f2', selector: '#x', html: '<p title="say "hi"">\n多行</p>' },
      ]),
      rule('color-contrast', 'serious', [{ fingerprint: 'f3', html: '=HYPERLINK("http://evil")' }], {
        needsReview: true,
        help: '颜色对比度 & <强调>',
      }),
    ],
    { title: '=1+1 首页' },
  ),
  failedPage('http://gov.example/b', 'http-status', '服务器返回错误状态码 500'),
]

const source = (list: PageResult[] = pages): ReportSource => reportSource(list)

describe('CSV report', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('=1+1')).toBe("'=1+1")
    expect(csvField('-cmd')).toBe("'-cmd")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField(hostile)).toBe(hostile)
    expect(csvField(null)).toBe('')
  })

  it('has a BOM and header, one row per node, and one row for a failed page', () => {
    const text = [...csvReportChunks(source())].join('')
    expect(text.startsWith('\uFEFFportal,page_url,')).toBe(true)
    const records = text
      .slice(1)
      .split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .filter(Boolean)
    expect(records).toHaveLength(1 + 3 + 1)
    expect(records[1]).toContain(`,"img[alt=""a,b""]",${hostile},`)
    expect(records[1]).toContain("'=1+1 首页")
    expect(records[2]).toContain('"<p title=""say ""hi"""">\n多行</p>"')
    expect(records[3]).toContain(`'=HYPERLINK(""http://evil"")`)
    expect(records[4]).toContain('http-status,服务器返回错误状态码 500')
  })
})

describe('JUnit report', () => {
  it('escapes markup, quotes and apostrophes, and drops characters XML cannot carry', () => {
    expect(xmlEscape(hostile)).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(xmlEscape(`a & b "c" 'd'`)).toBe('a &amp; b &quot;c&quot; &apos;d&apos;')
    expect(xmlEscape('bell\u0007 nul\u0000 ok\t')).toBe('bell nul ok\t')
  })

  it('writes one suite per page, a case per rule, failures for violations, skipped for review, an error for a failed page', () => {
    const xml = renderReport('junit', source())
    expect(xml).not.toContain('<img')
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(xml.match(/<testsuite /g)).toHaveLength(2)
    expect(xml).toContain(
      '<testsuite name="http://gov.example/a" package="区政府" tests="3" failures="1" errors="0" skipped="1"',
    )
    expect(xml).toMatch(
      /<testcase name="image-alt"[^>]*>\s*<failure type="critical" message="image-alt 帮助">/,
    )
    expect(xml).toContain('<skipped message="需人工复核：颜色对比度 &amp; &lt;强调&gt;"/>')
    expect(xml).toContain('<error type="http-status" message="服务器返回错误状态码 500"/>')
    // well-formed enough for a strict parser: no raw ampersand or angle bracket inside attribute values
    expect(xml).not.toMatch(/="[^"]*[<&](?!amp;|lt;|gt;|quot;|apos;)[^"]*"/)
  })
})

describe('JSON report', () => {
  it('streams exactly JSON.stringify of the documented AuditReport', () => {
    for (const list of [pages, [], [pages[1] as PageResult]]) {
      const s = source(list)
      const { pages: _pages, ...portal } = s.portals[0]!
      const whole: AuditReport = { ...s.header, portals: [{ ...portal, pages: list }] }
      expect(renderReport('json', s)).toBe(`${JSON.stringify(whole, null, 2)}\n`)
    }
    const one = source()
    const first = one.portals[0]!
    const two: ReportSource = {
      ...one,
      portals: [first, { ...first, runId: 8, name: '第二个', pages: () => [] }],
    }
    const { pages: _a, ...p1 } = first
    expect(renderReport('json', two)).toBe(
      `${JSON.stringify(
        {
          ...one.header,
          portals: [
            { ...p1, pages },
            { ...p1, runId: 8, name: '第二个', pages: [] },
          ],
        },
        null,
        2,
      )}\n`,
    )
    const none: ReportSource = { ...source(), portals: [] }
    expect(JSON.parse(renderReport('json', none))).toMatchObject({ schemaVersion: 1, portals: [] })
  })
})
