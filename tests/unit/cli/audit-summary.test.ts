import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runOverrides, targetSource, type AuditCommandOptions } from '../../../electron/cli/audit-command'
import { exitCodeFor, summaryLines } from '../../../electron/cli/audit-summary'
import type { ReportSource } from '../../../electron/core/web-audits/report/report-types'
import { summarizePages } from '../../../electron/core/web-audits/runs/run-summary'
import type { PageResult } from '../../../shared/web/audit-result'
import { makeTempDir } from '../../support/temp-dir'
import { failedPage, pageResult, rule } from '../web-audits/audit-fakes'

let cleanup = () => {}
afterEach(() => cleanup())

const serious = summarizePages([
  pageResult('http://a/', [rule('color-contrast', 'serious', [{ fingerprint: 'x' }])]),
])
const review = summarizePages([
  pageResult('http://a/', [rule('image-alt', 'critical', [{ fingerprint: 'y' }], { needsReview: true })]),
])
const allFailed = summarizePages([failedPage('http://a/', 'connection')])

function source(
  portals: Array<{ status: string; summary: typeof serious; pages?: PageResult[] }>,
): ReportSource {
  return {
    header: {} as ReportSource['header'],
    portals: portals.map((p, i) => ({
      startUrl: `http://site-${i}/`,
      runId: i + 1,
      status: p.status,
      summary: p.summary,
      pages: () => p.pages ?? [],
    })),
  }
}

describe('audit command: exit code and final line', () => {
  it('exits 3 for violations at or above --fail-on and 0 below it', () => {
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'serious')).toBe(3)
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'minor')).toBe(3)
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'critical')).toBe(0)
    expect(exitCodeFor([{ status: 'completed', summary: review }], 'minor')).toBe(0)
  })

  it('exits 4, and says so, when a website had not one page audited — never “完成”', () => {
    const failed = [{ status: 'failed', summary: allFailed, pages: [failedPage('http://a/', 'connection')] }]
    expect(exitCodeFor(failed, 'serious')).toBe(4)
    expect(exitCodeFor([{ status: 'completed', summary: serious }, ...failed], 'serious')).toBe(4)
    const lines = summaryLines(source(failed), 'serious')
    expect(lines.at(-1)).toMatch(/^✗ 检测失败：1 个网站没有任何页面检测成功/)
    expect(lines.join('\n')).not.toContain('完成')
    expect(summaryLines(source([{ status: 'completed', summary: review }]), 'serious').at(-1)).toMatch(
      /^✓ 检测完成/,
    )
  })
})

describe('audit command: target and flags', () => {
  it('reads an existing file as a list, anything else (or anything with a scheme) as a URL', () => {
    const temp = makeTempDir()
    cleanup = temp.cleanup
    const file = path.join(temp.dir, 'list.txt')
    fs.writeFileSync(file, 'https://a.example.gov.cn\n')
    expect(targetSource(file)).toEqual({ list: 'https://a.example.gov.cn\n', label: `文件 ${file}` })
    expect(targetSource('www.example.gov.cn')).toEqual({ url: 'www.example.gov.cn' })
    expect(targetSource('no-such-file.txt')).toEqual({ url: 'no-such-file.txt' })
  })

  it('turns only the flags typed on the command line into overrides of this run', () => {
    const opts = {
      maxPages: 50,
      depth: 3,
      include: [],
      exclude: [],
      sitemap: true,
    } as unknown as AuditCommandOptions
    expect(runOverrides(opts, new Set())).toEqual({})
    expect(runOverrides({ ...opts, depth: 0 }, new Set(['depth']))).toEqual({ maxDepth: 0 })
    expect(runOverrides({ ...opts, sitemap: false }, new Set())).toEqual({ sitemap: false })
  })
})
