import { describe, expect, it } from 'vitest'
import { formatSize } from '../../../shared/domain/format-size'

const mb = 1024 * 1024

describe('formatSize', () => {
  it('says a limit in a few digits, rounded down (the request limit once read 34.33333396911621 MB)', () => {
    expect(formatSize(Math.ceil((25 * mb * 4) / 3) + mb, 'down')).toBe('34.3 MB')
    expect(formatSize(25 * mb, 'down')).toBe('25 MB')
    expect(formatSize(mb / 2, 'down')).toBe('512 KB')
  })

  it('rounds a file up, so a file just over a limit never reads as equal to it', () => {
    expect(formatSize(25 * mb + 1, 'up')).toBe('25.1 MB')
    expect(formatSize(31.42 * mb, 'up')).toBe('31.5 MB')
    expect(formatSize(3 * mb, 'up')).toBe('3 MB')
  })

  it('uses bytes, KB, MB and GB', () => {
    expect(formatSize(0)).toBe('0 字节')
    expect(formatSize(1023)).toBe('1023 字节')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(3.2 * 1024 * mb)).toBe('3.2 GB')
  })
})
