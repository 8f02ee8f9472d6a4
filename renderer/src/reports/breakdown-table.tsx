import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { ReportRow } from '../../../shared/domain/rectification'
import { countKeys, countLabels, formatCount } from '../../../shared/domain/report-definitions'

const collator = new Intl.Collator('zh-CN')

/** One breakdown (by unit, category or clause) as a table sortable on every column. */
export function BreakdownTable(props: { title: string; first: string; rows: ReportRow[]; note?: string }) {
  const { t } = useTranslation()
  const columns: ColumnsType<ReportRow> = [
    {
      title: props.first,
      dataIndex: 'label',
      key: 'label',
      sorter: (a, b) => collator.compare(a.label, b.label),
    },
    ...countKeys.map((k) => ({
      title: countLabels[k],
      dataIndex: k,
      key: k,
      align: 'right' as const,
      sorter: (a: ReportRow, b: ReportRow) => (a[k] ?? -1) - (b[k] ?? -1),
      render: (_: unknown, row: ReportRow) => formatCount(row, k),
    })),
  ]
  return (
    <section className="aa-report-breakdown" aria-label={props.title}>
      <Typography.Title level={3}>{props.title}</Typography.Title>
      {props.note ? <p>{props.note}</p> : null}
      <Table<ReportRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={props.rows}
        pagination={props.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('reports.tables.empty') }}
        scroll={{ x: 'max-content' }}
      />
    </section>
  )
}
