import { useTranslation } from 'react-i18next'
import type { ManualChecklistItem } from '../../../shared/domain/audits'
import { ageingDocTitles, getAgeingRule } from '../../../shared/web/ageing-rules'
import { getCriterion } from '../../../shared/web/wcag-criteria'

/**
 * Where a manual check sits in the standards: WCAG SC with its level, the GB/T 37668 clause, 适老化 rules.
 * An empty GB list is said as "not verified" (or "none, a WCAG 2.2 addition"), never as "no requirement".
 */
export function ManualRefs({ item }: { item: ManualChecklistItem }) {
  const { t } = useTranslation()
  const sc = item.criterion ? getCriterion(item.criterion) : undefined
  const parts = [
    sc
      ? t('webAudits.manual.wcagRef', { criterion: sc.id, level: sc.level })
      : t('webAudits.manual.wcagNone'),
    item.refs.gbt37668.length > 0
      ? t('webAudits.manual.gbRef', { clauses: item.refs.gbt37668.join('、') })
      : sc?.gbt37668Status === 'postdates'
        ? t('webAudits.manual.gbPostdates')
        : t('webAudits.manual.gbUnverified'),
  ]
  if (item.refs.ageing.length > 0) {
    parts.push(t('webAudits.manual.ageingRef', { refs: ageingRefs(item.refs.ageing) }))
  }
  return (
    <ul className="aa-wa-manual-refs">
      {parts.map((part) => (
        <li key={part}>{part}</li>
      ))}
    </ul>
  )
}

/** '《互联网网站适老化通用设计规范》1.4.3、1.4.4；《…（APP）…》1.5': each annex named once, its clauses after it. */
function ageingRefs(ids: readonly string[]): string {
  const byDoc = new Map<string, string[]>()
  for (const id of ids) {
    const rule = getAgeingRule(id)
    const doc = rule ? ageingDocTitles[rule.doc] : ''
    const ref = !rule ? id : (rule.clause ?? `（${rule.titleZh}）`)
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), ref])
  }
  return [...byDoc].map(([doc, refs]) => `${doc}${refs.join('、')}`).join('；')
}
