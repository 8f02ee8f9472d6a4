import { describe, expect, it } from 'vitest'
import {
  pagePenalty,
  scoreFromPenalty,
  summarizePages,
} from '../../../../electron/core/web-audits/runs/run-summary'
import { failedPage, pageResult, rule } from '../audit-fakes'

const nodes = (n: number) => Array.from({ length: n }, (_, i) => ({ fingerprint: `f${i}` }))

describe('score', () => {
  it('is 100 minus the mean per-page penalty, each violated rule weighted by impact once per page', () => {
    const a = pageResult('http://a/1', [
      rule('image-alt', 'critical', nodes(40)), // 10, however many images
      rule('color-contrast', 'serious', nodes(3)), // 5
      rule('region', 'moderate', nodes(1)), // 2
      rule('meta-viewport-large', 'minor', nodes(1)), // 1
      rule('aria-text', null, nodes(1)), // no impact: as moderate, 2
      rule('color-contrast-enhanced', 'serious', nodes(9), { needsReview: true }), // review: 0
    ])
    const b = pageResult('http://a/2')
    expect(pagePenalty(a)).toBe(20)
    expect(pagePenalty(b)).toBe(0)
    expect(summarizePages([a, b]).score).toBe(90)
  })

  it('is clamped to 0–100, rounded to one decimal, null without an audited page; failures do not count', () => {
    expect(scoreFromPenalty(350, 2)).toBe(0)
    expect(scoreFromPenalty(10, 3)).toBe(96.7)
    expect(scoreFromPenalty(0, 0)).toBeNull()
    expect(summarizePages([failedPage('http://a/', 'timeout')]).score).toBeNull()
    expect(summarizePages([pageResult('http://a/'), failedPage('http://a/x', 'http-status')]).score).toBe(100)
  })
})

describe('summary', () => {
  it('counts pages, violations and review items by impact, WCAG SC and GB/T 37668 clause', () => {
    const refs = { wcag: ['1.4.3'], gbt37668: ['3.2.4.3'], level: 'AA' as const, ageing: [] }
    const s = summarizePages([
      pageResult('http://a/1', [
        rule('image-alt', 'critical', nodes(2)),
        rule('color-contrast', 'serious', nodes(3), { refs }),
      ]),
      pageResult('http://a/2', [
        rule('image-alt', 'critical', nodes(1)),
        rule('aa-min-text-size', 'moderate', nodes(4), { needsReview: true }),
      ]),
      failedPage('http://a/3', 'timeout'),
      failedPage('http://a/4.jsp', 'not-html'),
    ])
    expect(s.pages).toEqual({ total: 4, audited: 2, failed: 1, skipped: 1 })
    expect(s.violations).toEqual({ rules: 2, instances: 3, nodes: 6 })
    expect(s.needsReview).toEqual({ rules: 1, instances: 1, nodes: 4 })
    expect(s.byImpact.critical).toEqual({ instances: 2, nodes: 3 })
    expect(s.byImpact.serious).toEqual({ instances: 1, nodes: 3 })
    expect(s.byImpact.moderate).toEqual({ instances: 0, nodes: 0 })
    expect(s.byWcag).toEqual({ '1.1.1': 2, '1.4.3': 1 })
    expect(s.byGbt37668).toEqual({ '3.2.1.3': 2, '3.2.4.3': 1 })
    expect(s.failures).toEqual({ timeout: 1 })
  })
})
