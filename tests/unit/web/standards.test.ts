import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import {
  ageingRules,
  axeRuleIds,
  axeRules,
  formatAgeingRef,
  getAgeingRule,
  getCriterion,
  getGbClause,
  gbt37668Clauses,
  impactToSeverity,
  isBestPracticeRule,
  manualChecks,
  manualChecksFor,
  mapAxeRule,
  scFromAxeTag,
  wcagCriteria,
} from '../../../shared/web/standards'

/** The reference TSV (axe 4.14.1), copied as a fixture so the tests do not depend on files outside the repo. */
const tsv = readFileSync(fileURLToPath(new URL('../../fixtures/web/axe-rules.tsv', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, impact, enabled, defaultRun, reviewOnFail, levelTags, wcag, , category, , zh] = line.split(
      '\t',
    ) as string[]
    return {
      id: id!,
      impact,
      enabled,
      defaultRun,
      reviewOnFail,
      levelTags: levelTags!.split(','),
      wcag: wcag ? wcag.split(',') : [],
      category,
      zh,
    }
  })

describe('axe rule table', () => {
  it('matches the reference TSV row by row', () => {
    expect(axeRuleIds).toEqual(tsv.map((r) => r.id))
    for (const row of tsv) {
      const meta = axeRules[row.id]!
      expect(meta, row.id).toMatchObject({
        impact: row.impact,
        enabled: row.enabled === 'true',
        defaultRun: row.defaultRun === 'yes',
        reviewOnFail: row.reviewOnFail === 'yes',
        zhLocale: row.zh === 'yes',
        category: row.category,
        levelTags: row.levelTags,
        wcag: row.wcag,
      })
    }
  })

  it('matches the installed axe-core rules and their wcag tags', () => {
    const installed = axe.getRules()
    expect(installed.map((r) => r.ruleId).sort()).toEqual([...axeRuleIds].sort())
    for (const rule of installed) {
      const fromTags = rule.tags.map(scFromAxeTag).filter((sc): sc is string => sc !== null)
      expect(axeRules[rule.ruleId]!.wcag, rule.ruleId).toEqual(fromTags)
    }
  })
})

describe('mapAxeRule', () => {
  const tagsOf = (id: string): string[] => axe.getRules().find((r) => r.ruleId === id)!.tags

  it('maps image-alt to 1.1.1 and both reported GB/T 37668 clauses', () => {
    expect(mapAxeRule('image-alt', tagsOf('image-alt'))).toEqual({
      wcag: ['1.1.1'],
      gbt37668: ['3.2.1.3', '3.2.1.4'],
      level: 'A',
      ageing: [],
    })
  })

  it('maps color-contrast to AA 1.4.3 with the APP contrast figure as ageing reference', () => {
    expect(mapAxeRule('color-contrast', tagsOf('color-contrast'))).toEqual({
      wcag: ['1.4.3'],
      gbt37668: [],
      level: 'AA',
      ageing: ['app-1.3'],
    })
  })

  it('maps link-name to two SCs and the compatibility ageing clauses', () => {
    expect(mapAxeRule('link-name', tagsOf('link-name'))).toEqual({
      wcag: ['2.4.4', '4.1.2'],
      gbt37668: [],
      level: 'A',
      ageing: ['web-4.1', 'web-4.2.1'],
    })
  })

  it('handles best-practice rules explicitly: no SC, no clause, level null', () => {
    for (const id of ['region', 'heading-order', 'landmark-one-main', 'skip-link']) {
      expect(mapAxeRule(id, tagsOf(id))).toEqual({ wcag: [], gbt37668: [], level: null, ageing: [] })
      expect(mapAxeRule(id)).toEqual({ wcag: [], gbt37668: [], level: null, ageing: [] })
      expect(isBestPracticeRule(id)).toBe(true)
    }
    expect(isBestPracticeRule('image-alt')).toBe(false)
  })

  it('decodes two-digit SC numbers and keeps the level tag over the SC levels', () => {
    expect(mapAxeRule('avoid-inline-spacing', tagsOf('avoid-inline-spacing'))).toMatchObject({
      wcag: ['1.4.12'],
      level: 'AA',
    })
    // scrollable-region-focusable: 2.1.1 (A) and 2.1.3 (AAA), tagged wcag2a
    expect(mapAxeRule('scrollable-region-focusable', tagsOf('scrollable-region-focusable'))).toMatchObject({
      wcag: ['2.1.1', '2.1.3'],
      level: 'A',
    })
    expect(mapAxeRule('target-size', tagsOf('target-size'))).toEqual({
      wcag: ['2.5.8'],
      gbt37668: [],
      level: 'AA',
      ageing: ['app-2.1'],
    })
  })

  it('maps the obsolete 4.1.1 rules at level A', () => {
    expect(mapAxeRule('duplicate-id', tagsOf('duplicate-id'))).toEqual({
      wcag: ['4.1.1'],
      gbt37668: [],
      level: 'A',
      ageing: [],
    })
  })

  it('uses the table when no tags are given, and tags for rules it does not know', () => {
    expect(mapAxeRule('image-alt')).toEqual(mapAxeRule('image-alt', tagsOf('image-alt')))
    expect(mapAxeRule('cn-elder-font-size', ['miit-elder-web', 'wcag144', 'wcag2aa'])).toMatchObject({
      wcag: ['1.4.4'],
      level: 'AA',
    })
    expect(mapAxeRule('cn-custom', ['wcag243'])).toEqual({
      wcag: ['2.4.3'],
      gbt37668: ['3.3.3.6'],
      level: 'A',
      ageing: [],
    })
    expect(mapAxeRule('no-such-rule')).toEqual({ wcag: [], gbt37668: [], level: null, ageing: [] })
    expect(mapAxeRule('no-such-rule', ['wcag999', 'cat.aria'])).toEqual({
      wcag: [],
      gbt37668: [],
      level: null,
      ageing: [],
    })
  })

  it('maps every TSV rule without throwing, consistently with the TSV', () => {
    for (const row of tsv) {
      const m = mapAxeRule(row.id, [
        ...row.levelTags,
        ...row.wcag.map((sc) => `wcag${sc.replace(/\./g, '')}`),
      ])
      expect(m.wcag, row.id).toEqual(row.wcag)
      expect(m.level === null, row.id).toBe(row.levelTags.includes('best-practice'))
      expect(mapAxeRule(row.id)).toEqual(m)
    }
  })
})

describe('impactToSeverity', () => {
  it('maps the four axe impacts onto critical/major/minor', () => {
    expect(['critical', 'serious', 'moderate', 'minor'].map((i) => impactToSeverity(i))).toEqual([
      'critical',
      'major',
      'minor',
      'minor',
    ])
  })

  it('falls back to the rule impact, then to the given default', () => {
    expect(impactToSeverity(null, 'image-alt')).toBe('critical')
    expect(impactToSeverity(undefined, 'color-contrast')).toBe('major')
    expect(impactToSeverity(null, 'no-such-rule')).toBe('minor')
    expect(impactToSeverity('bogus', undefined, 'major')).toBe('major')
  })
})

describe('criteria and clause data', () => {
  it('lists all 87 WCAG 2.0–2.2 success criteria once, with 4.1.1 removed in 2.2', () => {
    expect(wcagCriteria).toHaveLength(87)
    expect(new Set(wcagCriteria.map((c) => c.id)).size).toBe(87)
    expect(getCriterion('4.1.1')).toMatchObject({
      level: 'A',
      removedIn: '2.2',
      gbt37668Status: 'unverified',
    })
    expect(getCriterion('2.5.8')).toMatchObject({ level: 'AA', since: '2.2', gbt37668Status: 'postdates' })
    expect(getCriterion('2.4.3')).toMatchObject({ gbt37668: ['3.3.3.6'], gbt37668Status: 'reported' })
    expect(wcagCriteria.filter((c) => c.since === '2.2')).toHaveLength(9)
  })

  it('resolves every GB clause and ageing id referenced from the criteria', () => {
    for (const c of wcagCriteria) {
      for (const g of c.gbt37668) expect(getGbClause(g)?.wcag, `${c.id} → ${g}`).toContain(c.id)
      for (const a of c.ageing) expect(getAgeingRule(a), `${c.id} → ${a}`).toBeDefined()
    }
    expect(gbt37668Clauses.find((g) => g.id === '3.3.2.2')?.levelNoteZh).toBeTruthy()
    expect(formatAgeingRef('web-2.6.1')).toBe('《互联网网站适老化通用设计规范》2.6.1')
    expect(ageingRules.find((r) => r.id === 'app-2.1')?.figureZh).toContain('60×60')
  })
})

describe('manualChecks', () => {
  const wcagChecks = manualChecks.filter((c) => c.criterion !== null)

  it('has one check for every WCAG A/AA criterion, with a zh-CN prompt', () => {
    const aAndAa = wcagCriteria.filter((c) => c.level !== 'AAA').map((c) => c.id)
    expect(wcagChecks.map((c) => c.criterion)).toEqual(aAndAa)
    for (const c of manualChecks) expect(c.promptZh).toMatch(/[\u4e00-\u9fff]{4}/)
    expect(new Set(manualChecks.map((c) => c.id)).size).toBe(manualChecks.length)
  })

  it('derives axe coverage that matches the reference counts for WCAG 2.1 A/AA (20 partial, 3 opt-in, 27 none)', () => {
    const v21 = wcagChecks.filter((c) => getCriterion(c.criterion!)!.since !== '2.2')
    expect(v21).toHaveLength(50)
    const count = (k: string): number => v21.filter((c) => c.coverage === k).length
    expect([count('partial'), count('opt-in'), count('none')]).toEqual([20, 3, 27])
    expect(manualChecks.find((c) => c.criterion === '1.3.4')).toMatchObject({
      coverage: 'opt-in',
      axeRules: ['css-orientation-lock'],
    })
    expect(manualChecks.find((c) => c.criterion === '2.5.8')).toMatchObject({
      coverage: 'opt-in',
      axeRules: ['target-size'],
    })
    expect(manualChecks.find((c) => c.criterion === '1.4.10')).toMatchObject({
      coverage: 'none',
      axeRules: [],
    })
  })

  it('carries clause refs, including GB-only and 适老化 items', () => {
    expect(manualChecks.find((c) => c.criterion === '1.1.1')?.refs.gbt37668).toEqual(['3.2.1.3', '3.2.1.4'])
    expect(manualChecks.find((c) => c.criterion === '3.3.4')?.refs.ageing).toEqual(['web-2.6.1'])
    const voice = manualChecks.find((c) => c.id === 'gb-3.3.4.2')!
    expect(voice).toMatchObject({ criterion: null, level: null, refs: { wcag: [], gbt37668: ['3.3.4.2'] } })
    for (const c of manualChecks)
      for (const a of c.refs.ageing) expect(getAgeingRule(a), `${c.id} → ${a}`).toBeDefined()
    expect(manualChecksFor(['none']).every((c) => c.coverage === 'none')).toBe(true)
  })
})
