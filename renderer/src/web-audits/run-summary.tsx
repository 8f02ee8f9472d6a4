import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditRunView } from '../../../shared/domain/audits'
import { getCriterion, getGbClause } from '../../../shared/web/standards'
import { ImpactTag, ScoreText } from './tags'

const impactOrder = ['critical', 'serious', 'moderate', 'minor']

/** A small captioned table of counts (native, so caption and headers reach screen readers as they are). */
export function CountTable(props: {
  caption: string
  keyHeader: string
  rows: Array<{ key: string; label: ReactNode; values: number[] }>
  valueHeaders: string[]
}) {
  const { t } = useTranslation()
  return (
    <table className="aa-wa-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.keyHeader}</th>
          {props.valueHeaders.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={props.valueHeaders.length + 1}>{t('webAudits.run.noRows')}</td>
          </tr>
        ) : (
          props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

/** Score, page counts and the counts by impact, WCAG SC and GB/T 37668 clause; `level` keeps headings in order. */
export function RunSummary({ run, level }: { run: AuditRunView; level: 2 | 3 }) {
  const { t } = useTranslation()
  const H = level === 2 ? 'h2' : 'h3'
  const Sub = level === 2 ? 'h3' : 'h4'
  const s = run.summary
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })
  return (
    <>
      <H>{t('webAudits.run.summary')}</H>
      <dl className="aa-wa-meta">
        <dt>{t('webAudits.run.score')}</dt>
        <dd>{run.score === null ? t('webAudits.run.noScore') : <ScoreText score={run.score} />}</dd>
        {s && (
          <>
            <dt>{t('webAudits.run.pagesAudited')}</dt>
            <dd data-testid="pages-audited">{s.pages.audited}</dd>
            <dt>{t('webAudits.run.pagesFailed')}</dt>
            <dd data-testid="pages-failed">{s.pages.failed}</dd>
            <dt>{t('webAudits.run.violations')}</dt>
            <dd>
              {t('webAudits.run.violationsText', { rules: s.violations.rules, nodes: s.violations.nodes })}
            </dd>
            <dt>{t('webAudits.run.needsReview')}</dt>
            <dd>
              {t('webAudits.run.violationsText', { rules: s.needsReview.rules, nodes: s.needsReview.nodes })}
            </dd>
          </>
        )}
      </dl>
      {s && (
        <div className="aa-wa-tables">
          <div>
            <Sub>{t('webAudits.run.byImpact')}</Sub>
            <CountTable
              caption={t('webAudits.run.byImpactCaption')}
              keyHeader={t('webAudits.run.impact')}
              valueHeaders={[t('webAudits.run.instances'), t('webAudits.run.nodes')]}
              rows={impactOrder
                .filter((k) => s.byImpact[k])
                .map((k) => ({
                  key: k,
                  label: <ImpactTag impact={k} />,
                  values: [s.byImpact[k]!.instances, s.byImpact[k]!.nodes],
                }))}
            />
          </div>
          <div>
            <Sub>{t('webAudits.run.byWcag')}</Sub>
            <CountTable
              caption={t('webAudits.run.byWcagCaption')}
              keyHeader={t('webAudits.run.criterion')}
              valueHeaders={[t('webAudits.run.count')]}
              rows={Object.keys(s.byWcag)
                .sort(byNumber)
                .map((id) => ({
                  key: id,
                  label: `${id} ${getCriterion(id)?.nameZh ?? ''}`,
                  values: [s.byWcag[id]!],
                }))}
            />
          </div>
          <div>
            <Sub>{t('webAudits.run.byGbt')}</Sub>
            <CountTable
              caption={t('webAudits.run.byGbtCaption')}
              keyHeader={t('webAudits.run.clause')}
              valueHeaders={[t('webAudits.run.count')]}
              rows={Object.keys(s.byGbt37668)
                .sort(byNumber)
                .map((id) => ({
                  key: id,
                  label: `${id} ${getGbClause(id)?.titleZh ?? ''}`,
                  values: [s.byGbt37668[id]!],
                }))}
            />
          </div>
        </div>
      )}
    </>
  )
}
