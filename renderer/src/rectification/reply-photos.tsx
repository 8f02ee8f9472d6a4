import { useCallback, useId, useRef, useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api/api-context'
import { ApiCallError } from '../api/client'
import { useAnnounce } from '../components/announcer'
import { readBase64 } from '../inspections/photo-panel'
import { StoredPhoto } from './item-evidence'

/** The claim schema's limit (shared/domain/rectification.ts `itemClaimSchema.photos`). */
export const maxReplyPhotos = 20

export interface ReplyPhoto {
  sha256: string
  name: string
}

export interface ReplyPhotos {
  photos: ReplyPhoto[]
  busy: boolean
  /** zh-CN refusals of the last batch, each naming its file. */
  refusals: string[]
  add: (files: File[]) => Promise<void>
  remove: (sha256: string) => void
  /** Resolves once the uploads in progress are done, so a claim sent meanwhile still cites them. */
  settled: () => Promise<void>
}

/**
 * The unit's reply photos while the claim form is open: each file is uploaded at once (`rectification:uploadPhoto`
 * checks and stores it, as for inspection photos) and only its hash is kept for the claim. A refused file is
 * named and skipped; the rest of the batch and the form's text are kept.
 */
export function useReplyPhotos(): ReplyPhotos {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const [photos, setPhotos] = useState<ReplyPhoto[]>([])
  const [busy, setBusy] = useState(false)
  const [refusals, setRefusals] = useState<string[]>([])
  const pending = useRef<Promise<void>>(Promise.resolve())
  // The list as of the last change, read inside the upload loop (state updates land only on the next render).
  const current = useRef<ReplyPhoto[]>([])
  const commit = useCallback((next: ReplyPhoto[]) => {
    current.current = next
    setPhotos(next)
  }, [])

  const upload = useCallback(
    async (files: File[]) => {
      setBusy(true)
      setRefusals([])
      const refused: string[] = []
      let added = 0
      for (const file of files) {
        if (current.current.length >= maxReplyPhotos) {
          refused.push(t('rectification.claim.photosTooMany', { max: maxReplyPhotos, name: file.name }))
          continue
        }
        try {
          const dataBase64 = await readBase64(file)
          const { sha256 } = await api.call('rectification:uploadPhoto', { fileName: file.name, dataBase64 })
          // The same picture chosen twice is one photo (the store is content-addressed).
          if (!current.current.some((p) => p.sha256 === sha256)) {
            commit([...current.current, { sha256, name: file.name }])
            added++
          }
        } catch (error) {
          // The photo store's refusals name the file; others (the door's size limit, a read error) get its name here.
          const message =
            error instanceof ApiCallError ? error.message : t('rectification.claim.photosReadFailed')
          refused.push(
            message.includes(file.name)
              ? message
              : t('rectification.claim.photosRefused', { name: file.name, message }),
          )
        }
      }
      setRefusals(refused)
      setBusy(false)
      if (added) announce(t('rectification.claim.photosAdded', { count: added }))
      else if (refused.length) announce(refused.join('；'))
    },
    [api, announce, commit, t],
  )

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return pending.current
      pending.current = pending.current.then(() => upload(files))
      return pending.current
    },
    [upload],
  )

  const remove = useCallback(
    (sha256: string) => {
      const gone = current.current.find((p) => p.sha256 === sha256)
      if (!gone) return
      commit(current.current.filter((p) => p !== gone))
      announce(t('rectification.claim.photosRemoved', { name: gone.name }))
    },
    [announce, commit, t],
  )

  return { photos, busy, refusals, add, remove, settled: () => pending.current }
}

/** File input (keyboard: Tab to it, Enter or Space opens the chooser), thumbnails with remove buttons, refusals. */
export function ReplyPhotoPicker({ state }: { state: ReplyPhotos }) {
  const { t } = useTranslation()
  const inputId = `reply-photos-${useId().replace(/:/g, '')}`
  const input = useRef<HTMLInputElement>(null)
  return (
    <div className="aa-photos aa-rect-reply-photos" role="group" aria-labelledby={`${inputId}-label`}>
      <div className="aa-label" id={`${inputId}-label`}>
        {t('rectification.claim.photos')}
      </div>
      {state.photos.length > 0 && (
        <ul className="aa-photo-list" aria-label={t('rectification.claim.photosList')}>
          {state.photos.map((photo) => (
            <li key={photo.sha256}>
              <figure>
                <StoredPhoto
                  sha256={photo.sha256}
                  alt={t('rectification.claim.photoAlt', { name: photo.name })}
                />
                <figcaption>{photo.name}</figcaption>
              </figure>
              <Button
                size="small"
                aria-label={t('rectification.claim.photosRemoveNamed', { name: photo.name })}
                onClick={() => {
                  state.remove(photo.sha256)
                  // The button goes away with its photo: the chooser keeps the focus in the form.
                  input.current?.focus()
                }}
              >
                {t('rectification.claim.photosRemove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="aa-photo-add">
        {/* The input stays focusable (visually hidden); its label is the visible button. */}
        <input
          ref={input}
          id={inputId}
          className="aa-file-input"
          type="file"
          accept="image/*"
          multiple
          disabled={state.busy}
          aria-describedby={`${inputId}-help`}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = ''
            void state.add(files)
          }}
        />
        <label htmlFor={inputId} className="aa-file-button">
          <span aria-hidden="true">＋ </span>
          {t('rectification.claim.photosAdd')}
        </label>
        <span id={`${inputId}-help`} className="aa-hint">
          {state.busy
            ? t('rectification.claim.photosUploading')
            : t('rectification.claim.photosHelp', { max: maxReplyPhotos })}
        </span>
      </div>
      {state.refusals.map((message) => (
        <p key={message} className="aa-input-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  )
}
