import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  exchangeOutcomeLabels,
  signatureStateLabels,
  type ExchangeImportReport,
  type ExchangeOutcome,
} from '../../../shared/domain/exchange'
import { shortDeviceId, teamRoleLabels, type TeamRole } from '../../../shared/domain/team'
import { CountTable } from '../web-audits/run-summary'

const outcomes: ExchangeOutcome[] = ['new', 'updated', 'unchanged', 'conflict']

export function formatTime(iso: string): string {
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString('zh-CN', { hour12: false })
}

/** What one import did: where the package came from, whether its signature was checked, and the counts. */
export function ExchangeImportReportView({
  report,
  fileName,
}: {
  report: ExchangeImportReport
  fileName: string
}) {
  const { t } = useTranslation()
  const { origin, totals } = report
  const role = teamRoleLabels[origin.role as TeamRole] ?? origin.role
  return (
    <section aria-labelledby="exchange-import-report" className="aa-exchange-report">
      <h5 id="exchange-import-report" tabIndex={-1}>
        {t('team.exchange.import.reportHeading', { fileName })}
      </h5>
      <p>{t('team.exchange.import.done', totals)}</p>
      {report.seenBefore && <Alert type="info" showIcon title={t('team.exchange.import.seenBefore')} />}
      {totals.conflict > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('team.exchange.import.conflictsFound', { count: totals.conflict })}
        />
      )}
      <dl className="aa-facts" aria-label={t('team.exchange.import.origin')}>
        <div>
          <dt>{t('team.exchange.import.inspector')}</dt>
          <dd>{origin.inspector ?? t('team.exchange.import.unsigned')}</dd>
        </div>
        <div>
          <dt>{t('team.exchange.import.device')}</dt>
          <dd>
            <code>{shortDeviceId(origin.deviceId)}</code>
          </dd>
        </div>
        <div>
          <dt>{t('team.exchange.import.role')}</dt>
          <dd>{role}</dd>
        </div>
        <div>
          <dt>{t('team.exchange.import.createdAt')}</dt>
          <dd>{formatTime(origin.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('team.exchange.import.since')}</dt>
          <dd>
            {origin.since
              ? t('team.exchange.import.sinceDay', { day: origin.since })
              : t('team.exchange.import.everything')}
          </dd>
        </div>
        <div>
          <dt>{t('team.exchange.import.signature')}</dt>
          <dd>{signatureStateLabels[report.signature]}</dd>
        </div>
        <div className="aa-wide">
          <dt>{t('team.exchange.import.files')}</dt>
          <dd>{t('team.exchange.import.filesText', report.files)}</dd>
        </div>
      </dl>
      <CountTable
        caption={t('team.exchange.import.tableCaption')}
        keyHeader={t('team.exchange.import.kind')}
        valueHeaders={outcomes.map((o) => exchangeOutcomeLabels[o])}
        rows={[
          ...report.tables.map((row) => ({
            key: row.table,
            label: row.label,
            values: outcomes.map((o) => row[o]),
          })),
          ...(report.tables.length > 1
            ? [
                {
                  key: 'total',
                  label: t('team.exchange.import.totals'),
                  values: outcomes.map((o) => totals[o]),
                },
              ]
            : []),
        ]}
      />
    </section>
  )
}
