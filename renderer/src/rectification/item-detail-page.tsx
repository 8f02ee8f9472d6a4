import { useEffect, useRef, useState } from 'react'
import { Button, Descriptions, Space, Typography } from 'antd'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { nextStatus, terminalStatuses, type ItemAction } from '../../../shared/domain/rectification'
import { formatClause } from '../../../shared/domain/notice-document'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { PageHeading } from '../components/page-heading'
import { SeverityTag } from '../inspections/status-tags'
import { formatDateTime } from '../web-audits/format'
import { formatDay, localToday } from './dates'
import {
  ClaimDialog,
  DropDialog,
  EditItemDialog,
  ReopenDialog,
  UnverifyDialog,
  VerifyDialog,
} from './item-dialogs'
import { EvidenceList } from './item-evidence'
import { ItemElements } from './item-elements'
import { ItemFindings } from './item-findings'
import { ItemHistory } from './item-history'
import { ProposalPanel } from './proposal-panel'
import { invalidateRectification } from './queries'
import { RectificationNav } from './rectification-nav'
import { DeadlineText, ItemStatusTag, PriorityText } from './status-tags'

type Dialog = 'closed' | 'claim' | 'verify' | 'reopen' | 'drop' | 'edit' | 'unverify'

/** The actions the item's status allows, in the order an inspector meets them; illegal ones are not offered. */
const offered: Array<{ dialog: Exclude<Dialog, 'closed' | 'edit'>; action: ItemAction; primary: boolean }> = [
  { dialog: 'claim', action: 'claim', primary: true },
  { dialog: 'verify', action: 'verify', primary: true },
  { dialog: 'reopen', action: 'reopen', primary: false },
  { dialog: 'drop', action: 'drop', primary: false },
  { dialog: 'unverify', action: 'unverify', primary: false },
]

export function ItemDetailRoute() {
  const { id } = useParams()
  return <ItemDetailPage key={id} id={Number(id)} />
}

function ItemDetailPage({ id }: { id: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const [dialog, setDialog] = useState<Dialog>('closed')
  const statusLine = useRef<HTMLParagraphElement>(null)
  const item = useQuery({
    queryKey: ['rectification:get', id],
    queryFn: () => api.call('rectification:get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  })

  // The button that opened the dialog may be gone (a claimed item offers no second claim): once the changed item
  // has loaded (a new version), focus goes to the status line, which says what changed. Waiting for the reload
  // also lets the closing dialog hand focus back first, so this move is the last.
  const focusStatusOnChange = useRef(false)
  const version = item.data?.version
  useEffect(() => {
    if (!focusStatusOnChange.current || version === undefined) return
    focusStatusOnChange.current = false
    statusLine.current?.focus()
  }, [version])
  const done = (message: string) => {
    setDialog('closed')
    focusStatusOnChange.current = true
    invalidateRectification(queryClient)
    announce(message)
  }

  if (!item.data)
    return (
      <div className="aa-rect">
        <PageHeading>{item.isLoading ? t('app.loading') : t('rectification.detail.notFound')}</PageHeading>
        <RectificationNav />
        <ErrorAlert error={item.error} />
        <Link to="/rectification">{t('rectification.detail.back')}</Link>
      </div>
    )

  const data = item.data
  const actions = offered.filter((o) => nextStatus(data.status, o.action) !== null)
  const editable = !terminalStatuses.includes(data.status)

  return (
    <div className="aa-rect aa-rect-detail">
      <PageHeading>{data.title}</PageHeading>
      <RectificationNav />
      <p>
        <Link to="/rectification">{t('rectification.detail.back')}</Link>
      </p>
      <p className="aa-rect-status-line" data-testid="item-status" ref={statusLine} tabIndex={-1}>
        {t('rectification.detail.status')}：<ItemStatusTag status={data.status} />
        {data.overdue && (
          <span className="aa-rect-overdue">
            <DeadlineText deadline={data.deadline} overdue today={localToday()} />
          </span>
        )}
      </p>
      {data.proposal && (
        <ProposalPanel
          proposal={data.proposal}
          onDecided={(_, accepted) =>
            done(accepted ? t('rectification.proposal.accepted') : t('rectification.proposal.rejected'))
          }
        />
      )}
      <section className="aa-rect-panel" aria-labelledby="rect-actions-heading">
        <Typography.Title level={2} id="rect-actions-heading">
          {t('rectification.detail.actions')}
        </Typography.Title>
        {actions.length === 0 && !editable ? (
          <p>{t('rectification.detail.noActions')}</p>
        ) : (
          <Space wrap>
            {actions.map((o) => (
              <Button
                key={o.dialog}
                type={o.primary ? 'primary' : 'default'}
                onClick={() => setDialog(o.dialog)}
              >
                {t(`rectification.${o.dialog}.title`)}
              </Button>
            ))}
            {editable && <Button onClick={() => setDialog('edit')}>{t('rectification.edit.title')}</Button>}
          </Space>
        )}
      </section>
      <section aria-labelledby="rect-overview-heading">
        <Typography.Title level={2} id="rect-overview-heading">
          {t('rectification.detail.overview')}
        </Typography.Title>
        <Descriptions column={1} bordered size="small" className="aa-rect-descriptions">
          <Descriptions.Item label={t('rectification.detail.source')}>
            {t(`rectification.sources.${data.source}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.unit')}>
            {data.unitName ?? t('rectification.unitNone')}
          </Descriptions.Item>
          <Descriptions.Item
            label={
              data.source === 'site' ? t('rectification.detail.place') : t('rectification.detail.portal')
            }
          >
            {data.placeName ?? data.portalName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.location')}>{data.location}</Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.severity')}>
            <SeverityTag severity={data.severity} />
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.priority')}>
            <PriorityText priority={data.priority} />
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.deadline')}>
            <DeadlineText deadline={data.deadline} overdue={data.overdue} today={localToday()} />
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.notice')}>
            {data.noticeId !== null ? (
              <Link to={`/rectification?notice=${data.noticeId}`}>{data.noticeNumber}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('rectification.detail.firstFoundAt')}>
            {formatDay(data.firstFoundAt)}
          </Descriptions.Item>
          {data.notifiedAt && (
            <Descriptions.Item label={t('rectification.detail.notifiedAt')}>
              {formatDateTime(data.notifiedAt)}
            </Descriptions.Item>
          )}
          {data.verifiedAt && (
            <Descriptions.Item label={t('rectification.detail.verifiedAt')}>
              {formatDateTime(data.verifiedAt)}
            </Descriptions.Item>
          )}
          {data.dropReason && (
            <Descriptions.Item label={t('rectification.detail.dropReason')}>
              {data.dropReason}
            </Descriptions.Item>
          )}
          {data.mergedIntoId !== null && (
            <Descriptions.Item label={t('rectification.detail.mergedInto')}>
              <Link to={`/rectification/items/${data.mergedIntoId}`}>
                {t('rectification.detail.mergedIntoLink', { id: data.mergedIntoId })}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </section>
      <section aria-labelledby="rect-problem-heading">
        <Typography.Title level={2} id="rect-problem-heading">
          {t('rectification.detail.problem')}
        </Typography.Title>
        <dl className="aa-rect-facts">
          <dt>{t('rectification.detail.found')}</dt>
          <dd className="aa-rect-pre">{data.found}</dd>
          <dt>{t('rectification.detail.remedy')}</dt>
          <dd className="aa-rect-pre">{data.remedy}</dd>
          <dt>{t('rectification.detail.clauses')}</dt>
          <dd>
            <ul className="aa-rect-clauses">
              {data.clauses.map((c) => (
                <li key={`${c.code}-${c.clause}-${c.item ?? ''}`}>{formatClause(c, { figure: true })}</li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
      {data.elements.length > 0 && (
        <section aria-labelledby="rect-elements-heading">
          <Typography.Title level={2} id="rect-elements-heading">
            {t('rectification.detail.elements')}
          </Typography.Title>
          <ItemElements item={data} />
        </section>
      )}
      <section aria-labelledby="rect-evidence-heading">
        <Typography.Title level={2} id="rect-evidence-heading">
          {t('rectification.detail.evidence')}
        </Typography.Title>
        <EvidenceList evidence={data.evidence} title={data.title} />
      </section>
      <section aria-labelledby="rect-findings-heading">
        <Typography.Title level={2} id="rect-findings-heading">
          {t('rectification.detail.findings')}
        </Typography.Title>
        <ItemFindings itemId={data.id} />
      </section>
      {data.reply && (
        <section aria-labelledby="rect-reply-heading">
          <Typography.Title level={2} id="rect-reply-heading">
            {t('rectification.detail.reply')}
          </Typography.Title>
          <dl className="aa-rect-facts">
            <dt>{t('rectification.detail.repliedOn')}</dt>
            <dd>{data.reply.repliedOn}</dd>
            <dt>{t('rectification.detail.reply')}</dt>
            <dd className="aa-rect-pre">{data.reply.text}</dd>
          </dl>
          {data.reply.photos.length > 0 && (
            <EvidenceList
              evidence={data.reply.photos.map((ref) => ({ kind: 'photo' as const, ref }))}
              title={data.title}
              photoAlt={(index) =>
                t('rectification.detail.replyPhotoAlt', { n: index + 1, title: data.title })
              }
              label={t('rectification.detail.replyPhotos')}
            />
          )}
        </section>
      )}
      <section aria-labelledby="rect-history-heading">
        <Typography.Title level={2} id="rect-history-heading">
          {t('rectification.detail.history')}
        </Typography.Title>
        <ItemHistory events={data.events} />
      </section>
      {dialog === 'claim' && (
        <ClaimDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.claim.done'))}
        />
      )}
      {dialog === 'verify' && (
        <VerifyDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.verify.done'))}
        />
      )}
      {dialog === 'reopen' && (
        <ReopenDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.reopen.done'))}
        />
      )}
      {dialog === 'drop' && (
        <DropDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.drop.done', { title: data.title }))}
        />
      )}
      {dialog === 'unverify' && (
        <UnverifyDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.unverify.done'))}
        />
      )}
      {dialog === 'edit' && (
        <EditItemDialog
          item={data}
          onClose={() => setDialog('closed')}
          onSaved={() => done(t('rectification.edit.done'))}
        />
      )}
    </div>
  )
}
