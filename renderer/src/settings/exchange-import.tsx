import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { Button } from 'antd'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { readBase64 } from '../inspections/photo-panel'
import { ExchangeImportReportView } from './exchange-import-report'

/**
 * 交换数据包 → 导入: choose a .zip, then 导入数据包. The service imports all or nothing; its report (origin, signature,
 * what was new, updated, unchanged or in conflict) takes the focus, and so does a refusal (PACKAGE_REJECTED: the
 * zh-CN reason, nothing written), so a screen reader starts reading at the outcome.
 */
export function ExchangeImport() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const errorRef = useRef<HTMLDivElement>(null)

  const importer = useMutation({
    mutationFn: async (chosen: File) =>
      api.call('exchange:import', { fileName: chosen.name, dataBase64: await readBase64(chosen) }),
    onMutate: (chosen) => announce(t('team.exchange.import.working', { name: chosen.name })),
    onSuccess: (report) => {
      announce(t('team.exchange.import.done', report.totals))
      // Any list on any page may have changed, and the conflicts below certainly may have.
      void queryClient.invalidateQueries()
    },
  })

  useEffect(() => {
    if (importer.error) errorRef.current?.focus()
  }, [importer.error])
  useEffect(() => {
    if (importer.data) document.getElementById('exchange-import-report')?.focus()
  }, [importer.data])

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    importer.reset()
    const chosen = event.target.files?.[0] ?? null
    setFile(chosen)
    if (chosen) announce(t('team.exchange.import.chosen', { name: chosen.name }))
  }

  return (
    <section aria-labelledby="exchange-import">
      <h4 id="exchange-import">{t('team.exchange.import.heading')}</h4>
      <div className="aa-field" style={{ marginBottom: 12 }}>
        <label htmlFor="exchange-import-file">{t('team.exchange.import.file')}</label>
        <input
          id="exchange-import-file"
          type="file"
          accept=".zip,application/zip"
          aria-describedby="exchange-import-help"
          onChange={onFile}
        />
        <div id="exchange-import-help" className="aa-exchange-help">
          {t('team.exchange.import.fileHelp')}
        </div>
      </div>
      <Button disabled={!file} loading={importer.isPending} onClick={() => file && importer.mutate(file)}>
        {t('team.exchange.import.button')}
      </Button>
      {importer.isPending && file && <p>{t('team.exchange.import.working', { name: file.name })}</p>}
      {importer.error && (
        <div ref={errorRef} tabIndex={-1} className="aa-exchange-outcome" data-testid="exchange-import-error">
          <ErrorAlert
            error={importer.error}
            title={
              importer.error instanceof ApiCallError && importer.error.code === 'PACKAGE_REJECTED'
                ? t('team.exchange.import.rejected')
                : undefined
            }
          />
        </div>
      )}
      {importer.data && (
        <ExchangeImportReportView report={importer.data} fileName={importer.variables?.name ?? ''} />
      )}
    </section>
  )
}
