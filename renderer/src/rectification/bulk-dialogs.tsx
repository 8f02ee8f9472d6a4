import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RectificationItemSummary } from '../../../shared/domain/rectification'
import type { BulkResult } from '../../../shared/domain/rectification-bulk'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'
import { localToday } from './dates'
import { ItemListRegion } from './item-list-region'
import { ActionDialog, ReplyFields, type DialogProps } from './item-dialogs'
import { useReplyPhotos } from './reply-photos'

/**
 * Bulk follow-up from the item list. Each is one API call that saves all the items or none; a refusal lists every
 * item that refused and why (ErrorAlert shows the server's per-item lines).
 */

const refs = (items: readonly RectificationItemSummary[]) =>
  items.map((i) => ({ id: i.id, version: i.version }))

/** One reply of a unit (text, date, photos) registered on several of its items. */
export function BulkClaimDialog(props: DialogProps<BulkResult> & { items: RectificationItemSummary[] }) {
  const { items } = props
  const { t } = useTranslation()
  const api = useApi()
  const photos = useReplyPhotos()
  const [form] = Form.useForm<{ text: string; repliedOn: string }>()
  const save = async (v: { text: string; repliedOn: string }) => {
    await photos.settled()
    return api.call('rectification:bulkClaim', {
      items: refs(items),
      text: v.text,
      repliedOn: v.repliedOn,
      photos: photos.photos.map((p) => p.sha256),
    })
  }
  return (
    <FormDialog
      form={form}
      name="bulk-claim"
      title={t('rectification.bulkClaim.title', { count: items.length })}
      okText={t('rectification.bulkClaim.ok')}
      initialValues={{ text: '', repliedOn: localToday() }}
      save={save}
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>
        {t('rectification.bulkClaim.intro', {
          unit: items[0]?.unitName ?? t('rectification.unitNone'),
          count: items.length,
        })}
      </p>
      <ItemListRegion items={items} label={t('rectification.bulkClaim.title', { count: items.length })} />
      <ReplyFields photos={photos} />
    </FormDialog>
  )
}

/** Confirms or rejects the pending verification proposals of several items. */
export function BulkDecideDialog(
  props: DialogProps<BulkResult> & { items: RectificationItemSummary[]; accept: boolean },
) {
  const { items, accept } = props
  const { t } = useTranslation()
  const api = useApi()
  const count = items.length
  return (
    <ActionDialog<{ note: string }, BulkResult>
      action={accept ? 'accept' : 'reject'}
      title={t(accept ? 'rectification.bulkDecide.acceptTitle' : 'rectification.bulkDecide.rejectTitle', {
        count,
      })}
      okText={t(accept ? 'rectification.bulkDecide.acceptOk' : 'rectification.bulkDecide.rejectOk')}
      initialValues={{ note: '' }}
      save={(v) =>
        api.call('rectification:bulkDecide', {
          proposalIds: items.flatMap((i) => (i.proposal ? [i.proposal.id] : [])),
          accept,
          note: v.note || undefined,
        })
      }
      onSaved={props.onSaved}
      onClose={props.onClose}
    >
      <p>{t(accept ? 'rectification.bulkDecide.acceptIntro' : 'rectification.bulkDecide.rejectIntro')}</p>
      <ItemListRegion
        items={items}
        label={t(accept ? 'rectification.bulkDecide.acceptTitle' : 'rectification.bulkDecide.rejectTitle', {
          count,
        })}
        detail={(i) => i.proposal?.explanation ?? ''}
      />
      <Form.Item label={t('rectification.bulkDecide.note')} name="note">
        <Input.TextArea rows={2} autoFocus maxLength={500} />
      </Form.Item>
    </ActionDialog>
  )
}
