import { useRef, useState, type DragEvent } from 'react'
import { Button, Form, Input, Select } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { checksForCategory, findCheck } from '../../../shared/catalog/index'
import type { InspectionElement, PhotoRef } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { useAnnounce } from '../components/announcer'
import { FormDialog } from '../components/form-dialog'
import { domId, photoAlt } from './format'
import { isConflict, type MutationQueue } from './mutation-queue'

/** The file as base64 (no data: prefix), the form the photo upload operations take. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** A stored photo's thumbnail (data: URL from photos:get), or a plain "照片缺失" box. */
export function PhotoThumb({ photo, label }: { photo: PhotoRef; label: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const data = useQuery({
    queryKey: ['photos:get', photo.sha256, 'thumbnail'],
    queryFn: () => api.call('photos:get', { sha256: photo.sha256, variant: 'thumbnail' }),
    enabled: !photo.missing,
    staleTime: Infinity,
  })
  const missing = photo.missing || data.data?.missing || data.isError
  if (missing)
    return (
      <div
        className="aa-photo-missing"
        role="img"
        aria-label={`${t('inspections.photos.missing')}：${photo.originalName}`}
      >
        {t('inspections.photos.missing')}
      </div>
    )
  if (!data.data) return <div className="aa-photo-missing">…</div>
  return <img className="aa-photo-img" src={data.data.dataUrl} alt={photoAlt(photo, label, t)} />
}

/** "关联：纵向坡度" under a photo tied to a check (nothing for a photo of the whole facility). */
export function PhotoTie({ photo, catalogId }: { photo: PhotoRef; catalogId: string }) {
  const { t } = useTranslation()
  if (!photo.checkId) return null
  const title = findCheck(photo.checkId, catalogId)?.title ?? photo.checkId
  return <span className="aa-photo-tie">{t('inspections.photoTie.tiedTo', { check: title })}</span>
}

function photoDomId(elementId: number, sha256: string): string {
  return domId('photo', elementId, sha256.slice(0, 16))
}

interface PhotoEdit {
  caption: string
  checkId: string
}

/** Photos of one element: tie and caption, file input (keyboard) and drop area (mouse), thumbnails, edit, remove. */
export function PhotoPanel(props: {
  element: InspectionElement
  catalogId: string
  readOnly: boolean
  queue: MutationQueue
}) {
  const { element, catalogId, readOnly, queue } = props
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [busy, setBusy] = useState(false)
  const [failures, setFailures] = useState<string[]>([])
  const [dragOver, setDragOver] = useState(false)
  const [checkId, setCheckId] = useState('')
  const [caption, setCaption] = useState('')
  const [editing, setEditing] = useState<PhotoRef | null>(null)
  const [form] = Form.useForm<PhotoEdit>()
  const addButton = useRef<HTMLInputElement>(null)
  const inputId = domId('photos', element.id)
  const checkOptions = [
    { value: '', label: t('inspections.photoTie.facility') },
    ...checksForCategory(catalogId, element.category).map((c) => ({ value: c.id, label: c.title })),
  ]

  const addFiles = async (files: File[]) => {
    if (!files.length || busy) return
    setBusy(true)
    setFailures([])
    const refused: string[] = []
    const before = new Set(element.photos.map((p) => p.sha256))
    let latest: InspectionElement | undefined
    for (const file of files) {
      try {
        const dataBase64 = await readBase64(file)
        const next = await queue.run((baseVersion) =>
          api.call('inspections:attachPhoto', {
            elementId: element.id,
            baseVersion,
            fileName: file.name,
            dataBase64,
            caption: caption.trim() || null,
            checkId: checkId || null,
          }),
        )
        latest = next?.elements.find((e) => e.id === element.id) ?? latest
      } catch (error) {
        if (isConflict(error)) break
        // The server's refusals already name the file; a file the browser could not read is named here.
        refused.push(
          error instanceof ApiCallError
            ? error.message
            : t('inspections.photos.refused', {
                name: file.name,
                message: t('inspections.photos.readFailed'),
              }),
        )
      }
    }
    setFailures(refused)
    setBusy(false)
    const added = (latest?.photos ?? []).filter((p) => !before.has(p.sha256))
    if (added.length) {
      setCaption('')
      announce(
        t('inspections.photoTie.added', {
          count: added.length,
          names: added.map((p) => p.caption ?? p.originalName).join('、'),
        }),
      )
      // Where the user continues: the first new photo (its caption, its edit and remove buttons follow).
      window.setTimeout(() => document.getElementById(photoDomId(element.id, added[0]!.sha256))?.focus(), 50)
    } else if (refused.length) window.setTimeout(() => addButton.current?.focus(), 50)
  }

  const remove = (photo: PhotoRef) =>
    queue
      .run((baseVersion) =>
        api.call('inspections:detachPhoto', { elementId: element.id, baseVersion, sha256: photo.sha256 }),
      )
      .then(
        () => {
          announce(t('inspections.photos.removed', { name: photo.originalName }))
          window.setTimeout(() => addButton.current?.focus(), 50)
        },
        (error: unknown) => setFailures([error instanceof Error ? error.message : String(error)]),
      )

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragOver(false)
    void addFiles([...event.dataTransfer.files])
  }

  const closeEdit = (photo: PhotoRef) => {
    setEditing(null)
    window.setTimeout(
      () => document.getElementById(`${photoDomId(element.id, photo.sha256)}-edit`)?.focus(),
      0,
    )
  }

  return (
    <div
      className={`aa-photos${dragOver ? ' aa-photos-over' : ''}${readOnly ? ' aa-photos-readonly' : ''}`}
      onDragOver={readOnly ? undefined : (e) => (e.preventDefault(), setDragOver(true))}
      onDragLeave={() => setDragOver(false)}
      onDrop={readOnly ? undefined : onDrop}
    >
      <div className="aa-label">{t('inspections.element.photos')}</div>
      {element.photos.length === 0 ? (
        <p className="aa-hint">{t('inspections.photos.none')}</p>
      ) : (
        <ul
          className="aa-photo-list"
          aria-label={t('inspections.photos.listLabel', { label: element.label })}
        >
          {element.photos.map((photo) => (
            <li key={photo.sha256}>
              <figure id={photoDomId(element.id, photo.sha256)} tabIndex={-1}>
                <PhotoThumb photo={photo} label={element.label} />
                <figcaption>
                  {photo.caption ?? photo.originalName}
                  <PhotoTie photo={photo} catalogId={catalogId} />
                </figcaption>
              </figure>
              {!readOnly && (
                <div className="aa-photo-actions">
                  <Button
                    size="small"
                    id={`${photoDomId(element.id, photo.sha256)}-edit`}
                    onClick={() => {
                      form.setFieldsValue({ caption: photo.caption ?? '', checkId: photo.checkId ?? '' })
                      setEditing(photo)
                    }}
                    aria-label={t('inspections.photoTie.editNamed', {
                      name: photo.caption ?? photo.originalName,
                    })}
                  >
                    {t('inspections.photoTie.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => void remove(photo)}
                    aria-label={t('inspections.photos.removeNamed', { name: photo.originalName })}
                  >
                    {t('inspections.photos.remove')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="aa-photo-add">
          <div className="aa-field">
            <label htmlFor={`${inputId}-check`}>{t('inspections.photoTie.check')}</label>
            <Select<string>
              id={`${inputId}-check`}
              value={checkId}
              onChange={setCheckId}
              options={checkOptions}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 200, maxWidth: '100%' }}
              popupMatchSelectWidth={false}
            />
          </div>
          <div className="aa-field">
            <label htmlFor={`${inputId}-caption`}>{t('inspections.photoTie.caption')}</label>
            <Input
              id={`${inputId}-caption`}
              value={caption}
              maxLength={200}
              placeholder={t('inspections.photoTie.captionPlaceholder')}
              onChange={(e) => setCaption(e.target.value)}
              style={{ width: 260, maxWidth: '100%' }}
            />
          </div>
          <div className="aa-photo-pick">
            {/* The input stays focusable (visually hidden); its label is the visible button. It is never disabled
                while uploading: a disabled control drops the focus to the page. */}
            <input
              ref={addButton}
              id={inputId}
              className="aa-file-input"
              type="file"
              accept="image/*"
              multiple
              aria-busy={busy}
              aria-describedby={`${inputId}-help`}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])]
                e.target.value = ''
                void addFiles(files)
              }}
            />
            <label htmlFor={inputId} className={`aa-file-button${busy ? ' aa-file-busy' : ''}`}>
              <span aria-hidden="true">＋ </span>
              {t('inspections.photos.add')}
            </label>
            <span id={`${inputId}-help`} className="aa-hint">
              {busy ? t('inspections.photos.uploading') : t('inspections.photos.help')}
            </span>
          </div>
        </div>
      )}
      {failures.map((f) => (
        <p key={f} className="aa-input-error" role="alert">
          {f}
        </p>
      ))}
      {editing && (
        <FormDialog<PhotoEdit, unknown>
          form={form}
          name={`photo-edit-${element.id}`}
          title={t('inspections.photoTie.editTitle')}
          initialValues={{ caption: editing.caption ?? '', checkId: editing.checkId ?? '' }}
          save={(values) =>
            queue.run((baseVersion) =>
              api.call('inspections:updatePhoto', {
                elementId: element.id,
                baseVersion,
                sha256: editing.sha256,
                caption: values.caption,
                checkId: values.checkId || null,
              }),
            )
          }
          onSaved={() => {
            announce(t('inspections.photoTie.saved', { name: editing.originalName }))
            closeEdit(editing)
          }}
          onClose={() => closeEdit(editing)}
        >
          <Form.Item name="caption" label={t('inspections.photoTie.caption')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="checkId" label={t('inspections.photoTie.check')}>
            <Select<string>
              options={checkOptions}
              popupMatchSelectWidth={false}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </FormDialog>
      )}
    </div>
  )
}
