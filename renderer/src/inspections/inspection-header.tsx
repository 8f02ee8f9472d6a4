import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { getCatalog } from '../../../shared/catalog/index'
import { i18next } from '../i18n/index'
import type { Inspection } from '../../../shared/domain/inspections'
import { authorshipLabel } from '../../../shared/domain/team'
import { InspectionStatusTag } from './status-tags'

/** Catalog by name and version, as recorded by the server when the inspection was created. */
export function catalogText(inspection: Pick<Inspection, 'catalogId' | 'catalogVersion'>): string {
  const name = getCatalog(inspection.catalogId)?.name ?? inspection.catalogId
  return i18next.t('inspections.detail.catalogText', { name, version: inspection.catalogVersion })
}

/** Place, unit, date, inspectors, catalog version and status of one inspection, as a description list. */
export function InspectionHeader({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation()
  const rows: Array<[string, ReactNode]> = [
    [t('inspections.detail.place'), inspection.placeName],
    [t('inspections.detail.unit'), inspection.unitName ?? '—'],
    [t('inspections.detail.date'), inspection.inspectedOn],
    [t('inspections.detail.inspectors'), inspection.inspectors],
    [t('inspections.detail.catalog'), catalogText(inspection)],
    [t('inspections.detail.status'), <InspectionStatusTag key="status" status={inspection.status} />],
  ]
  if (inspection.submittedAt)
    rows.push([
      t('inspections.detail.submittedAt'),
      new Date(inspection.submittedAt).toLocaleString('zh-CN', { hour12: false }),
    ])
  if (inspection.notes) rows.push([t('inspections.detail.notes'), inspection.notes])
  const { createdBy, createdDevice, updatedBy, updatedDevice } = inspection.authorship
  const created = authorshipLabel(createdBy, createdDevice)
  const updated = authorshipLabel(updatedBy, updatedDevice)
  if (created || updated)
    rows.push([
      t('team.authorship'),
      <span key="authorship" style={{ color: 'rgba(0,0,0,0.65)' }}>
        {[
          created && t('team.created', { who: created }),
          updated && updated !== created && t('team.updated', { who: updated }),
        ]
          .filter(Boolean)
          .join('；')}
      </span>,
    ])
  return (
    <dl className="aa-facts">
      {rows.map(([label, value]) => (
        <div key={label} className={label === t('inspections.detail.catalog') ? 'aa-wide' : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
