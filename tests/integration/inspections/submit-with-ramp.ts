import type { Inspection } from '../../../shared/domain/inspections'
import type { TestCore } from '../../support/test-core'

/** Adds a ramp whose slope (1:8) fails, and submits: a submitted inspection with one finding. */
export async function submitWithRamp(t: TestCore, insp: Inspection): Promise<Inspection> {
  let current = await t.call('inspections:addElement', {
    inspectionId: insp.id,
    baseVersion: insp.version,
    category: 'ramp',
    label: '北门坡道',
  })
  current = await t.call('inspections:saveCheck', {
    elementId: current.elements[0]!.id,
    baseVersion: current.version,
    checkId: 'ramp.slope',
    inputs: { rise: { value: 300, unit: 'mm' }, run: { value: 2400, unit: 'mm' } },
  })
  return t.call('inspections:submit', { id: current.id, baseVersion: current.version })
}
