import { describe, expect, it } from 'vitest'
import type { Portal } from '../../../shared/domain/portals'
import { portalChanges } from '../../../renderer/src/web-audits/portal-changes'

const opened: Portal = {
  id: 7,
  name: '乌达区人民政府网',
  startUrl: 'https://www.wuda.example.gov.cn/',
  unitId: 3,
  unitName: '乌达区政务服务局',
  maxPages: 50,
  maxDepth: 3,
  include: ['/zwgk/'],
  exclude: [],
  archived: false,
  version: 4,
  runCount: 0,
  lastRunAt: null,
  lastScore: null,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
}

describe('what another person changed in a portal being edited (the CONFLICT message)', () => {
  it('is nothing when only the version and the time moved', () => {
    expect(portalChanges(opened, { ...opened, version: 5, updatedAt: '2026-03-02T08:00:00.000Z' })).toEqual(
      [],
    )
  })

  it('names each changed field with its new value, in the order of the form', () => {
    const latest: Portal = {
      ...opened,
      archived: true,
      maxDepth: 2,
      unitId: null,
      unitName: null,
      name: '乌达区政府门户',
      exclude: ['/download/'],
    }
    expect(portalChanges(opened, latest)).toEqual([
      { kind: 'name', to: '乌达区政府门户' },
      { kind: 'unit', to: null },
      { kind: 'limits', maxPages: 50, maxDepth: 2 },
      { kind: 'patterns' },
      { kind: 'archived', archived: true },
    ])
  })

  it('sees a changed start URL, a changed unit by id, and an added pattern', () => {
    const latest: Portal = {
      ...opened,
      startUrl: 'https://wuda.example.gov.cn/',
      unitId: 4,
      unitName: '乌达区政务服务局', // same name, another unit: the id decides
      include: ['/zwgk/', '/xxgk/'],
    }
    expect(portalChanges(opened, latest)).toEqual([
      { kind: 'startUrl', to: 'https://wuda.example.gov.cn/' },
      { kind: 'unit', to: '乌达区政务服务局' },
      { kind: 'patterns' },
    ])
  })
})
