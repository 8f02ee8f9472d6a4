import type { QueueCounts } from '../store/queue-store'

/** Progress of a batch for a live progress bar (pure: counts in, numbers and a zh-CN line out). */

export interface BatchProgress {
  batchId: number
  /** Pages audited (done) and links that were not pages (skipped). */
  done: number
  skipped: number
  failed: number
  /** Pending plus in flight. */
  remaining: number
  running: number
  total: number
  /** Since this runner started (a resumed batch counts from the resume). */
  elapsedMs: number
  /** From this runner's own pace; null until a page finished. The total can still grow as links are found. */
  etaMs: number | null
  pagesPerMinute: number | null
}

export function computeProgress(
  batchId: number,
  counts: QueueCounts,
  session: { startedAt: number; finished: number },
  now: number,
): BatchProgress {
  const elapsedMs = Math.max(0, now - session.startedAt)
  const remaining = counts.pending + counts.running
  const rate = session.finished > 0 && elapsedMs > 0 ? session.finished / elapsedMs : null
  return {
    batchId,
    done: counts.done,
    skipped: counts.skipped,
    failed: counts.failed,
    remaining,
    running: counts.running,
    total: counts.total,
    elapsedMs,
    etaMs: rate ? Math.round(remaining / rate) : null,
    pagesPerMinute: rate ? Math.round(rate * 60_000 * 10) / 10 : null,
  }
}

/** '1 小时 02 分', '3 分 05 秒', '42 秒'. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (h > 0) return `${h} 小时 ${pad(m)} 分`
  if (m > 0) return `${m} 分 ${pad(s)} 秒`
  return `${s} 秒`
}

/** One line for a terminal or a log: '已完成 12 · 失败 1 · 剩余 37 · 用时 1 分 20 秒 · 预计剩余 3 分 05 秒'. */
export function formatProgressLine(p: BatchProgress): string {
  const parts = [
    `已完成 ${p.done + p.skipped}`,
    `失败 ${p.failed}`,
    `剩余 ${p.remaining}`,
    `用时 ${formatDuration(p.elapsedMs)}`,
    `预计剩余 ${p.etaMs === null ? '—' : formatDuration(p.etaMs)}`,
  ]
  return parts.join(' · ')
}
