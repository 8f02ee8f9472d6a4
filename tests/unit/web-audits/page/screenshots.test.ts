import { describe, expect, it } from 'vitest'
import { pickTargets, type ShotTarget } from '../../../../electron/core/web-audits/page/screenshots'
import type { AuditRuleResult } from '../../../../shared/web/audit-result'

const rule = (ruleId: string, impact: AuditRuleResult['impact'], needsReview = false): AuditRuleResult => ({
  ruleId,
  source: 'axe',
  impact,
  needsReview,
  description: '',
  help: '',
  refs: { wcag: [], gbt37668: [], level: null, ageing: [] },
  level: null,
  nodes: [],
  nodeCount: 0,
})

const targets = (r: AuditRuleResult, n: number): ShotTarget[] =>
  Array.from({ length: n }, (_, i) => ({
    result: r,
    node: { selector: `#n${i}`, html: '', fingerprint: '' },
    target: [`#n${i}`],
  }))

describe('pickTargets', () => {
  it('takes failing nodes only, most severe rules first, within the page and per-rule limits', () => {
    const minor = rule('region', 'minor')
    const critical = rule('image-alt', 'critical')
    const review = rule('color-contrast', 'serious', true)
    const picked = pickTargets([...targets(minor, 5), ...targets(review, 5), ...targets(critical, 5)], 4, 3)
    expect(picked.map((t) => t.result.ruleId)).toEqual(['image-alt', 'image-alt', 'image-alt', 'region'])
    expect(pickTargets(targets(critical, 5), 0, 3)).toEqual([])
  })
})
