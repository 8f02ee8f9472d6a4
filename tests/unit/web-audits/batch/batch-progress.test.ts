import { describe, expect, it } from 'vitest'
import {
  computeProgress,
  formatDuration,
  formatProgressLine,
} from '../../../../electron/core/web-audits/batch/batch-progress'

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
