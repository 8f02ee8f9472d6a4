import { Button, Checkbox, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { nextStatus, type RectificationItemSummary } from '../../../shared/domain/rectification'
import { formatClause } from '../../../shared/domain/notice-document'
import { SeverityTag } from '../inspections/status-tags'
import { ScrollRegion } from '../components/scroll-region'
import { ToneTag } from '../web-audits/tags'
import { DeadlineText, ItemStatusTag, PriorityText } from './status-tags'

/** The items of one place or portal: a checkbox per row (labelled with the item), the facts, and 撤销. */
export function ItemTable(props: {
  caption: string
  items: RectificationItemSummary[]
  selected: ReadonlySet<number>
  onToggle: (ids: number[], on: boolean) => void
  onDrop: (item: RectificationItemSummary) => void
  today: string
  groupLabel: string
}) {
  const { items, selected, onToggle, today } = props
  const { t } = useTranslation()
  const all = items.length > 0 && items.every((i) => selected.has(i.id))
  const some = items.some((i) => selected.has(i.id))

  const columns: ColumnsType<RectificationItemSummary> = [
    {
      title: (
        <Checkbox
          checked={all}
          indeterminate={some && !all}
          onChange={(e) =>
            onToggle(
              items.map((i) => i.id),
              e.target.checked,
            )
          }
        >
          <span className="aa-visually-hidden">
            {t('rectification.selectGroupNamed', { location: props.groupLabel })}
          </span>
        </Checkbox>
      ),
      key: 'select',
      width: 56,
      render: (_: unknown, item) => (
        <Checkbox checked={selected.has(item.id)} onChange={(e) => onToggle([item.id], e.target.checked)}>
          <span className="aa-visually-hidden">{t('rectification.selectItem', { title: item.title })}</span>
        </Checkbox>
      ),
    },
    {
      title: t('rectification.columns.title'),
      dataIndex: 'title',
      className: 'aa-rect-col-title',
      render: (title: string, item) => (
        <>
          <Link to={`/rectification/items/${item.id}`}>{title}</Link>
          <div className="aa-rect-title-meta">
            <SeverityTag severity={item.severity} />
            {item.elementCount > 1 && t('rectification.moreElements', { count: item.elementCount })}
          </div>
        </>
      ),
    },
    { title: t('rectification.columns.location'), dataIndex: 'location', className: 'aa-rect-col-location' },
    {
      title: t('rectification.columns.clauses'),
      dataIndex: 'clauses',
      className: 'aa-rect-col-clauses',
      render: (clauses: RectificationItemSummary['clauses']) =>
        clauses.slice(0, 3).map((c) => <div key={`${c.code}-${c.clause}`}>{formatClause(c)}</div>),
    },
    {
      title: t('rectification.columns.status'),
      dataIndex: 'status',
      render: (s: RectificationItemSummary['status']) => <ItemStatusTag status={s} />,
    },
    {
      title: t('rectification.columns.priority'),
      dataIndex: 'priority',
      render: (p: RectificationItemSummary['priority']) => <PriorityText priority={p} />,
    },
    {
      title: t('rectification.columns.deadline'),
      dataIndex: 'deadline',
      render: (_: unknown, item) => (
        <DeadlineText deadline={item.deadline} overdue={item.overdue} today={today} />
      ),
    },
    {
      title: t('rectification.columns.notice'),
      dataIndex: 'noticeNumber',
      render: (n: string | null) => n ?? t('rectification.noNotice'),
    },
    {
      // A re-inspection or re-audit that no longer found the problem: visible in the list, decided in bulk or on the
      // item's page (the link names the item for screen readers).
      title: t('rectification.columns.proposal'),
      key: 'proposal',
      render: (_: unknown, item) =>
        item.proposal ? (
          <Link
            to={`/rectification/items/${item.id}`}
            aria-label={t('rectification.proposalPendingNamed', { title: item.title })}
            title={item.proposal.explanation}
          >
            <ToneTag tone="warn" symbol="?">
              {t('rectification.proposalPending')}
            </ToneTag>
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, item) =>
        nextStatus(item.status, 'drop') !== null ? (
          <Button
            size="small"
            onClick={() => props.onDrop(item)}
            aria-label={`${t('rectification.bulk.drop')} ${item.title}`}
          >
            {t('rectification.bulk.drop')}
          </Button>
        ) : null,
    },
  ]

  // A wrapper scrolls a wide table (antd's own scroll.x adds a hidden measuring row that repeats the header's
  // checkbox, which screen readers and axe see as a focusable element inside aria-hidden).
  return (
    <ScrollRegion className="aa-rect-table-scroll" label={props.caption}>
      <Table<RectificationItemSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, hideOnSinglePage: true } : false}
        rowClassName={(item) => (selected.has(item.id) ? 'aa-rect-row-selected' : '')}
        title={() => <span className="aa-visually-hidden">{props.caption}</span>}
      />
    </ScrollRegion>
  )
}
