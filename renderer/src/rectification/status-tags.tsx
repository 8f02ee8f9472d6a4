import { useTranslation } from 'react-i18next'
import {
  itemStatusLabels,
  priorityLabels,
  type ItemStatus,
  type Priority,
} from '../../../shared/domain/rectification'
import { ToneTag, type Tone } from '../web-audits/tags'
import { daysUntil } from './dates'

// Every status carries its word and a symbol; the colour only repeats them.
const statusLook: Record<ItemStatus, { tone: Tone; symbol: string }> = {
  open: { tone: 'bad', symbol: '○' },
  notified: { tone: 'info', symbol: '→' },
  claimed: { tone: 'warn', symbol: '…' },
  verified: { tone: 'good', symbol: '✓' },
  reopened: { tone: 'bad', symbol: '↺' },
  dropped: { tone: 'neutral', symbol: '–' },
  merged: { tone: 'neutral', symbol: '=' },
}

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  return <ToneTag {...statusLook[status]}>{itemStatusLabels[status]}</ToneTag>
}

export function PriorityText({ priority }: { priority: Priority }) {
  return <span className={`aa-rect-priority aa-rect-priority-${priority}`}>{priorityLabels[priority]}</span>
}

/** The deadline with how far it is, in words: "2026-05-01（已逾期 3 天）". */
export function DeadlineText(props: { deadline: string | null; overdue: boolean; today: string }) {
  const { t } = useTranslation()
  if (!props.deadline) return <span className="aa-wa-muted">{t('rectification.noDeadline')}</span>
  const days = daysUntil(props.deadline, props.today)
  if (props.overdue)
    return (
      <span className="aa-rect-overdue">
        {props.deadline}
        <br />
        <span aria-hidden="true">⚠ </span>
        {t('rectification.overdueDays', { days: -days })}
      </span>
    )
  return <span>{props.deadline}</span>
}
