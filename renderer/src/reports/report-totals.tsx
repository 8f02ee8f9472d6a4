import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ReportCounts } from '../../../shared/domain/rectification'
import {
  countDefinitions,
  countKeys,
  countLabels,
  formatCount,
} from '../../../shared/domain/report-definitions'

/** The period's totals as cards: one description list (name → figure), so each figure is read with its name. */
export function ReportTotals({ totals }: { totals: ReportCounts }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="aa-report-totals">
      <Typography.Title level={2} id="aa-report-totals">
        {t('reports.totals.heading')}
      </Typography.Title>
      <dl className="aa-report-cards" data-testid="report-totals">
        {countKeys.map((k) => (
          <div key={k} className="aa-report-card">
            <dt>{countLabels[k]}</dt>
            <dd>
              {/* The median names its unit (天) in its label; the counts are items. */}
              <span className="aa-report-card-value">{formatCount(totals, k)}</span>
              {k === 'medianDaysToFix' ? null : ` ${t('reports.totals.items')}`}
            </dd>
          </div>
        ))}
      </dl>
      <details className="aa-report-definitions">
        <summary>{t('reports.definitions.toggle')}</summary>
        <dl>
          {countKeys.map((k) => (
            <div key={k}>
              <dt>{countLabels[k]}</dt>
              <dd>{countDefinitions[k]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  )
}
