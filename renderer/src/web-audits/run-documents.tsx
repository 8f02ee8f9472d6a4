import { FileExcelOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { saveExportedFile } from '../rectification/download'
import type { RunOverlay } from '../../../shared/web/audit-result'
import type { DocumentCheckResult } from '../../../shared/web/doc-rules'
import { documentLimits, getDocumentRule } from '../../../shared/web/doc-rules'
import { documentFormatNames } from '../../../shared/web/document-types'
import { PageLink } from './tags'

/** The run's linked documents: each file with its problems, or why it could not be checked. */
export function RunDocuments({ documents }: { documents: DocumentCheckResult[] }) {
  const { t } = useTranslation()
  const checked = documents.filter((d) => d.status === 'checked')
  return (
    <section className="aa-wa-section" aria-labelledby="wa-documents-heading">
      <h2 id="wa-documents-heading">{t('webAudits.run.documents')}</h2>
      {documents.length === 0 ? (
        <p>{t('webAudits.run.noDocuments')}</p>
      ) : (
        <>
          <p>
            {t('webAudits.run.documentsIntro', {
              max: documentLimits.maxPerRun,
              mb: Math.round(documentLimits.maxBytes / 1024 / 1024),
              checked: checked.length,
              withProblems: checked.filter((d) => d.problems.some((p) => !p.needsReview)).length,
              notChecked: documents.length - checked.length,
            })}
          </p>
          <ul className="aa-wa-runs" data-testid="run-documents">
            {documents.map((d) => (
              <li key={d.url}>
                <PageLink url={d.url} /> {documentFormatNames[d.format] ?? d.format}
                {d.pageCount !== undefined && `，${t('webAudits.run.documentPages', { count: d.pageCount })}`}
                {d.title && <span className="aa-wa-muted"> {d.title}</span>}
                <div className="aa-wa-muted">
                  {t('webAudits.run.documentFoundOn')}：<PageLink url={d.foundOn} />
                  {d.linkText && `（${d.linkText}）`}
                </div>
                {d.problems.length === 0 ? (
                  <div>{t('webAudits.run.documentOk')}</div>
                ) : (
                  <ul>
                    {d.problems.map((p) => (
                      <li key={`${p.ruleId}-${p.detail}`}>
                        <strong>{getDocumentRule(p.ruleId)?.description ?? p.ruleId}</strong>
                        {p.needsReview && `（${t('webAudits.run.documentNeedsReview')}）`}：{p.detail}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** Pages listed per overlay on screen; the JSON report lists them all. */
const overlayPagesShown = 10

/** The accessibility overlays found on the run's pages: information only (no finding, no score). Nothing when none. */
export function RunOverlays({ overlays }: { overlays: RunOverlay[] }) {
  const { t } = useTranslation()
  if (overlays.length === 0) return null
  return (
    <section className="aa-wa-section" aria-labelledby="wa-overlays-heading">
      <h2 id="wa-overlays-heading">{t('webAudits.run.overlays')}</h2>
      <ul className="aa-wa-runs" data-testid="run-overlays">
        {overlays.map((o) => (
          <li key={o.id}>
            <strong>{t('webAudits.run.overlayLine', { name: o.name })}</strong>
            {o.blocked && <div className="aa-wa-muted">{t('webAudits.run.overlayBlocked')}</div>}
            <div>{t('webAudits.run.overlayPages', { count: o.pages.length })}：</div>
            <ul>
              {o.pages.slice(0, overlayPagesShown).map((url) => (
                <li key={url}>
                  <PageLink url={url} />
                </li>
              ))}
              {o.pages.length > overlayPagesShown && (
                <li>{t('webAudits.run.overlayMorePages', { count: o.pages.length - overlayPagesShown })}</li>
              )}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** 导出 Excel（按条款）: the run's automatic, document and manual results in one workbook sorted by clause. */
export function ClauseExport({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const exporter = useMutation({
    mutationFn: () => api.call('audits:exportClauses', { runId }),
    onMutate: () => announce(t('webAudits.run.exportingClauses')),
    onSuccess: (file) => {
      saveExportedFile(file)
      announce(t('webAudits.run.exportedClauses', { fileName: file.fileName }))
    },
  })
  return (
    <div className="aa-wa-section">
      <Button
        icon={<FileExcelOutlined aria-hidden="true" />}
        loading={exporter.isPending}
        onClick={() => exporter.mutate()}
      >
        {t('webAudits.run.exportClauses')}
      </Button>
      <ErrorAlert error={exporter.error} />
    </div>
  )
}
