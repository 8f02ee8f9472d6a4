import { useState, type KeyboardEvent } from 'react'
import { Alert, Button, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Inspection } from '../../../shared/domain/inspections'
import { localDay } from '../../../shared/domain/local-dates'
import { useApi } from '../api/api-context'
import { FormDialog } from '../components/form-dialog'
import { InspectionInfoFields } from './inspection-info-fields'
import { isConflict, type MutationQueue } from './mutation-queue'

export interface HeaderValues {
  inspectedOn: string
  inspectors: string
  notes: string
}

/** What a save did: `changed` false when the values were those already saved (no request, no new version). */
export interface HeaderSaved {
  inspection: Inspection
  changed: boolean
}

const alertSpacing = { marginBottom: 16 }

/** The values as the server would store them, to tell an unchanged form from a change. */
function sameAsSaved(values: HeaderValues, saved: Inspection): boolean {
  return (
    values.inspectedOn === saved.inspectedOn &&
    values.inspectors.trim() === saved.inspectors &&
    (values.notes.trim() || null) === saved.notes
  )
}

/**
 * 修改基本信息: date, inspectors and notes of a draft. The save goes through the inspection's queue, after any check
 * still being saved, and names the version that save returned, so it never races autosave. The server owns the
 * rules (no later than today, a re-inspection not before the previous one); its messages land on the fields.
 * A conflict keeps what was typed: the user loads the latest inspection here and saves again.
 */
export function HeaderEditDialog(props: {
  inspection: Inspection
  /** The date of the inspection a re-inspection is compared with, for the date's help text. */
  previousDate: string | null
  queue: MutationQueue
  onReload: () => Promise<void>
  onSaved: (saved: HeaderSaved) => void
  onClose: () => void
}) {
  const { inspection, queue, onSaved } = props
  const { t } = useTranslation()
  const api = useApi()
  const [form] = Form.useForm<HeaderValues>()
  const [reloading, setReloading] = useState(false)
  const [reloaded, setReloaded] = useState(false)
  const today = localDay(new Date())
  // Enter saves from either field. The browser's implicit submission would send the form a second time from the
  // text field (a date field does not count towards it), so the key's default is cancelled: one save per Enter.
  const saveOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    event.preventDefault()
    form.submit()
  }

  const save = async (values: HeaderValues): Promise<HeaderSaved | null> => {
    setReloaded(false)
    let changed = false
    try {
      const next = await queue.run((baseVersion, current) => {
        if (sameAsSaved(values, current)) return Promise.resolve(current)
        changed = true
        return api.call('inspections:update', {
          id: current.id,
          baseVersion,
          inspectedOn: values.inspectedOn,
          inspectors: values.inspectors,
          notes: values.notes,
        })
      })
      return next ? { inspection: next, changed } : null
    } catch (caught) {
      // The queue now holds the conflict: the alert below says so and offers to load the latest version.
      if (isConflict(caught)) return null
      throw caught
    }
  }

  const reload = async () => {
    setReloading(true)
    try {
      await props.onReload()
      setReloaded(true)
      form.getFieldInstance('inspectedOn')?.focus()
    } finally {
      setReloading(false)
    }
  }

  const submitted = inspection.status !== 'draft'
  return (
    <FormDialog<HeaderValues, HeaderSaved | null>
      form={form}
      name="inspectionHeader"
      title={t('inspections.headerEdit.title')}
      rootClassName="aa-insp-screen"
      initialValues={{
        inspectedOn: inspection.inspectedOn,
        inspectors: inspection.inspectors,
        notes: inspection.notes ?? '',
      }}
      save={save}
      onSaved={(saved) => saved && onSaved(saved)}
      onClose={props.onClose}
    >
      {submitted ? (
        <Alert
          type="warning"
          role="alert"
          showIcon
          style={alertSpacing}
          title={t('inspections.headerEdit.notAllowed')}
        />
      ) : queue.conflict ? (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={alertSpacing}
          title={t('inspections.headerEdit.conflictTitle')}
          description={
            <>
              <p>{t('inspections.headerEdit.conflictBody')}</p>
              <Button onClick={() => void reload()} loading={reloading}>
                {t('inspections.headerEdit.reload')}
              </Button>
            </>
          }
        />
      ) : (
        reloaded && (
          <Alert
            type="info"
            role="status"
            showIcon
            style={alertSpacing}
            title={t('inspections.headerEdit.reloaded', {
              date: inspection.inspectedOn,
              inspectors: inspection.inspectors,
            })}
          />
        )
      )}
      <InspectionInfoFields
        today={today}
        previousDate={props.previousDate ?? null}
        onEnter={saveOnEnter}
        focusDate
      />
    </FormDialog>
  )
}
