import type { AxeImpactLevel } from '../../shared/web/audit-result'
import { impactLabelsZh } from '../../shared/web/standards'
import { formatProgressLine, type BatchProgress } from '../core/web-audits/batch/batch-progress'
import type { PageEvent } from '../core/web-audits/batch/batch-runner'
import type { ReportSource } from '../core/web-audits/report/report-types'
import { documentCounts } from '../core/web-audits/linked-docs/check-documents'
import { exitCodes, out } from './output'

/**
 * What `access-audit audit` says on stderr while and after it runs, and the exit code: pure functions of the
 * batch's stored results, so the last line and the code always agree.
 */

const impactRank: Readonly<Record<AxeImpactLevel, number>> = {
  minor: 1,
  moderate: 2,
  serious: 3,
  critical: 4,
}

type PortalOfReport = Pick<ReportSource['portals'][number], 'status' | 'summary'>

/**
 * 4 when a website had not one page audited (its run failed), else 3 when a violation at or above `failOn` was
 * found, else 0. A batch that did not finish is 1 (said by the caller).
 */
export function exitCodeFor(portals: readonly PortalOfReport[], failOn: AxeImpactLevel): number {
  if (portals.some((p) => p.status === 'failed' || p.summary.pages.audited === 0))
    return exitCodes.noPageAudited
  const found = portals.some((p) =>
    (Object.keys(impactRank) as AxeImpactLevel[]).some(
      (impact) => impactRank[impact] >= impactRank[failOn] && p.summary.byImpact[impact].instances > 0,
    ),
  )
  return found ? exitCodes.violations : exitCodes.ok
}

/** The first reason a page of this website could not be audited (zh-CN), for the final line. */
function firstFailure(portal: ReportSource['portals'][number]): string {
  for (const page of portal.pages()) if (!page.ok) return page.failureMessage ?? page.failureReason ?? ''
  return ''
}

/** ' · 文件 …' when the pages link to documents: how many were checked, had problems, could not be checked. */
function documentsNote(documents: ReportSource['portals'][number]['documents']): string {
  if (!documents || documents.length === 0) return ''
  const c = documentCounts(documents)
  return ` · 文件 ${c.found} 个（已检查 ${c.checked}，有问题 ${c.withProblems}${c.notChecked > 0 ? `，未能检查 ${c.notChecked}` : ''}）`
}

/** ' · 无障碍工具条 …（仅作提示，不计分）' when overlays were found on the pages. */
function overlaysNote(overlays: ReportSource['portals'][number]['overlays']): string {
  if (!overlays || overlays.length === 0) return ''
  return ` · 无障碍工具条：${overlays.map((o) => o.name).join('、')}（仅作提示，不计分）`
}

/** One line per website, then the final line: what happened, in words that match the exit code. */
export function summaryLines(source: ReportSource, failOn: AxeImpactLevel): string[] {
  const lines = source.portals.map((p) => {
    const s = p.summary
    const name = p.name ?? p.startUrl
    if (s.pages.audited === 0) {
      return `✗ ${name}：没有一个页面检测成功（${s.pages.failed} 个页面失败）${firstFailure(p) ? `：${firstFailure(p)}` : ''}`
    }
    return `${name}：得分 ${s.score ?? '—'} · 页面 ${s.pages.audited}/${s.pages.total}（失败 ${s.pages.failed}）· 违规 ${s.violations.instances} 项（${s.violations.nodes} 处）· 需复核 ${s.needsReview.instances} 项${documentsNote(p.documents)}${overlaysNote(p.overlays)}`
  })
  const code = exitCodeFor(source.portals, failOn)
  const failed = source.portals.filter((p) => p.summary.pages.audited === 0).length
  const final =
    code === exitCodes.noPageAudited
      ? `✗ 检测失败：${failed} 个网站没有任何页面检测成功（共 ${source.portals.length} 个网站），退出码 4`
      : code === exitCodes.violations
        ? `✓ 检测完成：发现“${impactLabelsZh[failOn]}”（${failOn}）及以上级别的违规，退出码 3`
        : `✓ 检测完成：没有“${impactLabelsZh[failOn]}”（${failOn}）及以上级别的违规`
  return [...lines, final]
}

/** Per-page lines when stderr is not a terminal (logs, CI); one rewritten progress line on a terminal. */
export function progressPrinter(tty: boolean) {
  let last = ''
  return {
    page(event: PageEvent) {
      if (tty) return
      const r = event.result
      const violations = r.results.filter((x) => !x.needsReview).length
      const review = r.results.length - violations
      const what = r.ok
        ? `违规 ${violations} 项 · 需复核 ${review} 项`
        : `失败（${r.failureReason}）：${r.failureMessage ?? ''}`
      out.error(`[${formatProgressLine(event.progress)}] ${r.ok ? '✓' : '✗'} ${r.url} ${what}`)
    },
    progress(p: BatchProgress) {
      if (!tty) return
      last = formatProgressLine(p)
      process.stderr.write(`\r${last}\x1b[K`)
    },
    end() {
      if (tty && last) process.stderr.write('\n')
      last = ''
    },
  }
}
