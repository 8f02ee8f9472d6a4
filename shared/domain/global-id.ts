/**
 * Global ids (UUIDv7, RFC 9562 §5.7): the one maker and the one parser of the id every record that can travel
 * between installations carries beside its local integer key. Written here (30 lines on crypto.getRandomValues)
 * rather than taken from a library: the `uuid` package in node_modules is 8.x (no v7), and the maker must be
 * monotonic within a millisecond (RFC 9562 §6.2 method 1: rand_a is a 12-bit counter), which the tests pin down.
 *
 * Layout: 48-bit Unix time in ms | version 7 (4 bits) | 12-bit counter | variant 10 (2 bits) | 62 random bits.
 * Ids made later on one installation sort after earlier ones, as text and as bytes.
 */

export type GlobalId = string

const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export interface GlobalIdSource {
  now: () => number
  random: (bytes: Uint8Array) => Uint8Array
}

const defaultSource: GlobalIdSource = {
  now: () => Date.now(),
  random: (bytes) => globalThis.crypto.getRandomValues(bytes),
}

const maxTime = 2 ** 48 - 1

/**
 * A maker with its own clock state: `makeGlobalId` is the app's; tests make one with a fixed clock. A clock that
 * goes back keeps the last time (ids stay ordered); 4096 ids in one millisecond move on to the next one.
 */
export function globalIdMaker(source: GlobalIdSource = defaultSource): () => GlobalId {
  let lastMs = -1
  let counter = 0
  // Random bytes are drawn 4 KiB at a time: one getRandomValues call per 409 ids, not one per id (the id is made
  // by a trigger on every insert of a travelling table, so its cost is paid per row).
  const pool = new Uint8Array(4096)
  let used = pool.length
  return () => {
    if (used + 10 > pool.length) {
      source.random(pool)
      used = 0
    }
    const r = pool.subarray(used, used + 10)
    used += 10
    let ms = Math.floor(source.now())
    if (ms <= lastMs) {
      ms = lastMs
      counter++
      if (counter > 0xfff) {
        ms++
        counter = ((r[0]! << 8) | r[1]!) & 0x7ff
      }
    } else {
      // A fresh millisecond starts the counter in its lower half, so many more ids fit before it overflows.
      counter = ((r[0]! << 8) | r[1]!) & 0x7ff
    }
    if (ms > maxTime) throw new RangeError('UUIDv7 timestamp out of range')
    lastMs = ms
    const time = ms.toString(16).padStart(12, '0')
    // Variant 10 and two random bits, then 62 random bits in all with the rest of the tail.
    const variant = hexDigits[0x8 | ((r[2]! >> 4) & 0x3)]!
    return (
      `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-` +
      `${variant}${hexDigits[r[2]! & 0xf]}${hexBytes[r[3]!]}-` +
      `${hexBytes[r[4]!]}${hexBytes[r[5]!]}${hexBytes[r[6]!]}${hexBytes[r[7]!]}${hexBytes[r[8]!]}${hexBytes[r[9]!]}`
    )
  }
}

const hexDigits = '0123456789abcdef'
const hexBytes = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/** Makes a new global id (UUIDv7). */
export const makeGlobalId: () => GlobalId = globalIdMaker()

/** Whether `value` is a global id as this app writes them: lower-case UUIDv7 with the RFC variant. */
export function isGlobalId(value: unknown): value is GlobalId {
  return typeof value === 'string' && pattern.test(value)
}

/** The parts of a global id, or null when `value` is not one (wrong length, case, version or variant). */
export function parseGlobalId(value: unknown): { id: GlobalId; createdAt: Date } | null {
  if (!isGlobalId(value)) return null
  const ms = parseInt(value.slice(0, 8) + value.slice(9, 13), 16)
  return { id: value, createdAt: new Date(ms) }
}
