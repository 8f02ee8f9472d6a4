import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  computeProgress,
  formatDuration,
  formatProgressLine,
} from '../../../../electron/core/web-audits/batch/batch-progress'
import { exitCodeFor, readTargets } from '../../../../electron/cli/audit-command'
import { summarizePages } from '../../../../electron/core/web-audits/runs/run-summary'
import { makeTempDir } from '../../../support/temp-dir'
import { pageResult, rule } from '../audit-fakes'

describe('batch progress', () => {
  it('counts done, failed and remaining, and estimates the time left from this runner’s pace', () => {
    const counts = { pending: 6, running: 2, done: 10, failed: 1, skipped: 1, total: 20 }
    const p = computeProgress(3, counts, { startedAt: 0, finished: 4 }, 60_000)
    expect(p).toMatchObject({ done: 10, failed: 1, skipped: 1, remaining: 8, total: 20, elapsedMs: 60_000 })
    expect(p.etaMs).toBe(120_000) // 8 left at 4 per minute
    expect(p.pagesPerMinute).toBe(4)
    expect(computeProgress(3, counts, { startedAt: 0, finished: 0 }, 1000).etaMs).toBeNull()
    expect(formatProgressLine(p)).toBe('已完成 11 · 失败 1 · 剩余 8 · 用时 1 分 00 秒 · 预计剩余 2 分 00 秒')
    expect(formatDuration(3_725_000)).toBe('1 小时 02 分')
    expect(formatDuration(42_400)).toBe('42 秒')
  })
})

describe('audit command helpers', () => {
  let cleanup = () => {}
  afterEach(() => cleanup())

  it('takes a URL (scheme optional) and refuses other schemes', () => {
    expect(readTargets('https://www.example.gov.cn/index.html#top', () => {})).toEqual([
      { url: 'https://www.example.gov.cn/index.html' },
    ])
    expect(readTargets('www.example.gov.cn', () => {})).toEqual([{ url: 'http://www.example.gov.cn/' }])
    expect(() => readTargets('ftp://example.gov.cn/', () => {})).toThrow('ftp')
    expect(() => readTargets('no-such-file.txt', () => {})).toThrow('既不是有效网址')
  })

  it('reads a URL list, reporting malformed lines by number', () => {
    const temp = makeTempDir()
    cleanup = temp.cleanup
    const file = path.join(temp.dir, 'list.txt')
    fs.writeFileSync(
      file,
      ['# 门户', 'https://a.example.gov.cn', 'javascript:alert(1)', '区政府,http://b.example.gov.cn'].join(
        '\n',
      ),
    )
    const errors: string[] = []
    expect(readTargets(file, (e) => errors.push(e))).toEqual([
      { url: 'https://a.example.gov.cn/', name: undefined, unit: undefined },
      { url: 'http://b.example.gov.cn/', name: '区政府', unit: undefined },
    ])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('第 3 行')
    fs.writeFileSync(file, 'not a url\n')
    expect(() => readTargets(file, () => {})).toThrow('没有可检测的网址')
  })

  it('exits 3 for violations at or above --fail-on, 0 below it, 1 when a portal could not be audited', () => {
    const serious = summarizePages([
      pageResult('http://a/', [rule('color-contrast', 'serious', [{ fingerprint: 'x' }])]),
    ])
    const review = summarizePages([
      pageResult('http://a/', [rule('image-alt', 'critical', [{ fingerprint: 'y' }], { needsReview: true })]),
    ])
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'serious')).toBe(3)
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'minor')).toBe(3)
    expect(exitCodeFor([{ status: 'completed', summary: serious }], 'critical')).toBe(0)
    expect(exitCodeFor([{ status: 'completed', summary: review }], 'minor')).toBe(0)
    expect(
      exitCodeFor(
        [
          { status: 'completed', summary: review },
          { status: 'failed', summary: review },
        ],
        'minor',
      ),
    ).toBe(1)
  })
})
