import { useState, type ReactNode } from 'react'
import { Form, Modal, type FormInstance } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../api/form-errors'
import { ErrorAlert } from './error-alert'

/**
 * A dialog with one form saved through the API: the saving state, the API's field errors placed on their fields,
 * anything else in an alert at the top. Validation lives in the shared contract, not here.
 */
function firstField(formId: string): HTMLElement | null {
  const form = document.getElementById(formId)
  return (
    form?.querySelector<HTMLElement>('input[type="radio"]:checked') ??
    form?.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([type="radio"]):not(:disabled), textarea:not(:disabled), input[type="radio"]',
    ) ??
    null
  )
}

export function FormDialog<V extends object, R>(props: {
  form: FormInstance<V>
  name: string
  title: string
  okText?: string
  initialValues: Partial<V>
  save: (values: V) => Promise<R>
  onSaved: (result: R) => void
  onClose: () => void
  rootClassName?: string
  children: ReactNode
}) {
  const { form, save, onSaved } = props
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (values: V) => {
    setSaving(true)
    setError(null)
    try {
      onSaved(await save(values))
    } catch (caught) {
      setError(applyFieldErrors(form, caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={props.title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      forceRender
      // The dialog's focus lock puts the focus on its close button once it has opened, after React's autoFocus
      // ran: the first field (or the chosen radio) takes it back, as the fields' autoFocus asks.
      afterOpenChange={(open) => {
        if (open) firstField(props.name)?.focus()
      }}
      {...(props.rootClassName ? { rootClassName: props.rootClassName } : {})}
    >
      <Form<V>
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        // A server refusal stays on its field only until the field is changed (no client rule would clear it).
        onValuesChange={(changed: object) =>
          form.setFields(Object.keys(changed).map((name) => ({ name: name as never, errors: [] })))
        }
        initialValues={props.initialValues}
      >
        <ErrorAlert error={error} />
        {props.children}
      </Form>
    </Modal>
  )
}
