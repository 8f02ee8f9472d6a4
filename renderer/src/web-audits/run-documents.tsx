import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { ErrorAlert } from '../components/error-alert'
import { saveExportedFile } from '../rectification/download'
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

/** 导出 Excel（按条款）: the run's automatic, document and manual results in one workbook sorted by clause. */
export function ClauseExport({ runId }: { runId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      saveExportedFile(await api.call('audits:exportClauses', { runId }))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="aa-wa-section">
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? t('webAudits.run.exportingClauses') : t('webAudits.run.exportClauses')}
      </button>
      <ErrorAlert error={error} />
    </div>
  )
}
