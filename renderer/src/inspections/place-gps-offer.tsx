import { Alert, Button } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Inspection } from '../../../shared/domain/inspections'
import { useApi } from '../api/api-context'
import { useAnnounce } from '../components/announcer'
import { ErrorAlert } from '../components/error-alert'

/**
 * A photo's EXIF position is offered for the place when the place has no GPS yet: one button, the inspector decides.
 * Coordinates are kept as the camera recorded them (WGS-84).
 */
export function PlaceGpsOffer({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation()
  const api = useApi()
  const announce = useAnnounce()
  const queryClient = useQueryClient()
  const photo = inspection.elements
    .flatMap((e) => e.photos)
    .find((p) => p.latitude !== null && p.longitude !== null)
  const place = useQuery({
    queryKey: ['places:get', inspection.placeId],
    queryFn: () => api.call('places:get', { id: inspection.placeId }),
    enabled: photo !== undefined,
  })
  const save = useMutation({
    mutationFn: async () => {
      const current = place.data
      if (!current || !photo) throw new Error(t('inspections.gps.noPlace'))
      return api.call('places:update', {
        ...current,
        latitude: photo.latitude,
        longitude: photo.longitude,
        version: current.version,
      })
    },
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ['places:get', inspection.placeId] })
      announce(t('inspections.gps.saved', { place: updated.name }))
    },
  })
  if (!photo || !place.data || place.data.latitude !== null) return null
  const coordinates = t('inspections.gps.coordinates', {
    lat: photo.latitude?.toFixed(6),
    lon: photo.longitude?.toFixed(6),
  })
  return (
    <div style={{ margin: '12px 0' }}>
      <ErrorAlert error={save.error} />
      <Alert
        type="info"
        showIcon
        title={t('inspections.gps.title')}
        description={t('inspections.gps.body', {
          photo: photo.originalName,
          place: place.data.name,
          coordinates,
        })}
        action={
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('inspections.gps.use')}
          </Button>
        }
      />
    </div>
  )
}
