import type { ReactNode } from 'react'
import { Form, Input, Radio, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  priorities,
  priorityLabels,
  type Priority,
  type RectificationItem,
  type RectificationItemSummary,
} from '../../../shared/domain/rectification'
import type { BulkResult } from '../../../shared/domain/rectification-bulk'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'
import { localToday } from './dates'
import { ReplyPhotoPicker, useReplyPhotos, type ReplyPhotos } from './reply-photos'

/**
 * The forms that change an item. Each saves through one API operation; the server validates (required reasons,
 * dates, legal transitions) and its zh-CN messages land on the fields or in the dialog's alert.
 */
export interface DialogProps<R> {
  onClose: () => void
  onSaved: (result: R) => void
}

type ActionName =
  'drop' | 'merge' | 'schedule' | 'claim' | 'verify' | 'reopen' | 'unverify' | 'accept' | 'reject'

/**
 * The wiring every action dialog shares: its own form, named after the action (the form's id, which the e2e tests
 * address), with title and button from `rectification.<action>.*`.
 */
export function ActionDialog<V extends object, R>(
  props: DialogProps<R> & {
    action: ActionName
    /** Instead of `rectification.<action>.title` / `.ok` (a bulk action names its count). */
    title?: string
    okText?: string
    initialValues: V
    save: (values: V) => Promise<R>
    children: ReactNode
  },
) {
  const { action } = props
  const { t } = useTranslation()
  const [form] = Form.useForm<V>()
  return (
    <FormDialog
      form={form}
      name={action}
      title={props.title ?? t(`rectification.${action}.title`)}
      okText={props.okText ?? t(`rectification.${action}.ok`)}
      initialValues={props.initialValues}
      save={props.save}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      {props.children}
    </FormDialog>
  )
}

export function DropDialog(props: DialogProps<RectificationItem> & { item: RectificationItemSummary }) {
  const { item } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionDialog
      action="drop"
      initialValues={{ reason: '' }}
      save={(v) => api.call('rectification:drop', { id: item.id, version: item.version, reason: v.reason })}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t('rectification.drop.intro', { title: item.title })}</p>
      <Form.Item label={t('rectification.drop.reason')} name="reason" required>
        <Input.TextArea rows={3} autoFocus maxLength={500} />
      </Form.Item>
    </ActionDialog>
  )
}

export function MergeDialog(props: DialogProps<RectificationItem> & { items: RectificationItemSummary[] }) {
  const { items } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionDialog
      action="merge"
      initialValues={{ targetId: items[0]?.id ?? 0 }}
      save={(v) =>
        api.call('rectification:merge', {
          targetId: v.targetId,
          ids: items.filter((i) => i.id !== v.targetId).map((i) => i.id),
        })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t('rectification.merge.intro', { count: items.length - 1 })}</p>
      <Form.Item label={t('rectification.merge.survivor')} name="targetId" required>
        <Radio.Group className="aa-rect-radio-list">
          {items.map((item) => (
            <Radio key={item.id} value={item.id} autoFocus={item === items[0]}>
              {item.title}（{item.location}）
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </ActionDialog>
  )
}

interface ScheduleValues {
  deadline: string
  priority: Priority | ''
}

/**
 * Deadline and/or priority for several items in one bulk action: all or nothing — when any item refuses (already
 * verified, changed meanwhile), nothing changes and the dialog lists each refusal by title.
 */
export function ScheduleDialog(props: DialogProps<BulkResult> & { items: RectificationItemSummary[] }) {
  const { items } = props
  const { t } = useTranslation()
  const api = useApi()

  const save = async (values: ScheduleValues): Promise<BulkResult> => {
    const deadline = values.deadline.trim()
    if (!deadline && !values.priority) throw new Error(t('rectification.schedule.nothing'))
    return api.call('rectification:bulkUpdate', {
      items: items.map((i) => ({ id: i.id, version: i.version })),
      ...(deadline ? { deadline } : {}),
      ...(values.priority ? { priority: values.priority } : {}),
    })
  }

  return (
    <ActionDialog<ScheduleValues, BulkResult>
      action="schedule"
      initialValues={{ deadline: '', priority: '' }}
      save={save}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t('rectification.schedule.intro', { count: items.length })}</p>
      <Form.Item label={t('rectification.schedule.deadline')} name="deadline">
        <Input type="date" autoFocus style={{ width: '12em', maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item label={t('rectification.schedule.priority')} name="priority">
        <Select
          style={{ width: '12em', maxWidth: '100%' }}
          options={[
            { value: '', label: t('rectification.schedule.keep') },
            ...priorities.map((p) => ({ value: p, label: priorityLabels[p] })),
          ]}
        />
      </Form.Item>
    </ActionDialog>
  )
}

/** One item's deadline and priority (the detail page). An empty deadline clears it. */
export function EditItemDialog(props: DialogProps<RectificationItem> & { item: RectificationItem }) {
  const { item } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<{ deadline: string; priority: Priority }>()
  return (
    <FormDialog
      form={form}
      name="edit-item"
      title={t('rectification.edit.title')}
      initialValues={{ deadline: item.deadline ?? '', priority: item.priority }}
      save={(v) =>
        api.call('rectification:update', {
          id: item.id,
          version: item.version,
          deadline: v.deadline.trim() || null,
          priority: v.priority,
        })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <Form.Item label={t('rectification.schedule.deadline')} name="deadline">
        <Input type="date" autoFocus style={{ width: '12em', maxWidth: '100%' }} />
      </Form.Item>
      <Form.Item label={t('rectification.schedule.priority')} name="priority">
        <Select
          style={{ width: '12em', maxWidth: '100%' }}
          options={priorities.map((p) => ({ value: p, label: priorityLabels[p] }))}
        />
      </Form.Item>
    </FormDialog>
  )
}

/** The reply's fields: the unit's text, its date and photos of the fix (uploaded one by one before they are cited). */
export function ReplyFields({ photos }: { photos: ReplyPhotos }) {
  const { t } = useTranslation()
  return (
    <>
      <Form.Item label={t('rectification.claim.text')} name="text" required>
        <Input.TextArea rows={4} autoFocus maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('rectification.claim.repliedOn')} name="repliedOn" required>
        <Input type="date" style={{ width: '12em', maxWidth: '100%' }} />
      </Form.Item>
      <ReplyPhotoPicker state={photos} />
    </>
  )
}

/** The unit's reply to one item. */
export function ClaimDialog(props: DialogProps<RectificationItem> & { item: RectificationItem }) {
  const { item } = props
  const api = useApi()
  const photos = useReplyPhotos()
  const save = async (v: { text: string; repliedOn: string }) => {
    await photos.settled()
    return api.call('rectification:claim', {
      id: item.id,
      version: item.version,
      text: v.text,
      repliedOn: v.repliedOn,
      photos: photos.photos.map((p) => p.sha256),
    })
  }
  return (
    <ActionDialog
      action="claim"
      initialValues={{ text: '', repliedOn: localToday() }}
      save={save}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <ReplyFields photos={photos} />
    </ActionDialog>
  )
}

export function VerifyDialog(props: DialogProps<RectificationItem> & { item: RectificationItem }) {
  const { item } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionDialog
      action="verify"
      initialValues={{ note: '' }}
      save={(v) =>
        api.call('rectification:verify', { id: item.id, version: item.version, note: v.note || undefined })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t('rectification.verify.intro', { title: item.title })}</p>
      <Form.Item label={t('rectification.verify.note')} name="note">
        <Input.TextArea rows={3} autoFocus maxLength={500} />
      </Form.Item>
    </ActionDialog>
  )
}

/**
 * Sends a claimed item back. A new deadline is optional (empty keeps the old one), but without it an item whose
 * deadline has passed is overdue again the moment it is reopened; the server refuses a day before today.
 */
export function ReopenDialog(props: DialogProps<RectificationItem> & { item: RectificationItem }) {
  const { item } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionDialog
      action="reopen"
      initialValues={{ reason: '', deadline: '' }}
      save={(v) => {
        const deadline = v.deadline.trim()
        return api.call('rectification:reopen', {
          id: item.id,
          version: item.version,
          reason: v.reason,
          ...(deadline ? { deadline } : {}),
        })
      }}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <Form.Item label={t('rectification.reopen.reason')} name="reason" required>
        <Input.TextArea rows={3} autoFocus maxLength={500} />
      </Form.Item>
      <Form.Item
        label={t('rectification.reopen.deadline')}
        name="deadline"
        extra={
          item.deadline === null
            ? t('rectification.reopen.deadlineNone')
            : t(
                item.deadline < localToday()
                  ? 'rectification.reopen.deadlinePast'
                  : 'rectification.reopen.deadlineKeep',
                {
                  deadline: item.deadline,
                },
              )
        }
      >
        <Input type="date" style={{ width: '12em', maxWidth: '100%' }} />
      </Form.Item>
    </ActionDialog>
  )
}

/** Undoes a verification made by mistake: back to 已报整改, with the reason (kept in the history). */
export function UnverifyDialog(props: DialogProps<RectificationItem> & { item: RectificationItem }) {
  const { item } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionDialog
      action="unverify"
      initialValues={{ reason: '' }}
      save={(v) =>
        api.call('rectification:unverify', { id: item.id, version: item.version, reason: v.reason })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t('rectification.unverify.intro', { title: item.title })}</p>
      <Form.Item label={t('rectification.unverify.reason')} name="reason" required>
        <Input.TextArea rows={3} autoFocus maxLength={500} />
      </Form.Item>
    </ActionDialog>
  )
}
