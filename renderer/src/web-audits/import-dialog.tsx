import { useState, type ChangeEvent } from 'react'
import { Alert, Input, Modal } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { PortalImportReport } from '../../../shared/domain/portals'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { i18next } from '../i18n/index'

/** Reads a chosen text/CSV file as text (UTF-8) into the textarea, so the user sees what will be imported. */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsText(file)
  })
}

/** 导入清单: paste or load "名称,网址,责任单位" lines; the report lists what was created, known and refused. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [text, setText] = useState('')
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null)
  const importList = useMutation({
    mutationFn: () => api.call('portals:import', { text }),
    onSuccess: (report) => {
      onImported()
      announce(
        t('webAudits.import.announced', {
          created: report.created.length,
          existing: report.existing.length,
          problems: report.problems.length,
        }),
      )
    },
  })

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    try {
      setText(await readAsText(file))
      setFileNote({ ok: true, text: t('webAudits.import.fileLoaded', { name: file.name }) })
    } catch {
      setFileNote({ ok: false, text: t('webAudits.import.fileFailed', { name: file.name }) })
    }
  }

  return (
    <Modal
      open
      title={t('webAudits.import.title')}
      okText={t('webAudits.import.ok')}
      cancelText={t('webAudits.import.close')}
      okButtonProps={{ disabled: text.trim() === '' }}
      confirmLoading={importList.isPending}
      onOk={() => importList.mutate()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <p id="wa-import-help">{t('webAudits.import.help')}</p>
      <div className="aa-field">
        <label htmlFor="wa-import-text">{t('webAudits.import.text')}</label>
        <Input.TextArea
          id="wa-import-text"
          aria-describedby="wa-import-help"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </div>
      <div className="aa-field" style={{ marginTop: 12 }}>
        <label htmlFor="wa-import-file">{t('webAudits.import.file')}</label>
        <input
          id="wa-import-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => void onFile(e)}
        />
      </div>
      {fileNote && (
        <p role="status" className={fileNote.ok ? undefined : 'aa-wa-error-text'}>
          {fileNote.text}
        </p>
      )}
      <ErrorAlert error={importList.error} />
      {importList.data && <ImportReport report={importList.data} />}
    </Modal>
  )
}

/** The API's messages already start with "第 N 行："; older ones may not, so add it only when missing. */
function problemText(line: number, message: string): string {
  return message.startsWith(`第 ${line} 行`)
    ? message
    : i18next.t('webAudits.import.problemLine', { line, message })
}

function ImportReport({ report }: { report: PortalImportReport }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="wa-import-report" className="aa-wa-report" data-testid="import-report">
      <h2 id="wa-import-report">{t('webAudits.import.report')}</h2>
      <ul>
        <li>{t('webAudits.import.created', { count: report.created.length })}</li>
        <li>{t('webAudits.import.existing', { count: report.existing.length })}</li>
        <li>{t('webAudits.import.problems', { count: report.problems.length })}</li>
      </ul>
      {report.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('webAudits.import.problems', { count: report.problems.length })}
          description={
            <ul className="aa-wa-problems">
              {report.problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>
                  {problemText(p.line, p.message)}
                  {p.text && (
                    <span className="aa-wa-muted">{t('webAudits.import.problemText', { text: p.text })}</span>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </section>
  )
}
