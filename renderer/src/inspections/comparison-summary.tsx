import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ComparisonStatus } from '../../../shared/domain/inspections'
import { ComparisonTag } from './status-tags'

const order: ComparisonStatus[] = ['fixed', 'still-failing', 'new', 'not-rechecked', 'unchanged-pass']

/** Re-inspection at a glance: how many checks are fixed, still failing, new, not yet re-checked. */
export function ComparisonSummary(props: { date: string; counts: Record<ComparisonStatus, number> }) {
  const { t } = useTranslation()
  return (
    <section className="aa-panel" aria-labelledby="comparison-heading">
      <Typography.Title level={2} id="comparison-heading" style={{ fontSize: '1.2em' }}>
        {t('inspections.comparison.heading')}
      </Typography.Title>
      <p>{t('inspections.comparison.intro', { date: props.date })}</p>
      <ul className="aa-counts">
        {order.map((status) => (
          <li key={status} data-status={status}>
            <ComparisonTag status={status} />
            <span className="aa-count">{props.counts[status]}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
