import { useState, type DragEvent } from 'react'
import { Button } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { InspectionElement, PhotoRef } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { useAnnounce } from '../components/announcer'
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

/** Photos of one element: file input (keyboard) and drop area (mouse), thumbnails, remove. */
export function PhotoPanel(props: { element: InspectionElement; readOnly: boolean; queue: MutationQueue }) {
  const { element, readOnly, queue } = props
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [busy, setBusy] = useState(false)
  const [failures, setFailures] = useState<string[]>([])
  const [dragOver, setDragOver] = useState(false)
  const inputId = domId('photos', element.id)

  const addFiles = async (files: File[]) => {
    if (!files.length) return
    setBusy(true)
    setFailures([])
    const refused: string[] = []
    let added = 0
    for (const file of files) {
      try {
        const dataBase64 = await readBase64(file)
        await queue.run((baseVersion) =>
          api.call('inspections:attachPhoto', {
            elementId: element.id,
            baseVersion,
            fileName: file.name,
            dataBase64,
          }),
        )
        added++
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
    if (added) announce(t('inspections.photos.added', { count: added }))
  }

  const remove = (photo: PhotoRef) =>
    queue
      .run((baseVersion) =>
        api.call('inspections:detachPhoto', { elementId: element.id, baseVersion, sha256: photo.sha256 }),
      )
      .then(
        () => announce(t('inspections.photos.removed', { name: photo.originalName })),
        (error: unknown) => setFailures([error instanceof Error ? error.message : String(error)]),
      )

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragOver(false)
    void addFiles([...event.dataTransfer.files])
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
              <figure>
                <PhotoThumb photo={photo} label={element.label} />
                <figcaption>{photo.caption ?? photo.originalName}</figcaption>
              </figure>
              {!readOnly && (
                <Button
                  size="small"
                  onClick={() => void remove(photo)}
                  aria-label={t('inspections.photos.removeNamed', { name: photo.originalName })}
                >
                  {t('inspections.photos.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="aa-photo-add">
          {/* The input stays focusable (visually hidden); its label is the visible button. */}
          <input
            id={inputId}
            className="aa-file-input"
            type="file"
            accept="image/*"
            multiple
            disabled={busy}
            aria-describedby={`${inputId}-help`}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])]
              e.target.value = ''
              void addFiles(files)
            }}
          />
          <label htmlFor={inputId} className="aa-file-button">
            <span aria-hidden="true">＋ </span>
            {t('inspections.photos.add')}
          </label>
          <span id={`${inputId}-help`} className="aa-hint">
            {busy ? t('inspections.photos.uploading') : t('inspections.photos.help')}
          </span>
        </div>
      )}
      {failures.map((f) => (
        <p key={f} className="aa-input-error" role="alert">
          {f}
        </p>
      ))}
    </div>
  )
}
