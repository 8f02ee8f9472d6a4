import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  contentHash,
  embeddedIds,
  orderTables,
  type TableShape,
} from '../../../electron/core/exchange/exchange-tables'
import { isPackagePath, keyFingerprint } from '../../../electron/core/exchange/exchange-package'

const shape = (name: string, refs: Array<[string, string]> = [], columns: string[] = []): TableShape => ({
  name,
  label: name,
  columns: ['global_id', 'created_by', 'updated_at', 'version', ...columns, ...refs.map(([c]) => c)],
  integerKey: true,
  references: refs.map(([column, table]) => ({ column, table, to: 'id' })),
  localColumns: [],
  uniqueKeys: [],
})

describe('the global form of records', () => {
  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"x":0,"y":1}]},"b":1}',
    )
  })

  it('a version hash ignores identity, authorship, the edit counter and times, not content', () => {
    const places = shape('places', [['unit_id', 'units']], ['name', 'address'])
    const row = {
      global_id: 'g1',
      created_by: '张伟',
      updated_at: '2026-01-01',
      version: 3,
      name: '大厅',
      address: 'a',
      unit_id: 'u1',
    }
    const same = { ...row, global_id: 'g2', created_by: '李娜', updated_at: '2026-02-02', version: 9 }
    expect(contentHash(places, same)).toBe(contentHash(places, row))
    expect(contentHash(places, { ...row, address: 'b' })).not.toBe(contentHash(places, row))
    // A reference is compared by the identity it is given (a unit's name, when ids differ between installations).
    const byName = (_table: string, g: string) => (g === 'u1' || g === 'u9' ? 'units:["民政局"]' : g)
    expect(contentHash(places, { ...row, unit_id: 'u9' }, byName)).toBe(contentHash(places, row, byName))
    expect(contentHash(places, { ...row, unit_id: 'u9' })).not.toBe(contentHash(places, row))
  })

  it('local numbers inside keys, paths and snapshots travel as global ids and come back as the numbers here', () => {
    const g = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`
    const there: Record<string, Record<number, number>> = {
      audit_runs: { 12: 40 },
      places: { 3: 7 },
      inspection_elements: { 8: 90 },
      portals: { 2: 5 },
      rectification_items: { 41: 4 },
    }
    const globalIdOf = (table: string, id: number) => (there[table]?.[id] !== undefined ? g(id) : null)
    const localIdOf = (table: string, gid: string) => there[table]?.[Number(gid.slice(-12))] ?? null
    const roundTrip = (table: string, column: string, text: string) => {
      let global = text
      for (const c of embeddedIds[table]![column]!) global = c.globalise(global, globalIdOf)
      let local = global
      for (const c of embeddedIds[table]![column]!) local = c.localise(local, localIdOf)
      return { global, local }
    }
    const key = roundTrip('findings', 'match_key', 'site:place:3:element:8:check:ramp.slope')
    expect(key.global).toBe(`site:place:{${g(3)}}:element:{${g(8)}}:check:ramp.slope`)
    expect(key.local).toBe('site:place:7:element:90:check:ramp.slope')
    const web = roundTrip('rectification_items', 'group_key', 'web:portal:2:rule:image-alt')
    expect(web.local).toBe('web:portal:5:rule:image-alt')
    // Only the key's own parts: a URL further on that happens to hold ":portal:2:" is left alone.
    expect(roundTrip('findings', 'match_key', 'web:portal:2:link:http://x/web:portal:2:a').local).toBe(
      'web:portal:5:link:http://x/web:portal:2:a',
    )
    const evidence = roundTrip(
      'findings',
      'evidence_json',
      '{"screenshot":"run-12/p3-1.png","pageUrl":"http://x/run-12/"}',
    )
    expect(evidence.global).toBe(`{"screenshot":"run-{${g(12)}}/p3-1.png","pageUrl":"http://x/run-12/"}`)
    expect(evidence.local).toBe('{"screenshot":"run-40/p3-1.png","pageUrl":"http://x/run-12/"}')
    const snapshot = roundTrip('notices', 'snapshot_json', '{"items":[{"itemId":41,"n":1},{"itemId":99}]}')
    expect(snapshot.global).toBe(`{"items":[{"itemId":"{${g(41)}}","n":1},{"itemId":99}]}`)
    expect(snapshot.local).toBe('{"items":[{"itemId":4,"n":1},{"itemId":99}]}')
  })

  it('tables are ordered parents first, self references allowed, cycles refused', () => {
    const ordered = orderTables([
      shape('items', [
        ['unit_id', 'units'],
        ['merged_into_id', 'items'],
      ]),
      shape('places', [['unit_id', 'units']]),
      shape('units'),
    ]).map((s) => s.name)
    expect(ordered.indexOf('units')).toBeLessThan(ordered.indexOf('items'))
    expect(ordered.indexOf('units')).toBeLessThan(ordered.indexOf('places'))
    expect(() => orderTables([shape('a', [['b_id', 'b']]), shape('b', [['a_id', 'a']])])).toThrow(/cycle/)
  })
})

describe('package paths and keys', () => {
  it('accepts only records, photos by hash and screenshots under a run id', () => {
    expect(isPackagePath('records/places.json')).toBe(true)
    expect(isPackagePath(`photos/${'a'.repeat(64)}.jpg`)).toBe(true)
    expect(isPackagePath('screenshots/01900000-0000-7000-8000-000000000001/p1-1.png')).toBe(true)
    for (const bad of [
      '../evil.json',
      'records/../../x.json',
      'records/Places.json',
      `photos/${'a'.repeat(63)}.jpg`,
      'screenshots/01900000-0000-7000-8000-000000000001/../x.png',
      'screenshots/01900000-0000-7000-8000-000000000001/.hidden',
      'manifest.json',
      '/etc/passwd',
    ])
      expect(isPackagePath(bad), bad).toBe(false)
  })

  it('a key fingerprint is 8 hex digits, stable, and differs between keys', () => {
    expect(keyFingerprint('乌达区无障碍促进队-2026')).toMatch(/^[0-9a-f]{8}$/)
    expect(keyFingerprint('乌达区无障碍促进队-2026')).toBe(keyFingerprint('乌达区无障碍促进队-2026'))
    expect(keyFingerprint('乌达区无障碍促进队-2027')).not.toBe(keyFingerprint('乌达区无障碍促进队-2026'))
  })
})
