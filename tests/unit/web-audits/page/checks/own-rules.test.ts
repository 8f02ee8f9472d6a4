import { describe, expect, it } from 'vitest'
import { toOwnResult } from '../../../../../electron/core/web-audits/page/checks/own-check'
import { getCriterion } from '../../../../../shared/web/wcag-criteria'
import { getAgeingRule } from '../../../../../shared/web/ageing-rules'
import { getOwnRule, ownRuleIds, ownRules } from '../../../../../shared/web/own-rules'

describe('own rule metadata', () => {
  it('has one record per id, prefixed "aa-", with zh-CN text', () => {
    expect(new Set(ownRuleIds).size).toBe(ownRules.length)
    for (const rule of ownRules) {
      expect(rule.id).toMatch(/^aa-[a-z-]+$/)
      for (const text of [rule.description, rule.help, rule.method]) expect(text).toMatch(/[\u4e00-\u9fa5]/)
      expect(getOwnRule(rule.id)).toBe(rule)
    }
  })

  it('refers only to known WCAG criteria and 适老化 rules, and every rule has at least one', () => {
    for (const rule of ownRules) {
      for (const sc of rule.refs.wcag) expect(getCriterion(sc), `${rule.id} ${sc}`).toBeDefined()
      for (const id of rule.refs.ageing) expect(getAgeingRule(id), `${rule.id} ${id}`).toBeDefined()
      expect(rule.refs.wcag.length + rule.refs.ageing.length, rule.id).toBeGreaterThan(0)
    }
    expect(getOwnRule('aa-reflow')?.refs).toMatchObject({ wcag: ['1.4.10'], level: 'AA' })
    expect(getOwnRule('aa-ageing-entry')?.refs).toMatchObject({ wcag: [], level: null })
    expect(getOwnRule('aa-focus-visible')?.refs.ageing).toContain('web-focus-visible')
  })

  it('builds AuditRuleResults from outcomes with the metadata and fingerprints', () => {
    const r = toOwnResult(
      {
        ruleId: 'aa-html-lang',
        needsReview: false,
        nodes: [
          { selector: 'html', html: '<html>', fingerprint: 'aaaaaaaaaaaaaaaa' },
          { selector: 'html', html: '<html>', fingerprint: 'aaaaaaaaaaaaaaaa' },
        ],
        nodeCount: 5,
      },
      1,
    )
    expect(r).toMatchObject({
      ruleId: 'aa-html-lang',
      source: 'own',
      impact: 'serious',
      level: 'A',
      needsReview: false,
      nodeCount: 5,
      nodes: [{ selector: 'html', fingerprint: 'aaaaaaaaaaaaaaaa' }],
    })
    expect(r).not.toHaveProperty('reviewReason')
  })
})
