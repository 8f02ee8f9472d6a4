import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { Alert, Button, Modal, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type {
  ImportRow,
  RegistryImportKind,
  RegistryImportPreview,
  RegistryImportResult,
} from '../../../shared/domain/registry-import'
import { useApi } from '../api/api-context'
import { readBase64 } from '../inspections/photo-panel'
import { ToneTag, type Tone } from '../web-audits/tags'
import { useAnnounce } from './announcer'
import { ErrorAlert } from './error-alert'

// The contrast-checked tones of the app's tags, each with a symbol and a word (colour is never the only signal).
const statusTones: Record<ImportRow['status'] | 'imported', { tone: Tone; symbol: string }> = {
  new: { tone: 'good', symbol: '+' },
  existing: { tone: 'neutral', symbol: '=' },
  error: { tone: 'bad', symbol: '✕' },
  imported: { tone: 'info', symbol: '✓' },
}

/**
 * 批量导入 (places page and portals page): choose an .xlsx or CSV file → the preview of every row (new, already
 * registered, error with its reasons) → 确认导入, which writes the new rows in one transaction on the service's side
 * (registry:importCommit reads and checks the file again). Keyboard: the file input, then the preview's heading
 * takes the focus, then the confirm button; outcomes are announced.
 */
export function RegistryImportDialog(props: {
  kind: RegistryImportKind
  onClose: () => void
  onImported: () => void
}) {
  const { kind, onImported } = props
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null)
  const resultRef = useRef<HTMLDivElement>(null)

  const input = () => ({ kind, fileName: file!.name, dataBase64: file!.base64 })
  const preview = useMutation({
    mutationFn: (chosen: { name: string; base64: string }) =>
      api.call('registry:importPreview', { kind, fileName: chosen.name, dataBase64: chosen.base64 }),
    onSuccess: (data) => announce(t('registryImport.announcedPreview', data.counts)),
  })
  const commit = useMutation({
    mutationFn: () => api.call('registry:importCommit', input()),
    onSuccess: (data) => {
      onImported()
      announce(doneText(data))
    },
  })

  useEffect(() => {
    if (preview.data) document.getElementById('registry-import-heading')?.focus()
  }, [preview.data])
  useEffect(() => {
    if (commit.data) resultRef.current?.focus()
  }, [commit.data])

  const doneText = (result: RegistryImportResult) =>
    t('registryImport.done', {
      created: result.created,
      kind: t(`registryImport.kinds.${kind}`),
      existing: result.counts.existing,
      error: result.counts.error,
    })

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    commit.reset()
    preview.reset()
    setFile(null)
    if (!chosen) return
    announce(t('registryImport.reading', { name: chosen.name }))
    const next = { name: chosen.name, base64: await readBase64(chosen) }
    setFile(next)
    preview.mutate(next)
  }

  const shown: RegistryImportPreview | undefined = commit.data ?? preview.data
  const canConfirm = !!preview.data && preview.data.counts.new > 0 && !commit.data

  return (
    <Modal
      open
      title={t(`registryImport.title.${kind}`)}
      onCancel={props.onClose}
      width={1000}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={props.onClose}>
          {t('registryImport.close')}
        </Button>,
        ...(canConfirm
          ? [
              <Button key="ok" type="primary" loading={commit.isPending} onClick={() => commit.mutate()}>
                {t('registryImport.confirm', { count: preview.data!.counts.new })}
              </Button>,
            ]
          : []),
      ]}
    >
      <p id="registry-import-help">{t(`registryImport.help.${kind}`)}</p>
      <div className="aa-field">
        <label htmlFor="registry-import-file">{t('registryImport.file')}</label>
        <input
          id="registry-import-file"
          type="file"
          aria-describedby="registry-import-help"
          accept=".xlsx,.csv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void onFile(e)}
        />
      </div>
      {preview.isPending && file && <p role="status">{t('registryImport.reading', { name: file.name })}</p>}
      <ErrorAlert error={preview.error ?? commit.error} />
      {commit.data && (
        <div ref={resultRef} tabIndex={-1} className="aa-registry-import-result">
          <Alert type="success" showIcon title={doneText(commit.data)} />
        </div>
      )}
      {shown && (
        <ImportPreview preview={shown} committed={!!commit.data} fileName={file?.name ?? shown.fileName} />
      )}
    </Modal>
  )
}

function ImportPreview(props: { preview: RegistryImportPreview; committed: boolean; fileName: string }) {
  const { preview, committed } = props
  const { t } = useTranslation()
  const places = preview.kind === 'places'
  const statusOf = (row: ImportRow) => (committed && row.status === 'new' ? 'imported' : row.status)
  const columns: ColumnsType<ImportRow> = [
    { title: t('registryImport.columns.row'), dataIndex: 'row', width: 64 },
    {
      title: t('registryImport.columns.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, row: ImportRow) => (
        <ToneTag {...statusTones[statusOf(row)]}>{t(`registryImport.status.${statusOf(row)}`)}</ToneTag>
      ),
    },
    {
      title: t('registryImport.columns.name'),
      dataIndex: 'name',
      width: 170,
      render: (v: string) => v || '—',
    },
    places
      ? {
          title: t('registryImport.columns.address'),
          dataIndex: 'address',
          width: 170,
          render: (v: string | null) => v ?? '—',
        }
      : { title: t('registryImport.columns.url'), dataIndex: 'url', render: (v: string | null) => v ?? '—' },
    ...(places
      ? [
          {
            title: t('registryImport.columns.type'),
            dataIndex: 'typeLabel',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
        ]
      : []),
    {
      title: t('registryImport.columns.unit'),
      dataIndex: 'unitName',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('registryImport.columns.problems'),
      key: 'problems',
      render: (_: unknown, row: ImportRow) =>
        row.problems.length === 0 ? (
          '—'
        ) : (
          <ul className="aa-registry-import-problems">
            {row.problems.map((p) => (
              <li key={p.message}>{p.column ? `${p.column}：${p.reason}` : p.reason}</li>
            ))}
          </ul>
        ),
    },
  ]
  return (
    <section aria-labelledby="registry-import-heading" data-testid="registry-import-preview">
      <h2 id="registry-import-heading" tabIndex={-1}>
        {t(committed ? 'registryImport.resultHeading' : 'registryImport.previewHeading', {
          name: props.fileName,
        })}
      </h2>
      <p>
        {t('registryImport.counts', preview.counts)}
        {!committed && ` ${t('registryImport.nothingWritten')}`}
      </p>
      {preview.ignoredColumns.length > 0 && (
        <p>{t('registryImport.ignoredColumns', { columns: preview.ignoredColumns.join('、') })}</p>
      )}
      <Table<ImportRow>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={preview.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        title={() => (
          <span className="aa-visually-hidden">
            {t('registryImport.tableCaption', { name: props.fileName })}
          </span>
        )}
      />
    </section>
  )
}
