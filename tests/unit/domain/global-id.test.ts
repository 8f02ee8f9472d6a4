import { describe, expect, it } from 'vitest'
import { globalIdMaker, isGlobalId, makeGlobalId, parseGlobalId } from '../../../shared/domain/global-id'

const fixedRandom = (byte: number) => (bytes: Uint8Array) => bytes.fill(byte)

describe('global ids (UUIDv7)', () => {
  it('has the UUID layout with version 7 and the RFC variant, and carries its time', () => {
    const at = Date.UTC(2026, 11, 7, 13, 0, 0, 123)
    const id = globalIdMaker({ now: () => at, random: (b) => globalThis.crypto.getRandomValues(b) })()
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(id[14]).toBe('7')
    expect('89ab').toContain(id[19])
    expect(parseGlobalId(id)?.createdAt.getTime()).toBe(at)
    expect(id.slice(0, 13)).toBe(
      `${at.toString(16).padStart(12, '0').slice(0, 8)}-${at.toString(16).slice(-4)}`,
    )
  })

  it('uses every variant value over random bytes (the variant bits are 10, the rest random)', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) seen.add(makeGlobalId()[19]!)
    expect([...seen].sort()).toEqual(['8', '9', 'a', 'b'])
  })

  it('is strictly increasing within one millisecond, past the counter, and when the clock goes back', () => {
    let now = 1_000_000
    const make = globalIdMaker({ now: () => now, random: fixedRandom(0xff) })
    const ids: string[] = []
    for (let i = 0; i < 5000; i++) ids.push(make()) // more than the 12-bit counter holds
    now -= 10_000 // the clock is set back
    ids.push(make(), make())
    now += 1_000_000
    ids.push(make())
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    expect(ids.every(isGlobalId)).toBe(true)
  })

  it('gives different ids across makers in the same millisecond', () => {
    const a = globalIdMaker({ now: () => 5, random: (b) => globalThis.crypto.getRandomValues(b) })
    const b = globalIdMaker({ now: () => 5, random: (b) => globalThis.crypto.getRandomValues(b) })
    expect(a()).not.toBe(b())
  })

  it('rejects what is not a v7 global id', () => {
    const good = makeGlobalId()
    const bad: unknown[] = [
      '',
      null,
      42,
      good.toUpperCase(),
      good.slice(1),
      `${good}0`,
      good.replace(/-/g, ''),
      `${good.slice(0, 14)}4${good.slice(15)}`, // version 4
      `${good.slice(0, 19)}c${good.slice(20)}`, // variant 110
      `${good.slice(0, 19)}7${good.slice(20)}`, // variant 0
      `${good.slice(0, 35)}g`,
      ` ${good}`,
      crypto.randomUUID(),
    ]
    for (const value of bad) {
      expect(isGlobalId(value), String(value)).toBe(false)
      expect(parseGlobalId(value)).toBeNull()
    }
    expect(parseGlobalId(good)?.id).toBe(good)
  })
})
