import type { KeyboardEvent } from 'react'
import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * Date, inspectors and notes: the fields 新建检查 and 修改基本信息 share, with the same limits and help text. The
 * limits (not after today, not before the inspection compared with) are the server's; the help and the date
 * picker's bounds only say them beforehand, and a refusal lands on the date field.
 */
export function InspectionInfoFields(props: {
  today: string
  /** The date of the inspection this one is compared with (a re-inspection), if any. */
  previousDate: string | null
  onEnter: (event: KeyboardEvent<HTMLInputElement>) => void
  focusDate?: boolean
}) {
  const { t } = useTranslation()
  const { today, previousDate, onEnter } = props
  return (
    <>
      <Form.Item
        label={t('inspections.create.date')}
        name="inspectedOn"
        required
        extra={
          previousDate
            ? t('inspections.headerEdit.dateHelpReinspection', { today, previous: previousDate })
            : t('inspections.headerEdit.dateHelp', { today })
        }
      >
        <Input
          type="date"
          max={today}
          {...(previousDate ? { min: previousDate } : {})}
          autoFocus={props.focusDate ?? false}
          onPressEnter={onEnter}
          style={{ width: '12em', maxWidth: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label={t('inspections.create.inspectors')}
        name="inspectors"
        required
        extra={t('inspections.create.inspectorsHelp')}
      >
        <Input autoComplete="name" onPressEnter={onEnter} />
      </Form.Item>
      <Form.Item label={t('inspections.create.notes')} name="notes">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  )
}
