import { Button, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { categoryLabel, checksForCategory } from '../../../shared/catalog/index'
import type { Inspection, InspectionElement } from '../../../shared/domain/inspections'
import { inspectionGaps } from '../../../shared/domain/inspection-gaps'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { ClauseList } from './check-result'
import { decidingClauses, domId, formatInputs } from './format'
import { InspectionHeader } from './inspection-header'
import { inspectionKey } from './mutation-queue'
import { PhotoThumb, PhotoTie } from './photo-panel'
import { sharedFieldsCheck } from './shared-fields'
import { VerdictCounts, VerdictTag } from './status-tags'
import './inspections.css'
import './record.css'

function ElementRecord({ inspection, element }: { inspection: Inspection; element: InspectionElement }) {
  const { t } = useTranslation()
  const headingId = domId('record-element', element.id)
  const checks = checksForCategory(inspection.catalogId, element.category)
  const sharedCheck = sharedFieldsCheck(inspection.catalogId, element.category)
  const shared = sharedCheck
    ? formatInputs(sharedCheck, element.measurements, element.carriedMeasurements)
    : []
  return (
    <section className="aa-record-element">
      <Typography.Title level={2} id={headingId} className="aa-element-title">
        {element.label}
        <span className="aa-element-category">（{categoryLabel(element.category)}）</span>
      </Typography.Title>
      {shared.length > 0 && (
        <p className="aa-record-shared">
          <span className="aa-label">{t('inspections.measure.heading')}：</span>
          {shared.join('；')}
        </p>
      )}
      <table className="aa-record-table">
        <caption className="aa-visually-hidden">{element.label}</caption>
        <colgroup>
          <col style={{ width: '20%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '24%' }} />
          <col style={{ width: '24%' }} />
          <col style={{ width: '12%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('inspections.record.check')}</th>
            <th scope="col">{t('inspections.record.values')}</th>
            <th scope="col">{t('inspections.record.verdict')}</th>
            <th scope="col">{t('inspections.record.clause')}</th>
            <th scope="col">{t('inspections.record.note')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => {
            const entry = element.checks[check.id]
            const values = formatInputs(check, entry?.inputs, entry?.carried)
            return (
              <tr key={check.id}>
                <th scope="row">{check.title}</th>
                <td>
                  {values.length
                    ? values.map((v) => <div key={v}>{v}</div>)
                    : t('inspections.check.notFilled')}
                </td>
                <td>
                  <VerdictTag result={entry?.result} />
                  {entry?.result && entry.result.verdict !== 'pass' && (
                    <div className="aa-record-explanation">{entry.result.explanation}</div>
                  )}
                </td>
                <td>
                  {/* The clauses the result cites (a decided result names those that decided it), else the check's. */}
                  <ClauseList
                    clauses={decidingClauses(
                      entry?.result?.clauses?.length ? entry.result.clauses : check.clauses,
                    )}
                  />
                </td>
                <td>{entry?.note ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {element.photos.length > 0 && (
        <ul
          className="aa-photo-list"
          aria-label={t('inspections.photos.listLabel', { label: element.label })}
        >
          {element.photos.map((photo) => (
            <li key={photo.sha256}>
              <figure>
                <PhotoThumb photo={photo} label={element.label} />
                <figcaption>
                  {photo.caption ?? photo.originalName}
                  <PhotoTie photo={photo} catalogId={inspection.catalogId} />
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** 检查记录表: the printable record of one inspection (A4; navigation hidden when printing). */
export function RecordPage() {
  const { t } = useTranslation()
  const api = useApi()
  const id = Number(useParams().id)
  const query = useQuery({
    queryKey: inspectionKey(id),
    queryFn: () => api.call('inspections:get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  })
  const inspection = query.data
  return (
    <div className="aa-record aa-insp-screen">
      <div className="aa-no-print aa-toolbar" style={{ marginTop: 0 }}>
        <Link to={`/inspections/${id}`}>{t('inspections.record.back')}</Link>
        <Button type="primary" onClick={() => window.print()} disabled={!inspection}>
          {t('inspections.record.print')}
        </Button>
      </div>
      <PageHeading>
        {inspection
          ? `${t('inspections.record.title')}：${inspection.placeName}`
          : t('inspections.record.title')}
      </PageHeading>
      <ErrorAlert error={query.error} />
      {inspection && (
        <>
          <InspectionHeader inspection={inspection} />
          <VerdictCounts counts={inspectionGaps(inspection.catalogId, inspection.elements, null).counts} />
          <p className="aa-hint">{t('inspections.check.mandatoryMark')}</p>
          {inspection.elements.map((element) => (
            <ElementRecord key={element.id} inspection={inspection} element={element} />
          ))}
          <div className="aa-signatures">
            <span>{t('inspections.record.signature')}</span>
            <span>{t('inspections.record.reviewer')}</span>
          </div>
          <p className="aa-hint">
            {t('inspections.record.generated', {
              time: new Date().toLocaleString('zh-CN', { hour12: false }),
            })}
          </p>
        </>
      )}
    </div>
  )
}
