import { useState } from 'react'
import { Form, Input, InputNumber, Select, Space } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Portal } from '../../../shared/domain/portals'
import type { Unit } from '../../../shared/domain/units'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { FormDialog } from '../components/form-dialog'
import { linesOf } from './format'
import { portalChanges, type PortalChange } from './portal-changes'

interface PortalFormValues {
  name: string
  startUrl: string
  unitId: number
  maxPages: number
  maxDepth: number
  include: string
  exclude: string
}

function describeChange(t: TFunction, change: PortalChange): string {
  switch (change.kind) {
    case 'name':
    case 'startUrl':
      return t(`webAudits.form.changed.${change.kind}`, { to: change.to })
    case 'unit':
      return change.to === null
        ? t('webAudits.form.changed.unitNone')
        : t('webAudits.form.changed.unit', { to: change.to })
    case 'limits':
      return t('webAudits.form.changed.limits', { maxPages: change.maxPages, maxDepth: change.maxDepth })
    case 'patterns':
      return t('webAudits.form.changed.patterns')
    case 'archived':
      return t(change.archived ? 'webAudits.form.changed.archived' : 'webAudits.form.changed.restored')
  }
}

/** The CONFLICT text: what the other person changed, and that the user's input is still here to save or drop. */
function conflictMessage(t: TFunction, changes: PortalChange[]): string {
  if (changes.length === 0) return t('webAudits.form.conflict')
  const list = changes.map((c) => describeChange(t, c)).join(t('webAudits.form.changeSeparator'))
  return t('webAudits.form.conflictWithChanges', { changes: list })
}

/**
 * 登记网站 / 修改网站: validation messages come from the shared contract, shown on their fields. A stale edit
 * (CONFLICT) keeps the dialog and the user's input, says what the other person changed, and takes the stored
 * version as the new base, so saving again deliberately puts the user's values over theirs.
 */
export function PortalForm(props: {
  portal: Portal | null
  units: Unit[]
  onClose: () => void
  onSaved: (p: Portal) => void
  /** The stored portal read after a CONFLICT, so the page behind the dialog can show it once the dialog closes. */
  onConflict?: (latest: Portal) => void
}) {
  const { portal, units, onClose, onSaved, onConflict } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<PortalFormValues>()
  const [base, setBase] = useState(portal)

  const staleEdit = async (opened: Portal, caught: unknown): Promise<unknown> => {
    if (!(caught instanceof ApiCallError) || caught.code !== 'CONFLICT') return caught
    let latest: Portal
    try {
      latest = await api.call('portals:get', { id: opened.id })
    } catch {
      return caught // The server's own CONFLICT message still says what happened.
    }
    setBase(latest)
    onConflict?.(latest)
    return new Error(conflictMessage(t, portalChanges(opened, latest)))
  }

  const save = async (values: PortalFormValues) => {
    const input = {
      name: values.name,
      startUrl: values.startUrl,
      unitId: values.unitId || null,
      maxPages: values.maxPages,
      maxDepth: values.maxDepth,
      include: linesOf(values.include),
      exclude: linesOf(values.exclude),
    }
    if (!base) return await api.call('portals:create', input)
    try {
      return await api.call('portals:update', { ...input, id: base.id, version: base.version })
    } catch (caught) {
      throw await staleEdit(base, caught)
    }
  }
  const enter = () => form.submit()

  // units:list leaves archived units out; the portal's own unit stays choosable, marked, rather than showing a bare id.
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }))
  if (portal?.unitId && portal.unitName && !units.some((u) => u.id === portal.unitId)) {
    unitOptions.push({
      value: portal.unitId,
      label: t('webAudits.form.unitArchived', { name: portal.unitName }),
    })
  }

  return (
    <FormDialog
      form={form}
      name="portal"
      title={portal ? t('webAudits.form.editTitle') : t('webAudits.form.createTitle')}
      initialValues={{
        name: portal?.name ?? '',
        startUrl: portal?.startUrl ?? '',
        unitId: portal?.unitId ?? 0,
        maxPages: portal?.maxPages ?? 50,
        maxDepth: portal?.maxDepth ?? 3,
        include: portal?.include.join('\n') ?? '',
        exclude: portal?.exclude.join('\n') ?? '',
      }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item label={t('webAudits.form.name')} name="name" required>
        <Input autoFocus onPressEnter={enter} />
      </Form.Item>
      <Form.Item
        label={t('webAudits.form.startUrl')}
        name="startUrl"
        required
        extra={t('webAudits.form.startUrlHelp')}
      >
        <Input inputMode="url" autoComplete="url" onPressEnter={enter} />
      </Form.Item>
      <Form.Item label={t('webAudits.form.unit')} name="unitId">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: 0, label: t('webAudits.form.unitNone') }, ...unitOptions]}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('webAudits.form.maxPages')} name="maxPages">
          <InputNumber min={1} max={10000} style={{ width: 160 }} onPressEnter={enter} />
        </Form.Item>
        <Form.Item label={t('webAudits.form.maxDepth')} name="maxDepth">
          <InputNumber min={0} max={20} style={{ width: 160 }} onPressEnter={enter} />
        </Form.Item>
      </Space>
      <Form.Item label={t('webAudits.form.include')} name="include" extra={t('webAudits.form.patternsHelp')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label={t('webAudits.form.exclude')} name="exclude">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  )
}
