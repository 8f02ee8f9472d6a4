import type { Verdict } from '../../../../shared/catalog/index'

/** One boundary case: inputs and the verdict they must produce. */
export interface Case {
  name: string
  inputs: Record<string, unknown>
  verdict: Verdict
  /** The explanation must match. */
  explanation?: RegExp
  /** Some reason must match (used for low-confidence and superseded notes). */
  reason?: RegExp
  /** true: an advisory note is expected; false: none is expected. */
  advisory?: boolean
}

export type CaseTable = Record<string, Case[]>

export function c(
  name: string,
  inputs: Record<string, unknown>,
  verdict: Verdict,
  more: Partial<Case> = {},
): Case {
  return { name, inputs, verdict, ...more }
}

// value builders in the stored InputValue format
export const mm = (value: number) => ({ value, unit: 'mm' })
export const cm = (value: number) => ({ value, unit: 'cm' })
export const m = (value: number) => ({ value, unit: 'm' })
export const pct = (value: number) => ({ value, unit: '%' })
export const deg = (value: number) => ({ value, unit: 'deg' })
/** 1:n */
export const ratio = (n: number) => ({ value: n, unit: 'ratio' })
export const count = (value: number) => ({ value, unit: 'count' })
export const newton = (value: number) => ({ value, unit: 'N' })
export const sec = (value: number) => ({ value, unit: 's' })
export const db = (value: number) => ({ value, unit: 'dB' })

/** Plain words for a figure or requirement not confirmed against the code text (never tool internals). */
export const LOW = /尚未与规范原文核对/
export const m2 = (value: number) => ({ value, unit: 'm2' })

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
