import { useEffect, useRef } from 'react'
import { Button, Space } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  conflictChoiceLabels,
  conflictChoices,
  type ConflictChoice,
  type ConflictView,
} from '../../../shared/domain/exchange'
import { authorshipLabel } from '../../../shared/domain/team'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { formatTime } from './exchange-import-report'

const queryKey = ['exchange:conflicts']
const headingId = (conflict: ConflictView) => `exchange-conflict-${conflict.id}`

/** “场所：区图书馆” as the service words it; the kind is added only when the words do not already say it. */
function titleOf(conflict: ConflictView): string {
  return conflict.recordLabel.startsWith(conflict.tableLabel)
    ? conflict.recordLabel
    : `${conflict.tableLabel}：${conflict.recordLabel}`
}

/**
 * 交换数据包 → 冲突: each open conflict with who changed each side and its differing fields side by side, and the
 * two answers. After an answer the focus goes to the next conflict (the one that took the answered one's place),
 * or to the section's heading once none is left; the outcome is announced.
 */
export function ExchangeConflicts() {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const conflicts = useQuery({ queryKey, queryFn: () => api.call('exchange:conflicts', {}) })
  const focusIndex = useRef<number | null>(null)

  const resolve = useMutation({
    mutationFn: (v: { conflict: ConflictView; keep: ConflictChoice }) =>
      api.call('exchange:resolve', { conflictId: v.conflict.id, keep: v.keep }),
    onSuccess: (_resolved, { conflict, keep }) => {
      const list = conflicts.data ?? []
      const rest = list.filter((c) => c.id !== conflict.id)
      focusIndex.current = Math.max(
        0,
        list.findIndex((c) => c.id === conflict.id),
      )
      queryClient.setQueryData(queryKey, rest)
      announce(
        [
          t('team.exchange.conflicts.resolved', {
            record: titleOf(conflict),
            choice: conflictChoiceLabels[keep],
          }),
          rest.length > 0
            ? t('team.exchange.conflicts.remaining', { count: rest.length })
            : t('team.exchange.conflicts.allDone'),
        ].join(''),
      )
      // The kept or taken version may change any list of records.
      void queryClient.invalidateQueries()
    },
  })

  useEffect(() => {
    const index = focusIndex.current
    if (index === null || !conflicts.data) return
    focusIndex.current = null
    const next = conflicts.data[Math.min(index, conflicts.data.length - 1)]
    document.getElementById(next ? headingId(next) : 'exchange-conflicts')?.focus()
  }, [conflicts.data])

  const open = conflicts.data ?? []
  return (
    <section aria-labelledby="exchange-conflicts">
      <h4 id="exchange-conflicts" tabIndex={-1}>
        {open.length > 0
          ? t('team.exchange.conflicts.headingCount', { count: open.length })
          : t('team.exchange.conflicts.heading')}
      </h4>
      <ErrorAlert error={conflicts.error} />
      {conflicts.data &&
        (open.length === 0 ? (
          <p>{t('team.exchange.conflicts.none')}</p>
        ) : (
          <>
            <p>{t('team.exchange.conflicts.intro')}</p>
            <ol className="aa-exchange-conflicts">
              {open.map((conflict) => (
                <li key={conflict.id}>
                  <ConflictCard
                    conflict={conflict}
                    busy={
                      resolve.isPending && resolve.variables?.conflict.id === conflict.id
                        ? resolve.variables.keep
                        : null
                    }
                    error={resolve.variables?.conflict.id === conflict.id ? resolve.error : null}
                    onResolve={(keep) => resolve.mutate({ conflict, keep })}
                  />
                </li>
              ))}
            </ol>
          </>
        ))}
    </section>
  )
}

function ConflictCard(props: {
  conflict: ConflictView
  /** The answer being saved (its button spins; it keeps the focus, so it is not disabled). */
  busy: ConflictChoice | null
  error: unknown
  onResolve: (keep: ConflictChoice) => void
}) {
  const { conflict } = props
  const { t } = useTranslation()
  const id = headingId(conflict)
  const who = (side: ConflictView['local']) =>
    authorshipLabel(side.by, side.device) ?? t('team.exchange.conflicts.unknownAuthor')
  const shown = (value: string) => (value === '' ? t('team.exchange.conflicts.empty') : value)
  return (
    <article aria-labelledby={id} className="aa-exchange-conflict">
      <h5 id={id} tabIndex={-1}>
        {titleOf(conflict)}
      </h5>
      <dl className="aa-exchange-sides">
        <div>
          <dt>{t('team.exchange.conflicts.localSide')}</dt>
          <dd>{who(conflict.local)}</dd>
        </div>
        <div>
          <dt>{t('team.exchange.conflicts.incomingSide')}</dt>
          <dd>{who(conflict.incoming)}</dd>
        </div>
        <div>
          <dt>{t('team.exchange.conflicts.detectedAt')}</dt>
          <dd>{formatTime(conflict.detectedAt)}</dd>
        </div>
      </dl>
      <table className="aa-wa-table aa-exchange-fields">
        <caption>{t('team.exchange.conflicts.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.exchange.conflicts.field')}</th>
            <th scope="col">{t('team.exchange.conflicts.local')}</th>
            <th scope="col">{t('team.exchange.conflicts.incoming')}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.column}>
              <th scope="row">{field.label}</th>
              <td>{shown(field.local)}</td>
              <td>{shown(field.incoming)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorAlert error={props.error} />
      <Space wrap>
        {conflictChoices.map((keep) => (
          <Button
            key={keep}
            aria-describedby={id}
            loading={props.busy === keep}
            onClick={() => props.busy === null && props.onResolve(keep)}
          >
            {conflictChoiceLabels[keep]}
          </Button>
        ))}
      </Space>
    </article>
  )
}
