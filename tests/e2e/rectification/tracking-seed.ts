import { openSeedCore } from './seed-core'
import type { RectificationItemSummary } from '../../../shared/domain/rectification'
import {
  createPlace,
  failing,
  inspect,
  passing,
  seededUnit,
  webRun,
  type WebPage,
} from '../../integration/rectification/fixtures'

export interface TrackingSeed {
  unitName: string
  /** Site items of one notice whose re-inspection passes: one to confirm, one to reject. */
  confirmTitle: string
  rejectTitle: string
  /** The web item of the same notice whose later run no longer fires the rule on its element. */
  webTitle: string
  /** Two open items of one unit describing the same ramp twice (recorded under two labels). */
  duplicateTitles: [string, string]
  /** The re-inspection's date, as the proposal's explanation starts with it. */
  reinspectedOn: string
}

/**
 * A data folder where later checks have found fixes, made through the real core before the door opens it:
 * a notice to the unit for two ramps and a portal rule, then a re-inspection in which both ramps pass and a
 * later completed audit run in which the rule no longer fires on the element. The builders are the integration
 * tests' own (real inspections through the API, web runs written as the batch runner writes them).
 */
export async function seedTrackingData(dataDir: string): Promise<TrackingSeed> {
  const t = openSeedCore(dataDir)
  try {
    const unit = await seededUnit(t, '住房和城乡建设局')
    const hall = await createPlace(t, '新华街政务服务大厅', unit.id)
    await inspect(t, hall, '2026-03-02', [
      { label: '北门坡道', slope: failing },
      { label: '南门坡道', slope: failing },
    ])
    const portal = await t.call('portals:create', {
      name: '乌达区政务服务网',
      startUrl: 'https://zwfw.wuda.example.gov.cn/',
      unitId: unit.id,
    })
    const node = { selector: 'p.notice', html: '<p class="notice">办事指南</p>', fingerprint: 'f-notice' }
    const home: WebPage = { url: 'https://zwfw.wuda.example.gov.cn/', rules: { 'color-contrast': [node] } }
    webRun(t, portal.id, [home], new Date('2026-03-03T02:00:00Z'))
    await t.call('rectification:sync', {})
    const open = await t.call('rectification:list', { unitId: unit.id, status: 'open' })
    await t.call('notices:issue', {
      unitId: unit.id,
      itemIds: open.map((i) => i.id),
      issuedOn: '2026-03-05',
      deadline: '2026-04-05',
    })

    // The fixes, found by the next checks: the re-inspection's submit proposes, the run's sync proposes.
    const reinspectedOn = '2026-04-02'
    await inspect(t, hall, reinspectedOn, [
      { label: '北门坡道', slope: passing },
      { label: '南门坡道', slope: passing },
    ])
    webRun(t, portal.id, [{ url: home.url, rules: {} }], new Date('2026-04-03T02:00:00Z'))
    await t.call('rectification:sync', {})

    // The same east ramp, recorded twice by different inspectors of the library: two open items to merge.
    const library = await createPlace(t, '区图书馆', unit.id)
    await inspect(t, library, '2026-03-10', [
      { label: '东门坡道', slope: failing },
      { label: '东侧入口坡道', slope: failing },
    ])

    const items = await t.call('rectification:list', { unitId: unit.id, status: 'all' })
    const title = (match: (i: RectificationItemSummary) => boolean) => {
      const found = items.filter(match)
      if (found.length !== 1) throw new Error(`seed: expected one item, got ${found.length}`)
      return found[0]!.title
    }
    return {
      unitName: unit.name,
      confirmTitle: title((i) => i.title.startsWith('北门坡道') && i.proposal !== null),
      rejectTitle: title((i) => i.title.startsWith('南门坡道') && i.proposal !== null),
      webTitle: title((i) => i.source === 'web' && i.proposal !== null),
      duplicateTitles: [
        title((i) => i.title.startsWith('东门坡道') && i.status === 'open'),
        title((i) => i.title.startsWith('东侧入口坡道') && i.status === 'open'),
      ],
      reinspectedOn,
    }
  } finally {
    t.close()
  }
}
