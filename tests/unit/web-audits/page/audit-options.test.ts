import { describe, expect, it } from 'vitest'
import {
  defaultAxeTags,
  defaultIsolatedRules,
  resolveAuditOptions,
} from '../../../../electron/core/web-audits/page/audit-options'
import { ownRuleIds } from '../../../../shared/web/own-rules'

describe('resolveAuditOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveAuditOptions()).toEqual({
      navigationTimeoutMs: 30_000,
      settleMs: 20_000,
      postLoadMs: 1_000,
      pageTimeoutMs: 180_000,
      axeTimeoutMs: 90_000,
      ruleTimeoutMs: 15_000,
      frameTimeoutMs: 5_000,
      checkTimeoutMs: 15_000,
      tags: [...defaultAxeTags],
      isolatedRules: [...defaultIsolatedRules],
      ownRules: [...ownRuleIds],
      maxNodesPerRule: 50,
      screenshotDir: null,
      maxScreenshots: 20,
      maxScreenshotsPerRule: 3,
      maxTabPresses: 250,
      keyboardBudgetMs: 10_000,
      reflowBudgetMs: 5_000,
      reuseTab: false,
      viewport: { width: 1280, height: 800 },
    })
    expect(defaultAxeTags).toEqual(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
  })

  it('rejects wrong options as a caller bug', () => {
    expect(() => resolveAuditOptions({ settleMs: -1 })).toThrow(TypeError)
    expect(() => resolveAuditOptions({ tags: [] })).toThrow(/tags/)
    expect(() => resolveAuditOptions({ ownRules: ['aa-nope'] } as never)).toThrow(/ownRules/)
    expect(() => resolveAuditOptions({ colour: 'red' } as never)).toThrow(TypeError)
    expect(() => resolveAuditOptions({ screenshotPrefix: '../x' })).toThrow(/screenshotPrefix/)
  })
})
