/**
 * Sizes as people read them, for every message that states one: "25 MB", "34.3 MB", "512 KB", "1.2 GB" (binary
 * units, as the operating system's file manager shows them on Windows). One decimal at most, none when it is 0.
 * `round`: a file's own size is rounded up, so a file just over a limit never reads as equal to it; a limit is
 * rounded down, so a file of the size the message names is always accepted.
 */
export type SizeRounding = 'up' | 'down' | 'nearest'

const units = [
  { unit: 'GB', bytes: 1024 ** 3 },
  { unit: 'MB', bytes: 1024 ** 2 },
  { unit: 'KB', bytes: 1024 },
] as const

function roundTenths(value: number, round: SizeRounding): number {
  const tenths = value * 10
  // The epsilon keeps binary noise (25 × 1024² / 1024² = 25.000000000000004) from moving a whole number.
  const rounded =
    round === 'up'
      ? Math.ceil(tenths - 1e-9)
      : round === 'down'
        ? Math.floor(tenths + 1e-9)
        : Math.round(tenths)
  return rounded / 10
}

export function formatSize(bytes: number, round: SizeRounding = 'nearest'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  for (const { unit, bytes: size } of units) {
    if (bytes >= size) return `${formatNumber(roundTenths(bytes / size, round))} ${unit}`
  }
  return `${Math.round(bytes)} 字节`
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
