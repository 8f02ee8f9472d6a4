import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Form, Input, Modal, Typography } from 'antd'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { addDays } from '../../../shared/domain/local-dates'
import type {
  NoticeSummary,
  RectificationItemSummary,
  RectificationSettings,
} from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { applyFieldErrors } from '../api/form-errors'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'
import { localToday } from './dates'
import { ItemListRegion } from './item-list-region'
import { NoticeFrame } from './notice-frame'

interface NoticeValues {
  issuedOn: string
  deadline: string
  replyInstructions: string
  contact: string
}

/**
 * 生成整改通知书 for items of one unit: the dates and texts, a 预览 (rendered by the server, shown in a sandboxed
 * frame) and 签发, which numbers and saves it. The server checks everything again (deadline not before the date,
 * items still open, one unit).
 */
export function NoticeDialog(props: {
  items: RectificationItemSummary[]
  onClose: () => void
  onIssued: (notice: NoticeSummary) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const settings = useQuery({
    queryKey: ['rectification:settings'],
    queryFn: () => api.call('rectification:settings', {}),
  })
  return (
    <Modal
      open
      width="min(1100px, 96vw)"
      title={t('rectification.notice.title')}
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
    >
      <ErrorAlert error={settings.error} />
      {settings.isLoading && <p>{t('app.loading')}</p>}
      {settings.data && <NoticeForm {...props} settings={settings.data} />}
    </Modal>
  )
}

function NoticeForm(props: {
  items: RectificationItemSummary[]
  settings: RectificationSettings
  onClose: () => void
  onIssued: (notice: NoticeSummary) => void
}) {
  const { items, settings } = props
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [form] = Form.useForm<NoticeValues>()
  const [issued, setIssued] = useState<NoticeSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  const issuedHeading = useRef<HTMLHeadingElement>(null)
  // The default deadline follows the notice date until the user picks a deadline of their own.
  const deadlineEdited = useRef(false)
  const today = localToday()
  const unitName = items[0]?.unitName ?? ''

  const draft = (values: NoticeValues) => ({
    unitId: items[0]?.unitId ?? 0,
    itemIds: items.map((i) => i.id),
    issuedOn: values.issuedOn,
    deadline: values.deadline,
    replyInstructions: values.replyInstructions || undefined,
    contact: values.contact || undefined,
  })
  const failed = (caught: unknown) => setError(applyFieldErrors(form, caught))

  const preview = useMutation({
    mutationFn: (values: NoticeValues) => api.call('notices:preview', draft(values)),
    onMutate: () => setError(null),
    onSuccess: () => announce(t('rectification.notice.previewReady')),
    onError: failed,
  })
  const resetPreview = preview.reset
  // A preview shows the draft as it was: once the items change it would show content that will not be issued.
  const itemKey = items.map((i) => i.id).join(',')
  useEffect(() => resetPreview(), [itemKey, resetPreview])
  const issue = useMutation({
    mutationFn: (values: NoticeValues) => api.call('notices:issue', draft(values)),
    onMutate: () => setError(null),
    onSuccess: (notice) => {
      setIssued(notice)
      announce(t('rectification.notice.issued', { number: notice.number }))
      props.onIssued(notice)
    },
    onError: failed,
  })

  // The 签发 button is gone once the notice is issued: focus goes to the outcome's heading inside the dialog, after
  // it has rendered (an effect, not a timer that may run before React has committed the new content).
  useEffect(() => {
    if (issued) issuedHeading.current?.focus()
  }, [issued])

  if (issued)
    return (
      <div data-testid="notice-issued">
        <Typography.Title level={2} className="aa-rect-dialog-h2">
          <span ref={issuedHeading} tabIndex={-1} className="aa-heading-target">
            {t('rectification.notice.issuedTitle')}：{issued.number}
          </span>
        </Typography.Title>
        <p>{t('rectification.notice.issuedBody', { number: issued.number, count: issued.itemCount })}</p>
        <div className="aa-toolbar">
          <Link to="/rectification/notices">{t('rectification.notice.toNotices')}</Link>
          <Button onClick={props.onClose}>{t('rectification.notice.close')}</Button>
        </div>
      </div>
    )

  // Both buttons read the same validated values; the server owns the rules.
  const run = (action: 'preview' | 'issue') =>
    void form.validateFields().then((values) => (action === 'preview' ? preview : issue).mutate(values))

  return (
    <Form<NoticeValues>
      form={form}
      name="notice"
      layout="vertical"
      initialValues={{
        issuedOn: today,
        deadline: addDays(today, settings.defaultDeadlineDays),
        replyInstructions: settings.replyInstructions,
        contact: settings.contact ?? '',
      }}
      onValuesChange={(changed: Partial<NoticeValues>) => {
        setError(null)
        // Any change makes the preview stale (dates, reply text and contact are all printed in the notice).
        preview.reset()
        const cleared = Object.keys(changed) as Array<keyof NoticeValues>
        if (changed.deadline !== undefined) deadlineEdited.current = true
        if (changed.issuedOn !== undefined && !deadlineEdited.current && isDay(changed.issuedOn)) {
          form.setFieldValue('deadline', addDays(changed.issuedOn, settings.defaultDeadlineDays))
          cleared.push('deadline')
        }
        form.setFields(cleared.map((name) => ({ name, errors: [] })))
      }}
    >
      <ErrorAlert error={error} />
      <dl className="aa-rect-facts">
        <dt>{t('rectification.notice.unit')}</dt>
        <dd data-testid="notice-unit">{unitName}</dd>
        <dt>{t('rectification.notice.items', { count: items.length })}</dt>
        <dd>
          <ItemListRegion items={items} label={t('rectification.notice.items', { count: items.length })} />
        </dd>
      </dl>
      <div className="aa-rect-form-row">
        <Form.Item label={t('rectification.notice.issuedOn')} name="issuedOn" required>
          <Input type="date" autoFocus style={{ width: '12em', maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('rectification.notice.deadline')}
          name="deadline"
          required
          extra={t('rectification.notice.deadlineHelp', { days: settings.defaultDeadlineDays })}
        >
          <Input type="date" style={{ width: '12em', maxWidth: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item label={t('rectification.notice.replyInstructions')} name="replyInstructions">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('rectification.notice.contact')} name="contact">
        <Input maxLength={200} />
      </Form.Item>
      <div className="aa-toolbar">
        <Button onClick={() => run('preview')} loading={preview.isPending}>
          {t('rectification.notice.preview')}
        </Button>
        <Button type="primary" onClick={() => run('issue')} loading={issue.isPending}>
          {t('rectification.notice.issue')}
        </Button>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
      </div>
      {preview.data && !preview.isPending && (
        <section aria-labelledby="notice-preview-heading" className="aa-rect-preview">
          <Typography.Title level={2} id="notice-preview-heading" className="aa-rect-dialog-h2">
            {t('rectification.notice.previewHeading')}
          </Typography.Title>
          <NoticeFrame html={preview.data.html} title={t('rectification.notice.previewFrame')} />
        </section>
      )}
      {preview.isPending && <Alert type="info" role="status" title={t('rectification.notice.previewing')} />}
    </Form>
  )
}

/** A complete YYYY-MM-DD (a date input reads "" while the day is cleared or half typed). */
function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
}
