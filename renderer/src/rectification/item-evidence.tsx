import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { EvidenceRef } from '../../../shared/domain/rectification'
import { useApi } from '../api/api-context'
import { screenshotAddress } from './evidence-address'

/**
 * Photos (site) and element screenshots (web) of an item; a file gone from the data folder says so.
 * `photoAlt` (by position) names what the photos show when they are not the inspection's (e.g. the unit's reply photos).
 */
export function EvidenceList(props: {
  evidence: EvidenceRef[]
  title: string
  photoAlt?: (index: number) => string
  label?: string
}) {
  const { evidence, title } = props
  const { t } = useTranslation()
  if (evidence.length === 0) return <p>{t('rectification.detail.evidenceNone')}</p>
  return (
    <ul className="aa-rect-evidence" aria-label={props.label}>
      {evidence.map((e, index) => (
        <li key={`${e.kind}-${e.ref}`}>
          {e.kind === 'photo' ? (
            <StoredPhoto
              sha256={e.ref}
              alt={props.photoAlt?.(index) ?? t('rectification.detail.photoAlt', { title })}
            />
          ) : (
            <Screenshot ref_={e.ref} title={title} />
          )}
        </li>
      ))}
    </ul>
  )
}

function Missing({ text }: { text: string }) {
  return (
    <div className="aa-photo-missing" role="img" aria-label={text}>
      {text}
    </div>
  )
}

/** A photo of the data folder by its hash: the thumbnail, or 照片缺失 when the file is gone. */
export function StoredPhoto({ sha256, alt }: { sha256: string; alt: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const valid = /^[0-9a-f]{64}$/.test(sha256)
  const photo = useQuery({
    queryKey: ['photos:get', sha256, 'thumbnail'],
    queryFn: () => api.call('photos:get', { sha256, variant: 'thumbnail' }),
    enabled: valid,
    staleTime: Infinity,
  })
  if (valid && photo.isLoading) return <p>{t('rectification.detail.loadingImage')}</p>
  if (!valid || !photo.data || photo.data.missing || !photo.data.dataUrl.startsWith('data:image/'))
    return <Missing text={t('rectification.detail.photoMissing')} />
  return <img className="aa-photo-img" src={photo.data.dataUrl} alt={alt} />
}

function Screenshot({ ref_, title }: { ref_: string; title: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const address = screenshotAddress(ref_)
  const shot = useQuery({
    queryKey: ['audits:screenshot', address?.runId, address?.file],
    queryFn: () => api.call('audits:screenshot', address!),
    enabled: address !== null,
    staleTime: Infinity,
  })
  if (address && shot.isLoading) return <p>{t('rectification.detail.loadingImage')}</p>
  if (!address || !shot.data || shot.data.missing || !shot.data.dataUrl.startsWith('data:image/'))
    return <Missing text={t('rectification.detail.screenshotMissing')} />
  return (
    <img
      className="aa-rect-screenshot"
      src={shot.data.dataUrl}
      alt={t('rectification.detail.screenshotAlt', { title })}
    />
  )
}
