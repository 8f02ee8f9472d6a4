import { Button, Space, Typography } from 'antd'
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { saveExportedFile } from '../rectification/download'
import type { Period } from './period'

/** PDF and Excel export of the report on screen (same period and unit). */
export function ExportButtons(props: { period: Period; unitId: number | undefined; disabled: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const exporter = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx') =>
      api.call('reports:export', { ...props.period, unitId: props.unitId, format }),
    onMutate: () => announce(t('reports.export.working')),
    onSuccess: (file) => {
      saveExportedFile(file)
      announce(t('reports.export.done', { fileName: file.fileName }))
    },
  })
  const busy = exporter.isPending ? exporter.variables : null
  return (
    <section aria-labelledby="aa-report-export" className="aa-report-export">
      <Typography.Title level={2} id="aa-report-export">
        {t('reports.export.heading')}
      </Typography.Title>
      <Space wrap>
        <Button
          icon={<FilePdfOutlined aria-hidden="true" />}
          loading={busy === 'pdf'}
          disabled={props.disabled || busy !== null}
          onClick={() => exporter.mutate('pdf')}
        >
          {t('reports.export.pdf')}
        </Button>
        <Button
          icon={<FileExcelOutlined aria-hidden="true" />}
          loading={busy === 'xlsx'}
          disabled={props.disabled || busy !== null}
          onClick={() => exporter.mutate('xlsx')}
        >
          {t('reports.export.xlsx')}
        </Button>
      </Space>
      <ErrorAlert error={exporter.error} />
    </section>
  )
}
