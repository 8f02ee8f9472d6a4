import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentRules } from '../../../shared/web/doc-rules'
import { getOwnRule, ownRuleIds } from '../../../shared/web/own-rules'

// The README documents every own check and document rule in a table; this keeps it from going stale when one is added.
const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf-8')
const tableRows = new Set([...readme.matchAll(/^\| `(aa-[a-z0-9-]+)` \|/gm)].map((m) => m[1]))

describe('README rule tables', () => {
  it.each([...ownRuleIds])('lists own check %s', (id) => {
    expect(tableRows.has(id)).toBe(true)
  })

  it.each(documentRules.map((r) => r.id))('lists document rule %s', (id) => {
    expect(tableRows.has(id)).toBe(true)
  })

  it.each([...ownRuleIds])('gives the WCAG, GB/T 37668 and impact of %s as the rule data does', (id) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${id}\` |`))
    const cells = (row ?? '').split(' | ').map((c) => c.trim())
    const rule = getOwnRule(id)!
    const list = (values: string[]) => (values.length > 0 ? values.join(', ') : '—')
    expect({ wcag: cells[2], gb: cells[3], impact: cells[5] }).toEqual({
      wcag: list(rule.refs.wcag),
      gb: list(rule.refs.gbt37668),
      impact: rule.impact,
    })
  })

  it('lists no rule that does not exist', () => {
    const known = new Set<string>([...ownRuleIds, ...documentRules.map((r) => r.id)])
    expect([...tableRows].filter((id) => !known.has(id))).toEqual([])
  })
})
